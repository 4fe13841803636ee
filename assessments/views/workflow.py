"""Moving an assessment through its phases: submit, return for explanation, finalise, publish."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from assessments import actions
from assessments.access import get_assessment_for
from assessments.views.common import messages_of


def _done(request, assessment, error: ValidationError | None, success: str):
    if error is None:
        messages.success(request, success)
    else:
        for message in messages_of(error):
            messages.error(request, message)
    return redirect(assessment.get_absolute_url())


@require_POST
def submit(request, pk):
    assessment = get_assessment_for(request.user, pk, "assessment.submit")
    try:
        actions.submit(assessment, by=request.user)
    except ValidationError as error:
        messages.error(request, _("Chưa gửi được. Các tiêu chí cần hoàn thiện:"))
        return _done(request, assessment, error, "")
    return _done(request, assessment, None, "Đã gửi kết quả tự đánh giá để thẩm định.")


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
    except ValidationError as error:
        return _done(request, assessment, error, "")
    return _done(request, assessment, None, "Đã trả lại các tiêu chí để đơn vị giải trình.")


@require_POST
def finalise(request, pk):
    assessment = get_assessment_for(request.user, pk, "assessment.appraise")
    try:
        actions.finalise(assessment, by=request.user)
    except ValidationError as error:
        return _done(request, assessment, error, "")
    return _done(request, assessment, None, "Đã kết thúc thẩm định. Đơn vị có thể đề nghị phúc tra trước khi công bố.")


@require_POST
def publish(request, pk):
    assessment = get_assessment_for(request.user, pk, "assessment.publish")
    try:
        actions.publish(assessment, by=request.user)
    except ValidationError as error:
        return _done(request, assessment, error, "")
    return _done(request, assessment, None, "Đã công bố kết quả. Kết quả chỉ còn xem, không sửa được.")
