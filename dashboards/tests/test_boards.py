"""The three dashboards: what each role sees, that every chart has its table, scope checks, constant queries."""

from datetime import date

import lxml.html
import pytest
import time_machine

from core.templatetags.vn import score
from dashboards.tests.builders import TODAY, load_assessments, make_dossiers, make_plan, make_sipas

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def _on_the_fifth_of_december_2024():
    with time_machine.travel(TODAY, tick=False):
        yield


def charts_of(response) -> dict[str, dict]:
    """{chart kind: {"values": drawn values, "rows": table rows as text}} read from the page as a browser would."""
    assert response.status_code == 200
    doc = lxml.html.fromstring(response.content.decode())
    found = {}
    for figure in doc.xpath("//figure[@data-chart]"):
        svg = figure.xpath(".//*[local-name()='svg']")
        assert len(svg) == 1 and svg[0].get("role") == "img" and svg[0].get("aria-label")
        drawn = [d.text for d in figure.xpath(".//*[local-name()='desc'][@class='value']")]
        rows = [[c.text_content().strip() for c in tr] for tr in figure.xpath(".//table/tbody/tr")]
        found[figure.get("data-chart")] = {"values": drawn, "rows": rows}
    return found


def text_of(response) -> str:
    return " ".join(lxml.html.fromstring(response.content.decode()).text_content().split())


@pytest.fixture
def department_year(cast):
    """A year of the seed department: results, a plan, SIPAS answers and dossiers."""
    load_assessments(cast)
    make_plan(cast)
    make_sipas(cast)
    make_dossiers(cast.unit("vpdkdd"), [(date(2024, 1, 1), 10, 1), (date(2024, 2, 1), 5, 2)])
    return cast


def test_office_board_shows_every_figure_with_its_table(department_year, client_for):
    cast = department_year
    response = client_for(cast.mai).get("/dashboards/")
    found = charts_of(response)
    assert set(found) == {"area-scores", "total-rank", "tasks-status", "sipas", "on-time", "projection"}

    areas = {row[0]: row for row in found["area-scores"]["rows"]}
    # 2024 is being self-assessed (DTI 95,2 → 9,52 of 11), 2023 as published.
    assert areas["Chính quyền điện tử, chính quyền số"] == ["Chính quyền điện tử, chính quyền số", "11", "9,52",
                                                           "1,48", "11", "9,376", "+0,144"]
    assert areas["Cải cách chế độ công vụ"][2] == "–", "an area nobody scored yet is not shown as 0"
    assert "9,52" in found["area-scores"]["values"]

    assert found["total-rank"]["rows"][-1] == ["2023", "87,225", "10/21"]
    assert found["total-rank"]["rows"][0] == ["2019", "81,659", "9/21"]

    tasks = {row[0]: row[1:] for row in found["tasks-status"]["rows"]}
    # Chưa thực hiện | Đang thực hiện | Quá hạn | Đã hoàn thành | Tổng
    assert tasks["VP Sở"] == ["0", "1", "0", "1", "2"]
    assert tasks["TTCNTT TNMT"] == ["0", "1", "1", "0", "2"]
    assert tasks["Phòng KH-TC"] == ["0", "0", "1", "0", "1"]

    sipas = {row[0]: row[1] for row in found["sipas"]["rows"]}
    assert sipas["Công chức giải quyết công việc"] == "100,0 %"
    assert sipas["Tiếp cận dịch vụ"] == "75,0 %"
    assert sipas["Chỉ số hài lòng chung"] == "80,0 %"

    assert found["on-time"]["rows"] == [["01/2024", "10", "9", "90,0 %"], ["02/2024", "5", "3", "60,0 %"]]

    page = text_of(response)
    assert "Nhiệm vụ quá hạn 2 tính đến ngày 05/12/2024, mọi kế hoạch" in page
    assert "Quá hạn 20 ngày" in page, "15/11 → 05/12/2024"
    assert "Đang tự đánh giá" in page


def test_points_lost_count_only_the_items_scored_so_far(department_year, client_for):
    """While the year is being self-assessed, an item not scored yet is not a lost point."""
    from assessments.models import Assessment
    from frameworks.models import Criterion

    cast = department_year
    found = charts_of(client_for(cast.mai).get("/dashboards/"))
    rows = {row[0]: row for row in found["area-scores"]["rows"]}
    assessment = Assessment.objects.get(unit=cast.department, framework__year=2024)
    criteria = list(Criterion.objects.filter(framework=assessment.framework))
    parents = {c.parent_id for c in criteria}

    def leaves_under(node):
        children = [c for c in criteria if c.parent_id == node.pk]
        return [node] if not children else [leaf for c in children for leaf in leaves_under(c)]

    checked = 0
    for area in (c for c in criteria if c.kind == Criterion.Kind.AREA and c.pk in parents):
        leaves = leaves_under(area)
        scores = {s.criterion_id: s.self_score for s in assessment.scores.filter(criterion__in=leaves)}
        scored = [c for c in leaves if scores.get(c.pk) is not None]
        if not scored or len(scored) == len(leaves):
            continue
        lost = sum(c.max_points - scores[c.pk] for c in scored)
        assert rows[area.title][3] == score(lost), area.title
        checked += 1
    assert checked, "the demo's 2024 assessment has an area scored only in part"


def test_office_board_for_an_earlier_year(department_year, client_for):
    found = charts_of(client_for(department_year.mai).get("/dashboards/office/?year=2023"))
    areas = {row[0]: row for row in found["area-scores"]["rows"]}
    assert areas["Cải cách thể chế"] == ["Cải cách thể chế", "6,5", "6,5", "0", "6,5", "5,5", "+1"]
    # one-stop was its own area until 2022, then merged into the administrative-procedure area
    assert areas["Thực hiện cơ chế một cửa, một cửa liên thông"][1:3] == ["–", "–"]
    assert found["tasks-status"]["rows"] == [], "the plan is of 2024"


def test_unit_head_sees_the_units_tasks_deadlines_and_lost_points(department_year, client_for):
    cast = department_year
    response = client_for(cast.hung).get("/dashboards/")
    found = charts_of(response)
    # With the projection of the Centre's own 2024 result and of what depends on it in the department's.
    assert set(found) == {"tasks-status", "lost-points", "projection"}
    assert found["tasks-status"]["rows"] == [["05/KH-STNMT", "0", "1", "1", "0", "2"]]
    lost = {row[0]: row[1] for row in found["lost-points"]["rows"]}
    assert lost["4.1 Chỉ số hài lòng SIPAS của đơn vị (tiêu chí minh họa, không có trong kế hoạch)"] == "1,2"
    assert lost["2.1 Tỷ lệ hồ sơ TTHC giải quyết đúng và trước hạn (tiêu chí minh họa, không có trong kế hoạch)"] == "0,4"
    page = text_of(response)
    assert "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính" in page and "còn 11 ngày" in page
    assert "hoàn thiện quy định chức năng" not in page.lower(), "another unit's task"


def test_leader_sees_rankings_and_the_departments_trend(department_year, client_for):
    response = client_for(department_year.manh).get("/dashboards/")
    found = charts_of(response)
    assert "ranking" in found and "total-rank" in found
    doc = lxml.html.fromstring(response.content.decode())
    internal = [f for f in doc.xpath("//figure[@data-chart='ranking']") if "phòng, đơn vị" in f.findtext("figcaption")]
    rows = [[c.text_content().strip() for c in tr] for tr in internal[0].xpath(".//table/tbody/tr")]
    assert rows[0] == ["Trung tâm Công nghệ thông tin tài nguyên và môi trường", "1", "100,2", "100", "Đã công bố"]
    assert ["Phòng Kế hoạch – Tài chính", "3", "88", "100", "Đã công bố"] in rows
    assert ["Thanh tra Sở", "3", "88", "100", "Đã công bố"] in rows
    # The leader reads the Environment division's result while it is with the appraisers, labelled as not final.
    assert [row[-1] for row in rows if row[0] == "Phòng Quản lý môi trường"] == ["Đã gửi thẩm định"]
    assert found["total-rank"]["rows"][-1] == ["2023", "87,225", "10/21"]


@pytest.mark.parametrize(("who", "template"), [
    ("mai", "dashboards/office.html"), ("admin", "dashboards/office.html"), ("manh", "dashboards/leader.html"),
    ("thu", "dashboards/leader.html"), ("hung", "dashboards/unit.html"), ("lan", "dashboards/unit.html"),
])
def test_the_board_follows_the_role(cast, client_for, who, template):
    response = client_for(getattr(cast, who)).get("/dashboards/")
    assert response.status_code == 200
    assert template in [t.name for t in response.templates]


def test_empty_boards_say_there_is_no_data(cast, client_for):
    response = client_for(cast.mai).get("/dashboards/")
    found = charts_of(response)
    assert all(not chart["rows"] for name, chart in found.items() if name != "area-scores")
    assert "Chưa có dữ liệu cho biểu đồ này." in text_of(response)


@pytest.mark.parametrize(("who", "url", "status"), [
    ("khoa", "/dashboards/office/?unit=stnmt", 403),   # another department
    ("lan", "/dashboards/office/?unit=vp", 403),       # a specialist sees her own unit only
    ("hung", "/dashboards/unit/?unit=qldd", 403),
    ("manh", "/dashboards/leader/?unit=stp", 403),
    ("mai", "/dashboards/office/?unit=khong-co", 404),
    ("lan", "/dashboards/unit/?unit=qldd", 200),
    ("manh", "/dashboards/office/?unit=qldd", 200),    # a leader reads any unit of the department
    ("mai", "/dashboards/office/?year=abc", 200),
    ("mai", "/dashboards/office/?year=1800", 200),
])
def test_scope_is_checked_against_the_permission_table(cast, client_for, who, url, status):
    assert client_for(getattr(cast, who)).get(url).status_code == status


@pytest.mark.parametrize("query", [
    "year=99999999999999999999999", "year=2024%00", "year=-1", "year=", "unit=%00", "unit=vp%00",
    "unit=" + "x" * 5000, "unit=%F0%9F%98%80&year=2024", "unit=vp&unit=qldd", "year=2024&year=abc",
])
def test_odd_queries_never_break_a_board(cast, client_for, query):
    for board in ("office", "unit", "leader"):
        assert client_for(cast.mai).get(f"/dashboards/{board}/?{query}").status_code in (200, 404)


def test_another_departments_data_never_shows(department_year, client_for):
    response = client_for(department_year.khoa).get("/dashboards/")
    assert response.status_code == 200
    page = text_of(response)
    assert "Sở Tư pháp" in page
    assert "PAR INDEX" not in page and "81,659" not in page


def _grow(cast, n):
    """n more of everything the office board counts: tasks in more plans, dossiers in more months, answers."""
    for i in range(n):
        make_plan(cast, number=f"{10 + i}", title=f"Kế hoạch tuyên truyền CCHC số {i}")
    make_dossiers(cast.unit("qldd"), [(date(2024, m, 1), 3 * n, n) for m in range(3, 3 + n)])
    make_sipas(cast, satisfied=2 * n, unhappy=n, title=f"Phiếu khảo sát bổ sung {n}")


@pytest.mark.parametrize("board", ["office", "unit", "leader"])
def test_query_count_does_not_grow_with_data(department_year, client_for, django_assert_max_num_queries, board):
    user = {"office": department_year.mai, "unit": department_year.hung, "leader": department_year.manh}[board]
    client = client_for(user)
    url = f"/dashboards/{board}/"
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(url)
    _grow(department_year, 6)
    with django_assert_max_num_queries(len(small)):
        client.get(url)


def test_a_province_of_many_lead_units_charts_the_busiest_and_adds_up_the_others(department_year):
    from dashboards import sources

    cast = department_year
    every = sources.tasks_by_unit(cast.department, 2024, date(2024, 12, 5))
    two = sources.tasks_by_unit(cast.department, 2024, date(2024, 12, 5), limit=2)
    assert len(every) == 3 and len(two) == 3
    # The two units with two tasks each keep their bars; the one with a single task goes into the last bar.
    assert {u.unit for u in two[:2]} == {"VP Sở", "TTCNTT TNMT"}
    assert (two[-1].unit, two[-1].counts) == ("Các đơn vị khác (1 đơn vị)", {"overdue": 1})
