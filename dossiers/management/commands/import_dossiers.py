"""Runs a queued dossier import: `manage.py import_dossiers RUN_ID` (started by the import page, or by hand)."""

from django.core.management.base import BaseCommand, CommandError

from dossiers.importer import execute
from dossiers.models import ImportRun


class Command(BaseCommand):
    help = "Nhập hồ sơ TTHC của một lần nhập đã ghép cột (RUN_ID)."

    def add_arguments(self, parser):
        parser.add_argument("run_id", type=int)

    def handle(self, *args, run_id, **options):
        run = ImportRun.objects.select_related("source__unit", "created_by").filter(pk=run_id).first()
        if run is None:
            raise CommandError(f"Không có lần nhập {run_id}.")
        if run.status not in (ImportRun.Status.QUEUED, ImportRun.Status.FAILED):
            raise CommandError(f"Lần nhập {run_id} đang ở trạng thái {run.get_status_display()}.")
        try:
            execute(run)
        except Exception as error:
            run.status, run.message = ImportRun.Status.FAILED, f"Lỗi hệ thống khi nhập: {error}"
            run.save(update_fields=["status", "message"])
            raise
        self.stdout.write(run.message)
