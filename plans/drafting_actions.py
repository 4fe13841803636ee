"""Writing an improvement-plan draft (lập kế hoạch khắc phục) and re-drafting it: one transaction each, audited.

A draft is an ordinary draft plan: it opens in the plan editor and nothing is issued until someone issues it.
A re-draft proposes: it adds what is new and updates rows nobody edited since they were drafted; rows a person
changed, and rows a person added, stay as they are (plans.drafting.plan_redraft).
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from audit.log import diff, record, record_create, snapshot
from audit.models import AuditEntry
from org.models import Unit
from plans import actions, drafting, improvement
from plans.models import Plan, Section, Target, Task
from plans.versions import claim
from workdays.services import get_calendar

TEXT_FIELDS = ["results_text", "purpose_text", "solutions_text", "organisation_text", "budget_text"]
RECIPIENTS = ["UBND tỉnh (b/c)", "Sở Nội vụ (b/c)", "Ban Giám đốc Sở (b/c)", "Các phòng thuộc Sở", "ĐV thuộc Sở",
              "Lưu: VT, VP"]


@dataclass
class Preview:
    """What a re-draft would do, for the page that asks before doing it."""

    tasks: drafting.Redraft
    targets: drafting.Redraft
    texts_updated: list[str] = field(default_factory=list)
    texts_kept: list[str] = field(default_factory=list)

    @property
    def changes(self) -> int:
        return self.tasks.changes + self.targets.changes + len(self.texts_updated)


def plan_symbol(unit) -> str:
    """'KH-STNMT': the plan symbol of the issuing unit's department, as its documents write it."""
    agency = unit.department()
    short = (agency.short_name or agency.code).replace("Sở ", "S").replace(" ", "").replace("&", "")
    return f"KH-{short.upper() if len(short) <= 12 else agency.code.upper()}"[:60]


def existing_draft(assessment) -> Plan | None:
    return Plan.objects.filter(source_assessment=assessment).order_by("-pk").first()


def _units(refs) -> list[Unit]:
    ids = [r.id for r in refs]
    found = {u.pk: u for u in Unit.objects.filter(pk__in=ids)}
    return [found[i] for i in ids if i in found]


def _sections(plan: Plan, draft: drafting.Draft) -> dict[str, Section]:
    """The plan's section for each drafted section key, created where missing."""
    existing = {(s.appendix_number, s.numeral): s for s in plan.sections.all()}
    order = plan.sections.aggregate(m=Max("order"))["m"] or 0
    found = {}
    for appendix in draft.appendices:
        for part in appendix.sections:
            section = existing.get((appendix.number, part.numeral))
            if section is None:
                order += 1
                section = Section.objects.create(plan=plan, appendix_number=appendix.number,
                                                 appendix_title=appendix.title, numeral=part.numeral,
                                                 title=part.title, order=order)
            found[part.key] = section
    return found


def _section_of(draft: drafting.Draft) -> dict[str, str]:
    return {task.key: part.key for appendix in draft.appendices for part in appendix.sections for task in part.tasks}


def _write_task(plan, section, proposal: drafting.DraftTask, order: int, calendar, task: Task | None = None) -> Task:
    lead, coordinating, monitoring = _units(proposal.lead), _units(proposal.coordinating), _units(proposal.monitoring)
    task = task or Task(plan=plan)
    task.section, task.code, task.content, task.product = section, proposal.code, proposal.content, proposal.product
    task.deadline_text, task.is_heading = proposal.deadline_text, proposal.is_heading
    task.lead_text = proposal.lead_text or "; ".join(u.name for u in lead)
    task.coordinating_text = proposal.coordinating_text or "; ".join(u.name for u in coordinating)
    task.monitoring_text = proposal.monitoring_text or "; ".join(u.name for u in monitoring)
    task.drafted_from, task.drafted_hash = proposal.key, proposal.fingerprint
    if task.pk is None:
        task.order = order
    task.parent = actions._parent_for(plan, section, proposal.code)
    actions.apply_deadline(task, calendar)
    task.save()
    task.lead_units.set(lead)
    task.coordinating_units.set(coordinating)
    task.monitoring_units.set(monitoring)
    task.criteria.set(proposal.criterion_ids)
    return task


def _target_values(proposal: drafting.DraftTarget) -> dict:
    return {"label": proposal.label[:500], "metric_key": proposal.metric_key, "comparison": proposal.comparison,
            "value": proposal.value, "unit_label": proposal.unit_label, "drafted_from": proposal.key,
            "drafted_hash": proposal.fingerprint}


@transaction.atomic
def draft_improvement_plan(*, by, assessment, stored: dict | None = None) -> Plan:
    """Next year's plan drafted from a finalised or published assessment (a draft: issued only when someone says)."""
    if assessment.phase not in improvement.DRAFTABLE:
        raise ValidationError(_("Chỉ lập kế hoạch khắc phục từ kết quả đã thẩm định hoặc đã công bố."))
    settings = improvement.settings_for(assessment.unit, stored)
    draft = improvement.propose(assessment, stored)
    plan = Plan.objects.create(
        issuing_unit=assessment.unit, created_by=by, title=draft.title[:500], summary=draft.summary,
        year=draft.year, kind=Plan.Kind.INDEX, status=Plan.Status.DRAFT, source_assessment=assessment,
        symbol=plan_symbol(assessment.unit), recipients=RECIPIENTS,
        draft_settings=_stored(settings, draft), **{name: draft.texts[name] for name in TEXT_FIELDS})
    record_create(by=by, obj=plan, fields=actions.PLAN_FIELDS,
                  note=_("Lập từ kết quả đánh giá %(a)s") % {"a": assessment})
    calendar = get_calendar([plan.year - 1, plan.year, plan.year + 1])
    sections = _sections(plan, draft)
    section_of = _section_of(draft)
    for order, proposal in enumerate(draft.tasks(), start=1):
        _write_task(plan, sections[section_of[proposal.key]], proposal, order, calendar)
    for order, proposal in enumerate(draft.targets, start=1):
        Target.objects.create(plan=plan, order=order, **_target_values(proposal))
    record(by=by, obj=plan, action=AuditEntry.Action.OTHER,
           changes={"sections": [None, len(sections)], "tasks": [None, len(draft.tasks())],
                    "targets": [None, len(draft.targets)]},
           note=_("Dự thảo các mục, nhiệm vụ và chỉ tiêu từ kết quả đánh giá"))
    return plan


def _stored(settings: drafting.DraftSettings, draft: drafting.Draft) -> dict:
    return {"office": settings.office.id if settings.office else None, "product": settings.product,
            "deadline": settings.deadline, "maintain_deadline": settings.maintain_deadline,
            "coordinating_text": settings.coordinating_text,
            "texts": {name: drafting.text_fingerprint(draft.texts[name]) for name in TEXT_FIELDS}}


def _existing_tasks(plan: Plan) -> tuple[list[drafting.ExistingRow], dict[int, Task]]:
    rows = (plan.tasks.exclude(drafted_from="").prefetch_related("lead_units", "coordinating_units",
                                                                  "monitoring_units"))
    tasks = {t.pk: t for t in rows}
    return [drafting.ExistingRow(t.pk, t.drafted_from, t.drafted_hash, improvement.task_fingerprint(t))
            for t in tasks.values()], tasks


def _existing_targets(plan: Plan) -> tuple[list[drafting.ExistingRow], dict[int, Target]]:
    targets = {t.pk: t for t in plan.targets.exclude(drafted_from="")}
    return [drafting.ExistingRow(t.pk, t.drafted_from, t.drafted_hash, improvement.target_fingerprint(t))
            for t in targets.values()], targets


def preview(plan: Plan) -> tuple[Preview, drafting.Draft]:
    """What re-drafting the plan from its assessment would add, update and leave alone."""
    draft = improvement.propose(plan.source_assessment, plan.draft_settings)
    task_rows, _tasks = _existing_tasks(plan)
    target_rows, _targets = _existing_targets(plan)
    result = Preview(drafting.plan_redraft(task_rows, draft.tasks()),
                     drafting.plan_redraft(target_rows, draft.targets))
    drafted = (plan.draft_settings or {}).get("texts", {})
    for name in TEXT_FIELDS:
        proposed = drafting.text_fingerprint(draft.texts[name])
        if drafted.get(name) == proposed:
            continue
        if drafted.get(name) == drafting.text_fingerprint(getattr(plan, name)) or not getattr(plan, name).strip():
            result.texts_updated.append(name)
        else:
            result.texts_kept.append(name)
    return result, draft


@transaction.atomic
def redraft(*, by, plan: Plan, version: int | None = None) -> Preview:
    """Applies a re-draft: new proposals added, untouched rows updated, edited rows kept. Audited."""
    if plan.source_assessment is None:
        raise ValidationError(_("Kế hoạch này không được lập từ kết quả đánh giá."))
    if plan.status != Plan.Status.DRAFT:
        raise ValidationError(_("Kế hoạch đã ban hành: không lập lại dự thảo được."))
    claim(plan, version)
    result, draft = preview(plan)
    _rows, tasks = _existing_tasks(plan)
    _trows, targets = _existing_targets(plan)
    calendar = get_calendar([plan.year - 1, plan.year, plan.year + 1])
    sections = _sections(plan, draft)
    section_of = _section_of(draft)
    order = plan.tasks.aggregate(m=Max("order"))["m"] or 0
    for proposal in result.tasks.add:
        order += 1
        task = _write_task(plan, sections[section_of[proposal.key]], proposal, order, calendar)
        record_create(by=by, obj=task, fields=actions.TASK_FIELDS, note=_("Đề xuất khi lập lại dự thảo"))
    for task_id, proposal in result.tasks.update:
        task = tasks[task_id]
        claim(task, None)
        before = snapshot(task, [*actions.TASK_FIELDS, "due_date"])
        _write_task(plan, sections[section_of[proposal.key]], proposal, task.order, calendar, task=task)
        record(by=by, obj=task, action=AuditEntry.Action.UPDATE,
               changes=diff(before, snapshot(task, [*actions.TASK_FIELDS, "due_date"])),
               note=_("Cập nhật theo kết quả đánh giá khi lập lại dự thảo"))
    target_order = plan.targets.aggregate(m=Max("order"))["m"] or 0
    for proposal in result.targets.add:
        target_order += 1
        target = Target.objects.create(plan=plan, order=target_order, **_target_values(proposal))
        record_create(by=by, obj=target, fields=["plan", *actions.TARGET_FIELDS], note=_("Đề xuất khi lập lại dự thảo"))
    for target_id, proposal in result.targets.update:
        target = targets[target_id]
        claim(target, None)
        before = snapshot(target, actions.TARGET_FIELDS)
        for name, value in _target_values(proposal).items():
            setattr(target, name, value)
        target.save()
        record(by=by, obj=target, action=AuditEntry.Action.UPDATE,
               changes=diff(before, snapshot(target, actions.TARGET_FIELDS)),
               note=_("Cập nhật theo kết quả đánh giá khi lập lại dự thảo"))
    stored = dict(plan.draft_settings or {})
    texts = dict(stored.get("texts", {}))
    for name in result.texts_updated:
        setattr(plan, name, draft.texts[name])
        texts[name] = drafting.text_fingerprint(draft.texts[name])
    stored["texts"] = texts
    plan.draft_settings = stored
    plan.save()
    record(by=by, obj=plan, action=AuditEntry.Action.OTHER,
           changes={"tasks": [None, len(result.tasks.add) + len(result.tasks.update)],
                    "targets": [None, len(result.targets.add) + len(result.targets.update)]},
           note=_("Lập lại dự thảo: %(add)s đề xuất mới, %(upd)s dòng cập nhật, %(kept)s dòng đã sửa được giữ "
                  "nguyên") % {"add": len(result.tasks.add) + len(result.targets.add),
                               "upd": len(result.tasks.update) + len(result.targets.update),
                               "kept": len(result.tasks.kept) + len(result.targets.kept) + len(result.texts_kept)})
    return result


@transaction.atomic
def update_texts(*, by, plan: Plan, version: int | None = None, **texts) -> Plan:
    """Edits the plan's free sections (results, purposes, solutions, organisation, budget) and the units' deadline."""
    fields = [*TEXT_FIELDS, "unit_plan_days"]
    claim(plan, version)
    before = snapshot(plan, fields)
    for name, value in texts.items():
        if name in fields:
            setattr(plan, name, value)
    plan.save()
    changes = diff(before, snapshot(plan, fields))
    if changes:
        record(by=by, obj=plan, action=AuditEntry.Action.UPDATE, changes=changes)
    return plan
