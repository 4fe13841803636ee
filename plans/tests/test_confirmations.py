"""Issuing a plan and deleting plans, sections and tasks go through a page that says what will happen and what can
no longer be changed; what must not happen is refused by the server whatever is posted."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError

from audit.models import AuditEntry
from plans import actions
from plans.models import Plan, Section, Task
from plans.tests.builders import make_plan, make_task, rows_now

pytestmark = pytest.mark.dates
NOW = "2026-11-23 09:00 +07:00"


@time_machine.travel(NOW, tick=False)
def test_issuing_a_draft_says_what_it_sets_going_and_fixes(cast, client_for):
    plan = make_plan(cast, status="draft")
    make_task(cast, plan, lead="qldd")
    client = client_for(cast.mai)
    page = client.get(f"/plans/{plan.pk}/").content.decode()
    assert f"/plans/{plan.pk}/ban-hanh/" in page and f"/plans/{plan.pk}/xoa/" in page
    confirm = client.get(f"/plans/{plan.pk}/ban-hanh/").content.decode()
    assert "Điều sẽ xảy ra" in confirm and "1 nhiệm vụ được giao cho 1 đơn vị chủ trì" in confirm
    assert "Sau đó không thay đổi được" in confirm and "không sửa được nữa" in confirm
    response = client.post(f"/plans/{plan.pk}/ban-hanh/", {"version": plan.version, "issue_date": "2026-11-20"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == Plan.Status.ISSUED and plan.issue_date == date(2026, 11, 20)
    assert AuditEntry.objects.for_object(plan).filter(action="status", user=cast.mai).exists()

    before = rows_now()
    response = client.post(f"/plans/{plan.pk}/ban-hanh/", {"version": plan.version, "issue_date": "2026-11-25"})
    assert response.status_code == 400 and "đã được ban hành" in response.content.decode()
    assert rows_now() == before


def test_a_draft_is_not_issued_through_its_edit_form_nor_unconfirmed(cast, client_for):
    plan = make_plan(cast, status="draft")
    client = client_for(cast.mai)
    form = client.get(f"/plans/{plan.pk}/sua/").content.decode()
    assert 'name="status"' not in form
    client.post(f"/plans/{plan.pk}/sua/", {"issuing_unit": cast.department.pk, "title": plan.title, "year": 2026,
                                           "kind": "yearly", "status": "issued", "version": plan.version})
    plan.refresh_from_db()
    assert plan.status == Plan.Status.DRAFT
    with pytest.raises(ValidationError):
        actions.update_plan(by=cast.mai, plan=plan, status=Plan.Status.ISSUED)
    response = client.post("/plans/moi/", {"issuing_unit": cast.department.pk, "title": "Kế hoạch mới", "year": 2026,
                                           "kind": "yearly", "status": "issued"})
    assert response.status_code == 302
    assert Plan.objects.get(title="Kế hoạch mới").status == Plan.Status.DRAFT


def test_an_issued_plan_keeps_its_number_date_and_year_and_never_goes_back_to_draft(cast, client_for):
    plan = make_plan(cast, issue_date=date(2026, 1, 5))
    client = client_for(cast.mai)
    form = client.get(f"/plans/{plan.pk}/sua/").content.decode()
    assert "Đã ban hành: không sửa được." in form and 'value="draft"' not in form
    data = {"issuing_unit": cast.unit("vp").pk, "number": "99", "symbol": "KH-X", "title": "Tên đã sửa",
            "issue_date": "2026-02-02", "year": 2027, "kind": "yearly", "status": "issued", "version": plan.version}
    assert client.post(f"/plans/{plan.pk}/sua/", data).status_code == 302
    plan.refresh_from_db()
    assert (plan.number, plan.symbol, plan.issue_date, plan.year, plan.issuing_unit) == (
        "05", "KH-STNMT", date(2026, 1, 5), 2026, cast.department)
    assert plan.title == "Tên đã sửa"
    before = rows_now()
    response = client.post(f"/plans/{plan.pk}/sua/", {**data, "status": "draft", "version": plan.version})
    assert response.status_code == 400 and rows_now() == before
    with pytest.raises(ValidationError, match="không sửa được"):
        actions.update_plan(by=cast.mai, plan=plan, number="99")
    with pytest.raises(ValidationError, match="không trở lại dự thảo"):
        actions.update_plan(by=cast.mai, plan=plan, status=Plan.Status.DRAFT)
    actions.update_plan(by=cast.mai, plan=plan, status=Plan.Status.SUPERSEDED)


def test_deleting_a_draft_lists_what_goes_with_it(cast, client_for):
    plan = make_plan(cast, status="draft")
    make_task(cast, plan, code="1")
    make_task(cast, plan, code="2")
    client = client_for(cast.mai)
    confirm = client.get(f"/plans/{plan.pk}/xoa/").content.decode()
    assert "Xóa kế hoạch cùng 1 mục, 2 nhiệm vụ" in confirm and "Không khôi phục được" in confirm
    assert client.post(f"/plans/{plan.pk}/xoa/", {"version": plan.version}).status_code == 302
    assert not Plan.objects.filter(pk=plan.pk).exists() and not Task.objects.exists()
    assert AuditEntry.objects.filter(action="delete", object_id=str(plan.pk), user=cast.mai).exists()


@time_machine.travel(NOW, tick=False)
def test_an_issued_plan_or_one_units_wrote_on_is_not_deleted(cast, client_for):
    issued = make_plan(cast)
    draft = make_plan(cast, status="draft", title="Dự thảo")
    task = make_task(cast, draft, lead="qldd")
    actions.post_update(by=cast.lan, task=task, unit=cast.unit("qldd"), kind="progress", note="Đã làm", percent=20)
    client = client_for(cast.mai)
    for plan, reason in ((issued, "Kế hoạch đã ban hành không xóa được"), (draft, "Các đơn vị đã cập nhật tiến độ")):
        assert reason in client.get(f"/plans/{plan.pk}/xoa/").content.decode()
        before = rows_now()
        response = client.post(f"/plans/{plan.pk}/xoa/", {"version": Plan.objects.get(pk=plan.pk).version})
        assert response.status_code == 400 and rows_now() == before
    with pytest.raises(ValidationError):
        actions.delete_plan(by=cast.mai, plan=issued)


@time_machine.travel(NOW, tick=False)
def test_deleting_a_section_takes_its_tasks_unless_one_was_reported_on(cast, client_for):
    plan = make_plan(cast)
    section = actions.add_section(by=cast.mai, plan=plan, numeral="II", title="CẢI CÁCH THỂ CHẾ")
    first = make_task(cast, plan, code="1", section=section, content="Rà soát văn bản quy phạm pháp luật")
    make_task(cast, plan, code="2", section=section, content="Kiểm tra việc thi hành pháp luật")
    client = client_for(cast.mai)
    confirm = client.get(f"/plans/muc/{section.pk}/xoa/").content.decode()
    assert "2 dòng nhiệm vụ" in confirm and "Kiểm tra việc thi hành pháp luật" in confirm
    assert "các đơn vị đã được giao sẽ không còn thấy nhiệm vụ" in confirm

    actions.post_update(by=cast.lan, task=first, unit=cast.unit("qldd"), kind="progress", note="Đang rà soát",
                        percent=30)
    assert "không xóa được" in client.get(f"/plans/muc/{section.pk}/xoa/").content.decode()
    before = rows_now()
    assert client.post(f"/plans/muc/{section.pk}/xoa/", {"version": section.version}).status_code == 400
    assert rows_now() == before

    other = actions.add_section(by=cast.mai, plan=plan, numeral="III", title="CẢI CÁCH TỔ CHỨC BỘ MÁY")
    make_task(cast, plan, code="1", section=other)
    assert client.post(f"/plans/muc/{other.pk}/xoa/", {"version": other.version}).status_code == 302
    assert not Section.objects.filter(pk=other.pk).exists() and plan.tasks.count() == 2


def test_deleting_a_task_takes_its_sub_tasks_after_saying_so(cast, client_for):
    plan = make_plan(cast)
    parent = make_task(cast, plan, code="1", content="Cải cách thủ tục hành chính")
    make_task(cast, plan, code="1.1", content="Rà soát thủ tục đất đai")
    kept = make_task(cast, plan, code="2", content="Công khai thủ tục")
    client = client_for(cast.mai)
    confirm = client.get(f"/plans/nhiem-vu/{parent.pk}/xoa/").content.decode()
    assert "Xóa cùng 1 nhiệm vụ con" in confirm and "Rà soát thủ tục đất đai" in confirm
    assert client.post(f"/plans/nhiem-vu/{parent.pk}/xoa/", {"version": parent.version}).status_code == 302
    assert list(plan.tasks.all()) == [kept]
    assert AuditEntry.objects.filter(action="delete", user=cast.mai).count() == 2


def test_only_the_office_reaches_the_confirmation_pages_and_a_stale_one_deletes_nothing(cast, client_for):
    plan = make_plan(cast, status="draft")
    task = make_task(cast, plan)
    section = plan.sections.get()
    urls = [f"/plans/{plan.pk}/ban-hanh/", f"/plans/{plan.pk}/xoa/", f"/plans/muc/{section.pk}/xoa/",
            f"/plans/nhiem-vu/{task.pk}/xoa/", f"/plans/muc/{section.pk}/sua/"]
    before = rows_now()
    for person in (cast.lan, cast.hung, cast.manh, cast.thu):
        client = client_for(person)
        for url in urls:
            assert client.get(url).status_code in (403, 404), (person, url)
            assert client.post(url, {"version": 1, "issue_date": "2026-11-20"}).status_code in (403, 404)
    assert client_for(cast.khoa).get(f"/plans/muc/{section.pk}/xoa/").status_code == 404
    assert rows_now() == before
    client = client_for(cast.mai)
    actions.update_task(by=cast.manh, task=task, section=section, code=task.code, content="Sửa trong lúc đó",
                        product="", deadline_text=task.deadline_text, lead_units=[cast.unit("qldd")],
                        coordinating_units=[], monitoring_units=[], is_heading=False)
    assert client.post(f"/plans/nhiem-vu/{task.pk}/xoa/", {"version": 1}).status_code == 302
    assert Task.objects.filter(pk=task.pk).exists()
