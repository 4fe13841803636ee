"""The figures of `dossiers.stats`, counted by the database: two aggregate queries per grouping, whatever the data."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When
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


def _received_conditions(as_of: date) -> dict:
    """{figure: the condition on a received dossier} (None: every one)."""
    still_open = _open_q(as_of)
    return {
        "received": None,
        "partly_online": Q(channel=Dossier.Channel.PARTLY_ONLINE),
        "fully_online": Q(channel=Dossier.Channel.FULLY_ONLINE),
        "fee_bearing": Q(fee_bearing=True),
        "paid_online": Q(fee_bearing=True, paid_online=True),
        "digitised": Q(digitised=True),
        "open": still_open,
        "overdue": still_open & Q(due_on__lt=as_of),
    }


SETTLED_CONDITIONS = {
    "settled": None,
    "early": Q(settled_on__lt=F("due_on")),
    "on_time": Q(settled_on=F("due_on")),
    "late": Q(settled_on__gt=F("due_on")),
}

GROUPS = {"unit": "handling_unit", "procedure": "procedure", "field": "field", "month": None}


def _sides(qs: QuerySet, window: Window):
    """(dossiers, conditions, the date their months are read on) for the received and the settled figures."""
    qs = in_scope(qs, window)
    return ((qs.filter(received_on__range=(window.start, window.end)), _received_conditions(window.as_of),
             "received_on"),
            (qs.filter(settled_on__range=(window.start, window.end)), SETTLED_CONDITIONS, "settled_on"))


def _add(results: dict, key, row: dict) -> None:
    if isinstance(key, datetime):
        key = key.date()
    t = results.setdefault(key, Tally())
    for name, value in row.items():
        setattr(t, name, value or 0)


def tallies(qs: QuerySet, window: Window, group: str | None = None) -> dict:
    """{group key: Tally} (key None for the whole window). Months are keyed by their first day."""
    results: dict = {}
    for part, conditions, month_field in _sides(qs, window):
        # Prefixed names: an aggregate may not share its name with a field (fee_bearing, digitised…).
        aggregates = {f"n_{name}": Count("pk", filter=q) for name, q in conditions.items()}
        if group is None:
            rows = [{"key": None, **part.aggregate(**aggregates)}]
        else:
            key = TruncMonth(month_field) if group == "month" else F(GROUPS[group])
            rows = part.annotate(key=key).values("key").annotate(**aggregates).order_by("key")
        for row in rows:
            k = row.pop("key")
            _add(results, k, {name.removeprefix("n_"): value for name, value in row.items()})
    return results


def tallies_by(qs: QuerySet, window: Window, groups: list[str | None]) -> dict:
    """{group: tallies(qs, window, group)} for several groupings of one window. On PostgreSQL each side (received,
    settled) is read in one pass (GROUPING SETS) instead of one query per grouping."""
    if connection.vendor != "postgresql":
        return {group: tallies(qs, window, group) for group in groups}
    results: dict = {group: {} for group in groups}
    keys = {"month": "k_month", "unit": "k_unit", "procedure": "k_procedure", "field": "k_field"}
    wanted = [g for g in groups if g is not None]
    q = connection.ops.quote_name
    for part, conditions, month_field in _sides(qs, window):
        flags = {f"f_{name}": Case(When(cond, then=Value(1)), default=Value(0), output_field=IntegerField())
                 for name, cond in conditions.items() if cond is not None}
        inner = part.annotate(k_month=TruncMonth(month_field), k_unit=F("handling_unit_id"),
                              k_procedure=F("procedure_id"), k_field=F("field"), **flags).values(
            "k_month", "k_unit", "k_procedure", "k_field", *flags).order_by()
        sql, params = inner.query.sql_with_params()
        columns = [q(keys[g]) for g in wanted]
        sets = ", ".join([*(["()"] if None in groups else []), *(f"({c})" for c in columns)])
        sums = ", ".join("COUNT(*)" if cond is None else f"SUM({q('f_' + name)})" for name, cond in conditions.items())
        grouping = f"GROUPING({', '.join(columns)})" if columns else "0"
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {grouping}, {', '.join([*columns, sums]) if columns else sums} "
                           f"FROM ({sql}) AS counted GROUP BY GROUPING SETS ({sets})", params)
            rows = cursor.fetchall()
        width = len(columns)
        for row in rows:
            mask, key_values, counts = row[0], row[1:1 + width], row[1 + width:]
            # GROUPING() sets the bit of each column left out of the row's set: none left in is the whole window.
            inside = [i for i in range(width) if not mask & (1 << (width - 1 - i))]
            group, key = (wanted[inside[0]], key_values[inside[0]]) if inside else (None, None)
            if group == "month" and key is not None and not isinstance(key, date):
                key = key.date()
            _add(results[group], key, dict(zip(conditions, counts, strict=True)))
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
