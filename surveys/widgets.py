"""Home-page block: open surveys with their index for those who follow them. The opinion surveys waiting for the
person's own answer are in their to-do list (surveys/inbox.py)."""

from accounts.permissions import can, unit_filter
from core.widgets import home_widget


@home_widget(order=40)
def open_surveys(request):
    if not can(request.user, "survey.view"):
        return None
    from surveys.models import Survey
    from surveys.results import trend

    surveys = (Survey.objects.filter(unit_filter(request.user, "survey.view"), is_template=False,
                                     status=Survey.Status.OPEN).select_related("unit")[:5])
    rows = trend(surveys)
    if not rows:
        return None
    return "surveys/_home.html", {"survey_rows": rows}
