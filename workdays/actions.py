"""Writes to the calendar: each one audited."""

from django.db import transaction

from audit.log import record_create, record_delete
from workdays.models import DayOverride

FIELDS = ["date", "kind", "note"]


@transaction.atomic
def add_override(*, by, day, kind: str, note: str = "") -> DayOverride:
    override = DayOverride.objects.create(date=day, kind=kind, note=note, created_by=by)
    record_create(by=by, obj=override, fields=FIELDS)
    return override


@transaction.atomic
def remove_override(*, by, override: DayOverride) -> None:
    record_delete(by=by, obj=override, fields=FIELDS)
    override.delete()
