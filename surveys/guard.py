"""Holding off duplicate and automated answers on the public pages without knowing who answered.

Three checks, none of which stores an address or a name:
- a signed form token carrying the time the form was served: too fast (a script) or too old is refused, and
  a token already used (double tap, replay) stores nothing more;
- a honeypot field a person never sees nor fills;
- a per-client rate limit per fixed window, counted atomically in a database table (every worker process adds
  to the same count) under a salted, daily-rotated hash of the address.
The limits are settings (or environment variables) so a campaign or the burst benchmark can lift them.
"""

import hashlib
import os
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.core import signing
from django.db import connection

from core.http import client_address

HONEYPOT = "website"
_SALT = "surveys.form-token"


def _setting(name: str, default: str) -> str:
    return str(getattr(settings, name, os.environ.get(name, default)))


def min_fill_seconds() -> float:
    return float(_setting("CCHC_SURVEY_MIN_FILL_SECONDS", "3"))


def rate_limit() -> tuple[int, int]:
    """(answers, seconds) allowed per client address and survey; "0" lifts the limit.

    Default: 60 answers an hour, generous because the citizens at one centre often share its Wi-Fi address;
    a kiosk tablet at a counter wants a higher limit still (CCHC_SURVEY_RATE_LIMIT=600/3600).
    """
    raw = _setting("CCHC_SURVEY_RATE_LIMIT", "60/3600")
    count, _, window = raw.partition("/")
    return int(count or 0), int(window or 3600)


def issue_token(survey_token: str) -> str:
    # The nonce keeps two forms served in the same instant apart, since a used token is refused a second time.
    return signing.dumps({"s": survey_token, "t": time.time(), "n": secrets.token_hex(8)}, salt=_SALT, compress=True)


@dataclass(frozen=True)
class TokenCheck:
    ok: bool
    reason: str = ""


def check_token(value: str, survey_token: str, max_age_hours: int = 12) -> TokenCheck:
    try:
        data = signing.loads(value or "", salt=_SALT, max_age=max_age_hours * 3600)
    except signing.SignatureExpired:
        return TokenCheck(False, "expired")
    except signing.BadSignature:
        return TokenCheck(False, "bad")
    if not isinstance(data, dict) or data.get("s") != survey_token:
        return TokenCheck(False, "bad")
    if time.time() - float(data.get("t", 0)) < min_fill_seconds():
        return TokenCheck(False, "too_fast")
    return TokenCheck(True)


def token_digest(value: str) -> str:
    """What is kept of an accepted form token: enough to refuse it a second time, nothing more."""
    return hashlib.sha256(f"{_SALT}:{value}".encode()).hexdigest()


def client_key(request) -> str:
    """A salted hash of the address that changes every day, so it cannot be turned back into an address later."""
    address = client_address(request)
    day = time.strftime("%Y%m%d")
    return hashlib.sha256(f"{settings.SECRET_KEY}:{day}:{address}".encode()).hexdigest()[:32]


def allow(request, scope: str) -> bool:
    """Counts one answer for this client; False once the client went over the limit in the current window."""
    limit, window = rate_limit()
    if limit <= 0:
        return True
    return count_in_window(f"{scope}:{client_key(request)}", window) <= limit


def count_in_window(name: str, window: int, now: float | None = None) -> int:
    """Adds one to the count of `name` in the fixed window that holds `now`, and returns the new count.

    One statement (INSERT … ON CONFLICT DO UPDATE SET count = count + 1 RETURNING count, on SQLite and PostgreSQL):
    no read-then-write, so a hundred parallel posts count a hundred; the window is in the key, so nothing extends it.
    """
    from surveys.models import RateWindow

    now = time.time() if now is None else now
    start = int(now // window) * window
    ends_at = datetime.fromtimestamp(start + window, tz=UTC)
    q = connection.ops.quote_name
    table = q(RateWindow._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({q('key')}, {q('count')}, {q('ends_at')}) VALUES (%s, 1, %s) "
            f"ON CONFLICT ({q('key')}) DO UPDATE SET {q('count')} = {table}.{q('count')} + 1 RETURNING {q('count')}",
            [f"{name}:{start}"[:200], connection.ops.adapt_datetimefield_value(ends_at)])
        count = cursor.fetchone()[0]
    # Pruning now and then keeps the table to the current windows without a timer.
    if secrets.randbelow(500) == 0:
        RateWindow.objects.filter(ends_at__lt=datetime.fromtimestamp(now, tz=UTC)).delete()
    return count


def is_bot(post) -> bool:
    return bool(post.get(HONEYPOT, "").strip())
