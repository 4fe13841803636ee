"""Every write of the imports app: starting, editing, mapping, confirming and discarding an import draft."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from audit.log import diff, record, record_create
from imports.header import guess_plan_kind
from imports.layout import ExtractedPlan
from imports.models import ImportSession
from imports.resolve import ROLES, Resolver
from org.names import normalize_name

TASK_EDIT_FIELDS = ("code", "content", "product", "deadline_text", "lead_text", "coordinating_text", "monitoring_text")
HEADER_EDIT_FIELDS = ("number", "symbol", "title", "place", "issue_date", "year", "kind")


def build_payload(plan: ExtractedPlan) -> dict:
    """The draft's JSON: the extracted plan with an id on every task, and no mappings yet."""
    data = plan.as_dict()
    data["header"]["kind"] = guess_plan_kind(data["header"].get("title", ""))
    next_id = 1
    for appendix in data["appendices"]:
        for section in appendix["sections"]:
            for task in section["tasks"]:
                task["id"] = next_id
                task["removed"] = False
                next_id += 1
    data["mappings"] = {}
    return data


@transaction.atomic
def start_import(*, by, issuing_unit, filename: str, plan: ExtractedPlan) -> ImportSession:
    session = ImportSession.objects.create(owner=by, issuing_unit=issuing_unit, filename=filename[:255],
                                           payload=build_payload(plan))
    record_create(by=by, obj=session, fields=["filename", "issuing_unit", "status"],
                  note=f"Đọc được {len(plan.tasks)} nhiệm vụ")
    return session


def _lock(session: ImportSession) -> ImportSession:
    locked = ImportSession.objects.select_for_update().get(pk=session.pk)
    if locked.status != ImportSession.Status.DRAFT:
        raise ValueError(_("Phiên nhập này đã kết thúc, không sửa được nữa."))
    return locked


@transaction.atomic
def update_task(session: ImportSession, task_id: int, *, by, fields: dict, removed: bool | None = None) -> dict:
    session = _lock(session)
    task = session.find_task(task_id)
    if task is None:
        raise ValueError(_("Không tìm thấy nhiệm vụ trong bản nháp."))
    before = {k: task.get(k) for k in (*TASK_EDIT_FIELDS, "removed")}
    for name in TASK_EDIT_FIELDS:
        if name in fields:
            task[name] = (fields[name] or "").strip()
    if removed is not None:
        task["removed"] = removed
    after = {k: task.get(k) for k in (*TASK_EDIT_FIELDS, "removed")}
    session.save(update_fields=["payload", "updated_at"])
    record(by=by, obj=session, action="update", changes=diff(before, after), note=f"Nhiệm vụ {task.get('code')}")
    return task


@transaction.atomic
def update_header(session: ImportSession, *, by, fields: dict) -> ImportSession:
    session = _lock(session)
    header = session.payload["header"]
    before = {k: header.get(k) for k in HEADER_EDIT_FIELDS}
    for name in HEADER_EDIT_FIELDS:
        if name in fields:
            value = fields[name]
            header[name] = value.isoformat() if isinstance(value, date) else value
    session.save(update_fields=["payload", "updated_at"])
    record(by=by, obj=session, action="update", changes=diff(before, {k: header.get(k) for k in HEADER_EDIT_FIELDS}),
           note="Thông tin kế hoạch")
    return session


@transaction.atomic
def map_name(session: ImportSession, *, by, text: str, unit=None, group=None) -> ImportSession:
    """Remembers for this draft that a name means `unit` (or a `group` of units; with neither, names no unit)."""
    session = _lock(session)
    key = normalize_name(text)
    mappings = session.payload.setdefault("mappings", {})
    before = mappings.get(key)
    mappings[key] = {"text": text, "unit": unit.pk if unit else None, "group": group.pk if group else None}
    session.save(update_fields=["payload", "updated_at"])
    record(by=by, obj=session, action="update",
           changes={"mapping": [before, {"text": text, "unit": str(unit or group or "")}]}, note="Gán tên đơn vị")
    return session


def plan_arguments(session: ImportSession, resolver: Resolver) -> tuple[dict, list[dict]]:
    """The header and appendices `plans.actions.create_plan_with_tasks` expects, units resolved."""
    header = dict(session.payload["header"])
    if header.get("issue_date"):
        header["issue_date"] = date.fromisoformat(header["issue_date"])
    appendices = []
    for appendix in session.payload["appendices"]:
        sections = []
        for section in appendix["sections"]:
            tasks = []
            for task in section["tasks"]:
                if task.get("removed"):
                    continue
                row = {k: task.get(k, "") for k in TASK_EDIT_FIELDS}
                row["is_heading"] = task.get("is_heading", False)
                for role, attr in ROLES:
                    row[f"{role}_units"] = resolver.resolve(task.get(attr, ""))[0]
                tasks.append(row)
            if tasks:
                sections.append({"numeral": section["numeral"], "title": section["title"], "tasks": tasks})
        if sections:
            appendices.append({"number": appendix["number"], "title": appendix["title"], "sections": sections})
    return header, appendices


@transaction.atomic
def confirm_import(session: ImportSession, *, by):
    """Creates the plan and its tasks in one transaction, and remembers the mapped names as units' aliases."""
    from org.actions import add_alias
    from plans.actions import create_plan_with_tasks

    session = _lock(session)
    resolver = Resolver(session.issuing_unit, session.payload.get("mappings"))
    for mapping in session.payload.get("mappings", {}).values():
        unit = resolver.units_by_id.get(mapping.get("unit"))
        if unit is not None:
            add_alias(unit, mapping["text"], by=by)
    header, appendices = plan_arguments(session, resolver)
    if not appendices:
        raise ValueError(_("Bản nháp không còn nhiệm vụ nào để tạo kế hoạch."))
    plan = create_plan_with_tasks(by=by, issuing_unit=session.issuing_unit, header=header, appendices=appendices)
    session.status = ImportSession.Status.CONFIRMED
    session.plan_id = plan.pk
    session.save(update_fields=["status", "plan_id", "updated_at"])
    record(by=by, obj=session, action="update", changes={"status": ["draft", "confirmed"], "plan": [None, str(plan)]})
    return plan


@transaction.atomic
def discard_import(session: ImportSession, *, by) -> ImportSession:
    session = _lock(session)
    session.status = ImportSession.Status.DISCARDED
    session.save(update_fields=["status", "updated_at"])
    record(by=by, obj=session, action="update", changes={"status": ["draft", "discarded"]})
    return session
