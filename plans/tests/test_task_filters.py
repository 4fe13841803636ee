"""'Nhiệm vụ của tôi' and the unit's list open on this year's plans (2024's overdue rows no longer bury the current
ones) and filter by year, plan and status, in the same number of queries however many tasks there are."""

import pytest
import time_machine

from plans.tests.builders import make_plan, make_task

pytestmark = pytest.mark.dates
NOW = "2026-11-23 09:00 +07:00"


def _plans(cast):
    old = make_plan(cast, year=2024, number="05", title="Kế hoạch nâng cao chỉ số PAR INDEX năm 2024")
    make_task(cast, old, code="1", content="Nhiệm vụ cũ năm 2024 còn dở", deadline="Trước ngày 15/11")
    current = make_plan(cast, number="08", title="Kế hoạch CCHC năm 2026")
    make_task(cast, current, code="1", content="Công bố danh mục TTHC đất đai", deadline="Trước ngày 25/11")
    other = make_plan(cast, number="09", title="Kế hoạch tuyên truyền CCHC năm 2026")
    make_task(cast, other, code="1", content="Tuyên truyền về một cửa", deadline="Quý IV/2026")
    return old, current, other


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("url", ["/plans/cua-toi/", "/plans/don-vi/"])
def test_lists_open_on_this_years_plans_and_filter_by_year_plan_and_status(cast, client_for, url):
    old, current, other = _plans(cast)
    client = client_for(cast.lan)
    page = client.get(url).content.decode()
    assert "Công bố danh mục TTHC đất đai" in page and "Tuyên truyền về một cửa" in page
    assert "Nhiệm vụ cũ năm 2024 còn dở" not in page
    assert '<option value="2024">2024</option>' in page and '<option value="2026" selected>' in page

    every = client.get(url + "?year=all").content.decode()
    assert "Nhiệm vụ cũ năm 2024 còn dở" in every and "Công bố danh mục TTHC đất đai" in every
    only_old = client.get(url + "?year=2024").content.decode()
    assert "Nhiệm vụ cũ năm 2024 còn dở" in only_old and "Công bố danh mục TTHC đất đai" not in only_old

    one_plan = client.get(url + f"?plan={current.pk}").content.decode()
    assert "Công bố danh mục TTHC đất đai" in one_plan and "Tuyên truyền về một cửa" not in one_plan
    assert client.get(url + "?status=done").content.decode().count("/plans/nhiem-vu/") == 0
    for junk in ("?year=abc", "?year=99999999999999999999", "?plan=%C2%B2", "?plan=999999999999999999999"):
        assert client.get(url + junk).status_code == 200


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("url", ["/plans/cua-toi/", "/plans/don-vi/", "/plans/cua-toi/?year=all",
                                 "/plans/don-vi/?year=2024&status=all"])
def test_the_filtered_lists_cost_the_same_queries_with_more_tasks(cast, client_for, django_assert_max_num_queries,
                                                                   url):
    old, current, other = _plans(cast)
    client = client_for(cast.lan)
    with django_assert_max_num_queries(30) as small:
        assert client.get(url).status_code == 200
    for plan in (old, current, other):
        for i in range(2, 14):
            make_task(cast, plan, code=str(i), content=f"Nhiệm vụ {i}", deadline="Quý IV/" + str(plan.year))
    make_plan(cast, year=2025, number="11")
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200
