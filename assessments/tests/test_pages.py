"""Every page answers, in a number of queries that does not grow with criteria, units or years."""

from decimal import Decimal

import pytest

from assessments.models import Assessment
from assessments.tests.builders import internal_framework, open_assessment, publish_as_scored, score_everything
from frameworks import actions as framework_actions
from frameworks.models import Criterion

pytestmark = pytest.mark.django_db
UNITS = ["vp", "tt", "khtc", "bdtnn", "qldd", "qlmt", "vpdkdd", "ttcntt", "ttkt", "ttptqd", "ttqt"]


def _grow(cast, framework, extra: int):
    area = Criterion.objects.get(framework=framework, code="3")
    for i in range(extra):
        framework_actions.add_criterion(framework, by=cast.mai, kind="sub_criterion", code=f"3.{i + 3}",
                                        title=f"Tiêu chí bổ sung {i + 1}", order=100 + i, max_points=Decimal(0),
                                        parent=area)


def _pages(assessment):
    return [f"/assessments/{assessment.pk}/", f"/assessments/{assessment.pk}/results/", "/assessments/",
            f"/assessments/ranking/{assessment.framework_id}/", f"/assessments/years/{assessment.unit_id}/",
            f"/frameworks/{assessment.framework_id}/", "/frameworks/"]


def _count(client, url, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


def test_query_counts_do_not_grow(cast, client_for, django_assert_max_num_queries):
    framework = internal_framework(cast)
    first = open_assessment(cast, "qldd", framework)
    score_everything(first, cast.mai)
    publish_as_scored(cast, first, {"2.2": ("0", "Chưa công khai.")})
    client = client_for(cast.mai)
    for url in _pages(first):  # warms per-process caches (content types, templates) so both rounds compare alike
        client.get(url)
    small = {url: _count(client, url, django_assert_max_num_queries, 25) for url in _pages(first)}

    second_framework = framework_actions.copy_framework(framework, by=cast.mai, year=2025, title="Năm 2025")
    _grow(cast, second_framework, 12)
    for code in UNITS:
        assessment = open_assessment(cast, code, second_framework)
        score_everything(assessment, cast.mai)
        publish_as_scored(cast, assessment)
    big = Assessment.objects.get(framework=second_framework, unit__code="qldd")
    large = {url: _count(client, url, django_assert_max_num_queries, 25) for url in _pages(big)}
    assert list(small.values()) == list(large.values()), (small, large)


def test_pages_answer_for_every_cast_member_without_errors(cast, client_for):
    framework = internal_framework(cast)
    land = open_assessment(cast, "qldd", framework)
    for person in ("lan", "hung", "mai", "thu", "manh", "admin", "khoa"):
        client = client_for(getattr(cast, person))
        for url in _pages(land) + ["/assessments/years/", "/frameworks/help/", "/frameworks/template.xlsx",
                                   f"/frameworks/{framework.pk}/export.xlsx"]:
            assert client.get(url).status_code in (200, 403, 404), (person, url)
