"""Every write of the documents app: uploading and removing user templates, and asking for an export prepared in
the background, audited. (The worker's own writes to a running job, its progress and result, are in
documents.tasks.)"""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from audit.log import record, record_create, record_delete
from audit.models import AuditEntry
from documents import catalog, templating
from documents.models import DocumentTemplate, ExportJob

FIELDS = ["kind", "name", "unit", "target_type", "target_id", "target_label", "file"]
JOB_FIELDS = ["kind", "file_name", "unit"]


@transaction.atomic
def upload_template(*, by, kind: str, unit, name: str, data: bytes, filename: str, target_type: str = "unit",
                    target_id: int | None = None, target_label: str = "") -> tuple[DocumentTemplate, list[str]]:
    """Checks the .docx against its kind's sample data, then keeps it. Raises templating.TemplateProblem."""
    document_kind = catalog.KINDS[kind]
    used, warnings = templating.check(data, catalog.SAMPLES[kind], document_kind.names)
    template = DocumentTemplate(kind=kind, unit=unit, name=name, target_type=target_type,
                                target_id=target_id if target_type != DocumentTemplate.Target.UNIT else None,
                                target_label=target_label, variables=used, uploaded_by=by)
    template.file.save(filename, ContentFile(data), save=False)
    template.save()
    record_create(by=by, obj=template, fields=FIELDS)
    return template, warnings


@transaction.atomic
def delete_template(*, by, template: DocumentTemplate) -> None:
    record_delete(by=by, obj=template, fields=FIELDS)
    stored = template.file.name
    template.delete()
    # The file goes once the row is gone for good, so a rolled-back delete keeps a working template.
    storage = template.file.storage
    transaction.on_commit(lambda: storage.delete(stored) if stored and storage.exists(stored) else None)


@transaction.atomic
def request_export(*, by, kind: str, params: dict, file_name: str, unit=None, origin: str = "") -> ExportJob:
    """A background job for this export (queued by start()): the person's same one still waiting or running if
    there is one, so a second click does not prepare the file twice."""
    waiting = ExportJob.objects.filter(requested_by=by, kind=kind,
                                       status__in=[ExportJob.Status.QUEUED, ExportJob.Status.RUNNING])
    same = next((job for job in waiting.order_by("-created_at") if job.params == params), None)
    if same is not None:
        return same
    job = ExportJob.objects.create(kind=kind, params=params, file_name=file_name[:255], requested_by=by, unit=unit,
                                   origin=origin[:2000])
    record_create(by=by, obj=job, fields=JOB_FIELDS)
    return job


def start(job: ExportJob) -> None:
    """Queues the job for the background worker (`manage.py worker`); the job's page follows it."""
    from documents.tasks import enqueue

    if not job.task_id:
        enqueue(job)


@transaction.atomic
def collect(job: ExportJob, *, by) -> None:
    """The requester took the file (or read why it failed): the to-do list stops showing it."""
    if job.requested_by_id != by.pk or job.collected_at is not None:
        return
    job.collected_at = timezone.now()
    ExportJob.objects.filter(pk=job.pk).update(collected_at=job.collected_at)
    record(by=by, obj=job, action=AuditEntry.Action.OTHER,
           note="Đã tải tệp về" if job.status == ExportJob.Status.DONE else "Đã xem lý do không xuất được")
