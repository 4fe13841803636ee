"""A citizen answers on a phone from the counter's QR code; the reform office sees the index change (Chromium)."""

import re

import pytest
import segno

from surveys import actions
from surveys.models import Response
from surveys.tests.builders import answer_all, make_survey

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _qr_path(svg: str) -> str:
    return re.search(r'<path[^>]* d="([^"]+)"', svg).group(1)


def test_citizen_answers_from_the_qr_link_on_a_phone_and_the_office_sees_the_index_move(
        cast, page, login_as, browser, settings):
    # A person needs more than a second to answer; Playwright does not, so the fill-time check is off here
    # (it is covered in test_public.py).
    settings.CCHC_SURVEY_MIN_FILL_SECONDS = 0
    survey = make_survey(cast)
    counter = actions.add_counter(by=cast.mai, survey=survey, name="Quầy VPĐKĐĐ tại Trung tâm Phục vụ hành chính công",
                                  place="Số 4 Phạm Văn Đồng, TP. Bà Rịa")
    answer_all(survey, 2)
    answer_all(survey, 4)  # every aspect 1/2 satisfied: 50 %

    login_as(cast.mai)
    page.goto(f"{page.base_url}/surveys/{survey.pk}/")
    assert page.locator("#overall-index").inner_text() == "50,00 %"
    page.click("text=In mã QR")
    url = page.locator("#qr-url").inner_text().strip()
    svg = page.locator("#qr").inner_html()
    # The printed QR's modules are exactly those of this URL's code, so scanning it opens this URL.
    assert _qr_path(svg) == _qr_path(segno.make(url, error="m").svg_inline(scale=6, border=2))
    assert url.startswith(page.base_url) and f"/surveys/a/{counter.token}/" in url

    phone = browser.new_context(locale="vi-VN", viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    try:
        mobile = phone.new_page()
        mobile.goto(url)
        assert "Quầy VPĐKĐĐ" in mobile.locator("main").inner_text()
        assert mobile.evaluate("document.documentElement.scrollWidth") <= 375, "no sideways scrolling on a phone"
        questions = mobile.locator("fieldset:has(input[type=radio])")
        assert questions.count() == survey.questions.count()
        first_option = questions.first.locator("label.opt").first.bounding_box()
        assert first_option["height"] >= 44, "options are big enough to tap"
        for i in range(questions.count()):
            questions.nth(i).get_by_label("Rất hài lòng", exact=True).check()
        mobile.get_by_label("Ông/Bà có góp ý gì để cơ quan phục vụ tốt hơn?").fill("Nhân viên hướng dẫn rất tận tình.")
        mobile.get_by_label("Độ tuổi").select_option("Từ 35 đến 44")
        mobile.get_by_role("button", name="Gửi phiếu").click()
        mobile.wait_for_selector("text=Phiếu trả lời đã được ghi nhận")
    finally:
        phone.close()

    stored = Response.objects.get(counter=counter)
    assert stored.age_group == "Từ 35 đến 44" and stored.suggestion == "Nhân viên hướng dẫn rất tận tình."
    page.goto(f"{page.base_url}/surveys/{survey.pk}/")
    # Every aspect is now 2 satisfied of 3: 66,67 %.
    assert page.locator("#overall-index").inner_text() == "66,67 %"
    assert page.locator("#response-count").inner_text() == "3"
    page.click("text=Góp ý cần xử lý")
    assert page.locator("#suggestion-table").get_by_text("Nhân viên hướng dẫn rất tận tình.").is_visible()
