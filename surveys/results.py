"""Reading the answers back as distributions (one grouped query each) and handing them to the pure formulas."""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.db.models import Count

from surveys.index import (
    COMMON,
    Distribution,
    ItemScore,
    SurveyResult,
    opinion_index,
    sipas_result,
)
from surveys.models import Answer, Question, Response, Survey


def _grouped(answers, *keys) -> dict:
    """{key tuple: Distribution} from answers grouped by keys and level."""
    counts: dict = defaultdict(dict)
    for row in answers.values(*keys, "level").annotate(n=Count("pk")).order_by():
        counts[tuple(row[k] for k in keys)][row["level"]] = row["n"]
    return {key: Distribution(levels) for key, levels in counts.items()}


def sipas_of(survey: Survey, *, counter=None, start: date | None = None, end: date | None = None) -> SurveyResult:
    answers = Answer.objects.filter(response__survey=survey)
    responses = Response.objects.filter(survey=survey)
    if counter is not None:
        answers = answers.filter(response__counter=counter)
        responses = responses.filter(counter=counter)
    if start:
        answers, responses = answers.filter(response__submitted_on__gte=start), responses.filter(submitted_on__gte=start)
    if end:
        answers, responses = answers.filter(response__submitted_on__lte=end), responses.filter(submitted_on__lte=end)
    by_aspect = {key[0]: dist for key, dist in _grouped(answers, "question__aspect").items()}
    return sipas_result(by_aspect, responses.count(), survey.method)


def by_counter(survey: Survey) -> dict[int | None, SurveyResult]:
    """Each counter's own result (None for answers from the general link or codes), in two queries."""
    grouped = _grouped(Answer.objects.filter(response__survey=survey), "response__counter_id", "question__aspect")
    responses = dict(Response.objects.filter(survey=survey).values_list("counter_id").annotate(n=Count("pk")).order_by())
    out = {}
    for counter_id, n in responses.items():
        by_aspect = {aspect: dist for (cid, aspect), dist in grouped.items() if cid == counter_id}
        out[counter_id] = sipas_result(by_aspect, n, survey.method)
    return out


PROFILE_FIELDS = ("gender", "age_group", "occupation", "respondent_kind")


def profile(survey: Survey) -> dict[str, list[tuple[str, int]]]:
    """Who answered, as counts per optional detail (blank = not told), one small query per detail."""
    out = {}
    for name in PROFILE_FIELDS:
        rows = (Response.objects.filter(survey=survey).values_list(name).annotate(n=Count("pk")).order_by("-n", name))
        out[name] = [(value, n) for value, n in rows]
    return out


def question_distributions(survey: Survey) -> dict[int, Distribution]:
    return {key[0]: dist for key, dist in _grouped(Answer.objects.filter(response__survey=survey), "question_id").items()}


def opinion_of(survey: Survey) -> tuple[Decimal, Decimal, Decimal] | None:
    """(earned points, max points, percent) of an opinion survey; None without answers."""
    dists = question_distributions(survey)
    items = [ItemScore(points, dists.get(pk, Distribution()))
             for pk, points in Question.objects.filter(survey=survey).values_list("pk", "points")]
    return opinion_index(items, survey.method)


def trend(surveys) -> list[tuple[Survey, SurveyResult]]:
    """Each survey's overall and aspect indexes, for a trend over periods, in two queries whatever their number."""
    surveys = list(surveys)
    ids = [s.pk for s in surveys]
    grouped = _grouped(Answer.objects.filter(response__survey_id__in=ids), "response__survey_id", "question__aspect")
    responses = dict(Response.objects.filter(survey_id__in=ids).values_list("survey_id").annotate(n=Count("pk"))
                     .order_by())
    rows = []
    for survey in surveys:
        by_aspect = {aspect: dist for (sid, aspect), dist in grouped.items() if sid == survey.pk}
        rows.append((survey, sipas_result(by_aspect, responses.get(survey.pk, 0), survey.method)))
    return rows


def opinion_many(surveys) -> dict[int, tuple[Decimal, Decimal, Decimal] | None]:
    """(earned, max, percent) of each opinion survey, in two queries whatever their number."""
    ids = [s.pk for s in surveys if s.kind == Survey.Kind.OPINION]
    if not ids:
        return {}
    dists = _grouped(Answer.objects.filter(response__survey_id__in=ids), "question_id")
    items: dict[int, list[ItemScore]] = defaultdict(list)
    for pk, survey_id, points in Question.objects.filter(survey_id__in=ids).values_list("pk", "survey_id", "points"):
        items[survey_id].append(ItemScore(points, dists.get((pk,), Distribution())))
    methods = {s.pk: s.method for s in surveys}
    return {sid: opinion_index(items[sid], methods[sid]) for sid in ids}


def unit_window(unit, start: date, end: date, kind: str = Survey.Kind.SIPAS) -> tuple[SurveyResult | None, Survey | None]:
    """Pooled result of the unit's (and its subtree's) surveys of this kind answered in [start, end]."""
    surveys = Survey.objects.filter(is_template=False, kind=kind, unit__path__startswith=unit.path)
    latest = surveys.order_by("-end_date", "-pk").first()
    if latest is None:
        return None, None
    answers = Answer.objects.filter(response__survey__in=surveys, response__submitted_on__range=(start, end))
    by_aspect = {key[0]: dist for key, dist in _grouped(answers, "question__aspect").items()}
    count = Response.objects.filter(survey__in=surveys, submitted_on__range=(start, end)).count()
    if not count:
        return None, latest
    return sipas_result(by_aspect, count, latest.method or COMMON), latest


def opinion_window(unit, start: date, end: date) -> tuple[Decimal, Decimal, Decimal] | None:
    surveys = Survey.objects.filter(is_template=False, kind=Survey.Kind.OPINION, unit__path__startswith=unit.path)
    latest = surveys.order_by("-end_date", "-pk").first()
    if latest is None:
        return None
    # Points are defined by the latest questionnaire's items; answers in the window to those items count.
    answers = Answer.objects.filter(response__survey=latest, response__submitted_on__range=(start, end))
    dists = {key[0]: dist for key, dist in _grouped(answers, "question_id").items()}
    items = [ItemScore(points, dists.get(pk, Distribution()))
             for pk, points in Question.objects.filter(survey=latest).values_list("pk", "points")]
    return opinion_index(items, latest.method)


def plan_targets(survey: Survey) -> list:
    """Plan targets (plans.Target) measured by the SIPAS index, of this survey's unit or a unit above it, same year.

    One query; empty while the plans app has no such target. The survey's own target field is the fallback.
    """
    try:
        from plans.models import Target
    except ImportError:
        return []
    if survey.unit is None:
        return []
    ids = [int(p) for p in survey.unit.path.strip("/").split("/") if p]
    targets = Target.objects.filter(metric_key="surveys.sipas_index", plan__issuing_unit_id__in=ids).select_related("plan")
    year = (survey.start_date or survey.end_date).year if (survey.start_date or survey.end_date) else None
    if year:
        targets = targets.filter(plan__year=year)
    return list(targets)


def dossier_codes_for(survey: Survey):
    """A lookup of the survey unit's dossiers received in a window that have no code for this survey yet, or None
    while the dossiers app is absent. A code is never linked to the answers it gave, only marked used."""
    try:
        from dossiers.models import Dossier
    except ImportError:
        return None
    if survey.unit is None:
        return None

    def lookup(start: date, end: date) -> list[str]:
        taken = survey.invitations.exclude(dossier_ref="").values("dossier_ref")
        return list(Dossier.objects.filter(handling_unit__path__startswith=survey.unit.path,
                                           received_on__range=(start, end))
                    .exclude(code__in=taken).order_by("received_on", "code").values_list("code", flat=True)[:501])

    return lookup
