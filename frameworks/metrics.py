"""Measured values that scoring rules can read from cchc's own data.

Apps register what they can measure in their AppConfig.ready():

    from frameworks.metrics import MetricValue, register_metric

    def on_time_rate(unit, start, end):
        ...
        return MetricValue(Decimal("92.94"), "2.618/2.817 hồ sơ đúng hạn", evidence_url="/dossiers/?...")

    register_metric("dossiers.on_time_rate", "Tỷ lệ hồ sơ TTHC giải quyết đúng và trước hạn (%)", on_time_rate)

A criterion whose rule reads a metric stores the metric key; the assessment computes it for its unit and
window (for example 01/01–30/11) and keeps the value with its detail as evidence. Rates are percents 0–100.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class MetricValue:
    value: Decimal
    detail: str = ""
    evidence_url: str = ""


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    compute: Callable[..., MetricValue | None]


_REGISTRY: dict[str, Metric] = {}


def register_metric(key: str, label: str, compute: Callable[..., MetricValue | None]) -> None:
    _REGISTRY[key] = Metric(key, label, compute)


def available_metrics() -> list[Metric]:
    return sorted(_REGISTRY.values(), key=lambda m: m.label)


def metric_choices(translate: Callable[[str], str] = str) -> list[tuple[str, str]]:
    """(key, label) for a select; labels are registered Vietnamese and marked for the catalogue, so a page passes
    the active language's gettext while documents keep the Vietnamese."""
    return sorted(((m.key, translate(m.label)) for m in _REGISTRY.values()), key=lambda choice: choice[1])


def compute_metric(key: str, unit, start: date, end: date) -> MetricValue | None:
    """The metric's value for a unit (and, where it makes sense, its subtree) over [start, end]; None if no data."""
    metric = _REGISTRY.get(key)
    if metric is None:
        return None
    return metric.compute(unit, start, end)


def metric_label(key: str, translate: Callable[[str], str] = str) -> str:
    """How people name the metric ("Tỷ lệ hồ sơ TTHC giải quyết đúng và trước hạn (%)"); "" for an unknown key,
    so a page never shows the key itself."""
    metric = _REGISTRY.get(key)
    return translate(metric.label) if metric else ""


def _plain(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def find_metric(text: str) -> str | None:
    """The metric a spreadsheet cell names, by its label (as the export writes it) or by its key; None if none."""
    wanted = _plain(text)
    if not wanted:
        return None
    for metric in _REGISTRY.values():
        if wanted in (_plain(metric.key), _plain(metric.label)):
            return metric.key
    return None
