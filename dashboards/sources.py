"""Where the dashboards' figures come from: thin readers over the other apps, returning the plain chart data.

Each reader runs a fixed number of queries whatever the number of tasks, dossiers, answers or units, and uses the
other apps' own read-only result functions (assessments.results, surveys.results, dossiers.queries) so a figure on
a dashboard is the same figure as on that app's page. The other apps are imported inside the functions so this
module loads even while one of them is being reworked.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db.models import Case, CharField, Count, F, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from dashboards.charts import AreaScore, AspectIndex, LostPoints, MonthRate, RankedUnit, UnitTasks, YearResult
from org.models import Unit
from org.names import normalize_name

OVERDUE = "overdue"
# Chart order of task states: open work first, the worrying state in the middle, done work last.
TASK_STATES = [
    ("not_started", _("Chưa thực hiện")),
    ("in_progress", _("Đang thực hiện")),
    (OVERDUE, _("Quá hạn")),
    ("done", _("Đã hoàn thành")),
]
TASK_COLORS = ["#8a94a6", "#0b5cad", "#b3261e", "#17743d"]


def parse_points(text) -> Decimal | None:
    """'9,376' → 9.376 as assessments.results writes points; '–' or a note → None."""
    try:
        return Decimal(str(text).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        return None


def parse_cell(text: str) -> tuple[Decimal | None, Decimal | None]:
    """'9,5/12,5' → (9.5, 12.5); anything else → (None, None)."""
    score, slash, maximum = str(text).partition("/")
    if not slash:
        return None, None
    return parse_points(score), parse_points(maximum)


def parse_rank(text: str) -> tuple[int | None, int | None]:
    """'10/21' → (10, 21)."""
    rank, _, out_of = str(text).partition("/")
    def number(part: str) -> int | None:
        part = part.strip()
        return int(part) if part.isascii() and part.isdigit() else None

    return number(rank), number(out_of)


# Assessment results ----------------------------------------------------------------------------------------------


@dataclass
class ScoreOverview:
    """The unit's score by area for one year against the previous year, and its totals over the years."""

    year: int | None = None
    previous_year: int | None = None
    areas: list[AreaScore] = field(default_factory=list)
    trend: list[YearResult] = field(default_factory=list)
    assessment: object = None
    total: Decimal | None = None
    max_points: Decimal | None = None


def score_trend(unit: Unit) -> list[YearResult]:
    """The unit's published totals and ranks over the years, oldest first (the seed's year table)."""
    from assessments.results import year_table

    return _trend(year_table(unit))


def _trend(table) -> list[YearResult]:
    return [YearResult(year, parse_points(table.total[i]), *parse_rank(table.rank[i]))
            for i, year in enumerate(table.years)]


def score_overview(unit: Unit, year: int) -> ScoreOverview:
    """Areas of the unit's latest assessment up to `year` (any phase: the office follows work in progress) against
    the year before as published; the trend of published totals and ranks from the year table."""
    from assessments.models import Assessment
    from assessments.results import area_totals, year_table

    table = year_table(unit)
    overview = ScoreOverview(trend=_trend(table))
    columns = {y: i for i, y in enumerate(table.years)}

    lineage = [u.pk for u in unit.lineage()]
    assessment = (Assessment.objects.filter(unit_id__in=lineage, framework__year__lte=year)
                  .select_related("framework", "unit").order_by("-framework__year", "-pk").first())
    current: dict[str, tuple[str, Decimal | None, Decimal | None]] = {}
    lost: dict[str, Decimal | None] = {}
    if assessment is not None:
        totals = area_totals(assessment)
        overview.year, overview.assessment = assessment.framework.year, assessment
        overview.total, overview.max_points = totals.final_total, totals.max_points
        # An area nobody has scored yet reads as "–", not as 0 points lost, while the assessment is in progress.
        scored = {line.criterion.pk: line.final_points for line in totals.lines if line.depth == 0}
        for area in totals.areas:
            key = normalize_name(area.area.title)
            current[key] = (area.area.title, scored.get(area.area.pk), area.max_points)
            # Items not scored yet are not lost yet: count only what has been scored.
            done = [leaf.lost for leaf in totals.lines
                    if leaf.is_leaf and leaf.area.pk == area.area.pk and leaf.final_points is not None]
            lost[key] = sum(done, Decimal(0)) if done else None
    elif table.years and table.years[-1] <= year:
        overview.year = table.years[-1]
        column = columns[overview.year]
        for label, cells in table.rows:
            current[normalize_name(label)] = (label, *parse_cell(cells[column]))
        overview.total = parse_points(table.total[column])
    if overview.year is None:
        return overview

    previous: dict[str, tuple[str, Decimal | None, Decimal | None]] = {}
    if overview.year - 1 in columns:
        overview.previous_year = overview.year - 1
        column = columns[overview.previous_year]
        for label, cells in table.rows:
            previous[normalize_name(label)] = (label, *parse_cell(cells[column]))
    for key, (label, score, maximum) in current.items():
        _, before, before_max = previous.get(key, (label, None, None))
        overview.areas.append(AreaScore(label, score, maximum, before, before_max, lost.get(key)))
    for key, (label, before, before_max) in previous.items():
        if key not in current and before is not None:
            overview.areas.append(AreaScore(label, None, None, before, before_max))
    return overview


@dataclass
class Ranking:
    framework: object
    rows: list[RankedUnit]


def rankings_for(user, unit: Unit, year: int) -> list[Ranking]:
    """The rankings that concern the unit: the framework it is assessed under (its rank among its peers, with the
    last published one while the year's is under way), and the framework it runs for its own units. Peers' results show only once published, or when the user may see them."""
    from accounts.permissions import can
    from assessments.models import Assessment
    from assessments.results import ranking
    from frameworks.models import Framework

    frameworks = []
    assessments = (Assessment.objects.filter(unit=unit, framework__year__lte=year).select_related("framework")
                   .order_by("-framework__year"))
    assessed = assessments.first()
    if assessed is not None:
        frameworks.append(assessed.framework)
        if not assessed.is_published:
            # While this year's is under way, the last published ranking stays on the board beside it.
            published = assessments.filter(phase=Assessment.Phase.PUBLISHED).first()
            if published is not None:
                frameworks.append(published.framework)
    own = Framework.objects.filter(owner=unit, year__lte=year).order_by("-year", "-pk").first()
    if own is not None and own not in frameworks:
        frameworks.append(own)
    result = []
    for framework in frameworks:
        rows = [
            RankedUnit(row.rank, row.unit.name, row.total, row.max_points, highlight=row.unit.pk == unit.pk,
                       status="" if row.is_published else str(row.assessment.get_phase_display()))
            for row in ranking(framework)
            if row.is_published or can(user, "assessment.view", row.unit)
        ]
        result.append(Ranking(framework, rows))
    return result


@dataclass
class UnitGaps:
    assessment: object = None
    items: list[LostPoints] = field(default_factory=list)
    total_lost: Decimal = Decimal(0)


def lost_points_of(unit: Unit, year: int) -> UnitGaps:
    """Points lost in the criteria the unit answers for: in its own assessment, and in its department's."""
    from assessments.models import Assessment
    from assessments.results import gap_analysis

    department = unit.department()
    candidates = (Assessment.objects.filter(unit_id__in={unit.pk, department.pk}, framework__year__lte=year)
                  .select_related("framework", "unit").order_by("-framework__year", "-pk"))
    own = next((a for a in candidates if a.unit_id == unit.pk), None)
    assessment = own or next((a for a in candidates if a.unit_id == department.pk), None)
    gaps = UnitGaps(assessment)
    if assessment is None:
        return gaps
    for gap in gap_analysis(assessment):
        responsible = gap.line.responsible_unit
        if own is None and (responsible is None or responsible.pk != unit.pk):
            continue
        gaps.items.append(LostPoints(gap.criterion.code, gap.criterion.title, gap.lost, gap.criterion.max_points))
        gaps.total_lost += gap.lost
    return gaps


# Plans and tasks -------------------------------------------------------------------------------------------------


def _tasks(unit: Unit, year: int):
    from plans.models import Plan, Task

    return (Task.objects.filter(is_heading=False, plan__year=year, lead_units__path__startswith=unit.path)
            .exclude(plan__status=Plan.Status.SUPERSEDED).exclude(status=Task.Status.CANCELLED))


def _state(today: date):
    from plans.models import Task

    open_states = [Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS]
    return Case(When(status__in=open_states, due__lt=today, then=Value(OVERDUE)), default=F("status"),
                output_field=CharField())


UNITS_CHARTED = 20


def tasks_by_unit(unit: Unit, year: int, today: date, limit: int = UNITS_CHARTED) -> list[UnitTasks]:
    """Tasks of the year's plans by lead unit (in the unit's subtree) and state, in two queries. A province has
    hundreds of lead units: the `limit` with the most tasks get a bar each, in tree order, the others one bar
    together (their rows added up, as the bars of single units count a task under each of its lead units)."""
    rows = (_tasks(unit, year).annotate(due=Coalesce("extended_due", "due_date"), state=_state(today))
            .values("lead_units", "state").annotate(n=Count("pk", distinct=True)).order_by())
    counts: dict[int, dict[str, int]] = {}
    for row in rows:
        counts.setdefault(row["lead_units"], {})[row["state"]] = row["n"]
    charted = set(sorted(counts, key=lambda pk: (-sum(counts[pk].values()), pk))[:limit])
    units = Unit.objects.filter(pk__in=charted).order_by("path")
    bars = [UnitTasks(u.display_short, counts[u.pk]) for u in units]
    others = [counts[pk] for pk in counts if pk not in charted]
    if others:
        total: dict[str, int] = {}
        for part in others:
            for state, n in part.items():
                total[state] = total.get(state, 0) + n
        bars.append(UnitTasks(_("Các đơn vị khác (%(n)s đơn vị)") % {"n": len(others)}, total))
    return bars


def tasks_by_plan(unit: Unit, year: int, today: date) -> list[UnitTasks]:
    """The unit's own tasks (it leads them) by plan and state: a unit head's view."""
    from plans.models import Task

    rows = (Task.objects.filter(is_heading=False, plan__year=year, lead_units=unit)
            .exclude(status=Task.Status.CANCELLED)
            .annotate(due=Coalesce("extended_due", "due_date"), state=_state(today))
            .values("plan__number", "plan__symbol", "plan__title", "state").annotate(n=Count("pk", distinct=True))
            .order_by("plan__symbol", "plan__number"))
    grouped: dict[str, dict[str, int]] = {}
    for row in rows:
        reference = "/".join(p for p in (row["plan__number"], row["plan__symbol"]) if p)
        label = reference or row["plan__title"][:60]
        grouped.setdefault(label, {})[row["state"]] = row["n"]
    return [UnitTasks(label, counts) for label, counts in grouped.items()]


OVERDUE_SHOWN = 10


def overdue_tasks(unit: Unit, today: date, limit: int = OVERDUE_SHOWN):
    """Open tasks of issued plans led in the unit's subtree, past the date that counts (the approved extension,
    else the plan's), oldest first, the first `limit` of them; and how many in all (the full list is the plans
    app's overdue page, filtered on the unit)."""
    from plans.models import Plan, Task

    qs = (Task.objects.filter(is_heading=False, status__in=[Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS],
                              lead_units__path__startswith=unit.path, plan__status=Plan.Status.ISSUED)
          .annotate(due=Coalesce("extended_due", "due_date")).filter(due__lt=today).distinct())
    count = qs.count()
    tasks = list(qs.select_related("plan").prefetch_related("lead_units").order_by("due", "plan_id", "order")[:limit])
    for task in tasks:
        task.days_late = (today - task.due).days
    return tasks, count


def unit_tasks(unit: Unit, year: int, today: date, limit: int = 100):
    """The tasks the unit leads in the year's plans: open ones by date that counts, then done ones."""
    from plans.models import Task

    qs = (Task.objects.filter(is_heading=False, plan__year=year, lead_units=unit)
          .exclude(status=Task.Status.CANCELLED).annotate(due=Coalesce("extended_due", "due_date"))
          .select_related("plan"))
    tasks = list(qs.order_by(F("completed_on").asc(nulls_first=True), F("due").asc(nulls_last=True), "order")[:limit])
    for task in tasks:
        task.overdue = task.is_overdue(today)
        task.days_left = (task.due - today).days if task.due and task.is_open else None
    return tasks


# Surveys and dossiers --------------------------------------------------------------------------------------------


@dataclass
class SipasFigures:
    aspects: list[AspectIndex]
    overall: Decimal | None
    responses: int
    target: Decimal | None
    survey: object


def sipas_for(unit: Unit, start: date, end: date) -> SipasFigures | None:
    """The unit's (and subtree's) SIPAS answers in the window, pooled, by aspect."""
    from surveys.results import unit_window

    result, survey = unit_window(unit, start, end)
    if result is None:
        return None
    return sipas_figures(result, survey)


def sipas_figures(result, survey) -> SipasFigures:
    aspects = [AspectIndex(a.label, a.index, a.answers) for a in result.aspects]
    return SipasFigures(aspects, result.overall, result.responses, getattr(survey, "target_percent", None), survey)


def on_time_by_month(unit: Unit, start: date, end: date) -> list[MonthRate]:
    """Dossiers settled each month in the window by the unit and its subtree: how many, how many on time."""
    from dossiers.models import Dossier
    from dossiers.queries import Window, tallies

    by_month = tallies(Dossier.objects.all(), Window(start, end, unit), group="month")
    months = []
    for key, tally in sorted((k, t) for k, t in by_month.items() if k is not None):
        if tally.settled:
            months.append(MonthRate(key.year, key.month, tally.early_or_on_time, tally.settled))
    return months


# The running year's projection ------------------------------------------------------------------------------------


def projection_of(unit: Unit, year: int, today: date):
    """The unit's projection for the year (assessments.projection_data): its assessment, or the framework it will
    be assessed under; None when there is neither."""
    from assessments.projection_data import for_unit

    return for_unit(unit, year, today)


def outlook_areas(outlook) -> list:
    """The chart's data: each scored area's secured, pending, at-risk and lost points."""
    from dashboards.charts import AreaOutlook

    return [AreaOutlook(a.area.title, a.figures.max_points, a.figures.secured, a.figures.pending, a.figures.at_risk,
                        a.figures.lost, a.figures.on_plan, a.figures.at_pace) for a in outlook.projection.areas]


# Inspections ------------------------------------------------------------------------------------------------------


def inspected_share(unit: Unit, year: int):
    """The share of the unit's units inspected in the year (inspections.metrics), None without units under it."""
    from frameworks.metrics import compute_metric

    return compute_metric("inspections.inspected_share", unit, date(year, 1, 1), date(year, 12, 31))
