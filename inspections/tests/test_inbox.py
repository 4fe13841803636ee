"""The to-do list: the inspected unit's head finds the fixes his unit owes; the office finds the fixes reported done,
waiting for its confirmation (never one it reported itself)."""

from datetime import date

import pytest
import time_machine

from core import inbox
from inspections import actions
from inspections.tests.builders import TODAY, make_fix, make_inspection, make_plan

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(TODAY, tick=False):
        yield


def _group(user, kind):
    return next((g for g in inbox.items(user, TODAY.date()) if g.kind == kind), None)


def test_the_head_of_the_inspected_unit_has_its_fixes_to_do(cast):
    plan = make_plan(cast)
    fix = make_fix(cast, make_inspection(cast, plan, "ttcntt"), deadline="Trước ngày 30/11/2026")
    late = make_fix(cast, make_inspection(cast, plan, "ttcntt", actual=date(2026, 10, 1)),
                    text="Cập nhật tiến độ trên phần mềm chỉ đạo điều hành.", deadline="Trước ngày 16/10/2026")
    make_fix(cast, make_inspection(cast, plan, "qldd"), text="Việc của Phòng Quản lý đất đai.")
    group = _group(cast.hung, "fix")
    assert [item.title for item in group.items] == [f"Khắc phục: {late}", f"Khắc phục: {fix}"]
    assert group.items[0].badge == "Quá hạn 38 ngày" and group.items[1].badge == "Chưa khắc phục"
    assert group.items[1].link == f"/inspections/khac-phuc/{fix.pk}/"
    assert group.items[1].due == date(2026, 11, 30)
    assert inbox.counts(cast.hung, TODAY.date())["nav"]["inspections:index"] == 2
    assert _group(cast.lan, "fix") is None, "a specialist is not the one who reports"
    actions.report_fix(fix, by=cast.hung, note="Đã khắc phục.")
    assert [item.title for item in _group(cast.hung, "fix").items] == [f"Khắc phục: {late}"]


def test_the_office_confirms_what_others_reported(cast):
    fix = make_fix(cast, make_inspection(cast, make_plan(cast), "ttcntt"))
    assert _group(cast.mai, "decide") is None
    actions.report_fix(fix, by=cast.hung, note="Đã công khai đủ TTHC.")
    group = _group(cast.mai, "decide")
    assert group.items[0].title == f"Xác nhận khắc phục: {fix}"
    assert "Đã công khai đủ TTHC." in group.items[0].detail
    assert _group(cast.manh, "decide") is None, "leaders read, the office confirms"
    assert inbox.counts(cast.mai, TODAY.date())["kinds"]["decide"] == 1
    actions.verify_fix(fix, by=cast.mai, accept=True)
    assert _group(cast.mai, "decide") is None


def test_a_fix_the_officer_reported_herself_is_not_hers_to_confirm(cast):
    fix = make_fix(cast, make_inspection(cast, make_plan(cast), "ttcntt"))
    actions.report_fix(fix, by=cast.mai, note="Văn phòng báo cáo thay đơn vị.")
    assert _group(cast.mai, "decide") is None
    assert _group(cast.admin, "decide").items[0].title == f"Xác nhận khắc phục: {fix}"
