"""The background worker: `manage.py worker` runs django_tasks_db's db_worker on every queue, after finding the
tasks a previous worker left unfinished (marked failed with a message; a dossier import or an export is queued
again), and keeps one LibreOffice warm for the PDF conversions while it runs. About once a minute it sweeps again
and runs the apps' housekeeping (core.jobs.periodic: expired export files are removed). Stops cleanly on Ctrl+C or
SIGTERM.

    manage.py worker                 # what the systemd unit and `make demo` run
    manage.py worker --batch         # run what is queued, then stop (cron, tests)
"""

import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from core import jobs
from documents import pdf

SWEEP_EVERY_SECONDS = 60


class Command(BaseCommand):
    help = "Chạy nền: nhập hồ sơ, chuyển PDF, xuất tệp lớn, gửi nhắc việc (các hàng đợi của cchc)."

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="chạy hết việc đang chờ rồi dừng")
        parser.add_argument("--no-office", action="store_true", help="không giữ sẵn LibreOffice cho việc xuất PDF")
        parser.add_argument("--interval", type=float, default=1.0, help="giây chờ giữa hai lần xem hàng đợi")

    def handle(self, *args, batch=False, no_office=False, interval=1.0, verbosity=1, **options):
        jobs.autodiscover()
        found = jobs.sweep()
        if found:
            self.stdout.write(f"{found} việc bị gián đoạn lần trước đã được ghi nhận.")
        jobs.housekeep()
        office = None if no_office else pdf.warm_server()
        stop = threading.Event()
        sweeper = threading.Thread(target=self._sweep_now_and_then, args=(stop,), daemon=True)
        sweeper.start()
        try:
            call_command("db_worker", queue_name="*", batch=batch, interval=interval, reload=False,
                         startup_delay=not batch, verbosity=verbosity)
        finally:
            stop.set()
            pdf.stop_server(office)

    def _sweep_now_and_then(self, stop: threading.Event) -> None:
        while not stop.wait(SWEEP_EVERY_SECONDS):
            sweep_round()


def sweep_round() -> None:
    """One of the worker's minute rounds: orphaned tasks, then the apps' housekeeping."""
    try:
        jobs.sweep()
        jobs.housekeep()
    except Exception:  # a database hiccup: the next round tries again
        jobs.logger.exception("sweep failed")
    finally:
        close_old_connections()
