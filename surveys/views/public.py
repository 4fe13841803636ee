"""The answering pages: public (no log-in) per survey or counter, by one-time code, and for logged-in officials.

Public pages are one small standalone template: no script, no external stylesheet (the inline one carries the
Content-Security-Policy nonce), compressed, so a cheap phone on a slow network gets the whole sheet in one small
response (Django masks the CSRF token in every response, which keeps compression from leaking it). The sheet
numbers its questions ("Câu 3/17") and shows how many are answered with CSS alone; the language menu at the top
switches the interface texts, the survey's questions stay as the office wrote them.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.cache import never_cache
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_http_methods

from accounts.permissions import can
from surveys import guard
from surveys.actions import AlreadyAnswered, AlreadySent, find_code, submit_response
from surveys.forms import AnswerForm, CodeForm
from surveys.models import Counter, Participation, Response, Survey
from surveys.views.access import get_survey_for

TOO_FAST = gettext_noop("Phiếu được gửi quá nhanh. Xin Ông/Bà kiểm tra lại các câu trả lời rồi bấm “Gửi phiếu” "
                        "một lần nữa.")
EXPIRED = gettext_noop("Trang đã mở quá lâu nên phiên trả lời đã hết hạn. Các câu trả lời vẫn được giữ: xin bấm "
                       "“Gửi phiếu” lại.")
TOO_MANY = gettext_noop("Thiết bị này đã gửi nhiều phiếu trong thời gian ngắn. Xin vui lòng thử lại sau ít phút.")


def _locate(token: str) -> tuple[Survey, Counter | None] | None:
    counter = Counter.objects.select_related("survey", "survey__unit").filter(token=token).first()
    if counter is not None:
        return counter.survey, counter
    survey = Survey.objects.select_related("unit").filter(token=token, is_template=False).first()
    return (survey, None) if survey else None


def _numbered(form) -> tuple[list, list]:
    """The sheet's sections with each question's number across the whole sheet: ([(aspect, [(n, field)])],
    [(n, field)] for every question)."""
    sections, every = [], []
    for label, fields in form.groups():
        numbered = [(len(every) + i, field) for i, field in enumerate(fields, start=1)]
        every += numbered
        sections.append((label, numbered))
    return sections, every


def _render(request, survey, form, *, counter=None, notice="", status=200, action=""):
    sections, numbered = _numbered(form)
    return render(request, "surveys/public/answer.html", {
        "survey": survey, "counter": counter, "form": form, "form_token": guard.issue_token(survey.token),
        "honeypot": guard.HONEYPOT, "notice": notice, "action": action or request.get_full_path(),
        "sections": sections, "numbered": numbered, "total": len(numbered),
    }, status=status)


def _closed(request, survey, message=None):
    return render(request, "surveys/public/message.html", {
        "survey": survey, "title": _("Khảo sát không nhận phiếu"),
        "message": message or _("Khảo sát này hiện không nhận phiếu trả lời. Xin cảm ơn Ông/Bà đã quan tâm."),
    }, status=410 if message is None else 200)


def _handle(request, survey, *, counter=None, invitation=None, user=None, channel=Response.Channel.PUBLIC):
    questions = list(survey.questions.all())
    if request.method != "POST":
        return _render(request, survey, AnswerForm(survey=survey, questions=questions), counter=counter)
    if guard.is_bot(request.POST):
        # Tell a script nothing it could learn from: the same thank-you as a person gets, nothing stored.
        return redirect("surveys:thanks")
    form = AnswerForm(request.POST, survey=survey, questions=questions)
    if not form.is_valid():
        return _render(request, survey, form, counter=counter,
                       notice=_("Còn câu chưa trả lời hoặc chưa hợp lệ, xin xem các ô được đánh dấu."))
    form_token = request.POST.get("form_token", "")
    check = guard.check_token(form_token, survey.token)
    if not check.ok:
        notice = TOO_FAST if check.reason == "too_fast" else EXPIRED
        return _render(request, survey, form, counter=counter, notice=_(notice))
    if not guard.allow(request, survey.token):
        return _render(request, survey, form, counter=counter, notice=_(TOO_MANY), status=429)
    try:
        submit_response(survey=survey, counter=counter, levels=form.levels(), details=form.details(),
                        suggestion=form.cleaned_data.get("suggestion", ""), channel=channel,
                        invitation=invitation, user=user, form_digest=guard.token_digest(form_token))
    except AlreadySent:
        # The first copy was stored; the person sees the same thank-you again.
        return redirect("surveys:thanks")
    except AlreadyAnswered:
        return _closed(request, survey, _("Phiếu này đã được trả lời. Mỗi mã hoặc mỗi người chỉ trả lời một lần."))
    return redirect("surveys:thanks")


@login_not_required
@gzip_page
@never_cache
@require_http_methods(["GET", "POST"])
def answer(request, token):
    """Trang trả lời khảo sát công khai: the link a counter's QR code encodes."""
    found = _locate(token)
    if found is None:
        return render(request, "surveys/public/message.html", {
            "survey": None, "title": _("Không tìm thấy khảo sát"),
            "message": _("Đường dẫn không đúng hoặc khảo sát đã bị gỡ. Xin kiểm tra lại mã QR hoặc đường dẫn."),
        }, status=404)
    survey, counter = found
    if not survey.is_open:
        return _closed(request, survey)
    if survey.require_code:
        return redirect("surveys:code")
    return _handle(request, survey, counter=counter)


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def code_entry(request):
    """Typing the code printed on a dossier's receipt or an invitation letter."""
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = "".join(form.cleaned_data["code"].split()).upper()
        return redirect("surveys:answer_code", code=code)
    return render(request, "surveys/public/code.html", {"survey": None, "form": form})


@login_not_required
@gzip_page
@never_cache
@require_http_methods(["GET", "POST"])
def answer_code(request, code):
    invitation = find_code(code)
    if invitation is None:
        form = CodeForm(initial={"code": code})
        return render(request, "surveys/public/code.html", {
            "survey": None, "form": form, "error": _("Mã không đúng. Xin kiểm tra lại mã in trên phiếu hẹn hoặc thư mời."),
        }, status=404)
    survey = invitation.survey
    if invitation.used_at is not None:
        return _closed(request, survey, _("Mã này đã được dùng để trả lời. Mỗi mã chỉ trả lời được một lần."))
    if not survey.is_open:
        return _closed(request, survey)
    return _handle(request, survey, invitation=invitation, channel=Response.Channel.CODE)


@login_not_required
def thanks(request):
    return render(request, "surveys/public/message.html", {
        "survey": None, "title": _("Cảm ơn Ông/Bà!"),
        "message": _("Phiếu trả lời đã được ghi nhận. Ý kiến của Ông/Bà giúp cơ quan phục vụ tốt hơn."),
    })


@never_cache
@require_http_methods(["GET", "POST"])
def answer_logged_in(request, pk):
    """Officials of the unit (or anyone allowed to read its surveys) answer once with their log-in; answers stay anonymous."""
    survey = get_survey_for(request.user, pk, need=None)
    unit = survey.unit
    own = request.user.unit is not None and unit is not None and request.user.unit.path.startswith(unit.path)
    if not (own or can(request.user, "survey.view", unit)):
        raise PermissionDenied("survey.answer")
    if not survey.is_open:
        return _closed(request, survey)
    if Participation.objects.filter(survey=survey, user=request.user).exists():
        messages.info(request, _("Anh/Chị đã trả lời phiếu này. Xin cảm ơn!"))
        return redirect(reverse("core:home"))
    return _handle(request, survey, user=request.user, channel=Response.Channel.LOGIN)
