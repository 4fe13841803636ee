"""A plan of thousands of rows opens with a page of them: the first section open, the others one click (or one htmx
request) away, the whole plan on its printable page; the queries do not grow with the rows."""

from datetime import date

import pytest
import time_machine

from plans.actions import create_plan_with_tasks
from plans.views import task_table
from plans.views.task_table import ROWS_PER_PAGE

NOW = "2026-11-23 09:00 +07:00"


def _plan(cast, sections: int, per_section: int, title="Kế hoạch lớn"):
    vp = cast.unit("vp")
    return create_plan_with_tasks(by=cast.mai, issuing_unit=cast.department, header={
        "year": 2026, "title": title, "issue_date": date(2026, 1, 5)}, appendices=[{"number": "1", "sections": [
            {"numeral": str(s + 1), "title": f"Mục số {s + 1}", "tasks": [
                {"code": f"{s + 1}.{i + 1}", "content": f"Nhiệm vụ {s + 1}.{i + 1} của kế hoạch",
                 "deadline_text": "Trước ngày 15/11" if i % 2 else "Quý IV/2026", "lead_units": [vp],
                 "lead_text": "Văn phòng Sở"}
                for i in range(per_section)]}
            for s in range(sections)]}])


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(task_table, "ROWS_PER_PAGE", 4)


@time_machine.travel(NOW, tick=False)
def test_a_large_plan_opens_on_its_first_rows_with_the_rest_one_click_away(cast, client_for, small_pages):
    plan = _plan(cast, sections=3, per_section=6)
    client = client_for(cast.mai)
    page = client.get(f"/plans/{plan.pk}/").content.decode()
    assert "Nhiệm vụ 1.4 của kế hoạch" in page and "Nhiệm vụ 1.5 của kế hoạch" not in page
    assert "Nhiệm vụ 2.1 của kế hoạch" not in page and "Mục số 2" in page and "Mục số 3" in page
    assert page.count("Mở mục này") == 2 and "Xem tiếp các dòng sau" in page
    assert "Số dòng của kế hoạch: 18." in page and f"/plans/{plan.pk}/toan-bo/" in page
    # The plan's figures count every task, shown or not: 18 tasks, the 9 due 13/11 overdue.
    assert '<div>Nhiệm vụ<strong>18</strong></div>' in page.replace("\n", "").replace("  ", "")
    assert "<strong>9</strong>" in page

    section = plan.sections.get(numeral="2")
    fragment = client.get(f"/plans/{plan.pk}/cac-dong/?muc={section.pk}", HTTP_HX_REQUEST="true").content.decode()
    assert "Nhiệm vụ 2.4 của kế hoạch" in fragment and "Nhiệm vụ 2.5 của kế hoạch" not in fragment
    assert "<html" not in fragment and f"muc={section.pk}&amp;tu=4" in fragment
    rest = client.get(f"/plans/{plan.pk}/cac-dong/?muc={section.pk}&tu=4", HTTP_HX_REQUEST="true").content.decode()
    assert "Nhiệm vụ 2.5 của kế hoạch" in rest and "Nhiệm vụ 2.6 của kế hoạch" in rest and "Xem tiếp" not in rest

    whole = client.get(f"/plans/{plan.pk}/toan-bo/").content.decode()
    assert all(f"Nhiệm vụ {s}.{i} của kế hoạch" in whole for s in (1, 2, 3) for i in range(1, 7))
    assert "Mở mục này" not in whole and "Sửa mục" not in whole


@time_machine.travel(NOW, tick=False)
def test_a_plan_of_a_page_or_less_shows_every_row_as_before(cast, client_for):
    plan = _plan(cast, sections=2, per_section=3)
    page = client_for(cast.mai).get(f"/plans/{plan.pk}/").content.decode()
    assert all(f"Nhiệm vụ {s}.{i} của kế hoạch" in page for s in (1, 2) for i in (1, 2, 3))
    assert "Mở mục này" not in page and "Số dòng của kế hoạch" not in page
    assert ROWS_PER_PAGE >= 100


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("url", ["/plans/{pk}/", "/plans/{pk}/toan-bo/", "/plans/{pk}/cac-dong/?muc={section}"])
def test_the_large_plan_pages_take_the_same_queries_for_more_rows(cast, client_for, small_pages, url,
                                                                   django_assert_max_num_queries):
    client = client_for(cast.mai)

    def queries(per_section: int, title: str) -> int:
        plan = _plan(cast, sections=3, per_section=per_section, title=title)
        address = url.format(pk=plan.pk, section=plan.sections.order_by("order")[1].pk)
        with django_assert_max_num_queries(30) as captured:
            assert client.get(address).status_code == 200
        return len(captured.captured_queries)

    assert queries(6, "A") == queries(40, "B")


def test_only_those_who_see_the_plan_see_its_rows_and_odd_addresses_do_not_fail(cast, client_for, small_pages):
    plan = _plan(cast, sections=2, per_section=6)
    other = _plan(cast, sections=1, per_section=2, title="Kế hoạch khác")
    outsider = client_for(cast.khoa)
    assert outsider.get(f"/plans/{plan.pk}/toan-bo/").status_code == 403
    assert outsider.get(f"/plans/{plan.pk}/cac-dong/?muc={plan.sections.first().pk}").status_code == 403
    client = client_for(cast.mai)
    assert client.get(f"/plans/{plan.pk}/cac-dong/?muc={other.sections.get().pk}").status_code == 404
    for query in ("muc=abc&tu=-1", "muc=99999999999999999999", "tu=٣", "muc=0&tu=100000"):
        assert client.get(f"/plans/{plan.pk}/cac-dong/?{query}").status_code in (200, 404), query


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_opening_a_closed_section_in_the_browser_loads_its_rows(cast, page, login_as, live_server, small_pages):
    plan = _plan(cast, sections=2, per_section=6)
    login_as(cast.mai)
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    assert page.locator("text=Nhiệm vụ 2.1 của kế hoạch").count() == 0
    page.get_by_role("link", name="Mở mục này").click()
    page.wait_for_selector("text=Nhiệm vụ 2.4 của kế hoạch")
    assert page.url.endswith(f"/plans/{plan.pk}/"), "loaded in place, not by leaving the page"
    page.get_by_role("link", name="Xem tiếp các dòng sau").last.click()
    page.wait_for_selector("text=Nhiệm vụ 2.6 của kế hoạch")
    assert page.locator("table.plan-table tr", has_text="Nhiệm vụ 2.").count() == 6
