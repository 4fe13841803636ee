"""Chart labels are legible at the page's width: every visible text of every chart is drawn at 11 px or more on
screen, on a 1366 px desktop and on a 390 px phone, on each dashboard, the public results and the dossier figures
(Chromium measures each text's font size through its screen transform, so the SVG's scaling counts)."""

from datetime import date

import pytest
import time_machine

from core.testing import PASSWORD
from dashboards import actions
from dashboards.models import Publication
from dashboards.tests.builders import TODAY, load_assessments, make_dossiers, make_plan, make_sipas

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MIN_PX = 11
VIEWPORTS = [{"width": 1366, "height": 900}, {"width": 390, "height": 844}]

# Each drawn text: its font size times the scale from SVG units to screen pixels (rotated labels included).
MEASURE = """() => [...document.querySelectorAll('svg[role=img] text')]
  .filter(t => t.textContent.trim() && !t.closest('.tooltip') && t.getBBox().width > 0
               && getComputedStyle(t).visibility !== 'hidden' && getComputedStyle(t).display !== 'none')
  .map(t => { const m = t.getScreenCTM();
              return [t.textContent.trim().slice(0, 40), parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b)]; })"""


@pytest.fixture
def department_year(cast):
    with time_machine.travel(TODAY, tick=True):
        frameworks = load_assessments(cast)
        make_plan(cast)
        make_sipas(cast)
        make_dossiers(cast.unit("vpdkdd"), [(date(2024, 1, 1), 10, 1), (date(2024, 2, 1), 5, 2)])
        yield cast, frameworks


def _small_labels(page, url: str) -> tuple[int, list]:
    page.goto(url)
    page.wait_for_selector("svg[role=img] text")
    drawn = page.evaluate(MEASURE)
    return len(drawn), [(text, round(px, 1)) for text, px in drawn if px < MIN_PX]


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: f"{v['width']}px")
def test_every_chart_label_is_at_least_11_px(department_year, browser, live_server, viewport):
    cast, frameworks = department_year
    publication = actions.publish(by=cast.mai, kind=Publication.Kind.ASSESSMENT, target=frameworks["internal"])
    context = browser.new_context(locale="vi-VN", viewport=viewport, is_mobile=viewport["width"] < 500)
    context.set_default_timeout(15000)
    page = context.new_page()
    page.base_url = live_server.url
    checked = {}
    try:
        checked["public"] = _small_labels(page, f"{live_server.url}/public/{publication.pk}/")
        for who, path in (("mai", "/dashboards/"), ("manh", "/dashboards/"), ("hung", "/dashboards/"),
                          ("mai", "/dossiers/?start=01/01/2024&end=30/11/2024")):
            context.clear_cookies()
            page.goto(f"{live_server.url}/accounts/login/")
            page.fill("input[name=username]", getattr(cast, who).username)
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url(lambda url: "/accounts/login/" not in url)
            with time_machine.travel(TODAY, tick=True):
                checked[f"{who} {path}"] = _small_labels(page, f"{live_server.url}{path}")
            # The page itself never scrolls sideways: a chart wider than the phone scrolls inside its card.
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"] + 1, f"{who} {path}"
    finally:
        context.close()
    assert all(count > 20 for count, _ in checked.values()), {k: n for k, (n, _) in checked.items()}
    small = {page: labels for page, (_, labels) in checked.items() if labels}
    assert not small, small
