"""What the improvement-plan draft reads from cchc: a year's results as plans.drafting's plain data, this year's
plan to carry over, and the reform office; and what a drafted plan's rows say now (for re-drafting)."""

from decimal import Decimal

from assessments.models import Assessment, HistoricalResult
from assessments.results import Gap, area_totals, final_points, ranking, year_table
from frameworks.models import Criterion
from org.models import Unit
from plans import drafting
from plans.drafting import CarriedTarget, CarriedTask, CriterionResult, DraftSettings, UnitRef, YearResults
from plans.models import Plan, Task

DRAFTABLE = (Assessment.Phase.FINALISED, Assessment.Phase.PUBLISHED)
SURVEY_WORDS = ("xa hoi hoc", "khao sat")


def ref(unit) -> UnitRef | None:
    return UnitRef(unit.pk, unit.name) if unit is not None else None


def reform_office(unit):
    """The unit that follows CCHC in the department (Văn phòng Sở), else the unit itself."""
    department = unit.department()
    return (Unit.objects.subtree_of(department).filter(coordinates_reform=True).active().order_by("depth", "path")
            .first() or unit)


def _table_rank(unit, year: int) -> tuple[int | None, int | None]:
    """The unit's rank of a year as the year table computes it ('10/21'), where the year is published."""
    table = year_table(unit)
    if year not in table.years:
        return None, None
    rank, _sep, out_of = table.rank[table.years.index(year)].partition("/")
    return (int(rank), int(out_of)) if rank.isdigit() and out_of.isdigit() else (None, None)


def rank_of_assessment(assessment: Assessment) -> tuple[int | None, int | None]:
    """Its place among the units ranked under its framework (assessed with appraised results, or published as
    history), computed from the totals (assessments.results.ranking)."""
    rows = [r for r in ranking(assessment.framework) if r.assessment is None or r.assessment.phase in DRAFTABLE]
    for row in rows:
        if row.assessment is not None and row.assessment.pk == assessment.pk:
            return row.rank, len(rows)
    return _table_rank(assessment.unit, assessment.framework.year)


def _previous(assessment: Assessment) -> tuple[Decimal | None, int | None]:
    year = assessment.framework.year - 1
    lineage = [u.pk for u in assessment.unit.lineage()]
    history = HistoricalResult.objects.filter(unit_id__in=lineage, year=year).first()
    if history is not None:
        return history.total, _table_rank(assessment.unit, year)[0]
    before = (Assessment.objects.filter(unit_id__in=lineage, framework__year=year, phase__in=DRAFTABLE)
              .select_related("framework", "unit").first())
    if before is None:
        return None, None
    return area_totals(before).final_total, rank_of_assessment(before)[0]


def year_results(assessment: Assessment) -> YearResults:
    """The assessment's final points as a tree (the council's decision on an appeal, else the appraised score)."""
    totals = area_totals(assessment)
    nodes: dict[int, CriterionResult] = {}
    top: list[CriterionResult] = []
    for line in totals.lines:
        criterion = line.criterion
        gap = Gap(line, assessment.unit)  # its comment (with an appeal's decision) and the unit answerable
        area = line.area
        node = CriterionResult(
            code=criterion.code, title=criterion.title, kind=criterion.kind, max_points=criterion.max_points,
            points=final_points(line.score) if line.is_leaf else None, comment=gap.comment,
            responsible=ref(gap.responsible_unit), criterion_id=criterion.pk,
            survey=line.depth == 0 and area.kind == Criterion.Kind.AREA
            and any(w in drafting.fold(area.title) for w in SURVEY_WORDS))
        nodes[criterion.pk] = node
        (nodes[criterion.parent_id].children if criterion.parent_id in nodes else top).append(node)
    rank, out_of = rank_of_assessment(assessment)
    previous_total, previous_rank = _previous(assessment)
    return YearResults(assessment.framework.year, assessment.unit.name, top, totals.final_total, totals.max_points,
                       rank, out_of, previous_total, previous_rank, assessment.framework.decision)


def this_years_plan(assessment: Assessment) -> Plan | None:
    """The unit's improvement plan of the assessed year (the one a new draft carries over), if cchc has it."""
    return (Plan.objects.filter(issuing_unit=assessment.unit, year=assessment.framework.year, kind=Plan.Kind.INDEX)
            .exclude(status=Plan.Status.DRAFT).order_by("-issue_date", "-pk").first())


def _refs(units) -> list[UnitRef]:
    return [UnitRef(u.pk, u.name) for u in units]


def carried(plan: Plan | None) -> tuple[list[CarriedTask], list[CarriedTarget]]:
    if plan is None:
        return [], []
    tasks = []
    for task in (plan.tasks.filter(section__appendix_number="1", is_heading=False).select_related("section")
                 .prefetch_related("lead_units", "coordinating_units", "monitoring_units").order_by("order", "pk")):
        tasks.append(CarriedTask(task.section.title, task.content, task.product, task.deadline_text.replace(
            str(plan.year), str(plan.year + 1)), _refs(task.lead_units.all()), _refs(task.coordinating_units.all()),
            _refs(task.monitoring_units.all()), task.lead_text, task.coordinating_text, task.monitoring_text))
    targets = [CarriedTarget(t.label, t.metric_key, t.comparison, t.value, t.unit_label) for t in plan.targets.all()]
    return tasks, targets


def settings_for(unit, stored: dict | None = None) -> DraftSettings:
    stored = stored or {}
    office = Unit.objects.filter(pk=stored.get("office")).first() if stored.get("office") else reform_office(unit)
    defaults = DraftSettings()
    return DraftSettings(office=ref(office), product=stored.get("product") or defaults.product,
                         deadline=stored.get("deadline") or defaults.deadline,
                         maintain_deadline=stored.get("maintain_deadline") or defaults.maintain_deadline,
                         coordinating_text=stored.get("coordinating_text", defaults.coordinating_text))


def propose(assessment: Assessment, stored: dict | None = None) -> drafting.Draft:
    tasks, targets = carried(this_years_plan(assessment))
    return drafting.draft(year_results(assessment), settings_for(assessment.unit, stored), tasks, targets)


def task_fingerprint(task: Task) -> str:
    """What the row says now, hashed as plans.drafting hashes a proposal (needs the units prefetched)."""
    return drafting.fingerprint(task.code, task.content, task.product, task.deadline_text,
                                [u.pk for u in task.lead_units.all()], [u.pk for u in task.coordinating_units.all()],
                                [u.pk for u in task.monitoring_units.all()], task.is_heading)


def target_fingerprint(target) -> str:
    return drafting.DraftTarget(target.drafted_from, target.label, target.metric_key, target.comparison, target.value,
                                target.unit_label).fingerprint
