"""Background tasks that know when they were cut short: leases held while a task runs, and the sweep that finds
the tasks whose worker died (a restart, a killed process) and says so instead of leaving them "running".

A lease is held by the running process itself, so it vanishes with it, whatever killed it:
- on PostgreSQL, a session advisory lock on a connection of its own (workers on several machines share it);
- on SQLite (one machine), an flock on a file under VAR_DIR/locks.
A task record left RUNNING whose lease anyone can take is an orphan: nobody is running it any more.

What every job kept on a record of its own (a dossier ImportRun, a documents ExportJob: status, message, attempts,
task_id, started_at, finished_at) shares is here too: queueing it with its task id (`enqueue`), bounded parallelism
(`bounded`: one of N slot leases, else queued again a few seconds later), resume-or-fail after a restart
(`resume_or_fail`, `check_interrupted`), and the housekeeping the worker runs at each sweep (`periodic`).
"""

import fcntl
import hashlib
import logging
from collections.abc import Callable
from contextlib import contextmanager, suppress
from datetime import timedelta
from functools import wraps
from importlib import import_module
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.db.models import F
from django.utils import timezone

logger = logging.getLogger(__name__)


def claim_grace() -> timedelta:
    """A task claimed by a worker takes its lease within milliseconds; one still without it after this long died."""
    return timedelta(seconds=getattr(settings, "CCHC_TASK_CLAIM_GRACE_SECONDS", 30))


INTERRUPTED = "core.jobs.Interrupted"


class Interrupted(Exception):
    """The worker running the task stopped before it finished (restart, crash, killed process)."""


class Lease:
    """A named lock held by this process until released (or until the process ends)."""

    def __init__(self, name: str):
        self.name = name
        self._file = None
        self._connection = None

    def acquire(self) -> bool:
        if connections["default"].vendor == "postgresql":
            return self._acquire_advisory()
        return self._acquire_file()

    def _acquire_file(self) -> bool:
        folder = Path(settings.VAR_DIR) / "locks"
        folder.mkdir(parents=True, exist_ok=True)
        handle = open(folder / f"{hashlib.sha1(self.name.encode(), usedforsecurity=False).hexdigest()}.lock", "a+")  # noqa: SIM115
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._file = handle
        return True

    def _acquire_advisory(self) -> bool:
        connection = connections.create_connection("default")
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [_lock_key(self.name)])
            held = cursor.fetchone()[0]
        if not held:
            connection.close()
            return False
        self._connection = connection
        return True

    def release(self) -> None:
        if self._file is not None:
            with suppress(OSError):
                fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
            self._file = None
        if self._connection is not None:
            self._connection.close()  # the session ends, and its advisory locks with it
            self._connection = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.release()


def _lock_key(name: str) -> int:
    return int.from_bytes(hashlib.sha1(name.encode(), usedforsecurity=False).digest()[:8], "big", signed=True)


def task_lease_name(task_id) -> str:
    return f"task:{task_id}"


def is_abandoned(task_id) -> bool:
    """True when nobody holds the task's lease: the process that ran it is gone."""
    probe = Lease(task_lease_name(task_id))
    if probe.acquire():
        probe.release()
        return True
    return False


# Called with the task record of an orphan, so the app that owns the work can resume it or mark it failed.
_on_abandoned: dict[str, Callable] = {}


def leased(on_abandoned: Callable | None = None):
    """Wraps a task function (taking its context first) so it holds the lease of its task record while it runs."""

    def decorate(function):
        path = f"{function.__module__}.{function.__qualname__}"
        if on_abandoned is not None:
            _on_abandoned[path] = on_abandoned

        @wraps(function)
        def run(context, *args, **kwargs):
            lease = Lease(task_lease_name(context.task_result.id))
            lease.acquire()
            try:
                sweep()
                return function(context, *args, **kwargs)
            finally:
                lease.release()

        return run

    return decorate


def sweep() -> int:
    """Every task record left RUNNING by a worker that is gone is marked failed, with a clear message, and its app
    told (a dossier import is then queued again or failed). Returns how many were found."""
    if "django_tasks_db" not in settings.INSTALLED_APPS:
        return 0
    from django_tasks_db.models import DBTaskResult

    found = 0
    stale = timezone.now() - claim_grace()
    for record in DBTaskResult.objects.running().filter(started_at__lt=stale):
        if not is_abandoned(record.id):
            continue
        found += 1
        mark_interrupted(record)
    return found


def mark_interrupted(record) -> None:
    from django_tasks_db.models import DBTaskResult

    message = ("Công việc bị gián đoạn: tiến trình chạy nền đã dừng (khởi động lại máy chủ hoặc bị tắt) "
               "trước khi xong.")
    updated = DBTaskResult.objects.filter(pk=record.pk, status=record.status).update(
        status="FAILED", finished_at=timezone.now(), exception_class_path=INTERRUPTED, traceback=message,
        return_value=None)
    if not updated:
        return
    logger.warning("task %s (%s) was interrupted; marked failed", record.pk, record.task_path)
    handler = _on_abandoned.get(record.task_path)
    if handler is None:
        with suppress(ImportError, AttributeError):
            import_module(record.task_path.rsplit(".", 1)[0])  # the task's module registers its handler
            handler = _on_abandoned.get(record.task_path)
    if handler is not None:
        try:
            handler(record)
        except Exception:
            logger.exception("handling the interrupted task %s failed", record.pk)



# What runs at each of the worker's sweeps besides finding orphans (removing expired export files, …), registered
# by the apps' tasks modules with @periodic.
_periodic: list[Callable[[], object]] = []


def periodic(function: Callable[[], object]) -> Callable[[], object]:
    """Registers housekeeping the worker runs when it starts and at each of its sweeps (about once a minute)."""
    if all(f"{f.__module__}.{f.__qualname__}" != f"{function.__module__}.{function.__qualname__}" for f in _periodic):
        _periodic.append(function)
    return function


def autodiscover() -> None:
    """Imports every app's tasks module, so their abandon handlers and housekeeping are known to this process."""
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("tasks")


def housekeep() -> None:
    """Runs the registered housekeeping; one that fails is logged and the others still run."""
    for function in list(_periodic):
        try:
            function()
        except Exception:
            logger.exception("housekeeping %s failed", function.__qualname__)


# How soon a task that found every slot of its kind taken is tried again.
BUSY_RETRY = timedelta(seconds=5)


def take_slot(name: str, size: int) -> Lease | None:
    """One of `size` leases named `name:0`, `name:1`, …: at most `size` pieces of this kind of work run at once across
    every worker that shares the database. None when all are taken."""
    for i in range(max(1, size)):
        lease = Lease(f"{name}:{i}")
        if lease.acquire():
            return lease
    return None


@contextmanager
def bounded(task, job, slot: str, size: int):
    """Holds one of the `slot` leases while the body runs and yields True. With every slot taken, the job is queued
    again a few seconds later and False is yielded (the body returns at once); a backend that cannot defer (the
    immediate backend of a quick try and of the tests) runs the work anyway."""
    lease = take_slot(slot, size)
    if lease is None and task.get_backend().supports_defer:
        enqueue(task, job, after=timezone.now() + BUSY_RETRY)
        yield False
        return
    try:
        yield True
    finally:
        if lease is not None:
            lease.release()


def enqueue(task, job, after=None) -> None:
    """Queues task(job.pk), to run after `after` if given, and keeps the task record's id on the job (task_id)."""
    queued = task.using(run_after=after) if after else task
    result = queued.enqueue(job.pk)
    type(job).objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.task_id = str(result.id)


def count_attempt(job) -> None:
    """One more start of the job's work, counted in the database (a second worker sees it)."""
    type(job).objects.filter(pk=job.pk).update(attempts=F("attempts") + 1)
    job.refresh_from_db(fields=["attempts"])


def resume_or_fail(model, record, *, task, max_attempts: int, resumed: str, failed_again: str,
                   reset: dict | None = None):
    """For a sweep's handler: the job of `model` run by the orphaned task record is queued again (its work starts
    over, with `reset` fields set back) while it has attempts left, else failed with `failed_again`. The model has
    status (Status.QUEUED, RUNNING, FAILED), message, attempts, task_id and finished_at. Returns the job, if any."""
    job = model.objects.filter(task_id=str(record.id), status__in=[model.Status.QUEUED, model.Status.RUNNING]).first()
    if job is None:
        return None
    if job.attempts >= max_attempts:
        job.status, job.message, job.finished_at = model.Status.FAILED, failed_again, timezone.now()
        job.save(update_fields=["status", "message", "finished_at"])
        return job
    job.status, job.message = model.Status.QUEUED, resumed
    for name, value in (reset or {}).items():
        setattr(job, name, value)
    job.save(update_fields=["status", "message", *(reset or {})])
    enqueue(task, job)
    return job


def check_interrupted(job) -> bool:
    """For a job's page: when the worker running the job is gone, the sweep's handling happens now rather than at
    the next sweep (the job is queued again or failed). True when it did. The job has status, task_id, started_at."""
    if job.status != type(job).Status.RUNNING or not job.task_id or settings.TASKS_KIND != "database":
        return False
    if job.started_at and timezone.now() - job.started_at < claim_grace():
        return False
    from django_tasks_db.models import DBTaskResult

    record = DBTaskResult.objects.running().filter(pk=job.task_id).first()
    if record is None or not is_abandoned(record.id):
        return False
    mark_interrupted(record)
    return True
