"""Running an import: rows streamed from the file, checked, matched and upserted by dossier code in batches.

The whole import is one transaction. In "all or nothing" mode the first bad row stops the writing (the rest is
still read, to list every error) and the transaction is rolled back; in "skip bad rows" mode the good rows are
committed and the bad ones listed. Progress goes to a small file beside the upload, because the run's own row
is inside the transaction and other connections cannot see it until the end.
"""

import os
from datetime import UTC, date, datetime
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from audit.log import diff, record
from audit.models import AuditEntry
from dossiers.models import Dossier, ImportRun, Procedure
from dossiers.parsing import COLUMN_KEYS, DossierRow, read_row
from dossiers.stats import due_date
from dossiers.tables import Table, TableError
from dossiers.workcal import get_calendar
from org.matching import UnitDirectory
from org.models import Unit
from org.names import normalize_name

BATCH_SIZE = 2000
MAX_STORED_ERRORS = 1000
UPDATE_FIELDS = [
    "procedure", "field", "receiving_unit", "receiving_text", "handling_unit", "received_at", "received_on", "due_on",
    "due_computed", "finished_at", "settled_on", "returned_at", "channel", "paid_online", "fee", "fee_bearing",
    "digitised", "status", "apology_sent", "last_run",
]
# What decides a dossier's figures: a re-import that changes one of these leaves an audit entry old → new on that
# dossier. New dossiers are counted in the run's own entry (a million single entries would double the import).
WATCHED = ["handling_unit", "due_on", "finished_at", "returned_at", "channel", "paid_online", "fee", "digitised",
           "status", "apology_sent"]


class _Rollback(Exception):
    pass


def progress_path(run: ImportRun) -> str:
    return f"{run.file.path}.progress"


def read_progress(run: ImportRun) -> int:
    try:
        with open(progress_path(run)) as f:
            return int(f.read().strip() or 0)
    except (OSError, ValueError):
        return run.processed_rows


def last_sign_of_life(run: ImportRun):
    """When the running import last reported progress (the file's time, or the start): a long silence means it died."""
    try:
        return datetime.fromtimestamp(os.path.getmtime(progress_path(run)), tz=UTC)
    except OSError:
        return run.started_at


def _write_progress(run: ImportRun, processed: int) -> None:
    path = progress_path(run)
    with open(f"{path}.tmp", "w") as f:
        f.write(str(processed))
    os.replace(f"{path}.tmp", path)


def execute(run: ImportRun) -> ImportRun:
    """Imports the run's file with its source's mapping; the run ends done, rejected or failed."""
    run.status, run.started_at = ImportRun.Status.RUNNING, timezone.now()
    run.processed_rows = run.created_count = run.updated_count = run.error_count = 0
    run.errors, run.message = [], ""
    try:
        table = Table(run.file.path)
    except TableError as error:
        return _finish(run, ImportRun.Status.FAILED, str(error))
    run.total_rows = max(table.total_estimate - table.header_line, 0)
    run.save()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            # Room for the dossier table's indexes while a large file goes in; SQLite's default is 2 MB.
            cursor.execute("PRAGMA cache_size = -131072")
    job = _Job(run, table)
    try:
        with table, transaction.atomic():
            job.go()
            if job.must_roll_back:
                raise _Rollback
            record(by=run.created_by, obj=run, action="other", note="Nhập hồ sơ TTHC", changes={
                "tệp": run.file_name, "hồ sơ mới": job.created, "hồ sơ cập nhật": job.updated,
                "hồ sơ thay đổi số liệu": job.changed,
                "dòng lỗi": job.error_count})
    except _Rollback:
        pass
    except TableError as error:
        job.add_error(0, str(error))
        job.must_roll_back = True
    except DatabaseError as error:
        # Rows are checked before they are written, so this is the database refusing (disk full, lock…):
        # the transaction is gone, nothing was written, and the run says so instead of staying "running".
        return _finish(run, ImportRun.Status.FAILED,
                       f"Cơ sở dữ liệu từ chối ghi ({error.__class__.__name__}): không ghi hồ sơ nào. Hãy nhập lại sau.")
    run.processed_rows, run.error_count, run.errors = job.processed, job.error_count, job.errors
    if job.must_roll_back:
        run.created_count = run.updated_count = 0
        return _finish(run, ImportRun.Status.REJECTED,
                       f"Có {job.error_count} dòng lỗi: không ghi hồ sơ nào. Sửa tệp rồi nhập lại.")
    run.created_count, run.updated_count = job.created, job.updated
    message = f"Đã nhập {job.created} hồ sơ mới, cập nhật {job.updated} hồ sơ."
    if job.changed:
        message += f" {job.changed} hồ sơ có số liệu thay đổi, ghi trong nhật ký thay đổi."
    if job.error_count:
        message += f" Bỏ qua {job.error_count} dòng lỗi."
    return _finish(run, ImportRun.Status.DONE, message)


def _finish(run: ImportRun, status: str, message: str) -> ImportRun:
    run.status, run.message, run.finished_at = status, message, timezone.now()
    run.save()
    try:
        os.remove(progress_path(run))
    except OSError:
        pass
    return run


class _Job:
    def __init__(self, run: ImportRun, table: Table):
        self.run, self.table = run, table
        mapping = run.source.mapping
        self.positions = {key: table.headers.index(mapping[key]) for key in COLUMN_KEYS
                          if mapping.get(key) in table.headers}
        self.directory = UnitDirectory(run.source.unit)
        self.calendar = get_calendar()
        self.cutoff = getattr(settings, "CCHC_DOSSIER_CUTOFF_HOUR", 15)
        self.tz = timezone.get_default_timezone()
        self.procedures = {p.code: p for p in Procedure.objects.all()}
        self.procedures_by_name = {normalize_name(p.name): p for p in self.procedures.values()}
        self.units: dict[str, object] = {}
        self.due_cache: dict[tuple, object] = {}
        self.processed = self.created = self.updated = self.changed = self.error_count = 0
        self.watched: dict[str, dict] = {}
        self.errors: list[dict] = []
        self.must_roll_back = False
        self.all_or_nothing = run.mode == ImportRun.Mode.ALL_OR_NOTHING
        ops, tz = connection.ops, self.tz
        if connection.vendor == "sqlite":
            # What Django's SQLite adapter does (UTC, as text), without its per-value checks: a third of the import.
            self.adapt_when = lambda value: str(value.replace(tzinfo=tz).astimezone(UTC).replace(tzinfo=None)) \
                if value else None
        else:
            self.adapt_when = lambda value: ops.adapt_datetimefield_value(value.replace(tzinfo=tz)) if value else None
        self.adapt_day = ops.adapt_datefield_value
        self.adapt_number = lambda value: None if value is None else ops.adapt_decimalfield_value(value, 14, 0)

    def add_error(self, line: int, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_STORED_ERRORS:
            self.errors.append({"line": line, "message": message})
        if self.all_or_nothing:
            self.must_roll_back = True

    def go(self) -> None:
        batch: dict[str, tuple] = {}
        positions = self.positions.items()
        for line, values in self.table.rows():
            self.processed += 1
            width = len(values)
            cells = {key: values[i] if i < width else None for key, i in positions}
            row, problems = read_row(line, cells)
            dossier = None
            if row is not None:
                dossier = self._dossier(row, problems)
            if problems:
                self.add_error(line, "; ".join(problems))
            elif not self.must_roll_back:
                batch[row.code], self.watched[row.code] = dossier
            if len(batch) >= BATCH_SIZE:
                self._flush(batch)
                batch = {}
            if self.processed % BATCH_SIZE == 0:
                _write_progress(self.run, self.processed)
        if batch and not self.must_roll_back:
            self._flush(batch)
        _write_progress(self.run, self.processed)

    def _unit(self, text: str):
        if text not in self.units:
            match = self.directory.match_one(text)
            self.units[text] = match.units[0] if len(match.units) == 1 else None
        return self.units[text]

    def _procedure(self, row: DossierRow) -> Procedure | None:
        if row.procedure_code:
            procedure = self.procedures.get(row.procedure_code)
            if procedure is None:
                # A procedure the catalogue lacks is added from the export; its processing time is entered later.
                procedure = Procedure.objects.create(code=row.procedure_code, name=row.procedure_name or row.procedure_code,
                                                     field=row.field)
                self.procedures[procedure.code] = procedure
                self.procedures_by_name.setdefault(normalize_name(procedure.name), procedure)
            return procedure
        return self.procedures_by_name.get(normalize_name(row.procedure_name))

    def _dossier(self, row: DossierRow, problems: list[str]) -> tuple[tuple, dict] | None:
        """The row's values in COLUMNS order, ready for the database, and its WATCHED values as Python objects;
        or None with the problems noted."""
        handling = self._unit(row.handling_text)
        if handling is None:
            problems.append(f"không tìm thấy đơn vị giải quyết '{row.handling_text}' (thêm tên gọi khác cho đơn vị "
                            "ở mục Tổ chức rồi nhập lại)")
        procedure = self._procedure(row)
        if procedure is None:
            problems.append(f"thủ tục '{row.procedure_name}' chưa có trong danh mục; cần có mã thủ tục")
            return None
        due_on, computed = (row.due_at.date(), False) if row.due_at else (None, True)
        if due_on is None:
            if procedure.processing_days is None:
                problems.append(f"thiếu hạn trả kết quả và thủ tục {procedure.code} chưa có thời hạn giải quyết")
                return None
            key = (row.received_at.date(), row.received_at.hour >= self.cutoff, procedure.processing_days)
            if key not in self.due_cache:
                self.due_cache[key] = due_date(row.received_at, procedure.processing_days, self.calendar, self.cutoff)
            due_on = self.due_cache[key]
        if problems:
            return None
        settled = row.finished_at or row.returned_at
        fee = row.fee
        receiving = self._unit(row.receiving_text) if row.receiving_text else None
        when, day, number = self.adapt_when, self.adapt_day, self.adapt_number
        watched = {"handling_unit": handling.pk, "due_on": due_on,
                   "finished_at": row.finished_at.replace(tzinfo=self.tz) if row.finished_at else None,
                   "returned_at": row.returned_at.replace(tzinfo=self.tz) if row.returned_at else None,
                   "channel": row.channel, "paid_online": row.paid_online,
                   "fee": None if fee is None else fee.quantize(Decimal(1)), "digitised": row.digitised,
                   "status": row.status, "apology_sent": row.apology_sent}
        return (
            row.code, procedure.pk, row.field or procedure.field, receiving.pk if receiving else None,
            row.receiving_text, handling.pk, when(row.received_at), day(row.received_at.date()), day(due_on),
            computed, when(row.finished_at), day(settled.date()) if settled else None, when(row.returned_at),
            row.channel, row.paid_online, number(fee), bool(fee and fee > Decimal(0)) or procedure.fee_bearing,
            row.digitised, row.status, row.apology_sent, self.run.pk,
        ), watched

    def _flush(self, batch: dict[str, tuple]) -> None:
        before = {values[0]: values[1:] for values in Dossier.objects.filter(code__in=list(batch))
                  .values_list("code", "pk", *(f"{name}_id" if name == "handling_unit" else name for name in WATCHED))}
        with connection.cursor() as cursor:
            cursor.executemany(_upsert_sql(), list(batch.values()))
        self.updated += len(before)
        self.created += len(batch) - len(before)
        self._audit_changes(before)
        self.watched.clear()

    def _audit_changes(self, before: dict[str, tuple]) -> None:
        entries, units = [], set()
        for code, (pk, *old_values) in before.items():
            changes = diff(dict(zip(WATCHED, old_values, strict=True)), self.watched[code])
            if changes:
                entries.append((code, pk, changes))
                units.update(changes.get("handling_unit", ()))
        if not entries:
            return
        names = {unit.pk: str(unit) for unit in Unit.objects.filter(pk__in=units)}
        content_type = ContentType.objects.get_for_model(Dossier)
        user = self.run.created_by
        note = f"Nhập hồ sơ TTHC từ tệp {self.run.file_name}"
        AuditEntry.objects.bulk_create([
            AuditEntry(user=user, action=AuditEntry.Action.UPDATE, content_type=content_type, object_id=str(pk),
                       object_repr=code, unit_id=self.watched[code]["handling_unit"], note=note,
                       changes={name: [_shown(name, value, names) for value in pair] for name, pair in changes.items()})
            for code, pk, changes in entries], batch_size=500)
        self.changed += len(entries)


def _shown(name: str, value, units: dict) -> object:
    """A watched value as the audit log shows it: local dd/mm/yyyy times, the unit's name, the fee in đồng."""
    if value is None:
        return None
    if name == "handling_unit":
        return units.get(value, value)
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


def _upsert_sql() -> str:
    """INSERT … ON CONFLICT (code) DO UPDATE: the same statement on SQLite and PostgreSQL, run with executemany.

    The ORM's bulk_create(update_conflicts=True) does the same but spends most of a million-row import preparing
    each value of each model instance; here the values are adapted once, by the backend's own adapters.
    """
    meta, quote = Dossier._meta, connection.ops.quote_name
    columns = [quote(meta.get_field(name).column) for name in ["code", *UPDATE_FIELDS]]
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns[1:])
    placeholders = ", ".join(["%s"] * len(columns))
    return (f"INSERT INTO {quote(meta.db_table)} ({', '.join(columns)}) VALUES ({placeholders}) "
            f"ON CONFLICT ({columns[0]}) DO UPDATE SET {updates}")
