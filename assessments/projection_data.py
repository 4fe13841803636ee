"""Reads the running year for the projection (assessments.projection) in a fixed number of queries, whatever the
number of criteria, scores, evidence files, tasks or ranked units, and shapes its figures for pages and documents.

What is read for a unit and a year:
- the assessment of that year (any phase), or, when none is open yet, the year's framework the unit will be assessed
  under (a copy of the framework of its last assessment, or one of the same owner and level) with last year's data
  window moved to this year;
- the leaves of the framework with their area and the responsible unit (inherited from the parents, as in
  assessments.results), the scores (appraised or decided on appeal: locked), evidence signed by a criterion's deadline;
- the tasks of the year's plans linked to the criteria (plans.Task.criteria; a task linked to the same criterion of the
  framework this one was copied from counts too), led inside the assessed unit's tree, and the on-time rate of the
  unit's tasks fallen due so far (plans.queries.on_time_counts);
- each measured criterion's metric over the window so far and over its last 30 days (frameworks.metrics), one
  computation per metric, not per criterion;
- the other units ranked under the framework or, last year, under the framework it was copied from: their result once
  finalised, else their last published total (that ranking, or imported as history), else their own scores
  projected.
"""

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal

from django.db.models.functions import Coalesce

from assessments import projection as p
from assessments.models import Assessment, Evidence, HistoricalResult, Score
from assessments.results import final_points, ranking
from frameworks.metrics import compute_metric
from frameworks.models import Criterion, Framework
from frameworks.rules import RuleError, parse_rule
from org.models import Unit

RECENT_DAYS = 30
LOCKED_PHASES = (Assessment.Phase.FINALISED, Assessment.Phase.PUBLISHED)
SIDES = {Criterion.Kind.BONUS: p.BONUS, Criterion.Kind.PENALTY: p.PENALTY}


@dataclass
class Row:
    """One line of a table: an area, a criterion or a unit, with its figures and, for a criterion, why."""

    code: str
    title: str
    figures: p.Figures
    reasons: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)


@dataclass
class YearProjection:
    """A unit's projection for one year, with what the pages need around it."""

    unit: Unit
    year: int
    framework: Framework
    assessment: Assessment | None
    window_start: date
    window_end: date
    today: date
    projection: p.Projection
    units: dict[int, Unit]

    @property
    def total(self) -> p.Figures:
        return self.projection.total

    @property
    def closed(self) -> bool:
        """The result is final (appraisal finished): the projection is the result itself."""
        return self.assessment is not None and self.assessment.phase in LOCKED_PHASES

    def area_rows(self) -> list[Row]:
        rows = [Row(a.area.code, a.area.title, a.figures) for a in self.projection.areas]
        # Bonus and penalty are not part of the maximum; their row shows what the framework allows.
        rows += [Row(e.area.code, e.area.title, replace(e.figures, max_points=e.area.max_points))
                 for e in self.projection.extras if e.items]
        return rows

    def item_rows(self, translate, only_troubled: bool = False, items=None) -> list[Row]:
        """Criteria with their figures and reasons, in framework order; `only_troubled`: those at risk or losing."""
        chosen = self.projection.items if items is None else items
        rows = []
        for item in chosen:
            figures = item.figures
            if only_troubled and not (figures.at_risk or figures.lost):
                continue
            units = sorted((self.units[u] for u in item.unit_ids if u in self.units), key=lambda u: u.path)
            rows.append(Row(item.item.code, item.item.title, figures, [r.text(translate) for r in item.reasons],
                            [u.display_short for u in units]))
        return rows

    def unit_rows(self) -> list[Row]:
        """Per unit, the points that depend on it (units outside the assessed unit's tree left out)."""
        rows = []
        for share in p.shares(self.projection):
            unit = self.units.get(share.unit_id)
            if unit is None or not unit.path.startswith(self.unit.path):
                continue
            rows.append(Row(unit.code, unit.name, share.figures))
        return rows

    def share_of(self, unit: Unit) -> p.UnitShare | None:
        """The points that depend on `unit` or a unit under it."""
        ids = {u.pk for u in self.units.values() if u.path.startswith(unit.path)} | {unit.pk}
        return p.share_of(self.projection, ids)


def running_assessment(unit: Unit, year: int) -> tuple[Assessment | None, Framework | None, Assessment | None]:
    """The unit's assessment of `year` and its framework; when none is open yet, the framework it will be assessed
    under and the unit's last earlier assessment (whose window the year takes)."""
    found = (Assessment.objects.filter(unit=unit, framework__year=year).select_related("framework", "unit")
             .order_by("-pk").first())
    if found is not None:
        return found, found.framework, None
    last = (Assessment.objects.filter(unit=unit, framework__year__lt=year).select_related("framework")
            .order_by("-framework__year", "-pk").first())
    if last is None:
        return None, None, None
    previous = last.framework
    framework = (Framework.objects.filter(year=year, copied_from=previous).order_by("-pk").first()
                 or Framework.objects.filter(year=year, owner_id=previous.owner_id, level=previous.level)
                 .order_by("-pk").first())
    return None, framework, last


def _window(assessment: Assessment | None, last: Assessment | None, year: int) -> tuple[date, date]:
    """The assessment's data window; before it is opened, last year's moved to this year (else 01/01–30/11, the
    seed's cut-off)."""
    if assessment is not None:
        return assessment.window_start, assessment.window_end
    if last is not None:
        try:
            return last.window_start.replace(year=year), last.window_end.replace(year=year)
        except ValueError:  # a window starting or ending on 29/02
            pass
    return date(year, 1, 1), date(year, 11, 30)


@dataclass
class _Tree:
    """The framework's areas and leaves, with each leaf's area and inherited responsible unit."""

    areas: list[p.Area]
    leaves: list[tuple[Criterion, int, int | None]]  # (criterion, area id, responsible unit id)
    by_code: dict[str, Criterion]
    paths: dict[int, str]  # the responsible units' paths


def _tree(framework: Framework) -> _Tree:
    criteria = list(Criterion.objects.filter(framework=framework).select_related("responsible_unit")
                    .order_by("order", "pk"))
    children: dict[int | None, list[Criterion]] = {}
    for criterion in criteria:
        children.setdefault(criterion.parent_id, []).append(criterion)
    areas: list[p.Area] = []
    leaves: list[tuple[Criterion, int, int | None]] = []

    def walk(parent_id, area_id, responsible):
        for criterion in children.get(parent_id, []):
            top = area_id if area_id is not None else criterion.pk
            unit = criterion.responsible_unit_id or responsible
            if area_id is None:
                areas.append(p.Area(criterion.pk, criterion.code, criterion.title, criterion.max_points,
                                    SIDES.get(criterion.kind, p.SCORE)))
            if criterion.pk in children:
                walk(criterion.pk, top, unit)
            else:
                leaves.append((criterion, top, unit))

    walk(None, None, None)
    paths = {c.responsible_unit_id: c.responsible_unit.path for c in criteria if c.responsible_unit_id}
    return _Tree(areas, leaves, {c.code: c for c in criteria}, paths)


def _rule(criterion: Criterion):
    try:
        return parse_rule(criterion.rule, criterion.max_points)
    except RuleError:
        return parse_rule({"kind": "manual"}, criterion.max_points)


def _appraised(score: Score | None) -> Decimal | None:
    """The council's points, once it gave them (re-scored, accepted the self-score, or decided an appeal)."""
    if score is None or score.appraised_score is None:
        return None
    return final_points(score)


def _items(tree: _Tree, unit: Unit, scores: dict[int, Score], evidence_in_time: set[int] | None = None,
           tasks: dict[int, list[int]] | None = None, measures: dict[str, p.Measure] | None = None) -> tuple:
    items = []
    for criterion, area_id, responsible in tree.leaves:
        if responsible is None or not tree.paths[responsible].startswith(unit.path):
            # As in assessments.results.Gap: outside the assessed unit, the assessed unit itself answers for it.
            responsible = unit.pk
        rule = _rule(criterion)
        score = scores.get(criterion.pk)
        # A value typed in (the DTI the province announced) is the unit's claim, scored as its self-score; only
        # what cchc measures from its own data is extrapolated.
        measure = (measures or {}).get(rule.metric) if rule.metric else None
        items.append(p.Item(
            id=criterion.pk, code=criterion.code, title=criterion.title, area_id=area_id,
            max_points=criterion.max_points, rule=rule, responsible_unit_id=responsible, deadline=criterion.deadline,
            self_score=score.self_score if score else None, appraised=_appraised(score),
            evidence_in_time=criterion.pk in (evidence_in_time or set()),
            task_ids=tuple((tasks or {}).get(criterion.pk, ())), measure=measure))
    return tuple(items)


def _evidence_in_time(assessment: Assessment | None, tree: _Tree) -> set[int]:
    """Criteria with a deadline whose evidence was signed on or before it (one query)."""
    if assessment is None:
        return set()
    deadlines = {c.pk: c.deadline for c, _a, _u in tree.leaves if c.deadline}
    if not deadlines:
        return set()
    rows = (Evidence.objects.filter(score__assessment=assessment, score__criterion_id__in=deadlines,
                                    signed_at__isnull=False, for_appeal=False)
            .values_list("score__criterion_id", "signed_at"))
    return {criterion_id for criterion_id, signed in rows if signed.date() <= deadlines[criterion_id]}


def _tasks(framework: Framework, tree: _Tree, unit: Unit, year: int) -> tuple[dict[int, p.TaskInput],
                                                                               dict[int, list[int]]]:
    """The year's tasks linked to the framework's criteria (or to the same criteria of the framework it was copied
    from), led inside the unit's tree or by no unit yet (three queries)."""
    from plans.models import Plan, Task

    sources = [framework.pk] + ([framework.copied_from_id] if framework.copied_from_id else [])
    links = (Task.criteria.through.objects.filter(criterion__framework_id__in=sources, task__plan__year=year,
                                                  task__is_heading=False)
             .exclude(task__plan__status__in=[Plan.Status.DRAFT, Plan.Status.SUPERSEDED])
             .values_list("task_id", "criterion_id", "criterion__code", "criterion__framework_id"))
    by_criterion: dict[int, list[int]] = {}
    for task_id, criterion_id, code, framework_id in links:
        target = criterion_id if framework_id == framework.pk else getattr(tree.by_code.get(code), "pk", None)
        if target is not None and task_id not in by_criterion.setdefault(target, []):
            by_criterion[target].append(task_id)
    ids = {t for tasks in by_criterion.values() for t in tasks}
    if not ids:
        return {}, {}
    leads: dict[int, list[int]] = {}
    inside: set[int] = set()
    for task_id, unit_id, path in (Task.lead_units.through.objects.filter(task_id__in=ids)
                                   .values_list("task_id", "unit_id", "unit__path")):
        leads.setdefault(task_id, []).append(unit_id)
        if path.startswith(unit.path):
            inside.add(task_id)
    tasks = {}
    for row in (Task.objects.filter(pk__in=ids).annotate(due=Coalesce("extended_due", "due_date"))
                .values("pk", "due", "status", "completed_on")):
        if row["pk"] in leads and row["pk"] not in inside:
            continue  # led only by units outside the assessed unit: not this unit's work
        tasks[row["pk"]] = p.TaskInput(row["pk"], row["due"], row["status"], row["completed_on"],
                                       tuple(leads.get(row["pk"], ())))
    return tasks, {c: [t for t in ts if t in tasks] for c, ts in by_criterion.items()}


def _on_time_rate(unit: Unit, start: date, end: date, today: date) -> Decimal | None:
    from plans.queries import on_time_counts

    if today < start:
        return None
    on_time, counted = on_time_counts(unit, start, min(today, end), today)
    return Decimal(on_time) * 100 / counted if counted else None


def _measures(tree: _Tree, unit: Unit, start: date, end: date, today: date) -> dict[str, p.Measure]:
    """Each metric the criteria read, over the window so far and its last days: once per metric."""
    if today < start:
        return {}
    as_of = min(today, end)
    keys = {rule.metric for rule in (_rule(c) for c, _a, _u in tree.leaves) if rule.metric and rule.is_measured}
    measures = {}
    for key in sorted(keys):
        so_far = compute_metric(key, unit, start, as_of)
        if so_far is None:
            continue
        recent = None
        if as_of < end and (as_of - start).days >= RECENT_DAYS:
            last = compute_metric(key, unit, as_of - timedelta(days=RECENT_DAYS - 1), as_of)
            recent = last.value if last is not None else None
        measures[key] = p.Measure(Decimal(so_far.value), recent)
    return measures


def _peers(framework: Framework, unit: Unit, tree: _Tree, year: int, today: date,
           start: date, end: date) -> tuple[Decimal, ...]:
    """The other ranked units' totals: those ranked under the framework (assessed, or published as history) and
    those ranked last year under the framework it was copied from. Each counts with its finished or published
    result, else its last published total (that ranking, or a result imported as history), else its own scores
    projected."""
    rows = [r for r in ranking(framework) if r.unit.pk != unit.pk]
    last: dict[int, Decimal] = {}
    if framework.copied_from_id:
        for row in ranking(framework.copied_from, published_only=True):
            if row.unit.pk != unit.pk:
                last[row.unit.pk] = row.total
    ranked = {row.unit.pk for row in rows}
    for unit_id, total in (HistoricalResult.objects.filter(year=year - 1, unit_id__in=ranked)
                           .values_list("unit_id", "total")):
        last.setdefault(unit_id, total)
    totals = []
    for row in rows:
        if row.assessment is None or row.assessment.phase in LOCKED_PHASES:
            totals.append(row.total)
        elif row.unit.pk in last:
            totals.append(last[row.unit.pk])
        else:
            scores = {line.criterion.pk: line.score for line in row.totals.lines if line.score is not None}
            data = p.YearInput(today, start, end, tuple(tree.areas), _items(tree, row.unit, scores))
            totals.append(p.project(data).total.at_pace)
    totals += [total for unit_id, total in last.items() if unit_id not in ranked]
    return tuple(totals)


def for_unit(unit: Unit, year: int, today: date) -> YearProjection | None:
    """The unit's projection for `year` (its assessment of that year, or, for this year or a later one, the
    framework it will be assessed under); None when there is neither."""
    assessment, framework, last = running_assessment(unit, year)
    if framework is None:
        return None
    if assessment is None and (year < today.year or HistoricalResult.objects.filter(unit=unit, year=year).exists()):
        return None  # a past year never assessed here, or one whose result came in as history: nothing to project
    return _project(unit, year, framework, assessment, today, last)


def for_assessment(assessment: Assessment, today: date) -> YearProjection:
    return _project(assessment.unit, assessment.framework.year, assessment.framework, assessment, today)


def _project(unit: Unit, year: int, framework: Framework, assessment: Assessment | None,
             today: date, last: Assessment | None = None) -> YearProjection:
    start, end = _window(assessment, last, year)
    tree = _tree(framework)
    scores: dict[int, Score] = {}
    if assessment is not None:
        scores = {s.criterion_id: s for s in Score.objects.filter(assessment=assessment).select_related("appeal")}
    tasks, linked = _tasks(framework, tree, unit, year)
    data = p.YearInput(
        today=today, window_start=start, window_end=end, areas=tuple(tree.areas),
        items=_items(tree, unit, scores, _evidence_in_time(assessment, tree), linked,
                     _measures(tree, unit, start, end, today)),
        tasks=tasks, on_time_rate=_on_time_rate(unit, start, end, today),
        peers=_peers(framework, unit, tree, year, today, start, end))
    projection = p.project(data)
    unit_ids = {u for item in projection.items for u in item.unit_ids} | {unit.pk}
    units = {u.pk: u for u in Unit.objects.filter(pk__in=unit_ids)}
    return YearProjection(unit, year, framework, assessment, start, end, today, projection, units)


@dataclass
class Outlook:
    """What the projection block (assessments/_projection.html) shows: the figures, one row per area, the criteria
    at risk or losing points with why, and, for the reform office, the points that depend on each unit. `key`
    prefixes the block's ids (two blocks on one page); `share_of`: the figures are those depending on that unit."""

    found: YearProjection
    projection: p.Projection
    areas: list[Row]
    items: list[Row]
    units: list[Row]
    key: str = "projection"
    heading: str = ""
    chart: object = None
    share_of: Unit | None = None

    @property
    def total(self) -> p.Figures:
        return self.projection.total

    @property
    def elapsed(self) -> Decimal:
        return self.projection.elapsed * 100


def outlook(found: YearProjection | None, translate, *, with_units: bool = False, share_of: Unit | None = None,
            key: str = "projection", heading: str = "") -> Outlook | None:
    """The block of a running year; None when there is nothing to project or the result is already final."""
    if found is None or found.closed:
        return None
    if share_of is not None:
        ids = {u.pk for u in found.units.values() if u.path.startswith(share_of.path)} | {share_of.pk}
        restricted = p.restrict(found.projection, ids)
        if not restricted.items:
            return None
        view = replace(found, projection=restricted)
    else:
        view = found
    return Outlook(view, view.projection, view.area_rows(), view.item_rows(translate, only_troubled=True),
                   view.unit_rows() if with_units else [], key=key, heading=heading, share_of=share_of)
