"""A large plan: how long importing 2,000 tasks, rendering the appendix page and a reminder run take, and the
queries each page needs (they must not grow with the tasks). CCHC_BENCH_PLAN_TASKS (default 2000) tunes it."""

import os
import time
from datetime import date


def run():
    # The bench never sends real mail, whatever the environment says.
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.demo import build_people
    from org.demo import build_organisation
    from plans.actions import create_plan_with_tasks
    from plans.reminders import run as run_reminders

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    count = int(os.environ.get("CCHC_BENCH_PLAN_TASKS", "2000"))
    units = build_organisation()
    people = build_people(units)
    leads = [units[c] for c in ("qldd", "ttcntt", "vp", "khtc", "tt", "vpdkdd")]
    deadlines = ["Báo cáo trước ngày 15/11", "Quý II/2026", "Thường xuyên", "Trước ngày 25/11/2026",
                 "Theo chỉ đạo của UBND tỉnh", "Trong năm 2026"]
    sections = []
    per_section = 50
    for s in range(0, count, per_section):
        tasks = [{"code": f"{s // per_section + 1}.{i + 1}", "content": f"Nhiệm vụ số {s + i + 1}",
                  "deadline_text": deadlines[(s + i) % len(deadlines)], "lead_units": [leads[(s + i) % len(leads)]],
                  "monitoring_units": [units["vp"]], "lead_text": leads[(s + i) % len(leads)].name}
                 for i in range(min(per_section, count - s))]
        sections.append({"numeral": str(s // per_section + 1), "title": f"Mục {s // per_section + 1}", "tasks": tasks})
    started = time.perf_counter()
    plan = create_plan_with_tasks(by=people["mai"], issuing_unit=units["department"],
                                  header={"year": 2026, "title": "Kế hoạch thử tải", "issue_date": date(2026, 1, 5)},
                                  appendices=[{"number": "1", "sections": sections}])
    print(f"import {count} tasks: {time.perf_counter() - started:.2f} s")

    client = Client()
    client.force_login(people["mai"], backend="django.contrib.auth.backends.ModelBackend")
    for url in (f"/plans/{plan.pk}/", "/plans/han/", "/plans/cua-toi/", "/plans/lich/"):
        connection.queries_log.clear()
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            status = client.get(url, HTTP_HOST="localhost").status_code
        print(f"{url}: {status} in {time.perf_counter() - started:.2f} s, {len(queries)} queries")
    started = time.perf_counter()
    result = run_reminders(date(2026, 11, 23))
    print(f"send_reminders: {result.notifications} notifications, {result.emails} e-mails in "
          f"{time.perf_counter() - started:.2f} s")
