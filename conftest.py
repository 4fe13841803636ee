"""Fixtures every app's tests share: the cast, a fast password hasher, the browser, and a travelled "today".

CCHC_TEST_TODAY=2028-02-29 runs the whole session as if that were today (09:30 in Vietnam, the clock ticking):
`make test-dates` runs the tests marked `dates` under several such days, so no test passes only on the day it
was written. A test that needs a particular day travels there itself with time_machine.
"""

import datetime
import os
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import translation

from core.testing import make_cast

# The summary lines of issue 13's proofs (mutation matrix, hostile files…): a plugin, so the xdist controller loads it.
pytest_plugins = ["core.tests.proofs"]

TEST_TODAY = os.environ.get("CCHC_TEST_TODAY", "")


def travelled_now() -> datetime.datetime | None:
    """The moment CCHC_TEST_TODAY names, Vietnam time: a day (at 09:30) or a day and time ("2027-01-01T06:00",
    when the date in Vietnam is not yet the date in UTC); None when the suite runs on the real clock."""
    if not TEST_TODAY:
        return None
    moment = datetime.datetime.fromisoformat(TEST_TODAY)
    if "T" not in TEST_TODAY:
        moment = datetime.datetime.combine(moment.date(), datetime.time(9, 30))
    return moment.replace(tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def pytest_configure(config):
    # Runs in the controller and in each xdist worker: every process (and the live server's thread) travels.
    moment = travelled_now()
    if moment is not None:
        time_machine.travel(moment, tick=True).start()


# Test modules whose outcome involves today's date (deadlines, overdue tasks, reminders, data windows, the current
# year, the demo's live cycle): `make test-dates` runs them under several travelled days. A single test elsewhere
# carries @pytest.mark.dates instead.
DATE_SENSITIVE_MODULES = {
    "assessments/tests/test_workflow.py",
    "assessments/tests/test_pages.py",
    "assessments/tests/test_browser_cycle.py",
    "core/tests/test_demo.py",
    "dashboards/tests/test_boards.py",
    "dashboards/tests/test_publications.py",
    "documents/tests/test_periodic_report.py",
    "documents/tests/test_plan_exports.py",
    "dossiers/tests/test_stats.py",
    "dossiers/tests/test_metrics.py",
    "dossiers/tests/test_pages.py",
    "plans/tests/test_browser_plan.py",
    "plans/tests/test_create_plan.py",
    "plans/tests/test_plan_pages.py",
    "plans/tests/test_reminders.py",
    "plans/tests/test_reports.py",
    "plans/tests/test_task_work.py",
    "surveys/tests/test_home.py",
    "surveys/tests/test_public.py",
    "surveys/tests/test_results.py",
    "workdays/tests/test_calendar.py",
    "workdays/tests/test_deadlines.py",
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.nodeid.split("::")[0] in DATE_SENSITIVE_MODULES:
            item.add_marker(pytest.mark.dates)


def pytest_report_header(config):
    return f"today travelled to {TEST_TODAY} (CCHC_TEST_TODAY)" if TEST_TODAY else None


@pytest.fixture(autouse=True)
def _fast_and_quiet(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.CCHC_EXPORT_ROOT = str(tmp_path / "exports")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Background tasks run inside the test (a worker would not see the test's transaction); the worker's own
    # test starts a real one.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
                                  "QUEUES": ["default", "imports", "documents"]}}
    settings.TASKS_KIND = "immediate"
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    yield
    # The test client runs requests in this thread, so a page switched to English leaves English active;
    # every test starts from the default language, as every real request does.
    translation.deactivate()


@pytest.fixture
def cast(db):
    return make_cast()


@pytest.fixture
def client_for(client):
    """client_for(cast.lan) → a test client logged in as that person."""

    def login(user):
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return login


CHROMIUM = os.environ.get("CCHC_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; browser tests are skipped only where it is not installed."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"Chromium not found at {CHROMIUM} (make test installs it)")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15000)
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    context.close()


@pytest.fixture
def login_as(page, live_server):
    """Logs a cast member in through the real log-in form."""
    from core.testing import PASSWORD

    def login(user, password=PASSWORD):
        # Whoever was logged in before leaves first: the log-in page sends a logged-in visitor home.
        page.context.clear_cookies()
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("input[name=username]", user.username)
        page.fill("input[name=password]", password)
        page.click("button[type=submit]")
        page.wait_for_url(lambda url: "/accounts/login/" not in url)
        return page

    return login
