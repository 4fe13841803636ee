"""What plans measure for the criteria: the on-time completion rate of tasks (thực hiện nhiệm vụ đúng hạn)."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_noop

from frameworks.metrics import MetricValue, register_metric


def on_time_rate(unit, start: date, end: date) -> MetricValue | None:
    from plans.queries import on_time_counts

    on_time, total = on_time_counts(unit, start, end, timezone.localdate())
    if not total:
        return None
    value = (Decimal(on_time) * 100 / Decimal(total)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    query = urlencode({"unit": unit.pk, "start": start.isoformat(), "end": end.isoformat()})
    return MetricValue(value, f"{on_time}/{total} nhiệm vụ hoàn thành đúng hạn",
                       evidence_url=f"{reverse('plans:on_time')}?{query}")


def register() -> None:
    register_metric("plans.on_time_rate", gettext_noop("Tỷ lệ nhiệm vụ được giao hoàn thành đúng hạn (%)"),
                    on_time_rate)
