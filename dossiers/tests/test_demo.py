"""The demo reproduces the seed's figure (2.618 of 2.817 dossiers on time from 01/01 to 30/11/2023) and holds the
dossiers up to the day before it is loaded, whatever that day."""

from datetime import date

import pytest
import time_machine

from dossiers import demo
from dossiers.models import Dossier, ImportRun
from dossiers.queries import Window, total

pytestmark = pytest.mark.dates


def _context(cast):
    return {"units": cast.units, "people": {"mai": cast.mai}}


@time_machine.travel("2026-12-01 09:00 +07:00", tick=False)
def test_demo_reproduces_the_seed_figure_and_loads_once(cast):
    demo.load(_context(cast))
    t = total(Dossier.objects.all(), Window(date(2023, 1, 1), date(2023, 11, 30), cast.department))
    assert (t.early_or_on_time, t.settled) == (2618, 2817)
    count = Dossier.objects.count()
    assert count > 3000

    demo.load(_context(cast))
    assert Dossier.objects.count() == count
    assert ImportRun.objects.count() == 1


@pytest.mark.parametrize("today", ["2027-03-15", "2028-02-29"])
def test_dossiers_reach_yesterday_on_any_day(cast, today):
    day = date.fromisoformat(today)
    with time_machine.travel(f"{today} 09:00 +07:00", tick=False):
        demo.load(_context(cast))
    yesterday = date.fromordinal(day.toordinal() - 1)
    assert not Dossier.objects.filter(received_on__gt=yesterday).exists(), "nothing received after yesterday"
    assert not Dossier.objects.filter(settled_on__gt=yesterday).exists(), "nothing settled after yesterday"
    this_year = Dossier.objects.filter(received_on__year=day.year)
    assert this_year.exists() and this_year.filter(settled_on__isnull=True).exists(), "this year's, some still open"
    t = total(Dossier.objects.all(), Window(date(2023, 1, 1), date(2023, 11, 30), cast.department))
    assert (t.early_or_on_time, t.settled) == (2618, 2817), "the seed's year is the same whatever the day"


def test_a_later_day_updates_the_same_dossiers(cast):
    with time_machine.travel("2026-11-02 09:00 +07:00", tick=False):
        demo.load(_context(cast))
    first = set(Dossier.objects.values_list("code", flat=True))
    with time_machine.travel("2026-12-01 09:00 +07:00", tick=False):
        demo.load(_context(cast))
    later = set(Dossier.objects.values_list("code", flat=True))
    assert first < later, "the November export's dossiers are all in December's, with the month's new ones"
    assert ImportRun.objects.count() == 2
