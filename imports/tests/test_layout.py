"""Header wording, assignment cells and continuation joins, with the seed's and the 2025 plan's own strings."""

import pytest

from imports.docx_reader import Block, Cell
from imports.header import guess_plan_kind
from imports.layout import (
    classify_header_cell,
    detect_columns,
    extract_plan,
    join_text,
)


@pytest.mark.parametrize("text, field", [
    ("TT Tiêu chí", "code"),
    ("STT", "code"),
    ("Nhiệm vụ / Nội dung thực hiện", "content"),
    ("Nhiệm vụ", "content"),
    ("Cơ quan chủ trì tham mưu, tổ chức thực hiện", "lead"),
    ("Cơ quan chủ trì tham muru, tổ chức thực hiện", "lead"),  # the seed's own typo on a repeated header
    ("Cơ quan phối hợp", "coordinating"),
    ("Cơ quan theo dõi, đôn đốc, tổng hợp", "monitoring"),
    ("Kết quả của nhiệm vụ", "product"),
    ("Sản phẩm", "product"),
    ("Thời gian thực hiện", "deadline"),
    ("Tiến độ", "deadline"),
    ("THỜI GIAN HOÀN THÀNH", "deadline"),
    ("Phân công và cách thức thực hiện", "assignment"),
    ("Chỉ số thành phần", None),
    ("Năm 2019", None),
])
def test_header_cells_are_read_by_meaning(text, field):
    assert classify_header_cell(text) == field


def test_both_layouts_map_to_fields_and_a_score_table_does_not():
    seed = ["TT Tiêu chí", "Nhiệm vụ / Nội dung thực hiện", "Cơ quan chủ trì tham mưu, tổ chức thực hiện",
            "Cơ quan phối hợp", "Cơ quan theo dõi, đôn đốc, tổng hợp", "Kết quả của nhiệm vụ", "Thời gian thực hiện"]
    assert detect_columns(seed) == {"code": 0, "content": 1, "lead": 2, "coordinating": 3, "monitoring": 4,
                                    "product": 5, "deadline": 6}
    other = ["STT", "Nhiệm vụ", "Sản phẩm", "Tiến độ", "Phân công và cách thức thực hiện"]
    assert detect_columns(other) == {"code": 0, "content": 1, "product": 2, "deadline": 3, "assignment": 4}
    scores = ["TT", "Chỉ số thành phần", "Năm 2019", "Năm 2020", "Năm 2021", "Năm 2022", "Năm 2023"]
    assert detect_columns(scores) is None


@pytest.mark.parametrize("before, more, joined", [
    ("Khi được giao", "tham mưu đề xuất, cơ quan có thẩm quyền", "Khi được giao tham mưu đề xuất, cơ quan có thẩm quyền"),
    ("- Trung tâm Công nghệ thông tin", "- Trung tâm Kỹ thuật", "- Trung tâm Công nghệ thông tin\n- Trung tâm Kỹ thuật"),
    ("Tất cả báo cáo đầy đủ các nội dung.", "Báo cáo năm", "Tất cả báo cáo đầy đủ các nội dung.\nBáo cáo năm"),
    ("", "Chính phủ.", "Chính phủ."),
])
def test_a_row_split_over_pages_joins_back(before, more, joined):
    assert join_text(before, more) == joined


def _table(*rows):
    return Block("table", rows=[[Cell(v) for v in row] for row in rows])


def test_split_table_repeated_header_and_continuation_row_make_one_task():
    header = ["TT Tiêu chí", "Nhiệm vụ / Nội dung thực hiện", "Cơ quan chủ trì tham mưu, tổ chức thực hiện",
              "Cơ quan phối hợp", "Cơ quan theo dõi, đôn đốc, tổng hợp", "Kết quả của nhiệm vụ", "Thời gian thực hiện"]
    blocks = [
        Block("paragraph", text="PHỤ LỤC 1"),
        Block("paragraph", text="Nhiệm vụ, giải pháp nâng cao Chỉ số PAR INDEX của tỉnh"),
        Block("paragraph", text="(Ban hành kèm theo"),
        Block("paragraph", text="ngày tháng năm 2024 của Sở Tài nguyên và Môi trường)"),
        _table(header, ["II", "CẢI CÁCH THỂ CHẾ", "", "", "", "", ""],
               ["1", "Thực hiện đúng các quy định trong công tác xây dựng, kiểm tra và xử lý văn bản quy phạm pháp "
                     "luật (VBQPPL). Khi được giao", "Các phòng, đơn vị thuộc Sở", "", "Thanh tra Sở",
                "Báo cáo kết quả thực hiện", "Năm 2024"]),
        _table(header, ["", "tham mưu đề xuất, cơ quan có thẩm quyền ban hành VBQPPL phải phối hợp chặt chẽ với Sở Tư "
                            "pháp, Phòng Tư pháp, UBND cấp huyện để thực hiện đúng trình tự, thủ tục theo quy định.",
                        "", "", "", "", ""],
               ["2", "Khi tham mưu xây dựng chính sách phải đảm bảo khả thi và đúng quy định",
                "Các phòng, đơn vị thuộc Sở", "", "Thanh tra Sở", "Báo cáo kết quả thực hiện", "Năm 2024"]),
    ]
    plan = extract_plan(blocks)
    (appendix,) = plan.appendices
    assert appendix.number == "1" and appendix.title == "Nhiệm vụ, giải pháp nâng cao Chỉ số PAR INDEX của tỉnh"
    assert appendix.issued_with == "(Ban hành kèm theo ngày tháng năm 2024 của Sở Tài nguyên và Môi trường)"
    (section,) = appendix.sections
    assert (section.numeral, section.title) == ("II", "CẢI CÁCH THỂ CHẾ")
    assert [t.code for t in section.tasks] == ["1", "2"]
    assert section.tasks[0].content.endswith("Khi được giao tham mưu đề xuất, cơ quan có thẩm quyền ban hành VBQPPL "
                                             "phải phối hợp chặt chẽ với Sở Tư pháp, Phòng Tư pháp, UBND cấp huyện để "
                                             "thực hiện đúng trình tự, thủ tục theo quy định.")


def test_codes_make_a_tree_and_heading_rows_are_marked():
    header = ["STT", "Nhiệm vụ / Nội dung thực hiện", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]
    plan = extract_plan([_table(
        header,
        ["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", "", "", ""],
        ["1.1", "Xây dựng và thực hiện Kế hoạch CCHC hàng năm", "", "", ""],
        ["1.1.1", "Ban hành Kế hoạch CCHC", "Văn phòng Sở", "Các phòng, đơn vị thuộc Sở", ""],
        ["1.2.1", "Đầy đủ số lượng báo cáo định kỳ", "Văn phòng Sở", "", "BC năm trước 15/11"],
    )])
    # No roman section above it: the first row is the section, the next a group heading within it.
    (section,) = plan.appendices[0].sections
    assert (section.numeral, section.title) == ("1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH")
    tasks = plan.tasks
    assert [(t.code, t.is_heading) for t in tasks] == [("1.1", True), ("1.1.1", False), ("1.2.1", False)]
    assert "Thiếu thời gian thực hiện." in tasks[1].warnings
    assert "Không thấy mục cha 1.2 của 1.2.1." in tasks[2].warnings
    assert tasks[0].warnings == []


def test_under_a_roman_section_numbered_titles_are_group_headings():
    header = ["STT", "Nhiệm vụ / Nội dung thực hiện", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]
    plan = extract_plan([_table(
        header,
        ["I", "NHIỆM VỤ CẦN DUY TRÌ VÀ NÂNG CAO", "", "", ""],
        ["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", "", "", ""],
        ["1.1", "Xây dựng và thực hiện Kế hoạch CCHC hàng năm", "", "", ""],
        ["1.1.1", "Ban hành Kế hoạch CCHC", "Văn phòng Sở", "Các phòng, đơn vị thuộc Sở", "Quý I/2024"],
    )])
    (section,) = plan.appendices[0].sections
    assert section.numeral == "I"
    assert [(t.code, t.is_heading) for t in plan.tasks] == [("1", True), ("1.1", True), ("1.1.1", False)]


def test_plan_header_from_the_seed_lines():
    plan = extract_plan([
        Block("paragraph", text="Số: 05/KH-STNMT"),
        Block("paragraph", text="Bà Rịa – Vũng Tàu, ngày 05 tháng 01 năm 2024"),
        Block("paragraph", text="KẾ HOẠCH"),
        Block("paragraph", text="Duy trì, cải thiện và nâng cao Chỉ số cải cách hành chính (PAR INDEX) năm 2024"),
    ])
    header = plan.header
    assert (header["number"], header["symbol"], header["place"]) == ("05", "KH-STNMT", "Bà Rịa – Vũng Tàu")
    assert header["issue_date"].isoformat() == "2024-01-05" and header["year"] == 2024
    assert header["title"].startswith("Duy trì, cải thiện") and plan.appendices == []


@pytest.mark.parametrize("title, kind", [
    ("Duy trì, cải thiện và nâng cao Chỉ số cải cách hành chính (PAR INDEX), Chỉ số hài lòng (SIPAS) năm 2024", "index"),
    ("Cải cách hành chính năm 2025 của Sở Tài nguyên và Môi trường", "yearly"),
    ("Tuyên truyền cải cách hành chính năm 2025", "communication"),
    ("Kiểm tra công tác cải cách hành chính năm 2025", "inspection"),
    ("Phòng, chống thiên tai", "other"),
])
def test_plan_kind_from_title(title, kind):
    assert guess_plan_kind(title) == kind


def test_two_row_header_names_lead_and_coordinating_under_one_heading():
    plan = extract_plan([_table(
        ["TT", "Nội dung", "Đơn vị thực hiện", "", "Thời gian hoàn thành", "Sản phẩm"],
        ["", "", "Chủ trì", "Phối hợp", "", ""],
        ["1", "Ban hành kế hoạch", "Văn phòng Sở", "Thanh tra Sở", "Quý I/2025", "Kế hoạch"],
    )])
    (task,) = plan.tasks
    assert (task.lead_text, task.coordinating_text, task.deadline_text, task.product) == (
        "Văn phòng Sở", "Thanh tra Sở", "Quý I/2025", "Kế hoạch")


def test_a_sheets_own_header_above_its_task_table_is_the_plans_header():
    """An Excel plan (the held-out `ke-hoach-dti-2025-bang-tinh`): agency, number, date and title in the rows above
    the task table's header, in the same table."""
    plan = extract_plan([_table(
        ["SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "", "", "Độc lập - Tự do - Hạnh phúc"],
        ["Số: 61/KH-STNMT", "", "", "Bà Rịa – Vũng Tàu, ngày 14 tháng 4 năm 2025"],
        ["KẾ HOẠCH", "", "", ""],
        ["Nâng cao Chỉ số chuyển đổi số (DTI) năm 2025", "", "", ""],
        ["TT", "Nội dung công việc", "Đơn vị chủ trì", "Thời gian hoàn thành"],
        ["1", "Tuyên truyền về chuyển đổi số", "Văn phòng Sở", "Hằng tháng"],
    )])
    header = plan.header
    assert (header["number"], header["symbol"], header["issue_date"].isoformat(), header["year"], header["title"]) == (
        "61", "KH-STNMT", "2025-04-14", 2025, "Nâng cao Chỉ số chuyển đổi số (DTI) năm 2025")
    assert [t.content for t in plan.tasks] == ["Tuyên truyền về chuyển đổi số"]


def test_table_without_number_column():
    plan = extract_plan([_table(
        ["Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"],
        ["CẢI CÁCH THỂ CHẾ", "", "", ""],
        ["Rà soát văn bản", "Thanh tra Sở", "", "Quý II/2025"],
        ["và báo cáo kết quả", "", "", ""],
        ["Kiểm tra", "Văn phòng Sở", "", "Tháng 6/2025"],
    )])
    sections = plan.appendices[0].sections
    assert sections[-1].title == "CẢI CÁCH THỂ CHẾ"
    assert [t.content for t in plan.tasks] == ["Rà soát văn bản và báo cáo kết quả", "Kiểm tra"]


def test_numbered_title_across_the_row_and_lettered_items():
    plan = extract_plan([_table(
        ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Ghi chú"],
        ["(1)", "(2)", "(3)", "(4)", "(5)"],
        ["A. NHIỆM VỤ TRỌNG TÂM", "", "", "", ""],
        ["1.", "Ban hành kế hoạch", "Văn phòng Sở", "Quý I/2025", "trình Giám đốc ký"],
        ["a)", "Dự thảo kế hoạch", "Văn phòng Sở", "Tháng 1/2025", ""],
    )])
    (section,) = plan.appendices[0].sections
    assert (section.numeral, section.title) == ("A", "NHIỆM VỤ TRỌNG TÂM")
    assert [(t.code, t.content, t.deadline_text) for t in section.tasks] == [
        ("1", "Ban hành kế hoạch", "Quý I/2025"), ("a", "Dự thảo kế hoạch", "Tháng 1/2025")]


def test_odd_tables_never_break_the_reader():
    """Uneven rows, empty tables, header-only tables and shuffled seed strings: read without raising."""
    import random

    words = ["TT", "STT", "I", "1", "1.1", "a)", "", "Nhiệm vụ", "Cơ quan chủ trì", "Phối hợp", "Thời gian thực hiện",
             "Văn phòng Sở", "CẢI CÁCH THỂ CHẾ", "- Đơn vị chủ trì: Thanh tra Sở", "(1)", "Năm 2024", "tiếp theo"]
    rng = random.Random(2024)
    for _ in range(300):
        tables = []
        for _ in range(rng.randint(0, 3)):
            width = rng.randint(1, 8)
            rows = [[rng.choice(words) for _ in range(rng.randint(0, width))] for _ in range(rng.randint(0, 8))]
            tables.append(Block("table", rows=[[Cell(v, merged_above=rng.random() < 0.1) for v in r] for r in rows]))
        blocks = [Block("paragraph", text=rng.choice(["PHỤ LỤC 2", "KẾ HOẠCH", "Số: /KH", "Nơi nhận:", "- Lưu: VT"]))]
        plan = extract_plan(blocks + tables)
        assert all(task.source for task in plan.tasks)


@pytest.mark.parametrize("line, number, title", [
    ("PHỤ LỤC 2", "2", "Nhiệm vụ cần cải thiện"),
    ("Phụ lục số 01", "01", "Nhiệm vụ cần cải thiện"),
    ("PHỤ LỤC I: NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2025", "I",
     "NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2025 Nhiệm vụ cần cải thiện"),
    ("BIỂU", "", "Nhiệm vụ cần cải thiện"),  # a commune's or a district's attached table
    ("Biểu số 02", "02", "Nhiệm vụ cần cải thiện"),
])
def test_appendix_headings(line, number, title):
    header = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian thực hiện"]
    plan = extract_plan([Block("paragraph", text=line), Block("paragraph", text="Nhiệm vụ cần cải thiện"),
                         _table(header, ["1", "Ban hành kế hoạch", "Văn phòng Sở", "Quý I/2025"])])
    (appendix,) = plan.appendices
    assert (appendix.number, appendix.title) == (number, title)


def test_biểu_mẫu_in_a_sentence_is_no_appendix():
    plan = extract_plan([Block("paragraph", text="Biểu mẫu báo cáo theo Thông tư số 01/2024/TT-BNV."),
                         _table(["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian thực hiện"],
                                ["1", "Ban hành kế hoạch", "Văn phòng Sở", "Quý I/2025"])])
    assert len(plan.appendices) == 1 and plan.appendices[0].title == ""


def test_a_dash_row_ending_with_a_colon_heads_the_plus_rows_under_it():
    plan = extract_plan([_table(
        ["TT", "Nội dung nhiệm vụ", "Cơ quan thực hiện", "Thời gian thực hiện"],
        ["I", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", ""],
        ["-", "Rà soát thủ tục hành chính", "Văn phòng Sở", "Quý II/2025"],
        ["-", "Thực hiện cơ chế một cửa, một cửa liên thông:", "", ""],
        ["+", "Tiếp nhận hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh", "Văn phòng Sở", "Thường xuyên"],
        ["+", "Xin lỗi người dân đối với hồ sơ quá hạn", "Thanh tra Sở", "Khi phát sinh"],
    )])
    assert [(t.content[:20], t.is_heading) for t in plan.tasks] == [
        ("Rà soát thủ tục hành", False), ("Thực hiện cơ chế một", True), ("Tiếp nhận hồ sơ tại ", False),
        ("Xin lỗi người dân đố", False)]
    assert not plan.tasks[1].warnings  # a heading needs no unit or deadline


def test_a_task_handed_over_in_a_giao_sentence_of_its_own():
    """A commune's task whose assignment and deadline are one sentence after it: 'Giao … chủ trì, phối hợp …
    thực hiện; thời gian hoàn thành: Thường xuyên.' — read as its labelled lines; the note after it is no task."""
    lines = ["II. NHIỆM VỤ TRỌNG TÂM",
             "1. Niêm yết, công khai đầy đủ thủ tục hành chính thuộc thẩm quyền giải quyết của cấp xã.",
             "Giao công chức Tư pháp – Hộ tịch chủ trì, phối hợp công chức Văn phòng – Thống kê thực hiện; thời gian "
             "hoàn thành: Thường xuyên.",
             "Các nhiệm vụ khác tại Biểu kèm theo Kế hoạch này.",
             "III. TỔ CHỨC THỰC HIỆN",
             "1. Công chức Văn phòng – Thống kê là đầu mối theo dõi, tổng hợp, báo cáo UBND huyện."]
    known = {"cong chuc tu phap ho tich", "cong chuc van phong thong ke"}
    plan = extract_plan([Block("paragraph", text=line) for line in lines], known_units=known)
    (task,) = plan.tasks
    assert task.content == "Niêm yết, công khai đầy đủ thủ tục hành chính thuộc thẩm quyền giải quyết của cấp xã."
    assert (task.lead_text, task.coordinating_text, task.deadline_text, task.method) == (
        "công chức Tư pháp – Hộ tịch", "công chức Văn phòng – Thống kê", "Thường xuyên", "")
