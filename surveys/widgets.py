"""Home-page blocks: open surveys with their index for those who follow them, and opinion surveys waiting for
the person's own answer (the way officials find the survey they answer with their log-in)."""

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


@home_widget(order=15)
def surveys_to_answer(request):
    unit = getattr(request.user, "unit", None)
    if unit is None:
        return None
    from surveys.models import Survey

    ids = [int(p) for p in unit.path.strip("/").split("/") if p]
    waiting = list(Survey.objects.filter(kind=Survey.Kind.OPINION, status=Survey.Status.OPEN, is_template=False,
                                         unit_id__in=ids).exclude(participations__user=request.user)
                   .select_related("unit")[:5])
    if not waiting:
        return None
    return "surveys/_home_answer.html", {"surveys": waiting}
