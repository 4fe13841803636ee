"""The documented Excel template for task lists (mẫu danh sách nhiệm vụ), built with openpyxl.

One sheet, one header row, then one row per task. Column titles are read by meaning like a Word table's, so
the columns may be renamed or reordered; section rows have a roman numeral (I, II) in the first column.
"""

import io

from core import xlsx

TEMPLATE_HEADER = ["STT", "Nhiệm vụ / Nội dung thực hiện", "Cơ quan chủ trì", "Cơ quan phối hợp",
                   "Cơ quan theo dõi, đôn đốc, tổng hợp", "Kết quả của nhiệm vụ (sản phẩm)", "Thời gian thực hiện"]
TEMPLATE_EXAMPLE = [
    ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "", "", "", "", ""],
    ["1", "Ban hành Kế hoạch CCHC năm", "Văn phòng Sở", "Các phòng, đơn vị thuộc Sở", "Văn phòng Sở",
     "Kế hoạch", "Quý I/2025"],
    ["2", "Báo cáo kết quả CCHC định kỳ", "Văn phòng Sở; Thanh tra Sở", "", "Văn phòng Sở", "Báo cáo",
     "Báo cáo trước ngày 15/11"],
]


def build_template(rows: list[list[str]] | None = None) -> bytes:
    import openpyxl
    from openpyxl.styles import Alignment, Font

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Nhiệm vụ"
    xlsx.append(sheet, TEMPLATE_HEADER)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for row in TEMPLATE_EXAMPLE if rows is None else rows:
        xlsx.append(sheet, row)
    for letter, width in zip("ABCDEFG", (8, 60, 28, 28, 28, 30, 24), strict=True):
        sheet.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
