"""The office's pages: surveys list, results, settings, questions, counters with their QR codes, codes, suggestions."""

import copy

import segno
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import can, require, unit_filter, visible_units
from surveys import actions, results
from surveys.forms import (
    CodesForm,
    CounterForm,
    FollowUpForm,
    NewSurveyForm,
    QuestionForm,
    SurveyForm,
    WindowForm,
)
from surveys.index import LEVEL_LABELS, LEVELS, NO_OPINION, aspect_index, points_for, sipas_result
from surveys.models import Response, Survey
from surveys.views.access import get_counter_for, get_question_for, get_response_for, get_survey_for


def index(request):
    require(request.user, "survey.view")
    surveys = (Survey.objects.filter(unit_filter(request.user, "survey.view"), is_template=False)
               .select_related("unit").annotate(n_responses=Count("responses")))
    rows = results.trend(surveys)
    opinions = results.opinion_many([s for s, _ in rows])
    return render(request, "surveys/index.html", {
        "rows": [(s, r, opinions.get(s.pk)) for s, r in rows], "can_manage": can(request.user, "survey.manage"),
        "templates": Survey.objects.filter(is_template=True) if can(request.user, "survey.manage") else [],
    })


def new_survey(request):
    require(request.user, "survey.manage")
    units = visible_units(request.user, "survey.manage").order_by("path")
    sources = Survey.objects.filter(Q(is_template=True) | Q(unit_filter(request.user, "survey.manage")))
    initial = {"source": request.GET.get("source"), "target_percent": 90}
    form = NewSurveyForm(request.POST or None, units=units, sources=sources, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        unit, source = data.pop("unit"), data.pop("source")
        require(request.user, "survey.manage", unit)
        survey = actions.create_survey(by=request.user, unit=unit, source=source, **data)
        messages.success(request, _("Đã tạo phiếu khảo sát. Hãy xem lại câu hỏi, thêm quầy rồi mở nhận phiếu."))
        return redirect("surveys:detail", pk=survey.pk)
    return render(request, "surveys/form.html", {"form": form, "title": _("Tạo phiếu khảo sát")})


def detail(request, pk):
    survey = get_survey_for(request.user, pk)
    questions = list(survey.questions.all())
    dists = results.question_distributions(survey)
    per_counter = results.by_counter(survey)
    nothing = sipas_result({}, 0, survey.method)
    context = {
        "survey": survey,
        "questions": [(q, dists.get(q.pk), index, points_for(index, q.points))
                      for q in questions
                      for index in [aspect_index(dists[q.pk], survey.method) if q.pk in dists else None]],
        "counters": [(c, per_counter.get(c.pk, nothing)) for c in survey.counters.all()],
        "general": per_counter.get(None, nothing),
        "levels": [(level, _(LEVEL_LABELS[level])) for level in (*LEVELS, NO_OPINION)],
        "can_manage": can(request.user, "survey.manage", survey.unit),
        "open_suggestions": survey.responses.filter(follow_up__in=[Response.FollowUp.RECEIVED,
                                                                   Response.FollowUp.HANDLING]).count(),
    }
    if survey.kind == Survey.Kind.OPINION:
        context["opinion"] = results.opinion_of(survey)
        context["responses"] = survey.responses.count()
    else:
        window = WindowForm(request.GET or None)
        start = end = None
        if window.is_valid():
            start, end = window.cleaned_data.get("tu"), window.cleaned_data.get("den")
        result = results.sipas_of(survey, start=start, end=end)
        context.update(result=result, window=window, windowed=bool(start or end), start=start, end=end,
                       profile=[(Response._meta.get_field(name).verbose_name, rows)
                                for name, rows in results.profile(survey).items()])
        context["meets"] = result.meets(survey.target_percent)
        context["plan_targets"] = [(t, None if result.overall is None else t.is_met(result.overall))
                                   for t in results.plan_targets(survey)]
        history = Survey.objects.filter(unit=survey.unit, kind=survey.kind, is_template=False).order_by("start_date", "pk")
        context["trend"] = results.trend(history)
    return render(request, "surveys/detail.html", context)


def edit(request, pk):
    survey = get_survey_for(request.user, pk, need="survey.manage")
    form = SurveyForm(request.POST or None, instance=copy.copy(survey))
    if request.method == "POST" and form.is_valid():
        actions.update_survey(by=request.user, survey=survey, **form.cleaned_data)
        messages.success(request, _("Đã lưu thông tin phiếu khảo sát."))
        return redirect("surveys:detail", pk=survey.pk)
    return render(request, "surveys/form.html", {"form": form, "survey": survey, "title": _("Sửa thông tin phiếu")})


def question_new(request, pk):
    survey = get_survey_for(request.user, pk, need="survey.manage")
    form = QuestionForm(request.POST or None, initial={"order": survey.questions.count() + 1,
                                                       "aspect": 0 if survey.kind == Survey.Kind.OPINION else 1})
    if request.method == "POST" and form.is_valid():
        actions.save_question(by=request.user, survey=survey, **form.cleaned_data)
        messages.success(request, _("Đã thêm câu hỏi."))
        return redirect("surveys:detail", pk=survey.pk)
    return render(request, "surveys/form.html", {"form": form, "survey": survey, "title": _("Thêm câu hỏi")})


def question_edit(request, pk):
    question = get_question_for(request.user, pk)
    survey = question.survey
    if request.method == "POST" and "delete" in request.POST:
        try:
            actions.delete_question(by=request.user, question=question)
            messages.success(request, _("Đã xóa câu hỏi."))
        except ValueError as error:
            messages.error(request, str(error))
        return redirect("surveys:detail", pk=survey.pk)
    form = QuestionForm(request.POST or None, instance=copy.copy(question))
    if request.method == "POST" and form.is_valid():
        actions.save_question(by=request.user, survey=survey, question=question, **form.cleaned_data)
        messages.success(request, _("Đã lưu câu hỏi."))
        return redirect("surveys:detail", pk=survey.pk)
    return render(request, "surveys/form.html", {"form": form, "survey": survey, "title": _("Sửa câu hỏi"),
                                                 "deletable": True})


def counter_new(request, pk):
    survey = get_survey_for(request.user, pk, need="survey.manage")
    form = CounterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.add_counter(by=request.user, survey=survey, **form.cleaned_data)
        messages.success(request, _("Đã thêm quầy. In mã QR để đặt tại quầy."))
        return redirect("surveys:detail", pk=survey.pk)
    return render(request, "surveys/form.html", {"form": form, "survey": survey, "title": _("Thêm quầy / điểm khảo sát")})


def public_url(request, token: str) -> str:
    return request.build_absolute_uri(reverse("surveys:answer", args=[token]))


def qr_svg(url: str, *, scalable: bool = False) -> str:
    """The QR code as inline SVG; `scalable` gives it a viewBox instead of a pixel size, for the printed sheet's
    CSS to set its size in millimetres."""
    return segno.make(url, error="m").svg_inline(scale=6, border=2, title=url, omitsize=scalable)


def counter_print(request, pk):
    """The A4 sheet put on a counter: the agency, the survey, the counter's name, the QR code, the link in clear
    for people without a QR reader, and what to do; centred on one page by surveys/print.css."""
    counter = get_counter_for(request.user, pk)
    url = public_url(request, counter.token)
    return render(request, "surveys/print.html", {"survey": counter.survey, "counter": counter, "url": url,
                                                  "qr": qr_svg(url, scalable=True)})


def codes(request, pk):
    """Creates one-time codes and shows them once, with a QR each, ready to print on receipts or letters."""
    survey = get_survey_for(request.user, pk, need="survey.manage")
    form = CodesForm(request.POST or None, dossier_codes=results.dossier_codes_for(survey))
    made = []
    if request.method == "POST" and form.is_valid():
        created = actions.create_codes(by=request.user, survey=survey, count=form.cleaned_data.get("count") or 0,
                                       label=form.cleaned_data["label"], dossier_refs=form.cleaned_data["refs"])
        for invitation, code in created:
            url = request.build_absolute_uri(reverse("surveys:answer_code", args=[code]))
            made.append({"invitation": invitation, "code": code, "url": url, "qr": qr_svg(url)})
        messages.success(request, _("Đã tạo %(n)s mã. Hãy in ngay: mã chỉ hiện một lần.") % {"n": len(made)})
    stats = survey.invitations.aggregate(total=Count("pk"), used=Count("pk", filter=Q(used_at__isnull=False)))
    return render(request, "surveys/codes.html", {"survey": survey, "form": form, "made": made, "stats": stats})


def suggestions(request, pk):
    survey = get_survey_for(request.user, pk)
    status = request.GET.get("status", "")
    rows = survey.responses.exclude(suggestion="").select_related("counter", "replied_by").order_by("-submitted_on", "-pk")
    if status in dict(Response.FollowUp.choices) and status:
        rows = rows.filter(follow_up=status)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "surveys/suggestions.html", {
        "survey": survey, "page": page, "status": status, "statuses": [c for c in Response.FollowUp.choices if c[0]],
        "can_manage": can(request.user, "survey.manage", survey.unit), "form": FollowUpForm(),
    })


@require_POST
def follow_up(request, pk):
    response = get_response_for(request.user, pk)
    form = FollowUpForm(request.POST)
    if form.is_valid():
        actions.follow_up(by=request.user, response=response, status=form.cleaned_data["status"],
                          reply=form.cleaned_data["reply"])
        messages.success(request, _("Đã cập nhật xử lý góp ý của phiếu số %(n)s.") % {"n": response.pk})
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect(reverse("surveys:suggestions", args=[response.survey_id]) + f"#r{response.pk}")
