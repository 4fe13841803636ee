"""The workbook helper on its own: numbers stay numbers, headers frozen and repeated, print settings."""

from decimal import Decimal

from documents.excel import PERCENT, SCORE, Column, Row, Workbook, sheet_name
from documents.tests.readback import find_row, workbook

YEARS = [Column("TT", 5), Column("Chỉ số thành phần", 40), Column("Điểm", 10, SCORE), Column("Tối đa", 10, SCORE),
         Column("Tỷ lệ (%)", 10, PERCENT)]


def seed_table() -> bytes:
    book = Workbook()
    book.table("Điểm 2023", title=["KẾT QUẢ CHỈ SỐ CCHC NĂM 2023", "Sở Tài nguyên và Môi trường"], columns=YEARS, rows=[
        ["1", "Công tác chỉ đạo điều hành CCHC", Decimal("9.5"), Decimal("12.5"), Decimal("76.00")],
        ["7", "Chính quyền điện tử, chính quyền số", Decimal("9.376"), Decimal("11"), Decimal("85.24")],
        Row(["", "Tổng điểm", Decimal("87.225"), Decimal("100"), None], bold=True),
    ])
    book.table("Điểm 2023", title=["Bảng thứ hai"], columns=[Column("A", 10)], rows=[["x"]])
    return book.to_bytes()


def test_numbers_are_numbers_and_text_keeps_diacritics():
    book = workbook(seed_table())
    sheet = book["Điểm 2023"]
    row = find_row(sheet, "Chính quyền điện tử, chính quyền số")
    assert row[2] == 9.376 and isinstance(row[2], float)
    assert row[3] == 11 and isinstance(row[3], int)
    total = find_row(sheet, "Tổng điểm")
    assert total[2] == 87.225
    assert sheet["A1"].value == "KẾT QUẢ CHỈ SỐ CCHC NĂM 2023" and sheet["A1"].font.bold
    header = find_row(sheet, "Chỉ số thành phần")
    assert header == ("TT", "Chỉ số thành phần", "Điểm", "Tối đa", "Tỷ lệ (%)")


def test_header_is_frozen_repeated_on_print_and_pages_are_a4():
    sheet = workbook(seed_table())["Điểm 2023"]
    assert sheet.freeze_panes == "A5"
    assert sheet.print_title_rows == "$4:$4"
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4 == "9"
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.column_dimensions["B"].width == 40
    assert sheet["C6"].number_format == "0.0##"


def test_sheet_names_are_unique_and_valid():
    book = workbook(seed_table())
    assert book.sheetnames == ["Điểm 2023", "Điểm 2023 (2)"]
    assert sheet_name("Kế hoạch 05/KH-STNMT: phụ lục [1]", set()) == "Kế hoạch 05-KH-STNMT- phụ lục -"


def test_rows_with_long_text_are_tall_enough_to_show_it_whole():
    book = Workbook()
    long_task = ("Đẩy nhanh tiến độ, chất lượng thực hiện các nhiệm vụ được giao tại Quyết định số 3775/QĐ-UBND "
                 "ngày 28/12/2023 của Chủ tịch UBND tỉnh về việc ban hành Kế hoạch CCHC nhà nước tỉnh năm 2024")
    book.table("Nhiệm vụ", title=["NHIỆM VỤ"], columns=[Column("TT", 5), Column("Nhiệm vụ", 40)],
               rows=[["1", "Ngắn"], ["2", long_task]])
    sheet = workbook(book.to_bytes()).active
    assert sheet["B4"].value == "Ngắn" and sheet["B5"].value == long_task  # title, blank line, header, rows
    assert sheet.row_dimensions[4].height < sheet.row_dimensions[5].height
    assert sheet.row_dimensions[5].height >= 15 * 3
