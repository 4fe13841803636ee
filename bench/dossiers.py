"""Imports a generated one-stop export of a million dossiers (CCHC_BENCH_DOSSIERS to change the size).

Prints the rows per second of the import and the process's peak memory, which must stay flat as the file grows
(the file is streamed, never loaded whole).
"""

import csv
import os
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


def run() -> None:
    from django.core.files import File

    from accounts.models import User
    from dossiers import actions
    from dossiers.demo import CATALOGUE
    from dossiers.importer import execute
    from dossiers.models import Dossier, ImportRun
    from dossiers.parsing import guess_mapping
    from dossiers.tables import Table
    from org.demo import build_organisation

    n = int(os.environ.get("CCHC_BENCH_DOSSIERS", "1000000"))
    units = build_organisation()
    user, _ = User.objects.get_or_create(username="bench", defaults={"full_name": "Bench", "unit": units["vp"]})
    for code, name, field, days, fee, *_ in CATALOGUE:
        actions.save_procedure(by=user, code=code, name=name, field=field, processing_days=days, fee_bearing=fee)
    source = actions.create_source(by=user, unit=units["stnmt"], name=f"bench-{time.time_ns()}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench-export.csv"
        began = time.perf_counter()
        generate(path, n)
        print(f"generated {n:,} rows ({path.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - began:.1f} s")
        with open(path, "rb") as f:
            run_ = actions.upload_export(by=user, source=source, uploaded_file=File(f, name=path.name))
    with Table(run_.file.path) as table:
        mapping = guess_mapping(table.headers)
    actions.confirm_columns(run_, by=user, mapping=mapping, mode=ImportRun.Mode.ALL_OR_NOTHING)
    began, cpu = time.perf_counter(), time.process_time()
    execute(run_)
    seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"import: {run_.get_status_display()} · {run_.created_count:,} new, {run_.updated_count:,} updated, "
          f"{run_.error_count:,} bad rows")
    print(f"import: {n / seconds:,.0f} rows/s ({seconds:.1f} s; {n / cpu:,.0f} rows per CPU second), "
          f"peak memory {peak_mb:.0f} MB")
    began = time.perf_counter()
    execute_again = ImportRun.objects.get(pk=run_.pk)
    execute_again.status = ImportRun.Status.QUEUED
    execute(execute_again)
    seconds = time.perf_counter() - began
    print(f"re-import (updates by code): {n / seconds:,.0f} rows/s ({seconds:.1f} s), "
          f"{execute_again.updated_count:,} updated, {Dossier.objects.count():,} dossiers in all")
    run_.file.delete(save=False)
