"""The three dashboards (bảng điều khiển): reform office, unit head, leaders. `index` picks one by role."""

from datetime import date

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Role
from accounts.permissions import can, grants_of, require
from assessments.projection_data import outlook as outlook_of
from dashboards import charts, sources
from org.models import Unit

OFFICE, UNIT, LEADER = "office", "unit", "leader"
# Which board a role opens on, and over which of the person's units.
BOARD_OF_ROLE = [
    (Role.REFORM_OFFICE, OFFICE), (Role.ADMIN, OFFICE), (Role.LEADER, LEADER), (Role.APPRAISER, LEADER),
    (Role.UNIT_HEAD, UNIT), (Role.SPECIALIST, UNIT),
]
BOARD_LABELS = {OFFICE: gettext_lazy("Theo dõi CCHC (đầu mối CCHC)"), UNIT: gettext_lazy("Đơn vị"),
                LEADER: gettext_lazy("Lãnh đạo")}


def _year(request, today: date) -> int:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return today.year
    return year if 2000 <= year <= today.year + 1 else today.year


def _home_unit(user, board: str) -> Unit | None:
    """The unit a board opens on: the unit of the person's grant for that board's role, else their own unit."""
    roles = [role for role, b in BOARD_OF_ROLE if b == board]
    for role in roles:
        for grant in grants_of(user):
            if grant.role == role and grant.unit_id:
                return Unit.objects.filter(pk=grant.unit_id).first()
    if board == OFFICE and user.unit_id and Role.ADMIN in {g.role for g in grants_of(user)}:
        return user.unit.department()
    return user.unit


def _boards_of(user) -> list[str]:
    held = {g.role for g in grants_of(user)}
    boards = []
    for role, board in BOARD_OF_ROLE:
        if role in held and board not in boards:
            boards.append(board)
    return boards


def _scope(request, board: str) -> tuple[Unit, int, date]:
    """The unit (?unit=code, else the person's) and year (?year=) the board shows, checked against the table."""
    today = timezone.localdate()
    code = request.GET.get("unit", "").strip()
    if code:
        # A NUL byte is refused by PostgreSQL itself; no unit code holds one, so it names nothing.
        unit = None if "\x00" in code else Unit.objects.filter(code=code).first()
        if unit is None:
            raise Http404
    else:
        unit = _home_unit(request.user, board)
        if unit is None:
            raise Http404
    require(request.user, "dashboard.view", unit)
    return unit, _year(request, today), today


def _context(request, board: str, unit: Unit, year: int, **extra) -> dict:
    return {
        "board": board, "boards": [(b, BOARD_LABELS[b]) for b in _boards_of(request.user)],
        "unit": unit, "year": year, "years": list(range(timezone.localdate().year, 2018, -1)), **extra,
    }


def index(request):
    """The board of the person's main role: office, then leader, then unit."""
    boards = _boards_of(request.user)
    if not boards:
        require(request.user, "dashboard.view")
    board = boards[0] if boards else UNIT
    return {OFFICE: office, LEADER: leader, UNIT: unit_board}[board](request)


def office(request):
    """The reform office's board: scores by area, totals and ranks over the years, tasks by unit and state, the
    overdue list, SIPAS by aspect, dossiers settled on time by month."""
    unit, year, today = _scope(request, OFFICE)
    overview = sources.score_overview(unit, year)
    sipas = sources.sipas_for(unit, date(year, 1, 1), date(year, 12, 31))
    overdue, overdue_count = sources.overdue_tasks(unit, today)
    board_charts = {
        "areas": charts.area_scores(overview.areas, overview.year or year, overview.previous_year),
        "trend": charts.total_and_rank_trend(overview.trend, unit.display_short),
        "tasks": charts.tasks_by_status(
            sources.tasks_by_unit(unit, year, today), sources.TASK_STATES,
            _("Nhiệm vụ năm %(year)s theo trạng thái, theo đơn vị chủ trì") % {"year": year}, sources.TASK_COLORS),
        "sipas": charts.sipas_aspects(
            sipas.aspects if sipas else [], sipas.overall if sipas else None, sipas.target if sipas else None,
            _("Chỉ số hài lòng (SIPAS) năm %(year)s theo yếu tố") % {"year": year}),
        "dossiers": charts.on_time_trend(
            sources.on_time_by_month(unit, date(year, 1, 1), date(year, 12, 31)),
            title=_("Tỷ lệ hồ sơ TTHC giải quyết đúng và trước hạn theo tháng, năm %(year)s") % {"year": year}),
    }
    outlook = _with_chart(outlook_of(sources.projection_of(unit, year, today), _, with_units=True))
    return render(request, "dashboards/office.html", _context(
        request, OFFICE, unit, year, overview=overview, sipas=sipas, overdue=overdue, overdue_count=overdue_count,
        charts=board_charts, may_publish=can(request.user, "publish.manage", unit), today=today, outlook=outlook,
        inspected=sources.inspected_share(unit, year),
    ))


def _with_chart(outlook):
    if outlook is not None:
        outlook.chart = charts.projection_by_area(
            sources.outlook_areas(outlook), _("Dự báo điểm năm %(year)s theo lĩnh vực") % {"year": outlook.found.year})
    return outlook


def unit_board(request):
    """A unit head's board: the unit's tasks and deadlines, and the points lost in what the unit answers for."""
    unit, year, today = _scope(request, UNIT)
    tasks = sources.unit_tasks(unit, year, today)
    gaps = sources.lost_points_of(unit, year)
    board_charts = {
        "tasks": charts.tasks_by_status(
            sources.tasks_by_plan(unit, year, today), sources.TASK_STATES,
            _("Nhiệm vụ đơn vị chủ trì năm %(year)s theo trạng thái") % {"year": year}, sources.TASK_COLORS),
        "lost": charts.lost_points(gaps.items, _("Điểm bị mất ở các tiêu chí đơn vị chịu trách nhiệm")),
    }
    upcoming = [t for t in tasks if t.days_left is not None and 0 <= t.days_left <= 30]
    # The unit's own assessment of the year, and what depends on it in its department's.
    outlooks = [_with_chart(outlook_of(sources.projection_of(unit, year, today), _, heading=unit.display_short))]
    department = unit.department()
    if department.pk != unit.pk:
        outlooks.append(_with_chart(outlook_of(
            sources.projection_of(department, year, today), _, share_of=unit, key="projection-department",
            heading=_("phần phụ thuộc vào đơn vị trong kỳ đánh giá của %(unit)s") % {"unit": department.name})))
    return render(request, "dashboards/unit.html", _context(
        request, UNIT, unit, year, tasks=tasks, upcoming=upcoming, gaps=gaps, charts=board_charts,
        overdue=[t for t in tasks if t.overdue], outlooks=[o for o in outlooks if o is not None],
    ))


def leader(request):
    """Leaders' board: the rankings that concern the department and its total and rank over the years."""
    unit, year, today = _scope(request, LEADER)
    overview = sources.score_overview(unit, year)
    rankings = [(r, charts.ranking(r.rows, _("Xếp hạng %(year)s – %(framework)s") % {
                     "year": r.framework.year, "framework": r.framework.title}))
                for r in sources.rankings_for(request.user, unit, year)]
    board_charts = {
        "trend": charts.total_and_rank_trend(overview.trend, unit.display_short),
        "areas": charts.area_scores(overview.areas, overview.year or year, overview.previous_year),
    }
    return render(request, "dashboards/leader.html", _context(
        request, LEADER, unit, year, overview=overview, rankings=rankings, charts=board_charts,
    ))
