"""Who may see and do what on plans and tasks, built on the permission table.

A plan belongs to its issuing unit; a task is also the business of its lead, coordinating and monitoring units, so a
specialist of the Land division sees the department's plan through the tasks her division leads.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from accounts.permissions import can, visible_units
from plans.models import Plan, Section, Target, Task


def visible_tasks(user):
    """Tasks of plans the user may view, or tasks in which a unit the user may view takes part."""
    units = visible_units(user, "plan.view")
    through_lead = Task.lead_units.through.objects.filter(unit__in=units).values("task_id")
    through_coord = Task.coordinating_units.through.objects.filter(unit__in=units).values("task_id")
    through_monitor = Task.monitoring_units.through.objects.filter(unit__in=units).values("task_id")
    return Task.objects.filter(Q(plan__issuing_unit__in=units) | Q(pk__in=through_lead) | Q(pk__in=through_coord)
                               | Q(pk__in=through_monitor))


def visible_plans(user):
    units = visible_units(user, "plan.view")
    involved = visible_tasks(user).values("plan_id")
    return Plan.objects.filter(Q(issuing_unit__in=units) | Q(pk__in=involved))


def get_plan_for(user, pk, need: str = "view") -> Plan:
    """The plan, if the user may view it (need="view") or manage it (need="manage"); 404/403 otherwise."""
    try:
        plan = Plan.objects.select_related("issuing_unit").get(pk=pk)
    except (Plan.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if need == "manage":
        if not can(user, "plan.manage", plan.issuing_unit):
            raise PermissionDenied("plan.manage")
    elif not may_view_plan(user, plan):
        raise PermissionDenied("plan.view")
    return plan


def may_view_plan(user, plan: Plan) -> bool:
    """The issuing unit's people, and every unit that takes part in one of its tasks, read the whole plan."""
    return can(user, "plan.view", plan.issuing_unit) or visible_tasks(user).filter(plan=plan).exists()


def get_task_for(user, pk) -> Task:
    try:
        task = Task.objects.select_related("plan__issuing_unit", "section").get(pk=pk)
    except (Task.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not may_view_plan(user, task.plan):
        raise PermissionDenied("plan.view")
    return task


@dataclass
class TaskRights:
    """What this person may do on this task, and for which of their units."""

    report_units: list = field(default_factory=list)  # lead units the user may post progress for
    contribute_units: list = field(default_factory=list)  # coordinating units the user may write for
    may_monitor: bool = False
    may_approve: bool = False  # holds the approving role over the task; each request says who decides it
    may_manage: bool = False

    @property
    def may_report(self) -> bool:
        return bool(self.report_units)

    @property
    def may_contribute(self) -> bool:
        return bool(self.contribute_units)


def rights_on(user, task: Task) -> TaskRights:
    issuing = task.plan.issuing_unit
    lead = list(task.lead_units.all())
    coordinating = list(task.coordinating_units.all())
    monitoring = list(task.monitoring_units.all())
    may_manage = can(user, "plan.manage", issuing)
    return TaskRights(
        report_units=[u for u in lead if can(user, "task.report", u)],
        contribute_units=[u for u in coordinating if can(user, "task.report", u)],
        may_monitor=may_manage or any(can(user, "task.monitor", u) for u in monitoring),
        may_approve=can(user, "task.approve_extension", issuing)
        or any(can(user, "task.approve_extension", u) for u in monitoring),
        may_manage=may_manage,
    )


def _managed_part(user, model, pk):
    try:
        part = model.objects.select_related("plan__issuing_unit").get(pk=pk)
    except (model.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404 from None
    if not can(user, "plan.manage", part.plan.issuing_unit):
        if may_view_plan(user, part.plan):
            raise PermissionDenied("plan.manage")
        raise Http404
    return part


def get_section_for(user, pk) -> Section:
    """A section of a plan the user manages (edit, delete); 404 if absent or not theirs to know, 403 to readers."""
    return _managed_part(user, Section, pk)


def get_target_for(user, pk) -> Target:
    """A target of a plan the user manages; as get_section_for."""
    return _managed_part(user, Target, pk)
