"""Excel exports (openpyxl write-only, so a long list streams): real numbers, Vietnamese headers, frozen header row."""

from collections.abc import Iterable
from io import BytesIO

from django.utils.timezone import localtime
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from core import xlsx
from dossiers.stats import Tally

TALLY_COLUMNS = (
    ("Tiếp nhận", "received", None), ("Trực tuyến một phần", "partly_online", None),
    ("Trực tuyến toàn trình", "fully_online", None), ("Đã giải quyết", "settled", None),
    ("Trước hạn", "early", None), ("Đúng hạn", "on_time", None), ("Trễ hạn", "late", None),
    ("Đang giải quyết", "open", None), ("Quá hạn", "overdue", None),
    ("Tỷ lệ đúng và trước hạn", "on_time_rate", "0.0%"), ("Tỷ lệ trực tuyến", "online_rate", "0.0%"),
    ("Tỷ lệ trực tuyến một phần", "partly_online_rate", "0.0%"),
    ("Tỷ lệ trực tuyến toàn trình", "fully_online_rate", "0.0%"),
    ("Tỷ lệ thanh toán trực tuyến", "payment_rate", "0.0%"), ("Tỷ lệ số hóa", "digitisation_rate", "0.0%"),
)
_BOLD = Font(bold=True)
_FILL = PatternFill("solid", fgColor="EEF1F6")


def _header(sheet, titles: list[str]):
    cells = []
    for title in titles:
        cell = xlsx.cell(sheet, title)
        cell.font, cell.fill = _BOLD, _FILL
        cells.append(cell)
    return cells


def _value_cell(sheet, value, number_format=None):
    cell = xlsx.cell(sheet, float(value) if number_format and value is not None else value)
    if number_format:
        cell.number_format = number_format
    return cell


def tally_workbook(title: str, sheets: list[tuple[str, str, list[tuple[str, Tally]]]]) -> bytes:
    """One sheet per grouping: (sheet name, first column's title, [(row label, Tally)])."""
    book = Workbook(write_only=True)
    for name, first, rows in sheets:
        sheet = book.create_sheet(name[:31])
        sheet.freeze_panes = "B2"
        sheet.column_dimensions["A"].width = 50
        sheet.append(_header(sheet, [first] + [c[0] for c in TALLY_COLUMNS]))
        for label, tally in rows:
            xlsx.append(sheet, [label] + [_value_cell(sheet, getattr(tally, attr), fmt) for _, attr, fmt in TALLY_COLUMNS])
    book.properties.title = title
    out = BytesIO()
    book.save(out)
    return out.getvalue()


DOSSIER_HEADERS = ["Mã hồ sơ", "Mã thủ tục", "Tên thủ tục", "Lĩnh vực", "Đơn vị giải quyết", "Ngày tiếp nhận",
                   "Hạn trả kết quả", "Ngày có kết quả", "Hình thức nộp", "Phí, lệ phí (đồng)",
                   "Thanh toán trực tuyến", "Số hóa", "Phiếu xin lỗi", "Trạng thái"]


def dossier_workbook(dossiers: Iterable, limit: int) -> bytes:
    """At most `limit` dossiers (the workbook is built in memory): past it, a last row says to narrow the filter."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Hồ sơ")
    sheet.freeze_panes = "A2"
    for col, width in zip("ABCDEFGHIJKLMN", (26, 16, 50, 24, 36, 17, 14, 17, 22, 14, 12, 10, 12, 18), strict=True):
        sheet.column_dimensions[col].width = width
    sheet.append(_header(sheet, DOSSIER_HEADERS))
    yes = {True: "Có", False: "Không"}

    def when(value, fmt="DD/MM/YYYY HH:MM"):
        cell = xlsx.cell(sheet, value.replace(tzinfo=None) if hasattr(value, "tzinfo") else value)
        cell.number_format = fmt
        return cell

    for count, d in enumerate(dossiers, start=1):
        if count > limit:
            xlsx.append(sheet, [f"Chỉ xuất {limit:,} hồ sơ đầu tiên: hãy thu hẹp kỳ thống kê hoặc bộ lọc.".replace(",", ".")])
            break
        xlsx.append(sheet, [
            d.code, d.procedure.code, d.procedure.name, d.field, d.handling_unit.name, when(localtime(d.received_at)),
            when(d.due_on, "DD/MM/YYYY"), when(localtime(d.finished_at)) if d.finished_at else None,
            d.get_channel_display(), float(d.fee) if d.fee is not None else None, yes[d.paid_online],
            yes[d.digitised], yes[d.apology_sent], d.status,
        ])
    out = BytesIO()
    book.save(out)
    return out.getvalue()
