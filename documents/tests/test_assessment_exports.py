"""An assessment's results, the self-assessment report, the framework, the ranking, the announcement and the
year-over-year table, read back from the files."""

from decimal import Decimal

import pytest

from documents import builtin, contexts, sheets
from documents.tests.builders import make_assessment, make_framework
from documents.tests.readback import docx_text, find_row, workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def framework(cast):
    return make_framework(cast)


def test_results_per_criterion_with_lost_points_evidence_and_comments(cast, framework):
    assessment = make_assessment(cast, framework, appraise=True)
    sheet = workbook(sheets.assessment_workbook(assessment)).active
    assert sheet["A1"].value == "KẾT QUẢ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2024"
    header = find_row(sheet, "Mã")
    assert header[:7] == ("Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Điểm bị mất",
                          "Số tài liệu kiểm chứng")
    innovation = find_row(sheet, "1.1")
    assert innovation[2:7] == (1, 0.5, 0, 1, 0)
    assert innovation[7] == "Có sáng kiến nhưng chưa được công nhận."
    assert innovation[8] == "Chưa có sáng kiến được công nhận."
    dti = find_row(sheet, "7.1")
    assert dti[2:7] == (11, 9.376, 9.376, pytest.approx(1.624), 1)
    total = find_row(sheet, "Tổng điểm")
    assert total[2] == 13.5 and total[3] == pytest.approx(10.876) and total[4] == pytest.approx(10.376)


def test_self_assessment_report_sums_areas_and_explains_items_short_of_full_marks(cast, framework):
    from accounts.models import Role
    from core.testing import make_user

    head = make_user("hanh", cast.unit("vp"), (Role.UNIT_HEAD, cast.unit("vp")), full_name="Võ Thị Hạnh")
    head.position = "Chánh Văn phòng Sở"
    head.save()
    assessment = make_assessment(cast, framework)
    context = contexts.self_assessment_context(assessment)
    assert [(a["ten"], a["diem_toi_da"], a["diem_tu_danh_gia"]) for a in context["linh_vuc"]] == [
        ("Công tác chỉ đạo điều hành CCHC", "2,5", "0,5"), ("Chính quyền điện tử, chính quyền số", "11", "9,376")]
    assert [c["ma"] for c in context["can_giai_trinh"]] == ["1.1", "1.2", "7.1", "T", "Tr"]
    text = docx_text(builtin.self_assessment_document(context))
    for expected in ("BÁO CÁO", "Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2024",
                     "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG\nVĂN PHÒNG SỞ", "Công tác chỉ đạo điều hành CCHC", "10,876", "13,5",
                     "Tiêu chí 1.2. Thực hiện mệnh lệnh hành chính cấp trên: 0/1,5 điểm; chưa có tài liệu kiểm chứng.",
                     "Đạt 46% < 50%.", "CHÁNH VĂN PHÒNG\n", "Võ Thị Hạnh", "Nơi nhận:",
                     "- Báo cáo DTI năm 2024.pdf"):
        assert expected in text, expected
    assert "CÁC NĂM TRƯỚC" not in text, "no past results yet, no empty table"


def test_framework_workbook_lists_the_tree_with_max_points(cast, framework):
    sheet = workbook(sheets.framework_workbook(framework)).active
    assert sheet["A1"].value == "BỘ CHỈ SỐ CCHC CÁC PHÒNG, ĐƠN VỊ THUỘC SỞ NĂM 2024"
    area = find_row(sheet, "1")
    assert area[1] == "Công tác chỉ đạo điều hành CCHC" and area[3] == 2.5
    criterion = find_row(sheet, "1.2")
    assert criterion[3] == 1.5 and criterion[6] == "Văn phòng Sở"
    assert find_row(sheet, "Tổng điểm tối đa")[3] == 13.5


def test_ranking_and_announcement_list_published_units_best_first(cast, framework):
    make_assessment(cast, framework, cast.unit("vp"), publish=True)
    make_assessment(cast, framework, cast.unit("qldd"), publish=True, scores={
        "1.1": ("1", "Sáng kiến được công nhận."), "1.2": ("1.5", "Đạt 80%."), "7.1": ("10", "DTI 100."),
        "T": ("0", "Không có."), "Tr": ("0", "Không có.")})
    sheet = workbook(sheets.ranking_workbook(framework)).active
    first, second = find_row(sheet, "Phòng Quản lý đất đai"), find_row(sheet, "Văn phòng Sở")
    assert first[0] == 1 and second[0] == 2
    assert first[-3] == 11.5 and isinstance(first[-3], float), "1.1 appraised down to 0 for both"
    text = docx_text(builtin.announcement_document(contexts.announcement_context(framework)))
    assert "THÔNG BÁO" in text and "Kết quả đánh giá, xếp hạng Chỉ số cải cách hành chính năm 2024" in text
    assert text.index("Phòng Quản lý đất đai") < text.index("Văn phòng Sở\n")
    assert "01/2" in text and "11,5" in text


def test_year_table_in_the_seed_layout_with_numeric_totals(cast):
    from assessments.actions import save_history

    vp = cast.unit("vp")
    save_history(by=cast.mai, unit=vp, year=2022, bonus=Decimal(2), penalty=Decimal("0.5"), total=Decimal("85.675"),
                 areas=[
                     {"title": "Công tác chỉ đạo điều hành CCHC", "score": Decimal(10), "max_points": Decimal("13.5")},
                     {"title": "Thực hiện cơ chế một cửa, một cửa liên thông", "score": Decimal("6.395"),
                      "max_points": Decimal(7)}])
    save_history(by=cast.mai, unit=vp, year=2023, bonus=Decimal(1), penalty=Decimal(1), total=Decimal("87.225"),
                 areas=[
                     {"title": "Công tác chỉ đạo điều hành CCHC", "score": Decimal("9.5"), "max_points": Decimal("12.5")},
                     {"title": "Thực hiện cơ chế một cửa, một cửa liên thông", "score": None,
                      "note": "Gộp vào Cải cách thủ tục hành chính"}])
    sheet = workbook(sheets.year_table_workbook(vp)).active
    report = docx_text(builtin.self_assessment_document(contexts.self_assessment_context(
        make_assessment(cast, make_framework(cast), vp))))
    assert "III. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CÁC NĂM TRƯỚC" in report
    # Ranks are computed from the totals of the units ranked together: the division alone is 1/1.
    assert "9,5/12,5" in report and "87,225" in report and "1/1" in report
    assert find_row(sheet, "TT") == ("TT", "Chỉ số thành phần", "Năm 2022", "Năm 2023")
    assert find_row(sheet, "Công tác chỉ đạo điều hành CCHC")[2:] == ("10/13,5", "9,5/12,5")
    assert find_row(sheet, "Thực hiện cơ chế một cửa, một cửa liên thông")[3] == "Gộp vào Cải cách thủ tục hành chính"
    assert find_row(sheet, "Tổng điểm")[2:] == (85.675, 87.225)
    assert find_row(sheet, "Điểm trừ")[2:] == (0.5, 1)
    assert find_row(sheet, "Xếp hạng")[2:] == ("1/1", "1/1")


def test_assessment_exports_respect_the_permission_table(cast, framework, client_for):
    assessment = make_assessment(cast, framework, cast.unit("vp"))
    assert client_for(cast.mai).get(f"/documents/ket-qua-cham-diem/{assessment.pk}.xlsx").status_code == 200
    assert client_for(cast.thu).get(f"/documents/bao-cao-tu-danh-gia/{assessment.pk}.docx").status_code == 200
    # Neither may export anything of that unit, so neither learns the assessment or the framework exists.
    assert client_for(cast.lan).get(f"/documents/ket-qua-cham-diem/{assessment.pk}.xlsx").status_code == 404
    assert client_for(cast.khoa).get(f"/documents/xep-hang/{framework.pk}.xlsx").status_code == 404


def test_items_not_scored_yet_are_said_so_in_the_report(cast, framework):
    assessment = make_assessment(cast, framework, scores={"1.1": ("1", "Sáng kiến được công nhận.")})
    text = docx_text(builtin.self_assessment_document(contexts.self_assessment_context(assessment)))
    assert ("Tiêu chí 1.2. Thực hiện mệnh lệnh hành chính cấp trên: chưa tự chấm điểm (tối đa 1,5 điểm); "
            "chưa có tài liệu kiểm chứng.") in text
    assert "Tiêu chí 1.1. Đổi mới, sáng tạo trong triển khai nhiệm vụ CCHC: 1/1 điểm; chưa có tài liệu kiểm chứng." \
        in text, "full marks but no evidence still needs an explanation"
