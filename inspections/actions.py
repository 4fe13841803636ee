"""Every write of the inspections: one transaction each, with its audit entry (audit.log). Views check the person's
role through inspections.access; actions check what the state allows (a fix is reported once open, confirmed once
reported, never by whoever reported it) and the versions edit forms were read at (core.versions)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments import evidence as evidence_checks
from audit.log import diff, record, record_create, record_delete, snapshot
from core.versions import claim
from inspections.models import Finding, Fix, Inspection, InspectionPlan
from workdays.deadlines import RELATIVE, parse_deadline
from workdays.services import get_calendar


class ConflictOfInterest(ValidationError):
    """The person may not confirm what they reported themselves (four eyes); the message says why."""


PLAN_FIELDS = ["year", "issuing_unit", "title", "decision", "decision_date", "target_percent", "note"]
INSPECTION_FIELDS = ["unit", "kind", "planned_date", "actual_date", "team", "conclusion", "conclusion_ref"]
REPORT_FIELDS = ["status", "report_note", "reported_on", "evidence_name", "evidence_sha256"]
VERIFY_FIELDS = ["status", "verify_note", "verified_by", "verified_at"]


@transaction.atomic
def create_plan(*, by, year: int, issuing_unit, title: str, decision: str = "", decision_date=None,
                target_percent=50, note: str = "") -> InspectionPlan:
    plan = InspectionPlan.objects.create(year=year, issuing_unit=issuing_unit, title=title.strip(),
                                         decision=decision.strip(), decision_date=decision_date,
                                         target_percent=target_percent, note=note.strip(), created_by=by)
    record_create(by=by, obj=plan, fields=PLAN_FIELDS)
    return plan


@transaction.atomic
def update_plan(plan: InspectionPlan, *, by, version: int | None = None, **values) -> InspectionPlan:
    """Saves the plan's header; a form read at an older version is refused (core.versions.StaleEdit)."""
    before = snapshot(plan, PLAN_FIELDS)
    claim(plan, version)
    for name, value in values.items():
        setattr(plan, name, value.strip() if isinstance(value, str) else value)
    plan.save()
    changes = diff(before, snapshot(plan, PLAN_FIELDS))
    if changes:
        record(by=by, obj=plan, action="update", changes=changes)
    return plan


def _check_unit(plan: InspectionPlan, unit) -> None:
    if unit.pk == plan.issuing_unit_id or not unit.path.startswith(plan.issuing_unit.path):
        raise ValidationError({"unit": _("Chỉ kiểm tra được các phòng, đơn vị thuộc %(unit)s.")
                               % {"unit": plan.issuing_unit.name}})


def _check_dates(plan: InspectionPlan, planned_date, actual_date, today: date) -> None:
    for name, day in (("planned_date", planned_date), ("actual_date", actual_date)):
        if day is not None and day.year != plan.year:
            raise ValidationError({name: _("Ngày phải thuộc năm %(year)s của kế hoạch.") % {"year": plan.year}})
    if actual_date is not None and actual_date > today:
        raise ValidationError({"actual_date": _("Ngày kiểm tra chưa đến: ghi ngày kiểm tra sau khi đã kiểm tra, "
                                                "hoặc ghi vào ngày dự kiến.")})


def clean_team(lines) -> list[str]:
    """One member a line, as written (outside bodies kept by name): blank lines and repeats dropped."""
    members: list[str] = []
    for line in lines if isinstance(lines, (list, tuple)) else str(lines or "").splitlines():
        name = " ".join(str(line).split())[:200]
        if name and name not in members:
            members.append(name)
    return members


@transaction.atomic
def add_inspection(plan: InspectionPlan, *, by, unit, kind: str = Inspection.Kind.PLANNED, planned_date=None,
                   actual_date=None, team=(), conclusion: str = "", conclusion_ref: str = "",
                   today: date | None = None) -> Inspection:
    """A unit to inspect (planned, with its planned date) or inspected without notice (đột xuất, with its date)."""
    _check_unit(plan, unit)
    _check_dates(plan, planned_date, actual_date, today or timezone.localdate())
    if kind == Inspection.Kind.UNANNOUNCED and actual_date is None:
        raise ValidationError({"actual_date": _("Kiểm tra đột xuất: hãy ghi ngày đã kiểm tra.")})
    if kind == Inspection.Kind.PLANNED and planned_date is None and actual_date is None:
        raise ValidationError({"planned_date": _("Hãy ghi ngày dự kiến kiểm tra.")})
    inspection = Inspection.objects.create(plan=plan, unit=unit, kind=kind, planned_date=planned_date,
                                           actual_date=actual_date, team=clean_team(team),
                                           conclusion=conclusion.strip(), conclusion_ref=conclusion_ref.strip())
    record_create(by=by, obj=inspection, fields=INSPECTION_FIELDS)
    return inspection


@transaction.atomic
def update_inspection(inspection: Inspection, *, by, version: int | None = None, today: date | None = None,
                      **values) -> Inspection:
    """Records what happened (the date, the team, the conclusion) or moves the planned date."""
    plan = inspection.plan
    if "unit" in values:
        _check_unit(plan, values["unit"])
    planned = values.get("planned_date", inspection.planned_date)
    actual = values.get("actual_date", inspection.actual_date)
    _check_dates(plan, planned, actual, today or timezone.localdate())
    kind = values.get("kind", inspection.kind)
    if kind == Inspection.Kind.UNANNOUNCED and actual is None:
        raise ValidationError({"actual_date": _("Kiểm tra đột xuất: hãy ghi ngày đã kiểm tra.")})
    if actual is None and inspection.findings.exists():
        raise ValidationError({"actual_date": _("Cuộc kiểm tra đã có tồn tại được ghi: không bỏ ngày kiểm tra được.")})
    before = snapshot(inspection, INSPECTION_FIELDS)
    claim(inspection, version)
    for name, value in values.items():
        if name == "team":
            value = clean_team(value)
        setattr(inspection, name, value.strip() if isinstance(value, str) else value)
    inspection.save()
    changes = diff(before, snapshot(inspection, INSPECTION_FIELDS))
    if changes:
        record(by=by, obj=inspection, action="update", changes=changes)
    return inspection


@transaction.atomic
def delete_inspection(inspection: Inspection, *, by) -> None:
    """Removes an inspection recorded by mistake, with its findings and fixes (their count kept in the trail)."""
    fixes = Fix.objects.filter(finding__inspection=inspection).count()
    record_delete(by=by, obj=inspection, fields=["unit", "kind", "planned_date", "actual_date"],
                  note=f"{inspection.findings.count()} tồn tại, {fixes} yêu cầu khắc phục")
    inspection.delete()


@transaction.atomic
def add_finding(inspection: Inspection, *, by, text: str) -> Finding:
    if not inspection.is_done:
        raise ValidationError(_("Hãy ghi ngày kiểm tra trước khi ghi tồn tại, hạn chế."))
    if not text.strip():
        raise ValidationError({"text": _("Hãy ghi nội dung tồn tại, hạn chế.")})
    order = (inspection.findings.order_by("-order").values_list("order", flat=True).first() or 0) + 1
    finding = Finding.objects.create(inspection=inspection, text=text.strip(), order=order)
    record_create(by=by, obj=finding, fields=["inspection", "text"])
    return finding


def fix_due(inspection: Inspection, deadline_text: str, due_date: date | None = None, calendar=None) -> date:
    """The date a fix is due: a date typed in, else the deadline as written ("Trong thời hạn 15 ngày làm việc kể từ
    ngày kiểm tra", "Trước ngày 30/09/2024") read on the working-day calendar, a relative one counted from the
    inspection's date; a day off moves to the working day before. Raises a Vietnamese ValidationError otherwise."""
    calendar = calendar or get_calendar(range(inspection.plan.year - 1, inspection.plan.year + 3))
    if due_date is not None:
        due = calendar.last_working_day_on_or_before(due_date)
    else:
        deadline = parse_deadline(deadline_text, year=inspection.plan.year, calendar=calendar)
        if deadline.kind == RELATIVE and deadline.due is None and inspection.actual_date and deadline.offset:
            deadline = deadline.resolve(inspection.actual_date, calendar)
        if deadline.due is None or deadline.flagged:
            raise ValidationError({"due_date": _("Chưa hiểu được thời hạn “%(text)s”: hãy ghi hạn khắc phục cụ thể.")
                                   % {"text": deadline_text.strip()[:100]}})
        due = deadline.due
    if inspection.actual_date and due < inspection.actual_date:
        raise ValidationError({"due_date": _("Hạn khắc phục phải sau ngày kiểm tra (%(day)s).")
                               % {"day": f"{inspection.actual_date:%d/%m/%Y}"}})
    return due


@transaction.atomic
def add_fix(finding: Finding, *, by, text: str, deadline_text: str = "", due_date: date | None = None,
            calendar=None) -> Fix:
    """A fix the inspection requires of the unit, by a deadline (see fix_due)."""
    if not text.strip():
        raise ValidationError({"text": _("Hãy ghi nội dung yêu cầu khắc phục.")})
    if not deadline_text.strip() and due_date is None:
        raise ValidationError({"deadline_text": _("Hãy ghi thời hạn khắc phục.")})
    due = fix_due(finding.inspection, deadline_text, due_date, calendar)
    fix = Fix.objects.create(finding=finding, text=text.strip(), deadline_text=deadline_text.strip()[:300],
                             due_date=due)
    record_create(by=by, obj=fix, fields=["text", "deadline_text", "due_date"])
    return fix


@transaction.atomic
def report_fix(fix: Fix, *, by, note: str, upload=None, version: int | None = None,
               today: date | None = None) -> Fix:
    """The inspected unit reports the fix done (báo cáo kết quả khắc phục), with its evidence file if any."""
    if fix.status != Fix.Status.OPEN:
        raise ValidationError(_("Yêu cầu khắc phục này đã được báo cáo (%(status)s).")
                              % {"status": fix.get_status_display()})
    if not note.strip():
        raise ValidationError({"note": _("Hãy ghi kết quả khắc phục.")})
    data = b""
    if upload is not None:
        data = upload.read()
        problem = evidence_checks.check_upload(upload.name, len(data))
        if problem:
            raise ValidationError({"evidence": problem})
    before = snapshot(fix, REPORT_FIELDS)
    claim(fix, version)
    fix.status = Fix.Status.REPORTED
    fix.report_note = note.strip()
    fix.reported_on = today or timezone.localdate()
    fix.reported_by = by
    fix.verify_note, fix.verified_by, fix.verified_at = "", None, None
    if upload is not None:
        fix.evidence_name = upload.name[:255]
        fix.evidence_sha256 = evidence_checks.sha256_of(data)
        fix.evidence.save(upload.name, ContentFile(data), save=False)
    fix.save()
    record(by=by, obj=fix, action="update", changes=diff(before, snapshot(fix, REPORT_FIELDS)),
           note="Báo cáo kết quả khắc phục")
    return fix


@transaction.atomic
def verify_fix(fix: Fix, *, by, accept: bool, note: str = "", version: int | None = None) -> Fix:
    """The office confirms the fix (đã khắc phục) or sends it back with what is missing; never the person who
    reported it."""
    if fix.status != Fix.Status.REPORTED:
        raise ValidationError(_("Chỉ xác nhận được yêu cầu khắc phục đã được báo cáo."))
    if by is not None and fix.reported_by_id == by.pk:
        raise ConflictOfInterest(_("Bạn là người báo cáo kết quả khắc phục nên không tự xác nhận được; người khác của "
                                   "đơn vị kiểm tra sẽ xác nhận."))
    if not accept and not note.strip():
        raise ValidationError({"note": _("Hãy ghi lý do chưa xác nhận, việc đơn vị cần bổ sung.")})
    before = snapshot(fix, VERIFY_FIELDS)
    claim(fix, version)
    fix.status = Fix.Status.DONE if accept else Fix.Status.OPEN
    fix.verify_note = note.strip()
    fix.verified_by, fix.verified_at = by, timezone.now()
    fix.save()
    record(by=by, obj=fix, action="update", changes=diff(before, snapshot(fix, VERIFY_FIELDS)),
           note="Xác nhận đã khắc phục" if accept else "Chưa xác nhận, trả lại đơn vị")
    return fix
