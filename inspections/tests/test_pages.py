"""The inspection pages answer in a number of queries that does not grow with plans, inspections or fixes."""

from datetime import date

import lxml.html
import pytest
import time_machine

from inspections.tests.builders import TODAY, make_fix, make_inspection, make_plan

pytestmark = [pytest.mark.django_db, pytest.mark.dates]
UNITS = ["vp", "tt", "khtc", "bdtnn", "qldd", "qlmt", "vpdkdd", "ttcntt", "ttkt", "ttptqd", "ttqt"]


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(TODAY, tick=False):
        yield


def _grow(cast, plan, units, fixes_each):
    for code in units:
        inspection = make_inspection(cast, plan, code, actual=date(2026, 10, 5))
        for i in range(fixes_each):
            make_fix(cast, inspection, text=f"Khắc phục {i}", finding=f"Tồn tại {i} của {code}")


def _urls(plan):
    inspection = plan.inspections.order_by("pk").first()
    return ["/inspections/", "/inspections/?year=2026", f"/inspections/{plan.pk}/",
            f"/inspections/kiem-tra/{inspection.pk}/", "/inspections/khac-phuc/?status=all"]


@pytest.mark.parametrize("who", ["mai", "hung", "manh"])
def test_query_counts_do_not_grow_with_the_data(cast, client_for, django_assert_max_num_queries, who):
    plan = make_plan(cast)
    _grow(cast, plan, ["ttcntt"], 1)
    client = client_for(getattr(cast, who))
    urls = _urls(plan) if who != "hung" else [u for u in _urls(plan) if u != f"/inspections/{plan.pk}/"]
    for url in urls:
        client.get(url)
    small = {}
    for url in urls:
        with django_assert_max_num_queries(30) as captured:
            assert client.get(url).status_code == 200, url
        small[url] = len(captured.captured_queries)
    _grow(cast, plan, UNITS, 3)
    make_plan(cast, title="Kế hoạch kiểm tra đột xuất năm 2026")
    for url in urls:
        with django_assert_max_num_queries(small[url]):
            assert client.get(url).status_code == 200, url


def test_the_plan_page_shows_the_progress_toward_the_target(cast, client_for):
    plan = make_plan(cast)
    _grow(cast, plan, ["ttcntt", "qldd", "vpdkdd", "ttkt", "ttqt"], 0)
    html = lxml.html.fromstring(client_for(cast.mai).get(f"/inspections/{plan.pk}/").content.decode())
    page = " ".join(html.get_element_by_id("progress").text_content().split())
    assert "Đã kiểm tra 5/11 đơn vị (45,5 %) · chỉ tiêu 50 %" in page
    assert "cần kiểm tra thêm 1 đơn vị" in page
    assert "Chưa được kiểm tra trong năm: VP Sở, TTr Sở, Phòng KH-TC, Phòng QLBĐ-TNN-KS, Phòng QLMT, TTPTQĐ" in page
    _grow(cast, plan, ["ttptqd"], 0)
    assert "đạt chỉ tiêu" in client_for(cast.mai).get(f"/inspections/{plan.pk}/").content.decode()
