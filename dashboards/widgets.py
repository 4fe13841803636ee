"""The home-page block (kết quả CCHC): the department's latest published total and rank, for the office and leaders,
with the way to their dashboard and, for the office, to what is public."""

from accounts.models import Role
from accounts.permissions import roles_of
from core.widgets import home_widget
from dashboards import sources
from dashboards.models import Publication

WIDGET_ROLES = {Role.REFORM_OFFICE, Role.LEADER, Role.ADMIN}


@home_widget(order=15)
def latest_result(request):
    user = request.user
    if not user.is_authenticated or not user.unit_id:
        return None
    roles = roles_of(user)
    if not roles & WIDGET_ROLES:
        return None
    department = user.unit.department()
    trend = [r for r in sources.score_trend(department) if r.total is not None]
    office = bool(roles & {Role.REFORM_OFFICE, Role.ADMIN})
    public = Publication.objects.live().filter(unit=department).count() if office else None
    return "dashboards/_home_widget.html", {
        "unit": department, "last": trend[-1] if trend else None,
        "before": trend[-2] if len(trend) > 1 else None, "public": public,
    }
