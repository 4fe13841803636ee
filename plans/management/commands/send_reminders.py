"""Daily reminders: run once a day (cron or a systemd timer), e.g. `manage.py send_reminders` at 07:00."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from plans.reminders import run


class Command(BaseCommand):
    help = "Ghi nhắc việc trong ngày và gửi mỗi người một thư tổng hợp (nhiệm vụ, báo cáo sắp đến hạn, quá hạn)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Ngày chạy (YYYY-MM-DD), mặc định là hôm nay")

    def handle(self, *args, **options):
        try:
            today = date.fromisoformat(options["date"]) if options["date"] else timezone.localdate()
        except ValueError as exc:
            raise CommandError("Ngày không hợp lệ, dùng dạng YYYY-MM-DD") from exc
        result = run(today)
        self.stdout.write(f"{today:%d/%m/%Y}: {result.notifications} nhắc việc mới, {result.emails} thư đã gửi")
