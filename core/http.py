"""Request and response helpers several apps need."""

import re
import unicodedata
from functools import wraps
from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, HttpResponse
from django.utils import translation

from core.uploads import extension_of


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


# The types a download is sent with, by the stored name's extension; anything else goes as application/octet-stream.
DOWNLOAD_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "tif": "image/tiff",
    "tiff": "image/tiff",
    "zip": "application/zip",
}
_UNSAFE_IN_NAME = re.compile(r'[\x00-\x1f\x7f/\\]')


def content_disposition(filename: str) -> str:
    """attachment with an ASCII fallback and the Vietnamese name as RFC 5987 filename* (UTF-8)."""
    filename = _UNSAFE_IN_NAME.sub("_", filename).strip() or "tep"
    ascii_name = unicodedata.normalize("NFKD", filename.replace("đ", "d").replace("Đ", "D"))
    ascii_name = "".join(ch for ch in ascii_name if ord(ch) < 128 and ch not in '"\\') or "document"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


def attachment(content, filename: str) -> HttpResponse:
    """A file to save, never to show: every download of an uploaded or generated file goes through here.

    Content-Disposition: attachment with the Vietnamese name (RFC 5987); a content type from DOWNLOAD_TYPES, else
    application/octet-stream, so an old upload named .html or .svg is never a page of this site; nosniff; and a
    policy under which nothing in it could run were a browser to show it anyway. content: bytes or an open file."""
    content_type = DOWNLOAD_TYPES.get(extension_of(filename), "application/octet-stream")
    if isinstance(content, bytes):
        response: HttpResponse = HttpResponse(content, content_type=content_type)
    else:
        response = FileResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
