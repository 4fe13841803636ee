"""The demo publishes what a department would publish, once: /public/ shows it to anyone, a second run adds nothing."""

import lxml.html
import pytest

from audit.models import AuditEntry
from dashboards import demo
from dashboards.models import Publication
from dashboards.tests.builders import demo_context


@pytest.fixture
def context(cast):
    from assessments import demo as assessments_demo
    from frameworks import demo as frameworks_demo
    from plans import demo as plans_demo
    from surveys import demo as surveys_demo
    from workdays import demo as workdays_demo

    context = demo_context(cast)
    for module in (workdays_demo, frameworks_demo, assessments_demo, plans_demo, surveys_demo):
        module.load(context)
    return context


def text_of(response) -> str:
    assert response.status_code == 200
    return " ".join(lxml.html.fromstring(response.content.decode()).text_content().split())


def test_demo_publishes_results_sipas_and_plan_progress_once(context, client):
    demo.load(context)
    first = list(Publication.objects.order_by("pk").values_list("kind", "object_id", "withdrawn_at"))
    audited = AuditEntry.objects.count()
    demo.load(context)
    assert list(Publication.objects.order_by("pk").values_list("kind", "object_id", "withdrawn_at")) == first
    assert AuditEntry.objects.count() == audited
    assert sorted(kind for kind, _, _ in first) == ["assessment", "plan", "plan", "sipas", "sipas"]

    index = text_of(client.get("/public/"))
    assert "Kết quả đánh giá, xếp hạng CCHC năm 2024" in index
    internal = Publication.objects.get(kind=Publication.Kind.ASSESSMENT)
    detail = text_of(client.get(f"/public/{internal.pk}/"))
    assert "Văn phòng Sở" in detail and "Xếp hạng CCHC năm 2024" in detail
    for publication in Publication.objects.exclude(pk=internal.pk):
        assert publication.title in index
        assert client.get(f"/public/{publication.pk}/").status_code == 200


def test_a_withdrawal_made_in_the_demo_stays(context, cast):
    demo.load(context)
    plan = Publication.objects.filter(kind=Publication.Kind.PLAN).first()
    from dashboards import actions

    actions.withdraw(by=cast.mai, publication=plan)
    demo.load(context)
    assert not Publication.objects.live().filter(object_id=plan.object_id, kind=Publication.Kind.PLAN).exists()
    assert Publication.objects.filter(kind=Publication.Kind.PLAN).count() == 2
