"""The assessment page says, while the year runs, how many points are secured, at risk and already lost (the
constructed year of projection_year.py), in a number of queries that does not grow with the data."""

from decimal import Decimal

import lxml.html
import pytest
import time_machine

from assessments import projection_data
from assessments.tests import projection_year
from assessments.tests.projection_year import TODAY

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.fixture
def land(cast, monkeypatch):
    projection_year.register_metric(monkeypatch)
    with time_machine.travel(TODAY, tick=False):
        yield projection_year.build(cast)


def _block(response):
    assert response.status_code == 200
    doc = lxml.html.fromstring(response.content.decode())
    block = doc.get_element_by_id("projection")
    figures = {key: doc.get_element_by_id(f"projection-{key}").text_content().strip()
               for key in ("secured", "at-risk", "lost", "on-plan", "at-pace")}
    return block, figures


def test_the_page_shows_the_constructed_years_figures(cast, land, client_for):
    with time_machine.travel(TODAY, tick=False):
        block, figures = _block(client_for(cast.lan).get(f"/assessments/{land.pk}/"))
    assert figures == {"secured": "1,5", "at-risk": "3", "lost": "3", "on-plan": "6", "at-pace": "4,5"}
    text = " ".join(block.text_content().split())
    assert "Dự báo điểm năm 2024" in text
    assert "Tính đến ngày 19/02/2024; kỳ số liệu 01/01/2024–09/04/2024 (đã qua 50 %)" in text
    assert "hạng 2/2" in text, "the Environment division's published 7 points rank above both projections"
    areas = {tr[0].text_content(): [td.text_content() for td in tr[1:]]
             for tr in block.get_element_by_id("projection-areas").xpath(".//tbody/tr")}
    # Tối đa | Đã chắc chắn | Có nguy cơ mất | Đã mất | Dự báo (đúng hạn) | Dự báo (tiến độ hiện nay)
    assert areas["Công tác chỉ đạo, điều hành CCHC"] == ["6", "1,5", "1,5", "1,5", "4,5", "3"]
    assert areas["Cải cách thủ tục hành chính"] == ["3", "0", "1,5", "1,5", "1,5", "1,5"]
    assert areas["Tổng điểm"] == ["9", "1,5", "3", "3", "6", "4,5"]
    items = " ".join(block.get_element_by_id("projection-items").text_content().split())
    assert "Đã quá thời hạn 31/01/2024 mà chưa có tài liệu ký trước hạn hay nhiệm vụ hoàn thành đúng hạn" in items
    assert "1 nhiệm vụ liên quan quá hạn" in items and "Phòng QLĐĐ" in items
    assert "Giá trị đo được đến nay (46 %) mới đạt 0 điểm" in items
    assert "Tỷ lệ nhiệm vụ hoàn thành đúng hạn đến nay: 50,0 %." in text


def test_the_figures_follow_the_work(cast, land, client_for):
    """The late task reported done: done late, its points stay at risk; everything depends on the division."""
    from plans.models import Task

    Task.objects.filter(status="in_progress").update(status="done", completed_on="2024-02-16")
    with time_machine.travel(TODAY, tick=False):
        found = projection_data.for_assessment(land, TODAY.date())
    item = next(i for i in found.projection.items if i.item.code == "1.3")
    # Done late now: still at risk, and a late task counts nothing at today's pace.
    assert (item.figures.at_risk, item.figures.at_pace) == (Decimal("1.5"), Decimal("1.5"))
    share = found.share_of(cast.unit("qldd"))
    assert share is not None and share.figures.max_points == Decimal(9)


def test_a_published_result_needs_no_projection(cast, land, client_for):
    from assessments.models import Assessment

    environment = Assessment.objects.get(unit__code="qlmt")
    with time_machine.travel(TODAY, tick=False):
        response = client_for(cast.mai).get(f"/assessments/{environment.pk}/")
    assert response.status_code == 200 and 'id="projection"' not in response.content.decode()


def test_the_page_with_its_projection_reads_in_constant_queries(cast, land, client_for, django_assert_max_num_queries):
    from plans.models import Task

    client = client_for(cast.lan)
    url = f"/assessments/{land.pk}/"
    with time_machine.travel(TODAY, tick=False):
        client.get(url)
        with django_assert_max_num_queries(40) as few:
            assert client.get(url).status_code == 200
        template = Task.objects.order_by("pk").first()
        for i in range(6):
            task = Task.objects.create(plan=template.plan, code=f"9.{i}", order=10 + i, content=f"Nhiệm vụ {i}",
                                       due_date=template.due_date, status="not_started")
            task.lead_units.set([cast.unit("qldd")])
            task.criteria.set(template.criteria.all())
        with django_assert_max_num_queries(len(few.captured_queries)):
            assert client.get(url).status_code == 200


def test_before_the_year_is_opened_the_framework_of_the_year_is_projected(cast, land):
    """2025's framework copied from 2024's, no assessment opened yet: the projection reads the framework, last year's
    window moved to 2025, and ranks against last year's published results."""
    import datetime as dt

    from frameworks import actions as framework_actions

    framework_actions.copy_framework(land.framework, by=cast.mai, year=2025, title="Bộ tiêu chí thử năm 2025")
    found = projection_data.for_unit(cast.unit("qldd"), 2025, dt.date(2025, 2, 19))
    assert found.assessment is None and found.framework.year == 2025
    assert (found.window_start, found.window_end) == (dt.date(2025, 1, 1), dt.date(2025, 4, 9))
    # Nothing scored, no task of 2025: 1.2's deadline, moved to 31/01/2025 by the copy, passed unmet (1 lost); the
    # measured rate is 70 % (1,5 of 3 at risk). On plan 8, at today's pace 6,5, around the Environment division's 7.
    assert (found.total.max_points, found.total.lost, found.total.at_risk) == (9, 1, Decimal("1.5"))
    assert (found.total.on_plan, found.total.at_pace) == (8, Decimal("6.5"))
    assert (found.projection.rank_on_plan, found.projection.rank_at_pace, found.projection.ranked) == (1, 2, 2)


def test_a_year_whose_result_came_in_as_history_is_not_projected(cast, land):
    import datetime as dt

    from assessments.models import HistoricalResult
    from frameworks import actions as framework_actions

    framework_actions.copy_framework(land.framework, by=cast.mai, year=2025, title="Bộ tiêu chí thử năm 2025")
    HistoricalResult.objects.create(unit=cast.unit("qldd"), year=2025, total=Decimal("8.5"), source="Thông báo 2025")
    assert projection_data.for_unit(cast.unit("qldd"), 2025, dt.date(2025, 12, 20)) is None
