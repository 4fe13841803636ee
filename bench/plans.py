"""A large plan: importing CCHC_BENCH_PLAN_TASKS tasks (2,000) as the .docx importer does, then opening it under
gunicorn; its page must not grow in queries with the tasks."""

import os
import time
from datetime import date


def build(count: int):
    from accounts.models import User
    from org.models import Unit
    from plans.actions import create_plan_with_tasks

    units = {u.code: u for u in Unit.objects.filter(code__in=["stnmt", "qldd", "ttcntt", "vp", "khtc", "tt",
                                                                 "vpdkdd"])}
    leads = [units[c] for c in ("qldd", "ttcntt", "vp", "khtc", "tt", "vpdkdd")]
    deadlines = ["Báo cáo trước ngày 15/11", "Quý II/2026", "Thường xuyên", "Trước ngày 25/11/2026",
                 "Theo chỉ đạo của UBND tỉnh", "Trong năm 2026"]
    sections, per_section = [], 50
    for s in range(0, count, per_section):
        tasks = [{"code": f"{s // per_section + 1}.{i + 1}", "content": f"Nhiệm vụ số {s + i + 1}",
                  "deadline_text": deadlines[(s + i) % len(deadlines)], "lead_units": [leads[(s + i) % len(leads)]],
                  "monitoring_units": [units["vp"]], "lead_text": leads[(s + i) % len(leads)].name}
                 for i in range(min(per_section, count - s))]
        sections.append({"numeral": str(s // per_section + 1), "title": f"Mục {s // per_section + 1}", "tasks": tasks})
    started = time.perf_counter()
    plan = create_plan_with_tasks(by=User.objects.get(username="mai"), issuing_unit=units["stnmt"],
                                  header={"year": 2026, "title": "Kế hoạch thử tải", "issue_date": date(2026, 1, 5)},
                                  appendices=[{"number": "1", "sections": sections}])
    return plan, time.perf_counter() - started


def run(ctx) -> list:
    from accounts.models import User
    from bench.pages import p95, query_count, timings
    from bench.results import at_most, measured
    from bench.server import Gunicorn, session_cookie

    count = int(os.environ.get("CCHC_BENCH_PLAN_TASKS", str(ctx.plan_tasks)))
    plan, seconds = build(count)
    url = f"/plans/{plan.pk}/"
    status, queries = query_count(url, "mai")
    with Gunicorn(workers=ctx.web_workers) as server:
        times, served = timings(server.url, url, session_cookie(User.objects.get(username="mai")), ctx.page_requests,
                                warm=2 * ctx.web_workers)
    opened = at_most(f"plan of {count} tasks: page, p95", p95(times), "ms", 300)
    if served != 200:
        opened.met, opened.note = False, f"answered {served}"
    return [at_most(f"plan of {count} tasks: import", seconds, "s", 2), opened,
            measured(f"plan of {count} tasks: page queries", queries, "queries")]
