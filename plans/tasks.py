"""Reminder sending as a background task: `manage.py send_reminders` (cron or a systemd timer) queues it, a
worker records the day's reminders and sends the digests."""

from datetime import date

from django_tasks import task


@task(queue_name="default")
def send_reminders(day: str) -> dict:
    from plans.reminders import run

    result = run(date.fromisoformat(day))
    return {"day": day, "notifications": result.notifications, "emails": result.emails}
