"""send_reminders: due in 7/3/1 working days and overdue, one digest per person per day, escalation, cancelling."""

from datetime import date

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from plans import actions
from plans.models import Notification
from plans.reminders import run
from plans.tests.builders import make_plan, make_task

MONDAY = date(2026, 11, 23)
pytestmark = pytest.mark.dates


@pytest.fixture(autouse=True)
def _monday_morning():
    """Each test runs on the Monday the reminders are computed for (a report sent 'today' is sent that day)."""
    with time_machine.travel("2026-11-23 07:00 +07:00", tick=True):
        yield


def test_due_soon_and_overdue_in_one_digest_sent_once(cast):
    plan = make_plan(cast)
    # Without a monitoring unit, so nothing escalates: only the Land division hears of these.
    make_task(cast, plan, code="1", lead="qldd", monitoring=None, deadline="Trước ngày 25/11")  # 1 working day: 24/11 off
    make_task(cast, plan, code="2", lead="qldd", monitoring=None, deadline="Trước ngày 13/11")  # overdue
    make_task(cast, plan, code="3", lead="qldd", monitoring=None, deadline="Trước ngày 20/12")  # too far
    first = run(MONDAY)
    assert first.emails == 1
    message = mail.outbox[0]
    assert message.to == [cast.lan.email]
    assert "Nhiệm vụ 1" in message.body and "Nhiệm vụ 2" in message.body and "Nhiệm vụ 3" not in message.body
    assert "đã quá hạn" in message.body
    second = run(MONDAY)
    assert second.emails == 0 and second.notifications == 0 and len(mail.outbox) == 1


def test_due_in_7_and_3_working_days_but_not_in_5(cast):
    plan = make_plan(cast)
    make_task(cast, plan, code="7", lead="ttcntt", deadline="Trước ngày 03/12")  # 7 working days after 23/11
    make_task(cast, plan, code="5", lead="ttcntt", deadline="Trước ngày 01/12")
    make_task(cast, plan, code="3", lead="ttcntt", deadline="Trước ngày 27/11")
    run(MONDAY)
    notes = Notification.objects.filter(user=cast.hung)
    assert sorted(n.task.code for n in notes) == ["3", "7"]
    assert sorted(n.days_left for n in notes) == [3, 7]


def test_overdue_escalates_to_the_monitoring_unit_after_the_configured_working_days(cast, settings):
    settings.PLANS_ESCALATE_AFTER_WORKING_DAYS = 3
    plan = make_plan(cast)
    make_task(cast, plan, code="1", lead="qldd", monitoring="vp", deadline="Trước ngày 19/11")  # 2 working days late
    make_task(cast, plan, code="2", lead="qldd", monitoring="vp", deadline="Trước ngày 17/11")  # 4 working days late
    run(MONDAY)
    escalated = Notification.objects.filter(kind=Notification.Kind.ESCALATION)
    assert [(n.user, n.task.code) for n in escalated] == [(cast.mai, "2")]


def test_finishing_or_reassigning_a_task_cancels_its_pending_reminders(cast):
    plan = make_plan(cast)
    done = make_task(cast, plan, code="1", lead="qldd", deadline="Trước ngày 13/11")
    moved = make_task(cast, plan, code="2", lead="qldd", deadline="Trước ngày 13/11")
    from plans.reminders import record_notifications, send_digests
    record_notifications(MONDAY)
    actions.post_update(by=cast.lan, task=done, unit=cast.unit("qldd"), kind="progress", note="Xong", status="done")
    actions.reassign_task(by=cast.mai, task=moved, lead_units=[cast.unit("ttcntt")])
    assert send_digests(MONDAY) == 0
    assert not mail.outbox
    assert Notification.objects.count() == 4  # lan for both tasks, mai (monitoring) for both escalations
    assert not Notification.objects.filter(cancelled_at__isnull=True).exists()


def test_reports_not_sent_are_reminded_to_responsible_units(cast):
    plan = make_plan(cast)
    make_task(cast, plan, code="1", lead="qldd", deadline="Năm 2026")
    period = actions.add_report_period(by=cast.mai, plan=plan, label="Năm", stated_due=date(2026, 11, 15))
    actions.add_report_period(by=cast.mai, plan=plan, label="Quý IV", stated_due=date(2026, 11, 27))
    run(MONDAY)
    kinds = sorted(Notification.objects.filter(user=cast.lan).values_list("kind", flat=True))
    assert kinds == ["report_due", "report_late"]
    actions.submit_period_report(by=cast.lan, period=period, unit=cast.unit("qldd"), text="Báo cáo năm")
    assert period.reports.get().on_time is False


def test_draft_plans_send_nothing(cast):
    make_task(cast, make_plan(cast, status="draft"), code="1", lead="qldd", deadline="Trước ngày 13/11")
    assert run(MONDAY).emails == 0


@time_machine.travel("2026-11-23 07:00 +07:00", tick=False)
def test_command_runs_today_and_reports_counts(cast, capsys):
    make_task(cast, make_plan(cast), code="1", lead="qldd", monitoring=None, deadline="Trước ngày 13/11")
    call_command("send_reminders")
    call_command("send_reminders")
    out = capsys.readouterr().out
    assert "23/11/2026: 1 nhắc việc mới, 1 thư đã gửi" in out and "0 nhắc việc mới, 0 thư đã gửi" in out
    assert len(mail.outbox) == 1


def test_notifications_show_in_the_app(cast, client_for):
    make_task(cast, make_plan(cast), code="1", lead="qldd", deadline="Trước ngày 13/11",
              content="Cập nhật bảng giá đất")
    with time_machine.travel("2026-11-23 08:00 +07:00", tick=False):
        run(MONDAY)
        page = client_for(cast.lan).get("/plans/nhac-viec/").content.decode()
        home = client_for(cast.lan).get("/").content.decode()
    assert "Cập nhật bảng giá đất" in page and "Quá hạn" in page
    assert "Cập nhật bảng giá đất" in home
