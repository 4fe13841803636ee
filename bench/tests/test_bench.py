"""The bench itself: its quick run writes every figure, and the pages it times keep their query count as the
province grows (asserted here on two small generated provinces, never the times)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIELDS = {"name", "value", "unit", "goal", "floor", "met", "note"}
PAGES = ["reform office's dashboard", "assessment scoring page", "assessment results", "ranking", "year table",
         "gap analysis (published result)", "plan view", "my tasks", "dossier figures", "survey results",
         "public survey page"]


@pytest.mark.slow
def test_the_quick_bench_writes_every_figure(tmp_path):
    out = tmp_path / "results.json"
    # Its own throwaway SQLite file, whatever database the suite runs on.
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'bench.sqlite3'}"}
    done = subprocess.run([sys.executable, "-m", "bench", "--quick", "--out", str(out)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    rows = json.loads(out.read_text(encoding="utf-8"))["results"]
    assert all(set(row) == FIELDS for row in rows)
    expected = {"generate_province", "dossier import, new dossiers", "dossier import, updates by code",
                "survey answers, 32 clients", "survey answers refused or failed",
                "survey answers lost (accepted, not stored)", "plan of 100 tasks: import",
                "plan of 100 tasks: page, p95", "plan of 100 tasks: page queries",
                "recompute every score total of the province",
                *(f"page: {page}, {what}" for page in PAGES for what in ("p95", "median", "queries"))}
    names = {row["name"] for row in rows}
    assert expected <= names, expected - names
    by_name = {row["name"]: row for row in rows}
    assert by_name["dossier import, new dossiers"]["floor"] > 0
    assert by_name["survey answers, 32 clients"]["floor"] > 0
    assert by_name["survey answers lost (accepted, not stored)"]["met"]
    assert all("answered" not in by_name[f"page: {page}, p95"]["note"] for page in PAGES), "every page answers 200"
    assert "figures meet their goal" in done.stdout


@pytest.mark.slow
def test_page_queries_do_not_grow_with_the_province(db):
    from bench.generator import generate
    from bench.pages import pages_at, query_count

    small = generate(seed=1, scale=0.002, say=lambda *a: None)
    before = {name: query_count(url, user) for name, url, user in pages_at(small)}
    larger = generate(seed=2, scale=0.006, demo=False, prefix="more", say=lambda *a: None)
    assert larger.counts["dossiers"] == 3 * small.counts["dossiers"]
    after = {name: query_count(url, user) for name, url, user in pages_at(larger)}
    assert all(status == 200 for status, _ in [*before.values(), *after.values()]), (before, after)
    assert {n: q for n, (_, q) in after.items()} == {n: q for n, (_, q) in before.items()}
