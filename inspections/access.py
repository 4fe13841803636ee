"""The doors to inspections, built on the permission table (accounts.permissions) and accounts.access.get_for.

A plan belongs to its issuing unit; an inspection, its findings and fixes to the inspected unit, which the
office's tree covers: whoever may not view them there gets 404, whoever views them but may not act gets 403.
Managing anything of a plan (inspections, findings, fixes, their confirmation) is `inspection.manage` over the
plan's issuing unit; reporting a fix done is `inspection.report` over the inspected unit.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from accounts.access import get_for
from accounts.permissions import can, visible_units
from inspections.models import Fix, Inspection, InspectionPlan


def visible_plans(user):
    """Plans issued by a unit the user may view, or holding an inspection of one."""
    units = visible_units(user, "inspection.view")
    inspected = Inspection.objects.filter(unit__in=units).values("plan_id")
    return InspectionPlan.objects.filter(Q(issuing_unit__in=units) | Q(pk__in=inspected))


def visible_inspections(user):
    return Inspection.objects.filter(unit__in=visible_units(user, "inspection.view"))


def get_plan_for(user, pk, need: str = "inspection.view") -> InspectionPlan:
    return get_for(user, InspectionPlan.objects.select_related("issuing_unit"), pk, need,
                   unit_of=lambda plan: plan.issuing_unit, view="inspection.view")


def get_inspection_for(user, pk, need: str = "inspection.view") -> Inspection:
    """The inspection, seen through the inspected unit; `inspection.manage` is checked on the plan's issuing unit."""
    inspection = get_for(user, Inspection.objects.select_related("plan__issuing_unit", "unit"), pk,
                         "inspection.view", unit_of=lambda i: i.unit, view="inspection.view")
    if need == "inspection.manage" and not can(user, need, inspection.plan.issuing_unit):
        raise PermissionDenied(need)
    return inspection


def get_fix_for(user, pk, need: str = "inspection.view") -> Fix:
    """The fix, seen through the inspected unit; reported by whoever may `inspection.report` there, managed and
    confirmed by whoever manages the plan."""
    fix = get_for(user, Fix.objects.select_related("finding__inspection__plan__issuing_unit",
                                                   "finding__inspection__unit"), pk, "inspection.view",
                  unit_of=lambda f: f.finding.inspection.unit, view="inspection.view")
    inspection = fix.finding.inspection
    unit = inspection.plan.issuing_unit if need == "inspection.manage" else inspection.unit
    if need != "inspection.view" and not can(user, need, unit):
        raise PermissionDenied(need)
    return fix


def get_finding_for(user, pk):
    """A finding of a plan the user manages (to add its fixes)."""
    from inspections.models import Finding

    finding = get_for(user, Finding.objects.select_related("inspection__plan__issuing_unit", "inspection__unit"), pk,
                      "inspection.view", unit_of=lambda f: f.inspection.unit, view="inspection.view")
    if not can(user, "inspection.manage", finding.inspection.plan.issuing_unit):
        raise PermissionDenied("inspection.manage")
    return finding
