"""Confirming a reviewed draft creates the plan and every task in one transaction, and remembers mapped names."""

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from imports import actions
from imports.models import ImportSession
from imports.tests.test_review import upload
from org.models import UnitAlias
from plans.models import Plan, Task

UNKNOWN = "Đơn vị lạ 1"


def test_confirm_creates_the_plan_with_all_tasks(cast, client_for):
    client = client_for(cast.mai)
    session = upload(client, cast)
    response = client.post(reverse("imports:confirm", args=[session.pk]))
    plan = Plan.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("plans:plan", args=[plan.pk])
    assert (plan.symbol, plan.year, plan.place, plan.issuing_unit) == ("KH-STNMT", 2024, "Bà Rịa – Vũng Tàu",
                                                                      cast.department)
    assert plan.title.startswith("Duy trì, cải thiện và nâng cao Chỉ số cải cách hành chính")
    assert Task.objects.filter(plan=plan).count() == 145
    assert sorted(set(plan.sections.values_list("appendix_number", flat=True))) == ["1", "2", "3"]

    task = Task.objects.get(plan=plan, section__appendix_number="2", section__numeral="I", code="1.2")
    assert {u.code for u in task.monitoring_units.all()} == {"ttcntt"}
    assert task.monitoring_text == "Trung tâm Công nghệ thông tin tài nguyên và môi trường"
    assert task.outside_participants == [{"role": "monitoring", "name": "Tổ kiểm tra công vụ Sở"}]
    assert task.method == "kiểm tra báo cáo" and not task.needs_units
    assert task.deadline_text == "Báo cáo trước ngày 15/11"
    report = Task.objects.get(plan=plan, section__appendix_number="2", section__numeral="II", code="1.2.1")
    assert report.lead_units.count() == 11 and report.parent.code == "1.2"
    assert report.method.startswith("lưu ý đảm bảo thời gian thực hiện")
    reorganise = Task.objects.get(plan=plan, section__appendix_number="1", section__numeral="IV", code="1")
    assert reorganise.footnotes[0]["mark"] == "2" and reorganise.footnotes[0]["text"].startswith("Quyết định số 3315")
    assert Task.objects.filter(plan=plan, is_heading=True).count() == 29
    page = client.get(reverse("plans:task", args=[task.pk])).content.decode()
    assert "Tổ kiểm tra công vụ Sở" in page and "kiểm tra báo cáo" in page

    session.refresh_from_db()
    assert session.status == ImportSession.Status.CONFIRMED and session.plan_id == plan.pk
    assert AuditEntry.objects.filter(object_repr__startswith=session.filename).count() == 2  # read, confirmed
    again = client.post(reverse("imports:confirm", args=[session.pk]))
    assert again.status_code == 302 and Plan.objects.count() == 1
    edit = client.post(reverse("imports:task", args=[session.pk, 1]), {"code": "1", "content": "x"})
    assert edit.status_code == 302 and ImportSession.objects.get().payload["appendices"][0]["sections"][0]["tasks"][0][
        "content"] != "x"


def test_mapped_names_become_aliases(cast, client_for):
    from imports.tests.test_review import _docx_with

    client = client_for(cast.mai)
    session = upload(client, cast, _docx_with(3))
    client.post(reverse("imports:map", args=[session.pk]), {"text": UNKNOWN, "unit": cast.unit("vp").pk})
    client.post(reverse("imports:confirm", args=[session.pk]))
    assert UnitAlias.objects.filter(unit=cast.unit("vp"), alias=UNKNOWN).exists()
    assert {u.code for u in Task.objects.get(code="1").lead_units.all()} == {"vp"}


def test_removed_rows_are_not_created(cast, client_for):
    client = client_for(cast.mai)
    session = upload(client, cast)
    task_id = session.tasks()[0]["id"]
    client.post(reverse("imports:task", args=[session.pk, task_id]),
                {"code": "1", "content": session.tasks()[0]["content"], "removed": "on"})
    client.post(reverse("imports:confirm", args=[session.pk]))
    assert Task.objects.count() == 144


def test_a_failure_while_creating_leaves_nothing(cast, client_for, monkeypatch):
    from imports.tests.test_review import _docx_with

    client = client_for(cast.mai)
    session = upload(client, cast, _docx_with(3))
    client.post(reverse("imports:map", args=[session.pk]), {"text": UNKNOWN, "unit": cast.unit("vp").pk})
    import plans.actions

    original = plans.actions.create_plan_with_tasks

    def create_then_fail(**kwargs):
        original(**kwargs)
        raise RuntimeError("database went away")

    monkeypatch.setattr(plans.actions, "create_plan_with_tasks", create_then_fail)
    with pytest.raises(RuntimeError):
        actions.confirm_import(ImportSession.objects.get(), by=cast.mai)
    assert Plan.objects.count() == 0 and Task.objects.count() == 0
    assert not UnitAlias.objects.filter(alias=UNKNOWN).exists()
    assert ImportSession.objects.get().status == ImportSession.Status.DRAFT


def test_discard_creates_nothing(cast, client_for):
    client = client_for(cast.mai)
    session = upload(client, cast)
    assert client.post(reverse("imports:discard", args=[session.pk])).status_code == 302
    session.refresh_from_db()
    assert session.status == ImportSession.Status.DISCARDED and Plan.objects.count() == 0
    assert client.post(reverse("imports:confirm", args=[session.pk])).status_code == 302
    assert Plan.objects.count() == 0


def test_a_second_import_of_the_same_plan_is_flagged(cast, client_for):
    client = client_for(cast.mai)
    client.post(reverse("imports:confirm", args=[upload(client, cast).pk]))
    again = upload(client, cast)
    page = client.get(reverse("imports:review", args=[again.pk])).content.decode()
    assert "cchc đã có kế hoạch số …/KH-STNMT năm 2024 của đơn vị này" in page


def test_a_name_mapped_to_a_group_gives_its_members(cast, client_for):
    from imports.tests.test_review import _docx_with
    from org.models import UnitGroup

    client = client_for(cast.mai)
    session = upload(client, cast, _docx_with(3))
    group = UnitGroup.objects.get(owner=cast.department, name="Đơn vị thuộc Sở")
    client.post(reverse("imports:map", args=[session.pk]), {"text": "Đơn vị lạ 0", "unit": f"g{group.pk}"})
    page = client.get(reverse("imports:review", args=[session.pk])).content.decode()
    assert "“Đơn vị lạ 0” → Đơn vị thuộc Sở" in page
    client.post(reverse("imports:confirm", args=[session.pk]))
    task = Task.objects.get(code="3")  # 'Văn phòng Sở; Đơn vị lạ 0'
    assert {u.code for u in task.lead_units.all()} == {"vp", "vpdkdd", "ttcntt", "ttkt", "ttptqd", "ttqt"}
    assert not UnitAlias.objects.filter(alias="Đơn vị lạ 0").exists()  # only unit names become aliases


def test_a_name_marked_as_an_outside_body_is_kept_as_a_participant(cast, client_for):
    from imports.tests.test_review import _docx_with

    client = client_for(cast.mai)
    session = upload(client, cast, _docx_with(3))
    response = client.post(reverse("imports:map", args=[session.pk]), {"text": "Đơn vị lạ 2", "unit": "ngoai"})
    assert response.status_code == 302
    page = client.get(reverse("imports:review", args=[session.pk])).content.decode()
    assert "Đơn vị lạ 2 (ngoài Sở)" in page and "cơ quan ngoài Sở (giữ tên)" in page
    client.post(reverse("imports:confirm", args=[session.pk]))
    task = Task.objects.get(code="2")  # 'Văn phòng Sở; Đơn vị lạ 2'
    assert {u.code for u in task.lead_units.all()} == {"vp"}
    assert task.outside_participants == [{"role": "lead", "name": "Đơn vị lạ 2"}]
    assert not UnitAlias.objects.filter(alias="Đơn vị lạ 2").exists()
