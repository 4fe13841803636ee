"""Reading a Word (.docx) or Excel (.xlsx) file into plain blocks: paragraphs and tables, in document order.

Pure extraction, no ORM. Every way a file can be unreadable ends in `UnreadableFile` with a Vietnamese
message that tells the user what to do, so the upload page never answers 500.
"""

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field

MAX_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class UnreadableFile(Exception):
    """The file cannot be read; str(error) is the message shown to the user."""


@dataclass
class Cell:
    text: str
    # A vertically merged cell continuing the one above (w:vMerge without "restart"): its text is above.
    merged_above: bool = False
    # How many grid columns the cell spans (w:gridSpan); the columns it covers follow as empty cells.
    span: int = 1


@dataclass
class Block:
    kind: str  # "paragraph", "table" or "footnote" (a footnote's text; `style` holds its mark)
    text: str = ""
    rows: list[list[Cell]] = field(default_factory=list)
    style: str = ""


def _check_size(data: bytes) -> None:
    if not data:
        raise UnreadableFile("Tệp rỗng (0 byte). Vui lòng chọn lại tệp kế hoạch.")
    if len(data) > MAX_BYTES:
        raise UnreadableFile(
            f"Tệp quá lớn ({len(data) // (1024 * 1024)} MB). Chỉ nhận tệp tối đa {MAX_BYTES // (1024 * 1024)} MB; "
            "hãy bỏ hình ảnh hoặc tách phụ lục thành tệp riêng."
        )


def _open_zip(data: bytes, kind: str) -> zipfile.ZipFile:
    if data.startswith(OLE_MAGIC):
        # Office keeps password-protected .docx/.xlsx inside an OLE container with an EncryptionInfo stream.
        if "EncryptionInfo".encode("utf-16-le") in data or b"EncryptedPackage" in data:
            raise UnreadableFile("Tệp được bảo vệ bằng mật khẩu. Hãy mở tệp, gỡ mật khẩu rồi tải lên lại.")
        if kind == "docx":
            raise UnreadableFile(
                "Đây là tệp Word cũ (.doc). Hãy mở bằng Word, chọn Lưu thành (Save As) định dạng .docx rồi tải lên lại."
            )
        raise UnreadableFile("Đây là tệp Excel cũ (.xls). Hãy lưu lại thành định dạng .xlsx rồi tải lên lại.")
    if not data.startswith(b"PK"):
        if data.lstrip().startswith(b"{\\rtf"):
            raise UnreadableFile("Đây là tệp RTF, không phải tệp Word .docx. Hãy lưu lại thành định dạng .docx.")
        raise UnreadableFile("Tệp không phải là tệp Word (.docx) hoặc Excel (.xlsx). Vui lòng chọn đúng tệp kế hoạch.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UnreadableFile("Tệp bị hỏng hoặc tải lên chưa hết, không mở được. Hãy mở thử bằng Word rồi lưu lại.") from None
    if sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
        raise UnreadableFile("Nội dung tệp sau khi giải nén quá lớn. Hãy tách phụ lục thành tệp nhỏ hơn.")
    names = {i.filename for i in infos}
    expected = "word/document.xml" if kind == "docx" else "xl/workbook.xml"
    if expected not in names:
        if kind == "docx" and "xl/workbook.xml" in names:
            raise UnreadableFile("Đây là tệp Excel; hãy tải lên với đuôi .xlsx theo mẫu danh sách nhiệm vụ.")
        raise UnreadableFile(
            "Tệp nén này không phải tài liệu Word (.docx) hợp lệ. Hãy mở bằng Word và lưu lại thành .docx."
            if kind == "docx"
            else "Tệp này không phải bảng tính Excel (.xlsx) hợp lệ."
        )
    return archive


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\u200b", "")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


# --- List numbers (numbering.xml) ------------------------------------------------------------------------------------

# Bullets Word draws from symbol fonts ('' in Symbol, '§' in Wingdings …) are written as plans type them.
_TYPED_BULLETS = "-–+*"
_ROMAN_DIGITS = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
                 (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _roman(number: int) -> str:
    out = []
    for value, digits in _ROMAN_DIGITS:
        while number >= value:
            out.append(digits)
            number -= value
    return "".join(out)


def _letters(number: int) -> str:
    """Word's letter numbering: a … z, then aa … zz, aaa …"""
    if number < 1:
        return str(number)
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def format_number(number: int, fmt: str) -> str:
    """A list counter as Word shows it in `fmt` (w:numFmt): decimal, decimalZero, lower/upperLetter, lower/upperRoman;
    any other format (ordinal words, Asian numerals) falls back to digits."""
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        letters = _letters(number)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman") and number > 0:
        roman = _roman(number)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "none":
        return ""
    return str(number)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: bool = True  # restarts after a higher level (w:lvlRestart 0 says never)
    legal: bool = False  # w:isLgl: the higher levels' numbers in digits
    style: str = ""  # w:pStyle: the paragraph style this level belongs to


def _int(element, default: int) -> int:
    try:
        return int(element.get(W + "val")) if element is not None else default
    except (TypeError, ValueError):
        return default


def _read_level(lvl, level: _Level | None = None) -> _Level:
    level = _Level(**vars(level)) if level is not None else _Level()
    if lvl.find(W + "start") is not None:
        level.start = _int(lvl.find(W + "start"), 1)
    if lvl.find(W + "numFmt") is not None:
        level.fmt = lvl.find(W + "numFmt").get(W + "val", "decimal")
    if lvl.find(W + "lvlText") is not None:
        level.text = lvl.find(W + "lvlText").get(W + "val", "")
    if lvl.find(W + "lvlRestart") is not None:
        level.restart = _int(lvl.find(W + "lvlRestart"), 1) != 0
    if lvl.find(W + "isLgl") is not None:
        level.legal = lvl.find(W + "isLgl").get(W + "val", "true") not in ("0", "false", "off")
    if lvl.find(W + "pStyle") is not None:
        level.style = lvl.find(W + "pStyle").get(W + "val", "")
    return level


class Numbering:
    """The numbers and bullets Word draws in front of list paragraphs, which the text itself does not hold.

    Read from word/numbering.xml (abstractNum → lvl: start, numFmt, lvlText; num → abstractNumId and lvlOverride) and
    the list styles of word/styles.xml, and counted in document order. As Word does, the instances (w:num) of one
    abstract list share its counters, and an instance that overrides a level's start restarts it where it is first
    used. Call `label(p)` on each paragraph in order: '1.', '1.2.', 'a)', 'II.', '-' (a bullet), '' (numbered but
    shown without a number), or None for a paragraph that is no list item.
    """

    def __init__(self, numbering_root=None, styles_root=None):
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.instances: dict[str, tuple[str, dict[int, _Level], set[int]]] = {}
        self.style_numbers: dict[str, tuple[str | None, int | None]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if styles_root is not None:
            self._read_styles(styles_root)
        if numbering_root is not None:
            self._read_numbering(numbering_root)

    def _read_styles(self, root) -> None:
        based: dict[str, str] = {}
        own: dict[str, tuple[str | None, int | None]] = {}
        for style in root.iterchildren(W + "style"):
            style_id = style.get(W + "styleId", "")
            parent = style.find(W + "basedOn")
            if parent is not None:
                based[style_id] = parent.get(W + "val", "")
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                num_id = num_pr.find(W + "numId")
                ilvl = num_pr.find(W + "ilvl")
                own[style_id] = (num_id.get(W + "val") if num_id is not None else None,
                                 _int(ilvl, 0) if ilvl is not None else None)
        for style_id in set(based) | set(own):
            seen, current = set(), style_id
            while current and current not in own and current not in seen:
                seen.add(current)
                current = based.get(current, "")
            if current in own:
                self.style_numbers[style_id] = own[current]

    def _read_numbering(self, root) -> None:
        links: dict[str, str] = {}  # abstractNum → the numbering style it takes its levels from (numStyleLink)
        for abstract in root.iterchildren(W + "abstractNum"):
            abstract_id = abstract.get(W + "abstractNumId", "")
            self.abstract[abstract_id] = {_int_attr(lvl, "ilvl"): _read_level(lvl) for lvl in abstract.iter(W + "lvl")}
            link = abstract.find(W + "numStyleLink")
            if link is not None:
                links[abstract_id] = link.get(W + "val", "")
        for num in root.iterchildren(W + "num"):
            abstract_ref = num.find(W + "abstractNumId")
            abstract_id = abstract_ref.get(W + "val", "") if abstract_ref is not None else ""
            overrides: dict[int, _Level] = {}
            restarts: set[int] = set()
            for override in num.iterchildren(W + "lvlOverride"):
                ilvl = _int_attr(override, "ilvl")
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    overrides[ilvl] = _read_level(lvl, self.abstract.get(abstract_id, {}).get(ilvl))
                start = override.find(W + "startOverride")
                if start is not None:
                    base = overrides.get(ilvl) or self.abstract.get(abstract_id, {}).get(ilvl) or _Level()
                    overrides[ilvl] = _Level(**{**vars(base), "start": _int(start, 1)})
                    restarts.add(ilvl)
                elif lvl is not None:
                    restarts.add(ilvl)
            self.instances[num.get(W + "numId", "")] = (abstract_id, overrides, restarts)
        for abstract_id, style_id in links.items():
            # The levels live in the abstract list of the numbering style's own instance.
            num_id = self.style_numbers.get(style_id, (None, None))[0]
            target = self.instances.get(num_id or "")
            if target is not None and target[0] != abstract_id:
                self.abstract[abstract_id] = self.abstract.get(target[0], {})

    def _levels(self, num_id: str) -> tuple[str, dict[int, _Level]]:
        abstract_id, overrides, _restarts = self.instances[num_id]
        return abstract_id, {**self.abstract.get(abstract_id, {}), **overrides}

    def label(self, p) -> str | None:
        props = p.find(W + "pPr")
        num_pr = props.find(W + "numPr") if props is not None else None
        style = props.find(W + "pStyle") if props is not None else None
        style_id = style.get(W + "val", "") if style is not None else ""
        num_id, ilvl = self.style_numbers.get(style_id, (None, None))
        if num_pr is not None:
            own_id, own_level = num_pr.find(W + "numId"), num_pr.find(W + "ilvl")
            if own_id is not None:
                num_id = own_id.get(W + "val")
            if own_level is not None:
                ilvl = _int(own_level, 0)
        if num_id is None or num_id == "0":
            return None
        if num_id not in self.instances:
            return "-"  # a list whose definition is missing: shown as a bullet, as plans write lists
        abstract_id, levels = self._levels(num_id)
        if ilvl is None:
            ilvl = next((i for i, level in levels.items() if style_id and level.style == style_id), 0)
        level = levels.get(ilvl, _Level())
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for restarted in self.instances[num_id][2]:
                counters.pop(restarted, None)
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [i for i in counters if i > ilvl]:
            if levels.get(deeper, _Level()).restart:
                del counters[deeper]
        if level.fmt == "bullet":
            bullet = level.text.strip()
            return bullet if bullet and bullet in _TYPED_BULLETS else "-"

        def number(match: re.Match) -> str:
            index = int(match.group(1)) - 1
            shown = levels.get(index, _Level())
            value = counters.get(index, shown.start)
            return format_number(value, "decimal" if level.legal and index < ilvl else shown.fmt)

        return re.sub(r"%([1-9])", number, level.text).strip()


def _int_attr(element, name: str) -> int:
    try:
        return int(element.get(W + name, "0"))
    except ValueError:
        return 0


def _paragraph_text(p, marks: dict[str, str] | None = None, numbering: Numbering | None = None) -> str:
    """The paragraph's text, with the number or bullet Word draws before a list item ('1.1. …', '- …'); footnote
    references and superscript numbers become superscript marks ('quy định²')."""
    parts: list[str] = []
    for node in p.iter():
        tag = node.tag
        if tag == W + "t":
            text = node.text or ""
            run = node.getparent()
            align = run.find(f"{W}rPr/{W}vertAlign") if run is not None else None
            if align is not None and align.get(W + "val") == "superscript" and text.strip().isdigit():
                text = text.strip().translate(_SUPERSCRIPT)
            parts.append(text)
        elif tag == W + "tab":
            parts.append(" ")
        elif tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif tag == W + "footnoteReference" and marks is not None:
            parts.append(marks.get(node.get(W + "id", ""), "").translate(_SUPERSCRIPT))
    text = "".join(parts)
    # A Word list item keeps its number or bullet in the numbering, not in the text; write it as plans do.
    label = numbering.label(p) if numbering is not None else None
    if label is None:
        # A list style with no numbering behind it (python-docx's 'List Bullet') is still a list as users see it;
        # 'List Paragraph' is only the indent Word gives list items, left behind when their numbering is removed.
        style = p.find(f"{W}pPr/{W}pStyle")
        style_id = style.get(W + "val", "") if style is not None else ""
        is_list = (numbering is None and p.find(f"{W}pPr/{W}numPr") is not None) or (
            style_id.startswith("List") and style_id != "ListParagraph")
        label = "-" if is_list else None
    stripped = text.strip()
    bullet = label in (*_TYPED_BULLETS, "•")
    if label and bullet and stripped and stripped[0] not in "-–+•*":
        text = f"{label} {stripped}"
    elif label and not bullet:
        text = f"{label} {stripped}".strip()  # a number shows even on an empty line (a table's STT column)
    return text


def _cell_text(tc, marks: dict[str, str], numbering: Numbering | None = None) -> str:
    lines: list[str] = []
    for child in tc.iterchildren():
        if child.tag == W + "p":
            lines.append(_paragraph_text(child, marks, numbering))
        elif child.tag == W + "tbl":
            for tr in child.iter(W + "tr"):
                texts = [_clean(_cell_text(inner, marks, numbering)).replace("\n", " ")
                         for inner in tr.iterchildren(W + "tc")]
                lines.append("; ".join(t for t in texts if t))
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                lines.append(_cell_text(content, marks, numbering))
    return _clean("\n".join(lines))


def _table_rows(tbl, marks: dict[str, str], numbering: Numbering | None = None) -> list[list[Cell]]:
    rows = []
    for tr in tbl.iterchildren(W + "tr"):
        row: list[Cell] = []
        for tc in tr.iterchildren(W + "tc"):
            props = tc.find(W + "tcPr")
            span, merged = 1, False
            if props is not None:
                grid_span = props.find(W + "gridSpan")
                if grid_span is not None:
                    try:
                        span = max(1, int(grid_span.get(W + "val", "1")))
                    except ValueError:
                        span = 1
                v_merge = props.find(W + "vMerge")
                merged = v_merge is not None and v_merge.get(W + "val", "continue") != "restart"
            row.append(Cell("" if merged else _cell_text(tc, marks, numbering), merged, span))
            # Cells spanned horizontally add empty cells so column positions stay those of the grid.
            row.extend(Cell("") for _ in range(span - 1))
        rows.append(row)
    return rows


def _body_blocks(container, marks: dict[str, str], numbering: Numbering | None = None) -> list[Block]:
    blocks: list[Block] = []
    for child in container.iterchildren():
        if child.tag == W + "p":
            text = _clean(_paragraph_text(child, marks, numbering))
            if text:
                style = child.find(f"{W}pPr/{W}pStyle")
                blocks.append(Block("paragraph", text=text, style=style.get(W + "val", "") if style is not None else ""))
        elif child.tag == W + "tbl":
            blocks.append(Block("table", rows=_table_rows(child, marks, numbering)))
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                blocks.extend(_body_blocks(content, marks, numbering))
    return blocks


def _footnote_blocks(document, marks: dict[str, str]) -> list[Block]:
    """The footnotes' texts (word/footnotes.xml), each with the mark its reference shows in the text."""
    from docx.oxml import parse_xml

    part = next((p for p in document.part.package.iter_parts() if str(p.partname) == "/word/footnotes.xml"), None)
    if part is None or not marks:
        return []
    root = parse_xml(part.blob)
    blocks = []
    for note in root.iterchildren(W + "footnote"):
        mark = marks.get(note.get(W + "id", ""))
        if mark:
            text = _clean(" ".join(_paragraph_text(p) for p in note.iter(W + "p"))).replace("\n", " ")
            blocks.append(Block("footnote", text=text, style=mark))
    return blocks


def _numbering(document) -> Numbering:
    """The document's list definitions and list styles (either part may be missing)."""
    from docx.oxml import parse_xml

    parts = {str(p.partname): p for p in document.part.package.iter_parts()}
    roots = [parse_xml(parts[name].blob) if name in parts else None
             for name in ("/word/numbering.xml", "/word/styles.xml")]
    return Numbering(*roots)


def read_docx(data: bytes) -> list[Block]:
    """The document's paragraphs and tables in order, merged cells counted once."""
    _check_size(data)
    _open_zip(data, "docx")
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        # Footnotes are numbered in the order the text refers to them, whatever their ids.
        marks: dict[str, str] = {}
        for reference in body.iter(W + "footnoteReference"):
            marks.setdefault(reference.get(W + "id", ""), str(len(marks) + 1))
        return _body_blocks(body, marks, _numbering(document)) + _footnote_blocks(document, marks)
    except UnreadableFile:
        raise
    except Exception:
        raise UnreadableFile(
            "Không đọc được nội dung tài liệu Word: tệp có thể bị hỏng. Hãy mở bằng Word, lưu lại rồi tải lên lại."
        ) from None


def read_xlsx(data: bytes) -> list[Block]:
    """Every sheet of the workbook as one table block (merged cells appear once, in their top-left cell)."""
    _check_size(data)
    _open_zip(data, "xlsx")
    try:
        import openpyxl

        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        blocks = []
        for sheet in workbook.worksheets:
            rows = []
            for values in sheet.iter_rows(values_only=True):
                cells = [Cell(_clean(_xlsx_value(v))) for v in values]
                if any(c.text for c in cells):
                    rows.append(cells)
            if rows:
                blocks.append(Block("table", rows=rows))
        workbook.close()
        return blocks
    except UnreadableFile:
        raise
    except Exception:
        raise UnreadableFile("Không đọc được bảng tính: tệp có thể bị hỏng. Hãy mở bằng Excel, lưu lại rồi tải lên lại.") from None


def _xlsx_value(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _is_encrypted(data: bytes) -> bool:
    return "EncryptionInfo".encode("utf-16-le") in data or b"EncryptedPackage" in data


def _converted(data: bytes, suffix: str) -> list[Block]:
    from imports.convert import ConversionFailed, to_docx

    _check_size(data)
    if data.startswith(OLE_MAGIC) and _is_encrypted(data):
        raise UnreadableFile("Tệp được bảo vệ bằng mật khẩu. Hãy mở tệp, gỡ mật khẩu rồi tải lên lại.")
    try:
        return read_docx(to_docx(data, suffix))
    except ConversionFailed as error:
        raise UnreadableFile(str(error)) from None


def read_file(name: str, data: bytes) -> list[Block]:
    """Chooses the reader by the file's extension (and, for an old Word file named .docx, by its content); .doc and
    .odt go through LibreOffice; anything else gets a message naming what is accepted."""
    lower = (name or "").lower()
    if lower.endswith(".xlsx"):
        return read_xlsx(data)
    if lower.endswith(".docx"):
        if data.startswith(OLE_MAGIC) and not _is_encrypted(data):
            return _converted(data, ".doc")
        return read_docx(data)
    if lower.endswith(".doc"):
        return _converted(data, ".doc")
    if lower.endswith(".odt"):
        return _converted(data, ".odt")
    if lower.endswith(".xls"):
        raise UnreadableFile("Đây là tệp Excel cũ (.xls). Hãy lưu lại thành định dạng .xlsx rồi tải lên lại.")
    raise UnreadableFile("Chỉ nhận tệp Word (.docx, .doc), OpenDocument (.odt) hoặc Excel (.xlsx) theo mẫu. "
                         "Vui lòng chọn đúng tệp kế hoạch.")
