"""Word documents in the layout of Nghị định 30/2020/NĐ-CP, with python-docx.

    doc = OfficialDocument(Heading(parent_body="UBND tỉnh Bà Rịa – Vũng Tàu", agency="Sở Tài nguyên và Môi trường",
                                   number=5, symbol="KH-STNMT", place="Bà Rịa – Vũng Tàu", issue_date=date(2024, 1, 5),
                                   kind="Kế hoạch", summary="Duy trì, cải thiện …"))
    doc.section_heading("I. KẾT QUẢ ĐÁNH GIÁ NĂM 2023")
    doc.paragraph("Căn cứ …")
    doc.closing(Closing(recipients=["UBND tỉnh (b/c)"], archive="VT, VP", signer=Signer("Phan Văn Mạnh", "Phó Giám đốc", "Giám đốc")))
    doc.appendix("1", "Nhiệm vụ, giải pháp …", attached_to="Kế hoạch số 05/KH-STNMT …")
    doc.table(["TT", "Nhiệm vụ"], rows)
    data = doc.to_bytes()

A4 portrait, margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman (set for Latin, East-Asian and
complex scripts, so Vietnamese never falls back to another font); body 14 pt justified with a first-line indent.
"""

import io
from dataclasses import dataclass, field
from datetime import date

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from documents import layout

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 12
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGINS = {"top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(15)}


@dataclass
class Signer:
    """Người ký: the name, the title, and the head's title when a deputy signs on the head's behalf (KT.)."""

    name: str = ""
    title: str = "Giám đốc"
    acting_for: str = ""


@dataclass
class Heading:
    """Everything above the body: agency header, national motto, number, place and date, title, summary."""

    agency: str
    parent_body: str = ""
    number: str | int | None = None
    symbol: str = ""
    place: str = ""
    issue_date: date | None = None
    year: int | None = None
    kind: str = ""
    summary: str = ""
    date_text: str = ""  # the place and date line when already written out

    @property
    def date_line(self) -> str:
        return self.date_text or layout.date_line(self.place, self.issue_date, self.year)


@dataclass
class Closing:
    """Nơi nhận and signature block."""

    recipients: list[str] = field(default_factory=list)
    archive: str = "VT"
    signer: Signer = field(default_factory=Signer)


@dataclass
class Cell:
    """A table cell with its own emphasis (a section heading row in bold, a figure aligned right)."""

    text: str
    bold: bool = False
    italic: bool = False
    align: str = ""  # "", "center", "right"
    span: int = 1  # columns this cell covers (a section title across the task columns)


# Word refuses (as "unreadable content") properties out of the schema's order; LibreOffice does not mind, so keep
# the order: each new element goes before the first sibling that must follow it.
_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
               "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
               "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
               "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
               "w:rPr", "w:sectPr", "w:pPrChange")
_AFTER_PPR_RPR = ("w:sectPr", "w:pPrChange")
_AFTER_TBLIND = ("w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption",
                 "w:tblDescription", "w:tblPrChange")
_AFTER_TBLBORDERS = _AFTER_TBLIND[1:]


def _insert(parent, child, successors: tuple[str, ...]) -> None:
    tags = {qn(tag) for tag in successors}
    for existing in parent:
        if existing.tag in tags:
            existing.addprevious(child)
            return
    parent.append(child)


def _set_fonts(run_or_style_element, size_pt: float | None = None) -> None:
    """Times New Roman for every script slot; Word otherwise picks a fallback for Vietnamese letters."""
    rpr = run_or_style_element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    if size_pt:
        rpr.get_or_add_sz().set(qn("w:val"), str(int(size_pt * 2)))
        complex_size = rpr.find(qn("w:szCs"))
        if complex_size is None:
            complex_size = OxmlElement("w:szCs")
            rpr.find(qn("w:sz")).addnext(complex_size)
        complex_size.set(qn("w:val"), str(int(size_pt * 2)))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        _insert(rpr, lang, ("w:eastAsianLayout", "w:specVanish", "w:oMath"))
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")


def _border(paragraph, edge: str = "bottom", size: int = 6) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    line = OxmlElement(f"w:{edge}")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), str(size))
    line.set(qn("w:space"), "1")
    line.set(qn("w:color"), "000000")
    borders.append(line)
    _insert(ppr, borders, _AFTER_PBDR)


def _no_table_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    _insert(tbl_pr, borders, _AFTER_TBLBORDERS)


def _grid_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    _insert(tbl_pr, borders, _AFTER_TBLBORDERS)


def _column_widths(table, widths) -> None:
    """Widths in the table grid and on every cell: LibreOffice reads the grid, Word reads the cells."""
    for column, width in zip(table.columns, widths, strict=False):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = width


def _indent_table(table, offset) -> None:
    indent = OxmlElement("w:tblInd")
    indent.set(qn("w:w"), str(int(offset / 635)))  # EMU → twentieths of a point
    indent.set(qn("w:type"), "dxa")
    _insert(table._tbl.tblPr, indent, _AFTER_TBLIND)


def _repeat_as_header(row) -> None:
    """Marks a row to repeat at the top of every page the table runs over (and never split across pages)."""
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)
    cant_split = OxmlElement("w:cantSplit")
    tr_pr.append(cant_split)


def _page_number_field(paragraph) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)
    _set_fonts(run._r, 13)


class OfficialDocument:
    """One administrative document (văn bản hành chính): heading, body, closing, then appendices."""

    def __init__(self, heading: Heading):
        self.heading = heading
        self.doc = Document()
        self._setup_styles()
        self._setup_section(self.doc.sections[0], landscape=False)
        self._write_heading()

    # Page and styles

    def _setup_styles(self) -> None:
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(BODY_PT)
        _set_fonts(normal.element, BODY_PT)
        fmt = normal.paragraph_format
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(0)
        fmt.line_spacing = 1.0
        # docDefaults too: table cells and headers that do not use Normal still get Times New Roman.
        rpr_default = self.doc.styles.element.find(qn("w:docDefaults"))
        if rpr_default is not None:
            rpr = rpr_default.find(qn("w:rPrDefault"))
            if rpr is not None and rpr.find(qn("w:rPr")) is not None:
                fonts = rpr.find(qn("w:rPr")).find(qn("w:rFonts"))
                if fonts is not None:
                    for attr in list(fonts.attrib):
                        del fonts.attrib[attr]
                    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                        fonts.set(qn(slot), FONT)
        core = self.doc.core_properties
        core.title = self.title_text
        core.language = "vi-VN"
        core.author = self.heading.agency

    def _setup_section(self, section, landscape: bool, first: bool = True) -> None:
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = PAGE_HEIGHT, PAGE_WIDTH
        else:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.top_margin = MARGINS["top"]
        section.bottom_margin = MARGINS["bottom"]
        section.left_margin = MARGINS["left"]
        section.right_margin = MARGINS["right"]
        section.header_distance = Mm(10)
        section.footer_distance = Mm(10)
        # The decree numbers pages from the second one, centred at the top.
        section.different_first_page_header_footer = first
        header = section.header
        header.is_linked_to_previous = False
        para = header.paragraphs[0]
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if not para.runs:
            _page_number_field(para)

    @property
    def text_width(self) -> int:
        """The width between the margins of the current section, in EMU."""
        section = self.doc.sections[-1]
        return int(section.page_width or 0) - int(section.left_margin or 0) - int(section.right_margin or 0)

    @property
    def title_text(self) -> str:
        return layout.upper(self.heading.kind) if self.heading.kind else ""

    # Low-level writing

    def _para(self, text: str = "", *, size: float = BODY_PT, bold=False, italic=False, align="justify",
              indent: bool = False, space_after: float = 6, container=None, keep_with_next=False):
        container = container if container is not None else self.doc
        paragraph = container.add_paragraph()
        paragraph.alignment = {
            "justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "center": WD_ALIGN_PARAGRAPH.CENTER,
            "left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT,
        }[align]
        fmt = paragraph.paragraph_format
        fmt.space_after = Pt(space_after)
        fmt.space_before = Pt(0)
        if indent:
            fmt.first_line_indent = Mm(12.7)
        if keep_with_next:
            fmt.keep_with_next = True
        if text:
            self._run(paragraph, text, size=size, bold=bold, italic=italic)
        return paragraph

    def _run(self, paragraph, text: str, *, size: float = BODY_PT, bold=False, italic=False):
        run = paragraph.add_run(layout.clean_text(text))
        run.bold, run.italic = bold, italic
        run.font.size = Pt(size)
        run.font.name = FONT
        _set_fonts(run._r, size)
        return run

    @staticmethod
    def _cell_para(cell):
        paragraph = cell.paragraphs[0]
        paragraph.paragraph_format.space_after = Pt(0)
        return paragraph

    # The heading (phần đầu văn bản)

    def _write_heading(self) -> None:
        h = self.heading
        table = self.doc.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        _no_table_borders(table)
        # As printed agencies do, the header reaches a little into the margins so that the agency's name and the
        # national name each fit on one line.
        left_width, right_width = Mm(82), self.text_width - Mm(82) + Mm(17)
        _column_widths(table, [left_width, right_width])
        _indent_table(table, -Mm(12))
        left, right = table.rows[0].cells

        if h.parent_body:
            self._para(layout.upper(h.parent_body), size=12.5, align="center", space_after=0, container=left)
        self._para(layout.upper(h.agency), size=12.5, bold=True, align="center", space_after=0, container=left)
        self._short_rule(left, left_width, Mm(20))
        self._para(layout.document_number(h.number, h.symbol), size=13, align="center", space_after=0, container=left)
        left._tc.remove(left.paragraphs[0]._p)

        self._para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True, align="center", space_after=0,
                   container=right)
        self._para("Độc lập - Tự do - Hạnh phúc", size=14, bold=True, align="center", space_after=0, container=right)
        self._short_rule(right, right_width, Mm(58))
        self._para(h.date_line, size=13, italic=True, align="center",
                   space_after=0, container=right)
        right._tc.remove(right.paragraphs[0]._p)

        self._para("", space_after=6)
        if h.kind:
            self._para(self.title_text, size=14, bold=True, align="center", space_after=0, keep_with_next=True)
        if h.summary:
            self._para(h.summary, size=14, bold=True, align="center", space_after=0, keep_with_next=True)
        if h.kind or h.summary:
            self._short_rule(self.doc, self.text_width, Mm(40), edge="bottom")
            self._para("", space_after=6)

    def _short_rule(self, container, width, length, edge: str = "top") -> None:
        """A centred rule of the given length: an empty paragraph with a border, squeezed by its indents.

        In the header cells the border sits on top of the empty line (right under the text above it); in the body
        LibreOffice lays the empty line out higher, so there the rule goes at its bottom.
        """
        paragraph = container.add_paragraph()
        side = max(int((width - length) / 2), 0)
        fmt = paragraph.paragraph_format
        fmt.left_indent = side
        fmt.right_indent = side
        fmt.space_before = Pt(2)
        fmt.space_after = Pt(0)
        fmt.line_spacing = 1.0
        _border(paragraph, edge, size=6)
        # The empty paragraph's own line is kept tiny so the rule hugs the text above it.
        mark = OxmlElement("w:rPr")
        for tag in ("w:sz", "w:szCs"):
            el = OxmlElement(tag)
            el.set(qn("w:val"), "4")
            mark.append(el)
        _insert(paragraph._p.get_or_add_pPr(), mark, _AFTER_PPR_RPR)

    # The body (nội dung)

    def section_heading(self, text: str) -> None:
        """A part of the body ('I. KẾT QUẢ ĐÁNH GIÁ NĂM 2023'): bold, justified, with the first-line indent."""
        self._para(text, bold=True, indent=True, keep_with_next=True)

    def subheading(self, text: str) -> None:
        self._para(text, bold=True, italic=False, indent=True, keep_with_next=True)

    def paragraph(self, text: str, *, bold=False, italic=False, indent=True) -> None:
        for line in layout.clean_text(text or "").split("\n"):
            if line.strip():
                self._para(line.strip(), bold=bold, italic=italic, indent=indent)

    def formatted(self, blocks: list[dict]) -> None:
        """Paragraphs and bullets with bold and italic runs: [{"loai": "paragraph"|"bullet", "chu": [{"text",
        "dam", "nghieng"}]}] (a free section of a plan, read by documents.contexts)."""
        for block in blocks:
            paragraph = self._para("", indent=True)
            if block.get("loai") == "bullet":
                self._run(paragraph, "- ")
            for run in block.get("chu", []):
                self._run(paragraph, run.get("text", ""), bold=bool(run.get("dam")), italic=bool(run.get("nghieng")))

    def note(self, text: str) -> None:
        """A numbered note under a table ('² Quyết định số 3315/QĐ-UBND …'), in 11 pt."""
        self._para(text, size=11, align="justify", space_after=2)

    def bullets(self, items: list[str]) -> None:
        for item in items:
            self._para(f"- {item}", indent=True)

    def table(self, header: list[str] | list[list[str]], rows: list[list], widths_mm: list[float] | None = None,
              size: float = TABLE_PT) -> None:
        """A bordered table whose header rows repeat on every page; rows hold str or Cell."""
        header_rows = header if header and isinstance(header[0], list) else [header]
        ncols = len(header_rows[0])
        table = self.doc.add_table(rows=0, cols=ncols)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        _grid_borders(table)
        widths = self._widths(ncols, widths_mm)
        _column_widths(table, widths)
        for texts in header_rows:
            row = table.add_row()
            _repeat_as_header(row)
            for cell, text, width in zip(row.cells, texts, widths, strict=False):
                cell.width = width
                self._run(self._cell_para(cell), str(text), size=size, bold=True)
                self._cell_para(cell).alignment = WD_ALIGN_PARAGRAPH.CENTER
        for values in rows:
            row = table.add_row()
            for cell, width in zip(row.cells, widths, strict=False):
                cell.width = width
            column = 0
            for value in values:
                if column >= ncols:
                    break
                value = value if isinstance(value, Cell) else Cell("" if value is None else str(value))
                cell = row.cells[column]
                span = max(1, min(value.span, ncols - column))
                if span > 1:
                    cell = cell.merge(row.cells[column + span - 1])
                column += span
                self._fill_cell(cell, value, size)
        self._para("", space_after=6)

    def _fill_cell(self, cell, value: Cell, size: float) -> None:
        paragraph = self._cell_para(cell)
        for i, line in enumerate(layout.clean_text(value.text).split("\n")):
            if i:
                paragraph = cell.add_paragraph()
                paragraph.paragraph_format.space_after = Pt(0)
            paragraph.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}.get(
                value.align, WD_ALIGN_PARAGRAPH.LEFT)
            self._run(paragraph, line, size=size, bold=value.bold, italic=value.italic)

    def _widths(self, ncols: int, widths_mm: list[float] | None):
        total = self.text_width
        if not widths_mm or len(widths_mm) != ncols:
            return [int(total / ncols)] * ncols
        scale = total / sum(Mm(w) for w in widths_mm)
        return [int(Mm(w) * scale) for w in widths_mm]

    # The closing (nơi nhận, chữ ký)

    def closing(self, closing: Closing) -> None:
        self._para("", space_after=0)
        table = self.doc.add_table(rows=1, cols=2)
        table.autofit = False
        _no_table_borders(table)
        _column_widths(table, [Mm(80), self.text_width - Mm(80)])
        # Recipients and signature stay together on one page.
        table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        left, right = table.rows[0].cells
        received = self._cell_para(left)
        received.alignment = WD_ALIGN_PARAGRAPH.LEFT
        self._run(received, "Nơi nhận:", size=12, bold=True, italic=True)
        for line in layout.recipient_lines(closing.recipients, closing.archive):
            self._para(line, size=11, align="left", space_after=0, container=left)

        signer = closing.signer
        first = self._cell_para(right)
        first.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for i, line in enumerate(layout.signature_lines(signer.title, signer.acting_for)):
            if i == 0:
                self._run(first, line, size=14, bold=True)
            else:
                self._para(line, size=14, bold=True, align="center", space_after=0, container=right)
        for _ in range(4):
            self._para("", space_after=0, container=right)
        if signer.name:
            self._para(signer.name, size=14, bold=True, align="center", space_after=0, container=right)

    # Appendices (phụ lục)

    def appendix(self, number: str, title: str, attached_to: str = "", landscape: bool = True) -> None:
        """Starts an appendix on a new page (landscape for wide task tables): 'PHỤ LỤC 1', title, '(Kèm theo …)'."""
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        self._setup_section(section, landscape=landscape, first=False)
        label = f"PHỤ LỤC {number}".strip() if number else "PHỤ LỤC"
        self._para(label, bold=True, align="center", space_after=0, keep_with_next=True)
        if title:
            self._para(layout.upper(title), bold=True, align="center", space_after=0, keep_with_next=True)
        if attached_to:
            self._para(f"({attached_to})", italic=True, align="center", space_after=0, keep_with_next=True)
        self._short_rule(self.doc, self.text_width, Mm(40), edge="bottom")
        self._para("", space_after=6)

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()
