"""Moving an assessment through its phases: submit, return for explanation, finalise, publish.

Submit, finalise and publish first show a confirmation page (GET) that says what will happen and what can no
longer be changed; only its form (confirmed=yes) carries the step out. A POST without it shows the page again.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from assessments import actions
from assessments.access import ConflictOfInterest, deciders, get_assessment_for
from assessments.models import Appeal, Assessment
from assessments.progress import area_progress, evidenced_ids
from assessments.results import totals_for
from assessments.views.common import Flags, messages_of, refused

P = Assessment.Phase


def _done(request, assessment, error: ValidationError | None, success: str):
    if error is None:
        messages.success(request, success)
    else:
        for message in messages_of(error):
            messages.error(request, message)
    return redirect(assessment.get_absolute_url())


def _confirmed(request) -> bool:
    return request.method == "POST" and request.POST.get("confirmed") == "yes"


def _confirm_page(request, assessment, step: str, **context):
    totals = totals_for([assessment])[assessment.pk]
    return render(request, "assessments/confirm.html", {
        "assessment": assessment, "framework": assessment.framework, "step": step, "totals": totals,
        "deciders": deciders(assessment), "flags": Flags.of(request.user, assessment), **context})


def _by_area(lines) -> list[tuple[object, list]]:
    """[(area, [line, …])] keeping framework order, for lists grouped by area."""
    groups: dict[int, tuple[object, list]] = {}
    for line in lines:
        groups.setdefault(line.area.pk, (line.area, []))[1].append(line)
    return list(groups.values())


@require_http_methods(["GET", "POST"])
def submit(request, pk):
    assessment = get_assessment_for(request.user, pk, "assessment.submit")
    if _confirmed(request):
        try:
            actions.submit(assessment, by=request.user)
        except ValidationError as error:
            messages.error(request, _("Chưa gửi được. Các tiêu chí cần hoàn thiện:"))
            return _done(request, assessment, error, "")
        return _done(request, assessment, None, _("Đã gửi kết quả tự đánh giá để thẩm định."))
    totals = totals_for([assessment])[assessment.pk]
    progress = area_progress(totals.lines, evidenced_ids(assessment))
    missing = [(area.area, area.missing) for area in progress if area.missing]
    return _confirm_page(request, assessment, "submit", progress=progress, missing=missing,
                         can_act=assessment.self_scoring_open and not missing)


@require_POST
def return_items(request, pk):
    assessment = get_assessment_for(request.user, pk, "assessment.appraise")
    notes = {}
    for key, value in request.POST.items():
        if key.startswith("return-"):
            try:
                notes[int(key.removeprefix("return-"))] = value
            except ValueError:
                continue
    try:
        actions.return_for_explanation(assessment, by=request.user, notes=notes)
    except ConflictOfInterest as error:
        return refused(request, assessment, error)
    except ValidationError as error:
        return _done(request, assessment, error, "")
    return _done(request, assessment, None, _("Đã trả lại các tiêu chí để đơn vị giải trình."))


@require_http_methods(["GET", "POST"])
def finalise(request, pk):
    """Ending the appraisal lists every item not appraised, grouped by area with whole names, and ends only when
    the appraiser accepts their self-scores (chấp nhận điểm tự chấm) in the same confirmed step."""
    assessment = get_assessment_for(request.user, pk, "assessment.appraise")
    if _confirmed(request):
        accepted = request.POST.getlist("accept") if request.POST.get("accept_all") == "yes" else []
        try:
            actions.finalise(assessment, by=request.user, accepted=[int(pk) for pk in accepted if pk.isdigit()])
        except ConflictOfInterest as error:
            return refused(request, assessment, error)
        except ValidationError as error:
            if not request.POST.get("accept_all") and request.POST.getlist("accept"):
                messages.error(request, _("Chưa kết thúc thẩm định: hãy đánh dấu ô chấp nhận điểm tự chấm, hoặc quay "
                                          "lại thẩm định các tiêu chí còn lại."))
                return redirect("assessments:finalise", pk=assessment.pk)
            return _done(request, assessment, error, "")
        return _done(request, assessment, None, _("Đã kết thúc thẩm định. Đơn vị có thể đề nghị phúc tra trước khi "
                                                  "công bố."))
    totals = totals_for([assessment])[assessment.pk]
    pending = [line for line in totals.lines
               if line.is_leaf and line.score is not None and line.score.appraised_score is None]
    unscored = [line for line in pending if line.score.self_score is None]
    return _confirm_page(request, assessment, "finalise", pending=_by_area(pending), pending_count=len(pending),
                         unscored=unscored, can_act=assessment.appraisal_open and not unscored)


@require_http_methods(["GET", "POST"])
def publish(request, pk):
    assessment = get_assessment_for(request.user, pk, "assessment.publish")
    if _confirmed(request):
        try:
            actions.publish(assessment, by=request.user)
        except ConflictOfInterest as error:
            return refused(request, assessment, error)
        except ValidationError as error:
            return _done(request, assessment, error, "")
        return _done(request, assessment, None, _("Đã công bố kết quả. Kết quả chỉ còn xem, không sửa được."))
    pending = Appeal.objects.filter(score__assessment=assessment, status=Appeal.Status.PENDING).count()
    return _confirm_page(request, assessment, "publish", pending_appeals=pending,
                         can_act=assessment.phase == P.FINALISED and not pending)
