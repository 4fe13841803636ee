"""The official layout builder on its own: page, margins, fonts, header, motto, closing, appendices."""

from datetime import date

import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm

from documents.tests.readback import docx, docx_text
from documents.word import Cell, Closing, Heading, OfficialDocument, Signer

SUMMARY = ("Duy trì, cải thiện và nâng cao Chỉ số cải cách hành chính (PAR INDEX), Chỉ số hài lòng của người dân "
           "đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS) năm 2024")


def seed_plan_document() -> bytes:
    doc = OfficialDocument(Heading(
        parent_body="UBND tỉnh Bà Rịa – Vũng Tàu", agency="Sở Tài nguyên và Môi trường", number=5, symbol="KH-STNMT",
        place="Bà Rịa – Vũng Tàu", issue_date=date(2024, 1, 5), kind="Kế hoạch", summary=SUMMARY))
    doc.section_heading("I. KẾT QUẢ ĐÁNH GIÁ NĂM 2023")
    doc.paragraph("Theo đó, kết quả Chỉ số PAR INDEX năm 2023 của tỉnh đạt 91,03 điểm, tăng 3,56 điểm so với năm 2022.")
    doc.closing(Closing(recipients=["UBND tỉnh (b/c)", "Sở Nội vụ (b/c)", "Các phòng thuộc Sở"], archive="VT, VP",
                        signer=Signer("Phan Văn Mạnh", "Phó Giám đốc", "Giám đốc")))
    doc.appendix("1", "Nhiệm vụ, giải pháp nâng cao Chỉ số PAR INDEX của tỉnh",
                 "Kèm theo Kế hoạch số 05/KH-STNMT ngày 05/01/2024 của Sở Tài nguyên và Môi trường")
    doc.table(["TT", "Nhiệm vụ / Nội dung thực hiện", "Cơ quan chủ trì", "Thời gian thực hiện"], [
        [Cell("I", bold=True), Cell("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", bold=True), "", ""],
        ["1", "Tăng cường tìm hiểu, áp dụng các mô hình, cách làm mới", "Văn phòng Sở", "Năm 2024"],
    ], widths_mm=[12, 120, 40, 30])
    return doc.to_bytes()


@pytest.fixture(scope="module")
def plan_docx():
    return seed_plan_document()


def test_page_is_a4_portrait_with_the_decree_margins(plan_docx):
    section = docx(plan_docx).sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                  section.right_margin)] == [20, 20, 30, 15]


def test_appendix_is_a_landscape_section_with_repeating_table_header(plan_docx):
    document = docx(plan_docx)
    appendix = document.sections[1]
    assert appendix.orientation == WD_ORIENT.LANDSCAPE
    assert appendix.page_width > appendix.page_height
    task_table = document.tables[-1]
    assert task_table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert task_table.rows[1].cells[1].paragraphs[0].runs[0].bold, "section rows are bold"
    assert task_table.rows[2].cells[1].text == "Tăng cường tìm hiểu, áp dụng các mô hình, cách làm mới"


def test_header_motto_title_and_signature_are_present_and_styled(plan_docx):
    document = docx(plan_docx)
    text = docx_text(plan_docx)
    for expected in ("UBND TỈNH BÀ RỊA – VŨNG TÀU", "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Số: 05/KH-STNMT",
                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Bà Rịa – Vũng Tàu, ngày 05 tháng 01 năm 2024", "KẾ HOẠCH", SUMMARY, "Nơi nhận:",
                     "- UBND tỉnh (b/c);", "- Lưu: VT, VP.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Phan Văn Mạnh",
                     "PHỤ LỤC 1", "NHIỆM VỤ, GIẢI PHÁP NÂNG CAO CHỈ SỐ PAR INDEX CỦA TỈNH",
                     "(Kèm theo Kế hoạch số 05/KH-STNMT ngày 05/01/2024 của Sở Tài nguyên và Môi trường)"):
        assert expected in text, expected

    def run_of(text):
        for table in document.tables:
            for row in table.rows:
                for cell in row.cells:
                    for p in cell.paragraphs:
                        for r in p.runs:
                            if r.text == text:
                                return r
        for p in document.paragraphs:
            for r in p.runs:
                if r.text == text:
                    return r
        raise AssertionError(text)

    assert run_of("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG").bold
    assert run_of("Độc lập - Tự do - Hạnh phúc").bold
    assert run_of("Bà Rịa – Vũng Tàu, ngày 05 tháng 01 năm 2024").italic
    received = run_of("Nơi nhận:")
    assert received.bold and received.italic and received.font.size.pt == 12
    assert run_of("- Lưu: VT, VP.").font.size.pt == 11
    assert run_of("Phan Văn Mạnh").bold
    assert run_of("PHỤ LỤC 1").bold
    assert run_of("(Kèm theo Kế hoạch số 05/KH-STNMT ngày 05/01/2024 của Sở Tài nguyên và Môi trường)").italic


def test_body_is_times_new_roman_justified_with_first_line_indent(plan_docx):
    document = docx(plan_docx)
    body = next(p for p in document.paragraphs if p.text.startswith("Theo đó"))
    assert body.alignment == 3  # justify
    assert body.paragraph_format.first_line_indent >= Mm(10)
    run = body.runs[0]
    assert run.font.size.pt == 14
    fonts = run._r.rPr.find(qn("w:rFonts"))
    assert {fonts.get(qn(s)) for s in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")} == {"Times New Roman"}
    assert document.styles["Normal"].font.name == "Times New Roman"


def test_unsigned_draft_keeps_blanks_for_number_and_date():
    doc = OfficialDocument(Heading(agency="Sở Tài nguyên và Môi trường", symbol="KH-STNMT", place="Bà Rịa – Vũng Tàu",
                                   year=2024, kind="Kế hoạch"))
    text = docx_text(doc.to_bytes())
    assert "Số:       /KH-STNMT" in text
    assert "Bà Rịa – Vũng Tàu, ngày      tháng      năm 2024" in text
