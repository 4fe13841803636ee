"""Finding the plan in a document's blocks: header, appendices (phụ lục), sections and tasks.

Pure functions over `docx_reader.Block`s, no ORM. Tables are read by `imports.tables`, tasks written as paragraphs by
`imports.paragraphs`, both into items (titles and tasks); the structure pass here decides which titles are sections and
which are group headings, and `imports.cells` reads who does each task and how.
"""

import re
from collections.abc import Collection
from dataclasses import asdict, dataclass, field

from imports.cells import (
    ROLES,
    Assignment,
    names_text,
    read_assignment,
    split_deadline_marks,
    split_marks,
)
from imports.docx_reader import Block
from imports.header import read_header
from imports.paragraphs import ParagraphReader
from imports.row_checks import field_warnings
from imports.tables import (
    CODE,
    ROLE_FIELDS,
    SECTION_CODE,
    Item,
    TableReader,
    classify_header_cell,
    detect_columns,
    join_text,
)
from org.names import normalize_name, strip_accents

__all__ = ["ExtractedAppendix", "ExtractedPlan", "ExtractedSection", "ExtractedTask", "classify_header_cell",
           "detect_columns", "extract_plan", "join_text"]

TASK_FIELDS = ("code", "content", "product", "deadline_text", "lead_text", "coordinating_text", "monitoring_text",
               "method")
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


@dataclass
class ExtractedTask:
    """One task (nhiệm vụ) as the plan writes it: texts as written, units split from the method of execution."""

    code: str = ""
    content: str = ""
    product: str = ""
    deadline_text: str = ""
    lead_text: str = ""
    coordinating_text: str = ""
    monitoring_text: str = ""
    method: str = ""  # phân công và cách thức thực hiện: what the assignment says beyond the units' names
    note: str = ""  # ghi chú
    footnotes: list[dict] = field(default_factory=list)  # [{"mark": "2", "text": "Quyết định số …"}]
    outside_participants: list[dict] = field(default_factory=list)  # [{"role": "coordinating", "name": "Sở Nội vụ"}]
    needs_units: bool = False  # 'các phòng, đơn vị có liên quan': the user picks the units
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
    footnotes: dict[str, str] = field(default_factory=dict)  # mark → text

    @property
    def tasks(self) -> list[ExtractedTask]:
        return [t for a in self.appendices for t in a.tasks]

    def as_dict(self) -> dict:
        data = asdict(self)
        issue_date = self.header.get("issue_date")
        data["header"]["issue_date"] = issue_date.isoformat() if issue_date else None
        return data


# --- Structure: which titles are sections, which are group headings -------------------------------------------------

def code_level(code: str, bullet: bool = False) -> int:
    """How deep a code sits: I/A → 0, 1 → 1, 1.1 → 2 …, a → 10, a bullet or nothing → 20."""
    if bullet or not code:
        return 20
    if SECTION_CODE.match(code) and not CODE.match(code):
        return 0
    if code[0].isdigit():
        return 1 + code.count(".")
    return 10


def _children(items: list[Item], index: int) -> tuple[bool, bool]:
    """(has children, children are its dotted sub-codes) for the title at `index`: the next item sits deeper."""
    title = items[index]
    level = code_level(title.code, title.bullet)
    for following in items[index + 1:]:
        if following.title and not following.code and following.strong:
            return False, False
        deeper = code_level(following.code, following.bullet) > level
        return deeper, deeper and following.code.startswith(title.code + ".")
    return False, False


def _tasks_under(items: list[Item], index: int) -> bool:
    """Whether a task (not a title) sits under the title at `index`, before the next title at its level or above."""
    level = code_level(items[index].code)
    for following in items[index + 1:]:
        if code_level(following.code, following.bullet) <= level or (following.title and following.strong
                                                                        and not following.code):
            return False
        if not following.title:
            return True
    return False


def build_sections(items: list[Item], finish) -> list[ExtractedSection]:
    """Sections and their tasks from the items of one appendix, in order. A roman or capital-letter title is a
    section; a numbered title whose sub-codes follow (1 → 1.1) under a higher section is a group heading (a task
    marked `is_heading`); any other title that holds tasks is a section. Sections without tasks are dropped."""
    sections: list[ExtractedSection] = []
    current: ExtractedSection | None = None
    current_level = 99  # the level of the current section's code; 99 while none is open

    def open_section(numeral: str, title: str, level: int) -> None:
        nonlocal current, current_level
        current = ExtractedSection(numeral=numeral, title=title)
        current_level = level
        sections.append(current)

    for index, item in enumerate(items):
        if index and items[index - 1].from_paragraphs and not item.from_paragraphs:
            # A table after the plan's text starts its own structure: the text's headings ('II. NHIỆM VỤ …')
            # do not hold the table's sections.
            current, current_level = None, 99
        if item.title:
            level = 0 if not item.code else code_level(item.code)
            has_children, dotted = _children(items, index)
            if item.code and SECTION_CODE.match(item.code) and not CODE.match(item.code):
                open_section(item.code, item.text, 0)
                continue
            if has_children and dotted and current is not None and current_level < level:
                if item.from_paragraphs and not _tasks_under(items, index):
                    continue  # a numbered heading of the plan's text, with no task under it
                task = finish(item)
                task.is_heading = True
                current.tasks.append(task)
                continue
            if (item.bullet and not item.strong and current is not None and index + 1 < len(items)
                    and not items[index + 1].title):
                task = finish(item)  # '- Thực hiện cơ chế một cửa, một cửa liên thông:' above its '+' tasks
                task.is_heading = True
                current.tasks.append(task)
                continue
            if has_children or item.strong:
                open_section(item.code, item.text, level)
                continue
            if item.from_paragraphs:
                continue  # a paragraph without labelled lines and without tasks under it is no task
        if current is None:
            open_section("", "", 99)
        assert current is not None
        current.tasks.append(finish(item))
    return [s for s in sections if s.tasks]


# --- Finishing a task: cells read into fields --------------------------------------------------------------------

class _Finisher:
    def __init__(self, footnotes: dict[str, str], known: Collection[str]):
        self.footnotes = footnotes
        self.known = known
        self.tasks: list[tuple[ExtractedTask, list[str]]] = []

    def __call__(self, item: Item) -> ExtractedTask:
        cells = item.cells
        marks: list[str] = []
        task = ExtractedTask(code=item.code, source=item.source)
        task.content, found = split_marks(cells.get("content", ""))
        marks += found
        task.product, found = split_marks(cells.get("product", ""))
        marks += found
        task.deadline_text, found = split_deadline_marks(cells.get("deadline", ""))
        marks += found
        task.note = cells.get("note", "")
        assignment = Assignment()
        texts: dict[str, str] = {}
        for role in ROLE_FIELDS:
            raw, found = split_marks(cells.get(role, ""))
            marks += found
            if not raw.strip():
                continue
            read = read_assignment(raw, role, self.known)
            assignment.merge(read)
            if not read.method and not read.outside and not any(read.names(r) for r in ROLES if r != role):
                texts[role] = raw.strip()  # a plain list of names stays as written
        if cells.get("assignment"):
            raw, found = split_marks(cells["assignment"])
            marks += found
            assignment.merge(read_assignment(raw, None, self.known))
        for role in ROLES:
            setattr(task, f"{role}_text", texts.get(role) or names_text(assignment.names(role)))
        task.outside_participants = [{"role": role, "name": name} for role, name in assignment.outside]
        task.needs_units = assignment.needs_units
        task.method = "; ".join(assignment.method)
        labelled = assignment.fields
        task.content = join_text(task.content, labelled.get("content", ""))
        task.product = task.product or labelled.get("product", "")
        if labelled.get("deadline") and not task.deadline_text:
            task.deadline_text, found = split_deadline_marks(labelled["deadline"])
            marks += found
        task.note = task.note or labelled.get("note", "")
        self.tasks.append((task, list(dict.fromkeys(marks))))
        return task

    def attach_footnotes(self) -> None:
        for task, marks in self.tasks:
            task.footnotes = [{"mark": m, "text": self.footnotes.get(m, "")} for m in marks]


# --- Appendices and the whole document ---------------------------------------------------------------------------

# 'PHỤ LỤC II', and 'BIỂU' / 'Biểu số 01' on a line of its own (as communes and districts head the table they attach).
_APPENDIX = re.compile(r"^(?:phu luc|bieu(?=(?:\s+(?:so\s+)?(?:[0-9]+|[ivxlc]+))?\s*(?:$|[:.\-–])))"
                       r"(?:\s+(?:so\s+)?([0-9]+|[ivxlc]+)\b)?", re.I)
_FOOTNOTE_TEXT = re.compile(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(.+)$", re.S)


@dataclass
class _Part:
    """An appendix being read (or the plan's body before any appendix): its heading and its items in order."""

    appendix: ExtractedAppendix
    tables: TableReader = field(default_factory=TableReader)
    items: list[Item] = field(default_factory=list)
    paragraphs: ParagraphReader = field(default_factory=ParagraphReader)

    def flush_paragraphs(self) -> None:
        self.items.extend(self.paragraphs.finish())
        self.paragraphs = ParagraphReader()


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


def extract_plan(blocks: list[Block], known_units: Collection[str] = ()) -> ExtractedPlan:
    """The plan a document holds: header, appendices with sections and tasks, footnotes, and what looked wrong.

    `known_units` are the normalised names of the issuing department's units: a name among them is never taken for
    a body outside the department (the department's own 'Sở Tài nguyên và Môi trường').
    """
    plan = ExtractedPlan()
    known = frozenset(normalize_name(k) for k in known_units)
    parts = [_Part(ExtractedAppendix())]
    header_lines: list[str] = []
    pending: tuple[str, list[str]] | None = None  # an appendix heading whose title lines are still coming
    previous_kind = ""
    paragraph_number = 0
    for block in blocks:
        part = parts[-1]
        if block.kind == "footnote":
            plan.footnotes[block.style] = block.text
            continue
        if block.kind == "paragraph":
            paragraph_number += 1
            footnote = _FOOTNOTE_TEXT.match(block.text)
            if footnote:
                # A footnote printed between two parts of a split table does not break the table.
                plan.footnotes.setdefault(footnote.group(1).translate(str.maketrans(SUPERSCRIPTS, "0123456789")),
                                          footnote.group(2).strip())
                continue
            plain = strip_accents(block.text).lower()
            match = _APPENDIX.match(plain)
            rest = block.text[match.end():].strip() if match else ""
            # 'PHỤ LỤC 2' alone, or 'PHỤ LỤC 2: NHIỆM VỤ …' with its title on the same line.
            if match and (len(block.text) < 40 or rest[:1] in (":", ".", "-", "–")):
                part.flush_paragraphs()
                number = (match.group(1) or "").upper()
                title = rest.lstrip(":.-– ").strip()
                pending = (number, [title] if title else [])
                parts.append(_Part(ExtractedAppendix(number=number)))
            elif pending is not None and not _starts_content(block.text):
                pending[1].append(block.text)
            else:
                if pending is not None:
                    parts[-1].appendix = _read_appendix_heading(pending[1], pending[0])
                    pending = None
                if len(parts) == 1:
                    header_lines.append(block.text)
                parts[-1].paragraphs.take(block.text, f"đoạn {paragraph_number}")
            previous_kind = "paragraph"
            continue
        if pending is not None:
            parts[-1].appendix = _read_appendix_heading(pending[1], pending[0])
            pending = None
        part = parts[-1]
        part.flush_paragraphs()
        taken = part.tables.take_table(block.rows, follows_table=previous_kind == "table")
        if taken is None:
            if len(parts) == 1:
                header_lines.extend(line for row in block.rows for c in row for line in c.text.split("\n") if line)
        else:
            if len(parts) == 1:
                header_lines.extend(part.tables.above_header)  # a sheet's own header above its task table
            part.items.extend(taken)
        previous_kind = "table"
    if pending is not None:
        parts[-1].appendix = _read_appendix_heading(pending[1], pending[0])
    parts[-1].flush_paragraphs()
    read_header(header_lines, plan.header)
    plan.header.setdefault("recipients", [])
    plan.warnings.extend(plan.header.pop("warnings", []))
    finisher = _Finisher(plan.footnotes, known)
    for part in parts:
        part.appendix.sections = build_sections(part.items, finisher)
        if part.appendix.tasks:
            plan.appendices.append(part.appendix)
        elif part.appendix.number:
            plan.warnings.append(f"Phụ lục {part.appendix.number} không có bảng nhiệm vụ.")
    finisher.attach_footnotes()
    for appendix in plan.appendices:
        _check(appendix)
        appendix.sections = [s for s in appendix.sections if not all(t.is_heading for t in s.tasks)]
    plan.appendices = [a for a in plan.appendices if a.sections]
    return plan


def _starts_content(text: str) -> bool:
    """A paragraph after an appendix heading that is no longer its title: a numbered section or a task line."""
    return bool(re.match(r"^(?:[IVXLC]+|[A-H]|\d+(?:\.\d+)*)[.)]\s", text)) or text[:1] in "-–+•"


def _check(appendix: ExtractedAppendix) -> None:
    for section in appendix.sections:
        codes = [t.code for t in section.tasks]
        seen: set[str] = set()
        for task in section.tasks:
            prefix = task.code + "."
            task.is_heading = task.is_heading or (bool(task.code) and any(c.startswith(prefix) for c in codes))
            if task.code and task.code in seen:
                task.warnings.append(f"Số thứ tự {task.code} lặp lại trong mục.")
            seen.add(task.code)
            if "." in task.code and task.code.rsplit(".", 1)[0] not in (*seen, section.numeral):
                task.warnings.append(f"Không thấy mục cha {task.code.rsplit('.', 1)[0]} của {task.code}.")
            task.warnings.extend(field_warnings(task.content, task.lead_text, task.deadline_text, task.is_heading,
                                                any(p["role"] == "lead" for p in task.outside_participants),
                                                task.method))
