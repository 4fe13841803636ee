"""A plan's targets measured: from cchc's own data where a metric measures it (dossiers, surveys, tasks, the unit
tree), else the value typed with its evidence, else said to have no source; per unit where the target was given to
units, rolled up on the target."""

from dataclasses import dataclass, field
from datetime import date

from frameworks.metrics import MetricValue, compute_metric
from plans.targets import Evaluation, evaluate


@dataclass
class Measured:
    evaluation: Evaluation
    source: str  # "metric", "manual" or "none"
    detail: str = ""
    evidence_url: str = ""


@dataclass
class TargetRow:
    target: object
    measured: Measured
    assignments: list = field(default_factory=list)  # (assignment, Measured)

    @property
    def met_units(self) -> int:
        return sum(1 for _a, m in self.assignments if m.evaluation.met)


def window(plan, today: date) -> tuple[date, date]:
    start = plan.issue_date if plan.issue_date and plan.issue_date.year == plan.year else date(plan.year, 1, 1)
    return start, max(start, min(today, date(plan.year, 12, 31)))


def _baseline(target, unit, plan) -> MetricValue | None:
    if target.baseline_value is not None:
        return MetricValue(target.baseline_value, "")
    if not target.metric_key:
        return None
    year = target.baseline_year or plan.year - 1
    return compute_metric(target.metric_key, unit, date(year, 1, 1), date(year, 12, 31))


def _measure(target, unit, plan, today: date, typed, note: str, level) -> Measured:
    if target.metric_key:
        start, end = window(plan, today)
        value = compute_metric(target.metric_key, unit, start, end)
        if value is not None:
            base = _baseline(target, unit, plan) if target.change != "level" else None
            evaluation = evaluate(comparison=target.comparison, value=level, change=target.change,
                                  current=value.value, baseline=base.value if base else None)
            return Measured(evaluation, "metric", value.detail, value.evidence_url)
    if typed is not None:
        base = target.baseline_value if target.change != "level" else None
        return Measured(evaluate(comparison=target.comparison, value=level, change=target.change, current=typed,
                                 baseline=base), "manual", note)
    return Measured(Evaluation(None, None, None, None), "none")


def target_rows(plan, today: date) -> list[TargetRow]:
    rows = []
    for target in plan.targets.prefetch_related("assignments__unit"):
        row = TargetRow(target, _measure(target, plan.issuing_unit, plan, today, target.manual_value,
                                         target.manual_note, target.value))
        for assignment in target.assignments.all():
            row.assignments.append((assignment, _measure(target, assignment.unit, plan, today,
                                                         assignment.manual_value, assignment.note, assignment.value)))
        rows.append(row)
    return rows
