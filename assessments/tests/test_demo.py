"""The demo loads twice without failing or duplicating anything."""

import pytest

from assessments import demo as assessments_demo
from assessments.models import Assessment, Evidence, HistoricalResult, Score
from audit.models import AuditEntry
from frameworks import demo as frameworks_demo
from frameworks.models import Criterion, Framework

pytestmark = pytest.mark.django_db


def _counts():
    return [m.objects.count() for m in (Framework, Criterion, Assessment, Score, Evidence, HistoricalResult, AuditEntry)]


def test_demo_is_idempotent(cast):
    people = {name: getattr(cast, name) for name in ("lan", "hung", "mai", "thu", "manh", "admin", "khoa")}
    for _ in range(2):
        context = {"units": cast.units, "people": people}
        frameworks_demo.load(context)
        assessments_demo.load(context)
        if _ == 0:
            first = _counts()
    assert _counts() == first
    assert first[2] == 13, "2023 and 2024 for the department, 11 internal"
