"""Every write of the imports app: starting, editing, mapping, confirming and discarding an import draft."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from audit.log import diff, record, record_create
from imports.header import guess_plan_kind
from imports.layout import ExtractedPlan
from imports.models import ImportSession
from imports.resolve import ROLES, Resolver
from imports.row_checks import FIELD_WARNINGS, needs_units, parse_participants, replace_vague
from org.names import normalize_name

TASK_EDIT_FIELDS = ("code", "content", "product", "deadline_text", "lead_text", "coordinating_text", "monitoring_text",
                    "method", "note")
UNIT_TEXTS = ("lead_text", "coordinating_text", "monitoring_text")
HEADER_EDIT_FIELDS = ("number", "symbol", "title", "place", "issue_date", "year", "kind")


def build_payload(plan: ExtractedPlan) -> dict:
    """The draft's JSON: the extracted plan with an id on every task, and no mappings yet. A task keeps the
    warnings about its place in the plan (a repeated number…); what it misses is worked out afresh on each review."""
    data = plan.as_dict()
    data["header"]["kind"] = guess_plan_kind(data["header"].get("title", ""))
    next_id = 1
    for appendix in data["appendices"]:
        for section in appendix["sections"]:
            for task in section["tasks"]:
                task["id"] = next_id
                task["removed"] = False
                task["reviewed"] = False
                task["warnings"] = [w for w in task["warnings"] if w not in FIELD_WARNINGS]
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
def update_task(session: ImportSession, task_id: int, *, by, fields: dict, removed: bool | None = None,
                reviewed: bool | None = None, outside: str | None = None, picked_units=None) -> dict:
    """Saves the user's corrections to one row. `outside` is the outside participants' text ('Phối hợp: Sở Nội vụ',
    one a line); `picked_units` replace the row's vague phrases ('các phòng, đơn vị có liên quan')."""
    session = _lock(session)
    task = session.find_task(task_id)
    if task is None:
        raise ValueError(_("Không tìm thấy nhiệm vụ trong bản nháp."))
    tracked = (*TASK_EDIT_FIELDS, "removed", "reviewed", "outside_participants", "needs_units")
    before = {k: task.get(k) for k in tracked}
    for name in TASK_EDIT_FIELDS:
        if name in fields:
            task[name] = (fields[name] or "").strip()
    if picked_units:
        names = [u.name for u in picked_units]
        for name in UNIT_TEXTS:
            task[name] = replace_vague(task.get(name, ""), names)
    if outside is not None:
        task["outside_participants"] = parse_participants(outside)
    task["needs_units"] = needs_units(*(task.get(name, "") for name in UNIT_TEXTS))
    if removed is not None:
        task["removed"] = removed
    if reviewed is not None:
        task["reviewed"] = reviewed
    after = {k: task.get(k) for k in tracked}
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
def map_name(session: ImportSession, *, by, text: str, unit=None, group=None, outside: bool = False) -> ImportSession:
    """Remembers for this draft that a name means `unit` (or a `group` of units, or a body `outside` the department,
    kept by name; with none of them, names no unit)."""
    session = _lock(session)
    key = normalize_name(text)
    mappings = session.payload.setdefault("mappings", {})
    before = mappings.get(key)
    mappings[key] = {"text": text, "unit": unit.pk if unit else None, "group": group.pk if group else None,
                     "outside": bool(outside and not unit and not group)}
    session.save(update_fields=["payload", "updated_at"])
    label = str(unit or group or ("ngoài Sở" if outside else ""))
    record(by=by, obj=session, action="update", changes={"mapping": [before, {"text": text, "unit": label}]},
           note="Gán tên đơn vị")
    return session


def plan_arguments(session: ImportSession, resolver: Resolver) -> tuple[dict, list[dict]]:
    """The header and appendices `plans.actions.create_plan_with_tasks` expects, units resolved, each row with its
    method, footnotes, outside participants and needs_units, and the event date of a deadline counted from the
    plan's issue date."""
    from workdays.deadlines import parse_deadline

    header = dict(session.payload["header"])
    if header.get("issue_date"):
        header["issue_date"] = date.fromisoformat(header["issue_date"])
    issue_date = header.get("issue_date")
    year = header.get("year") or (issue_date or date.today()).year
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
                note = (task.get("note") or "").strip()
                row["method"] = "\n".join(t for t in ((task.get("method") or "").strip(),
                                                      f"Ghi chú: {note}" if note else "") if t)
                row["footnotes"] = [{"mark": str(f.get("mark", "")), "text": f.get("text", "")}
                                    for f in task.get("footnotes", [])]
                row["outside_participants"] = [p for p in task.get("outside_participants", [])
                                               if p.get("role") in ("lead", "coordinating", "monitoring")]
                for role, attr in ROLES:
                    for name in resolver.outside_names(task.get(attr, "")):
                        if {"role": role, "name": name} not in row["outside_participants"]:
                            row["outside_participants"].append({"role": role, "name": name})
                row["needs_units"] = needs_units(*(task.get(name, "") for name in UNIT_TEXTS))
                # A deadline counted from the plan's own issue date ("trong 30 ngày kể từ ngày ban hành") is dated.
                if issue_date and row["deadline_text"] and parse_deadline(row["deadline_text"], year=year).from_issue:
                    row["event_date"] = issue_date
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
    rows = [row for a in appendices for s in a["sections"] for row in s["tasks"]]
    record(by=by, obj=session, action="update", changes={
        "status": ["draft", "confirmed"], "plan": [None, str(plan)],
        "needs_units": [None, sum(1 for row in rows if row["needs_units"])],
        "outside_participants": [None, sum(len(row["outside_participants"]) for row in rows)]})
    return plan


@transaction.atomic
def discard_import(session: ImportSession, *, by) -> ImportSession:
    session = _lock(session)
    session.status = ImportSession.Status.DISCARDED
    session.save(update_fields=["status", "updated_at"])
    record(by=by, obj=session, action="update", changes={"status": ["draft", "discarded"]})
    return session
