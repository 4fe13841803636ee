"""The rate limit holds when one address posts many answers at the same instant: each post runs in its own thread
with its own database connection (a file database on SQLite, the test database on PostgreSQL), as gunicorn's
workers do, and exactly the limit is stored."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.urls import reverse

from core.shared_database import shared_database  # noqa: F401 (fixture)
from surveys import actions, guard
from surveys.models import RateWindow, Response
from surveys.tests.builders import filled, make_survey

POSTS, LIMIT = 100, 60
# Parallel connections: PostgreSQL's throwaway test server takes 60 clients, one of them this test's own.
THREADS = 40


@pytest.fixture
def travelled():
    with time_machine.travel("2024-06-03 09:00 +0700", tick=True):
        yield


def _in_parallel(count: int, work):
    """work(0 … count-1) from THREADS threads at once, each thread on its own database connection."""
    threads = min(count, THREADS)
    start = threading.Barrier(threads)

    def run(first):
        try:
            start.wait()
            return [work(i) for i in range(first, count, threads)]
        finally:
            connection.close()

    with ThreadPoolExecutor(threads) as pool:
        return [result for results in pool.map(run, range(threads)) for result in results]


def test_a_hundred_parallel_answers_from_one_address_store_the_limit(shared_database, travelled, settings):  # noqa: F811
    from core.testing import make_cast

    settings.CCHC_SURVEY_RATE_LIMIT = f"{LIMIT}/3600"
    settings.CCHC_SURVEY_MIN_FILL_SECONDS = 0
    counter = actions.add_counter(by=None, survey=make_survey(make_cast()), name="Quầy một cửa")
    url = reverse("surveys:answer", args=[counter.token])
    forms = []
    for _ in range(POSTS):
        client = Client(REMOTE_ADDR="10.0.0.7")
        forms.append((client, filled(counter.survey, client.get(url).content.decode())))
    codes = _in_parallel(POSTS, lambda i: forms[i][0].post(url, forms[i][1]).status_code)
    assert sorted(codes) == [302] * LIMIT + [429] * (POSTS - LIMIT)
    assert Response.objects.count() == LIMIT
    assert RateWindow.objects.get().count == POSTS


def test_the_count_is_atomic_and_the_window_fixed(shared_database):  # noqa: F811
    counts = _in_parallel(40, lambda i: guard.count_in_window("survey:client", 3600, now=7200.0 + i))
    assert sorted(counts) == list(range(1, 41)), "each parallel add sees its own count: none lost, none doubled"
    # Later posts in the same window never move its end; the next window starts again from one.
    assert guard.count_in_window("survey:client", 3600, now=10799.0) == 41
    assert guard.count_in_window("survey:client", 3600, now=10800.0) == 1
    assert RateWindow.objects.count() == 2
