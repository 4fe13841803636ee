"""The dossier import against its floor: a generated one-stop export imported as the page imports it (new
dossiers, then the same file again: updates by code), beside a bare bulk insert of the same file's rows into a
table of text columns on the same database (SQLite: csv + executemany in one transaction; PostgreSQL: COPY).
"""

import csv
import random
import resource
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path


def _dmy_hm(d: datetime) -> str:
    # strftime is the slowest part of writing a million rows; the f-string is three times faster.
    return f"{d.day:02d}/{d.month:02d}/{d.year} {d.hour:02d}:{d.minute:02d}"


def generate(path: Path, n: int) -> None:
    from dossiers.demo import CATALOGUE, CHANNEL_TEXT, HEADERS
    from org.demo import DIVISIONS, PUBLIC_SERVICE

    names = {code: name for code, name, *_ in DIVISIONS + PUBLIC_SERVICE}
    rng = random.Random(1)
    channels = list(CHANNEL_TEXT.values())
    start = datetime(2020, 1, 2, 7, 30)
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(HEADERS)
        for i in range(n):
            code, name, field, days, fee, unit, _ = CATALOGUE[i % len(CATALOGUE)]
            received = start + timedelta(minutes=i * 3)
            due = received + timedelta(days=days + days // 2)
            finished = received + timedelta(days=rng.randint(0, days + 5)) if i % 10 else None
            writer.writerow([
                f"BENCH-{i:08d}", code, name, field, "Trung tâm Phục vụ hành chính công tỉnh", names[unit],
                _dmy_hm(received), "" if i % 4 == 0 else _dmy_hm(due)[:10],
                _dmy_hm(finished) if finished else "", channels[i % 4],
                "Có" if i % 3 == 0 else "Không", "50.000" if fee else "", "Có" if i % 5 else "Không",
                "Đã trả kết quả" if finished else "Đang giải quyết", "Không",
            ])


def _floor(path: Path) -> float:
    """Rows per second of the bare bulk insert of the file's rows (read and written, nothing checked)."""
    from django.db import connection, transaction

    with open(path, encoding="utf-8", newline="") as f:
        width = len(next(csv.reader(f, delimiter=";")))
    columns = ", ".join(f"c{i} text" for i in range(width))
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_floor_csv")
        cursor.execute(f"CREATE TABLE bench_floor_csv ({columns})")
    began = time.perf_counter()
    rows = 0
    with transaction.atomic(), connection.cursor() as cursor, open(path, encoding="utf-8", newline="") as f:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy("COPY bench_floor_csv FROM STDIN (FORMAT csv, DELIMITER ';', HEADER true)") as copy:
                while chunk := f.read(1 << 20):
                    copy.write(chunk)
            rows = cursor.cursor.rowcount
        else:
            reader = csv.reader(f, delimiter=";")
            next(reader)
            sql = f"INSERT INTO bench_floor_csv VALUES ({', '.join(['%s'] * width)})"
            batch = []
            for row in reader:
                batch.append(row)
                if len(batch) == 5000:
                    cursor.executemany(sql, batch)
                    rows += len(batch)
                    batch = []
            cursor.executemany(sql, batch)
            rows += len(batch)
    seconds = time.perf_counter() - began
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE bench_floor_csv")
    return rows / seconds


def run(ctx) -> list:
    from django.core.files import File
    from django.db import connection

    from accounts.models import User
    from bench.results import at_least, measured
    from dossiers import actions
    from dossiers.importer import execute
    from dossiers.models import ImportRun
    from dossiers.parsing import guess_mapping
    from dossiers.tables import Table
    from org.models import Unit

    n = ctx.import_rows
    user = User.objects.get(username="mai")
    source = actions.create_source(by=user, unit=Unit.objects.get(code="stnmt"), name=f"bench-{time.time_ns()}")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench-export.csv"
        generate(path, n)
        floor = max(_floor(path) for _ in range(2))
        with open(path, "rb") as f:
            run_ = actions.upload_export(by=user, source=source, uploaded_file=File(f, name=path.name))
    with Table(run_.file.path) as table:
        mapping = guess_mapping(table.headers)
    actions.confirm_columns(run_, by=user, mapping=mapping, mode=ImportRun.Mode.ALL_OR_NOTHING)
    began = time.perf_counter()
    execute(run_)
    first = n / (time.perf_counter() - began)
    assert run_.status == ImportRun.Status.DONE and run_.created_count == n, run_.message
    again = ImportRun.objects.get(pk=run_.pk)
    began = time.perf_counter()
    execute(again)
    second = n / (time.perf_counter() - began)
    assert again.status == ImportRun.Status.DONE and again.updated_count == n, again.message
    run_.file.delete(save=False)
    postgres = connection.vendor == "postgresql"
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    why = ("each row is parsed and checked in Python (dates, yes/no, fees, units, working-day due date) before the "
           "set-based write; the floor parses nothing")
    for name, value in (("dossier import, new dossiers", first), ("dossier import, updates by code", second)):
        result = at_least(name, value, "rows/s", floor=floor, share=0.5, minimum=50_000 if postgres else None)
        if not result.met:
            result.note = why
        results.append(result)
    results.append(measured("dossier import, rows in the file", n, "rows"))
    results.append(measured("bench process peak memory", peak_mb, "MB"))
    return results
