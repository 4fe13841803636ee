"""Four eyes on plans: nobody decides their own request (extensions, returns of progress updates), who may approve is
named on the request, and a request must make sense. Each refusal is a client post that leaves the database as it
was."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import Role
from core.testing import make_user
from plans import actions, approvals
from plans.models import Extension, Task
from plans.tests.builders import make_plan, make_task, rows_now

pytestmark = pytest.mark.dates
NOW = "2026-11-23 09:00 +07:00"


def _ask(client, task, unit, new_due, reason="Chờ ý kiến thẩm định của Sở Tư pháp"):
    return client.post(f"/plans/nhiem-vu/{task.pk}/gia-han/", {"unit": unit.pk, "new_due": new_due, "reason": reason})


def _decide(client, extension, approve=True):
    return client.post(f"/plans/nhiem-vu/{extension.task_id}/gia-han/{extension.pk}/",
                       {"approve": "1" if approve else "0", "note": "Đồng ý"})


@time_machine.travel(NOW, tick=False)
def test_the_officer_cannot_approve_her_own_request_and_the_page_names_who_can(cast, client_for):
    task = make_task(cast, make_plan(cast), lead="qldd", monitoring="vp", deadline="Trước ngày 25/11")
    client = client_for(cast.mai)
    assert _ask(client, task, cast.unit("qldd"), "2026-12-15").status_code == 302
    extension = task.extensions.get()
    assert extension.approver_unit == cast.unit("vp") and extension.requested_by == cast.mai

    page = client.get(f"/plans/nhiem-vu/{task.pk}/").content.decode()
    assert "Người có thẩm quyền duyệt:" in page and "Phan Văn Mạnh" in page
    assert "Lê Thị Mai (Cán bộ đầu mối CCHC)" not in page
    assert "không thể tự duyệt" in page and f"/gia-han/{extension.pk}/" not in page

    before = rows_now()
    assert _decide(client, extension).status_code == 403
    assert rows_now() == before
    with pytest.raises(PermissionDenied):
        actions.decide_extension(by=cast.mai, extension=extension, approve=True)

    assert _decide(client_for(cast.manh), extension).status_code == 302
    task.refresh_from_db()
    assert task.extended_due == date(2026, 12, 15) and task.extensions.get().decided_by == cast.manh


@time_machine.travel("2024-11-11 09:00 +07:00", tick=False)
def test_a_unit_head_approves_nothing_his_unit_asked_for_nor_a_finished_task(cast, client_for):
    """The case found: the IT Centre's head approved his own unit's extension on a finished task, to 31/12/2027."""
    plan = make_plan(cast, year=2024)
    task = make_task(cast, plan, lead="ttcntt", monitoring="ttcntt", deadline="Trước ngày 15/11")
    binh = make_user("binh", cast.unit("ttcntt"), full_name="Ngô Văn Bình")
    extension = actions.request_extension(by=binh, task=task, unit=cast.unit("ttcntt"), new_due=date(2024, 12, 10),
                                          reason="Chờ nhà thầu")
    # The unit asking is the only one monitoring: the issuing department's leaders decide.
    assert extension.approver_unit == cast.department
    assert approvals.why_not_decide(cast.hung, extension).startswith("Bạn thuộc đơn vị đề nghị")
    before = rows_now()
    assert _decide(client_for(cast.hung), extension).status_code == 403
    assert rows_now() == before
    assert cast.hung not in [person for person, _role in approvals.approvers_of(extension)]
    assert {p.username for p, _r in approvals.approvers_of(extension)} == {"mai", "manh"}

    actions.post_update(by=binh, task=task, unit=cast.unit("ttcntt"), kind="progress", status="done", note="Xong")
    extension.refresh_from_db()
    assert extension.status == Extension.Status.WITHDRAWN, "a finished task's request is closed, not left waiting"

    client = client_for(cast.hung)
    before = rows_now()
    response = _ask(client, task, cast.unit("ttcntt"), "2027-12-31")
    assert response.status_code == 400 and "Nhiệm vụ đã hoàn thành" in response.content.decode()
    assert rows_now() == before


@time_machine.travel(NOW, tick=False)
def test_the_head_of_the_monitoring_unit_gets_the_request_and_decides_it(cast, client_for):
    task = make_task(cast, make_plan(cast), lead="qldd", monitoring="ttcntt", deadline="Trước ngày 25/11")
    assert _ask(client_for(cast.lan), task, cast.unit("qldd"), "2026-12-04").status_code == 302
    extension = task.extensions.get()
    assert extension.approver_unit == cast.unit("ttcntt")
    assert list(approvals.waiting_for(cast.hung)) == [extension]
    assert list(approvals.waiting_for(cast.lan)) == [] and list(approvals.waiting_for(cast.thu)) == []

    client = client_for(cast.hung)
    waiting = client.get("/plans/gia-han-cho-duyet/").content.decode()
    assert "Rà soát, cập nhật TTHC lĩnh vực đất đai" in waiting and "04/12/2026" in waiting
    assert _decide(client, extension).status_code == 302
    task.refresh_from_db()
    assert task.extended_due == date(2026, 12, 4)
    assert "Không có đề nghị gia hạn nào chờ bạn duyệt." in client.get("/plans/gia-han-cho-duyet/").content.decode()


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(("new_due", "message"), [
    ("2026-11-20", "Hạn mới phải sau hạn hiện tại (25/11/2026)"),
    ("2028-01-05", "Hạn mới không được sau 31/12/2027"),
])
def test_a_new_date_must_be_later_and_within_the_year_after_the_plan(cast, client_for, new_due, message):
    task = make_task(cast, make_plan(cast), lead="qldd", deadline="Trước ngày 25/11")
    before = rows_now()
    response = _ask(client_for(cast.lan), task, cast.unit("qldd"), new_due)
    assert response.status_code == 400 and message in response.content.decode()
    assert rows_now() == before


@time_machine.travel(NOW, tick=False)
def test_an_overdue_task_cannot_be_extended_to_a_date_already_past(cast, client_for):
    task = make_task(cast, make_plan(cast), lead="qldd", deadline="Trước ngày 13/11")
    before = rows_now()
    response = _ask(client_for(cast.lan), task, cast.unit("qldd"), "2026-11-20")
    assert response.status_code == 400 and "Hạn mới không được trước ngày hôm nay (23/11/2026)" in response.content.decode()
    assert rows_now() == before
    with pytest.raises(ValidationError):
        actions.request_extension(by=cast.lan, task=task, unit=cast.unit("qldd"), new_due=date(2026, 11, 20),
                                  reason="x")


@time_machine.travel(NOW, tick=False)
def test_one_request_waits_at_a_time_and_a_decision_is_taken_once(cast, client_for):
    task = make_task(cast, make_plan(cast), lead="qldd", deadline="Trước ngày 25/11")
    extension = actions.request_extension(by=cast.lan, task=task, unit=cast.unit("qldd"), new_due=date(2026, 12, 4),
                                          reason="Chờ số liệu")
    before = rows_now()
    response = _ask(client_for(cast.lan), task, cast.unit("qldd"), "2026-12-10")
    assert response.status_code == 400 and "đang chờ duyệt" in response.content.decode()
    assert rows_now() == before
    assert _decide(client_for(cast.manh), extension, approve=False).status_code == 302
    before = rows_now()
    response = _decide(client_for(cast.mai), extension)
    assert response.status_code == 302 and rows_now() == before


@time_machine.travel(NOW, tick=False)
def test_a_unit_that_does_not_lead_the_task_cannot_ask_for_it(cast, client_for):
    task = make_task(cast, make_plan(cast), lead="ttcntt", coordinating=("qldd",), deadline="Trước ngày 25/11")
    before = rows_now()
    assert _ask(client_for(cast.lan), task, cast.unit("qldd"), "2026-12-04").status_code == 403
    assert rows_now() == before
    with pytest.raises(PermissionDenied):
        actions.request_extension(by=cast.lan, task=task, unit=cast.unit("qldd"), new_due=date(2026, 12, 4), reason="x")


@time_machine.travel(NOW, tick=False)
def test_an_approval_after_the_task_finished_is_refused_but_a_refusal_is_not(cast):
    task = make_task(cast, make_plan(cast), lead="qldd", deadline="Trước ngày 25/11")
    extension = actions.request_extension(by=cast.lan, task=task, unit=cast.unit("qldd"), new_due=date(2026, 12, 4),
                                          reason="Chờ số liệu")
    Task.objects.filter(pk=task.pk).update(status=Task.Status.DONE)
    extension.refresh_from_db()
    with pytest.raises(ValidationError, match="Nhiệm vụ đã hoàn thành"):
        actions.decide_extension(by=cast.manh, extension=extension, approve=True)
    actions.decide_extension(by=cast.manh, extension=extension, approve=False, note="Đã xong, không cần gia hạn")
    task.refresh_from_db()
    assert task.extended_due is None and task.extensions.get().status == Extension.Status.REFUSED


@time_machine.travel(NOW, tick=False)
def test_nobody_sends_back_their_own_update_nor_their_own_units(cast, client_for):
    task = make_task(cast, make_plan(cast), lead="ttcntt", monitoring="ttcntt", deadline="Trước ngày 25/11")
    mine = actions.post_update(by=cast.mai, task=task, unit=cast.unit("ttcntt"), kind="progress", status="done",
                               note="Văn phòng ghi thay: đã xong")
    before = rows_now()
    assert client_for(cast.mai).post(f"/plans/nhiem-vu/{task.pk}/tra-lai/{mine.pk}/",
                                     {"reason": "Thiếu tài liệu"}).status_code == 403
    assert rows_now() == before
    staff = make_user("binh", cast.unit("ttcntt"), full_name="Ngô Văn Bình")
    theirs = actions.post_update(by=staff, task=task, unit=cast.unit("ttcntt"), kind="progress", status="done",
                                 note="Đã xong")
    before = rows_now()
    page = client_for(cast.hung).get(f"/plans/nhiem-vu/{task.pk}/").content.decode()
    assert f"/tra-lai/{theirs.pk}/" not in page
    assert client_for(cast.hung).post(f"/plans/nhiem-vu/{task.pk}/tra-lai/{theirs.pk}/",
                                      {"reason": "Thiếu tài liệu"}).status_code == 403
    assert rows_now() == before
    assert client_for(cast.manh).post(f"/plans/nhiem-vu/{task.pk}/tra-lai/{theirs.pk}/",
                                      {"reason": "Thiếu tài liệu kiểm chứng"}).status_code == 302
    theirs.refresh_from_db()
    assert theirs.returned_by == cast.manh


def test_leaders_hold_the_approving_role_and_an_administrator_does_not(cast):
    from accounts.permissions import can

    assert can(cast.manh, "task.approve_extension", cast.unit("qldd"))
    assert not can(cast.admin, "task.approve_extension", cast.unit("qldd"))
    assert not can(cast.lan, "task.approve_extension", cast.unit("qldd"))
    head = make_user("head", cast.unit("qldd"), (Role.UNIT_HEAD, cast.unit("qldd")))
    assert can(head, "task.approve_extension", cast.unit("qldd"))
    assert not can(head, "task.approve_extension", cast.unit("vp"))
