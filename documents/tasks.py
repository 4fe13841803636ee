"""Exports prepared as background tasks: queued by the page that asked (documents.actions), run by a worker
(`manage.py worker`), followed on the job's page.

At most CCHC_PARALLEL_EXPORTS run at once across every worker (each holds a slot while it builds and converts;
with every slot taken the task goes back in the queue for a few seconds), so a burst of PDF requests does not
start a LibreOffice each. A job whose worker died (restart, killed process) kept nothing, since its file is saved
only at the end: it is prepared again once, then failed with a message saying so. The worker removes results
older than CCHC_EXPORT_RETENTION_DAYS at its sweeps.
"""

import logging
from contextlib import suppress
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.db.models import Q
from django.utils import timezone, translation
from django_tasks import task

from core import jobs
from documents.jobs import KINDS, JobProblem, Progress
from documents.models import ExportJob

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 2
RESUMED = "Lần chuẩn bị trước bị gián đoạn (tiến trình chạy nền dừng giữa chừng); đang làm lại từ đầu."
INTERRUPTED_AGAIN = ("Việc chuẩn bị tệp bị gián đoạn hai lần (tiến trình chạy nền dừng giữa chừng, ví dụ do khởi "
                     "động lại máy chủ). Hãy bấm “Xuất lại”; nếu vẫn không được, báo quản trị hệ thống.")
UNEXPECTED = ("Lỗi hệ thống khi chuẩn bị tệp. Hãy bấm “Xuất lại”; nếu vẫn không được, báo quản trị hệ thống "
              "(nhật ký của dịch vụ cchc-worker ghi chi tiết).")
UNKNOWN_KIND = "Loại tệp này không còn được hỗ trợ."


def _resume_or_fail(record) -> None:
    """Called by the sweep for a task record whose worker is gone."""
    jobs.resume_or_fail(ExportJob, record, task=prepare_export, max_attempts=MAX_ATTEMPTS, resumed=RESUMED,
                        failed_again=INTERRUPTED_AGAIN, reset={"progress": 0})


@task(queue_name="documents", takes_context=True)
@jobs.leased(on_abandoned=_resume_or_fail)
def prepare_export(context, job_id: int) -> dict:
    job = ExportJob.objects.select_related("requested_by", "unit").filter(pk=job_id).first()
    if job is None or job.status != ExportJob.Status.QUEUED:
        return {"job": job_id, "skipped": job.status if job else "missing"}
    with jobs.bounded(prepare_export, job, "export-slot", settings.CCHC_PARALLEL_EXPORTS) as ready:
        if not ready:
            return {"job": job_id, "deferred": True}
        jobs.count_attempt(job)
        run(job)
    return {"job": job_id, "status": job.status, "size": job.size}


def run(job: ExportJob) -> ExportJob:
    """Builds the job's file and keeps it; the job ends done, or failed with the reason for the person."""
    job.status, job.started_at, job.finished_at, job.progress = ExportJob.Status.RUNNING, timezone.now(), None, 0
    if job.message != RESUMED:
        job.message = ""
    job.save(update_fields=["status", "started_at", "finished_at", "progress", "message"])
    kind = KINDS.get(job.kind)
    try:
        if kind is None:
            raise JobProblem(UNKNOWN_KIND)
        # Files are written in Vietnamese whatever language the requester's pages are in.
        with translation.override(settings.LANGUAGE_CODE):
            data = kind.build(job, Progress(job))
    except JobProblem as problem:
        return _finish(job, ExportJob.Status.FAILED, str(problem))
    except Exception:
        # Never left "running": the person is told, and the task record keeps the traceback for the administrator.
        _finish(job, ExportJob.Status.FAILED, UNEXPECTED)
        raise
    job.file.save(job.file_name, ContentFile(data), save=False)
    job.size = len(data)
    return _finish(job, ExportJob.Status.DONE, "")


def _finish(job: ExportJob, status: str, message: str) -> ExportJob:
    job.status, job.message, job.finished_at = status, message, timezone.now()
    if status == ExportJob.Status.DONE:
        job.progress = 100
    job.save(update_fields=["status", "message", "finished_at", "progress", "file", "size"])
    return job


def enqueue(job: ExportJob, after=None) -> None:
    """Queues the job (kept on it: task_id), to run after `after` if given."""
    jobs.enqueue(prepare_export, job, after=after)


def check_interrupted(job: ExportJob) -> bool:
    """For the job's page: if its worker is gone, the sweep deals with it now. True when it did."""
    return jobs.check_interrupted(job)


@jobs.periodic
def remove_expired_exports() -> int:
    """Results kept longer than CCHC_EXPORT_RETENTION_DAYS go, file and record, and so do jobs that waited that long
    for a worker. Returns how many."""
    cutoff = timezone.now() - timedelta(days=settings.CCHC_EXPORT_RETENTION_DAYS)
    expired = ExportJob.objects.filter(Q(finished_at__lt=cutoff) | Q(status=ExportJob.Status.QUEUED,
                                                                      created_at__lt=cutoff))
    removed = 0
    for job in expired.only("pk", "file").iterator():
        if job.file:
            _delete_file(job.file.storage, job.file.name)
        ExportJob.objects.filter(pk=job.pk).delete()
        removed += 1
    if removed:
        logger.info("removed %s expired exports", removed)
    return removed


def _delete_file(storage, name: str) -> None:
    storage.delete(name)
    with suppress(OSError):  # the job's own folder, now empty
        Path(storage.path(name)).parent.rmdir()
