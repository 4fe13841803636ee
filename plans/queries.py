"""Reads shared by the pages, the metric and the reminders: constant query counts, whatever the data size."""

from datetime import date

from django.db.models import Prefetch, Q
from django.db.models.functions import Coalesce

from org.models import Unit
from plans.models import Task


def with_due(queryset):
    """Annotates `due`: the approved extension if any, else the plan's deadline."""
    return queryset.annotate(due=Coalesce("extended_due", "due_date"))


def for_listing(queryset):
    """What a task row shows: plan, section and the three unit columns, in four extra queries at most."""
    units = Unit.objects.only("id", "name", "short_name", "code")
    return queryset.select_related("plan", "section").prefetch_related(
        Prefetch("lead_units", queryset=units), Prefetch("coordinating_units", queryset=units),
        Prefetch("monitoring_units", queryset=units))


def open_tasks(queryset):
    return queryset.filter(is_heading=False, status__in=[Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS])


def led_by_subtree(unit: Unit):
    """Tasks whose lead units include the unit or a unit under it."""
    through = Task.lead_units.through.objects.filter(
        Q(unit=unit) | Q(unit__path__startswith=unit.path)).values("task_id")
    return Task.objects.filter(pk__in=through)


def on_time_counts(unit: Unit, start: date, end: date, today: date) -> tuple[int, int]:
    """(done on time, tasks that had to be done) for tasks led in the unit's subtree, due within [start, end].

    The window is read on the plan's deadline, so an extension does not move a task out of its year; a task counts
    once done or once its date that counts has passed; on time means done by that date (an approved extension
    moves it). Cancelled tasks, heading rows and draft plans do not count.
    """
    counted = counted_tasks(unit, start, end, today)
    total = counted.count()
    on_time = counted.filter(status=Task.Status.DONE, completed_on__lte=Coalesce("extended_due", "due_date")).count()
    return on_time, total


def counted_tasks(unit: Unit, start: date, end: date, today: date):
    return (with_due(led_by_subtree(unit)).filter(is_heading=False, due_date__gte=start, due_date__lte=end)
            .exclude(status=Task.Status.CANCELLED).exclude(plan__status="draft")
            .filter(Q(due__lt=today) | Q(status=Task.Status.DONE)))
