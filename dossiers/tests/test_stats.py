"""Due dates in working days and the reference counts (table-driven, no database)."""

from datetime import date, datetime

import pytest

from dossiers.stats import DossierFacts, Tally, due_date, month_range, rate, tally
from workdays.calendar import vietnam_calendar

CALENDAR = vietnam_calendar(range(2022, 2026))


@pytest.mark.parametrize(("received", "days", "expected", "why"), [
    (datetime(2024, 2, 7, 9, 0), 3, date(2024, 2, 19), "Tết 2024 (08–14/02) is off"),
    (datetime(2024, 2, 7, 16, 30), 3, date(2024, 2, 20), "after 15:00: counted from 15/02"),
    (datetime(2024, 2, 7, 15, 0), 3, date(2024, 2, 20), "15:00 itself is after the cut-off"),
    (datetime(2024, 2, 7, 14, 59), 3, date(2024, 2, 19), "a minute before the cut-off"),
    (datetime(2023, 1, 19, 10, 0), 1, date(2023, 1, 27), "Tết 2023 (20–26/01)"),
    (datetime(2024, 3, 2, 10, 0), 1, date(2024, 3, 5), "received on Saturday: counted from Monday"),
    (datetime(2024, 4, 26, 10, 0), 2, date(2024, 5, 3), "29/04–01/05/2024 off"),
    (datetime(2024, 8, 30, 9, 0), 1, date(2024, 9, 4), "National Day 02–03/09/2024"),
    (datetime(2024, 1, 2, 8, 0), 10, date(2024, 1, 16), "ten ordinary working days"),
    (datetime(2024, 1, 2, 8, 0), 0, date(2024, 1, 2), "settled the same day"),
    # Tết 2025: Saturday 25/01 to Sunday 02/02 off, so Monday–Friday 27–31/01 are not counted.
    (datetime(2025, 1, 24, 9, 0), 3, date(2025, 2, 5), "Tết 2025: 03/02, 04/02, 05/02"),
    (datetime(2025, 1, 24, 16, 0), 3, date(2025, 2, 6), "Tết 2025, after 15:00: counted from 03/02"),
    (datetime(2025, 1, 25, 10, 0), 5, date(2025, 2, 10), "received during the Tết break: counted from 03/02"),
    (datetime(2025, 1, 22, 8, 0), 10, date(2025, 2, 12), "23, 24/01 then 03–07/02 and 10–12/02"),
])
def test_due_dates_in_working_days(received, days, expected, why):
    assert due_date(received, days, CALENDAR, cutoff_hour=15) == expected, why


def test_the_cut_off_hour_is_a_setting():
    assert due_date(datetime(2024, 2, 7, 16, 30), 3, CALENDAR, cutoff_hour=17) == date(2024, 2, 19)


def record(received, due, settled=None, channel="direct", **flags):
    return DossierFacts(date.fromisoformat(received), date.fromisoformat(due),
                        date.fromisoformat(settled) if settled else None, channel, **flags)


def test_reference_tally_of_a_hand_counted_set():
    records = [
        record("2023-12-20", "2024-01-05", "2024-01-04"),                           # settled early in window
        record("2024-01-10", "2024-01-20", "2024-01-20", "fully_online", digitised=True),  # on time
        record("2024-02-01", "2024-02-10", "2024-02-15", "partly_online", fee_bearing=True, paid_online=True),
        record("2024-11-25", "2024-11-28"),                                         # open, overdue at 30/11
        record("2024-11-29", "2024-12-05", "2024-12-01"),                           # open at 30/11, not overdue
        record("2024-12-02", "2024-12-10", "2024-12-03"),                           # outside the window
    ]
    t = tally(records, date(2024, 1, 1), date(2024, 11, 30), as_of=date(2024, 11, 30))
    assert t == Tally(received=4, partly_online=1, fully_online=1, fee_bearing=1, paid_online=1, digitised=1,
                      open=2, overdue=1, settled=3, early=1, on_time=1, late=1)
    assert (t.on_time_rate, t.online_rate, t.payment_rate) == (rate(2, 3), rate(2, 4), rate(1, 1))


def test_the_seed_figure_as_a_rate():
    assert str(rate(2618, 2817)) == "0.9294"
    assert rate(1, 0) is None


def test_months_of_the_seed_window():
    months = month_range(date(2023, 1, 1), date(2023, 11, 30))
    assert (len(months), months[0], months[-1]) == (11, date(2023, 1, 1), date(2023, 11, 1))
    assert month_range(date(2023, 12, 15), date(2024, 1, 2)) == [date(2023, 12, 1), date(2024, 1, 1)]
