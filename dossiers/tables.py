"""Streaming the rows of an export, .csv or .xlsx, without loading the file into memory."""

import csv
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from core.uploads import PROFILES
from dossiers.parsing import guess_mapping

HEADER_SEARCH_ROWS = 20
# The widest row read from a workbook, whatever range the sheet declares (the upload's own limit).
MAX_COLUMNS = PROFILES["dossiers"].max_columns


class TableError(ValueError):
    """The file cannot be read at all (message in Vietnamese)."""


class Table:
    """An open export: its header row, then its data rows as (line number, values)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        suffix = self.path.suffix.lower()
        if suffix == ".csv":
            self._open_csv()
        elif suffix in (".xlsx", ".xlsm"):
            self._open_xlsx()
        else:
            raise TableError("Chỉ nhận tệp .xlsx hoặc .csv xuất từ phần mềm một cửa.")
        self._find_header()

    def _open_csv(self):
        try:
            with open(self.path, encoding="utf-8-sig", newline="") as probe:
                sample = probe.read(64 * 1024)
        except UnicodeDecodeError:
            raise TableError("Tệp CSV cần lưu với mã hóa UTF-8 (trong Excel: Lưu thành → CSV UTF-8).") from None
        first_line = sample.split("\n", 1)[0]
        delimiter = max((";", ",", "\t"), key=first_line.count)
        self._file = open(self.path, encoding="utf-8-sig", newline="")  # noqa: SIM115 (closed by close())
        reader = csv.reader(self._file, delimiter=delimiter)
        self._rows = ((reader.line_num, row) for row in reader)
        self.total_estimate = _count_lines(self.path)

    def _open_xlsx(self):
        import openpyxl

        try:
            self._book = openpyxl.load_workbook(self.path, read_only=True, data_only=True)
        except Exception:
            raise TableError("Không mở được tệp Excel: tệp hỏng hoặc không phải .xlsx.") from None
        sheet = self._book.active
        # The declared range is the writing program's word, not the content: rows are read at most MAX_COLUMNS wide.
        width = min(sheet.max_column, MAX_COLUMNS) if sheet.max_column else None
        self._rows = enumerate(sheet.iter_rows(values_only=True, max_col=width), start=1)
        self.total_estimate = sheet.max_row or 0

    def _find_header(self):
        """The header is the row among the first ones that names most of our columns (exports often start with a title)."""
        head = []
        for item in self._rows:
            head.append(item)
            if len(head) >= HEADER_SEARCH_ROWS:
                break
        best, best_hits = None, 0
        for index, (_, values) in enumerate(head):
            hits = len(guess_mapping([_cell_text(v) for v in values]))
            if hits > best_hits:
                best, best_hits = index, hits
        if best is None:
            best = next((i for i, (_, values) in enumerate(head) if any(_cell_text(v) for v in values)), None)
        if best is None:
            raise TableError("Tệp không có dữ liệu.")
        self.header_line = head[best][0]
        self.headers = _unique_headers([_cell_text(v) for v in head[best][1]])
        self._rows = chain(head[best + 1:], self._rows)

    def rows(self) -> Iterator[tuple[int, list]]:
        """Data rows (blank ones skipped), each with its line number in the file."""
        try:
            if hasattr(self, "_file"):
                # csv cells are all text: a row is blank when every cell is empty.
                for line, values in self._rows:
                    if any(values):
                        yield line, values
                return
            for line, values in self._rows:
                if any(v is not None and v != "" for v in values):
                    yield line, list(values)
        except UnicodeDecodeError as error:
            raise TableError("Tệp CSV có ký tự không phải UTF-8; hãy lưu lại với mã hóa UTF-8.") from error
        except csv.Error as error:
            raise TableError(f"Tệp CSV sai định dạng: {error}") from error
        except (SyntaxError, ValueError, KeyError, IndexError, EOFError, OSError) as error:  # XML broken further on
            raise TableError("Tệp Excel bị hỏng ở phần sau: hãy mở bằng Excel, lưu lại rồi tải lên lại.") from error

    def preview(self, count: int = 8) -> list[list]:
        rows = []
        for _, values in self.rows():
            rows.append(values)
            if len(rows) >= count:
                break
        return rows

    def close(self):
        if hasattr(self, "_file"):
            self._file.close()
        if hasattr(self, "_book"):
            self._book.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _cell_text(value) -> str:
    return "" if value is None else str(value).strip()


def _unique_headers(headers: list[str]) -> list[str]:
    """Blank and repeated headers get a position so the user can still map them."""
    seen: dict[str, int] = {}
    result = []
    for i, header in enumerate(headers, start=1):
        header = header or f"Cột {i}"
        if header in seen:
            header = f"{header} (cột {i})"
        seen[header] = i
        result.append(header)
    return result


def _count_lines(path: Path) -> int:
    count = 0
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            count += chunk.count(b"\n")
    return count
