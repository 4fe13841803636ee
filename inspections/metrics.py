"""What inspections measure for plan targets and framework criteria (frameworks.metrics): the share of a unit's
units inspected in the window (seed 000: "kiểm tra ít nhất 50 % đơn vị"), and the share of the fixes required that
were carried out ("tất cả các vấn đề phát hiện qua kiểm tra đều được xử lý")."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_noop

from frameworks.metrics import MetricValue, register_metric

INSPECTED_SHARE = "inspections.inspected_share"
FIXES_DONE_SHARE = "inspections.fixes_done_share"


def _percent(part: int, whole: int) -> Decimal:
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def inspected_units(unit, start: date, end: date) -> tuple[list, set[int]]:
    """The units directly under `unit` active at the window's end, and the ids of those inspected in the window (an
    inspection of a unit further down counts for the one above it): two queries."""
    from inspections.models import Inspection
    from org.models import Unit

    children = list(Unit.objects.filter(parent=unit).active(end).order_by("path"))
    paths = (Inspection.objects.filter(actual_date__range=(start, end), unit__path__startswith=unit.path)
             .exclude(unit=unit).values_list("unit__path", flat=True).distinct())
    inspected = {child.pk for child in children for path in paths if path.startswith(child.path)}
    return children, inspected


def inspected_share(unit, start: date, end: date) -> MetricValue | None:
    children, inspected = inspected_units(unit, start, end)
    if not children:
        return None
    query = urlencode({"unit": unit.code, "year": end.year})
    return MetricValue(_percent(len(inspected), len(children)),
                       f"{len(inspected)}/{len(children)} đơn vị đã được kiểm tra CCHC",
                       evidence_url=f"{reverse('inspections:index')}?{query}")


def fixes_done_share(unit, start: date, end: date) -> MetricValue | None:
    """Of the fixes required by inspections held in the window of the unit or units under it, those confirmed done."""
    from inspections.models import Fix

    fixes = Fix.objects.filter(finding__inspection__actual_date__range=(start, end),
                               finding__inspection__unit__path__startswith=unit.path)
    total = fixes.count()
    if not total:
        return None
    done = fixes.filter(status=Fix.Status.DONE).count()
    query = urlencode({"unit": unit.code, "year": end.year})
    return MetricValue(_percent(done, total), f"{done}/{total} yêu cầu khắc phục sau kiểm tra đã hoàn thành",
                       evidence_url=f"{reverse('inspections:fixes')}?{query}")


def register() -> None:
    register_metric(INSPECTED_SHARE, gettext_noop("Tỷ lệ đơn vị trực thuộc được kiểm tra CCHC trong năm (%)"),
                    inspected_share)
    register_metric(FIXES_DONE_SHARE, gettext_noop("Tỷ lệ tồn tại phát hiện qua kiểm tra CCHC đã được khắc phục (%)"),
                    fixes_done_share)
