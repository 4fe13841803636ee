"""Scoring rules (cách chấm điểm) as data: validated when saved, computed by plain arithmetic, never eval'd.

A rule is a dict stored on the criterion. The kinds, all seen in the seed:

- manual:  {"kind": "manual", "levels": [0, 0.5, 1]}     the council's judgement, 0..max, optionally limited to levels
- yes_no:  {"kind": "yes_no"}                            done (or on time) → max, otherwise 0
- tiers:   {"kind": "tiers", "metric": "...", "tiers": [{"min": 50, "points": 1.5}]}
           the highest tier whose minimum the measured value reaches; below every tier → 0
           ("46 % < 50 % → 0 of 1.5")
- linear:  {"kind": "linear", "metric": "...", "multiply": 10, "divide": 100, "offset": 0, "zero_below": null}
           (value − offset) × multiply / divide, clamped to 0..max; zero_below gives 0 under a floor
           ("DTI × 10 / 100": 93.76 → 9.376 of 11)
- share:   {"kind": "share", "metric": "surveys.sipas_aspect_1"}    value % × max / 100 (survey-derived)

"metric" is optional everywhere: without it the measured value is typed in with its evidence.
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from core.i18n import gettext_noop

KINDS = {
    "manual": gettext_noop("Chấm theo đánh giá (thủ công)"),
    "yes_no": gettext_noop("Đạt / không đạt"),
    "tiers": gettext_noop("Theo mức của giá trị đo được"),
    "linear": gettext_noop("Công thức tuyến tính của giá trị đo được"),
    # xgettext:no-python-format
    "share": gettext_noop("Tỷ lệ % của điểm tối đa (điều tra xã hội học)"),
}
MEASURED_KINDS = {"tiers", "linear", "share"}
PLACES = Decimal("0.001")
MAX_NUMBER = Decimal(10) ** 15


_translate: Callable[[str], str] = gettext_noop


def use_translation(gettext: Callable[[str], str]) -> None:
    """Lets error messages speak the page's language: the frameworks app plugs Django's gettext in at start-up,
    so this module never imports Django."""
    global _translate
    _translate = gettext


class RuleError(ValueError):
    """A rule or a score that breaks its rule, saying what to fix. The message is a Vietnamese template marked for
    the catalogue; str() fills it in the active language. A parameter called `what` is itself a marked text."""

    def __init__(self, message: str, **params) -> None:
        super().__init__(message)
        self.message, self.params = message, params

    def __str__(self) -> str:
        return self.text(_translate)

    def text(self, translate: Callable[[str], str]) -> str:
        """The message in the language `translate` speaks (gettext_noop: Vietnamese, as documents write it)."""
        text = translate(self.message)
        if not self.params:
            return text
        return text % {name: translate(value) if name == "what" else value for name, value in self.params.items()}


def _dec(value, what: str) -> Decimal:
    if isinstance(value, bool):
        raise RuleError(gettext_noop("%(what)s phải là một số."), what=what)
    shown = str(value)[:20] + ("…" if len(str(value)) > 20 else "")
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError, AttributeError):
        raise RuleError(gettext_noop("%(what)s phải là một số (nhận được “%(shown)s”)."), what=what, shown=shown)
    if not number.is_finite():
        raise RuleError(gettext_noop("%(what)s phải là một số hữu hạn."), what=what)
    # Rounding to 3 places fails past Decimal's 28 digits; no score, bound or measured count comes near 10^15.
    if abs(number) >= MAX_NUMBER:
        raise RuleError(gettext_noop("%(what)s quá lớn (nhận được “%(shown)s”)."), what=what, shown=shown)
    return number


def parse_number(text) -> Decimal | None:
    """A number as Vietnamese users type it: '9,376' or '9.376' (a decimal point, since scores stay below 1000)."""
    if text is None or str(text).strip() == "":
        return None
    return _dec(text, gettext_noop("Giá trị"))


@dataclass(frozen=True)
class Rule:
    kind: str
    metric: str = ""
    levels: tuple[Decimal, ...] = ()
    tiers: tuple[tuple[Decimal, Decimal], ...] = ()
    multiply: Decimal = Decimal(1)
    divide: Decimal = Decimal(1)
    offset: Decimal = Decimal(0)
    zero_below: Decimal | None = None

    @property
    def is_measured(self) -> bool:
        return self.kind in MEASURED_KINDS

    def choices(self, max_points) -> tuple[Decimal, ...]:
        """The only scores allowed, lowest first, when the rule has them (a manual rule's levels, 0 or max for
        yes/no); () when any number from 0 to max is allowed or the score comes from a measured value."""
        if self.kind == "manual":
            return self.levels
        if self.kind == "yes_no":
            maximum = _dec(max_points, gettext_noop("Điểm tối đa"))
            return (Decimal(0), maximum) if maximum else (Decimal(0),)
        return ()

    def as_dict(self) -> dict:
        data: dict = {"kind": self.kind}
        if self.metric:
            data["metric"] = self.metric
        if self.kind == "manual" and self.levels:
            data["levels"] = [_plain(v) for v in self.levels]
        if self.kind == "tiers":
            data["tiers"] = [{"min": _plain(m), "points": _plain(p)} for m, p in self.tiers]
        if self.kind == "linear":
            data.update(multiply=_plain(self.multiply), divide=_plain(self.divide), offset=_plain(self.offset))
            if self.zero_below is not None:
                data["zero_below"] = _plain(self.zero_below)
        return data


def _plain(number: Decimal):
    return int(number) if number == number.to_integral() else float(number)


def parse_rule(data: dict | None, max_points) -> Rule:
    """Checks a stored rule against the criterion's max points; raises RuleError saying what is wrong."""
    data = data or {"kind": "manual"}
    if not isinstance(data, dict):
        raise RuleError(gettext_noop("Cách chấm điểm không hợp lệ."))
    maximum = _dec(max_points, gettext_noop("Điểm tối đa"))
    if maximum < 0:
        raise RuleError(gettext_noop("Điểm tối đa không được âm."))
    kind = data.get("kind", "manual")
    if kind not in KINDS:
        raise RuleError(gettext_noop("Không có cách chấm “%(kind)s”. Chọn một trong: %(kinds)s."),
                        kind=str(kind)[:40], kinds=", ".join(KINDS))
    metric = str(data.get("metric") or "").strip()
    if kind == "manual":
        levels = tuple(sorted({_dec(v, gettext_noop("Mức điểm")) for v in data.get("levels") or []}))
        for level in levels:
            if level < 0 or level > maximum:
                raise RuleError(gettext_noop("Mức điểm %(level)s nằm ngoài khoảng 0 – %(max)s."),
                                level=format_points(level), max=format_points(maximum))
        return Rule(kind, metric, levels=levels)
    if kind == "yes_no":
        return Rule(kind, metric)
    if kind == "tiers":
        raw = data.get("tiers") or []
        if not raw:
            # xgettext:no-python-format
            raise RuleError(gettext_noop("Cách chấm theo mức cần ít nhất một mức (ví dụ: từ 50 % được 1,5 điểm)."))
        tiers = []
        for tier in raw:
            if not isinstance(tier, dict):
                raise RuleError(gettext_noop("Mỗi mức cần “min” và “points”."))
            low = _dec(tier.get("min"), gettext_noop("Ngưỡng của mức"))
            points = maximum if tier.get("points") == "max" else _dec(tier.get("points"), gettext_noop("Điểm của mức"))
            if points < 0 or points > maximum:
                raise RuleError(gettext_noop("Điểm của mức (%(points)s) nằm ngoài khoảng 0 – %(max)s."),
                                points=format_points(points), max=format_points(maximum))
            tiers.append((low, points))
        tiers.sort()
        if len({low for low, _ in tiers}) != len(tiers):
            raise RuleError(gettext_noop("Hai mức có cùng ngưỡng."))
        return Rule(kind, metric, tiers=tuple(tiers))
    if kind == "linear":
        divide = _dec(data.get("divide", 1), gettext_noop("Số chia"))
        if divide == 0:
            raise RuleError(gettext_noop("Số chia của công thức không được bằng 0."))
        zero_below = data.get("zero_below")
        return Rule(
            kind, metric,
            multiply=_dec(data.get("multiply", 1), gettext_noop("Hệ số nhân")),
            divide=divide,
            offset=_dec(data.get("offset", 0), gettext_noop("Giá trị trừ đi")),
            zero_below=None if zero_below in (None, "") else _dec(zero_below, gettext_noop("Ngưỡng tối thiểu")),
        )
    return Rule(kind, metric)


def validate_rule(data: dict | None, max_points) -> list[str]:
    try:
        parse_rule(data, max_points)
    except RuleError as error:
        return [str(error)]
    return []


def _clamp(points: Decimal, maximum: Decimal) -> Decimal:
    return min(max(points, Decimal(0)), maximum).quantize(PLACES, rounding=ROUND_HALF_UP)


def score_from_measure(rule: Rule, max_points, measured) -> Decimal | None:
    """The points a measured value (a percent or an index) earns under the rule; None when nothing is measured."""
    maximum = _dec(max_points, gettext_noop("Điểm tối đa"))
    if measured is None or measured == "":
        return None
    value = _dec(measured, gettext_noop("Giá trị đo được"))
    if rule.kind == "tiers":
        earned = Decimal(0)
        for low, points in rule.tiers:
            if value >= low:
                earned = points
        return _clamp(earned, maximum)
    if rule.kind == "linear":
        if rule.zero_below is not None and value < rule.zero_below:
            return Decimal("0.000")
        return _clamp((value - rule.offset) * rule.multiply / rule.divide, maximum)
    if rule.kind == "share":
        return _clamp(value * maximum / 100, maximum)
    if rule.kind == "yes_no":
        return _clamp(maximum if value else Decimal(0), maximum)
    return None


def check_score(rule: Rule, max_points, points) -> Decimal:
    """A typed score, checked against the rule: within 0..max, on an allowed level, or 0/max for yes/no."""
    maximum = _dec(max_points, gettext_noop("Điểm tối đa"))
    value = _dec(points, gettext_noop("Điểm"))
    if value < 0 or value > maximum:
        raise RuleError(gettext_noop("Điểm phải từ 0 đến %(max)s."), max=format_points(maximum))
    if value != value.quantize(PLACES):
        raise RuleError(gettext_noop("Điểm lấy tối đa 3 chữ số thập phân."))
    if rule.kind == "manual" and rule.levels and value not in rule.levels:
        raise RuleError(gettext_noop("Điểm chỉ được chọn một trong các mức: %(levels)s."),
                        levels=", ".join(format_points(v) for v in rule.levels))
    if rule.kind == "yes_no" and value not in (0, maximum):
        raise RuleError(gettext_noop("Tiêu chí đạt / không đạt: chỉ chấm 0 hoặc %(max)s."), max=format_points(maximum))
    return value.quantize(PLACES)


def format_points(value) -> str:
    """9.376 → '9,376'; 12.500 → '12,5'; 6 → '6' (Vietnamese decimal comma)."""
    number = Decimal(str(value)).quantize(PLACES).normalize()
    if number == number.to_integral():
        number = number.quantize(Decimal(1))
    return format(number, "f").replace(".", ",")


def describe(rule: Rule, max_points, translate: Callable[[str], str] = gettext_noop,
             metric_label: Callable[[str], str] | None = None) -> str:
    """One line saying how the criterion is scored, Vietnamese unless `translate` (gettext) says otherwise:
    documents written from it stay Vietnamese, the pages pass the active language's gettext. `metric_label` names
    the measured figure as people say it ("Tỷ lệ hồ sơ … đúng hạn"); a metric key never reaches the reader."""
    _ = translate
    maximum = format_points(max_points)
    source = ""
    if rule.metric:
        label = metric_label(rule.metric) if metric_label else ""
        source = (_(" (số liệu: %(metric)s)") % {"metric": label} if label
                  else _(" (số liệu tự động do cchc tính)"))
    if rule.kind == "manual":
        if rule.levels:
            return _("Hội đồng chấm một trong các mức %(levels)s") % {
                "levels": " / ".join(format_points(v) for v in rule.levels)}
        return _("Chấm từ 0 đến %(max)s điểm") % {"max": maximum}
    if rule.kind == "yes_no":
        return _("Đạt: %(max)s điểm; không đạt: 0 điểm") % {"max": maximum}
    if rule.kind == "tiers":
        parts = [_("từ %(low)s %%: %(points)s điểm") % {"low": format_points(low), "points": format_points(points)}
                 for low, points in rule.tiers]
        return _("Theo mức: %(tiers)s; dưới mức thấp nhất: 0 điểm%(source)s") % {"tiers": "; ".join(parts),
                                                                                  "source": source}
    if rule.kind == "linear":
        formula = _("giá trị")
        if rule.offset:
            formula = f"({formula} − {format_points(rule.offset)})"
        formula = f"{formula} × {format_points(rule.multiply)} / {format_points(rule.divide)}"
        floor = (_("; dưới %(floor)s: 0 điểm") % {"floor": format_points(rule.zero_below)}
                 if rule.zero_below is not None else "")
        return _("Điểm = %(formula)s, tối đa %(max)s%(floor)s%(source)s") % {
            "formula": formula, "max": maximum, "floor": floor, "source": source}
    return _("Điểm = tỷ lệ %% × %(max)s / 100%(source)s") % {"max": maximum, "source": source}
