"""Projection during the year (dự báo điểm): how many points of the running year's assessment are secured, at risk
or already lost, and the total and rank the unit heads for, if everything still due is done on time and at today's
pace. Pure: plain dataclasses in and out, no ORM (assessments/projection_data.py reads the inputs).

For each leaf criterion of the framework (max M):

- **secured** (đã chắc chắn): points no one can take away any more: the appraised score (the council re-scored the
  item, explicitly accepted the self-score, or decided an appeal), or the points a measured value earns once its data
  window has closed (the value over the whole window is final). Such an item is locked: its points are either secured
  or lost, nothing is at risk.
- **lost** (đã mất): points that can no longer be earned: M minus a locked item's points; for an item with a deadline
  that passed unmet (no evidence signed by the deadline, no linked task done by it), what a late delivery cannot earn
  (all of a yes/no item; a graded item down to its best level below the maximum); for a measured rate whose window
  is still open, what even a perfect rest of the window cannot recover (the volume assumed even over the window:
  best final value = value so far × elapsed + 100 % × remaining); and every penalty already incurred.
- **at risk** (có nguy cơ mất): of what is still reachable (M − lost), the share of the linked tasks (plans.Task.criteria)
  that are late, not started or were done late; for a measured value, what the value measured so far does not earn
  under the rule's tiers or formula ("trending below the threshold"); for a self-scored item, what the unit's own
  score leaves out. The largest of these signals counts.
- **on plan** (nếu mọi việc đến hạn hoàn thành đúng hạn): the best still reachable: M − lost.
- **at today's pace** (theo tiến độ hiện nay): the linked tasks' chance of being on time extrapolated (done on time: 1;
  late or done late: 0; not yet due: the on-time rate of the unit's tasks due so far, 1 without any) times M − lost;
  a measured value extrapolated from its trend (value so far × elapsed + the recent value × remaining, scored by the
  rule); a self-score taken as the unit's claim; the lowest of these. An item with no score, data or task counts as
  reachable in full, and says so.

Bonus points count as claimed (self-score) or appraised, never as reachable by default; penalties count as incurred.
Rank: among the units ranked together, ties sharing a rank as in assessments.results (1, 2, 2, 4).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from core.i18n import gettext_noop
from frameworks import rules
from frameworks.rules import Rule, format_points

ZERO = Decimal(0)
HUNDRED = Decimal(100)
PLACES = Decimal("0.001")
SCORE, BONUS, PENALTY = "score", "bonus", "penalty"
NOT_STARTED, IN_PROGRESS, DONE, CANCELLED = "not_started", "in_progress", "done", "cancelled"


def _percent(value: Decimal) -> str:
    """92.94 → '92,94 %'."""
    return f"{format_points(value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP))} %"


def _q(value: Decimal) -> Decimal:
    return value.quantize(PLACES, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Reason:
    """Why an item's points stand as they do: a Vietnamese template marked for the catalogue, with its values."""

    message: str
    params: tuple[tuple[str, str], ...] = ()

    def text(self, translate: Callable[[str], str] = gettext_noop) -> str:
        text = translate(self.message)
        return text % dict(self.params) if self.params else text


def _reason(message: str, **params: object) -> Reason:
    return Reason(message, tuple((k, str(v)) for k, v in params.items()))


APPRAISED = gettext_noop("Đã có điểm thẩm định")
MEASURED_FINAL = gettext_noop("Số liệu đã chốt (hết kỳ số liệu): %(value)s")
DEADLINE_MISSED = gettext_noop("Đã quá thời hạn %(date)s mà chưa có tài liệu ký trước hạn hay nhiệm vụ hoàn thành "
                               "đúng hạn")
CANNOT_RECOVER = gettext_noop("Giá trị đo được đến nay (%(value)s) không thể đạt điểm tối đa dù phần còn lại của kỳ "
                              "đều đạt")
BELOW_THRESHOLD = gettext_noop("Giá trị đo được đến nay (%(value)s) mới đạt %(points)s điểm")
TASKS_LATE = gettext_noop("%(n)s nhiệm vụ liên quan quá hạn")
TASKS_NOT_STARTED = gettext_noop("%(n)s nhiệm vụ liên quan chưa thực hiện")
TASKS_DONE_LATE = gettext_noop("%(n)s nhiệm vụ liên quan hoàn thành chậm")
TASKS_ON_TIME = gettext_noop("Nhiệm vụ liên quan đã hoàn thành đúng hạn")
SELF_BELOW_MAX = gettext_noop("Đơn vị tự chấm %(points)s điểm")
PENALTY_INCURRED = gettext_noop("Điểm trừ đã phát sinh: %(points)s")
BONUS_CLAIMED = gettext_noop("Điểm thưởng đơn vị đề nghị: %(points)s")
NO_DATA = gettext_noop("Chưa có điểm, số liệu hay nhiệm vụ liên quan: tạm tính đạt điểm tối đa")


@dataclass(frozen=True)
class TaskInput:
    """A plan task linked to criteria: the date that counts (approved extension, else the plan's), its state."""

    id: int
    due: date | None
    status: str
    completed_on: date | None = None
    lead_unit_ids: tuple[int, ...] = ()

    def is_open(self) -> bool:
        return self.status in (NOT_STARTED, IN_PROGRESS)

    def is_late(self, today: date) -> bool:
        return self.is_open() and self.due is not None and self.due < today

    def done_late(self) -> bool:
        return (self.status == DONE and self.due is not None and self.completed_on is not None
                and self.completed_on > self.due)

    def done_by(self, day: date) -> bool:
        return self.status == DONE and self.completed_on is not None and self.completed_on <= day


@dataclass(frozen=True)
class Measure:
    """A metric's value for the unit: over the window so far (the whole window once it closed), and over the last
    weeks (the trend). Rates are percents 0–100."""

    value: Decimal | None
    recent: Decimal | None = None


@dataclass(frozen=True)
class Area:
    """A top-level node: an area (lĩnh vực) scored towards the total, or the bonus or penalty part."""

    id: int
    code: str
    title: str
    max_points: Decimal
    side: str = SCORE


@dataclass(frozen=True)
class Item:
    """A leaf criterion with what is known of it this year."""

    id: int
    code: str
    title: str
    area_id: int
    max_points: Decimal
    rule: Rule
    responsible_unit_id: int | None = None
    deadline: date | None = None
    self_score: Decimal | None = None
    # The points the council gave (re-scored, accepted self-score, or decided on appeal); None while not appraised.
    appraised: Decimal | None = None
    # Evidence signed on or before the deadline is attached.
    evidence_in_time: bool = False
    task_ids: tuple[int, ...] = ()
    measure: Measure | None = None


@dataclass(frozen=True)
class YearInput:
    """Everything the projection reads: the data window, today, the tree's leaves, the linked tasks, the on-time rate
    of the unit's tasks due so far (percent, None without any) and the other ranked units' totals."""

    today: date
    window_start: date
    window_end: date
    areas: tuple[Area, ...]
    items: tuple[Item, ...]
    tasks: dict[int, TaskInput] = field(default_factory=dict)
    on_time_rate: Decimal | None = None
    peers: tuple[Decimal, ...] = ()


@dataclass(frozen=True)
class Figures:
    """Points by what is known of them; `on_plan` and `at_pace` are projected points (totals include bonus and
    penalty)."""

    max_points: Decimal = ZERO
    secured: Decimal = ZERO
    at_risk: Decimal = ZERO
    lost: Decimal = ZERO
    on_plan: Decimal = ZERO
    at_pace: Decimal = ZERO

    @property
    def pending(self) -> Decimal:
        """Neither secured nor at risk nor lost: reachable, with no sign of trouble yet."""
        return max(ZERO, self.max_points - self.secured - self.at_risk - self.lost)

    def __add__(self, other: "Figures") -> "Figures":
        return Figures(self.max_points + other.max_points, self.secured + other.secured, self.at_risk + other.at_risk,
                       self.lost + other.lost, self.on_plan + other.on_plan, self.at_pace + other.at_pace)


def total_of(figures: Iterable[Figures]) -> Figures:
    result = Figures()
    for f in figures:
        result = result + f
    return result


@dataclass(frozen=True)
class ItemProjection:
    item: Item
    side: str
    figures: Figures
    reasons: tuple[Reason, ...] = ()
    locked: bool = False
    late_tasks: int = 0
    not_started_tasks: int = 0
    unit_ids: frozenset[int] = frozenset()  # the responsible unit and the lead units of the linked tasks


@dataclass(frozen=True)
class AreaProjection:
    area: Area
    figures: Figures
    items: tuple[ItemProjection, ...]


@dataclass(frozen=True)
class Projection:
    areas: tuple[AreaProjection, ...]  # the scored areas, in framework order
    extras: tuple[AreaProjection, ...]  # bonus and penalty parts
    total: Figures
    elapsed: Decimal  # share of the data window gone by, 0–1
    on_time_rate: Decimal | None
    rank_on_plan: int | None = None
    rank_at_pace: int | None = None
    ranked: int = 0  # units ranked together, this one included (0: no peers known)

    @property
    def items(self) -> list[ItemProjection]:
        return [i for a in (*self.areas, *self.extras) for i in a.items]


def elapsed_share(start: date, end: date, today: date) -> Decimal:
    """How much of the window [start, end] has gone by on `today` (today counted), 0–1."""
    if today < start:
        return ZERO
    if today > end:
        return Decimal(1)
    return Decimal((today - start).days + 1) / Decimal((end - start).days + 1)


def best_late(rule: Rule, maximum: Decimal) -> Decimal:
    """What an item can still earn when delivered after its deadline: nothing for a yes/no item, the best level
    below the maximum for a graded one ("thực hiện nhưng chậm: 0,5/1")."""
    if rule.kind == "manual" and rule.levels:
        below = [level for level in rule.levels if level < maximum]
        return max(below) if below else ZERO
    return ZERO


def _points(rule: Rule, maximum: Decimal, value: Decimal) -> Decimal:
    earned = rules.score_from_measure(rule, maximum, min(max(value, ZERO), Decimal(10) ** 6))
    return earned if earned is not None else ZERO


def _task_chance(task: TaskInput, today: date, on_time_rate: Decimal | None) -> Decimal:
    if task.status == DONE:
        return ZERO if task.done_late() else Decimal(1)
    if task.is_late(today):
        return ZERO
    return Decimal(1) if on_time_rate is None else min(Decimal(1), max(ZERO, on_time_rate / HUNDRED))


def _deadline_met(item: Item, tasks: list[TaskInput]) -> bool:
    return item.evidence_in_time or (item.deadline is not None and any(t.done_by(item.deadline) for t in tasks))


def project_item(item: Item, side: str, data: YearInput, elapsed: Decimal) -> ItemProjection:
    """One item's figures (see the module's docstring)."""
    today, maximum = data.today, item.max_points
    tasks = [data.tasks[t] for t in item.task_ids if t in data.tasks and data.tasks[t].status != CANCELLED]
    units = frozenset({*(u for t in tasks for u in t.lead_unit_ids),
                       *([item.responsible_unit_id] if item.responsible_unit_id else [])})
    if side == BONUS:
        points = item.appraised if item.appraised is not None else (item.self_score or ZERO)
        locked = item.appraised is not None
        said = (_reason(APPRAISED),) if locked else ((_reason(BONUS_CLAIMED, points=format_points(points)),)
                                                      if points else ())
        return ItemProjection(item, side, Figures(ZERO, points if locked else ZERO, ZERO, ZERO, points, points),
                              said, locked, unit_ids=units)
    if side == PENALTY:
        incurred = item.appraised if item.appraised is not None else (item.self_score or ZERO)
        said = (_reason(PENALTY_INCURRED, points=format_points(incurred)),) if incurred else ()
        return ItemProjection(item, side, Figures(ZERO, ZERO, ZERO, incurred, -incurred, -incurred), said,
                              item.appraised is not None, unit_ids=units)

    if item.appraised is not None:
        points = min(item.appraised, maximum)
        return ItemProjection(item, side, Figures(maximum, points, ZERO, maximum - points, points, points),
                              (_reason(APPRAISED),), True, unit_ids=units)
    value = item.measure.value if item.rule.is_measured and item.measure is not None else None
    recent = item.measure.recent if item.measure is not None else None
    if value is not None and today > data.window_end:
        points = _points(item.rule, maximum, value)
        return ItemProjection(item, side, Figures(maximum, points, ZERO, maximum - points, points, points),
                              (_reason(MEASURED_FINAL, value=_percent(value)),), True, unit_ids=units)

    reasons: list[Reason] = []
    lost = ZERO
    if item.deadline is not None and item.deadline < today and not _deadline_met(item, tasks):
        lost = maximum - best_late(item.rule, maximum)
        reasons.append(_reason(DEADLINE_MISSED, date=f"{item.deadline:%d/%m/%Y}"))
    risk, pace = ZERO, None
    if value is not None:
        best = _points(item.rule, maximum, value * elapsed + HUNDRED * (1 - elapsed))
        if maximum - best > lost:
            lost = maximum - best
            reasons.append(_reason(CANNOT_RECOVER, value=_percent(value)))
        now = _points(item.rule, maximum, value)
        trend = value if recent is None else value * elapsed + recent * (1 - elapsed)
        pace = _points(item.rule, maximum, trend)
        if now < maximum - lost:
            risk = max(risk, maximum - lost - now)
            reasons.append(_reason(BELOW_THRESHOLD, value=_percent(value), points=format_points(now)))
    ceiling = maximum - lost
    late = sum(t.is_late(today) for t in tasks)
    not_started = sum(t.status == NOT_STARTED and not t.is_late(today) for t in tasks)
    done_late = sum(t.done_late() for t in tasks)
    if tasks:
        risky = late + not_started + done_late
        risk = max(risk, ceiling * risky / len(tasks))
        chance = sum((_task_chance(t, today, data.on_time_rate) for t in tasks), ZERO) / len(tasks)
        pace = ceiling * chance if pace is None else min(pace, ceiling * chance)
        for count, message in ((late, TASKS_LATE), (not_started, TASKS_NOT_STARTED), (done_late, TASKS_DONE_LATE)):
            if count:
                reasons.append(_reason(message, n=count))
        if not risky and all(t.status == DONE for t in tasks):
            reasons.append(_reason(TASKS_ON_TIME))
    if value is None and item.self_score is not None:
        claimed = min(item.self_score, ceiling)
        if claimed < ceiling:
            risk = max(risk, ceiling - claimed)
            reasons.append(_reason(SELF_BELOW_MAX, points=format_points(item.self_score)))
        pace = claimed if pace is None else min(pace, claimed)
    if pace is None:
        pace = ceiling
        if not reasons:
            reasons.append(_reason(NO_DATA))
    pace = max(ZERO, min(pace, ceiling))
    figures = Figures(maximum, ZERO, _q(min(risk, ceiling)), _q(lost), _q(ceiling), _q(pace))
    return ItemProjection(item, side, figures, tuple(reasons), False, late, not_started, unit_ids=units)


def rank_of(total: Decimal, peers: Iterable[Decimal]) -> int:
    """The rank a total takes among the others' totals: one more than those strictly above it (ties share)."""
    return 1 + sum(1 for other in peers if other > total)


def project(data: YearInput) -> Projection:
    """The projection of the whole year (see the module's docstring)."""
    elapsed = elapsed_share(data.window_start, data.window_end, data.today)
    by_area: dict[int, list[ItemProjection]] = {a.id: [] for a in data.areas}
    sides = {a.id: a.side for a in data.areas}
    for item in data.items:
        if item.area_id in by_area:
            by_area[item.area_id].append(project_item(item, sides[item.area_id], data, elapsed))
    areas, extras = [], []
    for area in data.areas:
        items = tuple(by_area[area.id])
        figures = total_of(i.figures for i in items)
        if area.side == SCORE:
            areas.append(AreaProjection(area, Figures(area.max_points, figures.secured, figures.at_risk,
                                                      figures.lost, figures.on_plan, figures.at_pace), items))
        else:
            extras.append(AreaProjection(area, figures, items))
    total = total_of([a.figures for a in areas] + [e.figures for e in extras])
    projection = Projection(tuple(areas), tuple(extras), total, elapsed, data.on_time_rate)
    if not data.peers:
        return projection
    return Projection(projection.areas, projection.extras, total, elapsed, data.on_time_rate,
                      rank_of(total.on_plan, data.peers), rank_of(total.at_pace, data.peers), len(data.peers) + 1)


@dataclass(frozen=True)
class UnitShare:
    """The points that depend on one unit: the items it answers for (responsible unit) or whose tasks it leads."""

    unit_id: int
    figures: Figures
    items: tuple[ItemProjection, ...]


def shares(projection: Projection) -> list[UnitShare]:
    """Per unit, the points that depend on it, most at stake first. An item counts for each unit it depends on, so
    the units' figures do not add up to the total."""
    grouped: dict[int, list[ItemProjection]] = {}
    for item in projection.items:
        for unit_id in item.unit_ids:
            grouped.setdefault(unit_id, []).append(item)
    result = [UnitShare(unit_id, total_of(i.figures for i in items), tuple(items))
              for unit_id, items in grouped.items()]
    return sorted(result, key=lambda s: (-(s.figures.at_risk + s.figures.lost), -s.figures.max_points, s.unit_id))


def restrict(projection: Projection, unit_ids: set[int]) -> Projection:
    """The projection of only the items that depend on any of `unit_ids`: what a unit head answers for in a larger
    assessment. An area's maximum is then that of its items kept; there is no rank."""
    def kept(parts: tuple[AreaProjection, ...]) -> list[AreaProjection]:
        result = []
        for part in parts:
            items = tuple(i for i in part.items if i.unit_ids & unit_ids)
            if items:
                result.append(AreaProjection(part.area, total_of(i.figures for i in items), items))
        return result

    areas, extras = kept(projection.areas), kept(projection.extras)
    total = total_of([a.figures for a in areas] + [e.figures for e in extras])
    return Projection(tuple(areas), tuple(extras), total, projection.elapsed, projection.on_time_rate)


def share_of(projection: Projection, unit_ids: set[int]) -> UnitShare | None:
    """The points that depend on any of `unit_ids` (a unit and the units under it), counted once per item."""
    items = tuple(i for i in projection.items if i.unit_ids & unit_ids)
    if not items:
        return None
    return UnitShare(min(unit_ids), total_of(i.figures for i in items), items)
