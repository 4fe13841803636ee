"""Progress with evidence, contributions, returns, extensions and the on-time rate."""

from datetime import date
from decimal import Decimal

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from audit.models import AuditEntry
from frameworks.metrics import compute_metric
from plans import actions
from plans.models import Extension, Task, TaskUpdate
from plans.tests.builders import make_plan, make_task

NOW = "2026-11-23 09:00 +07:00"


@time_machine.travel(NOW, tick=False)
def test_lead_division_posts_progress_with_evidence(cast, client_for):
    task = make_task(cast, make_plan(cast), lead="qldd")
    client = client_for(cast.lan)
    upload = SimpleUploadedFile("bao-cao-tien-do.pdf", b"%PDF-1.4 noi dung", content_type="application/pdf")
    response = client.post(f"/plans/nhiem-vu/{task.pk}/tien-do/", {
        "unit": cast.unit("qldd").pk, "status": "done", "percent": 80, "note": "Đã ban hành quy trình nội bộ",
        "files": [upload], "version": task.version})
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == Task.Status.DONE and task.progress == 100 and task.completed_on == date(2026, 11, 23)
    update = task.updates.get()
    assert update.evidence.get().name == "bao-cao-tien-do.pdf"
    assert AuditEntry.objects.for_object(task).filter(action="status", user=cast.lan).exists()
    download = client.get(f"/plans/nhiem-vu/{task.pk}/tep/{update.evidence.get().pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    assert client_for(cast.khoa).get(f"/plans/nhiem-vu/{task.pk}/tep/{update.evidence.get().pk}/").status_code == 403


def test_a_unit_that_does_not_lead_cannot_post_progress(cast, client_for):
    task = make_task(cast, make_plan(cast), lead="ttcntt", coordinating=("qldd",))
    response = client_for(cast.lan).post(f"/plans/nhiem-vu/{task.pk}/tien-do/", {
        "unit": cast.unit("qldd").pk, "status": "done", "percent": 100, "note": "x"})
    assert response.status_code == 403
    response = client_for(cast.lan).post(f"/plans/nhiem-vu/{task.pk}/phoi-hop/", {
        "unit": cast.unit("qldd").pk, "note": "Đã cung cấp số liệu đất đai"})
    assert response.status_code == 302
    assert task.updates.get().kind == TaskUpdate.Kind.CONTRIBUTION
    task.refresh_from_db()
    assert task.status == Task.Status.NOT_STARTED


def test_invalid_progress_keeps_the_page_and_says_why(cast, client_for):
    task = make_task(cast, make_plan(cast), lead="qldd")
    response = client_for(cast.lan).post(f"/plans/nhiem-vu/{task.pk}/tien-do/", {
        "unit": cast.unit("qldd").pk, "status": "in_progress", "percent": 150, "note": "Đang làm"})
    assert response.status_code == 400
    assert "Tiến độ tối đa là 100 phần trăm" in response.content.decode()
    assert not task.updates.exists()


@time_machine.travel(NOW, tick=False)
def test_monitoring_unit_returns_an_update(cast, client_for):
    task = make_task(cast, make_plan(cast), lead="qldd", monitoring="vp")
    update = actions.post_update(by=cast.lan, task=task, unit=cast.unit("qldd"), kind="progress",
                                 note="Xong", status="done", percent=100)
    response = client_for(cast.mai).post(f"/plans/nhiem-vu/{task.pk}/tra-lai/{update.pk}/",
                                         {"reason": "Thiếu tài liệu kiểm chứng"})
    assert response.status_code == 302
    task.refresh_from_db()
    update.refresh_from_db()
    assert update.returned_by == cast.mai and task.status == Task.Status.IN_PROGRESS and task.completed_on is None
    assert client_for(cast.lan).post(f"/plans/nhiem-vu/{task.pk}/tra-lai/{update.pk}/",
                                     {"reason": "x"}).status_code == 403


@time_machine.travel(NOW, tick=False)
def test_extension_is_requested_then_approved_and_both_dates_are_kept(cast, client_for):
    task = make_task(cast, make_plan(cast), lead="qldd", deadline="Trước ngày 25/11")
    response = client_for(cast.lan).post(f"/plans/nhiem-vu/{task.pk}/gia-han/", {
        "unit": cast.unit("qldd").pk, "new_due": "2026-12-15", "reason": "Chờ ý kiến của Sở Tư pháp"})
    assert response.status_code == 302
    extension = task.extensions.get()
    assert client_for(cast.lan).post(f"/plans/nhiem-vu/{task.pk}/gia-han/{extension.pk}/",
                                     {"approve": "1"}).status_code == 403
    client_for(cast.mai).post(f"/plans/nhiem-vu/{task.pk}/gia-han/{extension.pk}/", {"approve": "1", "note": "Đồng ý"})
    task.refresh_from_db()
    extension.refresh_from_db()
    assert extension.status == Extension.Status.APPROVED and extension.old_due == date(2026, 11, 25)
    assert task.due_date == date(2026, 11, 25) and task.extended_due == date(2026, 12, 15)
    assert task.effective_due == date(2026, 12, 15)


def test_extension_must_move_the_date_later(cast, client_for):
    task = make_task(cast, make_plan(cast), lead="qldd", deadline="Trước ngày 25/11")
    response = client_for(cast.lan).post(f"/plans/nhiem-vu/{task.pk}/gia-han/", {
        "unit": cast.unit("qldd").pk, "new_due": "2026-11-01", "reason": "x"})
    assert response.status_code == 400 and "Hạn mới phải sau hạn hiện tại" in response.content.decode()


@time_machine.travel(NOW, tick=False)
def test_relative_deadline_is_dated_when_the_event_is_recorded(cast, client_for):
    task = make_task(cast, make_plan(cast), lead="qldd",
                     deadline="Chậm nhất sau 05 ngày làm việc kể từ ngày Chủ tịch UBND tỉnh ký công bố TTHC")
    assert task.due_date is None
    client_for(cast.lan).post(f"/plans/nhiem-vu/{task.pk}/ngay-phat-sinh/", {"event_date": "2026-11-20"})
    task.refresh_from_db()
    # 23, 25, 26, 27, 30 November: 24/11/2026 is the new Vietnamese Culture Day off.
    assert task.event_date == date(2026, 11, 20) and task.due_date == date(2026, 11, 30)


@time_machine.travel("2024-12-20 09:00 +07:00", tick=False)
def test_on_time_rate_counts_against_the_approved_date(cast):
    """Like the seed: 6 of 13 superior's orders on time = 46 %, under the 50 % threshold."""
    plan = make_plan(cast, year=2024)
    tasks = [make_task(cast, plan, code=str(i), lead="qldd", deadline="Trước ngày 15/11") for i in range(13)]
    for task in tasks[:5]:
        actions.post_update(by=cast.lan, task=task, unit=cast.unit("qldd"), kind="progress", note="Xong",
                            status="done", today=date(2024, 11, 14))
    late = tasks[5]
    extension = actions.request_extension(by=cast.lan, task=late, unit=cast.unit("qldd"), reason="Chờ số liệu",
                                          new_due=date(2024, 12, 2), today=date(2024, 11, 12))
    actions.decide_extension(by=cast.mai, extension=extension, approve=True)
    actions.post_update(by=cast.lan, task=late, unit=cast.unit("qldd"), kind="progress", note="Xong", status="done",
                        today=date(2024, 11, 29))
    actions.post_update(by=cast.lan, task=tasks[6], unit=cast.unit("qldd"), kind="progress", note="Muộn",
                        status="done", today=date(2024, 11, 29))
    value = compute_metric("plans.on_time_rate", cast.unit("qldd"), date(2024, 1, 1), date(2024, 11, 30))
    assert value.value == Decimal("46.15") and value.detail == "6/13 nhiệm vụ hoàn thành đúng hạn"
    department = compute_metric("plans.on_time_rate", cast.department, date(2024, 1, 1), date(2024, 11, 30))
    assert department.value == Decimal("46.15")
    assert compute_metric("plans.on_time_rate", cast.unit("ttcntt"), date(2024, 1, 1), date(2024, 11, 30)) is None


@time_machine.travel(NOW, tick=False)
def test_on_time_page_lists_the_counted_tasks(cast, client_for, django_assert_max_num_queries):
    plan = make_plan(cast)
    task = make_task(cast, plan, lead="qldd", deadline="Trước ngày 13/11", content="Công khai TTHC đất đai")
    actions.post_update(by=cast.lan, task=task, unit=cast.unit("qldd"), kind="progress", note="Xong", status="done",
                        today=date(2026, 11, 10))
    client = client_for(cast.mai)
    with django_assert_max_num_queries(20):
        page = client.get(f"/plans/dung-han/?unit={cast.unit('qldd').pk}&start=2026-01-01&end=2026-11-30")
    assert "Công khai TTHC đất đai" in page.content.decode() and "1/1" in page.content.decode()
    assert client.get("/plans/dung-han/?unit=abc&start=xx").status_code == 200
