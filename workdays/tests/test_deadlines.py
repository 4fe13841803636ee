"""Every deadline phrase of the seed plan's appendices, and the issue's, read as intended (plan year 2024)."""

from datetime import date

import pytest

from workdays.calendar import vietnam_calendar
from workdays.deadlines import (
    CONTINUOUS,
    DATE,
    NONE,
    ON_INSTRUCTION,
    PERIOD,
    RECURRING,
    RELATIVE,
    UNKNOWN,
    parse_deadline,
)

D = date
CAL = vietnam_calendar(range(2023, 2028))

# text, kind, due (after moving off days off), extra expected attributes
CASES = [
    # The seed's appendices (Phụ lục 1, 2, 3), as written in the "Thời gian thực hiện" column.
    ("Báo cáo trước ngày 15/11", DATE, D(2024, 11, 15), {"is_report": True}),
    ("Trước ngày 15/11", DATE, D(2024, 11, 15), {"is_report": False}),
    ("Báo cáo trước ngày 15/7", DATE, D(2024, 7, 15), {"is_report": True}),
    ("Báo cáo năm trước ngày 15/11", DATE, D(2024, 11, 15), {"is_report": True}),
    ("Báo cáo năm trước ngày 15/11/2024 4", DATE, D(2024, 11, 15), {"stated_due": D(2024, 11, 15)}),
    ("BC năm trước 15/11", DATE, D(2024, 11, 15), {"is_report": True}),
    ("Năm 2024", PERIOD, D(2024, 12, 31), {"period_start": D(2024, 1, 1), "period_end": D(2024, 12, 31)}),
    ("Năm 2024 (Phân đấu hoàn thành trước ngày 31/10/2024)", DATE, D(2024, 10, 31),
     {"period_end": D(2024, 12, 31)}),
    ("Năm 2024 Theo yêu cầu của Đoàn kiểm tra", ON_INSTRUCTION, None,
     {"event": "Theo yêu cầu của Đoàn kiểm tra", "period_end": D(2024, 12, 31)}),
    ("Năm 2024 Theo yêu cầu tiến độ nhiệm vụ", ON_INSTRUCTION, None, {"event": "Theo yêu cầu tiến độ nhiệm vụ"}),
    ("Trong thời hạn 20 ngày kể từ khi nhận được văn bản.", RELATIVE, None,
     {"offset": 20, "offset_unit": "days", "event": "nhận được văn bản"}),
    ("Theo yêu cầu của Sở Nội vụ", ON_INSTRUCTION, None, {"event": "Theo yêu cầu của Sở Nội vụ"}),
    ("Chậm nhất sau 05 ngày làm việc kể từ ngày Chủ tịch UBND tỉnh ký công bố TTHC", RELATIVE, None,
     {"offset": 5, "offset_unit": "working_days", "event": "Chủ tịch UBND tỉnh ký công bố TTHC"}),
    ("", NONE, None, {"flagged": False}),
    ("   ", NONE, None, {}),
    # The issue's and domain.md's phrases.
    ("Báo cáo trước ngày 15/11/2024", DATE, D(2024, 11, 15), {}),
    ("trước ngày 15/11", DATE, D(2024, 11, 15), {}),
    ("Tháng 6/2025", PERIOD, D(2025, 6, 30), {"period_start": D(2025, 6, 1)}),
    ("Quý II/2025", PERIOD, D(2025, 6, 30), {"period_start": D(2025, 4, 1)}),
    ("Trong Quý I/2025", PERIOD, D(2025, 3, 31), {"period_start": D(2025, 1, 1)}),
    ("Quý IV/2025", PERIOD, D(2025, 12, 31), {}),
    ("Trong năm 2025", PERIOD, D(2025, 12, 31), {"period_start": D(2025, 1, 1)}),
    ("6 tháng đầu năm 2025", PERIOD, D(2025, 6, 30), {}),
    ("hàng tháng", RECURRING, None, {"recurrence": "monthly"}),
    ("Hàng quý", RECURRING, None, {"recurrence": "quarterly"}),
    ("định kỳ", RECURRING, None, {"recurrence": "periodic"}),
    ("Thường xuyên", CONTINUOUS, None, {}),
    ("Theo chỉ đạo của UBND tỉnh", ON_INSTRUCTION, None, {"event": "Theo chỉ đạo của UBND tỉnh"}),
    ("Theo tiến độ của Trung ương", ON_INSTRUCTION, None, {}),
    ("Sau khi Đề án được phê duyệt", ON_INSTRUCTION, None, {"event": "Sau khi Đề án được phê duyệt"}),
    # Days off: a deadline on a weekend or holiday is sent before the days off.
    ("Báo cáo trước ngày 10/3/2024", DATE, D(2024, 3, 8), {"stated_due": D(2024, 3, 10)}),
    ("Trước ngày 15/02/2026", DATE, D(2026, 2, 13), {"stated_due": D(2026, 2, 15)}),
    ("Tháng 8/2026", PERIOD, D(2026, 8, 28), {"stated_due": D(2026, 8, 31)}),
    # Not understood: kept verbatim and flagged, never guessed.
    ("Gộp vào Cải cách thủ tục hành chính", UNKNOWN, None, {"flagged": True}),
    ("Khi nào xong thì báo", UNKNOWN, None, {"flagged": True}),
    ("Trước ngày 31/02/2025", DATE, None, {"flagged": True}),
]


@pytest.mark.parametrize(("text", "kind", "due", "extra"), CASES, ids=[c[0] or "(trống)" for c in CASES])
def test_parse_deadline(text, kind, due, extra):
    deadline = parse_deadline(text, year=2024, calendar=CAL)
    assert deadline.kind == kind
    assert deadline.due == due
    assert deadline.text == text.strip()
    for name, value in extra.items():
        assert getattr(deadline, name) == value, name


def test_day_and_month_without_a_year_is_flagged_not_guessed():
    deadline = parse_deadline("Báo cáo trước ngày 15/11")
    assert deadline.kind == DATE and deadline.due is None and deadline.flagged


def test_without_calendar_the_stated_date_is_kept():
    assert parse_deadline("Trước ngày 15/02/2026").due == D(2026, 2, 15)


@pytest.mark.parametrize(("text", "event_date", "due"), [
    # 20 calendar days from 25/01/2025 is 14/02/2025 (a Friday).
    ("Trong thời hạn 20 ngày kể từ khi nhận được văn bản.", D(2025, 1, 25), D(2025, 2, 14)),
    # 5 working days from Friday 24/01/2025 jump over Tết 2025: 3, 4, 5, 6, 7 February.
    ("Chậm nhất sau 05 ngày làm việc kể từ ngày Chủ tịch UBND tỉnh ký công bố TTHC", D(2025, 1, 24), D(2025, 2, 7)),
    # 20 days from 26/01/2026 lands on Sunday 15/02/2026, inside Tết: sent on Friday 13/02.
    ("Trong thời hạn 20 ngày kể từ khi nhận được văn bản.", D(2026, 1, 26), D(2026, 2, 13)),
    ("Theo chỉ đạo của UBND tỉnh", D(2025, 6, 2), D(2025, 6, 2)),
])
def test_relative_and_instructed_deadlines_are_dated_once_the_event_is_recorded(text, event_date, due):
    deadline = parse_deadline(text, year=2025, calendar=CAL)
    assert deadline.due is None and deadline.needs_event_date
    assert deadline.resolve(event_date, CAL).due == due


# Phrases of the 2025 plans (Khánh Hòa's, the issue's): weeks, recurrences, Tết, events, the plan's own issue date.
ISSUED = D(2025, 1, 10)
CASES_2025 = [
    ("Tuần đầu tháng 02/2025", PERIOD, D(2025, 2, 7), {"period_start": D(2025, 2, 3), "period_end": D(2025, 2, 9)}),
    ("Trong tuần đầu tiên của tháng 01/2025", PERIOD, D(2025, 1, 3),
     {"period_start": D(2025, 1, 1), "period_end": D(2025, 1, 5)}),
    ("Tuần thứ hai của tháng 3/2025", PERIOD, D(2025, 3, 14), {"period_start": D(2025, 3, 10)}),
    # 30/6/2025 is a Monday: the last week of June is that one day.
    ("Tuần cuối tháng 6/2025", PERIOD, D(2025, 6, 30), {"period_start": D(2025, 6, 30), "period_end": D(2025, 6, 30)}),
    ("Trước ngày 10 hằng tháng", RECURRING, None, {"recurrence": "monthly", "flagged": False}),
    ("Hằng quý, trước ngày 10 của tháng cuối quý", RECURRING, None,
     {"recurrence": "quarterly", "occurrences": (D(2025, 3, 10), D(2025, 6, 10), D(2025, 9, 10), D(2025, 12, 10))}),
    ("Trước ngày 15/6 và 15/12 hằng năm", RECURRING, None,
     {"recurrence": "yearly", "occurrences": (D(2025, 6, 13), D(2025, 12, 15))}),
    ("Hằng quý, trước ngày 10", RECURRING, None, {"flagged": True, "occurrences": ()}),
    # The held-out district plan: the quarter named only by its last (or first) month.
    ("Trước ngày 10 của tháng cuối quý", RECURRING, None,
     {"recurrence": "quarterly", "occurrences": (D(2025, 3, 10), D(2025, 6, 10), D(2025, 9, 10), D(2025, 12, 10)),
      "flagged": False}),
    ("Trước ngày 05 tháng đầu quý", RECURRING, None,
     {"recurrence": "quarterly", "occurrences": (D(2025, 1, 3), D(2025, 4, 4), D(2025, 7, 4), D(2025, 10, 3))}),
    ("Hằng quý", RECURRING, None, {"recurrence": "quarterly", "flagged": False}),
    ("Hằng tháng", RECURRING, None, {"recurrence": "monthly", "flagged": False}),
    ("Định kỳ 6 tháng một lần", RECURRING, None, {"recurrence": "half_yearly"}),
    ("Báo cáo định kỳ quý I trước ngày 10/3/2025", DATE, D(2025, 3, 10), {"is_report": True}),
    ("Khi phát sinh", RELATIVE, None, {"event": "phát sinh", "flagged": False, "offset": None}),
    ("Ngay khi phát sinh hồ sơ", RELATIVE, None, {"event": "phát sinh hồ sơ"}),
    ("Khi có yêu cầu", ON_INSTRUCTION, None, {"event": "Khi có yêu cầu"}),
    # Tết 2026 falls on 17/02; its eve (16/02) is already off, 14–15/02 a weekend: sent on Friday 13/02.
    ("Trước Tết Nguyên đán 2026", DATE, D(2026, 2, 13), {"stated_due": D(2026, 2, 16)}),
    ("Trước Tết Nguyên đán Bính Ngọ", DATE, D(2026, 2, 13), {}),
    # Without a year, the next Tết after the plan's issue (10/01/2025): 29/01/2025, off from Monday 27/01.
    ("Trước Tết Nguyên đán", DATE, D(2025, 1, 24), {"stated_due": D(2025, 1, 28)}),
    ("Sau Tết Nguyên đán", UNKNOWN, None, {"flagged": True}),
    # Counted from the plan's own issue date (10/01/2025), read from its header.
    ("Trong thời gian 30 ngày kể từ ngày Giám đốc ký ban hành Kế hoạch", RELATIVE, D(2025, 2, 7),
     {"from_issue": True, "stated_due": D(2025, 2, 9), "offset": 30}),
    ("Trong vòng 02 tuần kể từ ngày ban hành Kế hoạch", RELATIVE, D(2025, 1, 24), {"offset": 14, "from_issue": True}),
    ("01 tháng kể từ ngày Kế hoạch này được ban hành", RELATIVE, D(2025, 2, 10), {"offset_unit": "months"}),
    # 15 working days from Friday 10/01/2025: ten before Tết (27/01–02/02 off), five after it.
    ("15 ngày làm việc kể từ ngày ban hành Kế hoạch", RELATIVE, D(2025, 2, 7), {"offset_unit": "working_days"}),
    # Another body's plan is not this one: the event stays to be recorded.
    ("Sau khi Kế hoạch được UBND tỉnh ban hành", ON_INSTRUCTION, None, {"from_issue": False}),
    ("20 ngày kể từ ngày Kế hoạch của UBND tỉnh được ban hành", RELATIVE, None, {"from_issue": False}),
    ("Thực hiện liên tục, chủ động sắp xếp trên cơ sở hướng dẫn của Trung ương, UBND tỉnh", CONTINUOUS, None, {}),
    ("Theo Kế hoạch của UBND tỉnh", ON_INSTRUCTION, None, {}),
    ("Trước ngày 15/11/2025 (theo Kế hoạch của UBND tỉnh)", DATE, D(2025, 11, 14), {"flagged": False}),
    # Understood only in part: flagged, and no date given.
    ("Quý II/2025 (sau khi có hướng dẫn của Bộ)", PERIOD, None, {"flagged": True, "detail": "sau khi co huong dan cua bo)"}),
    ("Trước ngày 15/6/2025 và ngày 15/12/2025", DATE, None, {"flagged": True}),
    ("Tháng 6/2025 hoặc theo yêu cầu", PERIOD, None, {"flagged": True}),
    # Several periods: the task runs over all of them (the held-out plans' phrases).
    ("Từ tháng 3 đến tháng 6/2025", PERIOD, D(2025, 6, 30), {"period_start": D(2025, 3, 1), "flagged": False}),
    ("Quý II và Quý III/2025", PERIOD, D(2025, 9, 30), {"period_start": D(2025, 4, 1)}),
    ("Quý II, III/2025", PERIOD, D(2025, 9, 30), {"period_start": D(2025, 4, 1)}),
    ("Tháng 3, 4/2025", PERIOD, D(2025, 4, 29), {"period_end": D(2025, 4, 30)}),  # 30/04 is a holiday
    # Two periods with a gap between them: which one is meant is the user's to say.
    ("Quý I và Quý III/2025", PERIOD, None, {"flagged": True}),
]


@pytest.mark.parametrize(("text", "kind", "due", "extra"), CASES_2025, ids=[c[0] for c in CASES_2025])
def test_parse_2025_phrases(text, kind, due, extra):
    deadline = parse_deadline(text, year=2025, calendar=CAL, issued=ISSUED)
    assert deadline.kind == kind
    assert deadline.due == due
    for name, value in extra.items():
        assert getattr(deadline, name) == value, name


def test_monthly_dates_move_before_days_off():
    deadline = parse_deadline("Trước ngày 10 hằng tháng", year=2024, calendar=CAL)
    assert len(deadline.occurrences) == 12 and deadline.occurrences[0] == D(2024, 1, 10)
    assert deadline.occurrences[1] == D(2024, 2, 7)  # 10/02/2024 is Tết: sent on the Wednesday before the days off


@pytest.mark.parametrize("text", ["Trong thời gian 30 ngày kể từ ngày Giám đốc ký ban hành Kế hoạch",
                                  "Trước Tết Nguyên đán"])
def test_without_the_issue_date_nothing_is_guessed(text):
    deadline = parse_deadline(text, year=2025, calendar=CAL)
    assert deadline.due is None
    assert deadline.flagged or deadline.needs_event_date


def test_a_deadline_from_the_issue_date_resolves_once_the_date_is_known():
    deadline = parse_deadline("Trong thời gian 30 ngày kể từ ngày Giám đốc ký ban hành Kế hoạch", year=2025)
    assert deadline.from_issue and deadline.needs_event_date
    assert deadline.resolve(ISSUED, CAL).due == D(2025, 2, 7)
