"""The assessment cycle, phase by phase, with its audit trail."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from assessments import actions
from assessments.models import Appeal, Assessment
from assessments.results import area_totals
from assessments.tests.builders import (
    finalise_accepting_the_rest,
    internal_framework,
    open_assessment,
    score_everything,
    score_of,
)
from audit.models import AuditEntry

pytestmark = pytest.mark.django_db
P = Assessment.Phase


@pytest.fixture
def land(cast):
    return open_assessment(cast, "qldd", internal_framework(cast))


def test_a_score_without_evidence_or_explanation_cannot_be_submitted(cast, land):
    score_everything(land, cast.lan, explanation="", skip={"2.2"})
    with pytest.raises(ValidationError) as caught:
        actions.submit(land, by=cast.mai)
    problems = caught.value.messages
    assert any(p.startswith("2.2.") and "chưa chấm điểm" in p for p in problems)
    assert any(p.startswith("1.1.") and "tài liệu kiểm chứng" in p for p in problems)
    assert len(problems) == 11, "every item is listed, not just the first"
    actions.add_evidence(score_of(land, "1.1"), by=cast.lan, name="ke-hoach.pdf", data=b"%PDF-1.4 ke hoach")
    for code in ["1.2", "1.3", "2.1", "2.3", "3.1", "3.2", "4.1", "5", "6"]:
        actions.self_score(score_of(land, code), by=cast.lan, explanation="Số liệu lưu tại phòng.")
    actions.self_score(score_of(land, "2.2"), by=cast.lan, points="10", explanation="Đã công khai đủ.")
    actions.submit(land, by=cast.mai)
    land.refresh_from_db()
    assert land.phase == P.SUBMITTED and land.submitted_at is not None


def test_self_scores_follow_the_rule(cast, land):
    with pytest.raises(ValidationError, match="0 hoặc 5"):
        actions.self_score(score_of(land, "1.1"), by=cast.lan, points="2.5")
    with pytest.raises(ValidationError, match="các mức: 0, 2,5, 5"):
        actions.self_score(score_of(land, "1.2"), by=cast.lan, points="3")
    # a measured rule scores itself from the value typed in: (86 − 50) × 20 / 50 = 14.4
    score = actions.self_score(score_of(land, "2.1"), by=cast.lan, measured="86", measured_detail="2.150/2.500 hồ sơ")
    assert score.self_score == Decimal("14.400")


def test_appraisal_return_explanation_resubmit_finalise(cast, land):
    score_everything(land, cast.lan)
    actions.submit(land, by=cast.mai)
    with pytest.raises(ValidationError, match="hãy ghi nhận xét"):
        actions.appraise(score_of(land, "2.2"), by=cast.thu, points="0")
    actions.appraise(score_of(land, "2.2"), by=cast.thu, points="0", comment="Chưa công khai đủ TTHC.")
    land.refresh_from_db()
    assert land.phase == P.APPRAISAL
    actions.return_for_explanation(land, by=cast.thu, notes={score_of(land, "3.2").pk: "Bổ sung số liệu văn bản điện tử."})
    land.refresh_from_db()
    assert land.phase == P.RETURNED
    with pytest.raises(ValidationError, match="yêu cầu giải trình"):
        actions.submit(land, by=cast.mai)
    actions.self_score(score_of(land, "3.2"), by=cast.lan, reply="Đã bổ sung thống kê trên hệ thống quản lý văn bản.")
    actions.submit(land, by=cast.mai)
    land.refresh_from_db()
    assert land.phase == P.RESUBMITTED
    finalise_accepting_the_rest(land, cast.thu)
    land.refresh_from_db()
    assert land.phase == P.FINALISED
    assert score_of(land, "1.1").appraised_score == Decimal(5), "unchanged items keep the self-score"
    totals = area_totals(land)
    assert (totals.self_total, totals.final_total) == (Decimal(100), Decimal(90))


def test_appeal_once_then_council_decides_and_publish_freezes(cast, land):
    score_everything(land, cast.lan)
    actions.submit(land, by=cast.mai)
    actions.appraise(score_of(land, "2.2"), by=cast.thu, points="0", comment="Chưa công khai đủ TTHC.")
    finalise_accepting_the_rest(land, cast.thu)
    appeal = actions.file_appeal(score_of(land, "2.2"), by=cast.mai, reason="Đã công khai từ 15/10, có ảnh chụp.",
                                 requested="10")
    with pytest.raises(ValidationError, match="một lần"):
        actions.file_appeal(score_of(land, "2.2"), by=cast.mai, reason="Lần hai", requested="10")
    with pytest.raises(ValidationError, match="phúc tra chưa được"):
        actions.publish(land, by=cast.admin)
    actions.decide_appeal(appeal, by=cast.thu, accept=True, reason="Ảnh chụp chứng minh đã công khai.")
    appeal.refresh_from_db()
    assert appeal.status == Appeal.Status.ACCEPTED and appeal.decided_score == Decimal(10)
    assert area_totals(land).final_total == Decimal(100)
    actions.publish(land, by=cast.admin)
    with pytest.raises(ValidationError, match="không sửa được"):
        actions.self_score(score_of(land, "1.1"), by=cast.lan, points="0")
    with pytest.raises(ValidationError, match="không"):
        actions.appraise(score_of(land, "1.1"), by=cast.thu, points="0", comment="x")
    with pytest.raises(ValidationError):
        actions.add_evidence(score_of(land, "1.1"), by=cast.lan, name="muon.pdf", data=b"%PDF late")


def test_rejected_appeal_keeps_the_appraised_score(cast, land):
    score_everything(land, cast.lan)
    actions.submit(land, by=cast.mai)
    actions.appraise(score_of(land, "1.2"), by=cast.thu, points="2.5", comment="Báo cáo quý III gửi chậm.")
    finalise_accepting_the_rest(land, cast.thu)
    appeal = actions.file_appeal(score_of(land, "1.2"), by=cast.mai, reason="Gửi qua hệ thống đúng hạn.", requested="5")
    with pytest.raises(ValidationError, match="lý do"):
        actions.decide_appeal(appeal, by=cast.thu, accept=False, reason=" ")
    actions.decide_appeal(appeal, by=cast.thu, accept=False, reason="Hệ thống ghi nhận gửi ngày 12/10, quá hạn.")
    assert area_totals(land).final_total == Decimal("97.5")


def test_every_change_is_audited_with_old_and_new(cast, land):
    actions.self_score(score_of(land, "1.1"), by=cast.lan, points="5", explanation="Kế hoạch số 12/KH-QLĐĐ")
    actions.self_score(score_of(land, "1.1"), by=cast.lan, points="0")
    entry = AuditEntry.objects.filter(object_id=str(score_of(land, "1.1").pk), user=cast.lan).order_by("-pk").first()
    assert entry.changes["self_score"] == ["5", "0"]
    score_everything(land, cast.lan)
    actions.submit(land, by=cast.mai)
    phase = AuditEntry.objects.filter(object_id=str(land.pk), action="status").latest("pk")
    assert phase.changes["phase"] == ["Đang tự đánh giá", "Đã gửi thẩm định"] and phase.user == cast.mai


def test_overdue_self_assessment_is_flagged(cast, time_machine):
    land = open_assessment(cast, "qldd", internal_framework(cast), self_deadline=date(2024, 11, 25))
    time_machine.move_to("2024-11-25 10:00 +07:00")
    assert not land.self_overdue
    time_machine.move_to("2024-11-26 08:00 +07:00")
    assert land.self_overdue
