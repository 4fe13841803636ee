"""Exports prepared in the background: handing a request over to a job, the page that follows it ("Đang chuẩn
bị tệp…", polled by htmx), and the permission-checked download of its file."""

from datetime import timedelta

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.http import attachment
from documents import actions
from documents.jobs import KINDS, get_job_for
from documents.models import ExportJob
from documents.tasks import check_interrupted

# A job still waiting after this long means no worker is taking the queue: the page says who can start one.
WAITING_TOO_LONG = timedelta(minutes=2)


def hand_over(request, *, kind: str, params: dict, file_name: str, unit=None):
    """Answers an export request with a job: queued for the worker, the person sent to its page. Used by every
    view whose file is a PDF or too large to build in the request (documents.jobs.too_large)."""
    job = actions.request_export(by=request.user, kind=kind, params=params, file_name=file_name, unit=unit,
                                 origin=request.get_full_path())
    actions.start(job)
    return redirect("documents:export_job", pk=job.pk)


def export_job(request, pk):
    """The job's page: its progress while it runs, then the download link or the reason it failed."""
    job = get_job_for(request.user, pk)
    if check_interrupted(job):
        job.refresh_from_db()
    if job.status == ExportJob.Status.FAILED:
        actions.collect(job, by=request.user)
    template = "documents/_export_job.html" if request.htmx else "documents/export_job.html"
    return render(request, template, {"job": job, **_context(job)})


def _context(job: ExportJob) -> dict:
    kind = KINDS.get(job.kind)
    waiting = job.status == ExportJob.Status.QUEUED and timezone.now() - job.created_at > WAITING_TOO_LONG
    return {"kind_label": kind.label if kind else "", "waiting": waiting}


def export_file(request, pk):
    """The job's file, as an attachment, to whoever may fetch it (documents.jobs.may_fetch)."""
    job = get_job_for(request.user, pk)
    if job.status != ExportJob.Status.DONE or not job.file:
        return redirect("documents:export_job", pk=job.pk)
    try:
        handle = job.file.open("rb")
    except OSError:
        messages.error(request, _("Tệp không còn trên máy chủ (có thể đã quá thời hạn lưu giữ). Hãy bấm “Xuất lại”."))
        return redirect("documents:export_job", pk=job.pk)
    actions.collect(job, by=request.user)
    response = attachment(handle, job.file_name)
    response["Cache-Control"] = "private, no-store"
    return response
