"""Finding the plan in a document's blocks: header, appendices (phụ lục), sections and task rows.

Pure functions over `docx_reader.Block`s, no ORM. Header cells are matched by meaning — keyword sets and
difflib similarity over accent-stripped text — so 'TT Tiêu chí | Nhiệm vụ / Nội dung thực hiện | Cơ quan chủ trì…'
and 'STT | Nhiệm vụ | Sản phẩm | Tiến độ | Phân công và cách thức thực hiện' both map to the same fields.
"""

import re
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher

from imports.docx_reader import Block, Cell
from imports.header import read_header
from org.names import normalize_name, strip_accents

# Field → phrases a header cell may use for it (accent-stripped, lower case). The longest phrase found wins.
KEYWORDS: dict[str, list[str]] = {
    "code": ["tt", "stt", "so tt", "tt tieu chi", "so thu tu", "ma", "ma so", "ma nhiem vu"],
    "content": ["nhiem vu", "noi dung", "noi dung thuc hien", "nhiem vu noi dung thuc hien", "ten nhiem vu",
                "nhiem vu giai phap", "noi dung cong viec", "cong viec", "hoat dong", "tieu chi"],
    "lead": ["chu tri", "co quan chu tri", "don vi chu tri", "co quan chu tri tham muu", "don vi thuc hien",
             "co quan thuc hien", "trach nhiem thuc hien", "don vi chiu trach nhiem", "co quan chiu trach nhiem"],
    "coordinating": ["phoi hop", "co quan phoi hop", "don vi phoi hop"],
    "monitoring": ["theo doi", "don doc", "tong hop", "theo doi don doc tong hop", "co quan theo doi", "giam sat"],
    "product": ["ket qua", "san pham", "ket qua cua nhiem vu", "ket qua dau ra", "san pham dau ra",
                "hinh thuc san pham", "ket qua san pham"],
    "deadline": ["thoi gian", "tien do", "thoi han", "thoi gian thuc hien", "thoi gian hoan thanh",
                 "han hoan thanh", "tien do thuc hien", "moc thoi gian"],
    "assignment": ["phan cong", "phan cong va cach thuc thuc hien", "phan cong thuc hien", "cach thuc thuc hien"],
    "note": ["ghi chu"],
}
TASK_FIELDS = ("code", "content", "product", "deadline_text", "lead_text", "coordinating_text", "monitoring_text")
_TEXT_FIELD = {"lead": "lead_text", "coordinating": "coordinating_text", "monitoring": "monitoring_text",
               "product": "product", "deadline": "deadline_text", "content": "content"}

ROMAN = re.compile(r"^[IVXLC]+$")
CODE = re.compile(r"^(\d+(?:\.\d+)*|[a-zđ])[.)]?$")
SECTION_CODE = re.compile(r"^([IVXLC]+|[A-H])[.)]?$")
COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")
_NUMBERED_TITLE = re.compile(r"^([IVXLC]+|[A-H]|\d+(?:\.\d+)*)[.)]\s+(.+)$", re.S)


@dataclass
class ExtractedTask:
    """One row of a task table (nhiệm vụ), texts as written."""

    code: str = ""
    content: str = ""
    product: str = ""
    deadline_text: str = ""
    lead_text: str = ""
    coordinating_text: str = ""
    monitoring_text: str = ""
    is_heading: bool = False
    source: str = ""
    warnings: list[str] = field(default_factory=list)


@dataclass
class ExtractedSection:
    numeral: str = ""
    title: str = ""
    tasks: list[ExtractedTask] = field(default_factory=list)


@dataclass
class ExtractedAppendix:
    number: str = ""
    title: str = ""
    issued_with: str = ""
    sections: list[ExtractedSection] = field(default_factory=list)

    @property
    def tasks(self) -> list[ExtractedTask]:
        return [t for s in self.sections for t in s.tasks]


@dataclass
class ExtractedPlan:
    header: dict = field(default_factory=dict)
    appendices: list[ExtractedAppendix] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def tasks(self) -> list[ExtractedTask]:
        return [t for a in self.appendices for t in a.tasks]

    def as_dict(self) -> dict:
        data = asdict(self)
        issue_date = self.header.get("issue_date")
        data["header"]["issue_date"] = issue_date.isoformat() if issue_date else None
        return data


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


def find_header(rows: list[list[Cell]]) -> tuple[dict[str, int], int] | None:
    """The column mapping and the number of header rows (1 or 2), looking at the table's first rows."""
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
                    return combined, start + 2
        if single:
            return single, start + 1
    return None


def _is_column_number_row(texts: list[str]) -> bool:
    filled = [t.strip() for t in texts if t.strip()]
    return len(filled) >= 3 and all(COLUMN_NUMBER.match(t) for t in filled)


def _is_upper_title(text: str) -> bool:
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


_LABELS = [
    ("lead_text", r"(?:don vi|co quan|phong|bo phan)?\s*chu tri(?:\s+(?:tham muu|thuc hien))?\s*:"),
    ("coordinating_text", r"(?:don vi|co quan|phong|bo phan)?\s*phoi hop(?:\s+thuc hien)?\s*:"),
    ("monitoring_text", r"(?:don vi|co quan)?\s*(?:theo doi|don doc|tong hop|giam sat)[a-z ,]{0,30}:"),
    ("method", r"cach thuc(?:\s+thuc hien)?\s*:"),
]


def split_assignment(text: str) -> dict[str, str]:
    """'- Đơn vị chủ trì: Văn phòng Sở - Đơn vị phối hợp: Các phòng, đơn vị thuộc Sở' → lead and coordinating texts."""
    plain = strip_accents(text).lower()  # same length as text: positions carry over
    found = []
    for name, pattern in _LABELS:
        for match in re.finditer(pattern, plain):
            found.append((match.start(), match.end(), name))
    found.sort()
    kept, last_end = [], -1
    for start, end, name in found:
        if start >= last_end:
            kept.append((start, end, name))
            last_end = end
    result: dict[str, str] = {}
    if kept:
        for i, (_start, end, name) in enumerate(kept):
            stop = kept[i + 1][0] if i + 1 < len(kept) else len(text)
            value = text[end:stop].strip(" \n-–;,.")
            if value:
                result[name] = join_text(result.get(name, ""), value) if name in result else value
        return result
    inline = re.match(r"^(.*?)\s+chu tri[,;]?\s*(?:va\s+)?phoi hop(?:\s+(?:voi|cung))?\s+(.*)$", plain, re.S)
    if not inline:
        # 'Văn phòng Sở chủ trì; các phòng, đơn vị phối hợp'
        inline = re.match(r"^(.*?)\s+chu tri\s*[;,.]\s*(.*?)\s+phoi hop\W*$", plain, re.S)
    if inline:
        result["lead_text"] = text[: inline.end(1)].strip(" \n-–;,.")
        result["coordinating_text"] = text[inline.start(2):inline.end(2)].strip(" \n-–;,.")
        return result
    result["lead_text"] = text.strip(" \n-–;,.")
    return result


class _TableWalker:
    """Carries the current appendix, section and task across tables, so a table split over pages joins back."""

    def __init__(self, plan: ExtractedPlan):
        self.plan = plan
        self.columns: dict[str, int] = {}  # empty until a task table's header is seen
        self.section: ExtractedSection | None = None
        self.task: ExtractedTask | None = None
        self.table_number = 0

    @property
    def appendix(self) -> ExtractedAppendix:
        if not self.plan.appendices:
            self.plan.appendices.append(ExtractedAppendix())
        return self.plan.appendices[-1]

    def new_appendix(self, appendix: ExtractedAppendix) -> None:
        self.plan.appendices.append(appendix)
        self.columns, self.section, self.task = {}, None, None

    def take_table(self, rows: list[list[Cell]], follows_table: bool) -> bool:
        """Reads a table's task rows; False when it is no task table (and then nothing is taken)."""
        self.table_number += 1
        header = find_header(rows)
        if header:
            columns, skip = header
        elif follows_table and self.columns and rows and len(rows[0]) >= max(self.columns.values()) + 1:
            # A continuation table on the next page without the header repeated.
            columns, skip = self.columns, 0
        else:
            return False
        self.columns = columns
        for index, row in enumerate(rows[skip:], start=skip + 1):
            self._take_row(row, f"bảng {self.table_number}, dòng {index}")
        return True

    def _value(self, row: list[Cell], name: str) -> tuple[str, bool]:
        column = self.columns.get(name)
        if column is None or column >= len(row):
            return "", False
        return row[column].text.strip(), row[column].merged_above

    def _take_row(self, row: list[Cell], source: str) -> None:
        texts = [c.text for c in row]
        if not any(t.strip() for t in texts) or _is_column_number_row(texts):
            return
        if detect_columns(texts) is not None:
            return  # the header repeated on a new page, its wording possibly mistyped
        code = self._value(row, "code")[0].rstrip(".)").strip() if "code" in self.columns else ""
        values = {name: self._value(row, name) for name in self.columns if name not in ("code", "note")}
        if code and not CODE.match(code) and not SECTION_CODE.match(code):
            # A title written across the number column ('A. NHIỆM VỤ TRỌNG TÂM' in a merged cell).
            numbered = _NUMBERED_TITLE.match(code)
            code, title = (numbered.group(1), numbered.group(2)) if numbered else ("", code)
            if not values.get("content", ("", False))[0]:
                values["content"] = (title, False)
        content = values.get("content", ("", False))[0]
        others = [v for name, (v, _m) in values.items() if name != "content" and v]
        if SECTION_CODE.match(code + ".") and not CODE.match(code):
            self._start_section(code, content or " ".join(others))
            return
        if not code and _is_upper_title(content) and not others and not self._open_sentence():
            self._start_section("", content)
            return
        # Without a number column, a row that starts in lower case with nothing else carries the previous one on.
        carries_on = "code" not in self.columns and content[:1].islower() and not others
        if (not code and "code" in self.columns) or carries_on:
            self._continue(values, source)
            return
        task = ExtractedTask(code=code, source=source)
        for name, (text, merged) in values.items():
            if merged and self.task is not None and name == "assignment":
                # One assignment cell merged down over several tasks applies to each of them.
                for attr in ("lead_text", "coordinating_text", "monitoring_text"):
                    setattr(task, attr, getattr(self.task, attr))
                continue
            if merged and self.task is not None and name != "content":
                text = self._previous_value(name)
            self._set(task, name, text)
        self._section_for_task().tasks.append(task)
        self.task = task

    def _open_sentence(self) -> bool:
        # An upper-case line after an upper-case title carries that title on; after a task it starts a section.
        return bool(self.task and _is_upper_title(self.task.content) and self.task.content[-1] not in ".;:!?")

    def _previous_value(self, name: str) -> str:
        if name == "assignment":
            return ""
        return getattr(self.task, _TEXT_FIELD[name], "")

    def _set(self, task: ExtractedTask, name: str, text: str) -> None:
        if not text:
            return
        if name == "assignment":
            for key, value in split_assignment(text).items():
                if key == "method":
                    method = f"Cách thức thực hiện: {value}"
                    task.content = f"{task.content}\n{method}" if task.content else method
                else:
                    setattr(task, key, join_text(getattr(task, key), value))
        elif name in _TEXT_FIELD:
            attr = _TEXT_FIELD[name]
            setattr(task, attr, join_text(getattr(task, attr), text))

    def _continue(self, values: dict, source: str) -> None:
        if self.task is None:
            if self.section is not None:
                more = values.get("content", ("", False))[0]
                self.section.title = join_text(self.section.title, more)
            return
        for name, (text, merged) in values.items():
            if not merged:
                self._set(self.task, name, text)

    def _start_section(self, numeral: str, title: str) -> None:
        self.section = ExtractedSection(numeral=numeral, title=title)
        self.appendix.sections.append(self.section)
        self.task = None

    def _section_for_task(self) -> ExtractedSection:
        if self.section is None:
            self.section = ExtractedSection()
            self.appendix.sections.append(self.section)
        return self.section


_APPENDIX = re.compile(r"^phu luc(?:\s+(?:so\s+)?([0-9]+|[ivxlc]+)\b)?", re.I)
def _read_appendix_heading(lines: list[str], number: str) -> ExtractedAppendix:
    appendix = ExtractedAppendix(number=number)
    titles, issued, in_issued = [], [], False
    for line in lines:
        if line.startswith("(") or in_issued:
            in_issued = True
            issued.append(line)
            if line.rstrip().endswith(")"):
                in_issued = False
        else:
            titles.append(line)
    appendix.title = " ".join(titles)
    appendix.issued_with = " ".join(issued)
    return appendix


def extract_plan(blocks: list[Block]) -> ExtractedPlan:
    """The plan a document holds: header, appendices with sections and tasks, and what looked wrong."""
    plan = ExtractedPlan()
    walker = _TableWalker(plan)
    header_lines: list[str] = []
    pending: tuple[str, list[str]] | None = None  # an appendix heading waiting for its table
    previous_kind = ""
    in_appendices = False
    for block in blocks:
        if block.kind == "paragraph":
            plain = strip_accents(block.text).lower()
            match = _APPENDIX.match(plain)
            rest = block.text[match.end():].strip() if match else ""
            # 'PHỤ LỤC 2' alone, or 'PHỤ LỤC 2: NHIỆM VỤ …' with its title on the same line.
            if match and (len(block.text) < 40 or rest[:1] in (":", ".", "-", "–")):
                number = (match.group(1) or "").upper()
                title = rest.lstrip(":.-– ").strip()
                pending = (number, [title] if title else [])
                in_appendices = True
            elif pending is not None:
                pending[1].append(block.text)
            elif not in_appendices:
                header_lines.append(block.text)
            # A footnote printed between two parts of a split table does not break the table.
            if not block.text.startswith(("¹", "²", "³", "⁴", "⁵")):
                previous_kind = "paragraph"
            continue
        if pending is not None:
            walker.new_appendix(_read_appendix_heading(pending[1], pending[0]))
            pending = None
        taken = walker.take_table(block.rows, follows_table=previous_kind == "table")
        if not taken and not in_appendices:
            header_lines.extend(line for row in block.rows for c in row for line in c.text.split("\n") if line)
        previous_kind = "table"
    if pending is not None:
        plan.warnings.append(f"Phụ lục {pending[0]} không có bảng nhiệm vụ.")
    read_header(header_lines, plan.header)
    plan.header.setdefault("recipients", [])
    plan.warnings.extend(plan.header.pop("warnings", []))
    plan.appendices = [a for a in plan.appendices if a.tasks]
    for appendix in plan.appendices:
        _mark_headings_and_check(appendix)
    return plan


def _mark_headings_and_check(appendix: ExtractedAppendix) -> None:
    for section in appendix.sections:
        codes = [t.code for t in section.tasks]
        seen: set[str] = set()
        for task in section.tasks:
            prefix = task.code + "."
            task.is_heading = any(c.startswith(prefix) for c in codes)
            if task.code in seen:
                task.warnings.append(f"Số thứ tự {task.code} lặp lại trong mục.")
            seen.add(task.code)
            if "." in task.code and task.code.rsplit(".", 1)[0] not in seen:
                task.warnings.append(f"Không thấy mục cha {task.code.rsplit('.', 1)[0]} của {task.code}.")
            if not task.content:
                task.warnings.append("Thiếu nội dung nhiệm vụ.")
            if not task.is_heading:
                if not task.lead_text:
                    task.warnings.append("Thiếu cơ quan chủ trì.")
                if not task.deadline_text:
                    task.warnings.append("Thiếu thời gian thực hiện.")

