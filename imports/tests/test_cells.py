"""Reading who does a task and how, with the cells of the seed plans (000: a 2024 index plan; 004: Khánh Hòa's 2025
plan with its 'Phân công và cách thức thực hiện' column) and the issue's own strings."""

import pytest

from imports.cells import is_outside_body, is_vague, read_assignment, split_deadline_marks, split_marks
from imports.row_checks import (
    METHOD_NAMES_UNITS,
    field_warnings,
    needs_units,
    parse_participants,
    participants_text,
    replace_vague,
)
from org.names import normalize_name

L, C, M = "lead", "coordinating", "monitoring"

# cell, the column's role (None: the column assigns roles itself), lead, coordinating, monitoring, outside, method
CASES = [
    # Labelled lines (004).
    ("- Đơn vị chủ trì: Văn phòng Sở - Đơn vị phối hợp: Các phòng, đơn vị thuộc Sở", None,
     ["Văn phòng Sở"], ["Các phòng, đơn vị thuộc Sở"], [], [], []),
    ("- Đơn vị chủ trì: Thanh tra Sở\n- Đơn vị phối hợp: Phòng Quản lý đất đai; Phòng Quản lý môi trường\n"
     "- Đơn vị theo dõi, tổng hợp: Văn phòng Sở", None,
     ["Thanh tra Sở"], ["Phòng Quản lý đất đai", "Phòng Quản lý môi trường"], ["Văn phòng Sở"], [], []),
    ("- Cơ quan chủ trì: Văn phòng Sở\n- Cách thức thực hiện: lồng ghép trong hội nghị giao ban", None,
     ["Văn phòng Sở"], [], [], [], ["lồng ghép trong hội nghị giao ban"]),
    ("Chủ trì: Văn phòng Sở; Phối hợp: Sở Nội vụ, Thanh tra Sở", None,
     ["Văn phòng Sở"], ["Thanh tra Sở"], [], [(C, "Sở Nội vụ")], []),
    # Prose (004 and the issue).
    ("Trung tâm Công nghệ thông tin tài nguyên và môi trường chủ trì, phối hợp với Văn phòng Sở", None,
     ["Trung tâm Công nghệ thông tin tài nguyên và môi trường"], ["Văn phòng Sở"], [], [], []),
    ("Văn phòng Sở chủ trì, phối hợp với các đơn vị có liên quan xây dựng Đề án, gửi Sở Nội vụ thẩm định, trình UBND "
     "tỉnh", None, ["Văn phòng Sở"], ["các đơn vị có liên quan"], [], [],
     ["xây dựng Đề án, gửi Sở Nội vụ thẩm định, trình UBND tỉnh"]),
    ("Văn phòng Sở triển khai theo Đề án được phê duyệt", None,
     ["Văn phòng Sở"], [], [], [], ["triển khai theo Đề án được phê duyệt"]),
    ("Văn phòng Sở thực hiện.", None, ["Văn phòng Sở"], [], [], [], []),
    ("Văn phòng Sở chủ trì; các phòng đơn vị phối hợp.", None, ["Văn phòng Sở"], ["các phòng đơn vị"], [], [], []),
    ("Văn phòng Sở chủ trì; các phòng, đơn vị thuộc Sở phối hợp", None,
     ["Văn phòng Sở"], ["các phòng, đơn vị thuộc Sở"], [], [], []),
    ("TTCNTT TNMT chủ trì thực hiện. Các phòng, đơn vị phối hợp.", None,
     ["TTCNTT TNMT"], ["Các phòng, đơn vị"], [], [], []),
    ("Văn phòng Sở chủ trì, Các phòng, đơn vị, tổ chức triển khai thực hiện", None,
     ["Văn phòng Sở"], ["Các phòng, đơn vị"], [], [], []),
    ("Các phòng, đơn vị, tổ chức triển khai thực hiện", None, ["Các phòng, đơn vị"], [], [], [], []),
    ("- Các phòng thuộc Sở chủ động rà soát, đề xuất tái cấu trúc các TTHC, dịch vụ công - Văn phòng Sở tổng hợp, "
     "trình cấp có thẩm quyền quyết định.", None, ["Các phòng thuộc Sở"], [], ["Văn phòng Sở"], [],
     ["chủ động rà soát, đề xuất tái cấu trúc các TTHC, dịch vụ công", "trình cấp có thẩm quyền quyết định"]),
    ("Văn phòng Sở, Các phòng, đơn vị liên quan trong việc sáp nhập chủ trì nghiên cứu triển khai", None,
     ["Văn phòng Sở", "Các phòng, đơn vị liên quan trong việc sáp nhập"], [], [], [], ["nghiên cứu triển khai"]),
    ("Phòng Đo đạc Bản đồ; Chi Cục Quản lý đất đai phối hợp với các cơ quan có liên quan (khi có yêu cầu)", None,
     ["Phòng Đo đạc Bản đồ", "Chi Cục Quản lý đất đai"], ["các cơ quan có liên quan"], [], [], ["khi có yêu cầu"]),
    # A column of its own role (000).
    ("Trung tâm Công nghệ thông tin tài nguyên và môi trường chủ trì theo dõi đôn đốc; phối hợp cùng Tổ kiểm tra công "
     "vụ Sở kiểm tra báo cáo", M, [], [], ["Trung tâm Công nghệ thông tin tài nguyên và môi trường"],
     [(M, "Tổ kiểm tra công vụ Sở")], ["kiểm tra báo cáo"]),
    ("Văn phòng Sở; Thanh tra Sở; Phòng Kế hoạch – Tài chính; Trung tâm Công nghệ thông tin tài nguyên và môi trường "
     "chủ trì tham mưu nội dung theo chức năng được giao", L,
     ["Văn phòng Sở", "Thanh tra Sở", "Phòng Kế hoạch – Tài chính",
      "Trung tâm Công nghệ thông tin tài nguyên và môi trường"], [], [], [],
     ["tham mưu nội dung theo chức năng được giao"]),
    ("Tất cả các phòng, đơn vị thuộc sở (lưu ý đảm bảo thời gian thực hiện và báo cáo đầy đủ nội dung theo đề cương "
     "quy định)", L, ["Tất cả các phòng, đơn vị thuộc sở"], [], [], [],
     ["lưu ý đảm bảo thời gian thực hiện và báo cáo đầy đủ nội dung theo đề cương quy định"]),
    ("Văn phòng Sở triển khai, tổng hợp", M, [], [], ["Văn phòng Sở"], [], []),
    ("Phòng, đơn vị có chức năng tham mưu giải quyết TTHC", L,
     ["Phòng, đơn vị có chức năng tham mưu giải quyết TTHC"], [], [], [], []),
    ("Thanh tra Sở, các phòng, đơn vị thuộc Sở báo cáo theo lĩnh vực phụ trách.", L,
     ["Thanh tra Sở", "các phòng, đơn vị thuộc Sở"], [], [], [], ["báo cáo theo lĩnh vực phụ trách"]),
    ("- Thanh tra Sở;\n- Phòng Quản lý Biển đảo và Tài nguyên nước, Khoáng sản;\n- Phòng Quản lý đất đai;", L,
     ["Thanh tra Sở", "Phòng Quản lý Biển đảo và Tài nguyên nước, Khoáng sản", "Phòng Quản lý đất đai"], [], [], [],
     []),
    ("Sở Tư pháp, Phòng Tư pháp, UBND cấp huyện", C, [], [], [],
     [(C, "Sở Tư pháp"), (C, "Phòng Tư pháp"), (C, "UBND cấp huyện")], []),
    # 'phối hợp' followed by a verb names no partner.
    ("Văn phòng Sở chủ trì, phối hợp tổ chức hội nghị", None, ["Văn phòng Sở"], [], [], [],
     ["phối hợp tổ chức hội nghị"]),
    # The third held-out batch: the word that assigns, two units joined by 'và', 'dự thảo' ending a name.
    ("Giao Văn phòng Sở chủ trì, phối hợp các phòng chuyên môn dự thảo Quyết định công bố", None,
     ["Văn phòng Sở"], ["các phòng chuyên môn"], [], [], ["dự thảo Quyết định công bố"]),
    ("Văn phòng Đăng ký đất đai và Trung tâm Công nghệ thông tin tài nguyên và môi trường thực hiện", None,
     ["Văn phòng Đăng ký đất đai", "Trung tâm Công nghệ thông tin tài nguyên và môi trường"], [], [], [], []),
    ("Thanh tra Sở chủ trì; Văn phòng Sở và các phòng, đơn vị có liên quan phối hợp", None,
     ["Thanh tra Sở"], ["Văn phòng Sở", "các phòng, đơn vị có liên quan"], [], [], []),
    ("Phòng Quản lý đất đai, Phòng Quản lý môi trường thực hiện; Văn phòng Sở tổng hợp", None,
     ["Phòng Quản lý đất đai", "Phòng Quản lý môi trường"], [], ["Văn phòng Sở"], [], []),
    ("Đề nghị Công an tỉnh phối hợp", None, [], [], [], [(C, "Công an tỉnh")], []),
    # Names holding 'và' themselves stay whole.
    ("Sở Tài nguyên và Môi trường; Phòng Quản lý Biển đảo và Tài nguyên nước, Khoáng sản", C,
     [], ["Phòng Quản lý Biển đảo và Tài nguyên nước, Khoáng sản"], [], [(C, "Sở Tài nguyên và Môi trường")], []),
]

# A district's plan (the held-out `ke-hoach-cchc-2025-huyen-chau-duc`), read with the district's own names.
DISTRICT = frozenset(normalize_name(n) for n in (
    "Văn phòng HĐND và UBND huyện", "Phòng Nội vụ", "Phòng Tư pháp", "Phòng Tài chính – Kế hoạch",
    "Phòng Tài nguyên và Môi trường", "Phòng Kinh tế", "Phòng Văn hóa và Thông tin",
    "Trung tâm Văn hóa, Thông tin và Thể thao huyện", "Các cơ quan chuyên môn thuộc UBND huyện",
    "UBND các xã, thị trấn"))
DISTRICT_CASES = [
    # 'phối hợp' without 'với': the partner follows the verb.
    ("Văn phòng HĐND và UBND huyện chủ trì, phối hợp các cơ quan chuyên môn thuộc UBND huyện",
     ["Văn phòng HĐND và UBND huyện"], ["các cơ quan chuyên môn thuộc UBND huyện"], [], []),
    ("Phòng Nội vụ chủ trì, phối hợp UBND các xã, thị trấn xây dựng Đề án, trình UBND tỉnh",
     ["Phòng Nội vụ"], ["UBND các xã, thị trấn"], [], ["xây dựng Đề án, trình UBND tỉnh"]),
    # Two known names listed after 'phối hợp với', then the method.
    ("Phòng Nội vụ chủ trì, phối hợp với Phòng Tư pháp, Phòng Tài chính – Kế hoạch thẩm định kết quả tự đánh giá",
     ["Phòng Nội vụ"], ["Phòng Tư pháp", "Phòng Tài chính – Kế hoạch"], [], ["thẩm định kết quả tự đánh giá"]),
    # A branch of a body that is not the district's, and a vertical body of the state: outside.
    ("Phòng Tài nguyên và Môi trường chủ trì; Chi nhánh Văn phòng Đăng ký đất đai huyện Châu Đức phối hợp",
     ["Phòng Tài nguyên và Môi trường"], [], [(C, "Chi nhánh Văn phòng Đăng ký đất đai huyện Châu Đức")], []),
    ("Công an huyện chủ trì, phối hợp với UBND các xã, thị trấn", [], ["UBND các xã, thị trấn"],
     [(L, "Công an huyện")], []),
    # A comma inside a name ('Trung tâm Văn hóa, Thông tin và Thể thao') and between two.
    ("Phòng Văn hóa và Thông tin, Trung tâm Văn hóa, Thông tin và Thể thao huyện",
     ["Phòng Văn hóa và Thông tin", "Trung tâm Văn hóa, Thông tin và Thể thao huyện"], [], [], []),
]


@pytest.mark.parametrize(("cell", "column", "lead", "coordinating", "monitoring", "outside", "method"), CASES,
                         ids=[c[0][:60] for c in CASES])
def test_cells_split_into_roles_outside_bodies_and_method(cell, column, lead, coordinating, monitoring, outside,
                                                          method):
    read = read_assignment(cell, column)
    assert (read.lead, read.coordinating, read.monitoring) == (lead, coordinating, monitoring)
    assert read.outside == outside
    assert read.method == method


@pytest.mark.parametrize(("cell", "lead", "coordinating", "outside", "method"), DISTRICT_CASES,
                         ids=[c[0][:60] for c in DISTRICT_CASES])
def test_a_districts_cells_read_with_its_own_names(cell, lead, coordinating, outside, method):
    read = read_assignment(cell, None, DISTRICT)
    assert (read.lead, read.coordinating, read.monitoring, read.outside, read.method) == (
        lead, coordinating, [], outside, method)


@pytest.mark.parametrize(("name", "vague"), [
    ("Các phòng, đơn vị có liên quan", True),
    ("các cơ quan có liên quan", True),
    ("Các phòng, đơn vị liên quan trong việc sáp nhập", True),
    ("Các phòng, đơn vị thuộc Sở", False),
    ("Các phòng, đơn vị", False),
])
def test_vague_phrases(name, vague):
    assert is_vague(name) is vague


@pytest.mark.parametrize(("name", "outside"), [
    ("Sở Nội vụ", True), ("UBND tỉnh", True), ("Ủy ban nhân dân tỉnh", True), ("Tổ kiểm tra công vụ Sở", True),
    ("Văn phòng UBND tỉnh", True), ("Bộ Tài nguyên và Môi trường", True), ("Đoàn kiểm tra CCHC", True),
    ("Văn phòng Sở", False), ("Thanh tra Sở", False), ("Bộ phận một cửa", False), ("Chi cục Quản lý đất đai", False),
    ("Trung tâm Phục vụ hành chính công tỉnh", True),
])
def test_outside_bodies(name, outside):
    assert is_outside_body(name) is outside


@pytest.mark.parametrize(("name", "known", "outside"), [
    ("Chi nhánh Văn phòng Đăng ký đất đai huyện Châu Đức", DISTRICT, True),
    ("Chi nhánh Văn phòng Đăng ký đất đai huyện Châu Đức", {"van phong dang ky dat dai"}, False),
    ("các Chi nhánh Văn phòng Đăng ký Đất đai", {"van phong dang ky dat dai"}, False),  # seed 004's own branches
])
def test_a_branch_is_the_departments_own_when_its_unit_is(name, known, outside):
    assert is_outside_body(name, known) is outside


def test_the_departments_own_name_is_never_outside():
    assert is_outside_body("Sở Tài nguyên và Môi trường")
    assert not is_outside_body("Sở Tài nguyên và Môi trường", known={"so tai nguyen va moi truong"})


@pytest.mark.parametrize(("text", "cleaned", "marks"), [
    ("theo quy định ² , đảm bảo thực hiện", "theo quy định, đảm bảo thực hiện", ["2"]),
    ("theo quy định¹, đảm bảo", "theo quy định, đảm bảo", ["1"]),
    ("Ban hành Kế hoạch³⁴", "Ban hành Kế hoạch", ["34"]),
    ("diện tích 100 m² đất", "diện tích 100 m² đất", []),
])
def test_footnote_marks_are_taken_out(text, cleaned, marks):
    assert split_marks(text) == (cleaned, marks)


def test_a_deadline_keeps_its_mark_after_the_year():
    assert split_deadline_marks("Báo cáo năm trước ngày 15/11/2024 4") == ("Báo cáo năm trước ngày 15/11/2024", ["4"])
    assert split_deadline_marks("Năm 2024") == ("Năm 2024", [])


def test_picking_units_for_a_vague_phrase():
    cell = "Văn phòng Sở; các phòng, đơn vị có liên quan"
    assert needs_units(cell)
    picked = replace_vague(cell, ["Phòng Quản lý đất đai", "Văn phòng Sở"])
    assert picked == "Văn phòng Sở; Phòng Quản lý đất đai" and not needs_units(picked)
    assert replace_vague("Thanh tra Sở", ["Văn phòng Sở"]) == "Thanh tra Sở"


def test_outside_participants_round_trip_through_the_review_box():
    participants = [{"role": "coordinating", "name": "Sở Nội vụ"}, {"role": "monitoring", "name": "UBND tỉnh"}]
    text = participants_text(participants)
    assert text == "Phối hợp: Sở Nội vụ\nTheo dõi: UBND tỉnh"
    assert parse_participants(text) == participants
    assert parse_participants("chủ trì: Tổ kiểm tra công vụ Sở\nCục Thuế tỉnh\n") == [
        {"role": "lead", "name": "Tổ kiểm tra công vụ Sở"}, {"role": "coordinating", "name": "Cục Thuế tỉnh"}]


@pytest.mark.parametrize(("cell", "lead", "deadline"), [
    ("(Chủ trì: Văn phòng Đăng ký đất đai; Thời hạn: Khi phát sinh)", ["Văn phòng Đăng ký đất đai"], "Khi phát sinh"),
    ("* Chủ trì: Thanh tra Sở\n* Thời hạn: Báo cáo trước ngày 10 hằng tháng", ["Thanh tra Sở"],
     "Báo cáo trước ngày 10 hằng tháng"),
    ("Cơ quan chủ trì: Văn phòng Sở.\nThời hạn: Thường xuyên.", ["Văn phòng Sở"], "Thường xuyên"),
])
def test_labels_in_brackets_after_stars_and_with_full_stops(cell, lead, deadline):
    read = read_assignment(cell)
    assert read.lead == lead and read.fields["deadline"] == deadline


def test_companies_are_outside_bodies():
    read = read_assignment("Trung tâm CNTT; Viettel Bà Rịa – Vũng Tàu; Công ty Cổ phần Tin học ABC", "coordinating")
    assert read.coordinating == ["Trung tâm CNTT"]
    assert read.outside == [("coordinating", "Viettel Bà Rịa – Vũng Tàu"),
                            ("coordinating", "Công ty Cổ phần Tin học ABC")]


@pytest.mark.parametrize(("method", "flagged"), [
    # What the held-out district plan's first run left in the method: partners the split missed.
    ("phối hợp các cơ quan chuyên môn thuộc UBND huyện", True),
    ("phối hợp UBND các xã, thị trấn xây dựng Đề án, trình UBND tỉnh", True),
    ("Phòng Tài chính – Kế hoạch thẩm định kết quả tự đánh giá", True),
    # Methods read right (the seeds' and the fixtures').
    ("xây dựng Đề án, gửi Sở Nội vụ thẩm định, trình UBND tỉnh", False),
    ("Lưu ý các nhiệm vụ được giao theo Kế hoạch CCHC năm 2024", False),
    ("tham mưu nội dung theo chức năng được giao", False),
    ("lấy ý kiến các phòng, đơn vị trước khi trình Giám đốc Sở", False),
    ("tổ chức hội nghị", False),
])
def test_a_method_still_holding_a_units_part_is_flagged(method, flagged):
    assert (METHOD_NAMES_UNITS in field_warnings("Nhiệm vụ", "Văn phòng Sở", "Quý II/2025", False,
                                                 method=method)) is flagged


# The fourth held-out batch's wordings (Sở Nội vụ, a commune, Khánh Hòa), read with each department's own names.
HOME_AFFAIRS = frozenset(normalize_name(n) for n in (
    "Văn phòng Sở", "Thanh tra Sở", "Phòng Tổ chức, biên chế và tổ chức phi chính phủ", "Phòng Cải cách hành chính",
    "Phòng CCHC", "Phòng Công chức, viên chức", "Các phòng, ban, chi cục thuộc Sở"))
COMMUNE = frozenset(normalize_name(n) for n in (
    "Công chức Văn phòng – Thống kê", "Công chức Tư pháp – Hộ tịch", "Các công chức chuyên môn"))
KHANH_HOA = frozenset(normalize_name(n) for n in (
    "Văn phòng Sở", "Chi cục Quản lý đất đai", "Văn phòng Đăng ký đất đai", "Phòng Đo đạc Bản đồ",
    "Trung tâm Công nghệ thông tin tài nguyên và môi trường", "Các phòng, đơn vị thuộc Sở"))
FOURTH_BATCH_CASES = [
    # Labelled lines of one cell; a unit whose name holds a comma and the verb 'tổ chức'; a group holding commas.
    ("Chủ trì: Phòng Tổ chức, biên chế và tổ chức phi chính phủ\nPhối hợp: Văn phòng Sở", HOME_AFFAIRS,
     ["Phòng Tổ chức, biên chế và tổ chức phi chính phủ"], ["Văn phòng Sở"], [], [], []),
    ("Chủ trì: Các phòng, ban, chi cục thuộc Sở\nTổng hợp: Phòng CCHC", HOME_AFFAIRS,
     ["Các phòng, ban, chi cục thuộc Sở"], [], ["Phòng CCHC"], [], []),
    ("Chủ trì: Phòng Công chức, viên chức\nPhối hợp: Văn phòng Sở\nTheo dõi: Thanh tra Sở", HOME_AFFAIRS,
     ["Phòng Công chức, viên chức"], ["Văn phòng Sở"], ["Thanh tra Sở"], [], []),
    # 'X tham mưu, Y phối hợp'; 'X chủ trì cùng Y'; roles in brackets after the names.
    ("Văn phòng Sở tham mưu, các phòng, đơn vị thuộc Sở phối hợp", KHANH_HOA,
     ["Văn phòng Sở"], ["các phòng, đơn vị thuộc Sở"], [], [], []),
    ("Chi cục Quản lý đất đai chủ trì cùng Văn phòng Đăng ký đất đai", KHANH_HOA,
     ["Chi cục Quản lý đất đai"], ["Văn phòng Đăng ký đất đai"], [], [], []),
    ("Văn phòng Sở (chủ trì), các phòng, đơn vị thuộc Sở (phối hợp)", KHANH_HOA,
     ["Văn phòng Sở"], ["các phòng, đơn vị thuộc Sở"], [], [], []),
    # 'X thực hiện, báo cáo …': no other subject follows the verb, the rest is the method.
    ("Phòng Đo đạc Bản đồ thực hiện, báo cáo Giám đốc Sở", KHANH_HOA,
     ["Phòng Đo đạc Bản đồ"], [], [], [], ["báo cáo Giám đốc Sở"]),
    # A company named with its abbreviation in brackets, leading with the department's centre.
    ("Trung tâm Công nghệ thông tin tài nguyên và môi trường; Viễn thông Khánh Hòa (VNPT Khánh Hòa)", KHANH_HOA,
     ["Trung tâm Công nghệ thông tin tài nguyên và môi trường"], [], [], [(L, "Viễn thông Khánh Hòa (VNPT Khánh Hòa)")],
     []),
    # A commune: 'Giao công chức … chủ trì, phối hợp công chức … thực hiện' (lower case after 'Giao').
    ("Giao công chức Tư pháp – Hộ tịch chủ trì, phối hợp công chức Văn phòng – Thống kê thực hiện", COMMUNE,
     ["công chức Tư pháp – Hộ tịch"], ["công chức Văn phòng – Thống kê"], [], [], []),
    ("Công chức Văn phòng – Thống kê chủ trì, phối hợp công chức Tư pháp – Hộ tịch tham mưu Chủ tịch UBND xã ban hành "
     "Quyết định", COMMUNE, ["Công chức Văn phòng – Thống kê"], ["công chức Tư pháp – Hộ tịch"], [], [],
     ["tham mưu Chủ tịch UBND xã ban hành Quyết định"]),
]


@pytest.mark.parametrize(("cell", "known", "lead", "coordinating", "monitoring", "outside", "method"),
                         FOURTH_BATCH_CASES, ids=[c[0][:60] for c in FOURTH_BATCH_CASES])
def test_the_fourth_held_out_batchs_cells(cell, known, lead, coordinating, monitoring, outside, method):
    read = read_assignment(cell, None, known)
    assert (read.lead, read.coordinating, read.monitoring, read.outside, read.method) == (
        lead, coordinating, monitoring, outside, method)


@pytest.mark.parametrize("name", ["Đoàn Thanh niên xã", "Hội Cựu chiến binh xã", "Hội Liên hiệp Phụ nữ xã",
                                  "Công đoàn Sở", "Viễn thông Khánh Hòa"])
def test_mass_organisations_and_telecoms_are_outside_bodies(name):
    assert is_outside_body(name)
