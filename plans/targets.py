"""Whether a target is met, as plans write targets: a level ('≥ 70 %'), a range ('40–45 %'), or a change against a
baseline year ('giảm 10 % so với năm 2021', 'tăng so với năm 2023'). Pure Python, no Django."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

LEVEL, INCREASE, DECREASE = "level", "increase", "decrease"
_COMPARE = {"gte": lambda a, b: a >= b, "gt": lambda a, b: a > b, "lte": lambda a, b: a <= b,
            "lt": lambda a, b: a < b}


@dataclass(frozen=True)
class Evaluation:
    current: Decimal | None  # the level now (measured or typed)
    baseline: Decimal | None  # the level in the baseline year, for a change
    compared: Decimal | None  # what is compared with the target: the level, or the change in percent
    met: bool | None  # None: not known yet (no figure, or no baseline for a change)


def evaluate(*, comparison: str, value: Decimal, change: str = LEVEL, current: Decimal | None = None,
             baseline: Decimal | None = None) -> Evaluation:
    """A change is measured in percent of the baseline; a change target of 0 asks for any change that way."""
    if current is None:
        return Evaluation(None, baseline, None, None)
    if change == LEVEL:
        return Evaluation(current, None, current, _COMPARE[comparison](current, value))
    if baseline is None or baseline == 0:
        return Evaluation(current, baseline, None, None)
    moved = (current - baseline) if change == INCREASE else (baseline - current)
    percent = (moved * 100 / abs(baseline)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    met = percent > 0 if value == 0 else _COMPARE[comparison](percent, value)
    return Evaluation(current, baseline, percent, met)
