"""The demo loads twice without failing or duplicating anything."""

import pytest
import time_machine
from django.db.models import Count

from assessments import demo as assessments_demo
from assessments.models import Assessment, Evidence, HistoricalResult, Score
from audit.models import AuditEntry
from frameworks import demo as frameworks_demo
from frameworks.models import Criterion, Framework

pytestmark = pytest.mark.django_db


def _counts():
    return [m.objects.count() for m in (Framework, Criterion, Assessment, Score, Evidence, HistoricalResult, AuditEntry)]


@pytest.mark.dates
@time_machine.travel("2026-12-01 09:00 +07:00", tick=False)
def test_demo_is_idempotent(cast):
    people = {name: getattr(cast, name) for name in ("lan", "hung", "mai", "thu", "manh", "admin", "khoa")}
    for _ in range(2):
        context = {"units": cast.units, "people": people}
        frameworks_demo.load(context)
        assessments_demo.load(context)
        if _ == 0:
            first = _counts()
    assert _counts() == first
    by_framework = dict(Assessment.objects.values_list("framework__title").annotate(n=Count("pk")))
    assert by_framework == {frameworks_demo.TITLE_2023: 1, frameworks_demo.PROVINCE_TITLE.format(year=2026): 1,
                            frameworks_demo.TITLE_INTERNAL: 11, frameworks_demo.INTERNAL_TITLE.format(year=2026): 11}
    assert first[5] == 21 * 5, "the province's 21 departments, 2019–2023"
