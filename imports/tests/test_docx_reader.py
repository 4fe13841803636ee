"""Reading Word tables as users build them: merged cells once, nested tables and bulleted lines inside cells."""

import io

import pytest
from docx import Document

from imports.docx_reader import UnreadableFile, read_docx, read_file, read_xlsx
from imports.xlsx_template import build_template


def _save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_horizontally_merged_cell_is_read_once_and_columns_keep_their_place():
    document = Document()
    table = document.add_table(rows=2, cols=4)
    table.rows[0].cells[0].text = "I"
    merged = table.rows[0].cells[1].merge(table.rows[0].cells[3])
    merged.text = "CẢI CÁCH THỂ CHẾ"
    for cell, text in zip(table.rows[1].cells, ["1", "Nhiệm vụ", "Văn phòng Sở", "Năm 2024"], strict=True):
        cell.text = text
    (block,) = [b for b in read_docx(_save(document)) if b.kind == "table"]
    assert [c.text for c in block.rows[0]] == ["I", "CẢI CÁCH THỂ CHẾ", "", ""]
    assert [c.text for c in block.rows[1]] == ["1", "Nhiệm vụ", "Văn phòng Sở", "Năm 2024"]


def test_vertically_merged_cell_is_marked_not_repeated():
    document = Document()
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text = "1"
    table.rows[1].cells[0].text = "2"
    merged = table.rows[0].cells[1].merge(table.rows[1].cells[1])
    merged.text = "- Đơn vị chủ trì: Thanh tra Sở"
    (block,) = [b for b in read_docx(_save(document)) if b.kind == "table"]
    assert block.rows[0][1].text == "- Đơn vị chủ trì: Thanh tra Sở" and not block.rows[0][1].merged_above
    assert block.rows[1][1].text == "" and block.rows[1][1].merged_above


def test_bullets_and_nested_tables_inside_a_cell():
    document = Document()
    table = document.add_table(rows=1, cols=1)
    cell = table.rows[0].cells[0]
    cell.text = "Số hóa hồ sơ"
    cell.add_paragraph("100% hồ sơ được số hóa", style="List Bullet")
    inner = cell.add_table(rows=1, cols=2)
    inner.rows[0].cells[0].text = "Văn phòng Sở"
    inner.rows[0].cells[1].text = "Thanh tra Sở"
    (block,) = [b for b in read_docx(_save(document)) if b.kind == "table"]
    assert block.rows[0][0].text == "Số hóa hồ sơ\n- 100% hồ sơ được số hóa\nVăn phòng Sở; Thanh tra Sở"


def test_paragraph_text_is_normalised():
    document = Document()
    document.add_paragraph("Số:\u00a005/KH-STNMT")
    document.add_paragraph("   ")
    blocks = read_docx(_save(document))
    assert [b.text for b in blocks] == ["Số: 05/KH-STNMT"]


def test_xlsx_template_reads_back_as_a_table():
    (block,) = read_xlsx(build_template())
    assert [c.text for c in block.rows[0]][:2] == ["STT", "Nhiệm vụ / Nội dung thực hiện"]
    assert [c.text for c in block.rows[2]][6] == "Quý I/2025"


@pytest.mark.parametrize("name", ["ke-hoach.txt", "ke-hoach", ""])
def test_unknown_extension(name):
    with pytest.raises(UnreadableFile, match="Chỉ nhận tệp Word"):
        read_file(name, b"abc")


def test_excel_file_sent_as_docx_is_named():
    with pytest.raises(UnreadableFile, match="Đây là tệp Excel"):
        read_docx(build_template())


def test_xlsx_with_title_rows_and_merged_section_cells():
    import openpyxl

    from imports.layout import extract_plan

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["DANH SÁCH NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025"])
    sheet.append(["(Kèm theo Kế hoạch số 12/KH-STNMT)"])
    sheet.append([])
    sheet.append(["Số TT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"])
    sheet.append(["I", "CẢI CÁCH THỂ CHẾ"])
    sheet.merge_cells("B5:E5")
    sheet.append([1, "Rà soát văn bản quy phạm pháp luật", "Thanh tra Sở", "Văn phòng Sở", "Quý II/2025"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    plan = extract_plan(read_file("danh-sach.xlsx", buffer.getvalue()))
    (section,) = [s for s in plan.appendices[0].sections if s.tasks]
    assert (section.numeral, section.title) == ("I", "CẢI CÁCH THỂ CHẾ")
    (task,) = section.tasks
    assert (task.code, task.lead_text, task.coordinating_text, task.deadline_text) == (
        "1", "Thanh tra Sở", "Văn phòng Sở", "Quý II/2025")
