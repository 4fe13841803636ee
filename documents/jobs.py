"""Exports prepared in the background (tệp đã xuất): which kinds there are, how each is built from its job's
parameters, who may fetch the result, and when a request should become a job rather than a file built inline.

Every PDF is a job (LibreOffice takes seconds, more under load); so is any export of more rows than
CCHC_EXPORT_INLINE_ROWS. The kinds are cchc's documents (documents.services.EXPORTS, keyed as there) and the long
lists other apps export (the dossiers behind a figure, a survey's answers), built by their own functions.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.http import Http404
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from accounts.permissions import can, can_on
from documents.models import ExportJob


class JobProblem(Exception):
    """The job cannot make its file; the message tells the person why and what to do, in Vietnamese."""


class Progress:
    """Writes a running job's progress (0–100) and stage on its record as it goes, committed at once so the page
    (another connection) follows it; a percent already written is not written again."""

    def __init__(self, job: ExportJob):
        self.job = job
        self._shown: tuple[int, str] | None = None

    def __call__(self, percent: int, message: str | None = None) -> None:
        percent = max(0, min(99, int(percent)))
        message = self.job.message if message is None else message
        if self._shown == (percent, message):
            return
        self._shown = (percent, message)
        self.job.progress, self.job.message = percent, message
        ExportJob.objects.filter(pk=self.job.pk).update(progress=percent, message=message)

    def over(self, rows: Iterable, total: int, start: int = 5, end: int = 90) -> Iterator:
        """Yields the rows, moving the progress from `start` to `end` as they pass (total: how many to expect)."""
        total = max(total, 1)
        step = max(total // 100, 1)
        for count, row in enumerate(rows, start=1):
            if count % step == 0:
                self(start + (end - start) * min(count, total) // total)
            yield row


@dataclass(frozen=True)
class Kind:
    label: object
    build: Callable[[ExportJob, Progress], bytes]  # the file's bytes, or JobProblem
    # Besides the requester, who holds this permission over the job's unit may fetch the file; None: only the
    # requester (a list whose rows depend on who asked).
    shared_with: str | None = None


def _document(job: ExportJob, progress: Progress) -> bytes:
    from documents import services

    export = services.EXPORTS[job.kind]
    obj = target_object(export.target, job.params.get("pk"))
    if obj is None:
        raise JobProblem(_("Không còn đối tượng của văn bản này (có thể đã bị xóa)."))
    if not can_on(job.requested_by, "document.export", services.unit_of(export.target, obj)):
        raise JobProblem(_("Anh/Chị không còn quyền xuất văn bản này."))
    fmt = job.params.get("fmt", export.base)
    progress(10, str(_("Đang soạn văn bản…")))
    try:
        data, _name = services.produce(export, obj, export.base, document_params(job.params),
                                       use_template=job.params.get("template", True))
        if fmt == "pdf":
            progress(45, str(_("Đang chuyển sang PDF…")))
            data = services.convert(data, export.base)
    except services.ExportProblem as problem:
        raise JobProblem(str(problem)) from problem
    return data


def _elsewhere(path: str) -> Callable[[ExportJob, Progress], bytes]:
    """A builder of another app, imported when a job of its kind runs."""

    def build(job: ExportJob, progress: Progress) -> bytes:
        return import_string(path)(job, progress)

    return build


def _kinds() -> dict[str, Kind]:
    from documents import services

    kinds = {key: Kind(export.label, _document, shared_with="document.export")
             for key, export in services.EXPORTS.items()}
    kinds["ho-so-tthc"] = Kind(_("Danh sách hồ sơ TTHC (Excel)"), _elsewhere("dossiers.views.figures.list_export"))
    kinds["phieu-tra-loi"] = Kind(_("Phiếu trả lời khảo sát (Excel)"),
                                  _elsewhere("surveys.views.exports.answers_export"), shared_with="survey.view")
    return kinds


KINDS: dict[str, Kind] = _kinds()


def too_large(rows: int) -> bool:
    """An export of this many rows is prepared in the background rather than built in the request."""
    return rows > settings.CCHC_EXPORT_INLINE_ROWS


def target_object(target: str, pk):
    """The plan, assessment, framework or unit a document is about, or None."""
    from assessments.models import Assessment
    from frameworks.models import Framework
    from org.models import Unit
    from plans.models import Plan

    model = {"plan": Plan, "assessment": Assessment, "framework": Framework, "unit": Unit}[target]
    try:
        return model.objects.filter(pk=pk).first()
    except (ValueError, TypeError):
        return None


def document_params(params: dict) -> dict:
    """A document job's parameters as services.produce takes them (the day as a date)."""
    out = {key: params[key] for key in ("kind", "year", "quarter") if key in params}
    out["today"] = date.fromisoformat(params["today"]) if params.get("today") else date.today()
    return out


def may_fetch(user, job: ExportJob) -> bool:
    """The requester; or, for a kind shared that way, who may make the same export for the job's unit."""
    if job.requested_by_id == user.pk:
        return True
    kind = KINDS.get(job.kind)
    return bool(kind and kind.shared_with and job.unit is not None and can(user, kind.shared_with, job.unit))


def get_job_for(user, pk) -> ExportJob:
    """The door to a job and its file: 404 for whoever may not fetch it, so nobody learns that it exists."""
    try:
        job = ExportJob.objects.select_related("unit").filter(pk=pk).first()
    except (ValueError, TypeError):
        job = None
    if job is None or not may_fetch(user, job):
        raise Http404
    return job


def recent_for(user, limit: int = 10) -> list[ExportJob]:
    """The person's own jobs still kept, newest first (the documents page's "Tệp đã xuất")."""
    return list(ExportJob.objects.filter(requested_by=user).order_by("-created_at", "-pk")[:limit])
