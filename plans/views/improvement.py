"""Lập kế hoạch khắc phục: drafting next year's plan from appraised results, re-drafting it, and editing the plan's
free sections (results, purposes and requirements, solutions, organisation, budget)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.permissions import require
from assessments.access import get_assessment_for
from plans import drafting_actions, improvement
from plans.access import get_plan_for
from plans.forms import ConfirmForm, DraftSettingsForm, PlanTextsForm
from plans.models import Plan
from plans.versions import StaleEdit
from plans.views.conflicts import conflict, rebound


def draft_improvement(request, assessment_pk):
    """The defaults of the draft (product, deadlines, monitoring office), then the draft opens in the plan editor."""
    assessment = get_assessment_for(request.user, assessment_pk)
    require(request.user, "plan.manage", assessment.unit)
    office = improvement.reform_office(assessment.unit)
    form = DraftSettingsForm(request.POST or None, unit=assessment.unit, initial={
        "product": "Báo cáo kết quả thực hiện", "deadline": "Báo cáo trước ngày 15/11",
        "maintain_deadline": "Năm {year}", "office": office.pk})
    blocked = ""
    if assessment.phase not in improvement.DRAFTABLE:
        blocked = _("Kết quả đánh giá này chưa được Hội đồng thẩm định xong: chỉ lập kế hoạch khắc phục từ kết quả "
                    "đã thẩm định hoặc đã công bố.")
    if request.method == "POST" and not blocked and form.is_valid():
        try:
            plan = drafting_actions.draft_improvement_plan(by=request.user, assessment=assessment,
                                                           stored=form.stored())
        except ValidationError as error:
            blocked = " ".join(error.messages)
        else:
            messages.success(request, _("Đã lập dự thảo kế hoạch năm %(year)s từ kết quả đánh giá. Kế hoạch chưa ban "
                                        "hành: hãy rà soát, sửa các nhiệm vụ rồi ban hành.") % {"year": plan.year})
            return redirect("plans:plan", pk=plan.pk)
    proposal = improvement.propose(assessment) if not blocked else None
    return render(request, "plans/draft_improvement.html", {
        "assessment": assessment, "form": form, "blocked": blocked, "proposal": proposal,
        "existing": drafting_actions.existing_draft(assessment),
    }, status=400 if form.errors or (blocked and request.method == "POST") else 200)


def redraft(request, pk):
    """What a re-draft would change (added, updated, kept as the user edited them), then doing it."""
    plan = get_plan_for(request.user, pk, need="manage")
    form = ConfirmForm(request.POST or None, initial={"version": plan.version})
    blocked = ""
    if plan.source_assessment is None:
        blocked = _("Kế hoạch này không được lập từ kết quả đánh giá.")
    elif plan.status != Plan.Status.DRAFT:
        blocked = _("Kế hoạch đã ban hành: không lập lại dự thảo được.")
    if request.method == "POST" and not blocked and form.is_valid():
        try:
            done = drafting_actions.redraft(by=request.user, plan=plan, version=form.cleaned_data["version"])
        except StaleEdit:
            messages.error(request, _("Kế hoạch vừa được người khác sửa: hãy xem lại trước khi lập lại dự thảo."))
            return redirect("plans:redraft", pk=plan.pk)
        except ValidationError as error:
            blocked = " ".join(error.messages)
        else:
            messages.success(request, _("Đã lập lại dự thảo: %(n)s thay đổi; các dòng đã sửa được giữ nguyên.")
                             % {"n": done.changes})
            return redirect("plans:plan", pk=plan.pk)
    preview = drafting_actions.preview(plan)[0] if not blocked else None
    labels = {name: Plan._meta.get_field(name).verbose_name for name in drafting_actions.TEXT_FIELDS}
    return render(request, "plans/redraft.html", {
        "plan": plan, "form": form, "blocked": blocked, "preview": preview,
        "texts_updated": [labels[n] for n in preview.texts_updated] if preview else [],
        "texts_kept": [labels[n] for n in preview.texts_kept] if preview else [],
    }, status=400 if form.errors or (blocked and request.method == "POST") else 200)


def _text_values(plan: Plan) -> dict:
    return {name: getattr(plan, name) for name in [*drafting_actions.TEXT_FIELDS, "unit_plan_days"]}


def plan_texts(request, pk):
    """The plan's free sections, in the small markup (paragraphs, **đậm**, *nghiêng*, '- ' bullets)."""
    plan = get_plan_for(request.user, pk, need="manage")
    form = PlanTextsForm(request.POST or None, initial={**_text_values(plan), "version": plan.version})
    context = {"form": form, "plan": plan, "title": _("Nội dung kế hoạch")}
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            drafting_actions.update_texts(by=request.user, plan=plan, version=version, **data)
        except StaleEdit as stale:
            if stale.current is None:
                return redirect("plans:index")
            form = rebound(PlanTextsForm, request, stale.current.version)
            form.is_valid()
            context.update(form=form, conflict=conflict(form, stale.current, _text_values(stale.current)))
            return render(request, "plans/plan_texts.html", context, status=409)
        messages.success(request, _("Đã lưu nội dung kế hoạch."))
        return redirect("plans:plan", pk=plan.pk)
    return render(request, "plans/plan_texts.html", context, status=400 if form.errors else 200)
