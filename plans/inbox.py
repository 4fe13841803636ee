"""What plans put in each person's to-do list (core.inbox): progress updates sent back to them, extension requests
they must decide, their unit's tasks overdue or due within 7 working days, periodic reports their unit owes."""

from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.permissions import can
from core.inbox import Item, source
from plans import approvals
from plans.models import Plan, ReportPeriod, Task, TaskUpdate
from plans.queries import open_tasks, with_due
from workdays.services import get_calendar

HORIZON_WORKING_DAYS = 7
# A report still missing this long after its date has been chased already; the plan's report page keeps it.
REPORTS_LOOK_BACK = timedelta(days=90)


def _task_title(task: Task) -> str:
    return str(task)


def _returned_updates(user):
    """Progress updates of the person's units (or written by them) sent back and not answered since."""
    units = approvals.member_unit_ids(user)
    answered = TaskUpdate.objects.filter(task=OuterRef("task"), unit=OuterRef("unit"), kind=TaskUpdate.Kind.PROGRESS,
                                         created_at__gt=OuterRef("returned_at"))
    return (TaskUpdate.objects.filter(Q(unit_id__in=units) | Q(author=user), returned_at__isnull=False,
                                      task__is_heading=False)
            .exclude(task__status__in=[Task.Status.DONE, Task.Status.CANCELLED]).exclude(Exists(answered)))


def _count_returned(user, today):
    return _returned_updates(user)


@source("returned", count=_count_returned, nav="plans:index")
def plan_returned_updates(user, today: date) -> list[Item]:
    rows = _returned_updates(user).select_related("task__plan", "returned_by").order_by("returned_at")
    return [Item(title=_task_title(u.task), link=reverse("plans:task", args=[u.task_id]) + "#progress",
                 due=u.task.effective_due, badge=_("Cập nhật bị trả lại"), tone="warn",
                 detail=_("Trả lại ngày %(d)s%(who)s: %(why)s") % {
                     "d": f"{u.returned_at:%d/%m/%Y}", "who": f" ({u.returned_by})" if u.returned_by else "",
                     "why": u.return_reason})
            for u in rows]


def _count_extensions(user, today):
    return approvals.waiting_for(user) if can(user, approvals.APPROVE) else None


@source("decide", count=_count_extensions, nav="plans:index", more="plans:extensions_waiting")
def extensions_to_decide(user, today: date) -> list[Item]:
    rows = (approvals.waiting_for(user).select_related("task__plan", "unit", "requested_by")
            .order_by("requested_at", "pk"))
    return [Item(title=_("Đề nghị gia hạn: %(task)s") % {"task": x.task}, due=x.old_due,
                 link=reverse("plans:task", args=[x.task_id]) + "#extensions", badge=_("Chờ duyệt"), tone="warn",
                 detail=_("%(unit)s đề nghị gia hạn đến %(new)s: %(why)s") % {
                     "unit": x.unit.name, "new": f"{x.new_due:%d/%m/%Y}", "why": x.reason})
            for x in rows]


def _calendar_and_horizon(user, today: date):
    """The working calendar and the date 7 working days ahead, read once per request (kept on the user object, as
    accounts.permissions keeps the grants)."""
    cached = getattr(user, "_cchc_plans_horizon", None)
    if cached is None or cached[0] != today:
        calendar = get_calendar(range(today.year - 1, today.year + 2))
        cached = (today, calendar, calendar.add_working_days(today, HORIZON_WORKING_DAYS))
        user._cchc_plans_horizon = cached
    return cached[1], cached[2]


def _horizon(user, today: date) -> date:
    return _calendar_and_horizon(user, today)[1]


def _due_tasks(user, horizon: date):
    units = approvals.member_unit_ids(user)
    led = Task.lead_units.through.objects.filter(unit_id__in=units).values("task_id")
    return (with_due(open_tasks(Task.objects.filter(pk__in=led, plan__status=Plan.Status.ISSUED)))
            .filter(due__isnull=False, due__lte=horizon))


def _count_due(user, today):
    if not approvals.member_unit_ids(user):
        return None
    return _due_tasks(user, _horizon(user, today))


@source("task", count=_count_due, nav="plans:index", more="plans:mine")
def my_due_tasks(user, today: date) -> list[Item]:
    if not approvals.member_unit_ids(user):
        return []
    calendar, horizon = _calendar_and_horizon(user, today)
    items = []
    for task in _due_tasks(user, horizon).select_related("plan").order_by("due", "plan_id", "order"):
        if task.due < today:
            badge, tone = _("Quá hạn %(n)s ngày") % {"n": (today - task.due).days}, "bad"
        else:
            left = calendar.working_days_between(today, task.due)
            badge, tone = _("còn %(n)s ngày làm việc") % {"n": left}, "warn"
        items.append(Item(title=_task_title(task), link=reverse("plans:task", args=[task.pk]), due=task.due,
                          badge=badge, tone=tone, detail=task.plan.reference or task.plan.title))
    return items


def _owed_periods(user, today: date, horizon: date):
    """Report periods of issued plans, due from three months ago to the horizon, in which one of the person's units
    leads a task and has not reported."""
    units = approvals.member_unit_ids(user)
    owes = Task.lead_units.through.objects.filter(unit_id__in=units, task__plan=OuterRef("plan"),
                                                  task__is_heading=False)
    return (ReportPeriod.objects.filter(plan__status=Plan.Status.ISSUED, due_date__lte=horizon,
                                        due_date__gte=today - REPORTS_LOOK_BACK)
            .filter(Exists(owes)).exclude(reports__unit_id__in=units))


def _count_reports(user, today):
    if not approvals.member_unit_ids(user):
        return None
    return _owed_periods(user, today, _horizon(user, today))


@source("report", count=_count_reports, nav="plans:index")
def reports_due(user, today: date) -> list[Item]:
    if not approvals.member_unit_ids(user):
        return []
    rows = _owed_periods(user, today, _horizon(user, today)).select_related("plan").order_by("due_date", "pk")
    return [Item(title=_("Báo cáo %(period)s · %(plan)s") % {"period": p.label, "plan": p.plan.reference or p.plan.title},
                 link=reverse("plans:reports", args=[p.plan_id]), due=p.due_date,
                 badge=_("Quá hạn") if p.due_date < today else _("Sắp đến hạn"),
                 tone="bad" if p.due_date < today else "warn")
            for p in rows]
