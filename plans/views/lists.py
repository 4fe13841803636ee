"""Task lists: mine, my unit's, overdue and due soon, the month calendar of deadlines, the on-time evidence."""

import calendar as monthcal
from datetime import date, timedelta

from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone

from accounts.permissions import can, require
from org.models import Unit
from plans.access import visible_tasks
from plans.models import ReportPeriod, Task
from plans.queries import counted_tasks, for_listing, on_time_counts, open_tasks, with_due
from plans.reminders import inbox
from workdays.services import get_calendar

PAGE_SIZE = 200


def _rows(queryset, today):
    rows = list(for_listing(with_due(queryset)).order_by("due", "plan_id", "order")[:PAGE_SIZE])
    for task in rows:
        task.overdue = task.is_overdue(today)
    return rows


def _status_filter(request, queryset):
    status = request.GET.get("status", "open")
    if status == "open":
        return open_tasks(queryset), status
    if status in Task.Status.values:
        return queryset.filter(status=status, is_heading=False), status
    return queryset.filter(is_heading=False), "all"


def my_tasks(request):
    """Tasks my unit leads (việc của tôi): what I report progress on."""
    require(request.user, "plan.view")
    today = timezone.localdate()
    unit = request.user.unit
    queryset = Task.objects.none() if unit is None else Task.objects.filter(
        pk__in=Task.lead_units.through.objects.filter(unit=unit).values("task_id"))
    queryset, status = _status_filter(request, queryset)
    return render(request, "plans/task_list.html", {
        "tasks": _rows(queryset, today), "today": today, "status": status,
        "statuses": Task.Status.choices, "tab": "mine"})


def unit_tasks(request):
    """Everything my unit takes part in: leads, coordinates or monitors."""
    require(request.user, "plan.view")
    today = timezone.localdate()
    unit = request.user.unit
    role = request.GET.get("role", "")
    relations = {"lead": ["lead_units"], "coordinating": ["coordinating_units"], "monitoring": ["monitoring_units"]}
    chosen = relations.get(role, ["lead_units", "coordinating_units", "monitoring_units"])
    if unit is None:
        queryset = Task.objects.none()
    else:
        q = Q(pk__in=[])
        for relation in chosen:
            q |= Q(pk__in=getattr(Task, relation).through.objects.filter(unit=unit).values("task_id"))
        queryset = Task.objects.filter(q)
    queryset, status = _status_filter(request, queryset)
    return render(request, "plans/task_list.html", {
        "tasks": _rows(queryset, today),
        "today": today, "status": status, "statuses": Task.Status.choices, "tab": "unit", "role": role})


def deadlines(request):
    """Overdue tasks and those due within the next 7 working days, among the tasks the user may see."""
    require(request.user, "plan.view")
    today = timezone.localdate()
    cal = get_calendar(range(today.year - 1, today.year + 2))
    horizon = cal.add_working_days(today, 7)
    base = with_due(open_tasks(visible_tasks(request.user))).filter(plan__status="issued")
    overdue = _rows(base.filter(due__lt=today), today)
    soon = _rows(base.filter(due__gte=today, due__lte=horizon), today)
    for task in soon:
        task.days_left = cal.working_days_between(today, task.due)
    return render(request, "plans/deadlines.html", {"overdue": overdue, "soon": soon, "today": today,
                                                    "horizon": horizon})


def deadline_calendar(request):
    """A month grid of task deadlines and report due dates, days off shaded."""
    require(request.user, "plan.view")
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year", today.year))
        month = int(request.GET.get("month", today.month))
        if not 1900 <= year <= 2200:  # the grid reaches into neighbouring months, which date() cannot near year 9999
            raise ValueError(year)
        first = date(year, month, 1)
    except (TypeError, ValueError, OverflowError):
        year, month, first = today.year, today.month, today.replace(day=1)
    last = first.replace(day=monthcal.monthrange(first.year, first.month)[1])
    cal = get_calendar([first.year])
    tasks = _rows(with_due(visible_tasks(request.user)).filter(is_heading=False, due__gte=first, due__lte=last),
                  today)
    plan_ids = visible_tasks(request.user).values("plan_id")
    periods = ReportPeriod.objects.filter(plan_id__in=plan_ids, due_date__gte=first, due_date__lte=last)
    by_day: dict[date, list] = {}
    for task in tasks:
        by_day.setdefault(task.due, []).append(("task", task))
    for period in periods.select_related("plan"):
        by_day.setdefault(period.due_date, []).append(("period", period))
    weeks = []
    for week in monthcal.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month):
        weeks.append([{"day": d, "in_month": d.month == first.month, "working": cal.is_working_day(d),
                       "holiday": cal.names.get(d, "") if d in cal.days_off else "",
                       "items": by_day.get(d, []), "today": d == today} for d in week])
    previous = first - timedelta(days=1)
    following = last + timedelta(days=1)
    return render(request, "plans/calendar.html", {
        "weeks": weeks, "first": first, "today": today, "previous": previous, "following": following})


def on_time(request):
    """The evidence of the on-time rate: the tasks counted for a unit and window, each marked on time or late."""
    require(request.user, "plan.view")
    today = timezone.localdate()
    try:
        unit = Unit.objects.get(pk=int(request.GET.get("unit") or request.user.unit_id or 0))
        start = date.fromisoformat(request.GET.get("start") or f"{today.year}-01-01")
        end = date.fromisoformat(request.GET.get("end") or f"{today.year}-12-31")
    except (Unit.DoesNotExist, ValueError, TypeError):
        unit, start, end = request.user.unit, date(today.year, 1, 1), date(today.year, 12, 31)
    if unit is None or not can(request.user, "plan.view", unit):
        unit = request.user.unit
    rows, counts = [], (0, 0)
    if unit is not None:
        rows = _rows(counted_tasks(unit, start, end, today), today)
        counts = on_time_counts(unit, start, end, today)
    rate = counts[0] / counts[1] if counts[1] else None
    return render(request, "plans/on_time.html", {"unit": unit, "start": start, "end": end, "tasks": rows,
                                                  "on_time": counts[0], "total": counts[1], "rate": rate})


def notifications(request):
    require(request.user, "plan.view")
    today = timezone.localdate()
    return render(request, "plans/notifications.html", {"items": inbox(request.user, today, limit=100),
                                                        "today": today})
