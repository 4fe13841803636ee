"""Everyone's to-do list (việc cần làm): what is waiting for this person, gathered from every app.

Core knows the kinds of work and how to show them, never the apps: each app's `inbox.py` (found by
`autodiscover`, like Django's admin modules) registers sources for the kinds it knows:

    from core.inbox import Item, source

    @source("decide", nav="plans:index", count=lambda user, today: waiting_for(user))  # a queryset, or None
    def extensions(user, today) -> list[Item]:
        return [Item(title=..., link=..., due=...)]

`items` builds the home page's list; `counts` the navigation's numbers, every source's rows counted in one
query (a source whose `count` answers None does not concern the person and costs nothing).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import IntegerField, Subquery
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _

# The kinds of work, in the order the home page lists them.
KINDS: dict[str, object] = {
    "returned": _("Trả lại để giải trình, bổ sung"),
    "decide": _("Chờ bạn quyết định"),
    "appraise": _("Chờ bạn thẩm định"),
    "task": _("Nhiệm vụ quá hạn và đến hạn trong 7 ngày làm việc"),
    "report": _("Báo cáo định kỳ phải gửi"),
    "unit_plan": _("Kế hoạch của đơn vị phải gửi"),
    "fix": _("Khắc phục tồn tại sau kiểm tra CCHC"),
    "assessment": _("Đánh giá CCHC đang thực hiện"),
    "survey": _("Phiếu lấy ý kiến chờ Anh/Chị trả lời"),
    "survey_close": _("Khảo sát đã qua ngày kết thúc, chưa đóng"),
    "export": _("Tệp đã xuất"),
}
# Shown on the home page per kind; the rest is one click away (Kind's `more`).
SHOWN = 8


@dataclass
class Item:
    """One thing to do: what, where to do it, by when, and a line of detail."""

    title: str
    link: str
    due: date | None = None
    detail: str = ""
    badge: str = ""  # a short state ('Quá hạn', 'Trả lại'); coloured by tone
    tone: str = "info"  # ok | warn | bad | info
    progress: dict | None = None  # for an assessment: {"scored", "evidenced", "missing", "total"}

    def overdue(self, today: date) -> bool:
        return self.due is not None and self.due < today


@dataclass
class Source:
    name: str
    kind: str
    items: Callable
    count: Callable | None
    nav: str | None = None  # the navigation entry (url name) whose number includes this source's count
    more: str | None = None  # url name of the full list


@dataclass
class Group:
    kind: str
    label: object
    items: list[Item] = field(default_factory=list)
    more: str | None = None

    @property
    def shown(self) -> list[Item]:
        return self.items[:SHOWN]

    @property
    def hidden(self) -> int:
        return max(0, len(self.items) - SHOWN)


_SOURCES: list[Source] = []


def source(kind: str, *, count: Callable | None = None, nav: str | None = None, more: str | None = None):
    """Registers a function(user, today) → list[Item] for one kind; `count(user, today)` → the queryset whose rows
    the navigation counts, or None when the kind is not this person's business. Without `count` the source is not
    counted."""
    if kind not in KINDS:
        raise ValueError(f"unknown inbox kind {kind!r}")

    def register(func: Callable) -> Callable:
        if func.__name__ not in [s.name for s in _SOURCES]:
            _SOURCES.append(Source(func.__name__, kind, func, count, nav, more))
        return func

    return register


def autodiscover() -> None:
    autodiscover_modules("inbox")


def items(user, today: date) -> list[Group]:
    """The person's to-do list by kind, in the kinds' order; kinds with nothing waiting left out."""
    groups: dict[str, Group] = {}
    for src in _SOURCES:
        found = src.items(user, today)
        if found:
            group = groups.setdefault(src.kind, Group(src.kind, KINDS[src.kind], more=src.more))
            group.items.extend(found)
            group.more = group.more or src.more
    for group in groups.values():
        group.items.sort(key=lambda item: (item.due is None, item.due or date.max))
    return [groups[kind] for kind in KINDS if kind in groups]


class RowCount(Subquery):
    """(SELECT COUNT(*) FROM (the queryset's distinct ids)): a queryset's size as a column of another query."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) counted)"
    output_field = IntegerField()

    def __init__(self, queryset):
        super().__init__(queryset.order_by().values("pk").distinct())


def counts(user, today: date) -> dict:
    """{"sources": {name: n}, "kinds": {kind: n}, "nav": {url name: n}, "total": n} over the sources that concern
    the person, counted in one query (the person's own row carries every count)."""
    wanted = {}
    for src in _SOURCES:
        queryset = src.count(user, today) if src.count is not None else None
        if queryset is not None:
            wanted[src.name] = (src, queryset)
    found: dict[str, int] = {}
    if wanted and getattr(user, "pk", None) is not None:
        row = get_user_model().objects.filter(pk=user.pk).values(
            **{f"n{i}": RowCount(queryset) for i, (_src, queryset) in enumerate(wanted.values())}).first() or {}
        found = {name: row.get(f"n{i}") or 0 for i, name in enumerate(wanted)}
    kinds: dict[str, int] = {}
    nav: dict[str, int] = {}
    for name, n in found.items():
        src = wanted[name][0]
        kinds[src.kind] = kinds.get(src.kind, 0) + n
        if src.nav:
            nav[src.nav] = nav.get(src.nav, 0) + n
    return {"sources": found, "kinds": kinds, "nav": nav, "total": sum(kinds.values())}
