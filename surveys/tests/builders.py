"""Small builders for survey tests."""

import re
from datetime import date

import time_machine

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


def form_token(page: str) -> str:
    return re.search(r'name="form_token" value="([^"]+)"', page).group(1)


def filled(survey, page: str, level="4", **extra) -> dict:
    data = {f"q{q.pk}": level for q in survey.questions.all()}
    data["form_token"] = form_token(page)
    data.update(extra)
    return data


def open_and_answer(client, url, survey, address="10.0.0.1", forwarded=None, **extra):
    """Opens the form and sends it 30 seconds later from `address`; `forwarded` is the X-Forwarded-For header
    a reverse proxy would add."""
    headers = {"REMOTE_ADDR": address}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    with time_machine.travel("2024-06-03 09:00 +0700", tick=False) as clock:
        page = client.get(url, **headers).content.decode()
        clock.shift(30)
        return client.post(url, filled(survey, page, **extra), **headers)
