"""Running an import: rows streamed from the file and checked one by one, then written to the dossiers in one
set-based statement.

Two phases, so the run's progress is real and the dossiers change in one transaction:
1. reading: every row is parsed and checked (each problem kept with its line number) and the good ones are
   staged (batch by batch, column by column, each distinct cell value parsed once; a row that does not read
   that way is read again row by row, which names its problems), already in the database's own formats, in a
   temporary table of this connection (SQLite: executemany, PostgreSQL: COPY). Nothing in the shared tables changes; the run's processed count is committed as it goes,
   so the page (another connection) follows it.
2. writing, one transaction: the dossiers whose watched values differ are found by one join and audited old → new,
   then one UPDATE … FROM rewrites the dossiers in which any value differs and one INSERT … SELECT adds the new
   ones (an unchanged dossier is not written again). In "all or nothing" mode a bad row
   stops the staging (the rest is still read, to list every error) and nothing is written; in "skip bad rows"
   mode the good rows are written and the bad ones listed.
"""

import gc
from datetime import date, datetime, timedelta
from decimal import Decimal
from itertools import zip_longest

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from audit.log import diff, record
from audit.models import AuditEntry
from dossiers.models import Dossier, ImportRun, Procedure
from dossiers.parsing import (
    COLUMN_KEYS,
    MINUTES,
    UNREAD,
    DossierRow,
    cached,
    parse_channel,
    parse_fee,
    parse_when,
    read_row,
    text_cell,
    yes_no_cell,
)
from dossiers.stats import due_date
from dossiers.tables import Table, TableError
from dossiers.workcal import get_calendar
from org.matching import UnitDirectory
from org.models import Unit
from org.names import normalize_name

BATCH_SIZE = 5000
MAX_STORED_ERRORS = 1000
STAGE = "dossier_import_staging"
# The staged columns, in the dossier table's own names; procedure_code is matched to the catalogue when writing.
STAGED = ["code", "line", "procedure_code", "field", "receiving_unit_id", "receiving_text", "handling_unit_id",
          "received_at", "received_on", "due_on", "due_computed", "finished_at", "settled_on", "returned_at",
          "channel", "paid_online", "fee", "fee_bearing", "digitised", "status", "apology_sent"]
WRITTEN = [c for c in STAGED if c not in ("line", "procedure_code")]
# What decides a dossier's figures: a re-import that changes one of these leaves an audit entry old → new on that
# dossier. New dossiers are counted in the run's own entry (a million single entries would double the import).
WATCHED = ["handling_unit", "due_on", "finished_at", "returned_at", "channel", "paid_online", "fee", "digitised",
           "status", "apology_sent"]
_WATCHED_COLUMNS = [f"{name}_id" if name == "handling_unit" else name for name in WATCHED]


def execute(run: ImportRun) -> ImportRun:
    """Imports the run's file with its source's mapping; the run ends done, rejected or failed."""
    run.status, run.started_at, run.finished_at = ImportRun.Status.RUNNING, timezone.now(), None
    run.processed_rows = run.created_count = run.updated_count = run.error_count = 0
    run.errors, run.message = [], ""
    try:
        table = Table(run.file.path)
    except (TableError, OSError) as error:
        message = str(error) if isinstance(error, TableError) else "Không đọc được tệp đã tải lên."
        return _finish(run, ImportRun.Status.FAILED, message)
    run.total_rows = max(table.total_estimate - table.header_line, 0)
    run.save()
    job = _Job(run, table)
    try:
        with table, _Staging() as stage:
            job.read(stage)
            if not job.must_roll_back:
                job.write(stage)
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
    return run


def _report_progress(run: ImportRun, processed: int) -> None:
    """Committed at once (the import holds no transaction while reading), so the run page sees it."""
    ImportRun.objects.filter(pk=run.pk).update(processed_rows=processed)


class _Staging:
    """The temporary table of this connection that holds the checked rows until they are written."""

    def __init__(self):
        self.vendor = connection.vendor
        self.rows = 0

    def __enter__(self):
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {STAGE}")
            # The dossier table's own column types (and SQLite affinities), so staged values compare as stored.
            columns = ", ".join("0 AS line" if c == "line" else "'' AS procedure_code" if c == "procedure_code"
                                else c for c in STAGED)
            cursor.execute(f"CREATE TEMPORARY TABLE {STAGE} AS SELECT {columns} FROM {Dossier._meta.db_table} "
                           "WHERE 1 = 0")
            if self.vendor == "sqlite":
                # Room for the dossier table's indexes while a large file goes in; SQLite's default is 2 MB.
                cursor.execute("PRAGMA cache_size = -131072")
        return self

    def add(self, rows: list[tuple]) -> None:
        if not rows:
            return
        self.rows += len(rows)
        with connection.cursor() as cursor:
            if self.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {STAGE} ({', '.join(STAGED)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                return
            sql = f"INSERT INTO {STAGE} ({', '.join(STAGED)}) VALUES ({', '.join(['%s'] * len(STAGED))})"
            # A temporary table is this connection's own: writing it takes no lock on the shared database, so it
            # runs in a deferred transaction of its own (one per batch, not one per row).
            own = connection.get_autocommit() and not connection.in_atomic_block
            if own:
                cursor.execute("BEGIN DEFERRED")
            try:
                cursor.executemany(sql, rows)
            except BaseException:
                if own:
                    cursor.execute("ROLLBACK")
                raise
            if own:
                cursor.execute("COMMIT")

    def index(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE INDEX {STAGE}_code ON {STAGE} (code)")
            cursor.execute(f"ANALYZE {STAGE}")

    def __exit__(self, *exc):
        try:
            with connection.cursor() as cursor:
                cursor.execute(f"DROP TABLE IF EXISTS {STAGE}")
        except DatabaseError:
            if exc[0] is None:
                raise


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
        self.new_procedures: dict[str, Procedure] = {}
        self.units: dict[str, object] = {}
        self.due_cache: dict[tuple, date] = {}
        self.offsets: dict[tuple, timedelta] = {}
        self.seen: set[str] = set()
        self.repeated: set[str] = set()
        self.processed = self.created = self.updated = self.changed = self.error_count = 0
        self.errors: list[dict] = []
        self.must_roll_back = False
        self.all_or_nothing = run.mode == ImportRun.Mode.ALL_OR_NOTHING
        self.postgres = connection.vendor == "postgresql"
        ops = connection.ops
        self.adapt_day = (lambda value: value) if self.postgres else ops.adapt_datefield_value
        self.adapt_number = (lambda value: value) if self.postgres else \
            (lambda value: None if value is None else ops.adapt_decimalfield_value(value, 14, 0))

    def add_error(self, line: int, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_STORED_ERRORS:
            self.errors.append({"line": line, "message": message})
        if self.all_or_nothing:
            self.must_roll_back = True

    def read(self, stage: _Staging) -> None:
        # The rows make no reference cycles: the garbage collector's passes over each batch's lists are pure cost.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._read(stage)
        finally:
            if collecting:
                gc.enable()

    def _read(self, stage: _Staging) -> None:
        columns = _ColumnReader(self)
        for batch in self._batches():
            staged_rows: list[tuple] = []
            for (line, values), staged in zip(batch, columns.read(batch), strict=True):
                if staged is None:
                    # Not the usual shape (or a bad cell): read the careful way, which names every problem.
                    width = len(values)
                    row, problems = read_row(line, {key: values[i] if i < width else None
                                                    for key, i in self.positions.items()})
                    staged = self._staged(row, problems) if row is not None else None
                    if problems:
                        self.add_error(line, "; ".join(problems))
                        continue
                if not self.must_roll_back:
                    staged_rows.append(staged)
            self.processed += len(batch)
            if not self.must_roll_back:
                stage.add(staged_rows)
            if len(batch) == BATCH_SIZE:
                _report_progress(self.run, self.processed)
        _report_progress(self.run, self.processed)

    def _batches(self):
        batch: list[tuple[int, list]] = []
        for item in self.table.rows():
            batch.append(item)
            if len(batch) == BATCH_SIZE:
                yield batch
                batch = []
        if batch:
            yield batch

    def _when(self, value: datetime | None):
        """A local time in the database's own format (SQLite: UTC text, as Django writes it; PostgreSQL: aware)."""
        if value is None:
            return None
        if self.postgres:
            return value.replace(tzinfo=self.tz)
        key = (value.year, value.month, value.day, value.hour)
        offset = self.offsets.get(key)
        if offset is None:
            offset = self.offsets[key] = value.replace(tzinfo=self.tz).utcoffset()
        return str(value - offset)

    def _unit(self, text: str):
        if text not in self.units:
            match = self.directory.match_one(text)
            self.units[text] = match.units[0] if len(match.units) == 1 else None
        return self.units[text]

    def _procedure(self, row: DossierRow) -> Procedure | None:
        if row.procedure_code:
            procedure = self.procedures.get(row.procedure_code)
            if procedure is None:
                # A procedure the catalogue lacks is added from the export (when the dossiers are written); its
                # processing time is entered later.
                procedure = Procedure(code=row.procedure_code, name=row.procedure_name or row.procedure_code,
                                      field=row.field)
                self.procedures[procedure.code] = self.new_procedures[procedure.code] = procedure
                self.procedures_by_name.setdefault(normalize_name(procedure.name), procedure)
            return procedure
        return self.procedures_by_name.get(normalize_name(row.procedure_name))

    def _staged(self, row: DossierRow, problems: list[str]) -> tuple | None:
        """The row's values in STAGED order, ready for the database; or None with the problems noted."""
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
            due_on = self.due_cache.get(key)
            if due_on is None:
                due_on = self.due_cache[key] = due_date(row.received_at, procedure.processing_days, self.calendar,
                                                        self.cutoff)
        if problems:
            return None
        self._count_code(row.code)
        settled = row.finished_at or row.returned_at
        fee = row.fee
        receiving = self._unit(row.receiving_text) if row.receiving_text else None
        when, day = self._when, self.adapt_day
        return (
            row.code, row.line, procedure.code, row.field or procedure.field, receiving.pk if receiving else None,
            row.receiving_text, handling.pk, when(row.received_at), day(row.received_at.date()), day(due_on),
            computed, when(row.finished_at), day(settled.date()) if settled else None, when(row.returned_at),
            row.channel, row.paid_online, self.adapt_number(fee),
            bool(fee and fee > Decimal(0)) or procedure.fee_bearing, row.digitised, row.status, row.apology_sent,
        )

    def _count_code(self, code: str) -> None:
        if code in self.seen:
            self.repeated.add(code)
        else:
            self.seen.add(code)

    def write(self, stage: _Staging) -> None:
        """Phase 2, one transaction: new catalogue entries, the audit of changed dossiers, the changed dossiers
        rewritten, the new ones inserted."""
        stage.index()
        dossiers, procedures = Dossier._meta.db_table, Procedure._meta.db_table
        with transaction.atomic():
            if self.new_procedures:
                Procedure.objects.bulk_create(self.new_procedures.values(), batch_size=500)
            with connection.cursor() as cursor:
                if self.repeated:
                    # A code repeated in the file: its last line wins, as if the lines were imported one by one.
                    codes = list(self.repeated)
                    for i in range(0, len(codes), 500):
                        chunk = codes[i:i + 500]
                        cursor.execute(
                            f"DELETE FROM {STAGE} WHERE code IN ({', '.join(['%s'] * len(chunk))}) AND line < "
                            f"(SELECT MAX(s.line) FROM {STAGE} s WHERE s.code = {STAGE}.code)", chunk)
                cursor.execute(f"SELECT COUNT(*) FROM {STAGE} s JOIN {dossiers} d ON d.code = s.code")
                self.updated = cursor.fetchone()[0]
                self.created = len(self.seen) - self.updated
                same = "IS NOT DISTINCT FROM" if self.postgres else "IS"
                cursor.execute(f"SELECT d.id FROM {STAGE} s JOIN {dossiers} d ON d.code = s.code WHERE NOT ("
                               + " AND ".join(f"d.{c} {same} s.{c}" for c in _WATCHED_COLUMNS) + ")")
                changed = [pk for (pk,) in cursor.fetchall()]
            for i in range(0, len(changed), 500):
                self._audit_changes(changed[i:i + 500])
            quote = connection.ops.quote_name
            columns = [quote(c) for c in WRITTEN]
            same = "IS NOT DISTINCT FROM" if self.postgres else "IS"
            with connection.cursor() as cursor:
                # Dossiers already there are rewritten only where a value differs: an export imported again
                # (most of every monthly one) costs a comparison, not a write of every row and its indexes.
                cursor.execute(
                    f"UPDATE {dossiers} AS d SET {', '.join(f'{c} = s.{c}' for c in columns[1:])}, "
                    f"procedure_id = p.id, last_run_id = %s FROM {STAGE} s JOIN {procedures} p "
                    f"ON p.code = s.procedure_code WHERE d.code = s.code AND NOT ("
                    + " AND ".join([*(f"d.{c} {same} s.{c}" for c in columns[1:]), f"d.procedure_id {same} p.id"])
                    + ")", [self.run.pk])
                # The new ones; a dossier another import added meanwhile is updated instead of refused.
                updates = ", ".join(f"{c} = excluded.{c}" for c in [*columns[1:], "procedure_id", "last_run_id"])
                cursor.execute(
                    f"INSERT INTO {dossiers} ({', '.join(columns)}, procedure_id, last_run_id) "
                    f"SELECT {', '.join(f's.{c}' for c in columns)}, p.id, %s FROM {STAGE} s "
                    f"JOIN {procedures} p ON p.code = s.procedure_code "
                    f"WHERE NOT EXISTS (SELECT 1 FROM {dossiers} e WHERE e.code = s.code) "
                    f"ON CONFLICT (code) DO UPDATE SET {updates}", [self.run.pk])
            record(by=self.run.created_by, obj=self.run, action="other", note="Nhập hồ sơ TTHC", changes={
                "tệp": self.run.file_name, "hồ sơ mới": self.created, "hồ sơ cập nhật": self.updated,
                "hồ sơ thay đổi số liệu": self.changed, "dòng lỗi": self.error_count})

    def _audit_changes(self, ids: list[int]) -> None:
        """Old values from the dossiers, new ones from the staged rows, both read through the model's converters."""
        before = {values[0]: values[1:] for values in
                  Dossier.objects.filter(pk__in=ids).values_list("pk", "code", *_WATCHED_COLUMNS)}
        placeholders = ", ".join(["%s"] * len(ids))
        staged = Dossier.objects.raw(
            f"SELECT d.id, {', '.join(f's.{c}' for c in _WATCHED_COLUMNS)} FROM {STAGE} s "
            f"JOIN {Dossier._meta.db_table} d ON d.code = s.code WHERE d.id IN ({placeholders})", ids)
        entries, units = [], set()
        for new in staged:
            code, *old_values = before[new.pk]
            changes = diff(dict(zip(WATCHED, old_values, strict=True)),
                           {name: getattr(new, column) for name, column in zip(WATCHED, _WATCHED_COLUMNS, strict=True)})
            if changes:
                entries.append((code, new.pk, new.handling_unit_id, changes))
                units.update(changes.get("handling_unit", ()))
        if not entries:
            return
        names = {unit.pk: str(unit) for unit in Unit.objects.filter(pk__in=units)}
        content_type = ContentType.objects.get_for_model(Dossier)
        user = self.run.created_by
        note = f"Nhập hồ sơ TTHC từ tệp {self.run.file_name}"
        AuditEntry.objects.bulk_create([
            AuditEntry(user=user, action=AuditEntry.Action.UPDATE, content_type=content_type, object_id=str(pk),
                       object_repr=code, unit_id=unit_id, note=note,
                       changes={name: [_shown(name, value, names) for value in pair] for name, pair in changes.items()})
            for code, pk, unit_id, changes in entries], batch_size=500)
        self.changed += len(entries)


class _ColumnReader:
    """The usual rows of a large export, read column by column: every distinct value of a column (a procedure, a
    unit, a channel, a fee, a day and hour) is parsed once and its database form remembered, and each row's
    staged tuple is put together from them, as _Job._staged would make it. A row with a cell that does not read,
    a check that fails or a procedure the catalogue lacks gets None: the job reads it the careful way."""

    def __init__(self, job: "_Job"):
        self.job = job
        self.positions = job.positions
        number = job.adapt_number
        self.channel = cached(lambda value: parse_channel(value or ""))
        self.yes_no = cached(yes_no_cell)
        self.fee = cached(lambda value: _fee_pair(parse_fee(value), number))
        self.moment = _Moments(job).read
        self.by_name = cached(lambda name: job.procedures_by_name.get(normalize_name(name)))
        self.due: dict[tuple, object] = {}

    def read(self, batch: list[tuple[int, list]]) -> list[tuple | None]:
        count = len(batch)
        cells = list(zip_longest(*(values for _, values in batch)))

        def column(key: str, read=None) -> list:
            index = self.positions.get(key)
            values = cells[index] if index is not None and index < len(cells) else (None,) * count
            return list(map(read, values)) if read is not None else list(values)

        moment = self.moment
        columns = zip(
            column("code", text_cell), column("procedure_code", text_cell), column("procedure_name", text_cell),
            column("field", text_cell), column("receiving_unit", text_cell), column("handling_unit", text_cell),
            column("received_at", moment), column("due_at", moment), column("finished_at", moment),
            column("returned_at", moment), column("channel", self.channel), column("paid_online", self.yes_no),
            column("fee", self.fee), column("digitised", self.yes_no), column("status", text_cell),
            column("apology_sent", self.yes_no), strict=True)
        job, units, procedures, due_cache = self.job, self.job.units, self.job.procedures, self.due
        cutoff, day = job.cutoff, job.adapt_day
        staged: list[tuple | None] = []
        for (line, _), (code, procedure_code, procedure_name, field, receiving_text, handling_text, received, due,
                        finished, returned, channel, paid, fee, digitised, status, apology) in zip(batch, columns,
                                                                                                   strict=True):
            if (not code or len(code) > 80 or not handling_text or received is None or received is UNREAD
                    or UNREAD in (due, finished, returned, channel, paid, fee, digitised, apology)):
                staged.append(None)
                continue
            handling = units[handling_text] if handling_text in units else job._unit(handling_text)
            if procedure_code:
                procedure = procedures.get(procedure_code[:80])
            else:
                procedure = self.by_name(procedure_name[:500]) if procedure_name else None
            if handling is None or procedure is None or procedure is UNREAD or (
                    finished is not None and finished[0] < received[0] - ONE_DAY):
                staged.append(None)
                continue
            if due is not None:
                due_on, computed = due[2], False
            else:
                days = procedure.processing_days
                if days is None:
                    staged.append(None)
                    continue
                key = (received[2], received[0].hour >= cutoff, days)
                due_on = due_cache.get(key)
                if due_on is None:
                    due_on = due_cache[key] = day(due_date(received[0], days, job.calendar, cutoff))
                computed = True
            job._count_code(code)
            settled = finished or returned
            receiving_text = receiving_text[:255]
            if receiving_text:
                receiving = units[receiving_text] if receiving_text in units else job._unit(receiving_text)
            else:
                receiving = None
            staged.append((
                code, line, procedure.code, field[:200] or procedure.field, receiving.pk if receiving else None,
                receiving_text, handling.pk, received[1], received[2], due_on, computed,
                finished[1] if finished else None, settled[2] if settled else None, returned[1] if returned else None,
                channel, paid, fee[0], fee[1] or procedure.fee_bearing, digitised, status[:100], apology,
            ))
        return staged


ONE_DAY = timedelta(days=1)


def _fee_pair(fee: Decimal | None, adapt) -> tuple:
    """(the fee in the database's form, whether it is above zero)."""
    return adapt(fee), bool(fee and fee > Decimal(0))


class _Moments:
    """Date and time cells as (local datetime, the instant in the database's form, the local day in its form).

    The one-stop layout 'dd/mm/yyyy HH:MM' is read through its day and hour, remembered (a large export has a
    few thousand distinct hours); anything else through parse_when, remembered per value."""

    def __init__(self, job: "_Job"):
        self.job = job
        self.hours: dict[str, object] = {}
        self.other = cached(self._any, limit=20_000)

    def read(self, value):
        if value is None or value == "":
            return None
        if type(value) is str and len(value) == 16 and value[13] == ":":
            hour = self.hours.get(value[:13])
            if hour is None:
                hour = self.hours[value[:13]] = self._hour(value[:13])
            minute = MINUTES.get(value[14:16])
            if hour is not UNREAD and minute is not None:
                local, prefix, day = hour
                local = local.replace(minute=minute)
                if prefix is None:
                    return local, self.job._when(local), day
                return local, prefix + value[14:16] + ":00", day
        return self.other(value)

    def _hour(self, text: str):
        """The day and hour 'dd/mm/yyyy HH' read as parse_when reads them; on SQLite with the UTC text of its instant
        up to the minutes, where the zone's offset is whole hours (so the minutes carry over unchanged)."""
        if not (text[2] == "/" and text[5] == "/" and text[10] == " "):
            return UNREAD
        try:
            local = parse_when(text + ":00")
        except ValueError:
            return UNREAD
        job, prefix = self.job, None
        if not job.postgres:
            offset = local.replace(tzinfo=job.tz).utcoffset()
            if offset.microseconds == 0 and offset.seconds % 3600 == 0:
                prefix = job._when(local)[:14]
        return local, prefix, job.adapt_day(local.date())

    def _any(self, value):
        local = parse_when(value)
        if local is None:
            return None
        return local, self.job._when(local), self.job.adapt_day(local.date())


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
        return format(value.quantize(Decimal(1)), "f")
    return value

