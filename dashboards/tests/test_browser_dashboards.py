"""Each role opens its dashboard in real Chromium and finds the charts drawn, with their table views; a citizen opens
the public page without logging in. No request leaves the site."""

from datetime import date

import pytest
import time_machine

from dashboards import actions
from dashboards.models import Publication
from dashboards.tests.builders import TODAY, load_assessments, make_dossiers, make_plan, make_sipas

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def department_year(cast):
    # The server answers in this process, so the travelled clock is the server's "today" too.
    with time_machine.travel(TODAY, tick=True):
        frameworks = load_assessments(cast)
        make_plan(cast)
        make_sipas(cast)
        make_dossiers(cast.unit("vpdkdd"), [(date(2024, 1, 1), 10, 1), (date(2024, 2, 1), 5, 2)])
        yield cast, frameworks


def watch_requests(page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def assert_drawn(page, chart: str) -> None:
    """The chart's SVG is laid out with a real size and carries drawn values; its table opens on demand."""
    figure = page.locator(f"figure[data-chart='{chart}']").first
    svg = figure.locator("svg[role=img]")
    assert svg.count() == 1
    box = svg.bounding_box()
    assert box and box["width"] > 200 and box["height"] > 100
    assert figure.locator("svg .series").count() >= 1
    assert figure.locator("svg desc.value").count() >= 1, f"{chart}: no value drawn"
    table = figure.locator("details.chart-table table")
    assert not table.is_visible()
    figure.locator("details.chart-table summary").click()
    assert table.is_visible() and table.locator("tbody tr").count() >= 1


def test_office_dashboard(department_year, page, login_as, live_server):
    cast, _ = department_year
    requests = watch_requests(page)
    login_as(cast.mai)
    page.click("nav >> text=Bảng điều khiển")
    page.wait_for_selector("figure[data-chart]")
    assert page.locator("h1").inner_text().startswith("Bảng điều khiển CCHC")
    for chart in ("area-scores", "total-rank", "tasks-status", "sipas", "on-time"):
        assert_drawn(page, chart)
    assert page.locator("#overdue tbody tr").count() == 2
    assert all(url.startswith(live_server.url) for url in requests), [u for u in requests
                                                                      if not u.startswith(live_server.url)]


def test_unit_head_dashboard(department_year, page, login_as):
    cast, _ = department_year
    login_as(cast.hung)
    page.goto(f"{page.base_url}/dashboards/")
    assert "Trung tâm Công nghệ thông tin" in page.locator("h1").inner_text()
    for chart in ("tasks-status", "lost-points"):
        assert_drawn(page, chart)
    assert "Số hóa hồ sơ" in page.locator("#deadlines").inner_text()


def test_leader_dashboard(department_year, page, login_as):
    cast, _ = department_year
    login_as(cast.manh)
    page.goto(f"{page.base_url}/dashboards/")
    assert page.locator("h1").inner_text().startswith("Bảng điều khiển lãnh đạo")
    # The province's ranking of the year being assessed, the last published one beside it, and the department's own.
    assert page.locator("figure[data-chart='ranking']").count() == 3
    for chart in ("ranking", "total-rank", "area-scores"):
        assert_drawn(page, chart)
    page.select_option("#year", "2023")
    page.click("form.board-switch button[type=submit]")
    page.wait_for_url(lambda url: "year=2023" in url)
    assert "năm 2023 và năm 2022" in page.locator("figure[data-chart='area-scores'] figcaption").inner_text()


def test_public_page_without_log_in(department_year, page, live_server):
    cast, frameworks = department_year
    publication = actions.publish(by=cast.mai, kind=Publication.Kind.ASSESSMENT, target=frameworks["internal"])
    requests = watch_requests(page)
    page.goto(f"{live_server.url}/public/")
    assert "/accounts/login/" not in page.url
    page.click(f"text={publication.title}")
    page.wait_for_selector("figure[data-chart='ranking']")
    assert_drawn(page, "ranking")
    results = page.locator("#results").inner_text()
    assert "Văn phòng Sở" in results and "Phòng Quản lý môi trường" not in results
    assert all(url.startswith(live_server.url) for url in requests)
