"""How plans' codes read in the change history (audit.readable)."""

from django.utils.translation import gettext

from audit.readable import words
from frameworks.metrics import metric_choices
from plans.models import Target


@words(Target, "metric_key")
def metric_name(value, changes) -> str:
    """The measured figure's name ('Tỷ lệ hồ sơ giải quyết đúng hạn'), not its key."""
    return dict(metric_choices(gettext)).get(value, gettext("số liệu không còn trong hệ thống"))
