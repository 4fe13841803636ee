"""Publishing results on the public page: only what the office publishes shows, withdrawn content disappears,
every step is audited, and the public pages need no log-in."""

import lxml.html
import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError

from audit.models import AuditEntry
from dashboards import actions
from dashboards.models import Publication
from dashboards.tests.builders import TODAY, add_internal_result, make_internal_results, make_plan, make_sipas
from frameworks.models import Framework


@pytest.fixture(autouse=True)
def _in_december_2024():
    with time_machine.travel(TODAY, tick=False):
        yield


def text_of(response) -> str:
    assert response.status_code == 200
    return " ".join(lxml.html.fromstring(response.content.decode()).text_content().split())


@pytest.fixture
def internal(cast):
    """The department's internal 2024 framework: three units' results published, the Environment division's not."""
    return make_internal_results(cast)


def test_office_publishes_results_and_ranking_through_the_form(cast, client_for, internal, client):
    office = client_for(cast.mai)
    form_page = office.get("/dashboards/publications/")
    assert f"assessment:{internal.pk}" in form_page.content.decode()
    response = office.post("/dashboards/publications/", {"target": f"assessment:{internal.pk}", "title": "",
                                                         "note": "Theo Quyết định công bố kết quả năm 2024."})
    assert response.status_code == 302
    publication = Publication.objects.get()
    assert publication.kind == Publication.Kind.ASSESSMENT and publication.target == internal
    assert publication.unit == cast.department and publication.published_by == cast.mai
    assert publication.title.startswith("Kết quả đánh giá, xếp hạng CCHC năm 2024")
    entry = AuditEntry.objects.get(object_id=str(publication.pk),
                                   content_type=ContentType.objects.get_for_model(Publication))
    assert entry.user == cast.mai and entry.action == "create" and entry.changes["title"][1] == publication.title

    office.logout()
    index = text_of(client.get("/public/"))
    assert publication.title in index
    response = client.get(f"/public/{publication.pk}/")
    detail = text_of(response)
    rows = [[c.text_content().strip() for c in tr]
            for tr in lxml.html.fromstring(response.content.decode()).xpath("//section[@id='results']//tbody/tr")]
    assert rows == [
        ["1", "Văn phòng Sở", "60/60", "39/40", "0", "0", "99/100", "Xuất sắc"],
        ["2", "Trung tâm Công nghệ thông tin tài nguyên và môi trường", "55/60", "40/40", "0", "0", "95/100",
         "Xuất sắc"],
        ["3", "Phòng Quản lý đất đai", "40/60", "31/40", "0", "0", "71/100", "Khá"],
    ]
    assert "Theo Quyết định công bố kết quả năm 2024." in detail
    # Published framework, unpublished assessment: the Environment division is still being appraised.
    assert "Phòng Quản lý môi trường" not in detail


def test_withdrawn_content_disappears_and_the_trail_says_so(cast, client, internal):
    publication = actions.publish(by=cast.mai, kind=Publication.Kind.ASSESSMENT, target=internal)
    assert client.get(f"/public/{publication.pk}/").status_code == 200
    actions.withdraw(by=cast.mai, publication=publication)
    assert client.get(f"/public/{publication.pk}/").status_code == 404
    assert publication.title not in text_of(client.get("/public/"))
    publication.refresh_from_db()
    assert publication.withdrawn_by == cast.mai and publication.withdrawn_at is not None
    last = AuditEntry.objects.filter(object_id=str(publication.pk)).order_by("-pk").first()
    assert last.note == "Gỡ khỏi trang công khai" and last.changes["withdrawn_at"][0] is None
    with pytest.raises(ValidationError, match="đã được gỡ"):
        actions.withdraw(by=cast.mai, publication=publication)
    # and it may be published again afterwards
    again = actions.publish(by=cast.mai, kind=Publication.Kind.ASSESSMENT, target=internal)
    assert client.get(f"/public/{again.pk}/").status_code == 200


def test_withdraw_through_the_page(cast, client_for, internal):
    publication = actions.publish(by=cast.mai, kind=Publication.Kind.ASSESSMENT, target=internal)
    office = client_for(cast.mai)
    assert office.get(f"/dashboards/publications/{publication.pk}/withdraw/").status_code == 405
    response = office.post(f"/dashboards/publications/{publication.pk}/withdraw/", follow=True)
    assert "Đã gỡ" in text_of(response)
    assert not Publication.objects.live().exists()


def test_nothing_unpublished_leaks(cast, client):
    make_internal_results(cast)
    survey = make_sipas(cast, title="Phiếu khảo sát SIPAS chưa công khai")
    plan = make_plan(cast, title="Kế hoạch CCHC chưa công khai")
    published_plan = make_plan(cast, number="07", title="Kế hoạch kiểm tra CCHC năm 2024")
    publication = actions.publish(by=cast.mai, kind=Publication.Kind.PLAN, target=published_plan)

    index = text_of(client.get("/public/"))
    detail = text_of(client.get(f"/public/{publication.pk}/"))
    for page in (index, detail):
        assert "Kế hoạch CCHC chưa công khai" not in page
        assert "Phiếu khảo sát SIPAS chưa công khai" not in page
        assert "99/100" not in page and "Xếp hạng CCHC" not in page, "no assessment result was published"
    assert "Kế hoạch kiểm tra CCHC năm 2024" in detail
    # Only publications have public addresses: there is no way to name the survey or the plan itself.
    for pk in (survey.pk, plan.pk, publication.pk + 1, 0):
        assert client.get(f"/public/{pk}/").status_code == 404 or pk == publication.pk
    assert client.get("/public/abc/").status_code == 404


def test_sipas_results_of_a_unit(cast, client):
    survey = make_sipas(cast, unit=cast.unit("vpdkdd"), satisfied=3, unhappy=1)
    publication = actions.publish(by=cast.mai, kind=Publication.Kind.SIPAS, target=survey)
    response = client.get(f"/public/{publication.pk}/")
    page = text_of(response)
    assert "Văn phòng Đăng ký đất đai" in page
    assert "Chỉ số hài lòng chung: 80,00 %" in page and "Số phiếu: 4" in page
    doc = lxml.html.fromstring(response.content.decode())
    rows = {tr[0].text_content(): tr[1].text_content() for tr in doc.xpath("//figure//table/tbody/tr")}
    assert rows["Công chức giải quyết công việc"] == "100,0 %"
    assert doc.xpath("//*[local-name()='svg'][@role='img']")


def test_plan_progress(cast, client):
    plan = make_plan(cast)
    publication = actions.publish(by=cast.mai, kind=Publication.Kind.PLAN, target=plan)
    response = client.get(f"/public/{publication.pk}/")
    page = text_of(response)
    assert "Đã hoàn thành: 1/5 nhiệm vụ (20,0 %)" in page
    figure = lxml.html.fromstring(response.content.decode()).xpath("//figure[@data-chart='tasks-status']")[0]
    rows = {tr[0].text_content(): [td.text_content() for td in tr[1:]] for tr in figure.xpath(".//tbody/tr")}
    # Chưa thực hiện | Đang thực hiện | Quá hạn | Đã hoàn thành | Tổng, on 05/12/2024
    assert rows == {"VP Sở": ["0", "1", "0", "1", "2"], "Phòng KH-TC": ["0", "0", "1", "0", "1"],
                    "TTCNTT TNMT": ["0", "1", "1", "0", "2"]}
    late = [tr.xpath("./td[2]")[0].text_content() for tr in figure.getparent().xpath("//section[@id='plan']//tr")
            if tr.xpath(".//span[contains(@class, 'badge bad')]")]
    assert [t[:40] for t in late] == ["Thực hiện các giải pháp nâng cao hiệu qu"] * 2
    assert "Hoàn thiện quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của đơn vị trực thuộc" in page


@pytest.mark.parametrize(("kind", "make", "message"), [
    (Publication.Kind.PLAN, lambda cast: make_plan(cast, status="draft"), "kế hoạch đã ban hành"),
    (Publication.Kind.SIPAS, lambda cast: make_sipas(cast, satisfied=0, unhappy=0), "chưa có ý kiến trả lời"),
    (Publication.Kind.ASSESSMENT,
     lambda cast: Framework.objects.create(year=2025, title="Bộ tiêu chí nội bộ năm 2025", owner=cast.department),
     "chưa có kết quả đánh giá nào được công bố"),
    (Publication.Kind.SIPAS, lambda cast: make_plan(cast), "không phù hợp"),
])
def test_what_is_not_ready_cannot_be_published(cast, kind, make, message):
    with pytest.raises(ValidationError, match=message):
        actions.publish(by=cast.mai, kind=kind, target=make(cast))
    assert not Publication.objects.exists() and not AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Publication)).exists()


def test_the_same_thing_is_published_once(cast, client_for):
    plan = make_plan(cast)
    actions.publish(by=cast.mai, kind=Publication.Kind.PLAN, target=plan)
    with pytest.raises(ValidationError, match="đang được công khai"):
        actions.publish(by=cast.mai, kind=Publication.Kind.PLAN, target=plan)
    page = client_for(cast.mai).post("/dashboards/publications/", {"target": f"plan:{plan.pk}"})
    assert page.status_code == 200
    assert "Hãy chọn một nội dung trong danh sách." in text_of(page), "already public: no longer offered"
    assert Publication.objects.count() == 1


# 404 to whoever may not see the department's dashboards (accounts.access.get_for), 403 to whoever sees them.
@pytest.mark.parametrize(("who", "refused"), [("lan", 404), ("hung", 404), ("manh", 403), ("thu", 403), ("khoa", 404)])
def test_only_the_office_publishes(cast, client_for, who, refused):
    person = getattr(cast, who)
    plan = make_plan(cast)
    assert client_for(person).get("/dashboards/publications/").status_code == 403
    with pytest.raises(PermissionDenied):
        actions.publish(by=person, kind=Publication.Kind.PLAN, target=plan)
    publication = actions.publish(by=cast.mai, kind=Publication.Kind.PLAN, target=plan)
    assert client_for(person).post(f"/dashboards/publications/{publication.pk}/withdraw/").status_code == refused
    assert Publication.objects.live().count() == 1


def test_bad_form_input_gets_a_vietnamese_message(cast, client_for):
    office = client_for(cast.mai)
    for target in ("", "plan:999999", "abc", "assessment:x"):
        response = office.post("/dashboards/publications/", {"target": target})
        assert response.status_code == 200
    assert "Hãy chọn một nội dung trong danh sách." in text_of(response)
    assert office.post("/dashboards/publications/999999/withdraw/").status_code == 404
    assert office.post("/dashboards/publications/99999999999999999999999/withdraw/").status_code == 404
    assert office.post("/dashboards/publications/", {"target": "plan:1\x00", "title": "\x00"}).status_code == 200


@pytest.mark.parametrize("path", ["/public/0/", "/public/99999999999999999999999/", "/public/abc/", "/public/%00/"])
def test_public_addresses_that_name_nothing_answer_404(db, client, path):
    assert client.get(path).status_code == 404


def test_public_pages_answer_without_log_in_in_constant_queries(cast, client, django_assert_max_num_queries):
    plans = [make_plan(cast, number=f"{i:02d}", title=f"Kế hoạch CCHC số {i}") for i in range(1, 4)]
    for plan in plans[:1]:
        actions.publish(by=cast.mai, kind=Publication.Kind.PLAN, target=plan)
    with django_assert_max_num_queries(3):
        assert "Kế hoạch CCHC số 1" in text_of(client.get("/public/"))
    for plan in plans[1:]:
        actions.publish(by=cast.mai, kind=Publication.Kind.PLAN, target=plan)
    with django_assert_max_num_queries(3):
        assert "Kế hoạch CCHC số 3" in text_of(client.get("/public/"))
    last = Publication.objects.first()
    with django_assert_max_num_queries(6):
        client.get(f"/public/{last.pk}/")


def test_rankings_stay_in_constant_queries_as_units_are_assessed(cast, client, client_for, internal,
                                                                 django_assert_max_num_queries):
    """The public ranking and the leader's board read a framework of 4 or of 10 assessed units alike."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from org import actions as org_actions
    from org.models import Unit

    publication = actions.publish(by=cast.mai, kind=Publication.Kind.ASSESSMENT, target=internal)
    leader = client_for(cast.manh)
    pages = [(client, f"/public/{publication.pk}/"), (leader, "/dashboards/leader/?year=2024")]
    counts = []
    for who, url in pages:
        who.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert who.get(url).status_code == 200
        counts.append(len(captured))
    for i in range(6):
        unit = org_actions.create_unit(by=cast.admin, name=f"Trung tâm Dịch vụ tài nguyên số {i + 1}",
                                       kind=Unit.Kind.PUBLIC_SERVICE, parent=cast.department)
        add_internal_result(internal, unit, ("50", str(30 + i)))
    for (who, url), count in zip(pages, counts, strict=True):
        with django_assert_max_num_queries(count):
            assert "Trung tâm Dịch vụ tài nguyên số 6" in text_of(who.get(url))
