"""Deadlines as Vietnamese plans write them (thời gian thực hiện / thời hạn), read into a structured form.

Pure module. `parse_deadline("Báo cáo trước ngày 15/11", year=2024)` → a date deadline due 15/11/2024;
"Quý II/2025" → the period April–June 2025, due its last working day; "hàng quý" → recurring; "Trong thời hạn
20 ngày kể từ khi nhận được văn bản" → relative to an event the user records later; "Thường xuyên" → continuous;
"Theo chỉ đạo của UBND tỉnh" → on instruction. Anything else is kept verbatim and flagged, never guessed.
"""

import calendar as monthcal
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, timedelta

from core.i18n import gettext_noop
from workdays.calendar import WorkCalendar

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
    offset: int | None = None
    offset_unit: str = ""  # "days" (ngày) or "working_days" (ngày làm việc)
    event: str = ""  # what a relative or on-instruction deadline waits for
    is_report: bool = False  # "Báo cáo trước ngày …": a report to send
    flagged: bool = False
    note: str = ""

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def needs_event_date(self) -> bool:
        return self.kind in (RELATIVE, ON_INSTRUCTION)

    def resolve(self, event_date: date, calendar: WorkCalendar | None = None) -> "Deadline":
        """The deadline dated once the user records the event (the document received, the instruction given)."""
        if not self.needs_event_date:
            return self
        if self.kind == RELATIVE and self.offset is not None:
            if self.offset_unit == "working_days" and calendar is not None:
                stated = calendar.add_working_days(event_date, self.offset)
            else:
                stated = event_date + timedelta(days=self.offset)
        else:
            stated = event_date
        return replace(self, stated_due=stated, due=_working(stated, calendar))


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_NUMBER_WORDS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10}

_DAY_MONTH_YEAR = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?(?![\d/])")
_DAY_MONTH_YEAR_WORDS = re.compile(r"ngay (\d{1,2}) thang (\d{1,2})(?: nam (\d{4}))?")
_QUARTER = re.compile(r"quy (iv|iii|ii|i|[1-4])(?:\s*(?:/|nam)\s*(\d{4}))?")
_MONTH = re.compile(r"thang (\d{1,2})(?:\s*(?:/|nam)\s*(\d{4}))?")
_HALF = re.compile(r"6 thang (dau|cuoi) nam(?: (\d{4}))?")
_YEAR = re.compile(r"(?:^|\b)nam (\d{4})")
_RELATIVE = re.compile(r"\b(\d{1,3}|" + "|".join(_NUMBER_WORDS)
                       + r") ngay( lam viec)? (?:ke tu|tinh tu|sau khi|sau|tu) (?:ngay |khi )?(.+)")
_INSTRUCTION = re.compile(r"^(?:theo (?:chi dao|yeu cau|tien do|huong dan|ke hoach|thong bao)|sau khi|khi co)")
_FOOTNOTE = re.compile(r"(\d{4})\s+\d{1,2}$")


def fold(text: str) -> str:
    """Lower case without diacritics (đ → d), spaces collapsed: what the patterns match against."""
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn").lower()
    return re.sub(r"\s+", " ", text).strip()


def parse_deadline(text: str, year: int | None = None, calendar: WorkCalendar | None = None) -> Deadline:
    """Understands deadline phrases as plans write them ('Quý II/2025', 'trước ngày 15/11').

    `year` is the plan's year, used when the text gives a day and month only. With a calendar, a due date that
    falls on a weekend or holiday moves to the working day before ("gửi trước các ngày nghỉ").
    """
    verbatim = (text or "").strip()
    if not verbatim:
        return Deadline(NONE, verbatim)
    folded = fold(verbatim).rstrip(".;")
    # "Báo cáo năm trước ngày 15/11/2024 4": a footnote mark stuck after the year.
    folded = _FOOTNOTE.sub(r"\1", folded)
    is_report = bool(re.match(r"^(bao cao|bc)\b", folded))

    relative = _relative(folded, verbatim)
    if relative:
        return replace(relative, is_report=is_report)

    year_match = _YEAR.search(folded)
    text_year = int(year_match.group(1)) if year_match else None
    default_year = text_year or year

    for phrase, recurrence in (("hang thang", "monthly"), ("hang quy", "quarterly"), ("hang tuan", "weekly"),
                               ("hang nam", "yearly"), ("dinh ky", "periodic")):
        if folded.startswith(phrase) or folded == phrase:
            return Deadline(RECURRING, verbatim, recurrence=recurrence, is_report=is_report)
    if folded.startswith("thuong xuyen") or folded in ("lien tuc", "hang ngay"):
        return Deadline(CONTINUOUS, verbatim)

    explicit = _explicit_date(folded, default_year)
    if explicit is not None:
        stated, note = explicit
        start, end = _year_bounds(text_year) if text_year and stated and stated.year == text_year else (None, None)
        if stated is None:
            return Deadline(DATE, verbatim, is_report=is_report, flagged=True, note=note)
        return Deadline(DATE, verbatim, due=_working(stated, calendar), stated_due=stated,
                        period_start=start, period_end=end, is_report=is_report, note=note)

    instruction = _instruction(folded, verbatim)
    if instruction is not None:
        event, rest = instruction
        start, end = _year_bounds(text_year) if text_year else (None, None)
        return Deadline(ON_INSTRUCTION, verbatim, period_start=start, period_end=end, event=event,
                        is_report=is_report)

    period = _period(folded, default_year)
    if period is not None:
        start, end = period
        return Deadline(PERIOD, verbatim, due=_working(end, calendar), stated_due=end, period_start=start,
                        period_end=end, is_report=is_report)
    return Deadline(UNKNOWN, verbatim, is_report=is_report, flagged=True,
                    note="Không hiểu được thời hạn; giữ nguyên văn, cần người dùng xác định.")


def _working(d: date | None, calendar: WorkCalendar | None) -> date | None:
    if d is None or calendar is None:
        return d
    return calendar.last_working_day_on_or_before(d)


def _year_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def _explicit_date(folded: str, default_year: int | None) -> tuple[date | None, str] | None:
    """A day and month written out ('trước ngày 15/11', 'đến ngày 10/6/2024'); None if the text has none."""
    match = _DAY_MONTH_YEAR_WORDS.search(folded) or _DAY_MONTH_YEAR.search(folded)
    if not match:
        return None
    day, month = int(match.group(1)), int(match.group(2))
    year = int(match.group(3)) if match.group(3) else default_year
    if year is None:
        return None, "Có ngày, tháng nhưng không rõ năm."
    try:
        return date(year, month, day), ""
    except ValueError:
        return None, f"Ngày {day}/{month}/{year} không có thật."


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
    if year_match and re.fullmatch(r"(?:trong |ca |het )?nam \d{4}", folded):
        return _year_bounds(int(year_match.group(1)))
    return None


def _relative(folded: str, verbatim: str) -> Deadline | None:
    match = _RELATIVE.search(folded)
    if not match:
        return None
    amount = match.group(1)
    offset = int(amount) if amount.isdigit() else _NUMBER_WORDS[amount]
    unit = "working_days" if match.group(2) else "days"
    event = _verbatim_tail(verbatim, match.group(3))
    return Deadline(RELATIVE, verbatim, offset=offset, offset_unit=unit, event=event)


def _instruction(folded: str, verbatim: str) -> tuple[str, str] | None:
    """'Theo chỉ đạo của UBND tỉnh', 'Năm 2024 Theo yêu cầu của Đoàn kiểm tra', 'Sau khi Đề án được phê duyệt'."""
    stripped = re.sub(r"^(?:trong )?nam \d{4}\s*", "", folded)
    if not _INSTRUCTION.match(stripped):
        return None
    event = _verbatim_tail(verbatim, stripped)
    return event, stripped


def _verbatim_tail(verbatim: str, folded_tail: str) -> str:
    """The original words (with diacritics) of the folded tail: the event as the plan writes it."""
    words = verbatim.rstrip(" .;").split()
    tail_len = len(folded_tail.split())
    return " ".join(words[-tail_len:]) if tail_len <= len(words) else verbatim
