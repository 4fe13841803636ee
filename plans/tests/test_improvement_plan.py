"""Drafting next year's plan from a real assessment (the seed's 2023 results), opening and re-drafting it."""

from decimal import Decimal

import pytest
from django.urls import reverse

from plans import drafting_actions, improvement
from plans.models import Plan, Task
from plans.tests import seed_2023 as seed

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessment(cast):
    return seed.build_assessment(cast)


def test_the_drafted_plans_part_one_rows_are_exactly_the_seeds_section_i2(cast, assessment):
    proposal = improvement.propose(assessment)
    rows = [(g.title, g.points, g.max_points, g.comment) for g in proposal.results.gaps]
    assert rows == [(t, Decimal(p), Decimal(m), c) for _a, _g, t, p, m, c, _u in seed.SEED_GAPS]
    assert proposal.results.full_areas == seed.FULL_AREAS
    plan = drafting_actions.draft_improvement_plan(by=cast.mai, assessment=assessment)
    for _a, _g, title, _p, _m, comment, _u in seed.SEED_GAPS:
        assert title in plan.results_text and comment.splitlines()[0] in plan.results_text if comment else True


def test_a_draft_is_next_years_draft_plan_with_every_gap_task_linked_to_its_criterion(cast, assessment):
    plan = drafting_actions.draft_improvement_plan(by=cast.mai, assessment=assessment)
    assert (plan.status, plan.year, plan.kind, plan.issuing_unit) == ("draft", 2024, "index", cast.department)
    assert plan.symbol == "KH-STNMT" and plan.source_assessment == assessment
    fixes = plan.tasks.filter(drafted_from__startswith="fix:").prefetch_related("criteria", "lead_units",
                                                                                "monitoring_units")
    assert fixes.count() == 10
    for task in fixes:
        criterion = task.criteria.get()
        assert criterion.title == task.content
        assert list(task.lead_units.all()) == [criterion.responsible_unit]
        assert list(task.monitoring_units.all()) == [cast.unit("vp")]
        assert task.deadline_text == "Báo cáo trước ngày 15/11" and task.due_date.isoformat() == "2024-11-15"
    survey = plan.tasks.filter(drafted_from__startswith="survey:")
    assert survey.count() == 11 and all(t.criteria.count() == 1 for t in survey)
    assert set(plan.sections.values_list("appendix_number", flat=True)) == {"1", "2", "3"}
    assert [t.metric_key for t in plan.targets.all()][:2] == ["plans.index_total", "plans.index_rank"]


def test_redrafting_keeps_what_the_user_edited_and_updates_only_untouched_rows(cast, assessment):
    plan = drafting_actions.draft_improvement_plan(by=cast.mai, assessment=assessment)
    edited = plan.tasks.get(drafted_from="fix:1.1")
    edited.content = "Đổi mới, sáng tạo: mỗi phòng có ít nhất 01 sáng kiến CCHC"
    edited.save()
    untouched = plan.tasks.get(drafted_from="fix:1.3")
    deleted = plan.tasks.get(drafted_from="fix:1.4")
    deleted.delete()
    plan.organisation_text = "Tổ chức thực hiện do Văn phòng Sở viết lại."
    plan.draft_settings = {**plan.draft_settings, "deadline": "Báo cáo trước ngày 10/11",
                           "office": cast.unit("tt").pk}
    plan.save()
    preview, _draft = drafting_actions.preview(plan)
    assert [p.key for p in preview.tasks.add] == ["fix:1.4"]
    assert edited.pk in [row_id for row_id, _p in preview.tasks.kept]
    assert untouched.pk in [row_id for row_id, _p in preview.tasks.update]
    assert preview.texts_kept == ["organisation_text"] and preview.texts_updated == []
    drafting_actions.redraft(by=cast.mai, plan=plan, version=Plan.objects.get(pk=plan.pk).version)
    edited.refresh_from_db()
    untouched.refresh_from_db()
    assert edited.content == "Đổi mới, sáng tạo: mỗi phòng có ít nhất 01 sáng kiến CCHC"
    assert edited.deadline_text == "Báo cáo trước ngày 15/11"
    assert untouched.deadline_text == "Báo cáo trước ngày 10/11"
    assert list(untouched.monitoring_units.all()) == [cast.unit("tt")]
    assert Task.objects.get(plan=plan, drafted_from="fix:1.4").criteria.count() == 1
    plan.refresh_from_db()
    assert plan.organisation_text == "Tổ chức thực hiện do Văn phòng Sở viết lại."
    again, _draft = drafting_actions.preview(plan)
    assert again.tasks.add == [] and again.tasks.update == []


def test_the_office_drafts_from_the_assessment_page_and_lands_in_the_plan_editor(cast, assessment, client_for):
    client = client_for(cast.mai)
    url = reverse("plans:draft_improvement", args=[assessment.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Báo cáo trước ngày 15/11" in page.content.decode()
    response = client.post(url, {"product": "Báo cáo kết quả thực hiện", "deadline": "Báo cáo trước ngày 15/11",
                                 "maintain_deadline": "Năm {year}", "office": cast.unit("vp").pk})
    plan = Plan.objects.get(source_assessment=assessment)
    assert response.status_code == 302 and response["Location"] == reverse("plans:plan", args=[plan.pk])
    detail = client.get(response["Location"]).content.decode()
    assert "Thực hiện mệnh lệnh hành chính cấp trên" in detail and "Lập lại dự thảo" in detail


def test_only_the_office_may_draft_and_only_from_appraised_results(cast, assessment, client_for):
    url = reverse("plans:draft_improvement", args=[assessment.pk])
    assert client_for(cast.lan).post(url).status_code == 403
    assert client_for(cast.khoa).get(url).status_code in (403, 404)
    assert not Plan.objects.exists()
