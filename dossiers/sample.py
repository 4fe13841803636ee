"""The sample export offered on the import page (tệp mẫu): our columns, headed as the one-stop systems head them,
with two dossiers written the way those systems write them. Built on the fly from parsing.COLUMNS, so it always
matches what the importer reads; the unit names are the importing office's own, so the sample imports as it is."""

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from dossiers.parsing import COLUMNS


def sample_rows(receiving_unit: str, handling_unit: str) -> list[dict[str, str]]:
    """Two dossiers: one online and settled early with an online fee, one at the counter settled late with an
    apology letter."""
    return [
        {"code": "000.00.12.H47-240105-0001", "procedure_code": "1.004227",
         "procedure_name": "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
         "field": "Đất đai", "receiving_unit": receiving_unit, "handling_unit": handling_unit,
         "received_at": "05/01/2024 14:30", "due_at": "19/01/2024 17:00", "finished_at": "17/01/2024 10:15",
         "returned_at": "18/01/2024 09:00", "channel": "Trực tuyến toàn trình", "paid_online": "Có", "fee": "50.000",
         "digitised": "Có", "status": "Đã trả kết quả", "apology_sent": "Không"},
        {"code": "000.00.12.H47-240108-0002", "procedure_code": "1.010727",
         "procedure_name": "Thẩm định báo cáo đánh giá tác động môi trường", "field": "Môi trường",
         "receiving_unit": receiving_unit, "handling_unit": handling_unit,
         "received_at": "08/01/2024 08:05", "due_at": "22/01/2024", "finished_at": "24/01/2024 16:40",
         "returned_at": "25/01/2024 08:30", "channel": "Trực tiếp", "paid_online": "Không", "fee": "",
         "digitised": "Không", "status": "Đã trả kết quả", "apology_sent": "Có"},
    ]


def _table(receiving_unit: str, handling_unit: str) -> list[list[str]]:
    rows = sample_rows(receiving_unit, handling_unit)
    return [[c.label for c in COLUMNS], *[[row[c.key] for c in COLUMNS] for row in rows]]


def sample_csv(receiving_unit: str, handling_unit: str) -> bytes:
    """UTF-8 with a byte-order mark (Excel opens it with its accents) and ';' between cells, as Excel writes
    a CSV on a Vietnamese Windows."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(_table(receiving_unit, handling_unit))
    return buffer.getvalue().encode("utf-8-sig")


def sample_xlsx(receiving_unit: str, handling_unit: str) -> bytes:
    """Every cell is text, as the one-stop systems export them (dates as 'dd/mm/yyyy HH:MM')."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Hồ sơ"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="EEF1F6")
    for r, values in enumerate(_table(receiving_unit, handling_unit), start=1):
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(row=r, column=c)
            cell.value, cell.data_type = value, "s"  # text as text: a leading '=' would never become a formula
            if r == 1:
                cell.font, cell.fill = bold, fill
    for c, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=c).column_letter].width = max(14, len(column.label) + 4)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
