"""How documents' codes read in the change history (audit.readable)."""

from django.utils.translation import gettext

from audit.readable import words
from documents.catalog import KINDS
from documents.models import DocumentTemplate, ExportJob


@words(DocumentTemplate, "kind")
def kind_name(value, changes) -> str:
    kind = KINDS.get(value)
    return gettext(kind.label) if kind else str(value)


@words(ExportJob, "kind")
def export_kind_name(value, changes) -> str:
    from documents.jobs import KINDS as JOB_KINDS

    kind = JOB_KINDS.get(value)
    return gettext(kind.label) if kind else str(value)
