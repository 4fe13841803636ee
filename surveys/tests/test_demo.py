"""The demo loads twice without duplicating, with plausible indexes below the 90 % target, and a running survey of
the current year whatever the day."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine

from surveys import demo
from surveys.models import Response, Survey
from surveys.results import opinion_of, sipas_of

pytestmark = pytest.mark.dates


@time_machine.travel("2026-12-01 09:00 +07:00", tick=False)
def test_demo_is_idempotent_and_plausible(cast):
    context = {"units": cast.units, "people": {"mai": cast.mai}}
    demo.load(context)
    counts = (Survey.objects.count(), Response.objects.count())
    demo.load(context)
    assert (Survey.objects.count(), Response.objects.count()) == counts
    result = sipas_of(context["surveys"]["sipas_2024"])
    assert result.responses == 320 and Decimal(70) < result.overall < Decimal(90)
    assert result.aspects[2].index > result.aspects[3].index, "civil servants rated higher than results, as in the seed"
    earned, maximum, _ = opinion_of(context["surveys"]["opinion_2024"])
    assert maximum == 18 and Decimal(15) < earned <= 18
    assert context["surveys"]["sipas_2024"].status == Survey.Status.CLOSED, "2024 is history in 2026"


@pytest.mark.parametrize("today", ["2026-12-01", "2027-01-15", "2028-02-29"])
def test_the_current_year_has_a_running_survey_with_answers_up_to_today(cast, today):
    day = date.fromisoformat(today)
    with time_machine.travel(f"{today} 09:00 +07:00", tick=False):
        context = {"units": cast.units, "people": {"mai": cast.mai}}
        demo.load(context)
    live = context["surveys"]["live"]
    assert (live.period_label, live.status) == (f"Năm {day.year}", Survey.Status.OPEN)
    assert live.start_date <= day <= live.end_date and live.counters.count() == 2
    answered = live.responses.values_list("submitted_on", flat=True)
    assert len(answered) >= 40 and max(answered) <= day and min(answered).year == day.year
    assert sipas_of(live).overall > sipas_of(context["surveys"]["sipas_2024"]).overall, "better than in 2024"
