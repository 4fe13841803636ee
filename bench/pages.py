"""Pages at province scale under gunicorn: median and p95 time of each page and its query count. The query counts
of the same pages on a small province at two sizes are compared by a test (pages_at), never the times."""

import statistics
import time
import urllib.request

GOAL_MS = 150


def pages_at(province) -> list[tuple[str, str, str | None]]:
    """(name, url, username or None for the public page) of the pages measured, on the generated province."""
    from assessments.models import Assessment
    from bench.generator import OFFICE, SPECIALIST, YEARS
    from frameworks.models import Framework
    from plans.models import Plan
    from surveys.models import Survey

    department = province.bodies[0]
    current = Assessment.objects.filter(unit=department, framework__year=YEARS[-1]).order_by("pk").first()
    published = Assessment.objects.filter(unit=department, framework__year=YEARS[-2]).order_by("pk").first()
    framework = Framework.objects.filter(pk__in=[f.pk for f in province.frameworks], year=YEARS[-2],
                                         level=Framework.Level.DEPARTMENTS).first()
    plan = Plan.objects.filter(pk__in=province.plan_ids, year=YEARS[-1]).order_by("pk").first()
    survey = Survey.objects.get(pk=province.survey_ids[0])
    # The generated province's last year, not the calendar's: the boards and figures read a whole year of data.
    year = YEARS[-1]
    return [
        ("reform office's dashboard", f"/dashboards/office/?year={year}", OFFICE),
        ("assessment scoring page", f"/assessments/{current.pk}/", OFFICE),
        ("assessment results", f"/assessments/{current.pk}/results/", OFFICE),
        ("ranking", f"/assessments/ranking/{framework.pk}/", OFFICE),
        ("year table", f"/assessments/years/{department.pk}/", OFFICE),
        ("gap analysis (published result)", f"/assessments/{published.pk}/results/", OFFICE),
        ("plan view", f"/plans/{plan.pk}/", OFFICE),
        ("my tasks", "/plans/cua-toi/", SPECIALIST),
        ("dossier figures", f"/dossiers/?start=01/01/{year}&end=31/12/{year}", OFFICE),
        ("survey results", f"/surveys/{survey.pk}/", OFFICE),
        ("public survey page", f"/surveys/a/{survey.token}/", None),
    ]


def query_count(url: str, username: str | None) -> tuple[int, int]:
    """(status, queries) of one request made in this process, logged in as `username`."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User

    client = Client()
    if username:
        client.force_login(User.objects.get(username=username), backend="django.contrib.auth.backends.ModelBackend")
    client.get(url, HTTP_HOST="127.0.0.1")
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url, HTTP_HOST="127.0.0.1").status_code
    return status, len(queries)


def timings(base: str, url: str, cookie: str | None, count: int, warm: int = 2) -> tuple[list[float], int]:
    """Milliseconds of `count` requests in a row, after `warm` not counted (each gunicorn worker compiles a page's
    templates and opens its database connection on its first requests: pass two per worker), and the last status."""
    request = urllib.request.Request(base + url, headers={"Cookie": cookie} if cookie else {})
    status, times = 0, []
    for i in range(count + warm):
        began = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                response.read()
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        if i >= warm:
            times.append((time.perf_counter() - began) * 1000)
    return times, status


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def run(ctx) -> list:
    from accounts.models import User
    from bench.results import Result, at_most, measured
    from bench.server import Gunicorn, session_cookie

    results = []
    pages = pages_at(ctx.province)
    cookies = {name: session_cookie(User.objects.get(username=name)) for name in {u for _, _, u in pages if u}}
    with Gunicorn(workers=ctx.web_workers) as server:
        for name, url, username in pages:
            print(f"  {name}: {url}", flush=True)
            status, queries = query_count(url, username)
            times, served = timings(server.url, url, cookies.get(username), ctx.page_requests,
                                    warm=2 * ctx.web_workers)
            tail = p95(times)
            result = at_most(f"page: {name}, p95", tail, "ms", GOAL_MS)
            if served != 200 or status != 200:
                result = Result(result.name, result.value, "ms", result.goal, None, False,
                                f"answered {served} (in process {status})")
            results.append(result)
            results.append(measured(f"page: {name}, median", statistics.median(times), "ms"))
            results.append(measured(f"page: {name}, queries", queries, "queries"))
    return results
