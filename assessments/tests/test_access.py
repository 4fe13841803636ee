"""Who may do what, with the cast: the department's assessment by the province, and a division's own one."""

import pytest

from accounts.models import Role
from assessments import actions
from assessments.tests.builders import (
    internal_framework,
    open_assessment,
    provincial_framework,
    score_everything,
    score_of,
)
from core.testing import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def department(cast):
    return open_assessment(cast, "stnmt", provincial_framework(cast))


def _post_score(client, assessment, code, points="0"):
    score = score_of(assessment, code)
    return client.post(f"/assessments/{assessment.pk}/items/{score.pk}/self/", {"points": points,
                                                                               "explanation": "Theo hồ sơ."})


@pytest.mark.parametrize(("who", "code", "allowed"), [
    ("lan", "7.1", False),     # DTI: the IT Centre's (seed, Phụ lục 2 part I, 4.1)
    ("hung", "7.1", True),
    ("lan", "3.1", False),     # internal procedures: a group of six units answers, so the department (its office)
    ("hung", "3.1", False),
    ("mai", "3.1", True),
    ("mai", "7.1", True),      # the reform office scores everything of its department
    ("khoa", "3.1", False),    # an outsider sees nothing
    ("thu", "3.1", False),     # the appraiser does not self-score
])
def test_specialists_self_score_the_items_in_their_units_charge(cast, client_for, department, who, code, allowed):
    response = _post_score(client_for(getattr(cast, who)), department, code)
    assert response.status_code == (302 if allowed else 403)
    assert (score_of(department, code).self_score is not None) == allowed


def test_lan_sees_the_department_assessment_but_khoa_does_not(cast, client_for, department):
    page = client_for(cast.lan).get(f"/assessments/{department.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count('class="self-form"') == 0, "no item is the Land division's alone in the seed"
    assert "Gửi thẩm định" not in html
    html = client_for(cast.hung).get(f"/assessments/{department.pk}/").content.decode()
    assert html.count('class="self-form"') == 1, "only the IT Centre's one item (DTI) is editable for hung"
    assert client_for(cast.khoa).get(f"/assessments/{department.pk}/").status_code == 403
    assert client_for(cast.khoa).get("/assessments/999999/").status_code == 404


def test_the_office_cannot_appraise_or_publish_its_own_departments_score(cast, client_for, department):
    score_everything(department, cast.mai)
    client = client_for(cast.mai)
    assert client.post(f"/assessments/{department.pk}/submit/", {"confirmed": "yes"}).status_code == 302
    score = score_of(department, "1.1")
    assert client.post(f"/assessments/{department.pk}/items/{score.pk}/appraise/",
                       {"points": "0", "comment": "x"}).status_code == 403
    assert client.post(f"/assessments/{department.pk}/finalise/", {"confirmed": "yes"}).status_code == 403
    thu = client_for(cast.thu)
    assert thu.post(f"/assessments/{department.pk}/items/{score.pk}/appraise/",
                    {"points": "0.5", "comment": "Mô hình mới chưa nhân rộng."}).status_code == 302
    rest = [str(s.pk) for s in actions.unappraised_scores(department)]
    assert thu.post(f"/assessments/{department.pk}/finalise/", {"confirmed": "yes", "accept_all": "yes",
                                                                "accept": rest}).status_code == 302
    assert client_for(cast.mai).post(f"/assessments/{department.pk}/publish/",
                                     {"confirmed": "yes"}).status_code == 403
    assert client_for(cast.admin).post(f"/assessments/{department.pk}/publish/",
                                       {"confirmed": "yes"}).status_code == 302
    department.refresh_from_db()
    assert department.is_published


def test_in_a_divisions_own_assessment_the_specialist_scores_and_the_head_submits(cast, client_for):
    land = open_assessment(cast, "qldd", internal_framework(cast))
    head = make_user("binh", cast.unit("qldd"), (Role.UNIT_HEAD, cast.unit("qldd")))
    assert _post_score(client_for(cast.lan), land, "1.2", "5").status_code == 302
    assert _post_score(client_for(cast.hung), land, "1.2", "0").status_code == 403
    score_everything(land, cast.lan)
    assert client_for(cast.lan).post(f"/assessments/{land.pk}/submit/", {"confirmed": "yes"}).status_code == 403
    assert client_for(head).post(f"/assessments/{land.pk}/submit/", {"confirmed": "yes"}).status_code == 302
    land.refresh_from_db()
    assert land.phase == "submitted"


def test_submitting_too_early_lists_the_items_in_vietnamese(cast, client_for):
    land = open_assessment(cast, "qldd", internal_framework(cast))
    response = client_for(cast.mai).post(f"/assessments/{land.pk}/submit/", {"confirmed": "yes"}, follow=True)
    html = response.content.decode()
    assert "Chưa gửi được" in html and "1.1. Ban hành kế hoạch CCHC" in html and "chưa chấm điểm" in html


def test_htmx_edit_returns_the_row_and_signals_totals(cast, client_for):
    land = open_assessment(cast, "qldd", internal_framework(cast))
    score = score_of(land, "1.1")
    client = client_for(cast.lan)
    response = client.post(f"/assessments/{land.pk}/items/{score.pk}/self/", {"points": "5", "explanation": ""},
                           HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and response["HX-Trigger"] == "scores-changed"
    assert f'id="item-{score.pk}"' in response.content.decode()
    bad = client.post(f"/assessments/{land.pk}/items/{score.pk}/self/", {"points": "năm"}, HTTP_HX_REQUEST="true")
    assert bad.status_code == 200 and "không phải là số" in bad.content.decode()
    wrong = client.post(f"/assessments/{land.pk}/items/{score.pk}/self/", {"points": "2"}, HTTP_HX_REQUEST="true")
    assert "chỉ chấm 0 hoặc 5" in wrong.content.decode()
    score.refresh_from_db()
    assert score.self_score == 5, "bad input loses nothing"
    assert client.post(f"/assessments/{land.pk}/items/abc/self/").status_code == 404


def test_evidence_download_needs_view_permission(cast, client_for):
    land = open_assessment(cast, "qldd", internal_framework(cast))
    item = actions.add_evidence(score_of(land, "1.1"), by=cast.lan, name="ke-hoach.pdf", data=b"%PDF-1.4 x")
    assert client_for(cast.lan).get(f"/assessments/{land.pk}/evidence/{item.pk}/").status_code == 200
    assert client_for(cast.khoa).get(f"/assessments/{land.pk}/evidence/{item.pk}/").status_code == 403


def test_appraiser_returns_items_for_explanation_from_the_page(cast, client_for):
    land = open_assessment(cast, "qldd", internal_framework(cast))
    score_everything(land, cast.lan)
    actions.submit(land, by=cast.mai)
    asked = score_of(land, "3.2")
    thu = client_for(cast.thu)
    page = thu.get(f"/assessments/{land.pk}/").content.decode()
    assert f'name="return-{asked.pk}" form="return-form"' in page
    assert thu.post(f"/assessments/{land.pk}/return/", {f"return-{asked.pk}": "Bổ sung số liệu.",
                                                        "return-abc": "x"}).status_code == 302
    land.refresh_from_db()
    asked.refresh_from_db()
    assert land.phase == "returned" and asked.returned and asked.return_note == "Bổ sung số liệu."
    page = client_for(cast.lan).get(f"/assessments/{land.pk}/").content.decode()
    assert "Hội đồng yêu cầu giải trình" in page and 'name="reply"' in page
    empty = client_for(cast.thu).post(f"/assessments/{land.pk}/return/", {}, follow=True)
    assert "Chỉ trả lại để giải trình trong khi thẩm định." in empty.content.decode()


def test_office_opens_assessments_carrying_last_years_evidence(cast, client_for):
    from frameworks.actions import copy_framework

    framework = internal_framework(cast)
    land = open_assessment(cast, "qldd", framework)
    actions.add_evidence(score_of(land, "1.1"), by=cast.lan, name="quy-che.pdf", data=b"%PDF quy che")
    following = copy_framework(framework, by=cast.mai, year=2025, title="Bộ tiêu chí năm 2025")
    data = {"framework": following.pk, "units": [cast.unit("qldd").pk, cast.unit("vp").pk],
            "window_start": "01/01/2025", "window_end": "30/11/2025", "carry_forward": "on"}
    assert client_for(cast.lan).post("/assessments/start/", data).status_code == 403
    response = client_for(cast.mai).post("/assessments/start/", data, follow=True)
    assert "Đã mở 2 kỳ đánh giá." in response.content.decode()
    new_land = following.assessments.get(unit=cast.unit("qldd"))
    assert new_land.started_from == land and score_of(new_land, "1.1").evidence.count() == 1
    again = client_for(cast.mai).post("/assessments/start/", {**data, "window_end": "01/01/2024"}, follow=True)
    assert "Ngày kết thúc phải sau ngày bắt đầu." in again.content.decode()
