"""Burst of survey answers: how many answer sheets a second the public page stores, and that none is lost.

Starts gunicorn on 127.0.0.1 (a free port) on the bench database, opens the answer page from N clients, then has
them all send at once; checks that the stored sheets equal the accepted ones. Loopback only, bounded in count and
time. CCHC_BENCH_SURVEY_ANSWERS (default 300) and CCHC_BENCH_SURVEY_CLIENTS (default 32) tune it.
The rate limit and minimum fill time are lifted for the run through their environment variables.
"""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUEST_TIMEOUT = 60
START_TIMEOUT = 30


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _prepare():
    from org.demo import build_organisation
    from surveys import actions
    from surveys.models import Survey

    units = build_organisation()
    sipas, _ = actions.ensure_templates()
    survey = actions.create_survey(by=None, unit=units["department"], source=sipas, title="Bench SIPAS",
                                   period_label="Bench", status=Survey.Status.OPEN)
    counter = actions.add_counter(by=None, survey=survey, name="Quầy bench")
    return survey, counter, list(survey.questions.values_list("pk", flat=True))


def _start_server(port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "CCHC_SURVEY_RATE_LIMIT": "0", "CCHC_SURVEY_MIN_FILL_SECONDS": "0",
           "CCHC_ALLOWED_HOSTS": "127.0.0.1", "CCHC_LOG_LEVEL": "ERROR"}
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [str(gunicorn), "cchc.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
               "--threads", "4", "--timeout", "60", "--log-level", "warning"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped: {process.stderr.read().decode()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("gunicorn did not start in time")


class _Client:
    """One respondent's browser: its own cookies, the form, then the answer."""

    def __init__(self, url: str, question_ids: list[int]):
        self.url = url
        self.question_ids = question_ids
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
                                                  _NoRedirect())
        self.body = b""

    def open_form(self) -> None:
        with self.opener.open(self.url, timeout=REQUEST_TIMEOUT) as response:
            page = response.read().decode()
        token = re.search(r'name="form_token" value="([^"]+)"', page).group(1)
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        data = {f"q{pk}": str(1 + (pk * 7 + len(token)) % 5) for pk in self.question_ids}
        data.update({"form_token": token, "csrfmiddlewaretoken": csrf, "suggestion": "Bench"})
        self.body = urllib.parse.urlencode(data).encode()

    def send(self) -> int:
        request = urllib.request.Request(self.url, data=self.body, headers={"Referer": self.url})
        try:
            with self.opener.open(request, timeout=REQUEST_TIMEOUT) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            return 0


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _floor_table() -> None:
    from django.db import connection

    from bench.urls import FLOOR_TABLE

    key = "id serial PRIMARY KEY" if connection.vendor == "postgresql" else "id integer PRIMARY KEY AUTOINCREMENT"
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {FLOOR_TABLE}")
        cursor.execute(f"CREATE TABLE {FLOOR_TABLE} ({key}, note text)")


def _burst(clients: list, threads: int) -> tuple[list[int], float]:
    with ThreadPoolExecutor(threads) as pool:
        start = threading.Event()

        def send(client) -> int:
            start.wait()
            return client.send()

        futures = [pool.submit(send, c) for c in clients]
        began = time.perf_counter()
        start.set()
        statuses = [f.result() for f in futures]
        return statuses, time.perf_counter() - began


class _FloorClient(_Client):
    def __init__(self, url: str):
        super().__init__(url, [])
        self.body = urllib.parse.urlencode({"note": "Bench"}).encode()


def run(ctx) -> list:
    from django.db import connection

    from bench.results import at_least, measured
    from bench.server import Gunicorn
    from bench.urls import FLOOR_TABLE
    from surveys.models import Answer, Response

    total, threads = ctx.survey_answers, 32
    survey, counter, question_ids = _prepare()
    _floor_table()
    with Gunicorn(workers=ctx.web_workers) as server:
        url = f"{server.url}/surveys/a/{counter.token}/"
        respondents = [_Client(url, question_ids) for _ in range(total)]
        with ThreadPoolExecutor(threads) as pool:
            list(pool.map(lambda c: c.open_form(), respondents))
        statuses, elapsed = _burst(respondents, threads)
        floor_statuses, floor_elapsed = _burst([_FloorClient(f"{server.url}/bench/floor/") for _ in range(total)],
                                               threads)
    accepted = sum(1 for s in statuses if s == 302)
    stored = Response.objects.filter(survey=survey).count()
    answers = Answer.objects.filter(response__survey=survey).count()
    errors = total - accepted
    lost = accepted - stored + (accepted * len(question_ids) - answers) // max(1, len(question_ids))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {FLOOR_TABLE}")
        floor_stored = cursor.fetchone()[0]
    floor_rate = sum(1 for s in floor_statuses if s == 302) / floor_elapsed
    rate = accepted / elapsed
    postgres = connection.vendor == "postgresql"
    result = at_least(f"survey answers, {threads} clients", rate, "answers/s", floor=floor_rate, share=0.5,
                      minimum=500)
    if not result.met:
        result.note = ("the SQLite bench: one writer at a time; the goal is for PostgreSQL" if not postgres else
                       "each sheet: form token claim, response, answers, audit entry, rate count in one transaction")
    return [
        result,
        measured("survey answers refused or failed", errors, "requests",
                 note=", ".join(f"{code}: {statuses.count(code)}" for code in sorted(set(statuses)) if code != 302)),
        at_least("survey answers lost (accepted, not stored)", -lost, "sheets", minimum=0),
        measured("floor view rows stored / sent", floor_stored, f"of {total}"),
    ]
