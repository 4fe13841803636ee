"""The plan cascades (seed 004, IV.3): an issued plan asks each unit taking part for its own plan within a number of
days; each unit drafts it with its tasks pre-filled and linked to the plan's; the office sees who has sent theirs
and when; a unit task's progress rolls up to the task it carries out."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Avg, Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.log import record, record_create
from audit.models import AuditEntry
from org.models import Unit
from plans import actions
from plans.content import UnitPlanRequest
from plans.models import Plan, Section, Task
from workdays.services import get_calendar


def units_taking_part(plan: Plan) -> list[Unit]:
    """Units under the issuing unit that lead or coordinate one of the plan's tasks (the issuing unit itself aside)."""
    through_lead = Task.lead_units.through.objects.filter(task__plan=plan).values("unit_id")
    through_coord = Task.coordinating_units.through.objects.filter(task__plan=plan).values("unit_id")
    return list(Unit.objects.subtree_of(plan.issuing_unit).exclude(pk=plan.issuing_unit_id)
                .filter(Q(pk__in=through_lead) | Q(pk__in=through_coord)).order_by("path"))


def due_date(plan: Plan) -> date | None:
    """'trong thời gian 30 ngày kể từ ngày Giám đốc ký ban hành': calendar days from the issue date, moved back to
    the last working day when it falls on a day off (send before the day off)."""
    if not plan.unit_plan_days or not plan.issue_date:
        return None
    stated = plan.issue_date + timedelta(days=plan.unit_plan_days)
    calendar = get_calendar([stated.year - 1, stated.year, stated.year + 1])
    return calendar.last_working_day_on_or_before(stated)


@transaction.atomic
def request_unit_plans(*, by, plan: Plan) -> list[UnitPlanRequest]:
    """Asks each unit taking part for its plan by the plan's deadline; asking again adds units new since."""
    if plan.status != Plan.Status.ISSUED:
        raise ValidationError(_("Chỉ yêu cầu các đơn vị lập kế hoạch khi kế hoạch đã ban hành."))
    due = due_date(plan)
    if due is None:
        raise ValidationError(_("Nhập số ngày để các phòng, đơn vị gửi kế hoạch (trong nội dung kế hoạch)."))
    existing = set(plan.unit_requests.values_list("unit_id", flat=True))
    made = []
    for unit in units_taking_part(plan):
        if unit.pk in existing:
            continue
        made.append(UnitPlanRequest.objects.create(plan=plan, unit=unit, due_date=due))
    if made:
        record(by=by, obj=plan, action=AuditEntry.Action.OTHER, changes={"unit_requests": [None, len(made)]},
               note=_("Yêu cầu %(n)s phòng, đơn vị gửi kế hoạch của đơn vị trước ngày %(d)s")
               % {"n": len(made), "d": f"{due:%d/%m/%Y}"})
    return made


def unit_plan_of(request: UnitPlanRequest) -> Plan | None:
    return (Plan.objects.filter(parent_plan=request.plan_id, issuing_unit=request.unit_id)
            .exclude(status=Plan.Status.SUPERSEDED).order_by("-pk").first())


@dataclass
class RequestRow:
    request: UnitPlanRequest
    plan: Plan | None
    sent_at: datetime | None
    today: date

    @property
    def sent(self) -> bool:
        return self.sent_at is not None

    @property
    def on_time(self) -> bool | None:
        if self.sent_at is None:
            return None
        return timezone.localtime(self.sent_at).date() <= self.request.due_date

    @property
    def late(self) -> bool:
        return not self.sent and self.request.due_date < self.today


def request_rows(plan: Plan, today: date) -> list[RequestRow]:
    """Who was asked, who has sent their plan and when (in two queries)."""
    requests = list(plan.unit_requests.select_related("unit"))
    children: dict[int, Plan] = {}
    for child in (Plan.objects.filter(parent_plan=plan).exclude(status=Plan.Status.SUPERSEDED)
                  .order_by("pk")):
        children[child.issuing_unit_id] = child
    rows = []
    for request in requests:
        child = children.get(request.unit_id)
        sent = None
        if child is not None and child.status == Plan.Status.ISSUED:
            sent = child.issued_at or timezone.make_aware(datetime.combine(child.issue_date, datetime.min.time()))
        rows.append(RequestRow(request, child, sent, today))
    return rows


def pending_requests(unit_ids=None):
    """Requests of issued plans whose unit has not issued its own plan yet (optionally of these units only)."""
    sent = Plan.objects.filter(status=Plan.Status.ISSUED, parent_plan=OuterRef("plan"), issuing_unit=OuterRef("unit"))
    rows = UnitPlanRequest.objects.filter(plan__status=Plan.Status.ISSUED).exclude(Exists(sent))
    return rows if unit_ids is None else rows.filter(unit_id__in=unit_ids)


@transaction.atomic
def draft_unit_plan(*, by, request: UnitPlanRequest) -> Plan:
    """The unit's own plan (a draft) carrying out the parent plan: the tasks it leads or coordinates, in the parent's
    sections, each linked to the task it carries out, led by the unit."""
    existing = unit_plan_of(request)
    if existing is not None:
        return existing
    parent, unit = request.plan, request.unit
    plan = Plan.objects.create(
        issuing_unit=unit, created_by=by, parent_plan=parent, year=parent.year, kind=parent.kind,
        status=Plan.Status.DRAFT, title=_("Kế hoạch thực hiện %(title)s của %(unit)s")
        % {"title": parent.reference and f"Kế hoạch số {parent.reference}" or parent.title, "unit": unit.name},
        summary=parent.summary, place=parent.place)
    record_create(by=by, obj=plan, fields=actions.PLAN_FIELDS,
                  note=_("Lập theo yêu cầu của kế hoạch %(p)s") % {"p": parent.reference or parent.title})
    led = set(Task.lead_units.through.objects.filter(task__plan=parent, unit=unit).values_list("task_id", flat=True))
    coordinated = set(Task.coordinating_units.through.objects.filter(task__plan=parent, unit=unit)
                      .values_list("task_id", flat=True))
    wanted = led | coordinated
    sections: dict[int | None, Section | None] = {}
    calendar = get_calendar([plan.year - 1, plan.year, plan.year + 1])
    order = 0
    for task in (parent.tasks.filter(pk__in=wanted, is_heading=False).select_related("section")
                 .prefetch_related("lead_units").order_by("section__order", "order", "pk")):
        if task.section_id not in sections:
            source = task.section
            sections[task.section_id] = Section.objects.create(
                plan=plan, appendix_number=source.appendix_number if source else "",
                appendix_title=source.appendix_title if source else "", numeral=source.numeral if source else "",
                title=source.title if source else _("Nhiệm vụ được giao"), order=len(sections) + 1)
        order += 1
        role = _("chủ trì") if task.pk in led else _("phối hợp với %(lead)s") % {
            "lead": task.lead_text or "; ".join(u.name for u in task.lead_units.all())}
        child = Task(plan=plan, section=sections[task.section_id], code=task.code, order=order,
                     content=task.content, product=task.product, deadline_text=task.deadline_text,
                     lead_text=unit.name, method=_("Thực hiện nhiệm vụ %(code)s của kế hoạch cấp trên (%(role)s).")
                     % {"code": task.code, "role": role}, parent_task=task, event_date=task.event_date)
        actions.apply_deadline(child, calendar)
        child.save()
        child.lead_units.set([unit])
        child.criteria.set(task.criteria.all())
    record(by=by, obj=plan, action=AuditEntry.Action.OTHER, changes={"tasks": [None, order]},
           note=_("Nhiệm vụ đơn vị chủ trì hoặc phối hợp trong kế hoạch cấp trên"))
    return plan


def rollup(task: Task) -> dict | None:
    """The progress of the units' tasks carrying this one out: how many, done, mean progress; None if none."""
    figures = Task.objects.filter(parent_task=task, plan__status=Plan.Status.ISSUED).aggregate(
        count=Count("pk"), done=Count("pk", filter=Q(status=Task.Status.DONE)), mean=Avg("progress"))
    if not figures["count"]:
        return None
    return {"count": figures["count"], "done": figures["done"], "progress": round(figures["mean"] or 0)}
