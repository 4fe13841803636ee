"""Daily reminders: run once a day (cron or a systemd timer), e.g. `manage.py send_reminders` at 07:00. It queues
the sending for the background worker (plans.tasks); --now sends here and now instead."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from plans.reminders import run
from plans.tasks import send_reminders


class Command(BaseCommand):
    help = "Ghi nhắc việc trong ngày và gửi mỗi người một thư tổng hợp (nhiệm vụ, báo cáo sắp đến hạn, quá hạn)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Ngày chạy (YYYY-MM-DD), mặc định là hôm nay")
        parser.add_argument("--now", action="store_true", help="gửi ngay trong lệnh này, không qua hàng đợi")

    def handle(self, *args, **options):
        try:
            today = date.fromisoformat(options["date"]) if options["date"] else timezone.localdate()
        except ValueError as exc:
            raise CommandError("Ngày không hợp lệ, dùng dạng YYYY-MM-DD") from exc
        if options["now"]:
            result = run(today)
            self.stdout.write(f"{today:%d/%m/%Y}: {result.notifications} nhắc việc mới, {result.emails} thư đã gửi")
            return
        queued = send_reminders.enqueue(today.isoformat())
        if queued.is_finished:  # a backend that runs tasks at once (tests, CCHC_TASKS=immediate)
            done = queued.return_value
            self.stdout.write(f"{today:%d/%m/%Y}: {done['notifications']} nhắc việc mới, {done['emails']} thư đã gửi")
        else:
            self.stdout.write(f"{today:%d/%m/%Y}: đã xếp việc gửi nhắc việc vào hàng đợi ({queued.id}).")
