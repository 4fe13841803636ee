"""manage.py backup --to DIR: the database and the uploaded files, with a SHA-256 manifest (core/backups.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core import backups


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và các tệp đã tải lên (tài liệu kiểm chứng, tệp nhập, mẫu) vào một thư mục mới."

    def add_arguments(self, parser):
        parser.add_argument("--to", required=True, type=Path, help="Thư mục mới (hoặc rỗng) để ghi bản sao lưu.")
        parser.add_argument("--database", default="default", help="Bí danh cơ sở dữ liệu trong settings.DATABASES.")

    def handle(self, *args, **options):
        try:
            result = backups.backup(options["to"], using=options["database"])
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(
            f"Đã sao lưu cơ sở dữ liệu ({result.vendor}) và {result.files} tệp ({result.bytes} byte) vào "
            f"{result.folder}."))
