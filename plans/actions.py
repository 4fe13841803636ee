"""Every write to plans and tasks: one transaction each, each with its audit entry."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from audit.log import diff, record, record_create, snapshot
from audit.models import AuditEntry
from plans.models import Evidence, Extension, PeriodReport, Plan, ReportPeriod, Section, Target, Task, TaskUpdate
from plans.numbering import parent_code
from workdays.deadlines import parse_deadline
from workdays.services import get_calendar

PLAN_FIELDS = ["issuing_unit", "number", "symbol", "title", "summary", "place", "issue_date", "year", "kind",
               "status", "signer_name", "signer_title", "recipients"]
TASK_FIELDS = ["code", "section", "content", "product", "deadline_text", "lead_text", "coordinating_text",
               "monitoring_text", "is_heading"]
TASK_STATE_FIELDS = ["status", "progress", "completed_on", "event_date", "due_date", "extended_due"]
HEADER_KEYS = ["number", "symbol", "title", "summary", "place", "issue_date", "year", "kind", "signer_name",
               "signer_title", "recipients"]


def apply_deadline(task: Task, calendar=None) -> None:
    """Reads task.deadline_text (and the recorded event date) into the structured fields; does not save."""
    calendar = calendar or get_calendar()
    deadline = parse_deadline(task.deadline_text, year=task.plan.year, calendar=calendar)
    if task.event_date:
        deadline = deadline.resolve(task.event_date, calendar)
    task.deadline_kind = deadline.kind
    task.deadline_flagged = deadline.flagged
    task.deadline_event = deadline.event[:500]
    task.deadline_offset = deadline.offset
    task.deadline_offset_unit = deadline.offset_unit
    task.deadline_recurrence = deadline.recurrence
    task.period_start = deadline.period_start
    task.period_end = deadline.period_end
    task.stated_due = deadline.stated_due
    task.due_date = deadline.due


@transaction.atomic
def create_plan(*, by, issuing_unit, **fields) -> Plan:
    plan = Plan.objects.create(issuing_unit=issuing_unit, created_by=by, **fields)
    record_create(by=by, obj=plan, fields=PLAN_FIELDS)
    return plan


@transaction.atomic
def update_plan(*, by, plan: Plan, **fields) -> Plan:
    before = snapshot(plan, PLAN_FIELDS)
    for name, value in fields.items():
        setattr(plan, name, value)
    plan.save()
    changes = diff(before, snapshot(plan, PLAN_FIELDS))
    if changes:
        record(by=by, obj=plan, action=AuditEntry.Action.UPDATE, changes=changes)
    return plan


@transaction.atomic
def add_section(*, by, plan: Plan, title: str, numeral: str = "", appendix_number: str = "",
                appendix_title: str = "") -> Section:
    order = plan.sections.count() + 1
    section = Section.objects.create(plan=plan, title=title, numeral=numeral, appendix_number=appendix_number,
                                     appendix_title=appendix_title, order=order)
    record_create(by=by, obj=section, fields=["plan", "appendix_number", "numeral", "title"])
    return section


@transaction.atomic
def add_task(*, by, plan: Plan, section: Section | None, code: str, content: str, product: str = "",
             deadline_text: str = "", lead_units=(), coordinating_units=(), monitoring_units=(),
             lead_text: str = "", coordinating_text: str = "", monitoring_text: str = "", is_heading: bool = False,
             calendar=None) -> Task:
    parent = _parent_for(plan, section, code)
    task = Task(plan=plan, section=section, code=code, content=content, product=product,
                deadline_text=deadline_text, lead_text=lead_text or _names(lead_units),
                coordinating_text=coordinating_text or _names(coordinating_units),
                monitoring_text=monitoring_text or _names(monitoring_units), is_heading=is_heading, parent=parent,
                order=plan.tasks.count() + 1)
    apply_deadline(task, calendar)
    task.save()
    task.lead_units.set(lead_units)
    task.coordinating_units.set(coordinating_units)
    task.monitoring_units.set(monitoring_units)
    record_create(by=by, obj=task, fields=TASK_FIELDS + ["due_date"])
    return task


def _names(units) -> str:
    return "; ".join(u.name for u in units)


def _parent_for(plan, section, code: str, known: dict | None = None):
    wanted = parent_code(code)
    if not wanted:
        return None
    if known is not None:
        return known.get(wanted)
    return Task.objects.filter(plan=plan, section=section, code=wanted).order_by("-order").first()


@transaction.atomic
def create_plan_with_tasks(*, by, issuing_unit, header: dict, appendices: list[dict]) -> Plan:
    """A whole plan at once, as the .docx importer reads it: header, appendices, sections, tasks. Audited."""
    fields = {k: header[k] for k in HEADER_KEYS if header.get(k) not in (None, "")}
    fields.setdefault("title", header.get("summary") or "Kế hoạch")
    fields["title"] = fields["title"][:500]
    if "year" not in fields:
        fields["year"] = (header.get("issue_date") or date.today()).year
    fields.setdefault("status", Plan.Status.ISSUED if header.get("issue_date") else Plan.Status.DRAFT)
    plan = Plan.objects.create(issuing_unit=issuing_unit, created_by=by, **fields)
    record_create(by=by, obj=plan, fields=PLAN_FIELDS, note="Nhập từ văn bản")
    calendar = get_calendar([plan.year - 1, plan.year, plan.year + 1])
    section_order = task_order = 0
    for appendix in appendices:
        for section_data in appendix.get("sections", []):
            section_order += 1
            section = Section.objects.create(
                plan=plan, appendix_number=str(appendix.get("number", ""))[:10],
                appendix_title=(appendix.get("title") or "")[:500], numeral=(section_data.get("numeral") or "")[:10],
                title=(section_data.get("title") or "")[:500], order=section_order)
            known: dict[str, Task] = {}
            for row in section_data.get("tasks", []):
                task_order += 1
                code = (row.get("code") or "").strip()[:20]
                task = Task(plan=plan, section=section, code=code, order=task_order,
                            content=row.get("content") or "", product=row.get("product") or "",
                            deadline_text=(row.get("deadline_text") or "")[:500],
                            lead_text=row.get("lead_text") or "", coordinating_text=row.get("coordinating_text") or "",
                            monitoring_text=row.get("monitoring_text") or "", is_heading=bool(row.get("is_heading")),
                            parent=_parent_for(plan, section, code, known))
                apply_deadline(task, calendar)
                task.save()
                task.lead_units.set(row.get("lead_units") or [])
                task.coordinating_units.set(row.get("coordinating_units") or [])
                task.monitoring_units.set(row.get("monitoring_units") or [])
                if code:
                    known[code] = task
    record(by=by, obj=plan, action=AuditEntry.Action.OTHER,
           changes={"sections": [None, section_order], "tasks": [None, task_order]},
           note="Tạo các mục và nhiệm vụ của phụ lục")
    return plan


@transaction.atomic
def set_targets(*, by, plan: Plan, rows: list[dict]) -> None:
    """Replaces the plan's targets with rows of {label, metric_key, comparison, value, unit_label}."""
    before = [str(t) for t in plan.targets.all()]
    plan.targets.all().delete()
    for order, row in enumerate(rows, start=1):
        Target.objects.create(plan=plan, order=order, **row)
    record(by=by, obj=plan, action=AuditEntry.Action.UPDATE,
           changes={"targets": [before, [r["label"] for r in rows]]})


@transaction.atomic
def add_target(*, by, plan: Plan, label: str, value, metric_key: str = "", comparison: str = "gte",
               unit_label: str = "%") -> Target:
    target = Target.objects.create(plan=plan, label=label, value=value, metric_key=metric_key, comparison=comparison,
                                   unit_label=unit_label, order=plan.targets.count() + 1)
    record_create(by=by, obj=target, fields=["plan", "label", "metric_key", "comparison", "value"])
    return target


@transaction.atomic
def add_report_period(*, by, plan: Plan, label: str, stated_due: date, calendar=None) -> ReportPeriod:
    calendar = calendar or get_calendar()
    period = ReportPeriod.objects.create(plan=plan, label=label, stated_due=stated_due,
                                         due_date=calendar.last_working_day_on_or_before(stated_due),
                                         order=plan.report_periods.count() + 1)
    record_create(by=by, obj=period, fields=["plan", "label", "stated_due", "due_date"])
    return period


@transaction.atomic
def post_update(*, by, task: Task, unit, kind: str, note: str, status: str = "", percent: int | None = None,
                files=(), today: date | None = None) -> TaskUpdate:
    """A lead unit's progress (moves the task's status and percent) or a coordinating unit's contribution."""
    update = TaskUpdate.objects.create(task=task, unit=unit, author=by, kind=kind, note=note, status=status,
                                       percent=percent)
    for upload in files:
        Evidence.objects.create(update=update, file=upload, name=upload.name[:255])
    record_create(by=by, obj=update, fields=["task", "unit", "kind", "status", "percent", "note"],
                  note="; ".join(f.name for f in files))
    if kind == TaskUpdate.Kind.PROGRESS:
        before = snapshot(task, TASK_STATE_FIELDS)
        if percent is not None:
            task.progress = percent
        if status:
            task.status = status
        if task.status == Task.Status.DONE:
            task.progress = 100
            task.completed_on = task.completed_on or today or timezone.localdate()
        else:
            task.completed_on = None
        task.save()
        changes = diff(before, snapshot(task, TASK_STATE_FIELDS))
        if changes:
            record(by=by, obj=task, action=AuditEntry.Action.STATUS, changes=changes)
        if task.status in (Task.Status.DONE, Task.Status.CANCELLED):
            cancel_pending_reminders(task)
    return update


@transaction.atomic
def return_update(*, by, update: TaskUpdate, reason: str) -> TaskUpdate:
    """The monitoring unit sends an update back (trả lại): the task goes back to in progress."""
    update.returned_at = timezone.now()
    update.returned_by = by
    update.return_reason = reason
    update.save()
    record(by=by, obj=update, action=AuditEntry.Action.STATUS, changes={"returned": [False, True]}, note=reason)
    task = update.task
    if update.kind == TaskUpdate.Kind.PROGRESS and task.status == Task.Status.DONE:
        before = snapshot(task, TASK_STATE_FIELDS)
        task.status = Task.Status.IN_PROGRESS
        task.completed_on = None
        task.save()
        record(by=by, obj=task, action=AuditEntry.Action.STATUS, changes=diff(before, snapshot(task, TASK_STATE_FIELDS)),
               note=reason)
    return update


@transaction.atomic
def record_event_date(*, by, task: Task, event_date: date) -> Task:
    """Dates a relative or on-instruction deadline ('20 ngày kể từ khi nhận được văn bản')."""
    before = snapshot(task, TASK_STATE_FIELDS)
    task.event_date = event_date
    apply_deadline(task)
    task.save()
    record(by=by, obj=task, action=AuditEntry.Action.UPDATE, changes=diff(before, snapshot(task, TASK_STATE_FIELDS)))
    return task


@transaction.atomic
def reassign_task(*, by, task: Task, lead_units, coordinating_units=None, monitoring_units=None) -> Task:
    """Changes who leads the task; reminders already planned for the former assignees are cancelled."""
    before = {"lead_units": sorted(str(u) for u in task.lead_units.all())}
    task.lead_units.set(lead_units)
    task.lead_text = _names(lead_units)
    if coordinating_units is not None:
        task.coordinating_units.set(coordinating_units)
    if monitoring_units is not None:
        task.monitoring_units.set(monitoring_units)
    task.save()
    record(by=by, obj=task, action=AuditEntry.Action.UPDATE,
           changes=diff(before, {"lead_units": sorted(str(u) for u in lead_units)}))
    cancel_pending_reminders(task)
    return task


def cancel_pending_reminders(task: Task) -> int:
    """Reminders not yet e-mailed stop being sent or shown once the task is finished or reassigned."""
    return task.notifications.filter(emailed_at__isnull=True, cancelled_at__isnull=True).update(
        cancelled_at=timezone.now())


@transaction.atomic
def request_extension(*, by, task: Task, unit, reason: str, new_due: date) -> Extension:
    extension = Extension.objects.create(task=task, unit=unit, requested_by=by, reason=reason,
                                         old_due=task.effective_due, new_due=new_due)
    record_create(by=by, obj=extension, fields=["task", "unit", "reason", "old_due", "new_due"])
    return extension


@transaction.atomic
def decide_extension(*, by, extension: Extension, approve: bool, note: str = "") -> Extension:
    """Approves or refuses; an approval moves the date that counts and keeps the plan's date beside it."""
    before = snapshot(extension, ["status", "decision_note"])
    extension.status = Extension.Status.APPROVED if approve else Extension.Status.REFUSED
    extension.decided_by = by
    extension.decided_at = timezone.now()
    extension.decision_note = note
    extension.save()
    record(by=by, obj=extension, action=AuditEntry.Action.STATUS,
           changes=diff(before, snapshot(extension, ["status", "decision_note"])))
    if approve:
        task = extension.task
        task_before = snapshot(task, TASK_STATE_FIELDS)
        task.extended_due = extension.new_due
        task.save()
        record(by=by, obj=task, action=AuditEntry.Action.UPDATE,
               changes=diff(task_before, snapshot(task, TASK_STATE_FIELDS)), note="Gia hạn")
        cancel_pending_reminders(task)
    return extension


@transaction.atomic
def submit_period_report(*, by, period: ReportPeriod, unit, text: str, upload=None,
                         today: date | None = None) -> PeriodReport:
    report, created = PeriodReport.objects.get_or_create(
        period=period, unit=unit,
        defaults={"submitted_by": by, "text": text, "submitted_on": today or timezone.localdate()})
    before = {} if created else snapshot(report, ["text", "file", "submitted_on"])
    if not created:
        report.text = text
        report.submitted_by = by
    if upload is not None:
        report.file = upload
    report.save()
    record(by=by, obj=report, action=AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE,
           changes=diff(before, snapshot(report, ["text", "file", "submitted_on"])))
    return report


@transaction.atomic
def link_criteria(*, by, task: Task, criteria) -> Task:
    """The framework criteria the task serves (tiêu chí), so evidence and scores can be traced back to it."""
    before = sorted(str(c) for c in task.criteria.all())
    task.criteria.set(criteria)
    after = sorted(str(c) for c in criteria)
    if before != after:
        record(by=by, obj=task, action=AuditEntry.Action.UPDATE, changes={"criteria": [before, after]})
    return task


@transaction.atomic
def update_task(*, by, task: Task, section, code: str, content: str, product: str, deadline_text: str, lead_units,
                coordinating_units, monitoring_units, is_heading: bool) -> Task:
    """Edits a row of the plan; a new deadline text is read again, new lead units cancel old reminders."""
    fields = TASK_FIELDS + ["due_date", "lead_units", "coordinating_units", "monitoring_units"]

    def state():
        data = snapshot(task, TASK_FIELDS + ["due_date"])
        for name in ("lead_units", "coordinating_units", "monitoring_units"):
            data[name] = sorted(str(u) for u in getattr(task, name).all())
        return data

    before = state()
    old_leads = {u.pk for u in task.lead_units.all()}
    task.section, task.code, task.content, task.product = section, code, content, product
    task.is_heading = is_heading
    task.parent = _parent_for(task.plan, section, code)
    if deadline_text != task.deadline_text:
        task.deadline_text = deadline_text
        task.event_date = None
    task.lead_text, task.coordinating_text = _names(lead_units), _names(coordinating_units)
    task.monitoring_text = _names(monitoring_units)
    apply_deadline(task)
    task.save()
    task.lead_units.set(lead_units)
    task.coordinating_units.set(coordinating_units)
    task.monitoring_units.set(monitoring_units)
    changes = diff(before, state())
    if changes:
        record(by=by, obj=task, action=AuditEntry.Action.UPDATE, changes={k: changes[k] for k in fields if k in changes})
    if old_leads != {u.pk for u in lead_units} or "due_date" in changes:
        cancel_pending_reminders(task)
    return task
