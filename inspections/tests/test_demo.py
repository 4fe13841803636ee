"""The demo's inspections: the seed department's 2024 plan meets its 50 % target, its fixes are followed up, the
current year's plan leaves the IT Centre a fix to report; loading twice changes nothing."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine

from core import inbox
from frameworks.metrics import compute_metric
from inspections import demo
from inspections.models import Finding, Fix, Inspection, InspectionPlan
from inspections.tests.builders import TODAY

pytestmark = [pytest.mark.django_db, pytest.mark.dates]
NAMES = ("lan", "hung", "mai", "thu", "manh", "admin", "khoa")


def _counts():
    return [m.objects.count() for m in (InspectionPlan, Inspection, Finding, Fix)]


@time_machine.travel(TODAY, tick=False)
def test_the_demo_loads_twice_without_duplicates(cast):
    context = {"units": dict(cast.units), "people": {n: getattr(cast, n) for n in NAMES}}
    demo.load(context)
    first = _counts()
    demo.load(context)
    assert _counts() == first == [2, 9, 7, 7]
    share = compute_metric("inspections.inspected_share", cast.department, date(2024, 1, 1), date(2024, 12, 31))
    assert share.value == Decimal("54.55"), "six of the eleven units, the seed's 50 % target met"
    done = compute_metric("inspections.fixes_done_share", cast.department, date(2024, 1, 1), date(2024, 12, 31))
    assert done.detail == "5/6 yêu cầu khắc phục sau kiểm tra đã hoàn thành"
    assert Inspection.objects.filter(kind="unannounced").count() == 1
    group = next(g for g in inbox.items(cast.hung, TODAY.date()) if g.kind == "fix")
    assert len(group.items) == 1 and "Công khai đầy đủ nội dung các TTHC" in group.items[0].title


@time_machine.travel(TODAY, tick=False)
def test_the_demos_history_reads_as_words(cast):
    """Labels, choice labels, dd/mm/yyyy: no field name, code or ISO date in the inspections' trail."""
    from audit.models import AuditEntry
    from audit.tests.test_readable import _problems

    demo.load({"units": dict(cast.units), "people": {n: getattr(cast, n) for n in NAMES}})
    entries = [e for e in AuditEntry.objects.all() if e.content_type.app_label == "inspections"]
    assert len({e.content_type_id for e in entries}) == 4
    assert {f"{e.content_type.model}#{e.pk}": p for e in entries if (p := _problems(e))} == {}
