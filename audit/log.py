"""Writing the audit trail. Every action function calls record() inside its transaction.

    before = snapshot(score, ["self_score", "explanation"])
    ...change and save...
    record(by=user, obj=score, action="update", changes=diff(before, snapshot(score, [...])))
"""

import datetime
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import models

from audit.models import AuditEntry


def _plain(value):
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    if isinstance(value, (list, tuple, set)):
        return [_plain(v) for v in value]
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    return value


def snapshot(obj, fields: list[str]) -> dict:
    """The listed fields of obj as JSON-safe values (foreign keys as their text)."""
    return {name: _plain(getattr(obj, name)) for name in fields}


def diff(before: dict, after: dict) -> dict:
    """{field: [old, new]} for the fields that changed."""
    keys = list(dict.fromkeys([*before, *after]))
    return {k: [before.get(k), after.get(k)] for k in keys if before.get(k) != after.get(k)}


def record(*, by, obj, action: str, changes: dict | None = None, unit=None, note: str = "") -> AuditEntry:
    if unit is None:
        unit = getattr(obj, "audit_unit", None)
        if callable(unit):
            unit = unit()
    return AuditEntry.objects.create(
        user=by if by is not None and by.is_authenticated else None,
        action=action,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        unit=unit,
        changes=changes or {},
        note=note,
    )


def record_create(*, by, obj, fields: list[str], unit=None, note: str = "") -> AuditEntry:
    return record(by=by, obj=obj, action=AuditEntry.Action.CREATE, changes=diff({}, snapshot(obj, fields)), unit=unit, note=note)


def record_create_many(*, by, objs: list, fields: list[str], unit=None, note: str = "") -> None:
    """record_create for each of many new objects of one model, written in one bulk insert (a plan's thousands of
    tasks); `unit` is the unit of them all, or None to ask each object."""
    if not objs:
        return
    content_type = ContentType.objects.get_for_model(objs[0])
    user = by if by is not None and by.is_authenticated else None
    entries = []
    for obj in objs:
        own = unit
        if own is None:
            own = getattr(obj, "audit_unit", None)
            if callable(own):
                own = own()
        entries.append(AuditEntry(user=user, action=AuditEntry.Action.CREATE, content_type=content_type,
                                  object_id=str(obj.pk), object_repr=str(obj)[:300], unit=own,
                                  changes=diff({}, snapshot(obj, fields)), note=note))
    AuditEntry.objects.bulk_create(entries, batch_size=500)


def record_delete(*, by, obj, fields: list[str], unit=None, note: str = "") -> AuditEntry:
    return record(by=by, obj=obj, action=AuditEntry.Action.DELETE, changes=diff(snapshot(obj, fields), {}), unit=unit, note=note)
