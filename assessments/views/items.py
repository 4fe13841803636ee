"""One item of an assessment, edited in place with htmx: self-score, evidence, appraisal, appeal."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from assessments import actions
from assessments.access import ConflictOfInterest, get_assessment_for
from assessments.actions import APPRAISAL_FIELDS, SELF_FIELDS
from assessments.forms import AppealForm, AppraiseForm, DecideForm, EvidenceForm, SelfScoreForm
from assessments.models import Evidence
from assessments.progress import progress_of
from assessments.views.common import load_item, messages_of, refused
from core.http import attachment
from core.versions import StaleEdit, conflict_of


def _respond(request, assessment, item, errors=(), changed=False, stale=None):
    """The item's row for htmx (and a signal that totals changed, with the area's progress line swapped in too),
    or back to the page without htmx."""
    item.errors = list(errors)
    if request.htmx:
        area = next((a for a in progress_of(assessment) if any(line.score.pk == item.score.pk for line in a.lines)),
                    None)
        response = render(request, "assessments/_item.html", {"assessment": assessment, "item": item, "stale": stale,
                                                              "framework": assessment.framework, "oob_area": area})
        if changed:
            response["HX-Trigger"] = "scores-changed"
        return response
    from django.contrib import messages

    for error in errors:
        messages.error(request, error)
    if stale is not None:
        messages.warning(request, _stale_text(stale))
    if changed and not errors:
        messages.success(request, _("Đã lưu tiêu chí %(code)s.") % {"code": item.criterion.code})
    return redirect(f"{assessment.get_absolute_url()}#item-{item.score.pk}")


def item(request, pk, score_pk):
    assessment = get_assessment_for(request.user, pk)
    return _respond(request, assessment, load_item(request.user, assessment, score_pk))


def _stale_text(stale) -> str:
    values = "; ".join(f"{label}: {value}" for label, value in stale.values)
    return _("%(who)s đã lưu tiêu chí này sau khi bạn mở trang (%(values)s). Chưa lưu gì của bạn.") % {
        "who": stale.who, "values": values}


def _typed(request, names: dict[str, str]) -> list[tuple[str, str]]:
    """What the person typed and lost to a stale save, to show it back (label, text)."""
    return [(label, request.POST.get(name, "").strip()) for name, label in names.items()
            if request.POST.get(name, "").strip()]


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
            version=data["version"],
        )
    except StaleEdit as error:
        stale = conflict_of(error.current, SELF_FIELDS)
        stale.typed = _typed(request, {"points": _("Điểm tự đánh giá"), "measured": _("Giá trị đo được"),
                                       "explanation": _("Giải trình"), "reply": _("Giải trình bổ sung")})
        return _respond(request, assessment, load_item(request.user, assessment, score_pk), stale=stale)
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
    return get_object_or_404(Evidence.objects.select_related("score__criterion", "uploaded_by"),
                             score__assessment=assessment, pk=evidence_pk)


def evidence_delete(request, pk, evidence_pk):
    """GET (or a POST not yet confirmed) asks first; the confirmed POST deletes. The item's htmx form confirms in
    the browser's dialog and sends confirmed=yes itself."""
    assessment = get_assessment_for(request.user, pk, "assessment.self_score")
    item_obj = _evidence(assessment, evidence_pk)
    current = load_item(request.user, assessment, item_obj.score_id)
    if not current.may_self or item_obj.for_appeal:
        raise PermissionDenied("assessment.self_score")
    if request.method != "POST" or request.POST.get("confirmed") != "yes":
        return render(request, "assessments/confirm_evidence_delete.html", {
            "assessment": assessment, "evidence": item_obj, "criterion": item_obj.score.criterion})
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
                         comment=form.cleaned_data["comment"], version=form.cleaned_data["version"])
    except ConflictOfInterest as error:
        return refused(request, assessment, error)
    except StaleEdit as error:
        stale = conflict_of(error.current, APPRAISAL_FIELDS)
        stale.typed = _typed(request, {"points": _("Điểm thẩm định"), "comment": _("Nhận xét")})
        assessment.refresh_from_db()
        return _respond(request, assessment, load_item(request.user, assessment, score_pk), stale=stale)
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
    except ConflictOfInterest as error:
        return refused(request, assessment, error)
    except ValidationError as error:
        return _respond(request, assessment, current, messages_of(error))
    return _respond(request, assessment, load_item(request.user, assessment, score_pk), changed=True)
