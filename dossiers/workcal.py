"""The working-day calendar dossier deadlines are counted on (the `workdays` app: holidays plus yearly overrides)."""

from datetime import date


def get_calendar():
    """Covers every year a one-stop export may hold, with the administrator's announced days off and swaps."""
    from workdays.services import get_calendar as workdays_calendar

    today = date.today()
    return workdays_calendar(years=range(2015, today.year + 3))
