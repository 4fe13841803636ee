"""The dossier import as a background task: queued by the page, run by a worker (`manage.py worker`).

A worker holds one of CCHC_PARALLEL_IMPORTS slots while it imports; with every slot taken the task goes back in
the queue for a few seconds. A run whose worker died (restart, killed process) wrote nothing, since its dossiers
are written in one transaction at the end: it is queued again once, then failed with a message saying so.
"""

from django.conf import settings
from django_tasks import task

from core import jobs
from dossiers.models import ImportRun

MAX_ATTEMPTS = 2
INTERRUPTED_AGAIN = ("Lần nhập bị gián đoạn hai lần (tiến trình chạy nền dừng giữa chừng, ví dụ do khởi động lại "
                     "máy chủ): không ghi hồ sơ nào. Hãy bấm “Ghép cột lại và nhập lại”.")
RESUMED = ("Lần nhập trước bị gián đoạn (tiến trình chạy nền dừng giữa chừng) và không ghi hồ sơ nào; "
           "đang chạy lại từ đầu.")


def _resume_or_fail(record) -> None:
    """Called by the sweep for a task record whose worker is gone."""
    jobs.resume_or_fail(ImportRun, record, task=import_dossiers, max_attempts=MAX_ATTEMPTS, resumed=RESUMED,
                        failed_again=INTERRUPTED_AGAIN, reset={"processed_rows": 0})


@task(queue_name="imports", takes_context=True)
@jobs.leased(on_abandoned=_resume_or_fail)
def import_dossiers(context, run_id: int) -> dict:
    from dossiers.importer import execute

    run = ImportRun.objects.select_related("source__unit", "created_by").filter(pk=run_id).first()
    if run is None or run.status != ImportRun.Status.QUEUED:
        return {"run": run_id, "skipped": run.status if run else "missing"}
    with jobs.bounded(import_dossiers, run, "dossier-import-slot", settings.CCHC_PARALLEL_IMPORTS) as ready:
        if not ready:
            return {"run": run_id, "deferred": True}
        jobs.count_attempt(run)
        execute(run)
    return {"run": run_id, "status": run.status, "created": run.created_count, "updated": run.updated_count,
            "errors": run.error_count}


def enqueue(run: ImportRun, after=None) -> None:
    """Queues the run's import (kept on the run: task_id), to run after `after` if given."""
    jobs.enqueue(import_dossiers, run, after=after)


def check_interrupted(run: ImportRun) -> bool:
    """For the run page: if the run's worker is gone, the sweep deals with it now. True when it did."""
    return jobs.check_interrupted(run)
