"""Numbers as Vietnamese documents write them, without Django, for pages, charts, Word and Excel alike:
2.817 (thousands with a dot), 9,376 (decimals with a comma), scores with up to three decimals and no trailing
zeros (12,5 · 6), rates as 92,9 %.
"""

from decimal import Decimal, InvalidOperation

EMPTY = "–"


def to_decimal(value) -> Decimal | None:
    """A Decimal from a number or its text ('9.376', 9.376, Decimal); None when it is none of these."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def format_number(value, places: int | None = None, *, trim: bool = False) -> str:
    """2817 → '2.817'; 9.376 → '9,376'; places rounds; trim drops trailing zeros (12,500 → 12,5). None → '–'."""
    number = to_decimal(value)
    if number is None:
        return EMPTY
    if places is not None:
        number = number.quantize(Decimal(1).scaleb(-places))
    if trim:
        number = number.normalize()
        if number == number.to_integral():
            number = number.quantize(Decimal(1))
    sign = "-" if number < 0 else ""
    whole, _, frac = format(abs(number), "f").partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + ("," + frac if frac else "")


def format_score(value) -> str:
    """A score as score sheets write it: up to three decimals, no trailing zeros (9,376 · 12,5 · 6)."""
    return format_number(value, 3, trim=True)


def format_percent(value, places: int = 1) -> str:
    """A percent already on 0–100: 92.94 → '92,9 %'."""
    text = format_number(value, places)
    return EMPTY if text == EMPTY else f"{text} %"
