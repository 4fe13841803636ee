"""The home-page block: the department's latest published total and rank, for the office and leaders only."""

import lxml.html
import pytest

from dashboards import actions
from dashboards.models import Publication
from dashboards.tests.builders import load_assessments, make_plan


def block_of(response) -> str | None:
    assert response.status_code == 200
    found = lxml.html.fromstring(response.content.decode()).xpath("//section[@id='home-results']")
    return " ".join(found[0].text_content().split()) if found else None


@pytest.fixture
def history(cast):
    return load_assessments(cast)


def test_leader_sees_the_latest_published_total_and_rank(history, cast, client_for):
    block = block_of(client_for(cast.manh).get("/"))
    assert "Kết quả CCHC của Sở Tài nguyên và Môi trường" in block
    assert "Tổng điểm năm 2023 87,225 năm 2022: 85,675" in block
    assert "Xếp hạng 10/21 năm 2022: hạng 12" in block
    assert "Đang công khai" not in block, "publishing is the office's business"


def test_office_also_sees_how_much_is_public(history, cast, client_for):
    actions.publish(by=cast.mai, kind=Publication.Kind.PLAN, target=make_plan(cast))
    block = block_of(client_for(cast.mai).get("/"))
    assert "Đang công khai 1 nội dung" in block


@pytest.mark.parametrize("who", ["lan", "hung", "khoa"])
def test_specialists_and_unit_heads_do_not_get_the_block(history, cast, client_for, who):
    assert block_of(client_for(getattr(cast, who)).get("/")) is None


def test_before_any_result_the_block_says_so(cast, client_for):
    assert "Chưa có kết quả được công bố." in block_of(client_for(cast.manh).get("/"))


def test_the_block_costs_the_same_queries_with_more_years(history, cast, django_assert_max_num_queries, rf):
    """Counted on the block itself: the rest of the home page belongs to other apps' blocks."""
    from decimal import Decimal

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from assessments.models import HistoricalArea, HistoricalResult
    from dashboards.widgets import latest_result

    request = rf.get("/")
    request.user = cast.manh
    with CaptureQueriesContext(connection) as before:
        assert latest_result(request)[1]["before"].year == 2022
    for year in (2015, 2016, 2017, 2018):
        result = HistoricalResult.objects.create(unit=cast.department, year=year, total=Decimal("80.5"),
                                                 source="Quyết định công bố Chỉ số CCHC")
        HistoricalArea.objects.create(result=result, title="Cải cách thể chế", score=Decimal(6), max_points=Decimal(7))
    with django_assert_max_num_queries(len(before)):
        assert latest_result(request)[1]["last"].year == 2023
