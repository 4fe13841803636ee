"""The calendar cchc works on: public holidays plus the overrides an administrator entered."""

from collections.abc import Iterable
from datetime import date

from workdays.calendar import WorkCalendar, vietnam_calendar
from workdays.models import DayOverride


def get_calendar(years: Iterable[int] | None = None) -> WorkCalendar:
    """One query. Covers a few years around today unless told which years to cover."""
    if years is None:
        today = date.today()
        years = range(min(2020, today.year - 3), today.year + 3)
    years = list(years)
    days_off: dict[date, str] = {}
    working: dict[date, str] = {}
    for override in DayOverride.objects.all():
        target = days_off if override.kind == DayOverride.Kind.OFF else working
        target[override.date] = override.note
    override_years = {d.year for d in [*days_off, *working]}
    return vietnam_calendar(sorted(set(years) | override_years), days_off=days_off, working_days=working)
