"""Lost updates: two people with the same plan, section, target or task open. The second save is refused with the
other person's change shown beside their own, nothing is overwritten, and their input is kept to save again."""

import re

import pytest
import time_machine
from django.test import Client

from plans import actions
from plans.models import Plan, Section, Target, Task
from plans.tests.builders import make_plan, make_task, rows_now
from plans.versions import StaleEdit

NOW = "2026-11-23 09:00 +07:00"


def _client(user) -> Client:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def _version(page) -> str:
    found = re.search(r'name="version" value="(\d+)"', page.content.decode())
    assert found, "the form carries the version it was read at"
    return found.group(1)


def _task_form(task, cast, **changes):
    data = {"section": task.section_id, "code": task.code, "content": task.content, "product": task.product,
            "deadline_text": task.deadline_text, "lead_units": [cast.unit("qldd").pk],
            "monitoring_units": [cast.unit("vp").pk]}
    return {**data, **changes}


def test_the_second_task_save_is_refused_with_the_first_one_shown(cast):
    task = make_task(cast, make_plan(cast), code="1", content="Rà soát TTHC lĩnh vực đất đai")
    mai, admin = _client(cast.mai), _client(cast.admin)
    url = f"/plans/nhiem-vu/{task.pk}/sua/"
    first, second = _version(mai.get(url)), _version(admin.get(url))
    assert first == second
    assert mai.post(url, _task_form(task, cast, content="Rà soát, công bố TTHC đất đai", version=first)).status_code == 302

    before = rows_now()
    response = admin.post(url, _task_form(task, cast, content="Rà soát 35 TTHC đất đai", deadline_text="Quý I/2027",
                                         version=second))
    page = response.content.decode()
    assert response.status_code == 409 and rows_now() == before
    assert "Chưa lưu: đã có người sửa trước bạn" in page and "Lê Thị Mai đã lưu thay đổi lúc" in page
    assert "Rà soát, công bố TTHC đất đai" in page and "Rà soát 35 TTHC đất đai" in page, "theirs and mine, side by side"
    assert "Quý I/2027" in page, "the second person's input is kept"
    task.refresh_from_db()
    assert task.content == "Rà soát, công bố TTHC đất đai"

    again = _version(response)
    assert int(again) == task.version
    assert admin.post(url, _task_form(task, cast, content="Rà soát 35 TTHC đất đai", version=again)).status_code == 302
    task.refresh_from_db()
    assert task.content == "Rà soát 35 TTHC đất đai"


def test_a_save_without_the_version_is_refused(cast, client_for):
    task = make_task(cast, make_plan(cast))
    before = rows_now()
    response = client_for(cast.mai).post(f"/plans/nhiem-vu/{task.pk}/sua/", _task_form(task, cast, content="Khác"))
    assert response.status_code == 400 and "Trang này đã cũ" in response.content.decode()
    assert rows_now() == before


def test_the_second_plan_save_is_refused(cast):
    plan = make_plan(cast, status="draft", title="Kế hoạch CCHC năm 2026")
    url = f"/plans/{plan.pk}/sua/"
    one, two = _client(cast.mai), _client(cast.admin)
    v1, v2 = _version(one.get(url)), _version(two.get(url))
    data = {"issuing_unit": cast.department.pk, "number": "05", "symbol": "KH-STNMT", "year": 2026, "kind": "yearly"}
    assert one.post(url, {**data, "title": "Kế hoạch cải cách hành chính năm 2026", "version": v1}).status_code == 302
    before = rows_now()
    response = two.post(url, {**data, "title": "Kế hoạch CCHC 2026 (sửa)", "summary": "Trích yếu", "version": v2})
    assert response.status_code == 409 and rows_now() == before
    page = response.content.decode()
    assert "Kế hoạch cải cách hành chính năm 2026" in page and "Kế hoạch CCHC 2026 (sửa)" in page
    assert Plan.objects.get(pk=plan.pk).title == "Kế hoạch cải cách hành chính năm 2026"


def test_the_second_section_and_target_saves_are_refused(cast):
    plan = make_plan(cast)
    section = actions.add_section(by=cast.mai, plan=plan, numeral="I", title="CÔNG TÁC CHỈ ĐẠO")
    target = actions.add_target(by=cast.mai, plan=plan, label="Thanh toán trực tuyến", value=70)
    for url, first, second, check in [
        (f"/plans/muc/{section.pk}/sua/", {"numeral": "I", "title": "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"},
         {"numeral": "1", "title": "CHỈ ĐẠO"}, lambda: Section.objects.get(pk=section.pk).title),
        (f"/plans/chi-tieu/{target.pk}/sua/", {"label": "Thanh toán trực tuyến trên 70 %", "comparison": "gt",
                                               "value": "70", "unit_label": "%"},
         {"label": "Thanh toán trực tuyến", "comparison": "gte", "value": "75", "unit_label": "%"},
         lambda: Target.objects.get(pk=target.pk).label),
    ]:
        one, two = _client(cast.mai), _client(cast.admin)
        v1, v2 = _version(one.get(url)), _version(two.get(url))
        assert one.post(url, {**first, "version": v1}).status_code == 302
        kept = check()
        before = rows_now()
        response = two.post(url, {**second, "version": v2})
        assert response.status_code == 409 and rows_now() == before and check() == kept
        assert "Chưa lưu: đã có người sửa trước bạn" in response.content.decode()


@time_machine.travel(NOW, tick=False)
def test_a_progress_report_on_a_task_changed_meanwhile_is_refused(cast):
    from core.testing import make_user

    task = make_task(cast, make_plan(cast), lead="qldd", deadline="Trước ngày 25/11")
    hoa = make_user("hoa", cast.unit("qldd"), full_name="Vũ Thị Hoa")
    lan, other = _client(cast.lan), _client(hoa)
    page = f"/plans/nhiem-vu/{task.pk}/"
    v1, v2 = _version(lan.get(page)), _version(other.get(page))
    post = f"/plans/nhiem-vu/{task.pk}/tien-do/"
    unit = cast.unit("qldd").pk
    assert lan.post(post, {"unit": unit, "status": "done", "percent": 100, "note": "Đã công bố", "version": v1}
                    ).status_code == 302
    before = rows_now()
    response = other.post(post, {"unit": unit, "status": "in_progress", "percent": 50, "note": "Đang làm",
                                 "version": v2})
    assert response.status_code == 409 and rows_now() == before
    assert "Đã hoàn thành" in response.content.decode() and "Đang làm" in response.content.decode()
    task.refresh_from_db()
    assert task.status == Task.Status.DONE and task.updates.count() == 1


def test_of_two_saves_from_one_version_exactly_one_wins(cast):
    task = make_task(cast, make_plan(cast))
    fields = {"section": task.section, "code": task.code, "product": "", "deadline_text": task.deadline_text,
              "lead_units": [cast.unit("qldd")], "coordinating_units": [], "monitoring_units": [], "is_heading": False}
    read = task.version
    actions.update_task(by=cast.mai, task=Task.objects.get(pk=task.pk), content="Lần một", version=read, **fields)
    with pytest.raises(StaleEdit) as stale:
        actions.update_task(by=cast.manh, task=Task.objects.get(pk=task.pk), content="Lần hai", version=read, **fields)
    assert stale.value.current.content == "Lần một" and stale.value.current.version == read + 1
