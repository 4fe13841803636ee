"""How frameworks' codes read in the change history (audit.readable)."""

from django.utils.translation import gettext

from audit.readable import words
from frameworks import rules
from frameworks.models import Criterion


@words(Criterion, "rule")
def rule_words(value, changes) -> str:
    """The scoring rule as the framework page says it, with the max points recorded beside it when there are any."""
    max_points = changes.get("max_points")
    if isinstance(max_points, (list, tuple)):
        max_points = max_points[-1]
    try:
        return rules.describe(rules.parse_rule(value, max_points or 0), max_points or 0, gettext)
    except rules.RuleError:
        try:
            return rules.describe(rules.parse_rule(value, 1000), "…", gettext)
        except rules.RuleError as error:
            return error.text(gettext)
