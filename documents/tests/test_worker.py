"""A real worker process (`manage.py worker`) converts a plan to PDF queued as the page queues it, against a database
both processes see (a file on SQLite, the test database on PostgreSQL), and removes an expired result on its way;
a conversion cut short by a killed worker is done again by the next one."""

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from core.shared_database import shared_database, worker_database, worker_environment  # noqa: F401 (fixtures)
from documents import pdf
from documents.models import ExportJob

ROOT = Path(__file__).resolve().parents[2]
WAIT_SECONDS = 240

pytestmark = pytest.mark.skipif(not pdf.available(), reason="LibreOffice is not installed (make test installs it)")


def test_a_worker_process_converts_the_plan_to_pdf(worker_database, settings):  # noqa: F811 (imported fixture)
    from django_tasks_db.models import DBTaskResult

    from core.testing import make_cast
    from documents.tests.builders import make_plan

    cast = make_cast()
    plan = make_plan(cast)
    client = Client()
    client.force_login(cast.mai, backend="django.contrib.auth.backends.ModelBackend")
    job_page = client.get(f"/documents/ke-hoach/{plan.pk}.pdf")["Location"]
    job = ExportJob.objects.get()
    assert job.status == ExportJob.Status.QUEUED and DBTaskResult.objects.get(pk=job.task_id).status == "READY"
    assert "Đang chuẩn bị tệp…" in client.get(job_page).content.decode()
    # A result from long ago, whatever day the suite runs on: the worker's first sweep removes it.
    expired = ExportJob.objects.create(kind="ke-hoach", file_name="cu.pdf", requested_by=cast.mai,
                                       status=ExportJob.Status.DONE,
                                       created_at=datetime(2000, 1, 3, tzinfo=UTC),
                                       finished_at=datetime(2000, 1, 3, tzinfo=UTC))
    expired.file.save("cu.pdf", ContentFile(b"%PDF-1.4 old"))
    expired_file = Path(expired.file.path)

    worker = subprocess.run([sys.executable, "manage.py", "worker", "--batch", "--no-office", "--verbosity", "0"],
                            cwd=ROOT, env=worker_environment(worker_database, settings), capture_output=True,
                            timeout=WAIT_SECONDS)
    assert worker.returncode == 0, worker.stderr.decode()[-2000:]
    job.refresh_from_db()
    assert job.status == ExportJob.Status.DONE, job.message
    assert job.attempts == 1 and job.progress == 100 and Path(job.file.path).is_file()
    task = DBTaskResult.objects.get(pk=job.task_id)
    assert task.status == "SUCCESSFUL" and task.return_value["status"] == "done"
    assert "Tệp đã sẵn sàng" in client.get(job_page).content.decode()
    response = client.get(job_page + "tai-ve/")
    assert response["Content-Type"] == "application/pdf" and pdf.page_count(response.getvalue()) >= 3
    assert not ExportJob.objects.filter(pk=expired.pk).exists() and not expired_file.exists()


@pytest.mark.slow
def test_a_conversion_cut_short_by_a_killed_worker_is_done_again_when_a_worker_starts(worker_database,  # noqa: F811
                                                                                       settings):
    from django_tasks_db.models import DBTaskResult

    from core.testing import make_cast
    from documents.tests.builders import make_plan

    cast = make_cast()
    plan = make_plan(cast)
    client = Client()
    client.force_login(cast.mai, backend="django.contrib.auth.backends.ModelBackend")
    job_page = client.get(f"/documents/ke-hoach/{plan.pk}.pdf")["Location"]
    job = ExportJob.objects.get()
    env = worker_environment(worker_database, settings)
    # Its own session, so the LibreOffice it starts goes down with it.
    first = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--queue-name", "*", "--no-startup-delay", "--no-reload",
         "--interval", "0.2", "--verbosity", "0"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + WAIT_SECONDS
        while not ExportJob.objects.filter(pk=job.pk, status=ExportJob.Status.RUNNING).exists():
            assert time.monotonic() < deadline and first.poll() is None, first.stdout.read().decode()[-2000:]
            time.sleep(0.05)
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=30)
    job.refresh_from_db()
    assert job.status == ExportJob.Status.RUNNING and not job.file
    interrupted = job.task_id
    second = subprocess.run([sys.executable, "manage.py", "worker", "--batch", "--no-office", "--verbosity", "0"],
                            cwd=ROOT, env=env, capture_output=True, timeout=WAIT_SECONDS)
    assert second.returncode == 0, second.stderr.decode()[-2000:]
    job.refresh_from_db()
    assert job.status == ExportJob.Status.DONE and job.attempts == 2, job.message
    assert DBTaskResult.objects.get(pk=interrupted).status == "FAILED"
    assert not DBTaskResult.objects.filter(status="RUNNING").exists()
    assert pdf.page_count(client.get(job_page + "tai-ve/").getvalue()) >= 3
