"""Every write of the documents app: uploading and removing user templates, audited."""

from django.core.files.base import ContentFile
from django.db import transaction

from audit.log import record_create, record_delete
from documents import catalog, templating
from documents.models import DocumentTemplate

FIELDS = ["kind", "name", "unit", "target_type", "target_id", "target_label", "file"]


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
