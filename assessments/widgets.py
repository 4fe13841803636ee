"""The home-page block: open assessments this person takes part in, with their phase and next deadline."""

from core.widgets import home_widget


def open_assessments(request):
    from assessments.models import Assessment
    from assessments.views.pages import visible_assessments

    if not request.user.is_authenticated:
        return None
    rows = list(visible_assessments(request.user).exclude(phase=Assessment.Phase.PUBLISHED)
                .select_related("framework", "unit").order_by("self_deadline", "unit__path")[:6])
    if not rows:
        return None
    return "assessments/_home_widget.html", {"open_assessments": rows}


def register() -> None:
    home_widget(order=30)(open_assessments)
