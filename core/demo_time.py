"""The day the demo is loaded on, and the dates of its live cycle relative to that day.

`manage.py load_demo` puts `timezone.localdate()` in the context once, so every app's demo counts from the same day;
an app's demo loaded alone (its tests) reads the clock itself. Dates around today are counted in working days on
the calendar cchc works on (holidays, Tết, swapped Saturdays), as a reform office would set them.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

# The seed years: the first seed is the 2024 plan, the second the 2025 plan; a live cycle comes after them.
SEED_YEAR = 2024


def demo_today(context: dict) -> date:
    if "today" not in context:
        context["today"] = timezone.localdate()
    return context["today"]


def live_year(context: dict) -> int:
    """The year whose cycle is in progress: the current year."""
    return demo_today(context).year


@dataclass
class Clock:
    """Today and working days counted from it."""

    today: date
    calendar: object

    def working_day(self, n: int) -> date:
        """n working days after today (before it when n < 0); n = 0 is today, or the next working day if today is
        a day off."""
        start = self.today if n or self.calendar.is_working_day(self.today) else self.calendar.add_working_days(
            self.today, 1)
        return self.calendar.add_working_days(start, n)

    @property
    def yesterday(self) -> date:
        return date.fromordinal(self.today.toordinal() - 1)


def clock(context: dict) -> Clock:
    from workdays.services import get_calendar

    today = demo_today(context)
    return Clock(today, get_calendar(range(today.year - 3, today.year + 3)))
