"""A real worker process (`manage.py db_worker`, then `manage.py worker` after a kill) runs a real import queued as
the page queues it, against a database both processes see: a file on SQLite, the test database on PostgreSQL."""

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.shared_database import shared_database, worker_database, worker_environment  # noqa: F401 (fixtures)
from dossiers import actions
from dossiers.models import Dossier, ImportRun
from dossiers.parsing import guess_mapping
from dossiers.tables import Table
from dossiers.tests.helpers import HEADER, ROWS, SAMPLE, make_catalogue, upload

ROOT = Path(__file__).resolve().parents[2]
WAIT_SECONDS = 120


def _queue(cast, content: bytes) -> ImportRun:
    make_catalogue()
    run = upload(cast.mai, cast.department, "export.csv", content)
    with Table(run.file.path) as table:
        mapping = guess_mapping(table.headers)
    actions.confirm_columns(run, by=cast.mai, mapping=mapping, mode=ImportRun.Mode.ALL_OR_NOTHING)
    actions.start(run)
    run.refresh_from_db()
    return run


def _wait(predicate, process=None):
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if predicate():
            return
        if process is not None and process.poll() is not None and not predicate():
            raise AssertionError(f"the worker stopped: {process.stdout.read().decode()[-2000:]}")
        time.sleep(0.1)
    raise AssertionError("timed out")


def test_a_worker_process_runs_the_queued_import(worker_database, settings):  # noqa: F811 (imported fixture)
    from django_tasks_db.models import DBTaskResult

    from core.testing import make_cast

    cast = make_cast()
    run = _queue(cast, SAMPLE.encode())
    assert run.status == ImportRun.Status.QUEUED and DBTaskResult.objects.get(pk=run.task_id).status == "READY"
    worker = subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--queue-name", "*", "--batch", "--no-startup-delay",
         "--no-reload", "--verbosity", "0"],
        cwd=ROOT, env=worker_environment(worker_database, settings), capture_output=True, timeout=WAIT_SECONDS)
    assert worker.returncode == 0, worker.stderr.decode()[-2000:]
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE, run.message
    assert run.created_count == 9 and Dossier.objects.count() == 9
    task = DBTaskResult.objects.get(pk=run.task_id)
    assert task.status == "SUCCESSFUL" and task.return_value["created"] == 9


@pytest.mark.slow
def test_an_import_cut_short_by_a_killed_worker_runs_again_when_a_worker_starts(worker_database, settings):  # noqa: F811
    from django_tasks_db.models import DBTaskResult

    from core.testing import make_cast

    cast = make_cast()
    lines = [HEADER, *(ROWS[2].replace("H03", f"K{i:07d}") for i in range(60_000))]
    run = _queue(cast, ("\n".join(lines) + "\n").encode())
    env = worker_environment(worker_database, settings)
    first = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--queue-name", "*", "--no-startup-delay", "--no-reload",
         "--interval", "0.2", "--verbosity", "0"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        # Its progress is on the run, committed as it reads: this process sees it while the worker works.
        _wait(lambda: ImportRun.objects.filter(pk=run.pk, processed_rows__gt=0).exists(), first)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.RUNNING and Dossier.objects.count() == 0
    interrupted = run.task_id
    assert DBTaskResult.objects.get(pk=interrupted).status == "RUNNING"
    second = subprocess.run([sys.executable, "manage.py", "worker", "--batch", "--no-office", "--verbosity", "0"],
                            cwd=ROOT, env=env, capture_output=True, timeout=WAIT_SECONDS)
    assert second.returncode == 0, second.stderr.decode()[-2000:]
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE, run.message
    assert run.attempts == 2 and Dossier.objects.count() == 60_000
    old = DBTaskResult.objects.get(pk=interrupted)
    assert old.status == "FAILED" and "gián đoạn" in old.traceback
    assert DBTaskResult.objects.get(pk=run.task_id).status == "SUCCESSFUL"
    assert not DBTaskResult.objects.filter(status="RUNNING").exists()
