"""The figures of `dossiers.stats`, counted by the database: two aggregate queries per grouping, whatever the data."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from accounts.permissions import unit_filter
from dossiers.models import Dossier, Procedure
from dossiers.stats import Tally


@dataclass(frozen=True)
class Window:
    """What the figures are about: a date window and optionally a unit (with its subtree), a field, a procedure."""

    start: date
    end: date
    unit: object = None
    field: str = ""
    procedure: Procedure | None = None

    @property
    def as_of(self) -> date:
        return min(self.end, timezone.localdate())

    def narrowed(self, start: date, end: date) -> "Window":
        return Window(max(self.start, start), min(self.end, end), self.unit, self.field, self.procedure)


def visible_dossiers(user) -> QuerySet:
    return Dossier.objects.filter(unit_filter(user, "dossier.view", field="handling_unit"))


def in_scope(qs: QuerySet, window: Window) -> QuerySet:
    if window.unit is not None:
        qs = qs.filter(handling_unit__path__startswith=window.unit.path)
    if window.field:
        qs = qs.filter(field=window.field)
    if window.procedure is not None:
        qs = qs.filter(procedure=window.procedure)
    return qs


def _open_q(as_of: date) -> Q:
    return Q(settled_on__isnull=True) | Q(settled_on__gt=as_of)


def _received_aggregates(as_of: date) -> dict:
    still_open = _open_q(as_of)
    return {
        "received": Count("pk"),
        "partly_online": Count("pk", filter=Q(channel=Dossier.Channel.PARTLY_ONLINE)),
        "fully_online": Count("pk", filter=Q(channel=Dossier.Channel.FULLY_ONLINE)),
        "fee_bearing": Count("pk", filter=Q(fee_bearing=True)),
        "paid_online": Count("pk", filter=Q(fee_bearing=True, paid_online=True)),
        "digitised": Count("pk", filter=Q(digitised=True)),
        "open": Count("pk", filter=still_open),
        "overdue": Count("pk", filter=still_open & Q(due_on__lt=as_of)),
    }


SETTLED_AGGREGATES = {
    "settled": Count("pk"),
    "early": Count("pk", filter=Q(settled_on__lt=F("due_on"))),
    "on_time": Count("pk", filter=Q(settled_on=F("due_on"))),
    "late": Count("pk", filter=Q(settled_on__gt=F("due_on"))),
}

GROUPS = {"unit": "handling_unit", "procedure": "procedure", "field": "field", "month": None}


def tallies(qs: QuerySet, window: Window, group: str | None = None) -> dict:
    """{group key: Tally} (key None for the whole window). Months are keyed by their first day."""
    qs = in_scope(qs, window)
    received = qs.filter(received_on__range=(window.start, window.end))
    settled = qs.filter(settled_on__range=(window.start, window.end))
    results: dict = {}
    for part, aggregates, month_field in ((received, _received_aggregates(window.as_of), "received_on"),
                                          (settled, SETTLED_AGGREGATES, "settled_on")):
        # Prefixed names: an aggregate may not share its name with a field (fee_bearing, digitised…).
        aggregates = {f"n_{name}": value for name, value in aggregates.items()}
        if group is None:
            rows = [{"key": None, **part.aggregate(**aggregates)}]
        else:
            key = TruncMonth(month_field) if group == "month" else F(GROUPS[group])
            rows = part.annotate(key=key).values("key").annotate(**aggregates).order_by("key")
        for row in rows:
            k = row.pop("key")
            if isinstance(k, datetime):
                k = k.date()
            t = results.setdefault(k, Tally())
            for name, value in row.items():
                setattr(t, name.removeprefix("n_"), value)
    return results


def total(qs: QuerySet, window: Window) -> Tally:
    return tallies(qs, window).get(None, Tally())


# Which dossiers stand behind each number of a Tally, for the drill-down list.
OUTCOMES = {
    "received": "Hồ sơ tiếp nhận",
    "partly_online": "Hồ sơ trực tuyến một phần",
    "fully_online": "Hồ sơ trực tuyến toàn trình",
    "online": "Hồ sơ trực tuyến",
    "fee_bearing": "Hồ sơ có phí, lệ phí",
    "paid_online": "Hồ sơ thanh toán trực tuyến",
    "digitised": "Hồ sơ đã số hóa",
    "open": "Hồ sơ đang giải quyết",
    "overdue": "Hồ sơ đang giải quyết đã quá hạn",
    "settled": "Hồ sơ đã giải quyết",
    "early": "Hồ sơ giải quyết trước hạn",
    "on_time": "Hồ sơ giải quyết đúng hạn",
    "early_or_on_time": "Hồ sơ giải quyết đúng và trước hạn",
    "late": "Hồ sơ giải quyết trễ hạn",
    "late_no_apology": "Hồ sơ trễ hạn, quá hạn chưa có phiếu xin lỗi",
}
SETTLED_OUTCOMES = {"settled", "early", "on_time", "early_or_on_time", "late"}


def late_or_overdue_q(window: Window) -> Q:
    """Settled late in the window, or received in it and still open past the due date: each owes an apology letter."""
    late = Q(settled_on__range=(window.start, window.end), settled_on__gt=F("due_on"))
    overdue = Q(received_on__range=(window.start, window.end), due_on__lt=window.as_of) & _open_q(window.as_of)
    return late | overdue


def apology_counts(qs: QuerySet, window: Window) -> tuple[int, int]:
    """(late or overdue dossiers with an apology letter, all late or overdue dossiers) of the window."""
    counts = in_scope(qs, window).filter(late_or_overdue_q(window)).aggregate(
        owed=Count("pk"), sent=Count("pk", filter=Q(apology_sent=True)))
    return counts["sent"], counts["owed"]


def behind(qs: QuerySet, window: Window, outcome: str) -> QuerySet:
    """The dossiers counted in one figure of the window."""
    qs = in_scope(qs, window)
    rng = (window.start, window.end)
    if outcome in SETTLED_OUTCOMES:
        qs = qs.filter(settled_on__range=rng)
        return qs.filter({
            "settled": Q(), "early": Q(settled_on__lt=F("due_on")), "on_time": Q(settled_on=F("due_on")),
            "early_or_on_time": Q(settled_on__lte=F("due_on")), "late": Q(settled_on__gt=F("due_on")),
        }[outcome])
    if outcome == "late_no_apology":
        return qs.filter(late_or_overdue_q(window), apology_sent=False)
    qs = qs.filter(received_on__range=rng)
    still_open = _open_q(window.as_of)
    return qs.filter({
        "received": Q(), "partly_online": Q(channel="partly_online"), "fully_online": Q(channel="fully_online"),
        "online": Q(channel__in=["partly_online", "fully_online"]), "fee_bearing": Q(fee_bearing=True),
        "paid_online": Q(fee_bearing=True, paid_online=True), "digitised": Q(digitised=True),
        "open": still_open, "overdue": still_open & Q(due_on__lt=window.as_of),
    }.get(outcome, Q()))


def month_end(first: date) -> date:
    return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
