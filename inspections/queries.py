"""Reads shared by the pages, the metric and the to-do list, in a fixed number of queries whatever the number of
plans, inspections or fixes."""

import math
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q

from inspections.models import Fix, Inspection, InspectionPlan
from org.models import Unit


@dataclass
class Progress:
    """How far a plan is toward its target: the units under its issuing unit and those inspected in its year."""

    plan: InspectionPlan
    units: list[Unit] = field(default_factory=list)
    inspected: set[int] = field(default_factory=set)

    @property
    def share(self) -> Decimal | None:
        if not self.units:
            return None
        return (Decimal(len(self.inspected)) * 100 / len(self.units)).quantize(Decimal("0.1"), ROUND_HALF_UP)

    @property
    def met(self) -> bool:
        return self.share is not None and self.share >= self.plan.target_percent

    @property
    def missing(self) -> list[Unit]:
        """Units not inspected yet this year."""
        return [u for u in self.units if u.pk not in self.inspected]

    @property
    def needed(self) -> int:
        """How many more units must be inspected to reach the target."""
        if not self.units:
            return 0
        wanted = math.ceil(self.plan.target_percent * len(self.units) / 100)
        return max(0, wanted - len(self.inspected))


def progress(plans: list[InspectionPlan]) -> dict[int, Progress]:
    """Each plan's progress (two queries for all of them). As the metric counts it: the units directly under the
    issuing unit active at the year's end, inspected (by any plan) in the year, a unit further down counting for
    the one above it."""
    if not plans:
        return {}
    result = {plan.pk: Progress(plan) for plan in plans}
    issuing = {plan.issuing_unit_id for plan in plans}
    children: dict[int, list[Unit]] = {}
    for unit in Unit.objects.filter(parent_id__in=issuing).order_by("order", "name"):
        children.setdefault(unit.parent_id, []).append(unit)
    query = Q(pk__in=[])
    for plan in plans:
        query |= Q(unit__path__startswith=plan.issuing_unit.path, actual_date__year=plan.year)
    done = list(Inspection.objects.filter(query).values_list("unit__path", "actual_date").distinct())
    for plan in plans:
        entry = result[plan.pk]
        year_end = date(plan.year, 12, 31)
        entry.units = [u for u in children.get(plan.issuing_unit_id, []) if u.is_active(year_end)]
        entry.inspected = {u.pk for u in entry.units for path, day in done
                           if day.year == plan.year and path.startswith(u.path)}
    return result


def with_counts(inspections):
    """Inspections with how many findings and fixes, open and overdue."""
    return inspections.annotate(
        finding_count=Count("findings", distinct=True),
        fix_count=Count("findings__fixes", distinct=True),
        open_fixes=Count("findings__fixes", filter=Q(findings__fixes__status=Fix.Status.OPEN), distinct=True),
    )


def fixes_for_listing(queryset):
    return queryset.select_related("finding__inspection__unit", "finding__inspection__plan", "reported_by",
                                   "verified_by")
