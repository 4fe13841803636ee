"""What plans measure for the criteria: the on-time completion rate of tasks (thực hiện nhiệm vụ đúng hạn)."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import urlencode

from django.db.models import Q
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
    register_metric("org.internal_units", gettext_noop("Số đầu mối bên trong (phòng, chi cục, đơn vị trực thuộc)"),
                    internal_units)
    register_metric("org.public_service_units", gettext_noop("Số đơn vị sự nghiệp công lập trực thuộc"),
                    public_service_units)
    register_metric("plans.index_total", gettext_noop("Tổng điểm Chỉ số CCHC của năm"), index_total)
    register_metric("plans.index_rank", gettext_noop("Xếp hạng Chỉ số CCHC của năm"), index_rank)


def _active_on(queryset, day: date):
    from django.db.models import Q

    return queryset.filter(Q(established_on__isnull=True) | Q(established_on__lte=day)).filter(
        Q(dissolved_on__isnull=True) | Q(dissolved_on__gt=day))


def _reorganisations(unit, start: date, end: date) -> int:
    from org.models import ReorgEvent, Unit

    inside = Unit.objects.subtree_of(unit).values("pk")
    return (ReorgEvent.objects.filter(effective_date__range=(start, end))
            .filter(Q(sources__in=inside) | Q(targets__in=inside)).distinct().count())


def internal_units(unit, start: date, end: date) -> MetricValue | None:
    """Đầu mối bên trong: the units directly under the unit on the window's last day, as the tree's history says
    (established and dissolved dates kept by reorganisations)."""
    from org.models import Unit

    count = _active_on(Unit.objects.filter(parent=unit), end).count()
    events = _reorganisations(unit, start, end)
    detail = f"{count} đầu mối ngày {end:%d/%m/%Y}"
    if events:
        detail += f"; {events} lần sắp xếp tổ chức trong kỳ"
    return MetricValue(Decimal(count), detail)


def public_service_units(unit, start: date, end: date) -> MetricValue | None:
    """Đơn vị sự nghiệp công lập under the unit on the window's last day."""
    from org.models import Unit

    count = _active_on(Unit.objects.subtree_of(unit).filter(kind=Unit.Kind.PUBLIC_SERVICE), end).count()
    return MetricValue(Decimal(count), f"{count} đơn vị sự nghiệp ngày {end:%d/%m/%Y}")


def _index_result(unit, end: date):
    """(total, rank, out of, source) of the unit's year: the published figure, else its appraised assessment."""
    from assessments.models import Assessment, HistoricalResult
    from assessments.results import area_totals
    from plans.improvement import DRAFTABLE, _table_rank, rank_of_assessment

    year = end.year
    history = HistoricalResult.objects.filter(unit=unit, year=year).first()
    if history is not None:
        return (history.total, *_table_rank(unit, year), "kết quả công bố")
    assessment = (Assessment.objects.filter(unit=unit, framework__year=year, phase__in=DRAFTABLE)
                  .select_related("framework", "unit").first())
    if assessment is None:
        return None
    return (area_totals(assessment).final_total, *rank_of_assessment(assessment), assessment.framework.title)


def index_total(unit, start: date, end: date) -> MetricValue | None:
    """The unit's PAR INDEX total of the year (published figure, else the finalised assessment)."""
    found = _index_result(unit, end)
    if found is None:
        return None
    total, _rank, _out_of, source = found
    return MetricValue(Decimal(total), f"Tổng điểm Chỉ số CCHC năm {end.year} ({source})")


def index_rank(unit, start: date, end: date) -> MetricValue | None:
    found = _index_result(unit, end)
    if found is None or not found[1]:
        return None
    _total, rank, out_of, source = found
    return MetricValue(Decimal(rank), f"Xếp hạng {rank:02d}/{out_of} năm {end.year} ({source})")
