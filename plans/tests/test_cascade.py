"""The plan cascades (seed 004, IV.3): units asked for their own plan within 30 days of the plan's issue, drafting
it with their tasks pre-filled and linked, the office's table of who has sent theirs, reminders, the roll-up."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from core.inbox import items
from plans import actions, cascade, reminders
from plans.models import Notification, Plan, Task
from plans.tests.builders import make_plan, make_task

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.fixture
def issued(cast):
    plan = make_plan(cast, year=2025, status="draft", title="Kế hoạch cải cách hành chính năm 2025")
    plan.unit_plan_days = 30
    plan.save()
    make_task(cast, plan, code="1", lead="ttcntt", coordinating=["qldd"], deadline="Quý II/2025",
              content="Xây dựng Cổng dữ liệu ngành tài nguyên và môi trường")
    make_task(cast, plan, code="2", lead="vp", coordinating=["ttcntt"], deadline="Trong năm 2025",
              content="Ban hành Kế hoạch tuyên truyền CCHC năm 2025")
    make_task(cast, plan, code="3", lead="vp", deadline="Trong năm 2025", content="Tổ chức tự đánh giá Chỉ số CCHC")
    return actions.issue_plan(by=cast.mai, plan=plan, issue_date=date(2025, 1, 6))


def test_issuing_asks_every_unit_taking_part_for_its_plan_within_30_days(cast, issued):
    rows = {r.unit.code: r.due_date for r in issued.unit_requests.all()}
    # 06/01 + 30 days = 05/02/2025, a working day.
    assert rows == {"ttcntt": date(2025, 2, 5), "qldd": date(2025, 2, 5), "vp": date(2025, 2, 5)}


def test_a_unit_drafts_its_plan_with_the_tasks_it_leads_or_coordinates_linked_to_the_plans(cast, issued):
    request = issued.unit_requests.get(unit=cast.unit("ttcntt"))
    own = cascade.draft_unit_plan(by=cast.hung, request=request)
    assert (own.issuing_unit, own.parent_plan, own.status, own.year) == (cast.unit("ttcntt"), issued, "draft", 2025)
    tasks = list(own.tasks.order_by("order"))
    assert [(t.code, t.parent_task.code, t.deadline_text) for t in tasks] == [
        ("1", "1", "Quý II/2025"), ("2", "2", "Trong năm 2025")]
    assert all(list(t.lead_units.all()) == [cast.unit("ttcntt")] for t in tasks)
    assert "chủ trì" in tasks[0].method and "phối hợp với Văn phòng Sở" in tasks[1].method
    assert cascade.draft_unit_plan(by=cast.hung, request=request) == own  # once


def test_the_office_sees_who_has_sent_their_plan_and_when(cast, issued, client_for):
    it = issued.unit_requests.get(unit=cast.unit("ttcntt"))
    with time_machine.travel("2025-01-20 09:00 +07:00", tick=False):
        own = cascade.draft_unit_plan(by=cast.hung, request=it)
        actions.issue_plan(by=cast.hung, plan=own, issue_date=date(2025, 1, 20))
    rows = {r.request.unit.code: r for r in cascade.request_rows(issued, date(2025, 2, 10))}
    assert rows["ttcntt"].sent and rows["ttcntt"].on_time and rows["ttcntt"].plan == own
    assert rows["qldd"].late and not rows["qldd"].sent
    with time_machine.travel("2025-02-10 09:00 +07:00", tick=False):
        page = client_for(cast.mai).get(reverse("plans:plan", args=[issued.pk])).content.decode()
    assert "Đã gửi đúng hạn" in page and "Quá hạn, chưa gửi" in page and "20/01/2025" in page


def test_late_units_are_reminded_and_find_it_in_their_to_do_list(cast, issued):
    calendar_day = date(2025, 2, 10)
    reminders.record_notifications(calendar_day)
    late = Notification.objects.filter(kind=Notification.Kind.UNIT_PLAN_LATE)
    assert {n.user.username for n in late} >= {"lan", "hung"}
    assert reminders.record_notifications(calendar_day) == 0  # once a day
    groups = {g.kind: g for g in items(cast.lan, calendar_day)}
    assert "Kế hoạch của Phòng Quản lý đất đai" in groups["unit_plan"].items[0].title
    hung = cast.hung
    own = cascade.draft_unit_plan(by=hung, request=issued.unit_requests.get(unit=cast.unit("ttcntt")))
    actions.issue_plan(by=hung, plan=own, issue_date=calendar_day)
    assert "unit_plan" not in {g.kind for g in items(hung, calendar_day)}


def test_a_unit_tasks_progress_rolls_up_to_the_task_it_carries_out(cast, issued, client_for):
    parent = issued.tasks.get(code="1")
    for code in ("ttcntt", "qldd"):
        own = cascade.draft_unit_plan(by=cast.mai, request=issued.unit_requests.get(unit=cast.unit(code)))
        actions.issue_plan(by=cast.mai, plan=own, issue_date=date(2025, 1, 20))
    mine = Task.objects.get(parent_task=parent, plan__issuing_unit=cast.unit("ttcntt"))
    actions.post_update(by=cast.hung, task=mine, unit=cast.unit("ttcntt"), kind="progress", status="done",
                        note="Đã đưa Cổng dữ liệu vào vận hành", today=date(2025, 5, 30))
    assert cascade.rollup(parent) == {"count": 2, "done": 1, "progress": 50}
    page = client_for(cast.mai).get(reverse("plans:task", args=[parent.pk])).content.decode()
    assert "Tiến độ chung theo kế hoạch của 2 đơn vị: 50%" in page


def test_only_the_unit_or_the_office_drafts_the_units_plan(cast, issued, client_for):
    request = issued.unit_requests.get(unit=cast.unit("qldd"))
    url = reverse("plans:unit_plan", args=[request.pk])
    assert client_for(cast.hung).post(url).status_code in (403, 404)
    assert client_for(cast.khoa).post(url).status_code == 404
    assert not Plan.objects.filter(parent_plan=issued).exists()
    response = client_for(cast.mai).post(url)
    assert response.status_code == 302 and Plan.objects.filter(parent_plan=issued, issuing_unit=cast.unit("qldd"))
