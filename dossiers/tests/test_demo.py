"""The demo reproduces the seed's figure: 2.618 of 2.817 dossiers on time from 01/01 to 30/11/2023."""

from datetime import date

from dossiers import demo
from dossiers.models import Dossier, ImportRun
from dossiers.queries import Window, total


def _context(cast):
    return {"units": cast.units, "people": {"mai": cast.mai}}


def test_demo_reproduces_the_seed_figure_and_loads_once(cast):
    demo.load(_context(cast))
    t = total(Dossier.objects.all(), Window(date(2023, 1, 1), date(2023, 11, 30), cast.department))
    assert (t.early_or_on_time, t.settled) == (2618, 2817)
    count = Dossier.objects.count()
    assert count > 3000
    assert Dossier.objects.filter(received_on__year=2026, settled_on__isnull=True).exists(), "some still open"

    demo.load(_context(cast))
    assert Dossier.objects.count() == count
    assert ImportRun.objects.count() == 1
