"""The one door to surveys and their parts in views: fetched by id, checked against the permission table."""

from django.http import Http404

from accounts.access import get_for
from surveys.models import Counter, Question, Response, Survey


def _unit_of(survey: Survey):
    return survey.unit


def get_survey_for(user, pk, need: str | None = "survey.view") -> Survey:
    """With need=None only existence is checked; the caller decides who may answer."""
    queryset = Survey.objects.select_related("unit").filter(is_template=False)
    if need is None:
        try:
            return queryset.get(pk=pk)
        except (Survey.DoesNotExist, ValueError, TypeError):
            raise Http404 from None
    return get_for(user, queryset, pk, need, unit_of=_unit_of)


def get_template_for(user, pk) -> Survey:
    """Templates belong to nobody: anyone who may manage some survey may read one to copy it."""
    from accounts.permissions import require

    require(user, "survey.manage")
    try:
        return Survey.objects.get(pk=pk, is_template=True)
    except (Survey.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def get_question_for(user, pk, need: str = "survey.manage") -> Question:
    return get_for(user, Question.objects.select_related("survey", "survey__unit"), pk, need,
                   unit_of=lambda q: q.survey.unit)


def get_counter_for(user, pk, need: str = "survey.view") -> Counter:
    return get_for(user, Counter.objects.select_related("survey", "survey__unit"), pk, need,
                   unit_of=lambda c: c.survey.unit)


def get_response_for(user, pk, need: str = "survey.manage") -> Response:
    return get_for(user, Response.objects.select_related("survey", "survey__unit"), pk, need,
                   unit_of=lambda r: r.survey.unit)
