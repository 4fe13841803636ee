"""cchc's own settings plus the bench's floor view (bench/urls.py): what gunicorn serves during `make bench`."""

from cchc.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
# The bench talks plain HTTP on the loopback (no TLS proxy in front): cookies must travel without the Secure flag.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
