"""Read-only results that pages, documents and dashboards call: totals, ranking, year table, gap analysis.

Every function reads in a fixed number of queries whatever the number of criteria, units or years,
so callers can use them on list pages. Scores count as: the council's decision on an appeal if accepted,
else the appraised score, else the self-score (while the appraisal is not done yet).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Case, F, Prefetch, Sum, When
from django.db.models.functions import Coalesce

from assessments.models import Assessment, HistoricalArea, HistoricalResult, Score
from frameworks.models import Criterion, Framework
from frameworks.rules import format_points
from org.models import Unit
from org.names import normalize_name

ZERO = Decimal(0)
KIND = Criterion.Kind


def final_points(score: Score | None) -> Decimal | None:
    if score is None:
        return None
    appeal = getattr(score, "appeal", None) if _has_appeal(score) else None
    if appeal is not None and appeal.status == "accepted" and appeal.decided_score is not None:
        return appeal.decided_score
    if score.appraised_score is not None:
        return score.appraised_score
    return score.self_score


def _has_appeal(score: Score) -> bool:
    try:
        return score.appeal is not None
    except Score.appeal.RelatedObjectDoesNotExist:
        return False


@dataclass
class Line:
    """One criterion with its points, for trees and gap lists."""

    criterion: Criterion
    depth: int
    area: Criterion
    responsible_unit: object
    score: Score | None = None
    self_points: Decimal | None = None
    final_points: Decimal | None = None
    children: list["Line"] = field(default_factory=list)

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def lost(self) -> Decimal:
        if self.criterion.kind == KIND.PENALTY:
            return self.final_points or ZERO
        if self.criterion.kind == KIND.BONUS:
            return ZERO
        return self.criterion.max_points - (self.final_points or ZERO)


@dataclass
class AreaTotal:
    area: Criterion
    max_points: Decimal
    self_points: Decimal
    final_points: Decimal
    appraised: bool

    @property
    def cell(self) -> str:
        return f"{format_points(self.final_points)}/{format_points(self.max_points)}"


@dataclass
class Totals:
    """Totals per area and overall (tổng điểm), self-assessed and final, with bonus and penalty."""

    assessment: Assessment
    areas: list[AreaTotal]
    lines: list[Line]
    bonus_self: Decimal = ZERO
    bonus_final: Decimal = ZERO
    penalty_self: Decimal = ZERO
    penalty_final: Decimal = ZERO

    @property
    def max_points(self) -> Decimal:
        return sum((a.max_points for a in self.areas), ZERO)

    @property
    def self_total(self) -> Decimal:
        return sum((a.self_points for a in self.areas), ZERO) + self.bonus_self - self.penalty_self

    @property
    def final_total(self) -> Decimal:
        return sum((a.final_points for a in self.areas), ZERO) + self.bonus_final - self.penalty_final

    @property
    def difference(self) -> Decimal:
        return self.final_total - self.self_total


def _tree(criteria: list[Criterion], scores: dict[int, Score]) -> list[Line]:
    """Lines in tree order with points summed up from the leaves; responsibility inherited from ancestors."""
    by_parent: dict[int | None, list[Criterion]] = defaultdict(list)
    for criterion in criteria:
        by_parent[criterion.parent_id].append(criterion)
    ordered: list[Line] = []

    def walk(parent_id, depth, area, responsible):
        lines = []
        for criterion in sorted(by_parent.get(parent_id, []), key=lambda c: (c.order, c.pk)):
            top = area or criterion
            unit = criterion.responsible_unit if criterion.responsible_unit_id else responsible
            line = Line(criterion, depth, top, unit)
            ordered.append(line)
            line.children = walk(criterion.pk, depth + 1, top, unit)
            if line.children:
                line.self_points = _sum(c.self_points for c in line.children)
                line.final_points = _sum(c.final_points for c in line.children)
            else:
                line.score = scores.get(criterion.pk)
                if line.score is not None:
                    line.score.criterion = criterion
                line.self_points = line.score.self_score if line.score else None
                line.final_points = final_points(line.score)
            lines.append(line)
        return lines

    walk(None, 0, None, None)
    return ordered


def _sum(values) -> Decimal | None:
    present = [v for v in values if v is not None]
    return sum(present, ZERO) if present else None


def _totals(assessment: Assessment, criteria: list[Criterion], scores: dict[int, Score]) -> Totals:
    lines = _tree(criteria, scores)
    totals = Totals(assessment, [], lines)
    for line in lines:
        if line.depth != 0:
            continue
        kind = line.criterion.kind
        if kind == KIND.BONUS:
            totals.bonus_self += line.self_points or ZERO
            totals.bonus_final += line.final_points or ZERO
        elif kind == KIND.PENALTY:
            totals.penalty_self += line.self_points or ZERO
            totals.penalty_final += line.final_points or ZERO
        else:
            appraised = all(
                leaf.score is not None and leaf.score.appraised_score is not None
                for leaf in lines if leaf.area.pk == line.criterion.pk and leaf.is_leaf
            )
            totals.areas.append(AreaTotal(line.criterion, line.criterion.max_points, line.self_points or ZERO,
                                          line.final_points or ZERO, appraised))
    return totals


def _scores_query():
    return Score.objects.select_related("appeal", "criterion")


def totals_for(assessments: list[Assessment], lines: bool = True) -> dict[int, Totals]:
    """Totals of many assessments in three queries; lines=False leaves out the criteria lines (the trees with their
    Score objects), for rankings and tables of many assessments that read only the totals."""
    if not assessments:
        return {}
    if not lines:
        return _summary_totals(assessments)
    framework_ids = {a.framework_id for a in assessments}
    criteria_by_framework: dict[int, list[Criterion]] = defaultdict(list)
    for criterion in Criterion.objects.filter(framework_id__in=framework_ids).select_related("responsible_unit"):
        criteria_by_framework[criterion.framework_id].append(criterion)
    scores: dict[int, dict[int, Score]] = defaultdict(dict)
    for score in (Score.objects.filter(assessment__in=[a.pk for a in assessments])
                  .select_related("appeal", "self_score_accepted_by")):
        scores[score.assessment_id][score.criterion_id] = score
    return {a.pk: _totals(a, criteria_by_framework[a.framework_id], scores[a.pk]) for a in assessments}


@dataclass
class _Shape:
    """A framework's tree as the totals read it: its top-level criteria (areas, bonus, penalty) in order, and for
    each leaf the top-level criterion it counts in."""

    tops: list[Criterion]
    leaf_top: dict[int, int]
    leaves_per_top: dict[int, int]


def _shapes(framework_ids: set[int]) -> dict[int, _Shape]:
    # One query: the frameworks' criteria (a few hundred each), the top-level ones kept whole for the area lines.
    tops = defaultdict(list)
    rows = []
    for criterion in Criterion.objects.filter(framework_id__in=framework_ids):
        rows.append((criterion.pk, criterion.framework_id, criterion.parent_id))
        if criterion.parent_id is None:
            tops[criterion.framework_id].append(criterion)
    parent = {pk: parent_id for pk, _, parent_id in rows}
    has_children = {parent_id for _, _, parent_id in rows if parent_id is not None}
    shapes = {fid: _Shape(sorted(tops[fid], key=lambda c: (c.order, c.pk)), {}, defaultdict(int))
              for fid in framework_ids}
    for pk, framework_id, _ in rows:
        if pk in has_children:
            continue
        top, seen = pk, 0
        while parent.get(top) is not None and seen < 100:
            top, seen = parent[top], seen + 1
        shape = shapes[framework_id]
        shape.leaf_top[pk] = top
        shape.leaves_per_top[top] += 1
    return shapes


def _summary_totals(assessments: list[Assessment]) -> dict[int, Totals]:
    """The totals alone, from the scores' values summed per top-level criterion (no Score objects, no trees)."""
    shapes = _shapes({a.framework_id for a in assessments})
    final = Case(When(appeal__status="accepted", appeal__decided_score__isnull=False, then=F("appeal__decided_score")),
                 default=Coalesce("appraised_score", "self_score"))
    sums: dict[tuple[int, int], list] = {}
    framework_of = {a.pk: a.framework_id for a in assessments}
    for assessment_id, criterion_id, self_score, appraised, final_score in (
            Score.objects.filter(assessment__in=list(framework_of)).annotate(final=final)
            .values_list("assessment_id", "criterion_id", "self_score", "appraised_score", "final")):
        top = shapes[framework_of[assessment_id]].leaf_top.get(criterion_id)
        if top is None:
            continue  # a score on a criterion that has sub-criteria: only leaves count
        entry = sums.setdefault((assessment_id, top), [ZERO, ZERO, 0])
        entry[0] += self_score or ZERO
        entry[1] += final_score or ZERO
        entry[2] += appraised is not None
    result = {}
    for assessment in assessments:
        shape = shapes[assessment.framework_id]
        totals = Totals(assessment, [], [])
        for top in shape.tops:
            self_points, final_points_, appraised = sums.get((assessment.pk, top.pk), (ZERO, ZERO, 0))
            if top.kind == KIND.BONUS:
                totals.bonus_self += self_points
                totals.bonus_final += final_points_
            elif top.kind == KIND.PENALTY:
                totals.penalty_self += self_points
                totals.penalty_final += final_points_
            else:
                totals.areas.append(AreaTotal(top, top.max_points, self_points, final_points_,
                                              appraised == shape.leaves_per_top[top.pk]))
        result[assessment.pk] = totals
    return result


def area_totals(assessment: Assessment) -> Totals:
    """Totals per area and overall of one assessment (self vs final, bonus, penalty)."""
    return totals_for([assessment])[assessment.pk]


@dataclass
class RankRow:
    """One unit's place in a ranking: from its assessment under the framework, or, for a unit ranked that year
    whose result came in as history (kết quả công bố), from that published total."""

    assessment: Assessment | None
    unit: object
    total: Decimal
    max_points: Decimal | None
    rank: int
    band: str
    totals: Totals | None
    history: HistoricalResult | None = None
    link: str = ""  # where the unit's name leads for the reader (set by the page)

    @property
    def is_published(self) -> bool:
        return self.history is not None or (self.assessment is not None and self.assessment.is_published)


# The units a framework ranks when none is assessed under it yet: children of its owner of these kinds.
LEVEL_KINDS = {
    Framework.Level.DEPARTMENTS: [Unit.Kind.DEPARTMENT],
    Framework.Level.INTERNAL: [Unit.Kind.DIVISION, Unit.Kind.SUB_DEPARTMENT, Unit.Kind.PUBLIC_SERVICE],
}


def rank_of(total: Decimal, totals: list[Decimal]) -> int:
    """1 + how many totals are higher: equal totals share a rank (1, 2, 2, 4)."""
    return 1 + sum(1 for other in totals if other > total)


def _rank(framework: Framework, rows: list[RankRow]) -> list[RankRow]:
    rows.sort(key=lambda r: (-r.total, r.unit.name))
    for position, row in enumerate(rows, start=1):
        # Ties share the rank of the first of them (1, 2, 2, 4).
        row.rank = rows[position - 2].rank if position > 1 and row.total == rows[position - 2].total else position
        row.band = framework.classify(row.total, row.max_points)
    return rows


def _group_of(framework: Framework, assessments: list[Assessment]) -> tuple[set[int], set[str]]:
    """The parents and kinds of the units ranked together under the framework."""
    if assessments:
        return {a.unit.parent_id for a in assessments}, {a.unit.kind for a in assessments}
    return {framework.owner_id}, set(LEVEL_KINDS.get(framework.level, [k for k, _ in Unit.Kind.choices]))


def _history_rows(groups: list[tuple[Framework, list[Assessment]]], totals: dict[int, Totals]) -> dict[int, list[RankRow]]:
    """Per framework: the units of its group with a published result of its year imported as history and no
    assessment under it, ranked with the others by that published total (one query for all the frameworks)."""
    wanted = {framework.pk: (framework, *_group_of(framework, assessed), {a.unit_id for a in assessed})
              for framework, assessed in groups}
    if not wanted:
        return {}
    found = (HistoricalResult.objects.filter(year__in={f.year for f, *_ in wanted.values()},
                                             unit__parent_id__in={p for _, parents, *_ in wanted.values() for p in parents})
             .annotate(listed_max=Sum("areas__max_points")).select_related("unit"))
    rows: dict[int, list[RankRow]] = defaultdict(list)
    for result in found:
        for framework, parents, kinds, assessed_ids in wanted.values():
            if (result.year == framework.year and result.unit.parent_id in parents and result.unit.kind in kinds
                    and result.unit_id not in assessed_ids):
                rows[framework.pk].append(RankRow(None, result.unit, result.total, result.listed_max, 0, "", None,
                                                  history=result))
    for framework, assessed in groups:
        missing = [row for row in rows.get(framework.pk, []) if row.max_points is None]
        if missing:
            maximum = next((totals[a.pk].max_points for a in assessed), None) or _framework_max(framework)
            for row in missing:
                row.max_points = maximum
    return rows


def _framework_max(framework: Framework) -> Decimal | None:
    return (Criterion.objects.filter(framework=framework, parent__isnull=True)
            .exclude(kind__in=[KIND.BONUS, KIND.PENALTY]).aggregate(total=Sum("max_points"))["total"])


def ranking(framework: Framework, published_only: bool = False) -> list[RankRow]:
    """Every unit ranked under the framework, best first: those assessed under it, and those of the same group whose
    result of that year came in as history; equal totals share a rank; band from the framework. Ranks are always
    computed here from the totals, never stored."""
    assessments = Assessment.objects.filter(framework=framework).select_related("unit", "framework__owner")
    if published_only:
        assessments = assessments.filter(phase=Assessment.Phase.PUBLISHED)
    assessments = list(assessments)
    totals = totals_for(assessments, lines=False)
    rows = [RankRow(a, a.unit, totals[a.pk].final_total, totals[a.pk].max_points, 0, "", totals[a.pk])
            for a in assessments]
    history = _history_rows([(framework, assessments)], totals).get(framework.pk, [])
    return _rank(framework, rows + history)


@dataclass
class YearTable:
    """The seed's table 1.2: rows = areas, columns = years, cells 'score/max', then bonus, penalty, total, rank."""

    years: list[int]
    rows: list[tuple[str, list[str]]]
    bonus: list[str]
    penalty: list[str]
    total: list[str]
    rank: list[str]
    sources: list[str]
    notes: list[str]


def _history_standings(results: list[HistoricalResult]) -> dict[int, list[Decimal]]:
    """For each result (by pk): the published totals of its group that year (same parent, same kind), itself
    included, in one query."""
    if not results:
        return {}
    rows = list(HistoricalResult.objects.filter(
        year__in={r.year for r in results}, unit__parent_id__in={r.unit.parent_id for r in results},
    ).values_list("year", "unit__parent_id", "unit__kind", "total"))
    grouped: dict[tuple, list[Decimal]] = defaultdict(list)
    for year, parent_id, kind, total in rows:
        grouped[(year, parent_id, kind)].append(total)
    return {r.pk: grouped[(r.year, r.unit.parent_id, r.unit.kind)] for r in results}


def year_table(unit) -> YearTable:
    """The unit's results over the years, following its lineage so a merged unit's history follows its successor.
    A year imported as history shows the published figures; other years come from published assessments. The rank
    is computed each time from the totals of the units ranked together that year."""
    lineage_ids = [u.pk for u in unit.lineage()]
    history: dict[int, HistoricalResult] = {}
    # A year two units of the lineage both have (before a merge) shows the unit's own result.
    for h in (HistoricalResult.objects.filter(unit_id__in=lineage_ids).select_related("unit")
              .prefetch_related(Prefetch("areas", queryset=HistoricalArea.objects.order_by("order")))
              .order_by("year")):
        if h.year not in history or h.unit_id == unit.pk:
            history[h.year] = h
    standings = _history_standings(list(history.values()))
    own = list(Assessment.objects.filter(unit_id__in=lineage_ids, phase=Assessment.Phase.PUBLISHED)
               .select_related("framework", "unit"))
    framework_ids = {a.framework_id for a in own if a.framework.year not in history}
    peers = list(Assessment.objects.filter(framework_id__in=framework_ids, phase=Assessment.Phase.PUBLISHED)
                 .select_related("framework", "unit"))
    totals = totals_for(peers, lines=False)
    by_year: dict[int, tuple[Assessment, RankRow, int]] = {}
    frameworks = {a.framework_id: a.framework for a in peers}
    groups = [(framework, [a for a in peers if a.framework_id == framework.pk]) for framework in frameworks.values()]
    history_rows = _history_rows(groups, totals)
    for framework, assessed in groups:
        rows = [RankRow(a, a.unit, totals[a.pk].final_total, totals[a.pk].max_points, 0, "", totals[a.pk])
                for a in assessed]
        rows = _rank(framework, rows + history_rows.get(framework.pk, []))
        for row in rows:
            if row.assessment is not None and row.assessment.unit_id in lineage_ids:
                by_year[framework.year] = (row.assessment, row, len(rows))

    years = sorted(set(history) | set(by_year))
    keys: list[str] = []
    labels: dict[str, str] = {}
    cells: dict[str, dict[int, str]] = defaultdict(dict)
    bonus, penalty, total, rank, sources = [], [], [], [], []
    notes: list[str] = []
    for year in years:
        if year in history:
            result = history[year]
            for area in result.areas.all():
                key = normalize_name(area.title)
                if key not in labels:
                    keys.append(key)
                    labels[key] = area.title
                if area.score is None:
                    cells[key][year] = area.note or "–"
                else:
                    cells[key][year] = f"{format_points(area.score)}/{format_points(area.max_points or 0)}"
            bonus.append(format_points(result.bonus))
            penalty.append(format_points(result.penalty))
            total.append(format_points(result.total))
            group = standings[result.pk]
            rank.append(f"{rank_of(result.total, group)}/{len(group)}")
            sources.append(result.source or "Kết quả công bố")
            listed = sum((a.score or ZERO for a in result.areas.all()), ZERO) + result.bonus - result.penalty
            if listed != result.total:
                notes.append(f"Năm {year}: tổng các ô ({format_points(listed)}) khác tổng điểm công bố "
                             f"({format_points(result.total)}); bảng giữ tổng điểm công bố.")
        else:
            assessment, row, out_of = by_year[year]
            result_totals = totals[assessment.pk]
            for area in result_totals.areas:
                key = normalize_name(area.area.title)
                if key not in labels:
                    keys.append(key)
                    labels[key] = area.area.title
                cells[key][year] = area.cell
            bonus.append(format_points(result_totals.bonus_final))
            penalty.append(format_points(result_totals.penalty_final))
            total.append(format_points(result_totals.final_total))
            rank.append(f"{row.rank}/{out_of}")
            sources.append(assessment.framework.title)
    rows = [(labels[k], [cells[k].get(y, "–") for y in years]) for k in keys]
    return YearTable(years, rows, bonus, penalty, total, rank, sources, notes)


@dataclass
class Gap:
    line: Line
    assessed_unit: object

    @property
    def criterion(self):
        return self.line.criterion

    @property
    def lost(self) -> Decimal:
        return self.line.lost

    @property
    def responsible_unit(self):
        """The unit answerable for the item: its responsible unit when inside the assessed unit, else the assessed
        unit itself (in a division's own assessment, the division answers for everything)."""
        unit, assessed = self.line.responsible_unit, self.assessed_unit
        if unit is not None and unit.path.startswith(assessed.path):
            return unit
        return assessed

    @property
    def comment(self) -> str:
        score = self.line.score
        if score is None:
            return ""
        appeal = score.appeal if _has_appeal(score) else None
        if appeal is not None and appeal.decision_reason:
            return f"{score.appraisal_comment} — Phúc tra: {appeal.decision_reason}".strip(" —")
        return score.appraisal_comment


def gap_analysis(assessment: Assessment) -> list[Gap]:
    """Every scored item below its max (and every penalty), with points lost, the council's comment and the
    responsible unit, most points lost first."""
    totals = area_totals(assessment)
    gaps = [Gap(line, assessment.unit) for line in totals.lines
            if line.is_leaf and line.final_points is not None and line.lost > 0]
    return sorted(gaps, key=lambda g: (-g.lost, g.criterion.order))


@dataclass
class Responsibility:
    unit: object
    lost: Decimal
    items: list[Gap]


def units_not_excellent(assessment: Assessment) -> list[Responsibility]:
    """Units in whose responsibility points were lost: their heads cannot be rated 'hoàn thành xuất sắc'
    (seed, section V.2)."""
    grouped: dict[int, Responsibility] = {}
    for gap in gap_analysis(assessment):
        unit = gap.responsible_unit
        entry = grouped.setdefault(unit.pk, Responsibility(unit, ZERO, []))
        entry.lost += gap.lost
        entry.items.append(gap)
    return sorted(grouped.values(), key=lambda r: (-r.lost, r.unit.name))
