"""Excel workbooks (.xlsx) users can sort, sum and print: title rows, a Vietnamese header, real numbers.

    book = Workbook()
    book.table("Kết quả", title=["KẾT QUẢ TỰ ĐÁNH GIÁ …"], columns=[Column("TT", 6), Column("Điểm", kind=SCORE)],
               rows=[["1", Decimal("9.376")]])
    data = book.to_bytes()

Numbers stay numbers (a score is 9.376 in the cell and shows '9,376' in a Vietnamese Excel); header rows are frozen
and repeat on every printed page; pages are A4, landscape when the table is wide, fitted to the page width.
"""

import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from openpyxl import Workbook as _Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from core import xlsx
from documents.layout import clean_text

TEXT, INTEGER, SCORE, PERCENT, DATE = "text", "integer", "score", "percent", "date"
FORMATS = {INTEGER: "#,##0", SCORE: "0.0##", PERCENT: "0.00", DATE: "dd/mm/yyyy", TEXT: "@"}
FONT = "Times New Roman"
THIN = Side(style="thin", color="000000")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
# Sheet names: Excel refuses these characters and names over 31 characters.
FORBIDDEN_IN_SHEET_NAME = '[]:*?/\\'


@dataclass
class Column:
    """A column: its Vietnamese header, width in characters and what its cells hold."""

    header: str
    width: float = 14
    kind: str = TEXT


@dataclass
class Row:
    """A row with emphasis: section rows of a plan or area rows of a framework are bold."""

    values: list
    bold: bool = False


def _number(value):
    """Decimal, int, float or a plain numeric string → a number Excel can sum; anything else stays as written."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or isinstance(value, (int, float)):
        return value
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return str(value)
    if not number.is_finite():
        return str(value)
    return int(number) if number == number.to_integral() else float(number)


def _row_height(columns: list[Column], values: list) -> float:
    """Points for a row whose wrapped text shows whole: LibreOffice keeps the default height when converting to
    PDF, so long task descriptions would otherwise be cut."""
    lines = 1
    for column, value in zip(columns, values, strict=False):
        if column.kind != TEXT or not value:
            continue
        per_line = max(int(column.width * 1.3), 1)
        wrapped = sum(max(1, -(-len(part) // per_line)) for part in str(value).split("\n"))
        lines = max(lines, wrapped)
    return min(15.0 * lines + 3, 409.0)


def sheet_name(title: str, taken: set[str]) -> str:
    name = "".join("-" if ch in FORBIDDEN_IN_SHEET_NAME else ch for ch in title).strip("' ")[:31] or "Bảng"
    base, n = name, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    return name


class Workbook:
    def __init__(self):
        self.book = _Workbook()
        self._fresh = True
        self._names: set[str] = set()

    def table(self, name: str, *, title: list[str], columns: list[Column], rows: list, notes: list[str] | None = None):
        """A sheet: title lines (the first bold), an empty line, the header row, then the rows. Returns the sheet."""
        if self._fresh:
            sheet = self.book.active
            self._fresh = False
        else:
            sheet = self.book.create_sheet()
        sheet.title = sheet_name(name, self._names)
        self._names.add(sheet.title.lower())
        ncols = len(columns)
        last_col = get_column_letter(ncols)
        line = 1
        for i, text in enumerate(title):
            cell = xlsx.put(sheet, line, 1, clean_text(text))
            cell.font = Font(name=FONT, bold=i == 0, size=13 if i == 0 else 12, italic=i > 0)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            if ncols > 1:
                sheet.merge_cells(f"A{line}:{last_col}{line}")
            sheet.row_dimensions[line].height = 20 if len(text) < 120 else 34
            line += 1
        line += 1
        header_row = line
        for col, column in enumerate(columns, start=1):
            cell = xlsx.put(sheet, header_row, col, column.header)
            cell.font = Font(name=FONT, bold=True, size=11)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = GRID
            cell.fill = HEADER_FILL
            sheet.column_dimensions[get_column_letter(col)].width = column.width
        sheet.row_dimensions[header_row].height = 32
        for values in rows:
            line += 1
            row = values if isinstance(values, Row) else Row(list(values))
            for col, (column, value) in enumerate(zip(columns, row.values, strict=False), start=1):
                cell = xlsx.put(sheet, line, col, self._value(column.kind, value))
                cell.font = Font(name=FONT, size=11, bold=row.bold)
                cell.border = GRID
                if column.kind == TEXT:
                    cell.alignment = Alignment(vertical="top", wrap_text=True)
                else:
                    cell.alignment = Alignment(vertical="top", horizontal="right")
                    if not isinstance(cell.value, str):
                        cell.number_format = FORMATS[column.kind]
            sheet.row_dimensions[line].height = _row_height(columns, row.values)
        for note in notes or []:
            line += 2
            cell = xlsx.put(sheet, line, 1, note)
            cell.font = Font(name=FONT, size=11, italic=True)
        sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
        sheet.print_title_rows = f"{header_row}:{header_row}"
        self._print_setup(sheet, sum(c.width for c in columns))
        return sheet

    @staticmethod
    def _value(kind: str, value):
        if kind in (INTEGER, SCORE, PERCENT):
            return _number(value)
        if kind == DATE:
            return value if isinstance(value, date) else (value or None)
        return "" if value is None else clean_text(value)

    @staticmethod
    def _print_setup(sheet, total_width: float) -> None:
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.orientation = "landscape" if total_width > 95 else "portrait"
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        # Without a footer of its own, LibreOffice prints "Page 1" in its default sans font: the PDF then mixed
        # two families. The page number is set in the sheet's font.
        sheet.oddFooter.center.text = "Trang &P/&N"
        sheet.oddFooter.center.font = f"{FONT},Regular"
        sheet.oddFooter.center.size = 10
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.print_options.horizontalCentered = True
        sheet.page_margins.left = sheet.page_margins.right = 0.5
        sheet.page_margins.top = sheet.page_margins.bottom = 0.6
        sheet.oddFooter.center.text = "Trang &P/&N"

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.book.save(buffer)
        return buffer.getvalue()
