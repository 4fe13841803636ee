"""Reading Word tables as users build them: merged cells once, nested tables and bulleted lines inside cells; the
numbers of Word's own lists rebuilt from numbering.xml."""

import io

import pytest
from docx import Document
from docx.oxml.ns import qn

from imports.docx_reader import UnreadableFile, format_number, read_docx, read_file, read_xlsx
from imports.fixtures.word_lists import SYMBOL_BULLET, WordLists
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


# Word's own list numbers: in numbering.xml, never in the text ------------------------------------------------------


def _listed(levels_items, levels=(("decimal", "%1."),), **define) -> list[str]:
    """The paragraphs' texts as read, for items (text, level) numbered by one list of these levels."""
    document = Document()
    lists = WordLists(document)
    num_id = lists.define(list(levels), **define)
    for text, level in levels_items:
        lists.number(document.add_paragraph(text), num_id, level)
    lists.save()
    return [b.text for b in read_docx(_save(document))]


@pytest.mark.parametrize(("levels", "items", "expected"), [
    ((("decimal", "%1."), ("decimal", "%1.%2.")),
     [("Công tác chỉ đạo, điều hành", 0), ("Ban hành Kế hoạch CCHC năm 2025", 1),
      ("Tổ chức tự đánh giá, chấm điểm Chỉ số CCHC", 1), ("Cải cách thể chế", 0), ("Rà soát văn bản", 1)],
     ["1. Công tác chỉ đạo, điều hành", "1.1. Ban hành Kế hoạch CCHC năm 2025",
      "1.2. Tổ chức tự đánh giá, chấm điểm Chỉ số CCHC", "2. Cải cách thể chế", "2.1. Rà soát văn bản"]),
    ((("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")),
     [("CẢI CÁCH THỂ CHẾ", 0), ("Rà soát văn bản", 1), ("Văn bản về đất đai", 2), ("Văn bản về môi trường", 2),
      ("Theo dõi thi hành pháp luật", 1), ("CẢI CÁCH TTHC", 0), ("Số hóa hồ sơ", 1), ("Hồ sơ đất đai", 2)],
     ["I. CẢI CÁCH THỂ CHẾ", "1. Rà soát văn bản", "a) Văn bản về đất đai", "b) Văn bản về môi trường",
      "2. Theo dõi thi hành pháp luật", "II. CẢI CÁCH TTHC", "1. Số hóa hồ sơ", "a) Hồ sơ đất đai"]),
    ((("upperLetter", "%1."), ("lowerRoman", "%2."), ("decimalZero", "%3.")),
     [("NHIỆM VỤ TRỌNG TÂM", 0), ("Công tác chỉ đạo", 1), ("Kế hoạch", 2), ("Báo cáo", 2), ("Kiểm tra", 1),
      ("NHIỆM VỤ THƯỜNG XUYÊN", 0)],
     ["A. NHIỆM VỤ TRỌNG TÂM", "i. Công tác chỉ đạo", "01. Kế hoạch", "02. Báo cáo", "ii. Kiểm tra",
      "B. NHIỆM VỤ THƯỜNG XUYÊN"]),
    ((("decimal", "%1."), ("bullet", SYMBOL_BULLET), ("bullet", "+")),
     [("Số hóa hồ sơ", 0), ("Đơn vị chủ trì: Văn phòng Sở", 1), ("Báo cáo quý", 2), ("Thời gian: Quý II/2025", 1)],
     ["1. Số hóa hồ sơ", "- Đơn vị chủ trì: Văn phòng Sở", "+ Báo cáo quý", "- Thời gian: Quý II/2025"]),
    ((("decimal", "Nhiệm vụ %1:"),), [("Rà soát", 0), ("Báo cáo", 0)], ["Nhiệm vụ 1: Rà soát", "Nhiệm vụ 2: Báo cáo"]),
    ((("none", ""),), [("Không số", 0)], ["Không số"]),
])
def test_list_numbers_are_rebuilt_from_the_numbering(levels, items, expected):
    assert _listed(items, levels) == expected


def test_a_list_may_start_past_one_and_legal_numbering_writes_digits():
    assert _listed([("Bốn", 0), ("Năm", 0)], start=4) == ["4. Bốn", "5. Năm"]
    assert _listed([("Mục", 0), ("Việc", 1)], (("upperRoman", "%1."), ("decimal", "%1.%2.")), legal=True) == [
        "I. Mục", "1.1. Việc"]


def test_instances_of_one_list_continue_it_unless_restarted():
    document = Document()
    lists = WordLists(document)
    first = lists.define([("decimal", "%1.")])
    abstract = lists.abstract_of(first)
    going_on, restarted = lists.instance(abstract), lists.instance(abstract, restart_at={0: 1})
    lists.number(document.add_paragraph("Một"), first)
    lists.number(document.add_paragraph("Hai"), first)
    document.add_paragraph("Đoạn văn giữa hai danh sách")
    lists.number(document.add_paragraph("Ba"), going_on)
    lists.number(document.add_paragraph("Lại một"), restarted)
    lists.number(document.add_paragraph("Lại hai"), restarted)
    unnumbered = document.add_paragraph("Bỏ đánh số")
    lists.number(unnumbered, "0")
    lists.save()
    assert [b.text for b in read_docx(_save(document))] == [
        "1. Một", "2. Hai", "Đoạn văn giữa hai danh sách", "3. Ba", "1. Lại một", "2. Lại hai", "Bỏ đánh số"]


def test_numbers_of_a_table_column_are_counted_with_the_text_around_it():
    document = Document()
    lists = WordLists(document)
    num_id = lists.define([("decimal", "%1.")])
    lists.number(document.add_paragraph("Nhiệm vụ trong văn bản"), num_id)
    table = document.add_table(rows=2, cols=2)
    for row, task in zip(table.rows, ["Số hóa hồ sơ", "Rà soát TTHC"], strict=True):
        lists.number(row.cells[0].paragraphs[0], num_id)
        row.cells[1].text = task
    lists.save()
    paragraph, table_block = read_docx(_save(document))
    assert paragraph.text == "1. Nhiệm vụ trong văn bản"
    assert [[c.text for c in row] for row in table_block.rows] == [["2.", "Số hóa hồ sơ"], ["3.", "Rà soát TTHC"]]


def test_a_list_style_of_the_styles_part_numbers_its_paragraphs():
    """Numbering given by the paragraph's style (styles.xml pPr/numPr), the level found by the level's pStyle."""
    document = Document()
    lists = WordLists(document)
    num_id = lists.define([("decimal", "%1."), ("lowerLetter", "%2)")])
    styles = document.styles.element
    for style_id, level in (("ListNumber", None), ("ListNumber2", 1)):
        style = next(s for s in styles.iterchildren(qn("w:style")) if s.get(qn("w:styleId")) == style_id)
        num_pr = style.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_numId().val = int(num_id)
        if level is not None:
            num_pr.get_or_add_ilvl().val = level
    document.add_paragraph("Rà soát văn bản", style="List Number")
    document.add_paragraph("Văn bản về đất đai", style="List Number 2")
    document.add_paragraph("Theo dõi thi hành pháp luật", style="List Number")
    lists.save()
    assert [b.text for b in read_docx(_save(document))] == [
        "1. Rà soát văn bản", "a) Văn bản về đất đai", "2. Theo dõi thi hành pháp luật"]


def test_a_list_without_its_definition_stays_a_dash_item():
    document = Document()
    WordLists(document).number(document.add_paragraph("Báo cáo quý"), "77")
    assert [b.text for b in read_docx(_save(document))] == ["- Báo cáo quý"]


@pytest.mark.parametrize(("number", "fmt", "shown"), [
    (1, "decimal", "1"), (9, "decimalZero", "09"), (12, "decimalZero", "12"), (1, "lowerLetter", "a"),
    (26, "lowerLetter", "z"), (27, "lowerLetter", "aa"), (3, "upperLetter", "C"), (4, "lowerRoman", "iv"),
    (14, "upperRoman", "XIV"), (1990, "upperRoman", "MCMXC"), (5, "ordinalText", "5"), (2, "none", ""),
])
def test_counters_shown_in_each_format(number, fmt, shown):
    assert format_number(number, fmt) == shown
