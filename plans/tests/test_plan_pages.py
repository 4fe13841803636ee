"""The plan shown like its appendix, the lists, and who may see them; query counts stay flat as data grows."""

from datetime import date

import pytest
import time_machine

from plans.models import Task
from plans.tests.builders import make_plan, make_task

NOW = "2026-11-23 09:00 +07:00"
# Overdue, due soon, later, continuous, on instruction: every list has rows from the start.
DEADLINES = ["Trước ngày 15/11", "Trước ngày 25/11", "Quý IV/2026", "Thường xuyên", "Theo chỉ đạo của UBND tỉnh"]


def _grow(cast, plan, n, start=1):
    for i in range(start, start + n):
        make_task(cast, plan, code=f"1.{i}", lead=["qldd", "ttcntt", "vp"][i % 3], coordinating=("khtc",),
                  deadline=DEADLINES[i % len(DEADLINES)])


@time_machine.travel(NOW, tick=False)
def test_plan_page_shows_sections_rows_and_understood_deadlines(cast, client_for):
    plan = make_plan(cast)
    make_task(cast, plan, code="1", deadline="Báo cáo trước ngày 15/11")
    make_task(cast, plan, code="2", deadline="Gộp vào Cải cách thủ tục hành chính", content="Nhiệm vụ lạ")
    page = client_for(cast.mai).get(f"/plans/{plan.pk}/").content.decode()
    assert "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC" in page
    assert "Báo cáo trước ngày 15/11" in page and "13/11/2026" in page  # 15/11/2026 is a Sunday
    assert "Chưa hiểu được thời hạn" in page
    assert "Quá hạn" in page  # due 13/11, today 23/11


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("url", ["/plans/{pk}/", "/plans/cua-toi/", "/plans/don-vi/", "/plans/han/", "/plans/lich/",
                                 "/plans/", "/plans/{pk}/bao-cao/"])
def test_query_count_does_not_grow_with_tasks(cast, client_for, django_assert_max_num_queries, url):
    plan = make_plan(cast)
    _grow(cast, plan, len(DEADLINES))
    client = client_for(cast.mai)
    url = url.format(pk=plan.pk)
    with django_assert_max_num_queries(25) as small:
        assert client.get(url).status_code == 200
    _grow(cast, plan, 30, start=len(DEADLINES) + 1)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_division_sees_the_department_plan_through_its_task_and_outsider_does_not(cast, client_for):
    plan = make_plan(cast)
    task = make_task(cast, plan, lead="qldd")
    assert client_for(cast.lan).get(f"/plans/{plan.pk}/").status_code == 200
    assert client_for(cast.lan).get(f"/plans/nhiem-vu/{task.pk}/").status_code == 200
    assert client_for(cast.khoa).get(f"/plans/{plan.pk}/").status_code == 403
    assert client_for(cast.khoa).get(f"/plans/nhiem-vu/{task.pk}/").status_code == 403
    assert client_for(cast.lan).get("/plans/nhiem-vu/999999/").status_code == 404
    assert client_for(cast.lan).get(f"/plans/{plan.pk}/sua/").status_code == 403


def test_office_creates_plan_section_and_task_through_forms(cast, client_for):
    client = client_for(cast.mai)
    response = client.post("/plans/moi/", {"issuing_unit": cast.department.pk, "number": "12", "symbol": "KH-STNMT",
                                           "title": "Kế hoạch CCHC năm 2026", "year": 2026, "kind": "yearly",
                                           "status": "issued"})
    assert response.status_code == 302
    plan = cast.department.plans.get(number="12")
    client.post(f"/plans/{plan.pk}/muc/", {"appendix_number": "1", "numeral": "I", "title": "CẢI CÁCH THỂ CHẾ"})
    section = plan.sections.get()
    response = client.post(f"/plans/{plan.pk}/nhiem-vu/", {
        "section": section.pk, "code": "1.", "content": "Rà soát văn bản QPPL", "deadline_text": "Quý II/2026",
        "lead_units": [cast.unit("qldd").pk], "monitoring_units": [cast.unit("vp").pk]})
    assert response.status_code == 302
    task = plan.tasks.get()
    assert task.code == "1" and task.due_date == date(2026, 6, 30) and task.deadline_kind == "period"


def test_bad_task_input_gets_a_vietnamese_message_and_no_500(cast, client_for):
    plan = make_plan(cast)
    response = client_for(cast.mai).post(f"/plans/{plan.pk}/nhiem-vu/", {"content": "", "lead_units": ["x"]})
    assert response.status_code == 200
    assert "Trường này là bắt buộc" in response.content.decode() or "bắt buộc" in response.content.decode()
    assert not Task.objects.exists()


def test_plan_form_rejects_absurd_year(cast, client_for):
    response = client_for(cast.mai).post("/plans/moi/", {"issuing_unit": cast.department.pk, "title": "X",
                                                         "year": 3000, "kind": "yearly", "status": "draft"})
    assert response.status_code == 200 and "2000–2100" in response.content.decode()


def test_specialist_cannot_create_plans(cast, client_for):
    assert client_for(cast.lan).get("/plans/moi/").status_code == 403


def test_office_edits_a_task_and_the_deadline_is_read_again(cast, client_for):
    plan = make_plan(cast)
    task = make_task(cast, plan, code="1", lead="qldd", deadline="Quý II/2026")
    data = {"section": task.section_id, "code": "1", "content": task.content, "deadline_text": "Tháng 8/2026",
            "lead_units": [cast.unit("ttcntt").pk], "monitoring_units": [cast.unit("vp").pk], "version": task.version}
    assert client_for(cast.lan).post(f"/plans/nhiem-vu/{task.pk}/sua/", data).status_code == 403
    assert client_for(cast.mai).post(f"/plans/nhiem-vu/{task.pk}/sua/", data).status_code == 302
    task.refresh_from_db()
    # 31/08/2026 is a bridge day off before National Day: the last working day of August is Friday 28.
    assert task.due_date == date(2026, 8, 28) and list(task.lead_units.all()) == [cast.unit("ttcntt")]
    assert task.lead_text == cast.unit("ttcntt").name
