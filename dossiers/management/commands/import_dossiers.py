"""Runs a dossier import from the command line.

    manage.py import_dossiers RUN_ID
        runs an import queued on the page here and now (the page queues it for the background worker);
    manage.py import_dossiers --file export.csv --source SOURCE_ID --user USERNAME [--skip-bad-rows]
        imports a file too large to upload, with the source's saved column mapping (or the guessed one).
"""

import uuid
from pathlib import Path

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from accounts.permissions import can
from core.jobs import Lease, is_abandoned, task_lease_name
from dossiers import actions
from dossiers.importer import execute
from dossiers.models import ImportRun, ImportSource
from dossiers.parsing import guess_mapping, missing_required
from dossiers.tables import Table, TableError


class Command(BaseCommand):
    help = "Nhập hồ sơ TTHC: một lần nhập đã ghép cột (RUN_ID), hoặc một tệp với --file --source --user."

    def add_arguments(self, parser):
        parser.add_argument("run_id", type=int, nargs="?")
        parser.add_argument("--file", help="tệp .csv hoặc .xlsx xuất từ phần mềm một cửa")
        parser.add_argument("--source", type=int, help="mã số nguồn dữ liệu (cách ghép cột đã lưu của nguồn)")
        parser.add_argument("--user", help="tên đăng nhập của người nhập (ghi vào nhật ký)")
        parser.add_argument("--skip-bad-rows", action="store_true", help="ghi các dòng đúng, liệt kê dòng lỗi")

    def handle(self, *args, run_id=None, file=None, source=None, user=None, skip_bad_rows=False, **options):
        run = self._queued(run_id) if run_id else self._from_file(file, source, user, skip_bad_rows)
        # Held like a worker's task lease, so the page can tell this process from a dead one.
        run.task_id = f"command-{uuid.uuid4()}"
        run.save(update_fields=["task_id"])
        try:
            with Lease(task_lease_name(run.task_id)) as lease:
                lease.acquire()
                execute(run)
        except Exception as error:
            run.status, run.message = ImportRun.Status.FAILED, f"Lỗi hệ thống khi nhập: {error}"
            run.save(update_fields=["status", "message"])
            raise
        self.stdout.write(run.message)
        for problem in run.errors[:20]:
            self.stdout.write(f"  dòng {problem['line']}: {problem['message']}")

    def _queued(self, run_id: int) -> ImportRun:
        run = ImportRun.objects.select_related("source__unit", "created_by").filter(pk=run_id).first()
        if run is None:
            raise CommandError(f"Không có lần nhập {run_id}.")
        # A run whose worker died wrote nothing (one transaction), so an abandoned one may simply run again.
        abandoned = run.status == ImportRun.Status.RUNNING and (not run.task_id or is_abandoned(run.task_id))
        if run.status not in (ImportRun.Status.QUEUED, ImportRun.Status.FAILED) and not abandoned:
            raise CommandError(f"Lần nhập {run_id} đang ở trạng thái {run.get_status_display()}.")
        return run

    def _from_file(self, file, source_id, username, skip_bad_rows) -> ImportRun:
        if not (file and source_id and username):
            raise CommandError("Cần RUN_ID, hoặc cả --file, --source và --user.")
        person = User.objects.filter(username=username).first()
        source = ImportSource.objects.select_related("unit").filter(pk=source_id).first()
        if person is None or source is None:
            raise CommandError("Không tìm thấy người dùng hoặc nguồn dữ liệu.")
        if not can(person, "dossier.import", source.unit):
            raise CommandError(f"{username} không có quyền nhập hồ sơ cho {source.unit}.")
        path = Path(file)
        try:
            with Table(path) as table:
                headers = table.headers
        except (TableError, OSError) as error:
            raise CommandError(str(error)) from error
        mapping = {k: v for k, v in source.mapping.items() if v in headers} or guess_mapping(headers)
        missing = missing_required(mapping)
        if missing:
            raise CommandError(f"Chưa ghép được cột: {', '.join(missing)}. Ghép cột một lần trên trang Nhập hồ sơ.")
        with open(path, "rb") as f:
            run = actions.upload_export(by=person, source=source, uploaded_file=File(f, name=path.name))
        mode = ImportRun.Mode.SKIP_BAD if skip_bad_rows else ImportRun.Mode.ALL_OR_NOTHING
        return actions.confirm_columns(run, by=person, mapping=mapping, mode=mode)
