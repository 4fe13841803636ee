"""The demo loads twice without duplicating, with plausible indexes below the 90 % target."""

from decimal import Decimal

from surveys import demo
from surveys.models import Response, Survey
from surveys.results import opinion_of, sipas_of


def test_demo_is_idempotent_and_plausible(cast):
    context = {"units": cast.units, "people": {"mai": cast.mai}}
    demo.load(context)
    counts = (Survey.objects.count(), Response.objects.count())
    demo.load(context)
    assert (Survey.objects.count(), Response.objects.count()) == counts == (5, 516)
    result = sipas_of(context["surveys"]["sipas_2024"])
    assert result.responses == 320 and Decimal(70) < result.overall < Decimal(90)
    assert result.aspects[2].index > result.aspects[3].index, "civil servants rated higher than results, as in the seed"
    earned, maximum, _ = opinion_of(context["surveys"]["opinion_2024"])
    assert maximum == 18 and Decimal(15) < earned <= 18
