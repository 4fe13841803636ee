"""SIPAS formulas (Chỉ số hài lòng về sự phục vụ hành chính) over plain answer counts, no ORM.

Answers are levels 1–5 ("Rất không hài lòng" … "Rất hài lòng") or 0 for "Không có ý kiến". The raw distribution is
always kept, so an index can be recomputed when the official method changes (2017, 2023): the method is a setting.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from core.i18n import gettext_noop

NO_OPINION = 0
LEVELS = (1, 2, 3, 4, 5)
SATISFIED = (4, 5)

LEVEL_LABELS = {
    1: gettext_noop("Rất không hài lòng"),
    2: gettext_noop("Không hài lòng"),
    3: gettext_noop("Bình thường"),
    4: gettext_noop("Hài lòng"),
    5: gettext_noop("Rất hài lòng"),
    NO_OPINION: gettext_noop("Không có ý kiến"),
}

# Năm yếu tố SIPAS: the five aspects in the official order.
ASPECTS = {
    1: gettext_noop("Tiếp cận dịch vụ"),
    2: gettext_noop("Thủ tục hành chính"),
    3: gettext_noop("Công chức giải quyết công việc"),
    4: gettext_noop("Kết quả cung ứng dịch vụ"),
    5: gettext_noop("Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị"),
}

COMMON = "share_satisfied"
WEIGHTED_MEAN = "weighted_mean"
METHODS = {
    COMMON: gettext_noop("Tỷ lệ hài lòng (hài lòng + rất hài lòng trên số ý kiến)"),
    WEIGHTED_MEAN: gettext_noop("Điểm bình quân có trọng số (quy đổi 1–5 thành 0–100 %)"),
}

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Distribution:
    """How many answers fell on each level; `no_opinion` is kept apart because it never counts in an index."""

    counts: Mapping[int, int] = field(default_factory=dict)

    @classmethod
    def of(cls, levels: Iterable[int]) -> "Distribution":
        counts: dict[int, int] = {}
        for level in levels:
            counts[level] = counts.get(level, 0) + 1
        return cls(counts)

    def count(self, level: int) -> int:
        return self.counts.get(level, 0)

    @property
    def with_opinion(self) -> int:
        return sum(self.count(level) for level in LEVELS)

    @property
    def no_opinion(self) -> int:
        return self.count(NO_OPINION)

    @property
    def total(self) -> int:
        return self.with_opinion + self.no_opinion

    def __add__(self, other: "Distribution") -> "Distribution":
        keys = set(self.counts) | set(other.counts)
        return Distribution({k: self.count(k) + other.count(k) for k in keys})


def _round(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def aspect_index(dist: Distribution, method: str = COMMON) -> Decimal | None:
    """The index of one aspect (or one question) in percent, two decimals; None when nobody gave an opinion."""
    n = dist.with_opinion
    if n == 0:
        return None
    if method == COMMON:
        satisfied = sum(dist.count(level) for level in SATISFIED)
        return _round(Decimal(satisfied) * HUNDRED / n)
    if method == WEIGHTED_MEAN:
        # Mean level 1–5 stretched onto 0–100 so that all "rất không hài lòng" is 0 % and all "rất hài lòng" 100 %.
        total = sum(level * dist.count(level) for level in LEVELS)
        return _round((Decimal(total) / n - 1) * HUNDRED / 4)
    raise ValueError(f"unknown method {method!r}")


def overall_index(aspect_values: Mapping[int, Decimal | None]) -> Decimal | None:
    """Chỉ số hài lòng chung: the mean of the aspect indexes that have answers."""
    values = [v for v in aspect_values.values() if v is not None]
    if not values:
        return None
    return _round(sum(values, Decimal(0)) / len(values))


@dataclass(frozen=True)
class AspectResult:
    aspect: int
    label: str
    distribution: Distribution
    index: Decimal | None

    @property
    def answers(self) -> int:
        return self.distribution.with_opinion


@dataclass(frozen=True)
class SurveyResult:
    aspects: list[AspectResult]
    overall: Decimal | None
    responses: int
    method: str

    def meets(self, target: Decimal | None) -> bool | None:
        if target is None or self.overall is None:
            return None
        return self.overall >= target


def sipas_result(counts: Mapping[int, Distribution], responses: int, method: str = COMMON) -> SurveyResult:
    """Per-aspect and overall index from the answer distributions keyed by aspect (1–5)."""
    aspects = []
    for number, label in ASPECTS.items():
        dist = counts.get(number, Distribution())
        aspects.append(AspectResult(number, label, dist, aspect_index(dist, method)))
    overall = overall_index({a.aspect: a.index for a in aspects})
    return SurveyResult(aspects, overall, responses, method)


def points_for(index: Decimal | None, max_points: Decimal) -> Decimal | None:
    """Điểm đạt được of a survey-derived criterion: its share of the maximum, three decimals (76,33 % of 3 → 2,290)."""
    if index is None:
        return None
    return (index * max_points / HUNDRED).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class ItemScore:
    points: Decimal
    distribution: Distribution


def opinion_index(items: Iterable[ItemScore], method: str = COMMON) -> tuple[Decimal, Decimal, Decimal] | None:
    """Ý kiến đánh giá của lãnh đạo, CBCCVC: each item earns its points × its index; returns (earned, max, percent).

    Items nobody gave an opinion on earn nothing but still count in the maximum, as the seed's 18 items of
    1 point each are all scored. None when no item has any answer.
    """
    earned = Decimal(0)
    maximum = Decimal(0)
    any_answer = False
    for item in items:
        maximum += item.points
        value = aspect_index(item.distribution, method)
        if value is not None:
            any_answer = True
            earned += item.points * value / HUNDRED
    if not any_answer or maximum == 0:
        return None
    earned = earned.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)
    return earned, maximum, _round(earned * HUNDRED / maximum)
