"""In real Chromium: unit staff choose levels on the grouped self-assessment page; the appraiser ends an appraisal
that left items unappraised, seeing them and accepting their self-scores; the public ranking fits a 1366 px
screen and a phone."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from assessments import actions
from assessments.models import Assessment, Score
from assessments.tests.builders import internal_framework, open_assessment, publish_as_scored, score_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _score_all(assessment, by, skip=()):
    for score in Score.objects.filter(assessment=assessment).select_related("criterion"):
        if score.criterion.code not in skip:
            points = Decimal(0) if score.criterion.is_extra else score.criterion.max_points
            actions.self_score(score, by=by, points=points, explanation="Hồ sơ lưu tại đơn vị.")


def test_unit_staff_choose_a_level_on_the_grouped_page(cast, page, login_as, live_server):
    land = open_assessment(cast, "qldd", internal_framework(cast))
    _score_all(land, cast.lan, skip={"1.2"})
    login_as(cast.lan)
    page.goto(f"{live_server.url}/assessments/{land.pk}/")
    area = page.locator("details.area", has=page.locator("summary", has_text="1. Công tác chỉ đạo, điều hành CCHC"))
    progress = area.locator("summary .area-progress")
    assert progress.inner_text() == "đã chấm 2/3 · có tài liệu kiểm chứng 0 · còn thiếu 1"
    area.locator("summary").click()
    assert area.get_attribute("open") is None, "an area folds away"
    area.locator("summary").click()
    row = page.locator("tr[data-code='1.2']")
    choice = row.get_by_label("Điểm tự đánh giá")
    assert choice.evaluate("e => e.tagName") == "SELECT"
    assert choice.locator("option").all_inner_texts() == ["— chưa chấm —", "0", "2,5", "5"]
    choice.select_option("2,5")
    row.get_by_label("Giải trình").fill("Báo cáo quý III gửi chậm 2 ngày.")
    row.get_by_role("button", name="Lưu điểm").click()
    expect(page.locator("tr[data-code='1.2'] .self-score")).to_have_text("2,5")
    area_pk = score_of(land, "1.2").criterion.parent_id
    expect(page.locator(f"#progress-{area_pk}")).to_contain_text("đã chấm 3/3")
    assert progress.inner_text() == "đã chấm 3/3 · có tài liệu kiểm chứng 0 · còn thiếu 0"
    assert score_of(land, "1.2").self_score == Decimal("2.5")


def test_the_appraiser_ends_an_appraisal_accepting_what_she_did_not_appraise(cast, page, login_as, live_server):
    land = open_assessment(cast, "qldd", internal_framework(cast))
    _score_all(land, cast.lan)
    actions.submit(land, by=cast.mai)
    actions.appraise(score_of(land, "2.2"), by=cast.thu, points="0", comment="Chưa công khai đủ TTHC.")
    login_as(cast.thu)
    page.goto(f"{live_server.url}/assessments/{land.pk}/")
    page.get_by_role("link", name="Kết thúc thẩm định").click()
    listed = page.locator("#unappraised")
    assert listed.locator("h3").all_inner_texts()[:2] == ["1. Công tác chỉ đạo, điều hành CCHC",
                                                          "2. Cải cách thủ tục hành chính"]
    assert listed.locator("tr[data-code]").count() == 10
    assert "2.1. Tỷ lệ hồ sơ TTHC giải quyết đúng và trước hạn" in listed.inner_text()
    assert "2.2." not in listed.inner_text()
    box = page.get_by_label("Tôi chấp nhận điểm tự chấm của 10 tiêu chí")
    assert box.evaluate("e => e.required && e.validity.valueMissing"), "the form does not go without the box"
    assert Assessment.objects.get(pk=land.pk).phase == Assessment.Phase.APPRAISAL
    page.get_by_label("Tôi chấp nhận điểm tự chấm của 10 tiêu chí").check()
    page.get_by_role("button", name="Kết thúc thẩm định").click()
    page.wait_for_selector("#phase >> text=Đã có kết quả thẩm định")
    assert page.locator(".accepted").count() == 10
    accepted = Score.objects.filter(assessment=land, self_score_accepted_by=cast.thu,
                                    self_score_accepted_at__isnull=False)
    assert accepted.count() == 10 and not accepted.filter(criterion__code="2.2").exists()


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (390, 844)])
def test_the_public_ranking_fits_the_screen(cast, page, live_server, width, height):
    from dashboards.actions import publish

    framework = internal_framework(cast)
    for code in ("vp", "tt", "khtc", "bdtnn", "qldd", "vpdkdd", "ttcntt", "ttkt", "ttptqd", "ttqt"):
        assessment = open_assessment(cast, code, framework)
        _score_all(assessment, cast.mai)
        publish_as_scored(cast, assessment, {"2.2": ("0", "Chưa công khai.")} if code == "qldd" else None)
    publication = publish(by=cast.mai, kind="assessment", target=framework)
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{live_server.url}/public/{publication.pk}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page itself never scrolls sideways"
    row = page.locator("#ranking tr", has_text="Phòng Quản lý đất đai")
    for cell in (row.locator(".total"), row.locator(".band")):
        box = cell.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, (width, box)
    assert row.locator(".total").inner_text() == "90/100" and row.locator(".band").inner_text() == "Hoàn thành xuất sắc"
    row.get_by_role("link", name="Phòng Quản lý đất đai").click()
    assert page.url.endswith(f"#unit-{cast.unit('qldd').pk}")
