"""Large exports are streamed: reading a file keeps a few rows in memory, and the run page follows the progress."""

import tracemalloc

from dossiers import importer
from dossiers.models import ImportRun
from dossiers.tables import Table
from dossiers.tests.helpers import HEADER, ROWS, SAMPLE, import_bytes, make_catalogue, upload


def _peak_reading(path) -> tuple[int, int]:
    """(rows read, peak bytes allocated while opening and reading the whole file)."""
    tracemalloc.start()
    try:
        with Table(path) as table:
            count = sum(1 for _ in table.rows())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return count, peak


def _export(path, n: int):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER + "\n")
        for i in range(n):
            f.write(ROWS[2].replace("H03", f"H{i:07d}") + "\n")
    return path


def test_reading_a_csv_export_does_not_load_it_into_memory(tmp_path):
    small = _export(tmp_path / "nho.csv", 5_000)
    large = _export(tmp_path / "lon.csv", 50_000)
    (small_rows, small_peak), (large_rows, large_peak) = _peak_reading(small), _peak_reading(large)
    assert (small_rows, large_rows) == (5_000, 50_000)
    assert large.stat().st_size > 10_000_000
    # Ten times the rows, the same memory: a fixed read buffer, not the file.
    assert large_peak < small_peak * 1.2 + 100_000, (small_peak, large_peak)
    assert large_peak < large.stat().st_size / 4


def test_the_import_reports_its_progress_as_it_goes(cast, monkeypatch):
    make_catalogue()
    seen = []
    monkeypatch.setattr(importer, "BATCH_SIZE", 2)
    monkeypatch.setattr(importer, "_report_progress", lambda run, processed: seen.append(processed))
    run = import_bytes(cast.mai, cast.department, SAMPLE.encode())
    assert run.status == ImportRun.Status.DONE
    assert seen == [2, 4, 6, 8, 9]


def test_the_run_page_shows_a_progress_bar_while_running(cast, client_for):
    from django.utils import timezone

    run = upload(cast.mai, cast.department, "lon.csv", SAMPLE.encode())
    run.status, run.started_at, run.total_rows, run.processed_rows = ImportRun.Status.RUNNING, timezone.now(), 4000, 1000
    run.save()
    client = client_for(cast.mai)
    page = client.get(f"/dossiers/import/{run.pk}/").content.decode()
    assert '<progress max="100" value="25"' in page
    assert "Đã đọc 1.000 / khoảng 4.000 dòng" in page
    fragment = client.get(f"/dossiers/import/{run.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 1s"' in fragment and 'value="25"' in fragment
