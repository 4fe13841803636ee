"""The figures of one-stop dossiers (thống kê hồ sơ TTHC), over plain records. Pure functions, no ORM.

Definitions, the same in this module, in the SQL of `dossiers.queries` and on the pages:
- received (tiếp nhận): received in the window; the channel, payment, digitisation and still-open figures
  are counted among these.
- settled (đã giải quyết): settled in the window, whenever received; early (trước hạn) if settled before the
  due date, on time (đúng hạn) on it, late (trễ hạn) after it. A dossier is settled on the day it has its
  result (finished), or failing that the day the result was returned.
- still open (đang giải quyết): received in the window and not settled by the as-of day (the window's end,
  or today if earlier); overdue (quá hạn) if its due date is before that day.
- on-time rate = (early + on time) / settled; online rate = (partly + fully online) / received;
  online payment rate = paid online / fee-bearing received; digitisation rate = digitised / received.
"""

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol

EARLY, ON_TIME, LATE = "early", "on_time", "late"


class Calendar(Protocol):
    def is_working_day(self, d: date) -> bool: ...

    def add_working_days(self, start: date, n: int) -> date: ...

    def next_working_day(self, d: date) -> date: ...


def first_counted_day(received_at: datetime, calendar: Calendar, cutoff_hour: int) -> date:
    """The day a dossier counts as received: its own day if a working day before the cut-off hour, else the next working day."""
    day = received_at.date()
    if calendar.is_working_day(day) and received_at.hour < cutoff_hour:
        return day
    return calendar.next_working_day(day)


def due_date(received_at: datetime, processing_days: int, calendar: Calendar, cutoff_hour: int = 15) -> date:
    """The appointment date (ngày hẹn trả) of a dossier taking `processing_days` working days.

    The day of receipt itself is not counted: received Wednesday 07/02/2024 for 3 working days is due
    Monday 19/02/2024, the Tết days 08–14/02 being off.
    """
    start = first_counted_day(received_at, calendar, cutoff_hour)
    if processing_days <= 0:
        return start
    return calendar.add_working_days(start, processing_days)


def settlement_outcome(settled_on: date, due_on: date) -> str:
    if settled_on < due_on:
        return EARLY
    return ON_TIME if settled_on == due_on else LATE


@dataclass(frozen=True)
class DossierFacts:
    received_on: date
    due_on: date
    settled_on: date | None
    channel: str
    fee_bearing: bool = False
    paid_online: bool = False
    digitised: bool = False
    apology_sent: bool = False


def rate(part: int, whole: int) -> Decimal | None:
    """A ratio 0–1 with four decimals (what |percent shows), None when there is nothing to count."""
    if not whole:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


def as_percent(ratio: Decimal | None) -> Decimal | None:
    """0.9294 → 92.94 (what metrics return)."""
    return None if ratio is None else (ratio * 100).quantize(Decimal("0.01"))


@dataclass
class Tally:
    """The counts of one group of dossiers (a unit, a procedure, a field, a month or everything)."""

    received: int = 0
    partly_online: int = 0
    fully_online: int = 0
    fee_bearing: int = 0
    paid_online: int = 0
    digitised: int = 0
    open: int = 0
    overdue: int = 0
    settled: int = 0
    early: int = 0
    on_time: int = 0
    late: int = 0

    @property
    def online(self) -> int:
        return self.partly_online + self.fully_online

    @property
    def early_or_on_time(self) -> int:
        return self.early + self.on_time

    @property
    def on_time_rate(self) -> Decimal | None:
        return rate(self.early_or_on_time, self.settled)

    @property
    def online_rate(self) -> Decimal | None:
        return rate(self.online, self.received)

    @property
    def partly_online_rate(self) -> Decimal | None:
        return rate(self.partly_online, self.received)

    @property
    def fully_online_rate(self) -> Decimal | None:
        return rate(self.fully_online, self.received)

    @property
    def payment_rate(self) -> Decimal | None:
        return rate(self.paid_online, self.fee_bearing)

    @property
    def digitisation_rate(self) -> Decimal | None:
        return rate(self.digitised, self.received)

    def add(self, other: "Tally") -> "Tally":
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        return self


def tally(records: Iterable[DossierFacts], start: date, end: date, as_of: date) -> Tally:
    """The reference count of the module docstring, record by record."""
    t = Tally()
    for r in records:
        if start <= r.received_on <= end:
            t.received += 1
            t.partly_online += r.channel == "partly_online"
            t.fully_online += r.channel == "fully_online"
            t.fee_bearing += r.fee_bearing
            t.paid_online += r.fee_bearing and r.paid_online
            t.digitised += r.digitised
            if r.settled_on is None or r.settled_on > as_of:
                t.open += 1
                t.overdue += r.due_on < as_of
        if r.settled_on is not None and start <= r.settled_on <= end:
            t.settled += 1
            outcome = settlement_outcome(r.settled_on, r.due_on)
            t.early += outcome == EARLY
            t.on_time += outcome == ON_TIME
            t.late += outcome == LATE
    return t


def month_range(start: date, end: date) -> list[date]:
    """The first days of the months the window touches."""
    months, current = [], date(start.year, start.month, 1)
    while current <= end:
        months.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months
