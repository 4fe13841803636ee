"""A citizen answers on a 390 px phone and switches the page to English; the office prints the counter's QR sheet
on one A4 page (Chromium)."""

import re

import pytest

from surveys import actions
from surveys.models import Response
from surveys.tests.builders import make_survey

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def counter(cast, settings):
    # A person needs more than a second to answer; Playwright does not (the fill-time check is in test_public.py).
    settings.CCHC_SURVEY_MIN_FILL_SECONDS = 0
    survey = make_survey(cast)
    return actions.add_counter(by=cast.mai, survey=survey, name="Quầy VPĐKĐĐ tại Trung tâm Phục vụ hành chính công",
                               place="Số 4 Phạm Văn Đồng, TP. Bà Rịa")


def _phone(browser):
    return browser.new_context(locale="vi-VN", viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)


def _answered(mobile) -> str:
    """The progress line as drawn: its number is a CSS counter, which only the rendered layout holds."""
    return " ".join(rendered_text(mobile, "answered").split())


def rendered_text(page, element_id: str) -> str:
    """The text Chromium laid out inside the element with that id, generated content (counters) included."""
    snapshot = page.context.new_cdp_session(page).send("DOMSnapshot.captureSnapshot", {"computedStyles": []})
    strings, document = snapshot["strings"], snapshot["documents"][0]
    parents, attributes = document["nodes"]["parentIndex"], document["nodes"]["attributes"]
    target = next(i for i, pairs in enumerate(attributes)
                  if any(strings[pairs[k]] == "id" and strings[pairs[k + 1]] == element_id for k in range(0, len(pairs), 2)))

    def inside(node: int) -> bool:
        while node != -1 and node != target:
            node = parents[node]
        return node == target

    layout = document["layout"]
    return "".join(strings[text] for node, text in zip(layout["nodeIndex"], layout["text"], strict=True)
                   if text >= 0 and inside(node))


def _lit_segments(mobile) -> int:
    return mobile.evaluate("""() => [...document.querySelectorAll('#progress .bar i')]
        .filter(i => getComputedStyle(i).backgroundColor === 'rgb(23, 116, 61)').length""")


def test_a_citizen_answers_on_a_phone_sees_progress_and_switches_to_english(counter, browser, live_server):
    survey = counter.survey
    questions = list(survey.questions.all())
    total = len(questions)
    phone = _phone(browser)
    try:
        mobile = phone.new_page()
        mobile.goto(f"{live_server.url}/surveys/a/{counter.token}/")
        assert mobile.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "no sideways scrolling"
        sheet = mobile.locator("fieldset.q")
        assert sheet.count() == total
        assert sheet.nth(2).locator("legend").inner_text().startswith(f"Câu 3/{total}")
        assert _answered(mobile) == f"Đã trả lời 0/{total} câu"

        # Five big levels to tap, text that needs no zooming.
        options = sheet.first.locator("label.opt")
        assert options.count() >= 5
        for i in range(options.count()):
            box = options.nth(i).bounding_box()
            assert box["height"] >= 48 and box["width"] >= PHONE["width"] - 60, "a whole row to tap"
        sizes = mobile.evaluate("""() => ['legend', 'label.opt span', 'form.sheet button[type=submit]']
            .map(s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize))""")
        assert min(sizes) >= 16

        # The page in English: the interface follows, the office's questions stay as written.
        mobile.get_by_role("button", name="English").click()
        mobile.wait_for_selector("html[lang=en]")
        assert mobile.get_by_role("button", name="English").get_attribute("aria-current") == "true"
        assert sheet.first.locator("legend").inner_text().split() == f"Question 1/{total} {questions[0].text}".split()
        assert sheet.first.get_by_label("Very satisfied", exact=True).count() == 1
        assert _answered(mobile) == f"Answered 0/{total} questions"
        assert mobile.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

        # Progress follows the taps, without any script on the page.
        assert mobile.locator("script").count() == 0
        for i in (0, 4, 9):
            sheet.nth(i).get_by_label("Satisfied", exact=True).tap()
        assert _answered(mobile) == f"Answered 3/{total} questions"
        assert _lit_segments(mobile) == 3
        assert mobile.locator("#progress").bounding_box()["y"] < PHONE["height"], "the progress stays in sight"
        for i in range(total):
            sheet.nth(i).get_by_label("Very satisfied", exact=True).tap()
        assert _answered(mobile) == f"Answered {total}/{total} questions" and _lit_segments(mobile) == total
        mobile.get_by_role("button", name="Send").click()
        mobile.wait_for_selector("text=Thank you")

        # Back to Vietnamese from the thank-you page.
        mobile.get_by_role("button", name="Tiếng Việt").click()
        mobile.wait_for_selector("text=Cảm ơn Ông/Bà!")
    finally:
        phone.close()
    stored = Response.objects.get(counter=counter)
    assert set(stored.answers.values_list("level", flat=True)) == {5}


def test_the_one_time_code_page_has_the_language_menu_too(counter, browser, live_server):
    phone = _phone(browser)
    try:
        mobile = phone.new_page()
        mobile.goto(f"{live_server.url}/surveys/a/ma/")
        mobile.get_by_role("button", name="English").click()
        mobile.wait_for_selector("html[lang=en]")
        assert mobile.locator("h1").inner_text() != "Trả lời khảo sát bằng mã"
        assert mobile.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        phone.close()


def test_the_office_prints_the_counter_sheet_on_one_centred_a4_page(counter, page, login_as, cast):
    survey = counter.survey
    login_as(cast.mai)
    page.goto(f"{page.base_url}/surveys/{survey.pk}/")
    page.click("text=In mã QR")
    page.wait_for_selector("#qr svg")
    assert page.locator("[onclick]").count() == 0 and page.locator("script:not([src])").count() == 0
    assert page.get_by_role("button", name="In").is_visible(), "the print button, bound by a static script"
    url = page.locator("#qr-url").inner_text().strip()
    assert re.fullmatch(rf"{re.escape(page.base_url)}/surveys/a/{counter.token}/", url)

    page.emulate_media(media="print")
    assert not page.locator(".toolbar").is_visible(), "the buttons do not print"
    for text in (counter.name, counter.place, survey.title, url):
        assert text in page.locator("#sheet").inner_text()
    width = page.evaluate("document.documentElement.clientWidth")
    for part in ("#qr svg", "#counter-name", "#qr-url"):
        box = page.locator(part).bounding_box()
        assert abs(box["x"] + box["width"] / 2 - width / 2) < 3, f"{part} is centred"
    qr = page.locator("#qr svg").bounding_box()
    assert qr["width"] > 300 and abs(qr["width"] - qr["height"]) < 1, "a large square code"

    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1, "the sheet prints on one page"
    media_box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert media_box and abs(float(media_box.group(1)) - 595.3) < 2 and abs(float(media_box.group(2)) - 841.9) < 2, "A4"
