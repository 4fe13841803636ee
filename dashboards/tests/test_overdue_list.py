"""The office board's overdue list shows the oldest rows, each linking to its task, and a link to the full list
(the plans app's overdue page filtered on the unit), which holds every one the board counted."""

from datetime import date

import lxml.html
import pytest
import time_machine

from dashboards.sources import OVERDUE_SHOWN
from dashboards.tests.builders import TODAY, make_plan

pytestmark = pytest.mark.dates


@time_machine.travel(TODAY, tick=False)
def test_the_board_shows_the_top_rows_and_links_to_all_of_them(cast, client_for):
    tasks = [(str(i), f"Nhiệm vụ quá hạn số {i:02d}", ["vp", "qldd", "ttcntt"][i % 3], date(2024, 11, 1 + i),
              "in_progress") for i in range(1, 15)]
    plan = make_plan(cast, tasks=tasks)
    make_plan(cast, status="draft", number="06", tasks=[("1", "Việc của một dự thảo", "vp", date(2024, 11, 1),
                                                          "not_started")])
    client = client_for(cast.mai)
    doc = lxml.html.fromstring(client.get("/dashboards/").content.decode())
    block = doc.xpath("//section[@id='overdue']")[0]
    assert " ".join(block.xpath("string(h2/span)").split()) == "14", "a draft's tasks are not overdue"
    rows = block.xpath(".//tbody/tr")
    assert len(rows) == OVERDUE_SHOWN
    first = rows[0].xpath(".//a[starts-with(@href, '/plans/nhiem-vu/')]")[0]
    assert first.text_content().strip() == "Nhiệm vụ quá hạn số 01"
    assert first.get("href") == f"/plans/nhiem-vu/{plan.tasks.get(code='1').pk}/"
    full = block.xpath(".//a[contains(., 'Xem đủ 14 nhiệm vụ quá hạn')]")[0].get("href")
    assert full == f"/plans/han/?unit={cast.department.code}#overdue"

    listed = lxml.html.fromstring(client.get(full.split("#")[0]).content.decode())
    names = [a.text_content().strip() for a in listed.xpath("//h2[@id='overdue']/following-sibling::div[1]//tbody//a"
                                                            "[starts-with(@href, '/plans/nhiem-vu/')]")]
    assert names == [f"Nhiệm vụ quá hạn số {i:02d}" for i in range(1, 15)]


@time_machine.travel(TODAY, tick=False)
def test_the_full_list_is_narrowed_to_units_the_reader_may_see(cast, client_for):
    make_plan(cast)
    assert client_for(cast.mai).get(f"/plans/han/?unit={cast.unit('qldd').code}").status_code == 200
    assert client_for(cast.khoa).get(f"/plans/han/?unit={cast.department.code}").status_code == 404
    assert client_for(cast.mai).get("/plans/han/?unit=khong-co").status_code == 404
