"""Ending an appraisal accepts the self-scores it did not appraise explicitly, item by item; submit, end, publish
and deleting evidence each ask first; two people saving the same item do not erase each other."""

import re
from decimal import Decimal

import pytest
from django.test import Client

from assessments import actions
from assessments.models import Assessment, Score
from assessments.tests.builders import internal_framework, open_assessment, score_everything, score_of
from audit.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def land(cast):
    return open_assessment(cast, "qldd", internal_framework(cast))


@pytest.fixture
def submitted(cast, land):
    score_everything(land, cast.lan)
    actions.submit(land, by=cast.mai)
    return land


def test_ending_an_appraisal_lists_what_was_not_appraised_and_records_each_acceptance(cast, client_for, submitted):
    actions.appraise(score_of(submitted, "2.2"), by=cast.thu, points="0", comment="Chưa công khai đủ TTHC.")
    thu = client_for(cast.thu)
    url = f"/assessments/{submitted.pk}/finalise/"
    page = thu.get(url).content.decode()
    listed = page.split('id="unappraised"')[1].split("</section>")[0]
    assert "1. Công tác chỉ đạo, điều hành CCHC" in listed, "grouped by area"
    assert "1.1. Ban hành kế hoạch CCHC năm của đơn vị trong 30 ngày kể từ khi Sở ban hành kế hoạch" in listed
    assert "2.2." not in listed and listed.count("<tr data-code=") == 10
    rest = [str(s.pk) for s in actions.unappraised_scores(submitted)]
    unchanged = list(Score.objects.order_by("pk").values_list("appraised_score", "self_score_accepted_by"))
    thu.post(url, {"confirmed": "yes", "accept": rest})  # the box not ticked
    thu.post(url, {"confirmed": "yes", "accept_all": "yes", "accept": rest[:-1]})  # one item left out
    assert list(Score.objects.order_by("pk").values_list("appraised_score", "self_score_accepted_by")) == unchanged
    submitted.refresh_from_db()
    assert submitted.phase == Assessment.Phase.APPRAISAL
    response = thu.post(url, {"confirmed": "yes", "accept_all": "yes", "accept": rest}, follow=True)
    assert "Đã kết thúc thẩm định" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.phase == Assessment.Phase.FINALISED
    accepted = Score.objects.filter(assessment=submitted, self_score_accepted_by=cast.thu)
    assert accepted.count() == 10 and all(s.self_score_accepted_at for s in accepted)
    assert all(s.appraised_score == s.self_score for s in accepted)
    lowered = score_of(submitted, "2.2")
    assert lowered.self_score_accepted_by is None and lowered.appraised_score == Decimal(0)
    trail = AuditEntry.objects.filter(note="Chấp nhận điểm tự chấm", user=cast.thu)
    assert sorted(int(e.object_id) for e in trail) == sorted(int(pk) for pk in rest), "one entry per item"
    html = client_for(cast.lan).get(f"/assessments/{submitted.pk}/").content.decode()
    assert html.count("chấp nhận điểm tự chấm · Phạm Minh Thư") == 10


def test_an_item_without_a_self_score_must_be_appraised_first(cast, client_for, land):
    score_everything(land, cast.lan)
    actions.submit(land, by=cast.mai)
    Score.objects.filter(pk=score_of(land, "3.2").pk).update(self_score=None)
    page = client_for(cast.thu).get(f"/assessments/{land.pk}/finalise/").content.decode()
    assert 'id="unscored"' in page and "3.2. Xử lý văn bản, hồ sơ công việc trên môi trường mạng" in page
    assert 'id="confirm-form"' not in page
    with pytest.raises(actions.ValidationError, match="chưa có điểm tự đánh giá"):
        actions.finalise(land, by=cast.thu, accepted=[s.pk for s in actions.unappraised_scores(land)])


def test_submit_and_publish_ask_first_and_say_what_can_no_longer_change(cast, client_for, land):
    office = client_for(cast.mai)
    early = office.get(f"/assessments/{land.pk}/submit/").content.decode()
    assert "không sửa được điểm tự đánh giá" in early
    missing = early.split('id="missing"')[1].split("</section>")[0]
    assert "4. Sự hài lòng của người dân, tổ chức" in missing
    assert "4.1. Chỉ số hài lòng SIPAS của đơn vị (tiêu chí minh họa, không có trong kế hoạch): chưa chấm điểm tự " \
           "đánh giá." in missing
    assert 'id="confirm-form"' not in early
    score_everything(land, cast.lan)
    ready = office.get(f"/assessments/{land.pk}/submit/").content.decode()
    assert 'id="confirm-form"' in ready and 'id="missing"' not in ready
    office.post(f"/assessments/{land.pk}/submit/", {})
    land.refresh_from_db()
    assert land.phase == Assessment.Phase.SELF_ASSESSMENT, "nothing happens without the confirmation"
    office.post(f"/assessments/{land.pk}/submit/", {"confirmed": "yes"})
    land.refresh_from_db()
    assert land.phase == Assessment.Phase.SUBMITTED
    actions.finalise(land, by=cast.thu, accepted=[s.pk for s in actions.unappraised_scores(land)])
    admin = client_for(cast.admin)
    asked = admin.get(f"/assessments/{land.pk}/publish/").content.decode()
    assert "chỉ còn xem, không sửa được, không phúc tra được nữa" in asked
    admin.post(f"/assessments/{land.pk}/publish/")
    land.refresh_from_db()
    assert land.phase == Assessment.Phase.FINALISED
    admin.post(f"/assessments/{land.pk}/publish/", {"confirmed": "yes"})
    land.refresh_from_db()
    assert land.phase == Assessment.Phase.PUBLISHED


def test_deleting_evidence_asks_first(cast, land):
    item = actions.add_evidence(score_of(land, "1.1"), by=cast.lan, name="ke-hoach.pdf", data=b"%PDF-1.4 x")
    lan, khoa = Client(), Client()
    lan.force_login(cast.lan)
    khoa.force_login(cast.khoa)
    url = f"/assessments/{land.pk}/evidence/{item.pk}/delete/"
    page = lan.get(f"/assessments/{land.pk}/").content.decode()
    form = page.split(f'action="{url}"')[0].rsplit("<form", 1)[1]
    assert "hx-confirm=" in form and "ke-hoach.pdf" in form and '"confirmed": "yes"' in form.replace("&quot;", '"')
    asked = lan.get(url).content.decode()
    assert "ke-hoach.pdf" in asked and "Không khôi phục được" in asked
    lan.post(url, {})
    assert score_of(land, "1.1").evidence.count() == 1, "a post without the confirmation only asks"
    assert khoa.post(url, {"confirmed": "yes"}).status_code in (403, 404)
    assert score_of(land, "1.1").evidence.count() == 1
    row = lan.post(url, {"confirmed": "yes"}, HTTP_HX_REQUEST="true")
    assert row.status_code == 200 and score_of(land, "1.1").evidence.count() == 0


def _version(html: str, score) -> str:
    form = html.split(f'id="item-{score.pk}"')[1]
    return re.search(r'name="version" value="(\d+)"', form).group(1)


def test_two_people_saving_the_same_explanation(cast, land):
    score = score_of(land, "1.2")
    lan, mai = Client(), Client()
    lan.force_login(cast.lan)
    mai.force_login(cast.mai)
    url = f"/assessments/{land.pk}/"
    seen_by_lan = _version(lan.get(url).content.decode(), score)
    seen_by_mai = _version(mai.get(url).content.decode(), score)
    save = f"/assessments/{land.pk}/items/{score.pk}/self/"
    first = lan.post(save, {"points": "5", "explanation": "Đủ 4 báo cáo quý, gửi đúng hạn qua hệ thống.",
                            "version": seen_by_lan}, HTTP_HX_REQUEST="true")
    assert first.status_code == 200 and first["HX-Trigger"] == "scores-changed"
    second = mai.post(save, {"points": "2,5", "explanation": "Báo cáo quý III gửi chậm 2 ngày.",
                             "version": seen_by_mai}, HTTP_HX_REQUEST="true")
    html = second.content.decode()
    assert "Chưa lưu:" in html and "Nguyễn Thị Lan đã lưu tiêu chí này lúc" in html
    assert "Đủ 4 báo cáo quý, gửi đúng hạn qua hệ thống." in html, "the other person's change is shown"
    assert "Báo cáo quý III gửi chậm 2 ngày." in html, "and what this person typed, to enter again"
    assert "HX-Trigger" not in second
    score.refresh_from_db()
    assert (score.self_score, score.explanation) == (Decimal(5), "Đủ 4 báo cáo quý, gửi đúng hạn qua hệ thống.")
    again = mai.post(save, {"points": "2,5", "explanation": "Báo cáo quý III gửi chậm 2 ngày.",
                            "version": _version(html, score)}, HTTP_HX_REQUEST="true")
    assert again["HX-Trigger"] == "scores-changed"
    score.refresh_from_db()
    assert score.explanation == "Báo cáo quý III gửi chậm 2 ngày."


def test_two_appraisers_on_the_same_item(cast, client_for, submitted):
    from accounts.models import Role
    from core.testing import make_user

    other = make_user("son", cast.unit("snv"), (Role.APPRAISER, cast.province), full_name="Đặng Văn Sơn")
    score = score_of(submitted, "3.2")
    thu, son = Client(), Client()
    thu.force_login(cast.thu)
    son.force_login(other)
    url = f"/assessments/{submitted.pk}/"
    versions = [_version(c.get(url).content.decode(), score) for c in (thu, son)]
    save = f"/assessments/{submitted.pk}/items/{score.pk}/appraise/"
    thu.post(save, {"points": "8", "comment": "Còn văn bản xử lý bản giấy.", "version": versions[0]},
             HTTP_HX_REQUEST="true")
    stale = son.post(save, {"points": "10", "comment": "", "version": versions[1]}, HTTP_HX_REQUEST="true")
    assert "Phạm Minh Thư đã lưu tiêu chí này lúc" in stale.content.decode()
    score.refresh_from_db()
    assert (score.appraised_score, score.appraised_by) == (Decimal(8), cast.thu)
