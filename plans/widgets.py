"""The home-page block: the person's reminders and their unit's overdue and due-soon tasks."""

from django.utils import timezone

from core.widgets import home_widget


def my_deadlines(request):
    from plans.models import Task
    from plans.queries import for_listing, open_tasks, with_due
    from plans.reminders import inbox

    user = request.user
    if not user.is_authenticated or user.unit_id is None:
        return None
    today = timezone.localdate()
    led = Task.lead_units.through.objects.filter(unit_id=user.unit_id).values("task_id")
    tasks = list(for_listing(with_due(open_tasks(Task.objects.filter(pk__in=led, plan__status="issued"))))
                 .filter(due__isnull=False).order_by("due")[:8])
    notes = list(inbox(user, today, limit=8))
    if not tasks and not notes:
        return None
    for task in tasks:
        task.overdue = task.is_overdue(today)
    return "plans/_home_widget.html", {"tasks": tasks, "notes": notes, "today": today}


def register() -> None:
    home_widget(order=20)(my_deadlines)
