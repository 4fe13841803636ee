"""send_reminders (the cron or timer entry) queues the sending for the worker; the worker's run sends it."""

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from plans.tests.builders import make_plan, make_task


@pytest.mark.dates
@time_machine.travel("2026-11-23 07:00 +07:00", tick=False)
def test_the_command_queues_the_sending_and_the_worker_sends_it(cast, capsys, settings):
    from django_tasks_db.models import DBTaskResult

    from plans.tasks import send_reminders

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "imports", "documents"]}}
    make_task(cast, make_plan(cast), code="1", lead="qldd", monitoring=None, deadline="Trước ngày 13/11")
    call_command("send_reminders")
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "plans.tasks.send_reminders" and queued.status == "READY"
    assert "đã xếp việc gửi nhắc việc vào hàng đợi" in capsys.readouterr().out and not mail.outbox
    # What the worker runs for it.
    assert send_reminders.call(*queued.args_kwargs["args"]) == {"day": "2026-11-23", "notifications": 1, "emails": 1}
    assert len(mail.outbox) == 1
