"""Everyone's to-do list: the home page shows each cast member what waits for them, and the navigation counts it in
the same number of queries whatever the amount of work."""

from datetime import date

import lxml.html
import pytest
import time_machine

from accounts.models import Role
from assessments.models import Appeal, Assessment, Score
from assessments.tests.builders import internal_framework, open_assessment, provincial_framework
from core import inbox
from core.testing import make_user
from plans import actions
from plans.tests.builders import make_plan, make_task
from surveys.models import Survey
from surveys.tests.builders import make_survey

pytestmark = pytest.mark.dates
NOW = "2026-11-23 09:00 +07:00"  # a Monday; 7 working days ahead is Wednesday 2 December (24/11 is a day off)


def todo_of(response) -> dict[str, str]:
    """The to-do list's groups as {kind: text}."""
    assert response.status_code == 200
    tree = lxml.html.fromstring(response.content.decode())
    return {g.get("id").removeprefix("todo-"): " ".join(g.text_content().split())
            for g in tree.xpath("//section[@id='todo']//section[starts-with(@id, 'todo-')]")}


def nav_counts(response) -> dict[str, str]:
    tree = lxml.html.fromstring(response.content.decode())
    return {" ".join(a.xpath("string(text())").split()): a.xpath("string(span[@class='nav-count'])")
            for a in tree.xpath("//nav[@class='mainnav']/a")}


@pytest.fixture
def work(cast):
    """A working week in November 2026: tasks due, a returned update, an extension waiting, assessments open."""
    with time_machine.travel(NOW, tick=False):
        plan = make_plan(cast)
        make_task(cast, plan, code="1", lead="qldd", deadline="Trước ngày 13/11", content="Công bố danh mục TTHC")
        make_task(cast, plan, code="2", lead="qldd", deadline="Trước ngày 27/11", content="Cập nhật quy trình nội bộ")
        make_task(cast, plan, code="3", lead="qldd", deadline="Trước ngày 18/12", content="Tổng kết công tác năm")
        make_task(cast, make_plan(cast, status="draft", number="09"), code="1", lead="qldd",
                  deadline="Trước ngày 20/11", content="Nhiệm vụ của dự thảo")
        reported = make_task(cast, plan, code="4", lead="qldd", monitoring="vp", deadline="Trước ngày 18/12",
                             content="Số hóa hồ sơ đất đai")
        update = actions.post_update(by=cast.lan, task=reported, unit=cast.unit("qldd"), kind="progress",
                                     status="done", note="Đã số hóa xong")
        actions.return_update(by=cast.mai, update=update, reason="Thiếu danh sách hồ sơ đã số hóa")
        asked = make_task(cast, plan, code="5", lead="qldd", monitoring="ttcntt", deadline="Trước ngày 25/11",
                          content="Kết nối phần mềm một cửa")
        actions.request_extension(by=cast.lan, task=asked, unit=cast.unit("qldd"), new_due=date(2026, 12, 10),
                                  reason="Chờ nhà cung cấp phần mềm")

        department = open_assessment(cast, "department", provincial_framework(cast), self_deadline=date(2026, 12, 2))
        returned = Score.objects.filter(assessment=department).select_related("criterion").order_by("pk").first()
        returned.criterion.responsible_unit = cast.unit("qldd")
        returned.criterion.save()
        Score.objects.filter(pk=returned.pk).update(returned=True, return_note="Bổ sung quyết định công bố TTHC",
                                                    self_score=1)
        Assessment.objects.filter(pk=department.pk).update(phase=Assessment.Phase.RETURNED)

        internal = internal_framework(cast)
        submitted = open_assessment(cast, "qlmt", internal, appraisal_deadline=date(2026, 12, 4))
        Assessment.objects.filter(pk=submitted.pk).update(phase=Assessment.Phase.SUBMITTED)
        appealed = open_assessment(cast, "khtc", internal)
        Assessment.objects.filter(pk=appealed.pk).update(phase=Assessment.Phase.FINALISED)
        Appeal.objects.create(score=Score.objects.filter(assessment=appealed).first(), reason="Đã có quyết định",
                              requested_score=1, created_by=cast.mai)
        make_survey(cast, kind=Survey.Kind.OPINION)
    return {"department": department, "returned": returned, "submitted": submitted}


@time_machine.travel(NOW, tick=False)
def test_lan_sees_what_came_back_to_her_and_her_tasks_due(work, cast, client_for):
    todo = todo_of(client_for(cast.lan).get("/"))
    assert "Số hóa hồ sơ đất đai" in todo["returned"] and "Thiếu danh sách hồ sơ đã số hóa" in todo["returned"]
    assert work["returned"].criterion.code in todo["returned"] and "Bổ sung quyết định công bố TTHC" in todo["returned"]
    tasks = todo["task"]
    assert "Công bố danh mục TTHC" in tasks and "Quá hạn 10 ngày" in tasks
    assert "Cập nhật quy trình nội bộ" in tasks and "còn 3 ngày làm việc" in tasks
    assert "Kết nối phần mềm một cửa" in tasks
    assert "Tổng kết công tác năm" not in tasks, "due in December, beyond the next 7 working days"
    assert "Nhiệm vụ của dự thảo" not in tasks
    in_charge = Score.objects.filter(assessment=work["department"], criterion__responsible_unit=cast.unit("qldd"))
    assert "Sở Tài nguyên và Môi trường" in todo["assessment"], "her unit's assessment is open: it shows"
    assert f"1/{in_charge.count()} tiêu chí đã chấm" in todo["assessment"]
    assert f"{in_charge.count()} còn thiếu" in todo["assessment"], "scored, but without evidence or explanation"
    assert "phiếu không ghi tên" in todo["survey"]
    assert "decide" not in todo and "appraise" not in todo, "lan decides nothing"
    assert "survey_close" not in todo, "closing surveys is the office's business"


@time_machine.travel(NOW, tick=False)
def test_hung_sees_the_extension_he_is_the_approver_of(work, cast, client_for):
    todo = todo_of(client_for(cast.hung).get("/"))
    assert "Kết nối phần mềm một cửa" in todo["decide"] and "10/12/2026" in todo["decide"]
    assert "returned" not in todo
    assert "Sở Tài nguyên và Môi trường" in todo["assessment"], "his unit's department assessment is open"


@time_machine.travel(NOW, tick=False)
def test_thu_sees_the_appraisal_and_the_appeal_waiting_but_not_her_own_unit(work, cast, client_for):
    todo = todo_of(client_for(cast.thu).get("/"))
    assert "Phòng Quản lý môi trường" in todo["appraise"] and "04/12/2026" in todo["appraise"]
    assert "Đề nghị phúc tra" in todo["decide"]
    insider = make_user("tham", cast.unit("qlmt"), (Role.APPRAISER, cast.province), full_name="Thẩm Định Viên")
    theirs = todo_of(client_for(insider).get("/"))
    assert "appraise" not in theirs, "nobody appraises their own unit"


@time_machine.travel(NOW, tick=False)
def test_mai_and_manh_see_requests_of_others_and_the_departments_assessment(work, cast, client_for):
    mai = todo_of(client_for(cast.mai).get("/"))
    assert "Kết nối phần mềm một cửa" in mai["decide"]
    assert "Đã qua ngày kết thúc" in mai["survey_close"] and "31/12/2024" in mai["survey_close"]
    assert "Sở Tài nguyên và Môi trường" in mai["assessment"] and "tiêu chí đã chấm" in mai["assessment"]
    own = make_task(cast, make_plan(cast, number="10"), lead="vp", monitoring="vp", deadline="Trước ngày 30/11",
                    content="Nhiệm vụ của Văn phòng")
    actions.request_extension(by=cast.mai, task=own, unit=cast.unit("vp"), new_due=date(2026, 12, 11), reason="Chờ")
    mai = todo_of(client_for(cast.mai).get("/"))
    assert "Nhiệm vụ của Văn phòng" not in mai["decide"], "nobody decides their own request"
    manh = todo_of(client_for(cast.manh).get("/"))
    assert "Nhiệm vụ của Văn phòng" in manh["decide"] and "Kết nối phần mềm một cửa" in manh["decide"]


@time_machine.travel(NOW, tick=False)
def test_a_unit_with_nothing_waiting_is_told_so(cast, client_for):
    page = client_for(cast.khoa).get("/").content.decode()
    assert "Không có việc nào đang chờ bạn." in page


@time_machine.travel(NOW, tick=False)
def test_the_navigation_counts_each_persons_work(work, cast, client_for):
    counts = nav_counts(client_for(cast.lan).get("/plans/"))
    # 2 returned (an update, an item), 3 tasks due (overdue, due Friday, the one asked to extend), 1 survey.
    assert counts["Tổng quan"] == "6" and counts["Kế hoạch, nhiệm vụ"] == "4"
    assert counts["Đánh giá, chấm điểm"] == "1"
    hung = nav_counts(client_for(cast.hung).get("/plans/"))
    assert hung["Kế hoạch, nhiệm vụ"] == "1"
    assert "Gia hạn chờ duyệt" in client_for(cast.hung).get("/plans/").content.decode()
    assert nav_counts(client_for(cast.khoa).get("/plans/"))["Tổng quan"] == ""


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("who", ["lan", "hung", "mai", "thu", "manh", "admin"])
def test_counts_and_home_cost_the_same_queries_with_more_work(work, cast, client_for, django_assert_max_num_queries,
                                                               who):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    person = getattr(cast, who)
    client = client_for(person)
    first = type(person).objects.get(pk=person.pk)
    with CaptureQueriesContext(connection) as counted:
        inbox.counts(first, date(2026, 11, 23))
    assert len(counted.captured_queries) <= 4, "grants, unit, working calendar, and one query for all the counts"
    with django_assert_max_num_queries(60) as home:
        client.get("/")
    plan = make_plan(cast, number="20")
    for i in range(12):
        task = make_task(cast, plan, code=str(i + 1), lead=["qldd", "ttcntt", "vp"][i % 3], monitoring="ttcntt",
                         deadline="Trước ngày 27/11", content=f"Việc thêm {i}")
        unit = cast.unit(["qldd", "ttcntt", "vp"][i % 3])
        requester = {"qldd": cast.lan, "ttcntt": cast.hung, "vp": cast.mai}[unit.code]
        actions.request_extension(by=requester, task=task, unit=unit, new_due=date(2026, 12, 11), reason="Chờ")
    for score in Score.objects.filter(assessment=work["department"])[:5]:
        Score.objects.filter(pk=score.pk).update(returned=True, return_note="Bổ sung")
    again = type(person).objects.get(pk=person.pk)
    with django_assert_max_num_queries(len(counted.captured_queries)):
        inbox.counts(again, date(2026, 11, 23))
    with django_assert_max_num_queries(len(home.captured_queries)):
        client.get("/")
