"""The office drafts next year's improvement plan from the 2023 results, edits a task and a target, issues it,
downloads the Word document, and its PDF reads with the plan's sections and the edited task row."""

import re
import subprocess

import pytest
import time_machine

from documents import pdf
from plans.models import Plan
from plans.tests import seed_2023

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.dates]
EDITED = "Đổi mới, sáng tạo trong triển khai nhiệm vụ CCHC: mỗi phòng có ít nhất 01 sáng kiến"


def pdf_text(data: bytes, tmp_path) -> str:
    source = tmp_path / "ke-hoach.pdf"
    source.write_bytes(data)
    out = subprocess.run(["pdftotext", str(source), "-"], capture_output=True, check=True, timeout=60).stdout
    return " ".join(out.decode().split())


@pytest.mark.skipif(not pdf.available(), reason="LibreOffice is not installed")
@time_machine.travel("2024-01-08 09:00 +07:00", tick=True)
def test_draft_edit_issue_and_export_the_improvement_plan(cast, page, login_as, live_server, tmp_path):
    assessment = seed_2023.build_assessment(cast, publish=True)
    login_as(cast.mai)
    page.goto(f"{live_server.url}{assessment.get_absolute_url()}")
    page.get_by_role("link", name="Lập kế hoạch khắc phục").click()
    proposal = page.locator("#proposal").inner_text()
    assert "21 tiêu chí chưa đạt điểm tối đa" in proposal and "0/1,5" in proposal
    page.get_by_role("button", name="Lập dự thảo kế hoạch").click()
    page.wait_for_selector("text=Đã lập dự thảo kế hoạch năm 2024")
    plan = Plan.objects.get(source_assessment=assessment)
    assert "Cải cách tài chính công" in page.locator("#results").inner_text()

    task = plan.tasks.get(drafted_from="fix:1.1")
    page.locator("table.plan-table").get_by_role("link", name=re.compile("^Đổi mới, sáng tạo")).first.click()
    page.get_by_role("link", name="Sửa nhiệm vụ").click()
    page.locator("[name=content]").fill(EDITED)
    page.get_by_role("button", name="Lưu nhiệm vụ", exact=True).click()
    page.wait_for_selector("text=Đã lưu nhiệm vụ")
    task.refresh_from_db()
    assert task.content == EDITED

    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    target = plan.targets.get(drafted_from="target:score")
    page.locator("#targets").get_by_role("link", name="Sửa").first.click()
    page.locator("[name=label]").fill("Tổng điểm Chỉ số CCHC năm 2024 đạt trên 90 điểm")
    page.locator("[name=value]").fill("90")
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.wait_for_selector("text=Đã lưu chỉ tiêu")
    target.refresh_from_db()
    assert target.value == 90

    page.get_by_role("link", name="Ban hành kế hoạch").click()
    page.get_by_role("button", name="Ban hành kế hoạch").click()
    page.wait_for_selector("text=Đã ban hành kế hoạch")
    with page.expect_download() as info:
        page.locator("#export-word").click()
    word = open(info.value.path(), "rb").read()
    text = pdf_text(pdf.to_pdf(word, "docx"), tmp_path)
    for expected in ("KẾ HOẠCH", "I. KẾT QUẢ ĐÁNH GIÁ NĂM 2023", "II. MỤC ĐÍCH, YÊU CẦU", "III. CHỈ TIÊU",
                     "Tổng điểm Chỉ số CCHC năm 2024 đạt trên 90 điểm", "IV. NHIỆM VỤ VÀ GIẢI PHÁP",
                     "V. TỔ CHỨC THỰC HIỆN", "Nơi nhận:", "PHỤ LỤC 2", "NHIỆM VỤ CẦN PHẢI KHẮC PHỤC, CẢI THIỆN",
                     EDITED, "Báo cáo trước ngày 15/11", "Thời gian giải quyết hồ sơ đúng và sớm hạn: 2,229/3"):
        assert expected in text, expected
