"""Reading task tables: which column holds what, and each row as a title or a task (before sections are known).

Pure functions over `docx_reader.Cell` rows, no ORM. Header cells are matched by meaning — keyword sets and difflib
similarity over accent-stripped text — so 'TT Tiêu chí | Nhiệm vụ / Nội dung thực hiện | Cơ quan chủ trì…',
'STT | Nhiệm vụ | Sản phẩm | Tiến độ | Phân công và cách thức thực hiện' and 'Thời hạn hoàn thành | Số TT | Nội dung
nhiệm vụ | Đơn vị thực hiện | Hình thức văn bản' all map to the same fields, in any order.
"""

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from imports.docx_reader import Cell
from org.names import normalize_name

# Field → phrases a header cell may use for it (accent-stripped, lower case). The longest phrase found wins.
KEYWORDS: dict[str, list[str]] = {
    "code": ["tt", "stt", "so tt", "tt tieu chi", "so thu tu", "ma", "ma so", "ma nhiem vu"],
    "content": ["nhiem vu", "noi dung", "noi dung thuc hien", "nhiem vu noi dung thuc hien", "ten nhiem vu",
                "nhiem vu giai phap", "noi dung cong viec", "cong viec", "hoat dong", "tieu chi", "noi dung nhiem vu",
                "nhiem vu cu the", "ten cong viec"],
    "lead": ["chu tri", "co quan chu tri", "don vi chu tri", "co quan chu tri tham muu", "don vi chiu trach nhiem",
             "co quan chiu trach nhiem", "don vi chu tri thuc hien"],
    "coordinating": ["phoi hop", "co quan phoi hop", "don vi phoi hop"],
    "monitoring": ["theo doi", "don doc", "tong hop", "theo doi don doc tong hop", "co quan theo doi", "giam sat",
                   "theo doi don doc"],
    "product": ["ket qua", "san pham", "ket qua cua nhiem vu", "ket qua dau ra", "san pham dau ra",
                "hinh thuc san pham", "ket qua san pham", "hinh thuc van ban", "san pham du kien", "hinh thuc"],
    "deadline": ["thoi gian", "tien do", "thoi han", "thoi gian thuc hien", "thoi gian hoan thanh",
                 "han hoan thanh", "tien do thuc hien", "moc thoi gian", "thoi han hoan thanh"],
    "assignment": ["phan cong", "phan cong va cach thuc thuc hien", "phan cong thuc hien", "cach thuc thuc hien",
                   "don vi thuc hien", "co quan thuc hien", "trach nhiem thuc hien", "co quan don vi thuc hien",
                   "phan cong trach nhiem"],
    "note": ["ghi chu"],
}
ROLE_FIELDS = ("lead", "coordinating", "monitoring")
TEXT_FIELDS = ("content", "product", "deadline", "lead", "coordinating", "monitoring", "assignment", "note")

ROMAN = re.compile(r"^[IVXLC]+$")
CODE = re.compile(r"^(\d+(?:\.\d+)*|[a-zđ])[.)]?$")
SECTION_CODE = re.compile(r"^([IVXLC]+|[A-H])[.)]?$")
BULLET = re.compile(r"^[-–+•*]$")
COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")
NUMBERED_TITLE = re.compile(r"^([IVXLC]+|[A-H]|\d+(?:\.\d+)*|[a-zđ])[.)]\s+(.+)$", re.S)


@dataclass
class Item:
    """One task row or task paragraph, or one title (a section or a group heading), before sections are known.

    `cells` holds the raw texts by field (content, product, deadline, lead, coordinating, monitoring, assignment,
    note). A title is `strong` when shaped as a section: merged across columns, in the first cell only, or upper case.
    """

    code: str = ""
    cells: dict[str, str] = field(default_factory=dict)
    title: bool = False
    strong: bool = False
    bullet: bool = False
    from_paragraphs: bool = False
    source: str = ""

    @property
    def text(self) -> str:
        return self.cells.get("content", "")


def _key(text: str) -> str:
    return normalize_name(text)


def _contains(haystack: str, phrase: str) -> bool:
    return f" {phrase} " in f" {haystack} "


def classify_header_cell(text: str) -> str | None:
    """The field a header cell names ('Cơ quan phối hợp' → 'coordinating'), or None."""
    key = _key(text)
    if not key or len(key) > 120:
        return None
    if key in ("tt", "stt", "so tt") or key.startswith(("tt ", "stt ")):
        return "code"
    best, best_len = None, 0
    for name, phrases in KEYWORDS.items():
        for phrase in phrases:
            if len(phrase) > 3 and _contains(key, phrase) and len(phrase) > best_len:
                best, best_len = name, len(phrase)
    if best:
        return best
    # Typos and odd wordings ('tham muru', 'Thòi gian'): the closest phrase if it is close enough.
    best_ratio = 0.0
    for name, phrases in KEYWORDS.items():
        for phrase in phrases:
            if len(phrase) <= 3:
                continue
            ratio = SequenceMatcher(None, key, phrase).ratio()
            if ratio > best_ratio:
                best, best_ratio = name, ratio
    return best if best_ratio >= 0.8 else None


def detect_columns(texts: list[str], below: list[str] | None = None) -> dict[str, int] | None:
    """{field: column} when these cells read as a task table's header, else None. `below` is a second header
    row ('Đơn vị thực hiện' over 'Chủ trì | Phối hợp'): its words, where it has some, say more than the top's."""
    columns: dict[str, int] = {}
    for index, text in enumerate(texts):
        if CODE.match(text.strip()) or SECTION_CODE.match(text.strip()):
            return None
        if len(text) > 90:
            return None  # a task's text ('… tham mưu nội dung …'), never a column's title
        name = (classify_header_cell(below[index]) if below and below[index] else None) or classify_header_cell(text)
        if name and name not in columns:
            columns[name] = index
    if "content" not in columns:
        return None
    others = {"lead", "coordinating", "monitoring", "product", "deadline", "assignment"} & columns.keys()
    if len(others) < 2 and not ({"lead", "assignment"} & others):
        return None
    if "code" not in columns and columns["content"] > 0 and _key(texts[0]) in ("", "tt", "stt"):
        columns["code"] = 0
    return columns


def _header_texts(row: list[Cell]) -> list[str]:
    texts, last = [], ""
    for cell in row:
        # The empty cells a horizontal span leaves behind carry the spanning header's words.
        texts.append(cell.text or last)
        last = cell.text or last
    return texts


def find_header(rows: list[list[Cell]]) -> tuple[dict[str, int], int, int] | None:
    """The column mapping, the first header row and the first row after the header (one or two rows), looking at
    the table's first rows."""
    # A sheet or table may carry a title and a few blank or note rows above its header.
    for start in range(min(6, len(rows))):
        first = [c.text for c in rows[start]]
        single = detect_columns(first)
        if start + 1 < len(rows) and len(rows[start + 1]) == len(rows[start]):
            top = _header_texts(rows[start])
            below = [c.text for c in rows[start + 1]]
            combined = detect_columns(top, below)
            if combined and (not single or len(combined) > len(single)) and any(below) and detect_columns(below) is None:
                if not any(CODE.match(b.strip()) for b in below if b):
                    return combined, start, start + 2
        if single:
            return single, start, start + 1
    return None


def is_column_number_row(texts: list[str]) -> bool:
    filled = [t.strip() for t in texts if t.strip()]
    return len(filled) >= 3 and all(COLUMN_NUMBER.match(t) for t in filled)


def is_upper_title(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and sum(ch.isupper() for ch in letters) / len(letters) > 0.8


def join_text(before: str, more: str) -> str:
    """Joins a cell's text with its continuation on the next page: a new line for a new item, else a space."""
    if not before:
        return more
    if not more:
        return before
    if more[0] in "-–+•*" or before[-1] in ".;:":
        return f"{before}\n{more}"
    return f"{before} {more}"


def split_code(text: str) -> tuple[str, str]:
    """('A', 'NHIỆM VỤ TRỌNG TÂM') from 'A. NHIỆM VỤ TRỌNG TÂM'; ('', text) when it starts with no number."""
    numbered = NUMBERED_TITLE.match(text.strip())
    return (numbered.group(1), numbered.group(2).strip()) if numbered else ("", text.strip())


class TableReader:
    """Reads the task tables of one appendix into items, carrying the columns and the last item across tables, so a
    table split over pages (with or without its header repeated) joins back."""

    def __init__(self) -> None:
        self.columns: dict[str, int] = {}  # empty until a task table's header is seen
        self.items: list[Item] = []
        self.table_number = 0
        # The lines of the last table's rows above its header: a sheet's agency, number, date and title.
        self.above_header: list[str] = []

    def take_table(self, rows: list[list[Cell]], follows_table: bool) -> list[Item] | None:
        """The table's items; None when it is no task table (and then nothing is taken)."""
        self.table_number += 1
        self.above_header = []
        header = find_header(rows)
        if header:
            columns, start, skip = header
            self.above_header = [line for row in rows[:start] for cell in row for line in cell.text.split("\n")
                                 if line.strip()]
        elif follows_table and self.columns and rows and len(rows[0]) >= max(self.columns.values()) + 1:
            columns, skip = self.columns, 0  # a continuation table on the next page without the header repeated
        else:
            return None
        self.columns = columns
        taken: list[Item] = []
        for index, row in enumerate(rows[skip:], start=skip + 1):
            item = self._take_row(row, f"bảng {self.table_number}, dòng {index}")
            if item is not None:
                taken.append(item)
                self.items.append(item)
        return taken

    def _value(self, row: list[Cell], name: str) -> tuple[str, bool, int]:
        column = self.columns.get(name)
        if column is None or column >= len(row):
            return "", False, 1
        cell = row[column]
        return cell.text.strip(), cell.merged_above, cell.span

    def _take_row(self, row: list[Cell], source: str) -> Item | None:
        texts = [c.text for c in row]
        if not any(t.strip() for t in texts) or is_column_number_row(texts):
            return None
        if detect_columns(texts) is not None:
            return None  # the header repeated on a new page, its wording possibly mistyped
        title = self._title(row, source)
        if title is not None:
            return self._title_or_continuation(title)
        code = self._value(row, "code")[0].rstrip(".)").strip() if "code" in self.columns else ""
        values = {name: self._value(row, name) for name in TEXT_FIELDS if name in self.columns}
        content = values.get("content", ("", False, 1))[0]
        others = [v for name, (v, _m, _s) in values.items() if name not in ("content", "note") and v]
        last = self.items[-1] if self.items else None
        carries_on = "code" not in self.columns and content[:1].islower() and not others
        if last is not None and ((not code and "code" in self.columns) or carries_on):
            for name, (text, merged, _span) in values.items():
                if text and not merged:
                    last.cells[name] = join_text(last.cells.get(name, ""), text)
            return None
        item = Item(code="" if BULLET.match(code) else code, bullet=bool(BULLET.match(code)), source=source)
        for name, (text, merged, _span) in values.items():
            if merged and last is not None and not last.title:
                # A cell merged down over several tasks (a deadline, an assignment) applies to each of them.
                text = last.cells.get(name, "")
            if text:
                item.cells[name] = text
        if not others and item.bullet and content.rstrip().endswith(":"):
            item.title = True  # '- Thực hiện cơ chế một cửa, một cửa liên thông:' and nothing else: it heads a list
        elif not others and code and not item.bullet:
            # 'code | content' and nothing else: a group heading, a section, or a task missing its cells.
            item.title = True
            item.strong = SECTION_CODE.match(code) is not None or is_upper_title(content)
        elif SECTION_CODE.match(code) and not CODE.match(code):
            item.title, item.strong = True, True  # 'III | ĐIỂM THƯỞNG, ĐIỂM TRỪ | … | Báo cáo trước ngày 15/11'
        return item

    def _title(self, row: list[Cell], source: str) -> Item | None:
        """A row shaped as a title: one text merged across columns or written in the first cell only, with or
        without its number in a cell of its own."""
        filled = [(i, c) for i, c in enumerate(row) if c.text.strip() and not c.merged_above]
        if not filled or len(filled) > 2:
            return None
        code_column = self.columns.get("code")
        content_column = self.columns.get("content")
        if len(filled) == 2:
            (first_index, first), (_index, second) = filled
            code = first.text.strip().rstrip(".)")
            if first_index != code_column or not (CODE.match(code) or SECTION_CODE.match(code)):
                return None
            if second.span < 2:
                return None  # 'code | content': left to the row reader (heading or task)
            return Item(code=code, cells={"content": second.text.strip()}, title=True, strong=True, source=source)
        index, cell = filled[0]
        text = cell.text.strip()
        spans = cell.span >= 2
        # The first cell holds a title even when it is not the number column ('Thời gian | STT | Nội dung …').
        in_code_column = (index == code_column or index == 0) and index != content_column
        if not (spans or in_code_column or (index == content_column and is_upper_title(text))):
            return None
        code, title = split_code(text)
        if not code and in_code_column and not spans and len(text) < 4:
            return None
        if not code and not is_upper_title(title) and not spans and index != code_column:
            return None  # lower-case words alone in a column: the previous row carried on
        return Item(code=code, cells={"content": title}, title=True, strong=True, source=source)

    def _title_or_continuation(self, title: Item) -> Item | None:
        last = self.items[-1] if self.items else None
        # An upper-case line after an upper-case title with no full stop carries that title on (split by a page).
        if (last is not None and last.title and not title.code and is_upper_title(title.text)
                and is_upper_title(last.text) and last.text[-1:] not in ".;:!?"):
            last.cells["content"] = join_text(last.text, title.text)
            return None
        return title
