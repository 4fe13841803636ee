"""The working-day calendar (lịch ngày làm việc): weekends, public holidays and each year's official swaps.

Pure module, no ORM: `workdays.services.get_calendar()` builds one from the holidays package plus the
administrator-entered overrides.
"""

import re
from collections.abc import Iterable
from datetime import date, timedelta

import holidays

# The holidays package names a substitute day off "Ngày nghỉ (thay cho ngày 26/04/2025)": the date in brackets
# is the Saturday that is worked instead.
_SWAP = re.compile(r"thay cho ngày (\d{1,2})/(\d{1,2})/(\d{4})")

# A working-day search never needs to look further than this; it stops an endless loop on a broken calendar.
_MAX_SCAN_DAYS = 3660


class WorkCalendar:
    """Which days are worked: Monday–Friday, minus days off, plus swapped working Saturdays (ngày làm bù)."""

    def __init__(self, days_off: Iterable[date] = (), extra_working_days: Iterable[date] = (),
                 names: dict[date, str] | None = None):
        self.days_off = frozenset(days_off)
        self.extra_working_days = frozenset(extra_working_days)
        self.names = dict(names or {})

    def is_working_day(self, d: date) -> bool:
        if d in self.extra_working_days:
            return True
        if d in self.days_off:
            return False
        return d.weekday() < 5

    def next_working_day(self, d: date) -> date:
        """The first working day strictly after d."""
        return self.add_working_days(d, 1)

    def last_working_day_on_or_before(self, d: date) -> date:
        """d itself if worked, else the working day before: reports due on a day off are sent before it."""
        for _ in range(_MAX_SCAN_DAYS):
            if self.is_working_day(d):
                return d
            d -= timedelta(days=1)
        raise ValueError("no working day found")

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after start (start itself not counted); n < 0 counts backwards; n = 0 is start."""
        step = timedelta(days=1 if n >= 0 else -1)
        remaining = abs(n)
        d = start
        scanned = 0
        while remaining:
            d += step
            scanned += 1
            if scanned > _MAX_SCAN_DAYS * 2:
                raise ValueError("no working day found")
            if self.is_working_day(d):
                remaining -= 1
        return d

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative when end is before start. Inverse of add_working_days."""
        if end == start:
            return 0
        sign = 1
        if end < start:
            start, end, sign = end, start, -1
        count = 0
        d = start + timedelta(days=1)
        while d <= end:
            if self.is_working_day(d):
                count += 1
            d += timedelta(days=1)
        return sign * count

    def days_off_in(self, year: int) -> list[tuple[date, str]]:
        """Every non-weekend day off of the year with its reason, in order (for the calendar page)."""
        return sorted((d, self.names.get(d, "")) for d in self.days_off if d.year == year and d.weekday() < 5)


def vietnam_public_holidays(years: Iterable[int]) -> dict[date, str]:
    """Vietnam's public holidays (ngày nghỉ lễ, Tết) of these years, lunar ones included, named in Vietnamese."""
    result: dict[date, str] = {}
    for d, name in holidays.country_holidays("VN", years=list(years), language="vi").items():
        result[d] = name
    return result


def lunar_new_year(year: int) -> date:
    """The first day of the lunar year that begins in this Gregorian year (mùng một Tết Nguyên Đán)."""
    for d, name in holidays.country_holidays("VN", years=[year], language="vi").items():
        if name == "Tết Nguyên Đán":
            return d
    raise ValueError(f"no Tết Nguyên Đán known in {year}")


def vietnam_swapped_working_days(years: Iterable[int]) -> dict[date, str]:
    """The Saturdays worked in exchange for a bridge day off, as far as the holidays package knows them."""
    result: dict[date, str] = {}
    for day_off, name in vietnam_public_holidays(years).items():
        match = _SWAP.search(name)
        if match:
            worked = date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
            result[worked] = f"Làm bù cho ngày nghỉ {day_off:%d/%m/%Y}"
    return result


def vietnam_calendar(years: Iterable[int], days_off: dict[date, str] | None = None,
                     working_days: dict[date, str] | None = None) -> WorkCalendar:
    """The public holidays of these years plus extra days off and worked days (the year's announcement)."""
    years = list(years)
    names = vietnam_public_holidays(years)
    extra_working = vietnam_swapped_working_days(years)
    for d, note in (days_off or {}).items():
        names[d] = note or names.get(d, "")
        extra_working.pop(d, None)
    for d, note in (working_days or {}).items():
        extra_working[d] = note
        names.pop(d, None)
    return WorkCalendar(days_off=names.keys(), extra_working_days=extra_working.keys(),
                        names={**names, **extra_working})
