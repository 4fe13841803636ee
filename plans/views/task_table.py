"""The task table of the plan page: a plan of any size opens in a fixed number of queries and a bounded number of
rows. Up to ROWS_PER_PAGE rows are shown at once; past that, each section shows its row count and opens on demand
(an htmx fragment, a page of rows at a time), and the whole plan stays one click away on its printable page."""

from collections import OrderedDict
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from plans.access import get_plan_for
from plans.models import Plan, Section, Task

ROWS_PER_PAGE = 200
# What a row of the table shows (plans/_plan_row.html), and nothing more: a plan's rows carry long texts.
ROW_FIELDS = ["id", "plan_id", "section_id", "code", "order", "is_heading", "content", "product", "lead_text",
              "coordinating_text", "monitoring_text", "deadline_text", "deadline_kind", "deadline_flagged",
              "deadline_event", "stated_due", "due_date", "extended_due", "status", "progress"]
LOOSE = 0  # the key of the tasks outside any section


@dataclass
class SectionRows:
    """A section of the table: its row count and, when shown, its first rows (more: whether others follow)."""

    section: Section | None
    task_count: int
    rows: list | None = None
    more: bool = False

    @property
    def key(self) -> int:
        return self.section.pk if self.section is not None else LOOSE


@dataclass
class TaskTable:
    appendices: OrderedDict = field(default_factory=OrderedDict)  # (number, title) → [SectionRows]
    loose: SectionRows | None = None
    stats: dict = field(default_factory=dict)
    collapsed: bool = False  # sections beyond the first are shown closed


def _rows(plan: Plan, key: int, start: int, today) -> tuple[list, bool]:
    """A page of rows of one section (or of the tasks outside any) from `start`, and whether more follow."""
    limit = ROWS_PER_PAGE
    tasks = Task.objects.filter(plan=plan).only(*ROW_FIELDS).order_by("order", "pk")
    tasks = tasks.filter(section__isnull=True) if key == LOOSE else tasks.filter(section_id=key)
    rows = list(tasks[start:start + limit + 1])
    for task in rows:
        task.overdue = task.is_overdue(today)
    return rows[:limit], len(rows) > limit


def _stats(plan: Plan, today) -> dict:
    counted = Q(is_heading=False)
    still_open = counted & Q(status__in=[Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS])
    return Task.objects.filter(plan=plan).annotate(effective=Coalesce("extended_due", "due_date")).aggregate(
        rows=Count("pk"), loose=Count("pk", filter=Q(section__isnull=True)), total=Count("pk", filter=counted),
        done=Count("pk", filter=counted & Q(status=Task.Status.DONE)),
        overdue=Count("pk", filter=still_open & Q(effective__lt=today)))


def task_table(plan: Plan, today) -> TaskTable:
    """The sections with their row counts and the rows shown at first: every row of a plan of up to
    ROWS_PER_PAGE rows, else the first section's first page. Four queries, whatever the plan's size."""
    stats = _stats(plan, today)
    sections = [SectionRows(s, s.task_count) for s in
                plan.sections.annotate(task_count=Count("tasks")).order_by("order", "pk")]
    loose = SectionRows(None, stats["loose"]) if stats["loose"] else None
    table = TaskTable(loose=loose, stats=stats, collapsed=stats["rows"] > ROWS_PER_PAGE)
    shown = [*sections, *([loose] if loose else [])]
    if not table.collapsed:
        rows = _rows_of_plan(plan, today)
        for part in shown:
            part.rows = rows.get(part.key, [])
    elif shown:
        first = next((part for part in shown if part.task_count), shown[0])
        first.rows, first.more = _rows(plan, first.key, 0, today)
    for part in sections:
        table.appendices.setdefault((part.section.appendix_number, part.section.appendix_title), []).append(part)
    return table


def _rows_of_plan(plan: Plan, today) -> dict:
    """Every row of a small plan, by section key."""
    by_section: dict = {}
    tasks = Task.objects.filter(plan=plan).only(*ROW_FIELDS).order_by("order", "pk")
    for task in tasks:
        task.overdue = task.is_overdue(today)
        by_section.setdefault(task.section_id or LOOSE, []).append(task)
    return by_section


def section_rows(request, pk):
    """A page of one section's rows (htmx fragment; ?muc=<section>, 0 for the tasks outside any, &tu=<first row>)."""
    plan = get_plan_for(request.user, pk)
    key, start = _number(request.GET.get("muc")), _number(request.GET.get("tu"))
    if key != LOOSE and not plan.sections.filter(pk=key).exists():
        raise Http404
    rows, more = _rows(plan, key, start, timezone.localdate())
    return render(request, "plans/_section_rows.html", {
        "plan": plan, "rows": rows, "more": more, "key": key, "next": start + len(rows)})


def plan_print(request, pk):
    """The whole plan on one page, every row, laid out for printing: the table's sections all open."""
    plan = get_plan_for(request.user, pk)
    today = timezone.localdate()
    stats = _stats(plan, today)
    rows = _rows_of_plan(plan, today)
    table = TaskTable(stats=stats)
    for section in plan.sections.order_by("order", "pk"):
        part = SectionRows(section, len(rows.get(section.pk, [])), rows.get(section.pk, []))
        table.appendices.setdefault((section.appendix_number, section.appendix_title), []).append(part)
    if rows.get(LOOSE):
        table.loose = SectionRows(None, len(rows[LOOSE]), rows[LOOSE])
    return render(request, "plans/plan_print.html", {"plan": plan, "task_table": table, "stats": stats})


def _number(text) -> int:
    text = text or ""
    return int(text) if text.isascii() and text.isdigit() and len(text) < 10 else 0
