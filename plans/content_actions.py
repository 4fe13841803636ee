"""Writes of a plan's legal bases, the province's results, targets' typed values and per-unit targets: one
transaction each, audited."""

from django.db import transaction
from django.utils import timezone

from audit.log import diff, record, record_create, record_delete, snapshot
from audit.models import AuditEntry
from plans.content import LegalBasis, ProvinceResult, TargetAssignment
from plans.models import Plan, Target
from plans.versions import claim

BASIS_FIELDS = ["kind", "number", "issued_on", "issuer", "summary"]
RESULT_FIELDS = ["year", "index", "score", "score_unit", "rank", "out_of", "decision_number", "decision_date",
                 "decision_issuer"]
VALUE_FIELDS = ["manual_value", "manual_note", "manual_file", "manual_on"]


@transaction.atomic
def add_legal_basis(*, by, plan: Plan, parent_plan: Plan | None = None, **fields) -> LegalBasis:
    """A 'Căn cứ …' at the end of the plan's list; naming the plan above (in cchc) links the two plans."""
    basis = LegalBasis.objects.create(plan=plan, order=plan.legal_bases.count() + 1,
                                      **{k: v for k, v in fields.items() if k in BASIS_FIELDS})
    record_create(by=by, obj=basis, fields=["plan", *BASIS_FIELDS])
    if parent_plan is not None and parent_plan.pk != plan.pk:
        claim(plan, None)
        before = snapshot(plan, ["parent_plan"])
        plan.parent_plan = parent_plan
        plan.save(update_fields=["parent_plan", "version"])
        record(by=by, obj=plan, action=AuditEntry.Action.UPDATE, changes=diff(before, snapshot(plan, ["parent_plan"])))
    return basis


@transaction.atomic
def delete_legal_basis(*, by, basis: LegalBasis) -> None:
    record_delete(by=by, obj=basis, fields=["plan", *BASIS_FIELDS])
    basis.delete()


@transaction.atomic
def save_province_result(*, by, department, year: int, index: str, **fields) -> ProvinceResult:
    """Records (or corrects) a province index of a year, with the decision that published it."""
    result, created = ProvinceResult.objects.get_or_create(department=department, year=year, index=index,
                                                           defaults={"score": fields["score"], "recorded_by": by})
    before = {} if created else snapshot(result, RESULT_FIELDS)
    for name, value in fields.items():
        if name in RESULT_FIELDS:
            setattr(result, name, value)
    result.recorded_by = by
    result.save()
    changes = diff(before, snapshot(result, RESULT_FIELDS))
    record(by=by, obj=result, action=AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE,
           changes=changes)
    return result


@transaction.atomic
def delete_province_result(*, by, result: ProvinceResult) -> None:
    record_delete(by=by, obj=result, fields=RESULT_FIELDS)
    result.delete()


@transaction.atomic
def record_target_value(*, by, target: Target, value, note: str, upload=None, version: int | None = None,
                        today=None) -> Target:
    """The value a target reached, typed with its evidence (for what cchc cannot measure)."""
    claim(target, version)
    before = snapshot(target, VALUE_FIELDS)
    target.manual_value, target.manual_note = value, note
    target.manual_on, target.manual_by = today or timezone.localdate(), by
    if upload is not None:
        target.manual_file = upload
    target.save()
    record(by=by, obj=target, action=AuditEntry.Action.UPDATE, changes=diff(before, snapshot(target, VALUE_FIELDS)))
    return target


@transaction.atomic
def assign_target(*, by, target: Target, unit, value, manual_value=None) -> TargetAssignment:
    """Gives the target to a unit at a level (giao chỉ tiêu); again for the same unit changes the level."""
    assignment, created = TargetAssignment.objects.get_or_create(target=target, unit=unit,
                                                                 defaults={"value": value})
    before = {} if created else snapshot(assignment, ["value", "manual_value"])
    assignment.value, assignment.manual_value = value, manual_value
    assignment.save()
    record(by=by, obj=assignment, action=AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE,
           changes=diff(before, snapshot(assignment, ["value", "manual_value"])))
    return assignment
