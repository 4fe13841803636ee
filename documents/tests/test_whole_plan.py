"""The Word document is the whole plan: căn cứ, results of the year, purposes, targets, tasks and solutions,
organisation and budget, Nơi nhận and signature, then the landscape appendices with method and footnotes."""

from datetime import date
from decimal import Decimal

import pytest
from docx.enum.section import WD_ORIENT

from documents import builtin, contexts
from documents.tests.readback import docx, docx_text
from plans import actions, content_actions, drafting_actions
from plans.tests import seed_2023

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(cast):
    assessment = seed_2023.build_assessment(cast, publish=True)
    plan = drafting_actions.draft_improvement_plan(by=cast.mai, assessment=assessment)
    content_actions.add_legal_basis(
        by=cast.mai, plan=plan, kind="Kế hoạch", number="152/KH-UBND", issued_on=date(2024, 6, 21),
        issuer="UBND tỉnh", summary="duy trì, cải thiện và nâng cao Chỉ số PAR INDEX, SIPAS năm 2024")
    for year, score, rank in ((2023, "91.03", 5), (2022, "87.47", 6)):
        content_actions.save_province_result(by=cast.mai, department=cast.department, year=year, index="par",
                                             score=Decimal(score), rank=rank, out_of=63,
                                             decision_number="273/QĐ-BNV" if year == 2023 else "",
                                             decision_date=date(2024, 4, 10) if year == 2023 else None,
                                             decision_issuer="Bộ Nội vụ")
    task = plan.tasks.get(drafted_from="fix:1.2")
    task.method = "Trung tâm CNTT theo dõi trên phần mềm, phối hợp Tổ kiểm tra công vụ Sở kiểm tra, báo cáo"
    task.footnotes = [{"mark": "1", "text": "Quyết định số 3315/QĐ-UBND ngày 26/10/2022 của UBND tỉnh."}]
    task.save()
    drafting_actions.update_texts(by=cast.mai, plan=plan, budget_text="Kinh phí bố trí trong dự toán chi thường "
                                  "xuyên hàng năm của cơ quan theo phân cấp ngân sách hiện hành.")
    plan.signer_name, plan.signer_title = "Phan Văn Mạnh", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"
    plan.place = "Bà Rịa – Vũng Tàu"
    plan.save()
    return actions.issue_plan(by=cast.mai, plan=plan, issue_date=date(2024, 7, 5))


def test_the_exported_plan_reads_like_the_seed(plan):
    data = builtin.plan_document(contexts.plan_context(plan, date(2024, 7, 10)))
    text = docx_text(data)
    for expected in ("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "/KH-STNMT", "KẾ HOẠCH", "Nơi nhận:", "- UBND tỉnh (b/c);",
                     "KT. GIÁM ĐỐC", "Phan Văn Mạnh"):
        assert expected in text, expected
    in_order = [  # the body's paragraphs (tables are read after them)
        "Căn cứ Kế hoạch số 152/KH-UBND ngày 21/06/2024 của UBND tỉnh về việc duy trì, cải thiện và nâng cao Chỉ số "
        "PAR INDEX, SIPAS năm 2024, Sở Tài nguyên và Môi trường ban hành Kế hoạch duy trì",
        "I. KẾT QUẢ ĐÁNH GIÁ NĂM 2023",
        "Kết quả Chỉ số cải cách hành chính (PAR INDEX) năm 2023 của tỉnh đạt 91,03 điểm, tăng 3,56 điểm so với năm "
        "2022; xếp hạng 05/63, tăng 01 bậc so với năm 2022 (Quyết định số 273/QĐ-BNV ngày 10/04/2024 của Bộ Nội vụ).",
        "- Tiêu chí: Thực hiện mệnh lệnh hành chính cấp trên",
        "Theo đánh giá của Hội đồng thẩm định, năm 2023, theo Văn phòng UBND tỉnh theo dõi đạt 46% <50%",
        "II. MỤC ĐÍCH, YÊU CẦU", "III. CHỈ TIÊU", "IV. NHIỆM VỤ VÀ GIẢI PHÁP",
        "Các nhiệm vụ cụ thể tại các Phụ lục kèm theo Kế hoạch này.", "V. TỔ CHỨC THỰC HIỆN",
        "VI. KINH PHÍ THỰC HIỆN", "PHỤ LỤC 1", "PHỤ LỤC 2", "PHỤ LỤC 3",
    ]
    position = 0
    for expected in in_order:
        found = text.find(expected, position)
        assert found >= 0, expected
        position = found
    for expected in ("PHỤ LỤC 1", "PHỤ LỤC 2", "NHIỆM VỤ CẦN PHẢI KHẮC PHỤC, CẢI THIỆN", "NHIỆM VỤ CẦN DUY TRÌ VÀ NÂNG CAO",
                     "ĐIỂM THƯỞNG, ĐIỂM TRỪ", "PHỤ LỤC 3", "Phân công và cách thức thực hiện",
                     "¹ Quyết định số 3315/QĐ-UBND ngày 26/10/2022 của UBND tỉnh."):
        assert expected in text, expected
    document = docx(data)
    assert [s.orientation for s in document.sections] == [WD_ORIENT.PORTRAIT] + [WD_ORIENT.LANDSCAPE] * 3
    year_table = document.tables[1]
    assert [c.text for c in year_table.rows[0].cells][-1] == "Năm 2023"
    assert [c.text for c in year_table.rows[-1].cells][-1] == "1/1"
    appendix_2 = next(t for t in document.tables if len(t.rows) > 1 and any("NHIỆM VỤ CẦN PHẢI KHẮC PHỤC" in c.text
                                                       for c in t.rows[1].cells))
    row = next(r for r in appendix_2.rows if r.cells[0].text == "1.2")
    assert [c.text for c in row.cells] == [
        "1.2", "Thực hiện mệnh lệnh hành chính cấp trên (thể hiện qua phần mềm chỉ đạo điều hành và kết quả theo dõi, "
        "tổng hợp)¹", "Trung tâm Công nghệ thông tin tài nguyên và môi trường", "Các phòng, đơn vị thuộc Sở",
        "Văn phòng Sở", "Báo cáo kết quả thực hiện", "Báo cáo trước ngày 15/11",
        "Trung tâm CNTT theo dõi trên phần mềm, phối hợp Tổ kiểm tra công vụ Sở kiểm tra, báo cáo"]
    assert "Tiến độ" not in [c.text for c in appendix_2.rows[0].cells]
