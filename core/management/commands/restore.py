"""manage.py restore --from DIR: back from a backup, on a wiped server too (core/backups.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core import backups


class Command(BaseCommand):
    help = ("Khôi phục cơ sở dữ liệu và các tệp từ một bản sao lưu: kiểm tra SHA-256 của mọi tệp trước, tạo cơ sở dữ "
            "liệu PostgreSQL nếu chưa có.")

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="source", required=True, type=Path, help="Thư mục bản sao lưu.")
        parser.add_argument("--database", default="default", help="Bí danh cơ sở dữ liệu trong settings.DATABASES.")
        parser.add_argument("--replace", action="store_true",
                            help="Ghi đè cơ sở dữ liệu đã có bảng và thay các tệp đang có.")

    def handle(self, *args, **options):
        try:
            result = backups.restore(options["source"], using=options["database"], replace=options["replace"])
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(
            f"Đã khôi phục cơ sở dữ liệu ({result.vendor}) và {result.files} tệp ({result.bytes} byte) từ "
            f"{result.folder}."))
