"""Working-day arithmetic across Tết 2024, 2025 and 2026, with the official swaps entered as overrides."""

from datetime import date

import pytest

from workdays.calendar import WorkCalendar, vietnam_calendar, vietnam_public_holidays, vietnam_swapped_working_days

D = date

# The government's announcements an administrator enters (cf. domain.md).
DAYS_OFF_2026 = {D(2026, 1, 2): "Nghỉ bù Tết Dương lịch", **{D(2026, 2, d): "Nghỉ Tết Nguyên Đán" for d in range(14, 23)}}
WORKED_2026 = {D(2026, 1, 10): "Làm bù cho ngày 02/01/2026"}


@pytest.fixture(scope="module")
def cal():
    return vietnam_calendar(range(2023, 2028), days_off=DAYS_OFF_2026, working_days=WORKED_2026)


def test_lunar_new_year_falls_where_vietnam_celebrates_it():
    names = vietnam_public_holidays([2024, 2025, 2026])
    assert names[D(2024, 2, 10)] == "Tết Nguyên Đán"
    assert names[D(2025, 1, 29)] == "Tết Nguyên Đán"
    assert names[D(2026, 2, 17)] == "Tết Nguyên Đán"
    assert "Giỗ Tổ Hùng Vương" in names[D(2025, 4, 7)]


def test_swapped_saturday_of_2025_is_read_from_the_holiday_names():
    assert D(2025, 4, 26) in vietnam_swapped_working_days([2025])


@pytest.mark.parametrize(("day", "working"), [
    (D(2024, 2, 7), True),    # Wednesday before Tết 2024
    (D(2024, 2, 8), False),   # 29 Tết
    (D(2024, 2, 14), False),  # mùng năm
    (D(2024, 2, 15), True),
    (D(2025, 1, 24), True),
    (D(2025, 1, 27), False),  # 29 Tết 2025
    (D(2025, 1, 31), False),
    (D(2025, 2, 3), True),
    (D(2025, 4, 26), True),   # Saturday worked for 02/05/2025
    (D(2025, 5, 2), False),
    (D(2026, 1, 2), False),   # entered override
    (D(2026, 1, 10), True),   # Saturday worked (entered)
    (D(2026, 2, 13), True),
    (D(2026, 2, 16), False),
    (D(2026, 2, 20), False),
    (D(2026, 2, 23), True),
    (D(2026, 11, 21), False),  # an ordinary Saturday
])
def test_is_working_day(cal, day, working):
    assert cal.is_working_day(day) is working


@pytest.mark.parametrize(("start", "n", "expected"), [
    # Tết 2024: off Thu 08/02 – Wed 14/02.
    (D(2024, 2, 7), 1, D(2024, 2, 15)),
    (D(2024, 2, 5), 5, D(2024, 2, 19)),
    (D(2024, 2, 15), -1, D(2024, 2, 7)),
    # Tết 2025: off Mon 27/01 – Sat 01/02.
    (D(2025, 1, 24), 1, D(2025, 2, 3)),
    (D(2025, 1, 20), 10, D(2025, 2, 10)),
    # 30/4–4/5/2025 off with Saturday 26/4 worked.
    (D(2025, 4, 25), 1, D(2025, 4, 26)),
    (D(2025, 4, 26), 1, D(2025, 4, 28)),
    (D(2025, 4, 29), 1, D(2025, 5, 5)),
    # Tết 2026: off Sat 14/02 – Sun 22/02; 02/01 off, Saturday 10/01 worked.
    (D(2026, 2, 12), 2, D(2026, 2, 23)),
    (D(2026, 2, 10), 5, D(2026, 2, 24)),
    (D(2025, 12, 31), 1, D(2026, 1, 5)),
    (D(2026, 1, 9), 1, D(2026, 1, 10)),
    (D(2026, 1, 9), 0, D(2026, 1, 9)),
])
def test_add_working_days(cal, start, n, expected):
    assert cal.add_working_days(start, n) == expected
    assert cal.working_days_between(start, expected) == n


@pytest.mark.parametrize(("start", "end", "count"), [
    (D(2024, 2, 1), D(2024, 2, 29), 15),   # February 2024: 21 weekdays − 5 Tết weekdays − 1 (1st not counted)
    (D(2025, 1, 31), D(2025, 1, 20), -4),   # 27–31/01 are Tết
    (D(2026, 2, 13), D(2026, 2, 23), 1),
])
def test_working_days_between(cal, start, end, count):
    assert cal.working_days_between(start, end) == count


@pytest.mark.parametrize(("due", "moved_to"), [
    (D(2024, 2, 10), D(2024, 2, 7)),    # a report due during Tết 2024 is sent before the days off
    (D(2025, 2, 1), D(2025, 1, 24)),
    (D(2026, 2, 20), D(2026, 2, 13)),
    (D(2025, 5, 3), D(2025, 4, 29)),
    (D(2026, 11, 15), D(2026, 11, 13)),  # Sunday
    (D(2024, 11, 15), D(2024, 11, 15)),  # a Friday stays
])
def test_deadline_on_a_day_off_moves_to_the_working_day_before(cal, due, moved_to):
    assert cal.last_working_day_on_or_before(due) == moved_to


def test_next_working_day_skips_tet(cal):
    assert cal.next_working_day(D(2026, 2, 13)) == D(2026, 2, 23)


def test_an_override_can_make_a_holiday_a_working_day():
    cal = vietnam_calendar([2025], working_days={D(2025, 1, 27): "Trực"})
    assert cal.is_working_day(D(2025, 1, 27))


def test_plain_calendar_has_only_weekends():
    cal = WorkCalendar()
    assert cal.add_working_days(D(2026, 11, 20), 1) == D(2026, 11, 23)
