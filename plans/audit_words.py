"""How plans' codes read in the change history (audit.readable)."""

from django.utils.translation import gettext

from audit.readable import words
from frameworks.metrics import metric_choices
from plans.content import LegalBasis, ProvinceResult
from plans.models import Target


@words(Target, "metric_key")
def metric_name(value, changes) -> str:
    """The measured figure's name ('Tỷ lệ hồ sơ giải quyết đúng hạn'), not its key."""
    return dict(metric_choices(gettext)).get(value, gettext("số liệu không còn trong hệ thống"))


@words(LegalBasis, "number")
@words(ProvinceResult, "decision_number")
def document_number(value, changes) -> str:
    """A document's number as it is cited ('số 152/KH-UBND'), not a bare code."""
    return gettext("số %(n)s") % {"n": value} if value else ""
