"""One item of an assessment, edited in place with htmx: self-score, evidence, appraisal, appeal."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from assessments import actions
from assessments.access import get_assessment_for
from assessments.forms import AppealForm, AppraiseForm, DecideForm, EvidenceForm, SelfScoreForm
from assessments.models import Evidence
from assessments.views.common import load_item, messages_of
from core.http import attachment


def _respond(request, assessment, item, errors=(), changed=False):
    """The item's row for htmx (and a signal that totals changed), or back to the page without htmx."""
    item.errors = list(errors)
    if request.htmx:
        response = render(request, "assessments/_item.html", {"assessment": assessment, "item": item,
                                                              "framework": assessment.framework})
        if changed:
            response["HX-Trigger"] = "scores-changed"
        return response
    from django.contrib import messages

    for error in errors:
        messages.error(request, error)
    if changed and not errors:
        messages.success(request, _("Đã lưu tiêu chí %(code)s.") % {"code": item.criterion.code})
    return redirect(f"{assessment.get_absolute_url()}#item-{item.score.pk}")


def item(request, pk, score_pk):
    assessment = get_assessment_for(request.user, pk)
    return _respond(request, assessment, load_item(request.user, assessment, score_pk))


def _form_errors(form) -> list[str]:
    return [f"{form.fields[name].label if name in form.fields else ''}: {e}".lstrip(": ")
            for name, errors in form.errors.items() for e in errors]


@require_POST
def self_score(request, pk, score_pk):
    assessment = get_assessment_for(request.user, pk, "assessment.self_score")
    current = load_item(request.user, assessment, score_pk)
    if not current.may_self:
        raise PermissionDenied("assessment.self_score")
    form = SelfScoreForm(request.POST)
    if not form.is_valid():
        return _respond(request, assessment, current, _form_errors(form))
    data = form.cleaned_data
    rule = current.criterion.parsed_rule()
    try:
        actions.self_score(
            current.score, by=request.user, points="" if data["points"] is None and not (
                rule.is_measured and data["measured"] is not None) else data["points"],
            measured=data["measured"] if rule.is_measured else None,
            measured_detail=data["measured_detail"] if rule.is_measured else None,
            explanation=data["explanation"], reply=data["reply"] if current.score.returned else None,
        )
    except ValidationError as error:
        return _respond(request, assessment, load_item(request.user, assessment, score_pk), messages_of(error))
    return _respond(request, assessment, load_item(request.user, assessment, score_pk), changed=True)


@require_POST
def measure(request, pk, score_pk):
    assessment = get_assessment_for(request.user, pk, "assessment.self_score")
    current = load_item(request.user, assessment, score_pk)
    if not current.may_self:
        raise PermissionDenied("assessment.self_score")
    try:
        actions.measure(current.score, by=request.user)
    except ValidationError as error:
        return _respond(request, assessment, current, messages_of(error))
    return _respond(request, assessment, load_item(request.user, assessment, score_pk), changed=True)


@require_POST
def evidence_upload(request, pk, score_pk):
    assessment = get_assessment_for(request.user, pk, "assessment.self_score")
    current = load_item(request.user, assessment, score_pk)
    if not current.may_self:
        raise PermissionDenied("assessment.self_score")
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        return _respond(request, assessment, current, _form_errors(form))
    upload = form.cleaned_data["file"]
    try:
        actions.add_evidence(current.score, by=request.user, name=upload.name, data=upload.read(),
                             period_start=form.cleaned_data["period_start"],
                             period_end=form.cleaned_data["period_end"], note=form.cleaned_data["note"])
    except ValidationError as error:
        return _respond(request, assessment, current, messages_of(error))
    return _respond(request, assessment, load_item(request.user, assessment, score_pk), changed=True)


def _evidence(assessment, evidence_pk):
    return get_object_or_404(Evidence.objects.select_related("score__criterion"), score__assessment=assessment,
                             pk=evidence_pk)


@require_POST
def evidence_delete(request, pk, evidence_pk):
    assessment = get_assessment_for(request.user, pk, "assessment.self_score")
    item_obj = _evidence(assessment, evidence_pk)
    current = load_item(request.user, assessment, item_obj.score_id)
    if not current.may_self:
        raise PermissionDenied("assessment.self_score")
    try:
        actions.remove_evidence(item_obj, by=request.user)
    except ValidationError as error:
        return _respond(request, assessment, current, messages_of(error))
    return _respond(request, assessment, load_item(request.user, assessment, item_obj.score_id), changed=True)


def evidence_download(request, pk, evidence_pk):
    assessment = get_assessment_for(request.user, pk)
    item_obj = _evidence(assessment, evidence_pk)
    try:
        handle = item_obj.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404("Tệp không còn trên máy chủ.")
    return attachment(handle, item_obj.name)


@require_POST
def appraise(request, pk, score_pk):
    assessment = get_assessment_for(request.user, pk, "assessment.appraise")
    current = load_item(request.user, assessment, score_pk)
    form = AppraiseForm(request.POST)
    if not form.is_valid():
        return _respond(request, assessment, current, _form_errors(form))
    try:
        actions.appraise(current.score, by=request.user, points=form.cleaned_data["points"],
                         comment=form.cleaned_data["comment"])
    except ValidationError as error:
        return _respond(request, assessment, current, messages_of(error))
    assessment.refresh_from_db()
    return _respond(request, assessment, load_item(request.user, assessment, score_pk), changed=True)


@require_POST
def appeal(request, pk, score_pk):
    assessment = get_assessment_for(request.user, pk, "assessment.submit")
    current = load_item(request.user, assessment, score_pk)
    form = AppealForm(request.POST, request.FILES)
    if not form.is_valid():
        return _respond(request, assessment, current, _form_errors(form))
    try:
        actions.file_appeal(current.score, by=request.user, reason=form.cleaned_data["reason"],
                            requested=form.cleaned_data["requested"], upload=form.cleaned_data.get("file"))
    except ValidationError as error:
        return _respond(request, assessment, current, messages_of(error))
    return _respond(request, assessment, load_item(request.user, assessment, score_pk), changed=True)


@require_POST
def decide(request, pk, score_pk):
    assessment = get_assessment_for(request.user, pk, "assessment.appraise")
    current = load_item(request.user, assessment, score_pk)
    if current.appeal is None:
        raise Http404
    form = DecideForm(request.POST)
    if not form.is_valid():
        return _respond(request, assessment, current, _form_errors(form))
    try:
        actions.decide_appeal(current.appeal, by=request.user, accept=form.cleaned_data["decision"] == "accept",
                              reason=form.cleaned_data["reason"], points=form.cleaned_data["points"])
    except ValidationError as error:
        return _respond(request, assessment, current, messages_of(error))
    return _respond(request, assessment, load_item(request.user, assessment, score_pk), changed=True)
