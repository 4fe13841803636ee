"""Request and response helpers several apps need."""

from functools import wraps

from django.conf import settings
from django.utils import translation


def client_address(request) -> str:
    """The address the request came from. Behind CCHC_PROXY_COUNT reverse proxies, each of which appends the
    address it saw to X-Forwarded-For, it is the entry that many places from the right: whatever a client writes
    further left is not trusted, so nobody escapes a limit by sending the header themselves. The survey rate limit
    and the log-in lock-out (AXES_CLIENT_IP_CALLABLE) both read it."""
    proxies = getattr(settings, "CCHC_PROXY_COUNT", 0)
    if proxies > 0:
        chain = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(chain) >= proxies:
            return chain[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def in_vietnamese(view):
    """For views that send a file: it leaves cchc in Vietnamese whatever language the reader's pages are in,
    choice labels included (the documents of documents.services do the same)."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return view(*args, **kwargs)

    return wrapper
