"""Every write of the dossiers app, each in one transaction with its audit entry."""

from pathlib import Path

from django.db import transaction

from audit.log import diff, record, record_create, snapshot
from dossiers.models import ImportRun, ImportSource, Procedure


@transaction.atomic
def create_source(*, by, unit, name: str) -> ImportSource:
    source = ImportSource.objects.create(unit=unit, name=name.strip(), created_by=by)
    record_create(by=by, obj=source, fields=["name", "unit"])
    return source


@transaction.atomic
def upload_export(*, by, source: ImportSource, uploaded_file) -> ImportRun:
    """Keeps the uploaded export; nothing is read into the database before the user confirms the columns."""
    run = ImportRun.objects.create(source=source, file=uploaded_file, file_name=Path(uploaded_file.name).name[:255],
                                   created_by=by)
    record_create(by=by, obj=run, fields=["file_name", "source"])
    return run


@transaction.atomic
def confirm_columns(run: ImportRun, *, by, mapping: dict[str, str], mode: str) -> ImportRun:
    """Saves the column mapping on the source (reused next time) and queues the run."""
    source = ImportSource.objects.select_for_update().get(pk=run.source_id)
    before = snapshot(source, ["mapping"])
    source.mapping = {key: header for key, header in mapping.items() if header}
    source.save(update_fields=["mapping"])
    changes = diff(before, snapshot(source, ["mapping"]))
    if changes:
        record(by=by, obj=source, action="update", changes=changes)
    run.source = source
    before = snapshot(run, ["mode", "status"])
    run.mode, run.status = mode, ImportRun.Status.QUEUED
    run.save(update_fields=["mode", "status"])
    record(by=by, obj=run, action="status", changes=diff(before, snapshot(run, ["mode", "status"])))
    return run


def start(run: ImportRun) -> None:
    """Queues the import for a background worker (`manage.py worker`): a large file outlives the request, and the
    run page follows its progress on the run itself."""
    from dossiers.tasks import enqueue

    enqueue(run)


@transaction.atomic
def update_procedure(procedure: Procedure, *, by, **changes) -> Procedure:
    fields = list(changes)
    before = snapshot(procedure, fields)
    for name, value in changes.items():
        setattr(procedure, name, value)
    procedure.save(update_fields=fields)
    record(by=by, obj=procedure, action="update", changes=diff(before, snapshot(procedure, fields)))
    return procedure


@transaction.atomic
def save_procedure(*, by, code: str, name: str, field: str = "", processing_days: int | None = None,
                   fee_bearing: bool = False) -> Procedure:
    """Adds a procedure to the catalogue, or updates the one with this code (the demo and the catalogue page)."""
    values = {"name": name, "field": field, "processing_days": processing_days, "fee_bearing": fee_bearing}
    procedure = Procedure.objects.filter(code=code).first()
    if procedure is None:
        procedure = Procedure.objects.create(code=code, **values)
        record_create(by=by, obj=procedure, fields=["code", *values])
        return procedure
    changed = {k: v for k, v in values.items() if getattr(procedure, k) != v}
    return update_procedure(procedure, by=by, **changed) if changed else procedure
