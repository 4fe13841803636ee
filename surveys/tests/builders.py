"""Small builders for survey tests."""

from datetime import date

from surveys import actions
from surveys.models import Survey


def make_survey(cast, *, unit=None, kind=Survey.Kind.SIPAS, status=Survey.Status.OPEN, period="Năm 2024",
                start=date(2024, 1, 1), end=date(2024, 12, 31), **fields) -> Survey:
    """A survey copied from the shipped template of its kind, open by default."""
    sipas, opinion = actions.ensure_templates()
    source = sipas if kind == Survey.Kind.SIPAS else opinion
    return actions.create_survey(by=cast.mai, unit=unit or cast.department, source=source, title=source.title,
                                 period_label=period, start_date=start, end_date=end, status=status, **fields)


def answer_all(survey, level: int, *, counter=None, on=date(2024, 6, 3), per_aspect: dict | None = None, **kwargs):
    """One answer sheet giving `level` to every question (or per_aspect[aspect] where given)."""
    per_aspect = per_aspect or {}
    levels = {q.pk: per_aspect.get(q.aspect, level) for q in survey.questions.all()}
    return actions.submit_response(survey=survey, levels=levels, counter=counter, on=on, **kwargs)
