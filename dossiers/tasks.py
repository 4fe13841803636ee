"""The dossier import as a background task: queued by the page, run by a worker (`manage.py worker`).

A worker holds one of CCHC_PARALLEL_IMPORTS slots while it imports; with every slot taken the task goes back in
the queue for a few seconds. A run whose worker died (restart, killed process) wrote nothing, since its dossiers
are written in one transaction at the end: it is queued again once, then failed with a message saying so.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from core import jobs
from dossiers.models import ImportRun

MAX_ATTEMPTS = 2
BUSY_RETRY = timedelta(seconds=5)
INTERRUPTED_AGAIN = ("Lần nhập bị gián đoạn hai lần (tiến trình chạy nền dừng giữa chừng, ví dụ do khởi động lại "
                     "máy chủ): không ghi hồ sơ nào. Hãy bấm “Ghép cột lại và nhập lại”.")
RESUMED = ("Lần nhập trước bị gián đoạn (tiến trình chạy nền dừng giữa chừng) và không ghi hồ sơ nào; "
           "đang chạy lại từ đầu.")


def _resume_or_fail(record) -> None:
    """Called by the sweep for a task record whose worker is gone."""
    run = ImportRun.objects.filter(task_id=str(record.id),
                                   status__in=[ImportRun.Status.QUEUED, ImportRun.Status.RUNNING]).first()
    if run is None:
        return
    if run.attempts >= MAX_ATTEMPTS:
        run.status, run.message, run.finished_at = ImportRun.Status.FAILED, INTERRUPTED_AGAIN, timezone.now()
        run.save(update_fields=["status", "message", "finished_at"])
        return
    run.status, run.message, run.processed_rows = ImportRun.Status.QUEUED, RESUMED, 0
    run.save(update_fields=["status", "message", "processed_rows"])
    enqueue(run)


@task(queue_name="imports", takes_context=True)
@jobs.leased(on_abandoned=_resume_or_fail)
def import_dossiers(context, run_id: int) -> dict:
    from dossiers.importer import execute

    run = ImportRun.objects.select_related("source__unit", "created_by").filter(pk=run_id).first()
    if run is None or run.status != ImportRun.Status.QUEUED:
        return {"run": run_id, "skipped": run.status if run else "missing"}
    slot = _take_slot()
    if slot is None:
        backend = import_dossiers.get_backend()
        if backend.supports_defer:
            enqueue(run, after=timezone.now() + BUSY_RETRY)
            return {"run": run_id, "deferred": True}
    try:
        ImportRun.objects.filter(pk=run.pk).update(attempts=F("attempts") + 1)
        run.refresh_from_db(fields=["attempts"])
        execute(run)
    finally:
        if slot is not None:
            slot.release()
    return {"run": run_id, "status": run.status, "created": run.created_count, "updated": run.updated_count,
            "errors": run.error_count}


def _take_slot() -> jobs.Lease | None:
    for i in range(max(1, settings.CCHC_PARALLEL_IMPORTS)):
        lease = jobs.Lease(f"dossier-import-slot:{i}")
        if lease.acquire():
            return lease
    return None


def enqueue(run: ImportRun, after=None) -> None:
    """Queues the run's import (kept on the run: task_id), to run after `after` if given."""
    queued = import_dossiers.using(run_after=after) if after else import_dossiers
    result = queued.enqueue(run.pk)
    ImportRun.objects.filter(pk=run.pk).update(task_id=str(result.id))


def check_interrupted(run: ImportRun) -> bool:
    """For the run page: if the run's worker is gone, the sweep deals with it now. True when it did."""
    if run.status != ImportRun.Status.RUNNING or not run.task_id or settings.TASKS_KIND != "database":
        return False
    if run.started_at and timezone.now() - run.started_at < jobs.claim_grace():
        return False
    from django_tasks_db.models import DBTaskResult

    record = DBTaskResult.objects.running().filter(pk=run.task_id).first()
    if record is None or not jobs.is_abandoned(record.id):
        return False
    jobs.mark_interrupted(record)
    return True
