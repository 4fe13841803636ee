"""Every page answers, in a number of queries that does not grow with criteria, units or years."""

from decimal import Decimal

import pytest

from assessments import actions
from assessments.models import Assessment, Evidence
from assessments.tests.builders import (
    internal_framework,
    open_assessment,
    publish_as_scored,
    score_everything,
    score_of,
)
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


def _confirmations(assessment):
    base = f"/assessments/{assessment.pk}"
    return [("mai", f"{base}/submit/"), ("thu", f"{base}/finalise/"), ("admin", f"{base}/publish/"),
            ("hung", f"/assessments/ranking/{assessment.framework_id}/"), ("thu", f"{base}/")]


def test_confirmation_pages_and_ranking_links_in_constant_queries(cast, django_assert_max_num_queries):
    from django.test import Client

    from dashboards.actions import publish as publish_publicly

    def clients():
        made = {}
        for name in ("mai", "thu", "admin", "hung"):
            made[name] = Client()
            made[name].force_login(getattr(cast, name))
        return made

    framework = internal_framework(cast)
    first = open_assessment(cast, "qldd", framework)
    score_everything(first, cast.mai)
    actions.submit(first, by=cast.mai)
    published = open_assessment(cast, "vp", framework)
    score_everything(published, cast.mai)
    publish_as_scored(cast, published)
    publish_publicly(by=cast.mai, kind="assessment", target=framework)
    people = clients()
    for who, url in _confirmations(first):
        people[who].get(url)
    small = [_count(people[who], url, django_assert_max_num_queries, 40) for who, url in _confirmations(first)]
    for code in UNITS:
        if code not in ("qldd", "vp"):
            other = open_assessment(cast, code, framework)
            score_everything(other, cast.mai)
            publish_as_scored(cast, other, {"2.2": ("0", "Chưa công khai.")})
    for extra in range(3):  # more evidence on the submitted items (stored directly: self-scoring is closed)
        Evidence.objects.create(score=score_of(first, f"1.{extra + 1}"), file="evidence/x.pdf", name=f"{extra}.pdf",
                                sha256="0" * 64, uploaded_by=cast.lan)
    large = [_count(people[who], url, django_assert_max_num_queries, 40) for who, url in _confirmations(first)]
    assert small == large, (small, large)
    ranking = people["hung"].get(f"/assessments/ranking/{framework.pk}/").content.decode()
    own = Assessment.objects.get(framework=framework, unit__code="ttcntt")
    assert f'href="/assessments/{own.pk}/results/"' in ranking, "hung opens his own unit's results"
    assert ranking.count('href="/public/') == len(UNITS) - 2, "the others' published results: the public page"
    assert f"/assessments/{first.pk}/" not in ranking, "nothing unpublished, and no link to a refused page"


def test_pages_answer_for_every_cast_member_without_errors(cast, client_for):
    framework = internal_framework(cast)
    land = open_assessment(cast, "qldd", framework)
    for person in ("lan", "hung", "mai", "thu", "manh", "admin", "khoa"):
        client = client_for(getattr(cast, person))
        for url in _pages(land) + ["/assessments/years/", "/frameworks/help/", "/frameworks/template.xlsx",
                                   f"/frameworks/{framework.pk}/export.xlsx"]:
            assert client.get(url).status_code in (200, 403, 404), (person, url)
