"""Four eyes on every decision, enforced by the server: nobody appraises their own unit or what they took part in,
nobody decides their own appeal, nobody publishes a result they self-scored or submitted, and the office publishes
only units it does not belong to. Every refusal leaves the database as it was."""

from decimal import Decimal

import pytest

from accounts.models import Role
from assessments import actions
from assessments.access import deciders
from assessments.models import Appeal, Assessment, Evidence, Score
from assessments.tests.builders import (
    finalise_accepting_the_rest,
    internal_framework,
    open_assessment,
    provincial_framework,
    score_everything,
    score_of,
)
from audit.models import AuditEntry
from core.testing import make_user

pytestmark = pytest.mark.django_db


def state() -> tuple:
    """Everything a refused request might have touched: scores, phases, appeals, evidence, the audit trail."""
    return (list(Score.objects.order_by("pk").values_list("pk", "self_score", "appraised_score", "appraisal_comment",
                                                          "returned", "return_note", "version",
                                                          "self_score_accepted_by")),
            list(Assessment.objects.order_by("pk").values_list("pk", "phase")),
            list(Appeal.objects.order_by("pk").values_list("pk", "status", "decided_score")),
            Evidence.objects.count(), AuditEntry.objects.count())


@pytest.fixture
def home_affairs(cast):
    """Sở Nội vụ's own assessment under the province's framework, submitted: thu works there."""
    assessment = open_assessment(cast, "snv", provincial_framework(cast))
    office = make_user("hoa", cast.unit("snv"), (Role.REFORM_OFFICE, cast.unit("snv")), full_name="Ngô Thị Hòa")
    score_everything(assessment, office)
    actions.submit(assessment, by=office)
    return assessment


def test_an_appraiser_does_not_appraise_her_own_department(cast, client_for, home_affairs):
    thu = client_for(cast.thu)
    score = score_of(home_affairs, "1.1")
    before = state()
    base = f"/assessments/{home_affairs.pk}"
    appraised = thu.post(f"{base}/items/{score.pk}/appraise/", {"points": "0", "comment": "Tự chấm lại.",
                                                                 "version": score.version})
    assert appraised.status_code == 403 and "Sở Nội vụ, đơn vị được đánh giá" in appraised.content.decode()
    assert thu.post(f"{base}/return/", {f"return-{score.pk}": "Giải trình thêm."}).status_code == 403
    rest = [s.pk for s in actions.unappraised_scores(home_affairs)]
    assert thu.post(f"{base}/finalise/", {"confirmed": "yes", "accept_all": "yes", "accept": rest}).status_code == 403
    assert state() == before
    page = thu.get(f"{base}/").content.decode()
    assert 'id="appraise-conflict"' in page and 'class="appraise-form"' not in page
    assert "Kết thúc thẩm định" not in page.split('id="deciders"')[0], "no button to end it either"


def test_an_appraiser_from_a_division_does_not_appraise_the_department_above_it(cast):
    department = open_assessment(cast, "stnmt", provincial_framework(cast))
    score_everything(department, cast.mai)
    actions.submit(department, by=cast.mai)
    # A council member whose home unit is the Land division, inside the assessed department.
    inside = make_user("quang", cast.unit("qldd"), (Role.APPRAISER, cast.province), full_name="Lý Văn Quang")
    before = state()
    with pytest.raises(actions.ConflictOfInterest, match="Phòng Quản lý đất đai, đơn vị được đánh giá"):
        actions.appraise(score_of(department, "1.1"), by=inside, points="0", comment="x")
    assert state() == before
    assert [p.username for p in deciders(department).appraise] == ["thu"]


def test_whoever_self_scored_does_not_appraise_even_with_an_appraiser_role(cast, client_for):
    land = open_assessment(cast, "qldd", internal_framework(cast))
    # Someone of another department who holds (wrongly) both the office's and the council's roles.
    both = make_user("tam", cast.unit("stp"), (Role.REFORM_OFFICE, cast.department), (Role.APPRAISER, cast.province))
    score_everything(land, both)
    actions.submit(land, by=cast.mai)
    before = state()
    score = score_of(land, "2.2")
    response = client_for(both).post(f"/assessments/{land.pk}/items/{score.pk}/appraise/",
                                     {"points": "0", "comment": "Chưa công khai.", "version": score.version})
    assert response.status_code == 403 and "tham gia tự đánh giá" in response.content.decode()
    assert state() == before
    assert "tam" not in [p.username for p in deciders(land).appraise]
    assert [p.username for p in deciders(land).publish] == ["admin"], "mai and tam submitted or self-scored"


def test_nobody_decides_their_own_appeal(cast, client_for):
    land = open_assessment(cast, "qldd", internal_framework(cast))
    score_everything(land, cast.lan)
    actions.submit(land, by=cast.mai)
    actions.appraise(score_of(land, "2.2"), by=cast.thu, points="0", comment="Chưa công khai đủ TTHC.")
    finalise_accepting_the_rest(land, cast.thu)
    # An appraiser of the province who also speaks for the Land division (a second hat): files, then decides?
    hat = make_user("vy", cast.unit("snv"), (Role.APPRAISER, cast.province), (Role.UNIT_HEAD, cast.unit("qldd")))
    appeal = actions.file_appeal(score_of(land, "2.2"), by=hat, reason="Đã công khai từ 15/10.", requested="10")
    before = state()
    score = score_of(land, "2.2")
    response = client_for(hat).post(f"/assessments/{land.pk}/items/{score.pk}/decide/",
                                    {"decision": "accept", "points": "10", "reason": "Đồng ý."})
    assert response.status_code == 403
    with pytest.raises(actions.ConflictOfInterest):
        actions.decide_appeal(appeal, by=hat, accept=True, reason="Đồng ý.")
    assert state() == before
    assert "Ghi kết quả phúc tra" not in client_for(hat).get(f"/assessments/{land.pk}/").content.decode()
    assert "Ghi kết quả phúc tra" in client_for(cast.thu).get(f"/assessments/{land.pk}/").content.decode()


def test_the_office_publishes_neither_what_it_self_scored_nor_its_own_unit(cast, client_for):
    framework = internal_framework(cast)
    land = open_assessment(cast, "qldd", framework)
    office = open_assessment(cast, "vp", framework)
    head = make_user("binh", cast.unit("qldd"), (Role.UNIT_HEAD, cast.unit("qldd")))
    vp_head = make_user("cuong", cast.unit("vp"), (Role.UNIT_HEAD, cast.unit("vp")))
    score_everything(land, cast.lan)
    actions.submit(land, by=head)
    finalise_accepting_the_rest(land, cast.thu)
    score_everything(office, vp_head)
    actions.submit(office, by=vp_head)
    finalise_accepting_the_rest(office, cast.thu)
    mai = client_for(cast.mai)
    before = state()
    refused = mai.post(f"/assessments/{office.pk}/publish/", {"confirmed": "yes"})
    assert refused.status_code == 403 and "Văn phòng Sở, đơn vị được đánh giá" in refused.content.decode()
    assert state() == before
    assert mai.post(f"/assessments/{land.pk}/publish/", {"confirmed": "yes"}).status_code == 302, \
        "the Land division's result is not the office's own"
    assert client_for(cast.admin).post(f"/assessments/{office.pk}/publish/", {"confirmed": "yes"}).status_code == 302
    assert set(Assessment.objects.values_list("phase", flat=True)) == {"published"}
    # Whoever submitted a result does not publish it, administrator or not.
    extra = open_assessment(cast, "ttqt", framework)
    score_everything(extra, cast.mai)
    actions.submit(extra, by=cast.admin)
    finalise_accepting_the_rest(extra, cast.thu)
    before = state()
    with pytest.raises(actions.ConflictOfInterest, match="không công bố được"):
        actions.publish(extra, by=cast.admin)
    assert state() == before


def test_the_page_says_who_may_decide_in_constant_queries(cast, client_for, django_assert_max_num_queries):
    framework = internal_framework(cast)
    land = open_assessment(cast, "qldd", framework)
    client = client_for(cast.lan)
    url = f"/assessments/{land.pk}/"
    client.get(url)
    with django_assert_max_num_queries(40) as few:
        page = client.get(url).content.decode()
    section = page.split('id="deciders"')[1].split("</section>")[0]
    assert "Phạm Minh Thư" in section and "Lê Thị Mai" in section and "Quản trị hệ thống" in section
    for i in range(5):
        make_user(f"hd{i}", cast.unit("snv"), (Role.APPRAISER, cast.province), full_name=f"Thành viên {i}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert "Thành viên 4" in client.get(url).content.decode()


def test_returned_and_phase_keep_their_meaning_for_the_inbox(cast):
    land = open_assessment(cast, "qldd", internal_framework(cast))
    score_everything(land, cast.lan)
    actions.submit(land, by=cast.mai)
    actions.return_for_explanation(land, by=cast.thu, notes={score_of(land, "3.2").pk: "Bổ sung số liệu."})
    land.refresh_from_db()
    assert land.phase == Assessment.Phase.RETURNED
    assert list(Score.objects.filter(assessment=land, returned=True).values_list("criterion__code", flat=True)) == \
        ["3.2"]
    assert score_of(land, "3.2").self_score == Decimal(10)


def test_assessments_under_way_learn_who_took_part_when_migrated(cast):
    import importlib

    from django.apps import apps

    land = open_assessment(cast, "qldd", internal_framework(cast))
    actions.self_score(score_of(land, "1.1"), by=cast.lan, points="5")
    actions.add_evidence(score_of(land, "1.2"), by=cast.hung, name="bao-cao.pdf", data=b"%PDF-1.4 x")
    land.self_assessed_by.clear()
    migration = importlib.import_module("assessments.migrations.0006_backfill_self_assessed_by")
    migration.backfill(apps, None)
    migration.backfill(apps, None)
    assert set(land.self_assessed_by.values_list("username", flat=True)) == {"lan", "hung"}
