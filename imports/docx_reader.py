"""Reading a Word (.docx) or Excel (.xlsx) file into plain blocks: paragraphs and tables, in document order.

Pure extraction, no ORM. Every way a file can be unreadable ends in `UnreadableFile` with a Vietnamese
message that tells the user what to do, so the upload page never answers 500.
"""

import io
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


def _paragraph_text(p, marks: dict[str, str] | None = None) -> str:
    """The paragraph's text; footnote references and superscript numbers become superscript marks ('quy định²')."""
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
    # A Word list item keeps its bullet in the numbering, not in the text; write it as plans do.
    style = p.find(f"{W}pPr/{W}pStyle")
    is_list = p.find(f"{W}pPr/{W}numPr") is not None or (
        style is not None and style.get(W + "val", "").startswith(("List", "ListBullet", "ListNumber"))
    )
    if is_list and text.strip() and text.strip()[0] not in "-–+•*":
        text = "- " + text.strip()
    return text


def _cell_text(tc, marks: dict[str, str]) -> str:
    lines: list[str] = []
    for child in tc.iterchildren():
        if child.tag == W + "p":
            lines.append(_paragraph_text(child, marks))
        elif child.tag == W + "tbl":
            for tr in child.iter(W + "tr"):
                texts = [_clean(_cell_text(inner, marks)).replace("\n", " ") for inner in tr.iterchildren(W + "tc")]
                lines.append("; ".join(t for t in texts if t))
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                lines.append(_cell_text(content, marks))
    return _clean("\n".join(lines))


def _table_rows(tbl, marks: dict[str, str]) -> list[list[Cell]]:
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
            row.append(Cell("" if merged else _cell_text(tc, marks), merged, span))
            # Cells spanned horizontally add empty cells so column positions stay those of the grid.
            row.extend(Cell("") for _ in range(span - 1))
        rows.append(row)
    return rows


def _body_blocks(container, marks: dict[str, str]) -> list[Block]:
    blocks: list[Block] = []
    for child in container.iterchildren():
        if child.tag == W + "p":
            text = _clean(_paragraph_text(child, marks))
            if text:
                style = child.find(f"{W}pPr/{W}pStyle")
                blocks.append(Block("paragraph", text=text, style=style.get(W + "val", "") if style is not None else ""))
        elif child.tag == W + "tbl":
            blocks.append(Block("table", rows=_table_rows(child, marks)))
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                blocks.extend(_body_blocks(content, marks))
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
        return _body_blocks(body, marks) + _footnote_blocks(document, marks)
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
