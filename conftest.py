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

TEST_TODAY = os.environ.get("CCHC_TEST_TODAY", "")


def travelled_now() -> datetime.datetime | None:
    """The moment CCHC_TEST_TODAY names (09:30, Vietnam time), or None when the suite runs on the real clock."""
    if not TEST_TODAY:
        return None
    day = datetime.date.fromisoformat(TEST_TODAY)
    return datetime.datetime.combine(day, datetime.time(9, 30), tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def pytest_configure(config):
    # Runs in the controller and in each xdist worker: every process (and the live server's thread) travels.
    moment = travelled_now()
    if moment is not None:
        time_machine.travel(moment, tick=True).start()


def pytest_report_header(config):
    return f"today travelled to {TEST_TODAY} (CCHC_TEST_TODAY)" if TEST_TODAY else None


@pytest.fixture(autouse=True)
def _fast_and_quiet(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = str(tmp_path / "media")
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
