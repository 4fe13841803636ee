"""manage.py import_history bang.xlsx --unit stnmt: stores a published year-over-year table as history."""

import csv
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import User
from assessments import actions
from assessments.history import parse_table
from assessments.results import year_table
from org.models import Unit


def _rows(path: Path) -> list[list[str]]:
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
        return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    with path.open(encoding="utf-8-sig", newline="") as handle:
        sample = handle.read(2048)
        handle.seek(0)
        dialect = csv.Sniffer().sniff(sample, delimiters="\t;,") if sample else csv.excel_tab
        return list(csv.reader(handle, dialect))


class Command(BaseCommand):
    help = "Nhập kết quả chỉ số CCHC các năm trước (bảng như mục 1.2 của Kế hoạch) cho một đơn vị."

    def add_arguments(self, parser):
        parser.add_argument("path", help="Tệp .xlsx, .csv hoặc .tsv")
        parser.add_argument("--unit", required=True, help="Mã đơn vị, ví dụ stnmt")
        parser.add_argument("--source", default="", help="Văn bản công bố, ví dụ 3626/QĐ-UBND ngày 15/12/2023")
        parser.add_argument("--by", default="admin", help="Tên đăng nhập người nhập (ghi vào nhật ký)")

    def handle(self, *args, path, unit, source, by, **options):
        try:
            target = Unit.objects.get(code=unit)
        except Unit.DoesNotExist:
            raise CommandError(f"Không có đơn vị mã “{unit}”.")
        file = Path(path)
        if not file.exists():
            raise CommandError(f"Không thấy tệp {path}.")
        results, errors = parse_table(_rows(file))
        if errors:
            raise CommandError("Chưa nhập gì. Lỗi:\n" + "\n".join(errors))
        user = User.objects.filter(username=by).first()
        with transaction.atomic():
            for result in results:
                actions.save_history(by=user, unit=target, year=result.year, areas=result.areas, bonus=result.bonus,
                                     penalty=result.penalty, total=result.total, source=source)
        self.stdout.write(self.style.SUCCESS(f"Đã nhập kết quả {len(results)} năm cho {target}."))
        for line in rank_differences(target, results):
            self.stdout.write(self.style.WARNING(line))


def rank_differences(unit, results) -> list[str]:
    """The ranks the file states checked against those computed from the totals of the units ranked together
    (the rank itself is never stored): one line per year that differs."""
    table = year_table(unit)
    computed = dict(zip(table.years, table.rank, strict=True))
    lines = []
    for result in results:
        if result.rank is None:
            continue
        stated = f"{result.rank}/{result.out_of}"
        if computed.get(result.year) != stated:
            lines.append(f"Năm {result.year}: tệp ghi xếp hạng {stated}, cchc tính từ tổng điểm các đơn vị cùng "
                         f"nhóm được {computed.get(result.year, '–')} (xếp hạng không được lưu: hãy nhập kết quả "
                         f"của các đơn vị còn lại hoặc kiểm tra lại tổng điểm).")
    return lines
