"""The projection block on the reform office's and the unit head's boards: the three figures, a table per area and
its chart, the points depending on each unit; on the constructed year of assessments/tests/projection_year.py."""

import lxml.html
import pytest
import time_machine

from assessments.tests import projection_year
from assessments.tests.projection_year import TODAY
from dashboards.tests.builders import load_assessments
from dashboards.tests.test_boards import charts_of

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.fixture
def land(cast, monkeypatch):
    projection_year.register_metric(monkeypatch)
    with time_machine.travel(TODAY, tick=False):
        yield projection_year.build(cast)


def _figures(response, key="projection"):
    doc = lxml.html.fromstring(response.content.decode())
    return {name: doc.get_element_by_id(f"{key}-{name}").text_content().strip()
            for name in ("secured", "at-risk", "lost", "on-plan", "at-pace")}


def test_the_office_board_of_a_division_projects_its_year(cast, land, client_for):
    with time_machine.travel(TODAY, tick=False):
        response = client_for(cast.mai).get("/dashboards/office/?unit=qldd&year=2024")
    assert _figures(response) == {"secured": "1,5", "at-risk": "3", "lost": "3", "on-plan": "6", "at-pace": "4,5"}
    chart = charts_of(response)["projection"]
    # Lĩnh vực | Tối đa | Đã chắc chắn | Chưa chắc chắn, đúng tiến độ | Có nguy cơ mất | Đã mất | đúng hạn | tiến độ
    assert chart["rows"] == [["Công tác chỉ đạo, điều hành CCHC", "6", "1,5", "1,5", "1,5", "1,5", "4,5", "3"],
                             ["Cải cách thủ tục hành chính", "3", "0", "0", "1,5", "1,5", "1,5", "1,5"]]
    units = lxml.html.fromstring(response.content.decode()).get_element_by_id("projection-units")
    assert "Phòng Quản lý đất đai" in units.text_content()


def test_the_unit_heads_board_shows_the_units_own_projection(cast, land, client_for):
    with time_machine.travel(TODAY, tick=False):
        response = client_for(cast.lan).get("/dashboards/unit/?year=2024")
    assert _figures(response)["at-pace"] == "4,5"
    assert "Dự báo điểm năm 2024 – Phòng QLĐĐ" in " ".join(response.content.decode().split())


def test_without_an_assessment_or_framework_the_board_says_so(cast, client_for):
    response = client_for(cast.mai).get("/dashboards/office/?year=2024")
    assert response.status_code == 200
    assert "Không có kỳ đánh giá năm 2024 đang thực hiện để dự báo điểm." in response.content.decode()


@time_machine.travel("2024-10-15 09:00 +07:00", tick=False)
def test_the_it_centre_sees_what_depends_on_it_in_the_departments_assessment(cast, client_for):
    """The demo's 2024 department assessment: the Centre answers for the DTI criterion (self-scored 9,52 of 11)."""
    load_assessments(cast)
    response = client_for(cast.hung).get("/dashboards/unit/?year=2024")
    page = " ".join(lxml.html.fromstring(response.content.decode()).text_content().split())
    assert "phần phụ thuộc vào đơn vị trong kỳ đánh giá của Sở Tài nguyên và Môi trường" in page
    figures = _figures(response, "projection-department")
    assert figures["at-risk"] == "1,48" and figures["lost"] == "0"
    items = lxml.html.fromstring(response.content.decode()).get_element_by_id("projection-department-items")
    assert "Đơn vị tự chấm 9,52 điểm" in items.text_content()
    # The office sees the same criterion among the department's, and the Centre among the units it depends on.
    office = client_for(cast.mai).get("/dashboards/office/?year=2024")
    assert _figures(office)["at-risk"] == "1,48"
    units = lxml.html.fromstring(office.content.decode()).get_element_by_id("projection-units")
    assert "Trung tâm Công nghệ thông tin tài nguyên và môi trường" in units.text_content()


def test_the_office_sees_the_share_of_units_inspected(cast, client_for):
    from inspections.tests.builders import make_inspection, make_plan

    with time_machine.travel("2026-11-23 09:00 +07:00", tick=False):
        plan = make_plan(cast)
        for code in ("ttcntt", "qldd", "vpdkdd"):
            make_inspection(cast, plan, code)
        response = client_for(cast.mai).get("/dashboards/office/?year=2026")
    tile = lxml.html.fromstring(response.content.decode()).get_element_by_id("inspected")
    assert [" ".join(el.text_content().split()) for el in tile] == [
        "Đơn vị được kiểm tra CCHC", "27,3 %", "3/11 đơn vị đã được kiểm tra CCHC"]
