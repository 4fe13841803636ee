"""`make bench`: generates a province on a throwaway database (SQLite unless DATABASE_URL names one, as
`make bench-postgres` does through scripts/with_postgres.sh), measures every figure beside its floor, prints the
table and writes bench/results.json.

    python -m bench [--scale 0.1] [--quick] [--out bench/results.json] [--only dossiers,pages]

--quick is the tiny run the test suite makes (a few hundred rows, a few requests): it checks the bench runs and
writes every row, not the figures.
"""

import argparse
import os
import platform
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = ["dossiers", "surveys", "pages", "plans", "scores"]
SECRET_KEY = "bench-only-secret-key-never-used-elsewhere-0123456789"


@dataclass
class Context:
    scale: float
    quick: bool
    province: object = None
    import_rows: int = 300_000
    survey_answers: int = 2_000
    page_requests: int = 30
    plan_tasks: int = 2_000
    web_workers: int = 4


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--scale", type=float, default=0.1)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results.json"))
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="cchc-bench-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    os.environ["CCHC_VAR_DIR"] = tmp
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cchc.settings")
    os.environ["CCHC_TASKS"] = "immediate"
    # One key for this process and gunicorn: the log-in sessions the bench makes must be valid there.
    os.environ["CCHC_SECRET_KEY"] = SECRET_KEY
    # gunicorn serves the production settings, whose static files come from collectstatic's manifest.
    os.environ["CCHC_STATIC_ROOT"] = f"{tmp}/static"
    import django
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    django.setup()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from bench import results as report
    from bench.generator import generate

    quick = args.quick
    scale = 0.001 if quick else args.scale
    ctx = Context(scale=scale, quick=quick)
    if quick:
        ctx.import_rows, ctx.survey_answers, ctx.page_requests, ctx.plan_tasks, ctx.web_workers = 500, 60, 3, 100, 2
    else:
        ctx.import_rows = int(os.environ.get("CCHC_BENCH_DOSSIERS", str(max(10_000, round(300_000 * scale * 10)))))
    call_command("migrate", verbosity=0)
    _collect_static()
    began = time.perf_counter()
    print(f"== generating the province (scale {scale:g}) on {connection.vendor}")
    ctx.province = generate(seed=1, scale=scale, say=print)
    generated = time.perf_counter() - began
    rows = [report.measured("generate_province", generated, "s",
                            note=", ".join(f"{k} {v:,}" for k, v in ctx.province.counts.items()))]
    only = {m for m in args.only.split(",") if m}
    for name in MODULES:
        if only and name not in only:
            continue
        print(f"== {name}")
        module = __import__(f"bench.{name}", fromlist=["run"])
        rows.extend(module.run(ctx))
    print()
    report.print_table(rows)
    missed = [r.name for r in rows if not r.met]
    print(f"\n{len(rows) - len(missed)} of {len(rows)} figures meet their goal" +
          (f"; missed: {', '.join(missed)}" if missed else ""))
    report.write(rows, Path(args.out), {
        "database": connection.vendor, "scale": scale, "quick": quick, "python": platform.python_version(),
        "cpus": os.cpu_count(), "when": time.strftime("%Y-%m-%d %H:%M"),
    })
    print(f"written: {args.out}")


def _collect_static() -> None:
    import subprocess
    import sys

    env = {**os.environ, "CCHC_ENV": "production", "CCHC_ALLOWED_HOSTS": "127.0.0.1",
           "CCHC_SECRET_KEY": SECRET_KEY}
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)


if __name__ == "__main__":
    main()
