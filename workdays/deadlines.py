"""Deadlines as Vietnamese plans write them (thời gian thực hiện / thời hạn), read into a structured form.

Pure module. `parse_deadline("Báo cáo trước ngày 15/11", year=2024)` → a date deadline due 15/11/2024;
"Quý II/2025" → the period April–June 2025, due its last working day; "Tuần đầu tháng 02/2025" → that week;
"Trước ngày 10 hằng tháng" → recurring, with its dates in the plan's year; "Trước Tết Nguyên đán 2026" → the
last working day before the Tết days off; "Trong thời hạn 20 ngày kể từ khi nhận được văn bản" → relative to an
event the user records later, or to the plan's own issue date when that is the event ("30 ngày kể từ ngày ký ban
hành Kế hoạch"); "Khi phát sinh" → when the case arises; "Thường xuyên" → continuous; "Theo chỉ đạo của UBND
tỉnh" → on instruction. Anything else is kept verbatim and flagged, and so is a phrase understood only in part
(a second date, a condition): no phrase ever gets a date silently that it may not mean.
"""

import calendar as monthcal
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, timedelta

from core.i18n import gettext_noop
from workdays.calendar import WorkCalendar, lunar_new_year

DATE, PERIOD, RECURRING, RELATIVE, CONTINUOUS, ON_INSTRUCTION, UNKNOWN, NONE = (
    "date", "period", "recurring", "relative", "continuous", "on_instruction", "unknown", "none")

KIND_LABELS = {
    DATE: gettext_noop("Thời hạn cụ thể"),
    PERIOD: gettext_noop("Trong khoảng thời gian"),
    RECURRING: gettext_noop("Định kỳ"),
    RELATIVE: gettext_noop("Tính từ một sự kiện"),
    CONTINUOUS: gettext_noop("Thường xuyên"),
    ON_INSTRUCTION: gettext_noop("Theo chỉ đạo, yêu cầu"),
    UNKNOWN: gettext_noop("Chưa hiểu được"),
    NONE: gettext_noop("Không ghi thời hạn"),
}

RECURRENCE_LABELS = {"monthly": "Hàng tháng", "quarterly": "Hàng quý", "half_yearly": "6 tháng một lần",
                     "yearly": "Hàng năm", "weekly": "Hàng tuần", "periodic": "Định kỳ"}

# Why a phrase is flagged (shown translated); `detail` carries the words concerned, as written.
NOTE_UNKNOWN = gettext_noop("Không hiểu được thời hạn; giữ nguyên văn, cần người dùng xác định.")
NOTE_PARTIAL = gettext_noop("Chỉ hiểu được một phần thời hạn; chưa tính hạn, cần người dùng xác định.")
NOTE_NO_YEAR = gettext_noop("Có ngày, tháng nhưng không rõ năm.")
NOTE_BAD_DATE = gettext_noop("Ngày ghi trong thời hạn không có thật.")
NOTE_WHICH_TET = gettext_noop("Không rõ Tết Nguyên đán năm nào.")
NOTE_AFTER_TET = gettext_noop("“Sau Tết” không cho biết hạn cụ thể.")
NOTE_WHICH_MONTH = gettext_noop("Không rõ tháng nào trong kỳ.")
NOTE_FROM_ISSUE = gettext_noop("Tính từ ngày ban hành kế hoạch.")
NOTE_FROM_ISSUE_UNKNOWN = gettext_noop("Tính từ ngày ban hành kế hoạch, nhưng chưa biết ngày ban hành.")

OFFSET_UNITS = ("days", "working_days", "months")


@dataclass(frozen=True)
class Deadline:
    """A deadline understood (thời hạn). `due` is the last working day to deliver; `stated_due` the date written."""

    kind: str
    text: str
    due: date | None = None
    stated_due: date | None = None
    period_start: date | None = None
    period_end: date | None = None
    recurrence: str = ""
    occurrences: tuple[date, ...] = ()  # a recurring deadline's dates in the plan's year (working days)
    offset: int | None = None
    offset_unit: str = ""  # "days" (ngày), "working_days" (ngày làm việc) or "months" (tháng)
    event: str = ""  # what a relative or on-instruction deadline waits for
    from_issue: bool = False  # the event is the plan's own issue date
    is_report: bool = False  # "Báo cáo trước ngày …": a report to send
    flagged: bool = False
    note: str = ""
    detail: str = ""  # the words a note is about, as written

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def needs_event_date(self) -> bool:
        return self.kind in (RELATIVE, ON_INSTRUCTION) and self.due is None

    def resolve(self, event_date: date, calendar: WorkCalendar | None = None) -> "Deadline":
        """The deadline dated once the user records the event (the document received, the instruction given)."""
        if self.kind not in (RELATIVE, ON_INSTRUCTION):
            return self
        if self.kind == RELATIVE and self.offset is not None:
            stated = _add_offset(event_date, self.offset, self.offset_unit, calendar)
        else:
            stated = event_date
        return replace(self, stated_due=stated, due=_working(stated, calendar))


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_NUMBER_WORDS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10}
_WEEK_ORDINALS = {"dau tien": 1, "dau": 1, "thu nhat": 1, "1": 1, "thu hai": 2, "thu 2": 2, "2": 2, "thu ba": 3,
                  "thu 3": 3, "3": 3, "thu tu": 4, "thu 4": 4, "4": 4, "cuoi": -1, "cuoi cung": -1}
_STEMS = ("canh", "tan", "nham", "quy", "giap", "at", "binh", "dinh", "mau", "ky")  # year % 10
_BRANCHES = ("than", "dau", "tuat", "hoi", "ty", "suu", "dan", "mao", "thin", "ty", "ngo", "mui")  # year % 12

_DAY_MONTH_YEAR = re.compile(r"(?<![\d/])(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?(?![\d/])")
_DAY_MONTH_YEAR_WORDS = re.compile(r"ngay (\d{1,2}) thang (\d{1,2})(?: nam (\d{4}))?")
_QUARTER = re.compile(r"quy (iv|iii|ii|i|[1-4])\b(?:\s*(?:/|nam)\s*(\d{4}))?")
_MONTH = re.compile(r"thang (\d{1,2})(?:\s*(?:/|nam)\s*(\d{4}))?")
_HALF = re.compile(r"6 thang (dau|cuoi) nam(?: (\d{4}))?")
_YEAR = re.compile(r"(?:^|\b)nam (\d{4})")
_WEEK = re.compile(r"tuan (" + "|".join(sorted(_WEEK_ORDINALS, key=len, reverse=True))
                   + r")(?: cua)? thang (\d{1,2})(?:\s*(?:/|nam)\s*(\d{4}))?")
_RELATIVE = re.compile(r"\b(\d{1,3}|" + "|".join(_NUMBER_WORDS)
                       + r") (ngay lam viec|ngay|tuan|thang) (?:ke tu|tinh tu|sau khi|sau|tu) (?:ngay |khi )?(.+)")
_ARISES = re.compile(r"^(?:ngay |chi )?khi (?:co )?(phat sinh.*)$")
_INSTRUCTION = re.compile(r"^(?:theo (?:chi dao|yeu cau|tien do|huong dan|ke hoach|thong bao|lo trinh|quy dinh)"
                          r"|sau khi|khi co)")
_CONTINUOUS = re.compile(r"^(?:thuc hien |duy tri )?(?:thuong xuyen|lien tuc)\b|^hang ngay$")
_RECURRENCES = (("hang thang", "monthly"), ("moi thang", "monthly"), ("hang quy", "quarterly"),
                ("moi quy", "quarterly"), ("6 thang mot lan", "half_yearly"), ("hang tuan", "weekly"),
                ("moi tuan", "weekly"), ("hang nam", "yearly"), ("dinh ky", "periodic"),
                # 'Trước ngày 10 của tháng cuối quý': a day of each quarter's last (or first) month.
                ("thang cuoi quy", "quarterly"), ("thang cuoi cua quy", "quarterly"), ("thang dau quy", "quarterly"),
                ("thang dau cua quy", "quarterly"))
_TET = re.compile(r"\b(truoc|sau|trong dip|dip|den) tet(?: nguyen dan)?(?: (\d{4})| (\w+ \w+))?")
_MONTH_DAY = re.compile(r"ngay (\d{1,2})\b(?! ?[/.-] ?\d)(?! thang \d)")
# Words that make a dated phrase conditional: what they add is not understood, so no date is given.
_CONDITIONS = re.compile(r"\b(?:sau khi|khi co|khi|neu|truong hop|tuy theo|tuy|tru|hoac|dieu chinh|chua)\b")
# A plan's own issue date named as the event ("kể từ ngày Giám đốc ký ban hành Kế hoạch", "… Kế hoạch này").
_OWN_ISSUE = re.compile(r"^(?:ngay )?(?:(?:giam doc|lanh dao so|so)(?: so)? )?(?:ky )?ban hanh ke hoach(?: nay)?$"
                        r"|^(?:ngay )?ke hoach(?: nay)? (?:duoc )?(?:ky )?ban hanh$")
_FOOTNOTE = re.compile(r"(\d{4})\s+\d{1,2}$")


def fold(text: str) -> str:
    """Lower case without diacritics (đ → d), spaces collapsed: what the patterns match against."""
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn").lower()
    return re.sub(r"\s+", " ", text).strip()


def parse_deadline(text: str, year: int | None = None, calendar: WorkCalendar | None = None,
                   issued: date | None = None) -> Deadline:
    """Understands deadline phrases as plans write them ('Quý II/2025', 'trước ngày 15/11').

    `year` is the plan's year, used when the text gives a day and month only; `issued` the plan's issue date, for
    deadlines counted from it. With a calendar, a due date that falls on a weekend or holiday moves to the working
    day before ("gửi trước các ngày nghỉ").
    """
    verbatim = (text or "").strip()
    if not verbatim:
        return Deadline(NONE, verbatim)
    folded = fold(verbatim).rstrip(".;")
    # "Báo cáo năm trước ngày 15/11/2024 4": a footnote mark stuck after the year.
    folded = _FOOTNOTE.sub(r"\1", folded)
    is_report = bool(re.match(r"^(bao cao|bc)\b", folded))
    deadline = _understand(folded, verbatim, year, calendar, issued)
    return replace(deadline, is_report=is_report)


def _understand(folded: str, verbatim: str, year: int | None, calendar: WorkCalendar | None,
                issued: date | None) -> Deadline:
    arises = _ARISES.match(folded)
    if arises:
        return Deadline(RELATIVE, verbatim, event=_verbatim_tail(verbatim, arises.group(1)))
    relative = _relative(folded, verbatim, calendar, issued)
    if relative:
        return relative

    year_match = _YEAR.search(folded)
    text_year = int(year_match.group(1)) if year_match else None
    default_year = text_year or year

    recurring = _recurring(folded, verbatim, default_year, calendar)
    if recurring is not None:
        return recurring
    if _CONTINUOUS.search(folded):
        return Deadline(CONTINUOUS, verbatim)
    tet = _TET.search(folded)
    if tet:
        return _before_tet(tet, verbatim, default_year, calendar, issued)

    dates = _explicit_dates(folded, default_year)
    if dates:
        stated, note = dates[0]
        if stated is None:
            return Deadline(DATE, verbatim, flagged=True, note=note)
        if len({d for d, _ in dates}) > 1:
            return _partial(DATE, verbatim, ", ".join(f"{d:%d/%m/%Y}" for d, _ in dates if d))
        start, end = _year_bounds(text_year) if text_year and stated.year == text_year else (None, None)
        condition = _condition(folded)
        if condition:
            return _partial(DATE, verbatim, condition)
        return Deadline(DATE, verbatim, due=_working(stated, calendar), stated_due=stated,
                        period_start=start, period_end=end)

    instruction = _instruction(folded, verbatim)
    if instruction is not None:
        start, end = _year_bounds(text_year) if text_year else (None, None)
        return Deadline(ON_INSTRUCTION, verbatim, period_start=start, period_end=end, event=instruction)

    span = _span(folded, default_year)
    if span is not None:
        start, end, joined = span
        if not joined or _condition(folded):
            return _partial(PERIOD, verbatim, _condition(folded) or f"{start:%d/%m/%Y}–{end:%d/%m/%Y}")
        return Deadline(PERIOD, verbatim, due=_working(end, calendar), stated_due=end, period_start=start,
                        period_end=end)
    period = _week(folded, default_year, calendar) or _period(folded, default_year)
    if period is not None:
        start, end = period
        condition = _condition(folded)
        if condition:
            return _partial(PERIOD, verbatim, condition)
        return Deadline(PERIOD, verbatim, due=_working(end, calendar), stated_due=end, period_start=start,
                        period_end=end)
    return Deadline(UNKNOWN, verbatim, flagged=True, note=NOTE_UNKNOWN)


def _partial(kind: str, verbatim: str, detail: str) -> Deadline:
    return Deadline(kind, verbatim, flagged=True, note=NOTE_PARTIAL, detail=detail)


def _condition(folded: str) -> str:
    """The conditional words of a dated phrase ('sau khi có hướng dẫn'), '' when it has none."""
    match = _CONDITIONS.search(folded)
    return folded[match.start():] if match else ""


def _working(d: date | None, calendar: WorkCalendar | None) -> date | None:
    if d is None or calendar is None:
        return d
    return calendar.last_working_day_on_or_before(d)


def _add_offset(start: date, offset: int, unit: str, calendar: WorkCalendar | None) -> date:
    if unit == "working_days" and calendar is not None:
        return calendar.add_working_days(start, offset)
    if unit == "months":
        month = start.month - 1 + offset
        year, month = start.year + month // 12, month % 12 + 1
        return date(year, month, min(start.day, monthcal.monthrange(year, month)[1]))
    return start + timedelta(days=offset)


def _year_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def _explicit_dates(folded: str, default_year: int | None) -> list[tuple[date | None, str]]:
    """Every day and month written out ('trước ngày 15/11', 'đến ngày 10/6/2024'), in order of appearance."""
    found: list[tuple[int, date | None, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_DAY_MONTH_YEAR_WORDS, _DAY_MONTH_YEAR):
        for match in pattern.finditer(folded):
            if any(start <= match.start() < end for start, end in taken):
                continue
            taken.append((match.start(), match.end()))
            day, month = int(match.group(1)), int(match.group(2))
            year = int(match.group(3)) if match.group(3) else default_year
            if year is None:
                found.append((match.start(), None, NOTE_NO_YEAR))
                continue
            try:
                found.append((match.start(), date(year, month, day), ""))
            except ValueError:
                found.append((match.start(), None, NOTE_BAD_DATE))
    return [(d, note) for _, d, note in sorted(found, key=lambda f: f[0])]


_QUARTER_LIST = re.compile(r"quy ((?:iv|iii|ii|i|[1-4])\b(?:\s*(?:,|va|-|–|den)\s*(?:quy )?(?:iv|iii|ii|i|[1-4])\b)*)"
                           r"(?:\s*(?:/|nam)\s*(\d{4}))?")
_MONTH_LIST = re.compile(r"thang (\d{1,2}(?:\s*(?:,|va|-|–|den)\s*(?:thang )?\d{1,2})*)(?:\s*(?:/|nam)\s*(\d{4}))?")
_RANGE_WORDS = re.compile(r"\b(?:den|toi)\b|\s[-–]\s|\d[-–]\d")


def _span(folded: str, default_year: int | None) -> tuple[date, date, bool] | None:
    """Several quarters or months ('Quý II và Quý III/2025', 'Từ tháng 3 đến tháng 6/2025', 'tháng 3, 4/2025'):
    (first day, last day, whether they run on without a gap); None when the phrase names one period or none."""
    periods: list[tuple[date, date]] = []
    years = [int(y) for y in re.findall(r"(?:/|nam)\s*(\d{4})", folded)]
    year = years[-1] if years else default_year
    if year is None:
        return None
    for match in _QUARTER_LIST.finditer(folded):
        for numeral in re.findall(r"iv|iii|ii|i|[1-4]", match.group(1)):
            first = 3 * (_ROMAN[numeral] - 1) + 1
            periods.append((date(year, first, 1), date(year, first + 2, monthcal.monthrange(year, first + 2)[1])))
    for match in _MONTH_LIST.finditer(folded):
        for number in re.findall(r"\d{1,2}", match.group(1)):
            m = int(number)
            if 1 <= m <= 12:
                periods.append((date(year, m, 1), date(year, m, monthcal.monthrange(year, m)[1])))
    if len(set(periods)) < 2:
        return None
    periods.sort()
    joined = bool(_RANGE_WORDS.search(folded)) or all(
        later[0] <= earlier[1] + timedelta(days=1) for earlier, later in zip(periods, periods[1:], strict=False))
    return periods[0][0], periods[-1][1], joined


def _period(folded: str, default_year: int | None) -> tuple[date, date] | None:
    half = _HALF.search(folded)
    if half:
        year = int(half.group(2)) if half.group(2) else default_year
        if year:
            return (date(year, 1, 1), date(year, 6, 30)) if half.group(1) == "dau" else (date(year, 7, 1),
                                                                                            date(year, 12, 31))
    quarter = _QUARTER.search(folded)
    if quarter:
        year = int(quarter.group(2)) if quarter.group(2) else default_year
        if year:
            q = _ROMAN[quarter.group(1)]
            first = 3 * (q - 1) + 1
            return date(year, first, 1), date(year, first + 2, monthcal.monthrange(year, first + 2)[1])
    month = _MONTH.search(folded)
    if month and 1 <= int(month.group(1)) <= 12:
        year = int(month.group(2)) if month.group(2) else default_year
        if year:
            m = int(month.group(1))
            return date(year, m, 1), date(year, m, monthcal.monthrange(year, m)[1])
    year_match = _YEAR.search(folded)
    if year_match and re.fullmatch(r"(?:trong |ca |het |hoan thanh trong )?nam \d{4}", folded):
        return _year_bounds(int(year_match.group(1)))
    return None


def _week(folded: str, default_year: int | None, calendar: WorkCalendar | None) -> tuple[date, date] | None:
    """'Tuần đầu tháng 02/2025': the Monday-to-Sunday week holding the month's first working day (the last one for
    'tuần cuối'), later weeks counted from it, clipped to the month."""
    match = _WEEK.search(folded)
    if not match:
        return None
    year = int(match.group(3)) if match.group(3) else default_year
    month = int(match.group(2))
    if not year or not 1 <= month <= 12:
        return None
    first, last = date(year, month, 1), date(year, month, monthcal.monthrange(year, month)[1])

    def worked(d: date) -> bool:
        return calendar.is_working_day(d) if calendar is not None else d.weekday() < 5

    ordinal = _WEEK_ORDINALS[match.group(1)]
    if ordinal > 0:
        anchor = first
        while not worked(anchor) and anchor < last:
            anchor += timedelta(days=1)
        anchor += timedelta(days=7 * (ordinal - 1))
    else:
        anchor = last
        while not worked(anchor) and anchor > first:
            anchor -= timedelta(days=1)
    monday = anchor - timedelta(days=anchor.weekday())
    start, end = max(monday, first), min(monday + timedelta(days=6), last)
    return (start, end) if start <= end else None


def _recurring(folded: str, verbatim: str, default_year: int | None,
               calendar: WorkCalendar | None) -> Deadline | None:
    """'Hằng quý', 'Trước ngày 10 hằng tháng', 'Trước ngày 15/6 và 15/12 hằng năm', 'Định kỳ 6 tháng một lần'."""
    recurrence = next((r for phrase, r in _RECURRENCES if re.search(rf"(?:^|\b){phrase}\b", folded)), "")
    if not recurrence:
        return None
    dates = [d for d, _ in _explicit_dates(folded, default_year)]
    starts_with = any(folded.startswith(phrase) for phrase, _ in _RECURRENCES)
    if dates and not starts_with and recurrence in ("periodic", "quarterly", "monthly", "half_yearly"):
        # "Báo cáo định kỳ quý I trước ngày 10/3/2025": a dated report that happens to be periodic.
        return None
    if dates and all(dates) and recurrence in ("yearly", "periodic", "half_yearly"):
        occurrences = tuple(sorted(_working(d, calendar) or d for d in dates if d))
        return Deadline(RECURRING, verbatim, recurrence=recurrence, occurrences=occurrences)
    day_match = _MONTH_DAY.search(folded)
    if day_match and default_year:
        day = int(day_match.group(1))
        if recurrence == "monthly":
            months = list(range(1, 13))
        elif recurrence == "quarterly" and re.search(r"thang cuoi (?:cua )?quy", folded):
            months = [3, 6, 9, 12]
        elif recurrence == "quarterly" and re.search(r"thang dau (?:cua )?quy", folded):
            months = [1, 4, 7, 10]
        else:
            return Deadline(RECURRING, verbatim, recurrence=recurrence, flagged=True, note=NOTE_WHICH_MONTH)
        occurrences = tuple(_working(date(default_year, m, min(day, monthcal.monthrange(default_year, m)[1])),
                                     calendar) or date(default_year, m, 1) for m in months)
        return Deadline(RECURRING, verbatim, recurrence=recurrence, occurrences=occurrences)
    return Deadline(RECURRING, verbatim, recurrence=recurrence)


def _tet_year(words: str) -> int | None:
    """The Gregorian year whose Tết opens the lunar year named by its stem and branch ('bính ngọ' → 2026)."""
    parts = words.split()
    if len(parts) != 2 or parts[0] not in _STEMS or parts[1] not in _BRANCHES:
        return None
    for candidate in range(2020, 2060):
        if _STEMS[candidate % 10] == parts[0] and _BRANCHES[candidate % 12] == parts[1]:
            return candidate
    return None


def _before_tet(match: re.Match, verbatim: str, default_year: int | None, calendar: WorkCalendar | None,
                issued: date | None) -> Deadline:
    """'Trước Tết Nguyên đán 2026': the last working day before the Tết days off (the eve itself is off)."""
    if match.group(1) == "sau":
        return Deadline(UNKNOWN, verbatim, flagged=True, note=NOTE_AFTER_TET)
    year = int(match.group(2)) if match.group(2) else _tet_year(match.group(3) or "")
    if year is None and issued is not None:
        # The next Tết after the plan was issued.
        year = issued.year if lunar_new_year(issued.year) > issued else issued.year + 1
    if year is None:
        return Deadline(DATE, verbatim, flagged=True, note=NOTE_WHICH_TET)
    eve = lunar_new_year(year) - timedelta(days=1)
    return Deadline(DATE, verbatim, due=_working(eve, calendar), stated_due=eve)


def _relative(folded: str, verbatim: str, calendar: WorkCalendar | None, issued: date | None) -> Deadline | None:
    match = _RELATIVE.search(folded)
    if not match:
        return None
    amount = match.group(1)
    offset = int(amount) if amount.isdigit() else _NUMBER_WORDS[amount]
    unit = {"ngay lam viec": "working_days", "ngay": "days", "tuan": "days", "thang": "months"}[match.group(2)]
    if match.group(2) == "tuan":
        offset *= 7
    event_folded = match.group(3).strip(" .;")
    event = _verbatim_tail(verbatim, match.group(3))
    if not _OWN_ISSUE.match(event_folded):
        return Deadline(RELATIVE, verbatim, offset=offset, offset_unit=unit, event=event)
    deadline = Deadline(RELATIVE, verbatim, offset=offset, offset_unit=unit, event=event, from_issue=True,
                        note=NOTE_FROM_ISSUE if issued else NOTE_FROM_ISSUE_UNKNOWN)
    return deadline.resolve(issued, calendar) if issued else deadline


def _instruction(folded: str, verbatim: str) -> str | None:
    """'Theo chỉ đạo của UBND tỉnh', 'Năm 2024 Theo yêu cầu của Đoàn kiểm tra', 'Sau khi Đề án được phê duyệt':
    the event as written, or None."""
    stripped = re.sub(r"^(?:trong )?nam \d{4}\s*", "", folded)
    if not _INSTRUCTION.match(stripped):
        return None
    return _verbatim_tail(verbatim, stripped)


def _verbatim_tail(verbatim: str, folded_tail: str) -> str:
    """The original words (with diacritics) of the folded tail: the event as the plan writes it."""
    words = verbatim.rstrip(" .;").split()
    tail_len = len(folded_tail.split())
    return " ".join(words[-tail_len:]) if tail_len <= len(words) else verbatim
