"""The whole cycle in real Chromium: lan self-scores with evidence, the Land division's head submits, the appraiser
lowers one score with a comment, the office publishes, and results, ranking, year table and gap analysis follow."""

from datetime import date
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from accounts.models import Role
from assessments import actions
from assessments.models import Assessment, Score
from core.testing import make_user
from frameworks.demo import build_internal

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COMMENT = "Chưa công khai đầy đủ TTHC trên Trang thông tin điện tử của đơn vị."


def _open(cast, unit, framework):
    return actions.start_assessment(by=cast.mai, framework=framework, unit=unit, window_start=date(2024, 1, 1),
                                     window_end=date(2024, 11, 30))


def _score_all_but(assessment, by, skip: str):
    for score in Score.objects.filter(assessment=assessment).select_related("criterion"):
        if score.criterion.code != skip:
            points = Decimal(0) if score.criterion.kind in ("bonus", "penalty") else score.criterion.max_points
            actions.self_score(score, by=by, points=points, explanation="Hồ sơ lưu tại đơn vị.")


def test_self_score_submit_appraise_publish_and_results(cast, page, login_as, live_server, tmp_path):
    framework = build_internal(cast.mai, cast.units)
    head = make_user("binh", cast.unit("qldd"), (Role.UNIT_HEAD, cast.unit("qldd")), full_name="Võ Văn Bình")
    # Another unit already published, so the ranking has someone to compare with.
    other = _open(cast, cast.unit("ttcntt"), framework)
    _score_all_but(other, cast.hung, skip="")
    actions.submit(other, by=cast.hung)
    lowered = Score.objects.get(assessment=other, criterion__code="3.2")
    actions.appraise(lowered, by=cast.thu, points=Decimal(8), comment="Một số văn bản còn xử lý bản giấy.")
    actions.finalise(other, by=cast.thu, accepted=[s.pk for s in actions.unappraised_scores(other)])
    actions.publish(other, by=cast.mai)
    land = _open(cast, cast.unit("qldd"), framework)
    _score_all_but(land, cast.lan, skip="1.1")
    url = f"{live_server.url}/assessments/{land.pk}/"

    # lan uploads the unit's plan as evidence and self-scores 1.1
    login_as(cast.lan)
    page.goto(url)
    row = page.locator("tr[data-code='1.1']")
    row.locator("input[name=file]").set_input_files(
        files=[{"name": "ke-hoach-cchc-2024-phong-qldd.pdf", "mimeType": "application/pdf",
                "buffer": b"%PDF-1.4\n% Ke hoach CCHC nam 2024\n%%EOF\n"}])
    row.get_by_role("button", name="Tải lên").click()
    page.wait_for_selector("tr[data-code='1.1'] >> text=ke-hoach-cchc-2024-phong-qldd.pdf")
    row = page.locator("tr[data-code='1.1']")
    row.get_by_label("Điểm tự đánh giá").select_option("5")
    row.get_by_role("button", name="Lưu điểm").click()
    expect(page.locator("tr[data-code='1.1'] .self-score")).to_have_text("5")
    expect(page.locator("#self-total")).to_have_text("100")
    assert "Gửi thẩm định" not in page.content(), "a specialist cannot submit"

    # the Land division's head submits
    page.context.clear_cookies()
    login_as(head)
    page.goto(url)
    page.get_by_role("link", name="Gửi thẩm định").click()
    assert "không sửa được điểm tự đánh giá" in page.locator("#consequences").inner_text()
    page.get_by_role("button", name="Gửi thẩm định").click()
    page.wait_for_selector("#phase >> text=Đã gửi thẩm định")

    # the appraiser lowers 2.2 with a comment, then closes the appraisal
    page.context.clear_cookies()
    login_as(cast.thu)
    page.goto(url)
    row = page.locator("tr[data-code='2.2']")
    row.get_by_label("Điểm thẩm định").select_option("0")
    row.get_by_label("Nhận xét").fill(COMMENT)
    row.get_by_role("button", name="Lưu thẩm định").click()
    expect(page.locator("tr[data-code='2.2'] .appraised-score")).to_have_text("0")
    expect(page.locator("#final-total")).to_have_text("90")
    page.get_by_role("link", name="Kết thúc thẩm định").click()
    page.get_by_label("Tôi chấp nhận điểm tự chấm").check()
    page.get_by_role("button", name="Kết thúc thẩm định").click()
    page.wait_for_selector("#phase >> text=Đã có kết quả thẩm định")

    # the office publishes
    page.context.clear_cookies()
    login_as(cast.mai)
    page.goto(url)
    page.get_by_role("link", name="Công bố kết quả").click()
    page.get_by_role("button", name="Công bố kết quả").click()
    page.wait_for_selector("#phase >> text=Đã công bố")
    assert page.locator("tr[data-code='1.1'] input[name=points]").count() == 0, "published results are read-only"
    land.refresh_from_db()
    assert land.phase == Assessment.Phase.PUBLISHED

    # results: totals and gap analysis
    page.click("text=Kết quả và phân tích điểm mất")
    assert page.locator("#final-total").inner_text().strip() == "90"
    gap = page.locator("#gaps tr[data-code='2.2']")
    assert gap.locator(".lost").inner_text().strip() == "10"
    assert COMMENT in gap.inner_text()
    assert "Phòng Quản lý đất đai" in page.locator("#not-excellent").inner_text()

    # ranking: both published units, the Land division second with 90 (IT Centre 98)
    page.goto(f"{live_server.url}/assessments/ranking/{framework.pk}/")
    land_row = page.locator("#ranking tr[data-unit='qldd']")
    assert land_row.locator(".rank").inner_text() == "2"
    assert land_row.locator(".total").inner_text() == "90"
    assert "Hoàn thành xuất sắc" in land_row.inner_text()

    # year table of the Land division: the 2024 column from the published assessment
    page.goto(f"{live_server.url}/assessments/years/{cast.unit('qldd').pk}/")
    table = page.locator("#year-table")
    assert "Năm 2024" in table.inner_text()
    assert "30/40" in table.locator("tr", has_text="Cải cách thủ tục hành chính").inner_text()
    assert table.locator("tr.total").inner_text().split()[-1] == "90"
    assert table.locator("tr.rank").inner_text().split()[-1] == "2/2"
