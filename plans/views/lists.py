"""Task lists: mine, my unit's, overdue and due soon, the month calendar of deadlines, the on-time evidence, and
the extension requests waiting for the person's decision."""

import calendar as monthcal
from datetime import date, timedelta

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from accounts.permissions import can, require
from core.forms import id_from
from org.models import Unit
from plans import approvals
from plans.access import visible_tasks
from plans.models import Plan, ReportPeriod, Task
from plans.queries import counted_tasks, for_listing, led_by_subtree, on_time_counts, open_tasks, with_due
from plans.reminders import inbox
from workdays.services import get_calendar

PAGE_SIZE = 200
ALL_YEARS = "all"


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


def _year_and_plan(request, queryset, today) -> tuple[object, dict]:
    """Narrows a task list to a plan year (this year unless told; 'all' for every year) and a plan; returns the
    queryset and what the filter form shows (the years and plans the list holds), in two queries."""
    raw = request.GET.get("year")
    if raw is None:
        year = today.year
    elif raw == ALL_YEARS:
        year = None
    else:
        asked = id_from(raw)
        year = asked if asked is not None and 2000 <= asked <= 2100 else today.year
    years = sorted(set(queryset.values_list("plan__year", flat=True).distinct()) | {today.year}, reverse=True)
    if year is not None:
        queryset = queryset.filter(plan__year=year)
    plans = list(Plan.objects.filter(pk__in=queryset.values("plan_id")).order_by("-year", "number", "pk"))
    plan_id = id_from(request.GET.get("plan", ""))
    chosen = next((p for p in plans if p.pk == plan_id), None)
    if chosen is not None:
        queryset = queryset.filter(plan=chosen)
    return queryset, {"year": ALL_YEARS if year is None else year, "years": years, "plans": plans,
                      "plan": chosen}


def my_tasks(request):
    """Tasks my unit leads (việc của tôi): what I report progress on; this year's plans unless asked."""
    require(request.user, "plan.view")
    today = timezone.localdate()
    unit = request.user.unit
    queryset = Task.objects.none() if unit is None else Task.objects.filter(
        pk__in=Task.lead_units.through.objects.filter(unit=unit).values("task_id"))
    queryset, filters = _year_and_plan(request, queryset, today)
    queryset, status = _status_filter(request, queryset)
    return render(request, "plans/task_list.html", {
        "tasks": _rows(queryset, today), "today": today, "status": status,
        "statuses": Task.Status.choices, "tab": "mine", **filters})


def unit_tasks(request):
    """Everything my unit takes part in: leads, coordinates or monitors; this year's plans unless asked."""
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
    queryset, filters = _year_and_plan(request, queryset, today)
    queryset, status = _status_filter(request, queryset)
    return render(request, "plans/task_list.html", {
        "tasks": _rows(queryset, today),
        "today": today, "status": status, "statuses": Task.Status.choices, "tab": "unit", "role": role, **filters})


def deadlines(request):
    """Overdue tasks and those due within the next 7 working days, among the tasks the user may see; ?unit=code
    narrows to the tasks led in that unit's subtree (the dashboards' overdue list links here), ?page= pages the
    overdue ones."""
    require(request.user, "plan.view")
    today = timezone.localdate()
    cal = get_calendar(range(today.year - 1, today.year + 2))
    horizon = cal.add_working_days(today, 7)
    base = with_due(open_tasks(visible_tasks(request.user))).filter(plan__status=Plan.Status.ISSUED)
    unit = None
    code = request.GET.get("unit", "").strip()
    if code:
        unit = None if "\x00" in code else Unit.objects.filter(code=code).first()
        if unit is None or not can(request.user, "plan.view", unit):
            raise Http404
        base = base.filter(pk__in=led_by_subtree(unit).values("pk"))
    pages = Paginator(base.filter(due__lt=today).values_list("pk", flat=True).order_by("due", "plan_id", "order"),
                      PAGE_SIZE)
    page = pages.get_page(request.GET.get("page"))
    overdue = _rows(base.filter(pk__in=list(page.object_list)), today)
    soon = _rows(base.filter(due__gte=today, due__lte=horizon), today)
    for task in soon:
        task.days_left = cal.working_days_between(today, task.due)
    return render(request, "plans/deadlines.html", {"overdue": overdue, "soon": soon, "today": today,
                                                    "horizon": horizon, "unit": unit, "page": page})


def extensions_waiting(request):
    """The extension requests waiting for this person's decision (đề nghị gia hạn chờ duyệt), oldest first."""
    require(request.user, "plan.view")
    rows = list(approvals.waiting_for(request.user)
                .select_related("task__plan", "unit", "requested_by", "approver_unit").order_by("requested_at", "pk"))
    return render(request, "plans/extensions_waiting.html", {"extensions": rows, "today": timezone.localdate()})


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
