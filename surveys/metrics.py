"""The measured values surveys feed to framework criteria (interface 4): SIPAS index, its aspects, leaders' opinions."""

from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext_noop

from frameworks.metrics import MetricValue, register_metric

# The aspects of surveys.index.ASPECTS, each spelled whole so the catalogue can translate it.
ASPECT_LABELS = {
    1: gettext_noop("Chỉ số hài lòng SIPAS – Tiếp cận dịch vụ (%)"),
    2: gettext_noop("Chỉ số hài lòng SIPAS – Thủ tục hành chính (%)"),
    3: gettext_noop("Chỉ số hài lòng SIPAS – Công chức giải quyết công việc (%)"),
    4: gettext_noop("Chỉ số hài lòng SIPAS – Kết quả cung ứng dịch vụ (%)"),
    5: gettext_noop("Chỉ số hài lòng SIPAS – Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị (%)"),
}


def _url(survey) -> str:
    return reverse("surveys:detail", args=[survey.pk]) if survey else ""


def sipas_index(unit, start, end, aspect: int | None = None) -> MetricValue | None:
    from surveys.results import unit_window

    result, survey = unit_window(unit, start, end)
    if result is None:
        return None
    if aspect is None:
        value, answers = result.overall, result.responses
        detail = f"Chỉ số hài lòng chung {value} % trên {answers} phiếu"
    else:
        row = result.aspects[aspect - 1]
        value, answers = row.index, row.answers
        detail = f"{row.label}: {value} % trên {answers} ý kiến"
    if value is None:
        return None
    return MetricValue(Decimal(value), f"{detail} ({start:%d/%m/%Y}–{end:%d/%m/%Y})", _url(survey))


def opinion_index(unit, start, end) -> MetricValue | None:
    from surveys.results import opinion_window

    outcome = opinion_window(unit, start, end)
    if outcome is None:
        return None
    earned, maximum, percent = outcome
    from surveys.models import Survey

    survey = (Survey.objects.filter(is_template=False, kind=Survey.Kind.OPINION, unit__path__startswith=unit.path)
              .order_by("-end_date", "-pk").first())
    return MetricValue(percent, f"{earned}/{maximum} điểm ({start:%d/%m/%Y}–{end:%d/%m/%Y})", _url(survey))


def _aspect(number: int):
    return lambda unit, start, end: sipas_index(unit, start, end, aspect=number)


def register() -> None:
    register_metric("surveys.sipas_index", gettext_noop("Chỉ số hài lòng SIPAS chung (%)"), sipas_index)
    for number, label in ASPECT_LABELS.items():
        register_metric(f"surveys.sipas_aspect_{number}", label, _aspect(number))
    register_metric("surveys.opinion_index", gettext_noop("Ý kiến đánh giá của lãnh đạo, CBCCVC về công tác CCHC (%)"),
                    opinion_index)
