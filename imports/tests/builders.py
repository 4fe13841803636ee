"""Test files built with python-docx / openpyxl: the 2025 layout plan and the broken files users send."""

import io
import zipfile

from docx import Document

HEADER_2025 = ["STT", "Nhiệm vụ", "Sản phẩm", "Tiến độ", "Phân công và cách thức thực hiện"]


def _row(table, values):
    cells = table.add_row().cells
    for cell, value in zip(cells, values, strict=True):
        lines = value.split("\n") if value else [""]
        cell.text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    return cells


def _section_row(table, numeral, title):
    cells = table.add_row().cells
    cells[0].text = numeral
    merged = cells[1].merge(cells[4])
    merged.text = title


def _task_table(document):
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, HEADER_2025, strict=True):
        cell.text = title
    _row(table, ["(1)", "(2)", "(3)", "(4)", "(5)"])
    return table


def build_plan_2025() -> bytes:
    """A 2025 plan in the other common layout: no appendix, one task table split over two pages,
    sections merged across the columns, an assignment cell merged down over two tasks, bulleted lines."""
    document = Document()
    head = document.add_table(rows=1, cols=2)
    left, right = head.rows[0].cells
    left.text = "UBND TỈNH BÀ RỊA – VŨNG TÀU"
    left.add_paragraph("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG")
    left.add_paragraph("Số: 12/KH-STNMT")
    right.text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    right.add_paragraph("Bà Rịa – Vũng Tàu, ngày 10 tháng 01 năm 2025")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Cải cách hành chính năm 2025 của Sở Tài nguyên và Môi trường")
    document.add_paragraph("Căn cứ Kế hoạch của UBND tỉnh về cải cách hành chính năm 2025, Sở ban hành Kế hoạch như sau:")
    document.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU")
    document.add_paragraph("- Cắt giảm ít nhất 20% thông tin kê khai; 100% hồ sơ được số hóa.")
    document.add_paragraph("II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN")

    table = _task_table(document)
    _section_row(table, "I", "CẢI CÁCH THỂ CHẾ")
    _row(table, ["1", "Rà soát, hệ thống hóa văn bản quy phạm pháp luật thuộc lĩnh vực quản lý của Sở",
                 "Báo cáo kết quả rà soát", "Quý II/2025",
                 "- Đơn vị chủ trì: Thanh tra Sở\n- Đơn vị phối hợp: Các phòng, đơn vị thuộc Sở"])
    first = _row(table, ["2", "Theo dõi thi hành pháp luật trong lĩnh vực đất đai, môi trường", "Kế hoạch; Báo cáo",
                         "Tháng 6/2025", ""])
    second = _row(table, ["3", "Kiểm tra việc thực hiện văn bản quy phạm pháp luật tại các đơn vị",
                          "Biên bản kiểm tra", "Trong năm 2025", ""])
    merged = first[4].merge(second[4])
    merged.text = ("- Đơn vị chủ trì: Thanh tra Sở - Đơn vị phối hợp: Phòng Quản lý đất đai; "
                   "Phòng Quản lý môi trường")
    _section_row(table, "II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH")
    _row(table, ["1", "Rà soát, đơn giản hóa thủ tục hành chính; cắt giảm ít nhất 20% thông tin kê khai",
                 "Phương án đơn giản hóa được UBND tỉnh phê duyệt", "Quý III/2025",
                 "- Đơn vị chủ trì: Văn phòng Sở\n- Đơn vị phối hợp: Phòng, đơn vị có chức năng tham mưu giải quyết TTHC\n"
                 "- Cách thức thực hiện: rà soát theo Kế hoạch của UBND tỉnh"])
    cells = _row(table, ["2", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Báo cáo tỷ lệ số hóa",
                         "Thường xuyên",
                         "- Đơn vị chủ trì: Văn phòng Đăng ký đất đai - Đơn vị phối hợp: TTCNTT TNMT"])
    cells[1].add_paragraph("100% hồ sơ được số hóa khi tiếp nhận", style="List Bullet")
    cells[1].add_paragraph("100% kết quả được cấp bản điện tử", style="List Bullet")
    _row(table, ["3", "Duy trì hiệu quả Bộ phận một cửa, tiếp nhận hồ sơ không phụ thuộc địa giới hành chính và",
                 "Báo cáo", "Năm 2025",
                 "- Đơn vị chủ trì: Văn phòng Sở - Đơn vị phối hợp: Văn phòng Đăng ký đất đai"])
    document.add_page_break()

    table = _task_table(document)
    _row(table, ["", "hướng dẫn người dân nộp hồ sơ trực tuyến", "", "", ""])
    _section_row(table, "III", "CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ")
    _row(table, ["1", "Vận hành hệ thống quản lý văn bản và điều hành, chữ ký số", "Văn bản điện tử có chữ ký số",
                 "Theo chỉ đạo của UBND tỉnh",
                 "Trung tâm Công nghệ thông tin tài nguyên và môi trường chủ trì, phối hợp với Văn phòng Sở"])
    _row(table, ["2", "Báo cáo định kỳ công tác cải cách hành chính", "Báo cáo quý, 6 tháng, năm",
                 "Báo cáo quý I trước ngày 10/3/2025",
                 "- Đơn vị chủ trì: Văn phòng Sở\n- Đơn vị phối hợp: Các phòng, đơn vị thuộc Sở\n"
                 "- Đơn vị theo dõi, tổng hợp: Văn phòng Sở"])
    _row(table, ["", "CẢI CÁCH TỔ CHỨC BỘ MÁY", "", "", ""])
    _row(table, ["1", "Rà soát, sắp xếp tổ chức bộ máy, giảm ít nhất 15% đầu mối bên trong", "Đề án sắp xếp",
                 "Sau khi Đề án được phê duyệt",
                 "- Đơn vị chủ trì: Văn phòng Sở - Đơn vị phối hợp: Các phòng, đơn vị thuộc Sở"])

    document.add_paragraph("III. TỔ CHỨC THỰC HIỆN")
    document.add_paragraph("Các phòng, đơn vị báo cáo kết quả về Văn phòng Sở trước ngày 10 của tháng cuối quý.")
    document.add_paragraph("Nơi nhận:")
    for line in ("- UBND tỉnh (b/c);", "- Sở Nội vụ (b/c);", "- Lưu: VT, VP."):
        document.add_paragraph(line)
    document.add_paragraph("GIÁM ĐỐC")
    document.add_paragraph("Nguyễn Văn An")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def build_docx(paragraphs=(), tables=()) -> bytes:
    """A small document: paragraphs, then tables given as lists of rows."""
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    for rows in tables:
        table = document.add_table(rows=0, cols=len(rows[0]))
        for values in rows:
            _row(table, values)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def ole_file(encrypted: bool) -> bytes:
    """An OLE compound file header: a legacy .doc, or (with the EncryptionInfo stream name) a protected .docx."""
    body = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    if encrypted:
        body += "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le")
    else:
        body += "WordDocument".encode("utf-16-le")
    return body + b"\x00" * 1024


def zip_not_docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "không phải tài liệu Word")
    return buffer.getvalue()


def broken_docx() -> bytes:
    """A .docx whose document.xml is cut off half way (an interrupted download)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p>')
    return buffer.getvalue()


def build_communication_plan_2025() -> bytes:
    """A third common layout: appendix numbered in roman, a two-row header ('Đơn vị thực hiện' over
    'Chủ trì | Phối hợp'), lettered sections written across the number column, a deadline merged down."""
    document = Document()
    document.add_paragraph("Số: 07/KH-STNMT")
    document.add_paragraph("Bà Rịa – Vũng Tàu, ngày 20 tháng 02 năm 2025")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Tuyên truyền cải cách hành chính năm 2025")
    document.add_paragraph("PHỤ LỤC I")
    document.add_paragraph("Nhiệm vụ tuyên truyền cải cách hành chính năm 2025")
    document.add_paragraph("(Kèm theo Kế hoạch số 07/KH-STNMT ngày 20/02/2025 của Sở Tài nguyên và Môi trường)")
    table = document.add_table(rows=2, cols=7)
    table.style = "Table Grid"
    top, below = table.rows[0].cells, table.rows[1].cells
    for index, title in ((0, "STT"), (1, "Nội dung công việc"), (4, "Thời gian hoàn thành"), (5, "Sản phẩm dự kiến"),
                         (6, "Ghi chú")):
        top[index].merge(below[index]).text = title
    top[2].merge(top[3]).text = "Đơn vị thực hiện"
    below[2].text = "Chủ trì"
    below[3].text = "Phối hợp"

    def row(values):
        return _row(table, values)

    section = table.add_row().cells
    section[0].merge(section[6]).text = "A. TUYÊN TRUYỀN TRÊN TRANG THÔNG TIN ĐIỆN TỬ"
    first = row(["1", "Đăng tin, bài về kết quả cải cách hành chính của Sở", "Văn phòng Sở",
                 "Trung tâm Công nghệ thông tin tài nguyên và môi trường", "", "Tin, bài đăng trên Trang thông tin điện tử",
                 ""])
    second = row(["2", "Duy trì chuyên mục cải cách hành chính trên Trang thông tin điện tử", "TTCNTT TNMT",
                  "Văn phòng Sở", "", "Chuyên mục được cập nhật", "Định kỳ hằng tháng"])
    first[4].merge(second[4]).text = "Thường xuyên"
    section = table.add_row().cells
    section[0].merge(section[6]).text = "B. TUYÊN TRUYỀN TRỰC TIẾP"
    row(["1", "Niêm yết công khai thủ tục hành chính tại Bộ phận một cửa", "Văn phòng Đăng ký đất đai",
         "Các phòng, đơn vị thuộc Sở", "Quý I/2025", "Bảng niêm yết", ""])
    row(["a", "Cập nhật danh mục thủ tục hành chính mới công bố", "Văn phòng Sở", "", "Trong thời hạn 05 ngày làm "
         "việc kể từ ngày Quyết định công bố có hiệu lực", "Danh mục được cập nhật", ""])
    row(["b", "Lồng ghép tuyên truyền cải cách hành chính trong hội nghị giao ban", "Văn phòng Sở",
         "Các phòng, đơn vị thuộc Sở", "Theo chỉ đạo của UBND tỉnh", "Thông báo kết luận", ""])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
