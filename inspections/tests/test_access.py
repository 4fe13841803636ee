"""Who may see and do what on inspections: outsiders learn nothing (404), specialists and leaders read but cannot
manage, the inspected unit's head reports its own fixes only, and every refused write leaves the database as it
was."""

import pytest
import time_machine

from inspections.tests.builders import TODAY, make_fix, make_inspection, make_plan, rows_now

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def year(cast):
    plan = make_plan(cast)
    it_centre = make_inspection(cast, plan, "ttcntt")
    land = make_inspection(cast, plan, "qldd", actual=None, planned_date=TODAY.date().replace(day=30))
    fix = make_fix(cast, it_centre)
    return {"plan": plan, "it": it_centre, "land": land, "fix": fix, "finding": fix.finding}


def pages(year):
    plan, it, fix = year["plan"], year["it"], year["fix"]
    return {
        "plan": f"/inspections/{plan.pk}/", "plan_edit": f"/inspections/{plan.pk}/sua/",
        "inspection": f"/inspections/kiem-tra/{it.pk}/", "inspection_edit": f"/inspections/kiem-tra/{it.pk}/sua/",
        "inspection_delete": f"/inspections/kiem-tra/{it.pk}/xoa/", "fix": f"/inspections/khac-phuc/{fix.pk}/",
    }


def writes(year):
    """Every write, with a payload that would succeed for whoever may do it."""
    plan, it, fix, finding = year["plan"], year["it"], year["fix"], year["finding"]
    return [
        (f"/inspections/{plan.pk}/sua/", {"year": 2026, "issuing_unit": plan.issuing_unit_id, "title": "Đổi tên",
                                          "target_percent": "60", "version": plan.version}),
        (f"/inspections/{plan.pk}/kiem-tra/", {"unit": year["land"].unit_id, "kind": "unannounced",
                                               "actual_date": "2026-11-20"}),
        (f"/inspections/kiem-tra/{it.pk}/sua/", {"unit": it.unit_id, "kind": "planned", "planned_date": "2026-11-02",
                                                 "actual_date": "2026-11-02", "team": "Ai đó",
                                                 "version": it.version}),
        (f"/inspections/kiem-tra/{it.pk}/xoa/", {"confirm": "on"}),
        (f"/inspections/kiem-tra/{it.pk}/ton-tai/", {"text": "Tồn tại mới"}),
        (f"/inspections/ton-tai/{finding.pk}/khac-phuc/", {"text": "Khắc phục", "deadline_text": "Trước ngày 15/12/2026"}),
        (f"/inspections/khac-phuc/{fix.pk}/", {"note": "Đã khắc phục", "version": fix.version}),
        (f"/inspections/khac-phuc/{fix.pk}/xac-nhan/", {"decision": "accept", "version": fix.version}),
        ("/inspections/moi/", {"year": 2026, "issuing_unit": plan.issuing_unit_id, "title": "Kế hoạch khác",
                               "target_percent": "50"}),
    ]


def test_an_outsider_learns_nothing(cast, client_for, year):
    client = client_for(cast.khoa)
    for name, url in pages(year).items():
        assert client.get(url).status_code == 404, name
    before = rows_now()
    for url, data in writes(year)[:-1]:
        assert client.post(url, data).status_code == 404, url
    assert client.post("/inspections/moi/", writes(year)[-1][1]).status_code == 403
    assert rows_now() == before
    page = client.get("/inspections/?year=2026").content.decode()
    assert "Trung tâm Công nghệ thông tin" not in page and "Kế hoạch kiểm tra công tác CCHC năm 2026" not in page


def test_a_specialist_reads_her_units_inspection_but_manages_nothing(cast, client_for, year):
    client = client_for(cast.lan)
    assert client.get(pages(year)["plan"]).status_code == 404, "the department's plan is not her unit's"
    land = year["land"]
    assert client.get(f"/inspections/kiem-tra/{land.pk}/").status_code == 200
    assert client.get(pages(year)["inspection"]).status_code == 404, "another unit's inspection"
    before = rows_now()
    for url in (f"/inspections/kiem-tra/{land.pk}/sua/", f"/inspections/kiem-tra/{land.pk}/xoa/"):
        assert client.get(url).status_code == 403
        assert client.post(url, {"confirm": "on", "unit": land.unit_id, "kind": "planned",
                                 "actual_date": "2026-11-20", "version": land.version}).status_code == 403
    assert client.post(f"/inspections/kiem-tra/{land.pk}/ton-tai/", {"text": "Tồn tại"}).status_code == 403
    assert client.get("/inspections/moi/").status_code == 403
    assert rows_now() == before


def test_a_leader_reads_everything_and_changes_nothing(cast, client_for, year):
    client = client_for(cast.manh)
    for name, url in pages(year).items():
        expected = 200 if name in ("plan", "inspection", "fix") else 403
        assert client.get(url).status_code == expected, name
    before = rows_now()
    for url, data in writes(year):
        assert client.post(url, data).status_code == 403, url
    assert rows_now() == before


def test_the_unit_head_reports_his_units_fix_and_nothing_else(cast, client_for, year):
    client = client_for(cast.hung)
    fix = year["fix"]
    assert client.get(pages(year)["plan"]).status_code == 404
    assert client.get(pages(year)["inspection"]).status_code == 200
    before = rows_now()
    for url, data in writes(year):
        if url == f"/inspections/khac-phuc/{fix.pk}/":
            continue
        assert client.post(url, data).status_code in (403, 404), url
    assert rows_now() == before
    response = client.post(f"/inspections/khac-phuc/{fix.pk}/", {"note": "Đã công khai đủ 12 TTHC.",
                                                                 "version": fix.version})
    assert response.status_code == 302
    fix.refresh_from_db()
    assert (fix.status, fix.reported_by, fix.report_note) == ("reported", cast.hung, "Đã công khai đủ 12 TTHC.")


def test_the_head_of_another_unit_cannot_report_it(cast, client_for, year):
    from accounts.models import Role
    from core.testing import make_user

    head = make_user("truongphong", cast.unit("qldd"), (Role.UNIT_HEAD, cast.unit("qldd")))
    before = rows_now()
    fix = year["fix"]
    assert client_for(head).post(f"/inspections/khac-phuc/{fix.pk}/", {"note": "x", "version": fix.version}
                                 ).status_code == 404
    assert rows_now() == before


def test_nobody_confirms_the_fix_they_reported(cast, client_for, year):
    """The office reported for the unit: another officer, not the same one, confirms it."""
    from accounts.models import Role
    from core.testing import make_user

    fix = year["fix"]
    client = client_for(cast.mai)
    client.post(f"/inspections/khac-phuc/{fix.pk}/", {"note": "Văn phòng báo cáo thay đơn vị.", "version": fix.version})
    fix.refresh_from_db()
    assert fix.status == "reported"
    before = rows_now()
    response = client.post(f"/inspections/khac-phuc/{fix.pk}/xac-nhan/", {"decision": "accept", "version": fix.version},
                           follow=True)
    assert "Bạn là người báo cáo kết quả khắc phục nên không tự xác nhận được" in response.content.decode()
    assert rows_now() == before
    other = make_user("vanphong2", cast.unit("vp"), (Role.REFORM_OFFICE, cast.department))
    assert client_for(other).post(f"/inspections/khac-phuc/{fix.pk}/xac-nhan/",
                                  {"decision": "accept", "version": fix.version}).status_code == 302
    fix.refresh_from_db()
    assert fix.status == "done" and fix.verified_by == other


@pytest.mark.parametrize("url", ["/inspections/999999/", "/inspections/kiem-tra/999999/",
                                 "/inspections/khac-phuc/999999/", "/inspections/khac-phuc/999999/tep/"])
def test_missing_ids_are_404(cast, client_for, url):
    assert client_for(cast.mai).get(url).status_code == 404
