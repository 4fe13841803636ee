"""Every write to plans and tasks: one transaction each, each with its audit entry."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import can
from audit.log import diff, record, record_create, record_create_many, record_delete, snapshot
from audit.models import AuditEntry
from plans import approvals
from plans.models import Evidence, Extension, PeriodReport, Plan, ReportPeriod, Section, Target, Task, TaskUpdate
from plans.numbering import parent_code
from plans.versions import claim
from workdays.deadlines import parse_deadline
from workdays.services import get_calendar

PLAN_FIELDS = ["issuing_unit", "number", "symbol", "title", "summary", "place", "issue_date", "year", "kind",
               "status", "signer_name", "signer_title", "recipients"]
TASK_FIELDS = ["code", "section", "content", "product", "deadline_text", "lead_text", "coordinating_text",
               "monitoring_text", "is_heading"]
TASK_STATE_FIELDS = ["status", "progress", "completed_on", "event_date", "due_date", "extended_due"]
SECTION_FIELDS = ["appendix_number", "appendix_title", "numeral", "title"]
TARGET_FIELDS = ["label", "metric_key", "comparison", "value", "value_to", "unit_label", "scope_share", "scope_label",
                 "change", "baseline_year", "baseline_value"]
# What an issued plan keeps as it was issued: who issued it, its number and date, its year.
FROZEN_WHEN_ISSUED = ["issuing_unit", "number", "symbol", "issue_date", "year"]
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
def update_plan(*, by, plan: Plan, version: int | None = None, **fields) -> Plan:
    """Edits the plan's header. An issued plan keeps its issuing unit, number, date and year, and never goes back
    to draft; a draft is issued only through issue_plan (which says what that fixes)."""
    problems = _plan_update_problems(plan, fields)
    if problems:
        raise ValidationError(problems)
    claim(plan, version)
    before = snapshot(plan, PLAN_FIELDS)
    for name, value in fields.items():
        setattr(plan, name, value)
    plan.save()
    changes = diff(before, snapshot(plan, PLAN_FIELDS))
    if changes:
        record(by=by, obj=plan, action=AuditEntry.Action.UPDATE, changes=changes)
    return plan


def _plan_update_problems(plan: Plan, fields: dict) -> list[str]:
    status = fields.get("status", plan.status)
    if plan.status == Plan.Status.DRAFT:
        if status != Plan.Status.DRAFT:
            return [_("Kế hoạch dự thảo được ban hành bằng nút “Ban hành kế hoạch”.")]
        return []
    problems = []
    if status == Plan.Status.DRAFT:
        problems.append(_("Kế hoạch đã ban hành không trở lại dự thảo được."))
    changed = [Plan._meta.get_field(name).verbose_name for name in FROZEN_WHEN_ISSUED
               if name in fields and fields[name] != getattr(plan, name)]
    if changed:
        problems.append(_("Kế hoạch đã ban hành không sửa được: %(fields)s.") % {"fields": ", ".join(map(str, changed))})
    return problems


def plan_history(plan: Plan) -> dict[str, int]:
    """What units have already written on the plan: progress updates, extension requests, periodic reports."""
    return {"updates": TaskUpdate.objects.filter(task__plan=plan).count(),
            "extensions": Extension.objects.filter(task__plan=plan).count(),
            "reports": PeriodReport.objects.filter(period__plan=plan).count()}


def task_history(tasks) -> dict[str, int]:
    """Progress updates and extension requests on these tasks (a queryset)."""
    return {"updates": TaskUpdate.objects.filter(task__in=tasks).count(),
            "extensions": Extension.objects.filter(task__in=tasks).count()}


@transaction.atomic
def issue_plan(*, by, plan: Plan, version: int | None = None, issue_date: date | None = None) -> Plan:
    """Issues a draft (ban hành): its tasks go to their units, reminders start, it counts in the on-time rate, and
    its issuing unit, number, date and year are fixed; it can no longer be deleted."""
    if plan.status != Plan.Status.DRAFT:
        raise ValidationError(_("Kế hoạch này đã được ban hành."))
    claim(plan, version)
    before = snapshot(plan, ["status", "issue_date"])
    plan.status = Plan.Status.ISSUED
    plan.issue_date = issue_date or plan.issue_date or timezone.localdate()
    plan.issued_at = timezone.now()
    plan.save(update_fields=["status", "issue_date", "issued_at", "version"])
    record(by=by, obj=plan, action=AuditEntry.Action.STATUS, changes=diff(before, snapshot(plan, ["status", "issue_date"])),
           note=_("Ban hành kế hoạch"))
    if plan.unit_plan_days:
        from plans.cascade import request_unit_plans

        request_unit_plans(by=by, plan=plan)
    return plan


@transaction.atomic
def delete_plan(*, by, plan: Plan, version: int | None = None) -> None:
    """Deletes a draft with its sections, tasks, targets and report periods. An issued plan, or one on which units
    have already written, is never deleted (mark it superseded instead)."""
    if plan.status != Plan.Status.DRAFT:
        raise ValidationError(_("Kế hoạch đã ban hành không xóa được; có thể chuyển sang “Đã được thay thế”."))
    if any(plan_history(plan).values()):
        raise ValidationError(_("Các đơn vị đã cập nhật tiến độ, đề nghị gia hạn hoặc gửi báo cáo trên kế hoạch này: "
                                "không xóa được."))
    claim(plan, version)
    record_delete(by=by, obj=plan, fields=PLAN_FIELDS,
                  note=_("%(sections)s mục, %(tasks)s nhiệm vụ") % {"sections": plan.sections.count(),
                                                                    "tasks": plan.tasks.count()})
    plan.delete()


@transaction.atomic
def update_section(*, by, section: Section, version: int | None = None, **fields) -> Section:
    claim(section, version)
    before = snapshot(section, SECTION_FIELDS)
    for name, value in fields.items():
        setattr(section, name, value)
    section.save()
    changes = diff(before, snapshot(section, SECTION_FIELDS))
    if changes:
        record(by=by, obj=section, action=AuditEntry.Action.UPDATE, changes=changes)
    return section


@transaction.atomic
def delete_section(*, by, section: Section, version: int | None = None) -> None:
    """Deletes a section and its tasks, unless units have already reported on one of them."""
    tasks = section.tasks.all()
    if any(task_history(tasks).values()):
        raise ValidationError(_("Đã có cập nhật tiến độ hoặc đề nghị gia hạn trên nhiệm vụ của mục này: không xóa "
                                "được. Có thể chuyển các nhiệm vụ sang “Không thực hiện”."))
    claim(section, version)
    for task in tasks:
        record_delete(by=by, obj=task, fields=TASK_FIELDS + ["due_date"], note=_("Xóa cùng mục %(s)s") % {"s": section})
    record_delete(by=by, obj=section, fields=["plan", *SECTION_FIELDS])
    section.delete()


@transaction.atomic
def update_target(*, by, target: Target, version: int | None = None, **fields) -> Target:
    claim(target, version)
    before = snapshot(target, TARGET_FIELDS)
    for name, value in fields.items():
        setattr(target, name, value)
    target.save()
    changes = diff(before, snapshot(target, TARGET_FIELDS))
    if changes:
        record(by=by, obj=target, action=AuditEntry.Action.UPDATE, changes=changes)
    return target


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


# What a row may also carry (the .docx importer reads them): set on the task as given.
ROW_EXTRAS = ("method", "footnotes", "outside_participants", "needs_units", "event_date")


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
    # A plan of thousands of tasks in a few statements: sections, tasks, their units and their audit entries
    # each go in with one bulk insert (parents are set once every task has its id).
    sections, rows = [], []
    for appendix in appendices:
        for section_data in appendix.get("sections", []):
            section = Section(
                plan=plan, appendix_number=str(appendix.get("number", ""))[:10],
                appendix_title=(appendix.get("title") or "")[:500], numeral=(section_data.get("numeral") or "")[:10],
                title=(section_data.get("title") or "")[:500], order=len(sections) + 1)
            sections.append(section)
            rows.extend((section, row) for row in section_data.get("tasks", []))
    Section.objects.bulk_create(sections)
    tasks, parents, known, known_section = [], [], {}, None
    for order, (section, row) in enumerate(rows, start=1):
        if section is not known_section:
            known, known_section = {}, section
        code = (row.get("code") or "").strip()[:20]
        task = Task(plan=plan, section=section, code=code, order=order,
                    content=row.get("content") or "", product=row.get("product") or "",
                    deadline_text=(row.get("deadline_text") or "")[:500],
                    lead_text=row.get("lead_text") or "", coordinating_text=row.get("coordinating_text") or "",
                    monitoring_text=row.get("monitoring_text") or "", is_heading=bool(row.get("is_heading")))
        for name in ROW_EXTRAS:
            if name in row:
                setattr(task, name, row[name])
        apply_deadline(task, calendar)
        tasks.append(task)
        parents.append(_parent_for(plan, section, code, known))
        if code:
            known[code] = task
    Task.objects.bulk_create(tasks, batch_size=500)
    for task, parent in zip(tasks, parents, strict=True):
        task.parent = parent
    Task.objects.bulk_update([t for t in tasks if t.parent is not None], ["parent"], batch_size=500)
    for role in ("lead_units", "coordinating_units", "monitoring_units"):
        through = getattr(Task, role).through
        links = {(task.pk, getattr(unit, "pk", unit)) for task, (_, row) in zip(tasks, rows, strict=True)
                 for unit in row.get(role) or []}
        through.objects.bulk_create([through(task_id=task_id, unit_id=unit_id) for task_id, unit_id in sorted(links)],
                                    batch_size=1000)
    record_create_many(by=by, objs=tasks, fields=TASK_FIELDS + ["due_date"], unit=issuing_unit,
                       note="Nhập từ văn bản")
    record(by=by, obj=plan, action=AuditEntry.Action.OTHER,
           changes={"sections": [None, len(sections)], "tasks": [None, len(tasks)]},
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
               unit_label: str = "%", **extra) -> Target:
    """extra: the compound and relative parts (value_to, scope_share, scope_label, change, baseline_year,
    baseline_value)."""
    extra = {k: v for k, v in extra.items() if k in TARGET_FIELDS}
    target = Target.objects.create(plan=plan, label=label, value=value, metric_key=metric_key, comparison=comparison,
                                   unit_label=unit_label, order=plan.targets.count() + 1, **extra)
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
                files=(), today: date | None = None, version: int | None = None) -> TaskUpdate:
    """A lead unit's progress (moves the task's status and percent) or a coordinating unit's contribution. Progress
    carries the task's version: a report written on a task someone changed meanwhile is refused (StaleEdit)."""
    if kind == TaskUpdate.Kind.PROGRESS:
        claim(task, version)
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
        task.save(update_fields=["status", "progress", "completed_on", "version", "updated_at"])
        changes = diff(before, snapshot(task, TASK_STATE_FIELDS))
        if changes:
            record(by=by, obj=task, action=AuditEntry.Action.STATUS, changes=changes)
        if task.status in (Task.Status.DONE, Task.Status.CANCELLED):
            cancel_pending_reminders(task)
            _withdraw_pending_extensions(task, by)
    return update


def _withdraw_pending_extensions(task: Task, by) -> None:
    """A finished task has no deadline left to move: requests still waiting are closed, not left to be approved."""
    for extension in task.extensions.filter(status=Extension.Status.PENDING):
        extension.status = Extension.Status.WITHDRAWN
        extension.decided_at = timezone.now()
        extension.decision_note = _("Nhiệm vụ đã kết thúc trước khi đề nghị được xét.")
        extension.save(update_fields=["status", "decided_at", "decision_note"])
        record(by=by, obj=extension, action=AuditEntry.Action.STATUS,
               changes={"status": [Extension.Status.PENDING, Extension.Status.WITHDRAWN]},
               note=extension.decision_note)


@transaction.atomic
def return_update(*, by, update: TaskUpdate, reason: str) -> TaskUpdate:
    """The monitoring unit sends an update back (trả lại): the task goes back to in progress. Nobody sends back
    their own update or their own unit's (PermissionDenied); an update is sent back once (ValidationError)."""
    from plans.access import rights_on

    task = update.task
    if not rights_on(by, task).may_monitor:
        raise PermissionDenied("task.monitor")
    refusal = approvals.why_not_return(by, update)
    if refusal:
        raise PermissionDenied(refusal)
    now = timezone.now()
    if not TaskUpdate.objects.filter(pk=update.pk, returned_at__isnull=True).update(
            returned_at=now, returned_by=by, return_reason=reason):
        raise ValidationError(_("Cập nhật này đã được trả lại trước đó."))
    update.returned_at, update.returned_by, update.return_reason = now, by, reason
    record(by=by, obj=update, action=AuditEntry.Action.STATUS, changes={"returned": [False, True]}, note=reason)
    if update.kind == TaskUpdate.Kind.PROGRESS and task.status == Task.Status.DONE:
        claim(task, None)
        before = snapshot(task, TASK_STATE_FIELDS)
        task.status = Task.Status.IN_PROGRESS
        task.completed_on = None
        task.save(update_fields=["status", "completed_on", "version", "updated_at"])
        record(by=by, obj=task, action=AuditEntry.Action.STATUS, changes=diff(before, snapshot(task, TASK_STATE_FIELDS)),
               note=reason)
    return update


@transaction.atomic
def record_event_date(*, by, task: Task, event_date: date, version: int | None = None) -> Task:
    """Dates a relative or on-instruction deadline ('20 ngày kể từ khi nhận được văn bản')."""
    claim(task, version)
    before = snapshot(task, TASK_STATE_FIELDS)
    task.event_date = event_date
    apply_deadline(task)
    task.save()
    record(by=by, obj=task, action=AuditEntry.Action.UPDATE, changes=diff(before, snapshot(task, TASK_STATE_FIELDS)))
    return task


@transaction.atomic
def reassign_task(*, by, task: Task, lead_units, coordinating_units=None, monitoring_units=None,
                  version: int | None = None) -> Task:
    """Changes who leads the task; reminders already planned for the former assignees are cancelled."""
    claim(task, version)
    before = {"lead_units": sorted(str(u) for u in task.lead_units.all())}
    task.lead_units.set(lead_units)
    task.lead_text = _names(lead_units)
    if coordinating_units is not None:
        task.coordinating_units.set(coordinating_units)
    if monitoring_units is not None:
        task.monitoring_units.set(monitoring_units)
    task.save(update_fields=["lead_text", "version", "updated_at"])
    record(by=by, obj=task, action=AuditEntry.Action.UPDATE,
           changes=diff(before, {"lead_units": sorted(str(u) for u in lead_units)}))
    cancel_pending_reminders(task)
    return task


def cancel_pending_reminders(task: Task) -> int:
    """Reminders not yet e-mailed stop being sent or shown once the task is finished or reassigned."""
    return task.notifications.filter(emailed_at__isnull=True, cancelled_at__isnull=True).update(
        cancelled_at=timezone.now())


@transaction.atomic
def request_extension(*, by, task: Task, unit, reason: str, new_due: date,
                      today: date | None = None) -> Extension:
    """A lead unit asks to move the task's date (đề nghị gia hạn). Refused (ValidationError) on a finished task, for
    a date not after the current one, already past or beyond the year after the plan's, or while another request
    waits. The request names who decides it (approvals.approver_unit_for)."""
    if not (task.lead_units.filter(pk=unit.pk).exists() and can(by, "task.report", unit)):
        raise PermissionDenied("task.report")
    problem = approvals.extension_problem(task, new_due, today or timezone.localdate())
    if problem:
        raise ValidationError({"new_due": problem})
    if task.extensions.filter(status=Extension.Status.PENDING).exists():
        raise ValidationError(_("Nhiệm vụ đã có một đề nghị gia hạn đang chờ duyệt."))
    extension = Extension.objects.create(task=task, unit=unit, requested_by=by, reason=reason,
                                         old_due=task.effective_due, new_due=new_due,
                                         approver_unit=approvals.approver_unit_for(task, unit))
    record_create(by=by, obj=extension, fields=["task", "unit", "reason", "old_due", "new_due", "approver_unit"])
    return extension


@transaction.atomic
def decide_extension(*, by, extension: Extension, approve: bool, note: str = "") -> Extension:
    """Approves or refuses; an approval moves the date that counts and keeps the plan's date beside it.

    Four eyes: the requester and the unit asking never decide, only those approvals.why_not_decide lets through
    (PermissionDenied). An approval is refused (ValidationError) once the task is finished or when the date no
    longer moves it later or goes beyond the year after the plan's; a refusal is always possible."""
    refusal = approvals.why_not_decide(by, extension)
    if refusal:
        raise PermissionDenied(refusal)
    task = extension.task
    if approve:
        problem = approvals.extension_problem(task, extension.new_due, timezone.localdate(), deciding=True)
        if problem:
            raise ValidationError(problem)
    status = Extension.Status.APPROVED if approve else Extension.Status.REFUSED
    now = timezone.now()
    if not Extension.objects.filter(pk=extension.pk, status=Extension.Status.PENDING).update(
            status=status, decided_by=by, decided_at=now, decision_note=note):
        raise ValidationError(_("Đề nghị này đã được xử lý."))
    before = snapshot(extension, ["status", "decision_note"])
    extension.status, extension.decided_by, extension.decided_at, extension.decision_note = status, by, now, note
    record(by=by, obj=extension, action=AuditEntry.Action.STATUS,
           changes=diff(before, snapshot(extension, ["status", "decision_note"])))
    if approve:
        claim(task, None)
        task_before = snapshot(task, TASK_STATE_FIELDS)
        task.extended_due = extension.new_due
        task.save(update_fields=["extended_due", "version", "updated_at"])
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
    after = sorted(str(c) for c in criteria)
    if before != after:
        claim(task, None)
        task.criteria.set(criteria)
        record(by=by, obj=task, action=AuditEntry.Action.UPDATE, changes={"criteria": [before, after]})
    return task


@transaction.atomic
def update_task(*, by, task: Task, section, code: str, content: str, product: str, deadline_text: str, lead_units,
                coordinating_units, monitoring_units, is_heading: bool, version: int | None = None) -> Task:
    """Edits a row of the plan; a new deadline text is read again, new lead units cancel old reminders. A save
    from a version someone else has moved on is refused (StaleEdit) and changes nothing."""
    fields = TASK_FIELDS + ["due_date", "lead_units", "coordinating_units", "monitoring_units"]

    def state():
        data = snapshot(task, TASK_FIELDS + ["due_date"])
        for name in ("lead_units", "coordinating_units", "monitoring_units"):
            data[name] = sorted(str(u) for u in getattr(task, name).all())
        return data

    claim(task, version)
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


def descendants(task: Task) -> list[Task]:
    """The task's sub-tasks at every depth (1.2 → 1.2.1, 1.2.1.3 …), which go with it when it is deleted."""
    children: dict[int | None, list[Task]] = {}
    for row in Task.objects.filter(plan_id=task.plan_id).only("pk", "parent_id", "code", "content", "order"):
        children.setdefault(row.parent_id, []).append(row)
    found, frontier = [], list(children.get(task.pk, []))
    while frontier:
        row = frontier.pop(0)
        found.append(row)
        frontier.extend(children.get(row.pk, []))
    return found


@transaction.atomic
def delete_task(*, by, task: Task, version: int | None = None) -> None:
    """Deletes a row of the plan with its sub-tasks, unless a unit has already reported on one of them (then it is
    marked 'Không thực hiện' instead)."""
    rows = [task, *descendants(task)]
    if any(task_history(Task.objects.filter(pk__in=[t.pk for t in rows])).values()):
        raise ValidationError(_("Đã có cập nhật tiến độ hoặc đề nghị gia hạn trên nhiệm vụ này: không xóa được. "
                                "Có thể chuyển nhiệm vụ sang “Không thực hiện”."))
    claim(task, version)
    for row in rows[1:]:
        record_delete(by=by, obj=row, fields=["code", "content"], unit=task.plan.issuing_unit,
                      note=_("Xóa cùng nhiệm vụ %(code)s") % {"code": task.code})
    record_delete(by=by, obj=task, fields=TASK_FIELDS + ["due_date"])
    Task.objects.filter(Q(pk=task.pk) | Q(pk__in=[t.pk for t in rows[1:]])).delete()
