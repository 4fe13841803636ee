"""gunicorn on 127.0.0.1 (a free port) over the bench database, with the bench's floor view beside the real
URLs; and log-in cookies for the bench's requests. Loopback only; every wait is bounded."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 60


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gunicorn:
    """The production stack: gunicorn's sync workers with threads, DEBUG off, the settings of CCHC_ENV=production
    less HTTPS (loopback has none)."""

    def __init__(self, workers: int = 4, threads: int = 4):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "CCHC_ENV": "production",
               "CCHC_SECRET_KEY": os.environ["CCHC_SECRET_KEY"],
               "CCHC_ALLOWED_HOSTS": "127.0.0.1", "CCHC_SSL_REDIRECT": "false", "CCHC_LOG_LEVEL": "ERROR",
               "CCHC_SURVEY_RATE_LIMIT": "0", "CCHC_SURVEY_MIN_FILL_SECONDS": "0"}
        gunicorn = Path(sys.executable).with_name("gunicorn")
        command = [str(gunicorn), "bench.wsgi:application", "--bind", f"127.0.0.1:{self.port}",
                   "--workers", str(workers), "--threads", str(threads), "--timeout", "120",
                   "--log-level", "warning"]
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped: {self.process.stderr.read().decode()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/bench/ping/", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not start in time")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def session_cookie(user) -> str:
    """A logged-in session for `user`, as the log-in page would make it (the bench never types passwords)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return f"sessionid={store.session_key}"
