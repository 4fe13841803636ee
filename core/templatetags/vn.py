"""Vietnamese formatting for templates: numbers '2.618', scores '9,376', rates '92,9 %'."""

from decimal import Decimal, InvalidOperation

from django import template

register = template.Library()


def number_format(number: Decimal) -> str:
    """What django.utils.formats.number_format writes with cchc's formats (both languages: ',' decimals, '.'
    thousands, groups of three), without looking the formats up for every number: a table of a province's units
    shows thousands of them."""
    text = format(number, "f")
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.removeprefix("-").partition(".")
    return sign + f"{int(whole):,}".replace(",", ".") + ("," + fraction if fraction else "")


def _decimal(value):
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


@register.filter
def vn_number(value, places=None):
    """2817 → '2.817'; 9.376 with places=3 → '9,376'."""
    number = _decimal(value)
    if number is None:
        return "" if value is None else value
    if places is not None and places != "":
        number = number.quantize(Decimal(1).scaleb(-int(places)))
    return number_format(number)


@register.filter
def score(value):
    """A score the way score sheets write it: up to three decimals, no trailing zeros: 9,376 · 12,5 · 6."""
    number = _decimal(value)
    if number is None:
        return "–"
    number = number.quantize(Decimal("0.001")).normalize()
    if number == number.to_integral():
        number = number.quantize(Decimal(1))
    return number_format(number)


@register.filter
def percent(value, places=1):
    """0.9293 → '92,9 %' (a ratio), or 92.93 → '92,9 %' with |percent:'1,raw'."""
    number = _decimal(value)
    if number is None:
        return "–"
    return f"{number_format((number * 100).quantize(Decimal(1).scaleb(-int(places))))} %"


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
