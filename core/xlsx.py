"""Writing cells of an Excel export (.xlsx) from data people typed: text stays text, never a formula.

Every export of cchc writes its cells through this module:

    from core import xlsx
    xlsx.append(sheet, [task.code, task.content, task.progress])  # a row (normal or write-only sheet)
    xlsx.put(sheet, row, column, value)                             # one cell of a normal sheet
    cell = xlsx.cell(sheet, value)                                  # a cell to style, then append

A citizen's suggestion "=HYPERLINK(...)" or a dossier code "=cmd|..." is written as a string cell (openpyxl would
otherwise store any text that starts with "=" as a live formula), "#N/A" stays text instead of becoming an error,
and text that Excel would read as a formula once someone edits the cell ("=", "+", "-", "@", a tab or a carriage
return first) also carries Excel's quote prefix, as if typed after an apostrophe: the cell shows exactly the text.
Numbers, dates and booleans keep their type so they can be summed and sorted. Characters a worksheet cannot hold
(control characters) are dropped; a vertical tab, as Word pastes a line break, becomes a new line.
"""

import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

# What spreadsheet programs read as the start of a formula (OWASP's CSV injection list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Excel's limit for one cell.
MAX_TEXT = 32_767
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Text openpyxl would not store as a plain string: a formula ("="), an error code ("#N/A") or a formula start.
_SPECIAL_STARTS = (*FORMULA_STARTS, "#")
_TYPED = (int, float, Decimal, date, datetime, time, timedelta)  # bool is an int
_PASS = (Cell, *_TYPED)


def text(value) -> str:
    """The text a cell may hold: control characters removed, at most Excel's 32,767 characters."""
    return _ILLEGAL.sub("", str(value).replace("\x0b", "\n"))[:MAX_TEXT]


def _plain(value) -> bool:
    """Text openpyxl stores as it is, as a string: no cell object needed (long write-only exports stay fast)."""
    return (isinstance(value, str) and not value.startswith(_SPECIAL_STARTS) and len(value) <= MAX_TEXT
            and _ILLEGAL.search(value) is None)


def looks_like_formula(value: str) -> bool:
    return value.startswith(FORMULA_STARTS)


def _fill(cell, value):
    if value is None or isinstance(value, _TYPED):
        cell.value = value
        return cell
    value = text(value)
    cell.value = value
    # Assigned after the value: openpyxl guesses "f" (formula) for "=…" and "e" (error) for "#N/A".
    cell.data_type = "s"
    if looks_like_formula(value):
        cell.quotePrefix = True
    return cell


def cell(sheet, value):
    """A cell holding the value for this sheet (a write-only cell for a write-only sheet), ready to style."""
    return _fill(WriteOnlyCell(sheet) if isinstance(sheet, WriteOnlyWorksheet) else Cell(sheet), value)


def row(sheet, values) -> list:
    """The values ready for sheet.append: numbers, dates, empty cells and ordinary text as they are (openpyxl types
    them right, and a long write-only export makes no cell object for them); text openpyxl would take for a formula
    or an error code as a string cell; cells made with cell() pass through with their styles."""
    return [v if v is None or isinstance(v, _PASS) or _plain(v) else cell(sheet, v) for v in values]


def append(sheet, values) -> None:
    """Appends a row to a normal or write-only sheet."""
    sheet.append(row(sheet, values))


def put(sheet, row_number: int, column: int, value):
    """Writes one cell of a normal sheet and returns it (to style it)."""
    return _fill(sheet.cell(row=row_number, column=column), value)
