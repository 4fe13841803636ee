"""The machinery of the mutation matrix: read a page's form as a browser fills it, send it as each person, and tell
whether the request changed a row.

Each request runs in a savepoint rolled back afterwards, so every person sends the same form against the same data.
A change is what the database says: row triggers note the tables a request wrote (dbstate.TouchWatch), and those
tables' row counts and checksums are compared with the ones before any request.
"""

import copy
import json
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import lxml.html
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client

from core.tests.dbstate import TouchWatch, changed_tables, database_state

CAST = ("lan", "hung", "mai", "thu", "manh", "admin", "khoa")
ANONYMOUS = "anonymous"
CLIENTS = (*CAST, ANONYMOUS)


@dataclass
class Form:
    action: str  # path (and query) the form posts to
    htmx: bool
    values: dict[str, list[str]]  # as a careful user sends it: what it shows, a choice in each list, required boxes
    files: list[str]


def forms_of(html: bytes, page: str) -> list[Form]:
    """The POST forms of a page (and of an htmx fragment)."""
    try:
        document = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    found = []
    for form in document.xpath("//form"):
        if (form.get("method") or "get").lower() != "post" and not form.get("hx-post"):
            continue
        target = urljoin(page, form.get("hx-post") or form.get("action") or page)
        parts = urlsplit(target)
        if parts.netloc not in ("", "testserver"):
            continue
        action = parts.path + (f"?{parts.query}" if parts.query else "")
        values = _values(form)
        if form.get("hx-post") and form.get("hx-vals"):  # htmx sends these values with the form
            try:
                values.update({name: [str(value)] for name, value in json.loads(form.get("hx-vals")).items()})
            except (ValueError, AttributeError):
                pass
        found.append(Form(action, bool(form.get("hx-post")), values, _file_inputs(form)))
    return found


def _file_inputs(form) -> list[str]:
    return [el.get("name") for el in form.xpath(".//input[@type='file'][@name]")]


def _values(form) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}

    def add(name, value):
        values.setdefault(name, []).append(value)

    for el in form.xpath(".//input[@name]|.//select[@name]|.//textarea[@name]"):
        name, kind = el.get("name"), (el.get("type") or "text").lower()
        if name == "csrfmiddlewaretoken" or el.get("disabled") is not None:
            continue
        if el.tag == "textarea":
            add(name, el.text or "")
        elif el.tag == "select":
            options = el.xpath(".//option")
            chosen = [o.get("value", o.text or "") for o in options if o.get("selected") is not None]
            if not chosen and el.get("multiple") is None:
                real = [o.get("value", o.text or "") for o in options if o.get("value", o.text or "")]
                chosen = real[:1]
            for value in chosen:
                add(name, value)
        elif kind in ("checkbox", "radio"):
            if el.get("checked") is not None or (kind == "checkbox" and el.get("required") is not None):
                add(name, el.get("value", "on"))
            elif kind == "radio" and name not in values and not form.xpath(f".//input[@name='{name}'][@checked]"):
                add(name, el.get("value", "on"))
        elif kind in ("submit", "button", "image", "reset", "file"):
            continue
        else:
            add(name, el.get("value", ""))
    # No named button is pressed: where a form has several (save or delete), the table says which.
    return values


@dataclass
class Outcome:
    status: int
    changed: list[str]
    said: str = ""  # the first error or message on the answer, to explain a refusal
    looked: object = None  # what `look` read before the request was rolled back


@dataclass(repr=False)
class Bench:
    """Clients logged in as the cast (and helpers), the change watch and the state before any request."""

    users: dict
    clients: dict
    watch: TouchWatch
    baseline: dict = field(default_factory=dict)
    sent: int = 0

    @classmethod
    def build(cls, users: dict) -> "Bench":
        clients = {}
        for name, user in users.items():
            clients[name] = Client(raise_request_exception=False)
            clients[name].force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        clients[ANONYMOUS] = Client(raise_request_exception=False)
        watch = TouchWatch()
        watch.install()
        return cls(users, clients, watch, database_state())

    def get(self, who: str, url: str, htmx: bool = False):
        return self._send(who, "get", url, None, htmx, None)[0]

    def post(self, who: str, url: str, data: dict, files: dict | None = None, htmx: bool = False,
             look=None) -> Outcome:
        """Sends the form as `who` and rolls it back; `look()` runs just before, to read what the request left."""
        response, changed, looked = self._send(who, "post", url, self._body(data, files), htmx, look)
        return Outcome(response.status_code, changed, _said(response), looked)

    @contextmanager
    def person(self, user):
        """A logged-in client for someone a test made, for the length of the block."""
        client = Client(raise_request_exception=False)
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        self.clients[user.username], self.users[user.username] = client, user
        try:
            yield user.username
        finally:
            del self.clients[user.username], self.users[user.username]

    @contextmanager
    def rebased(self):
        """The state now (after a test's own setup) is what requests are compared with, until the block ends; log
        the test's people in (`person`) before, as a log-in writes too."""
        kept = self.baseline
        self.watch.clear()
        self.baseline = database_state()
        try:
            yield self
        finally:
            self.baseline = kept

    def _body(self, data: dict, files: dict | None) -> dict:
        body = {name: list(values) if isinstance(values, list | tuple) else values for name, values in data.items()}
        for name, (filename, content) in (files or {}).items():
            body[name] = SimpleUploadedFile(filename, content)
        return body

    def _send(self, who, method, url, body, htmx, look):
        client = self.clients[who]
        cookies = copy.deepcopy(client.cookies)
        extra = {"HTTP_HX_REQUEST": "true"} if htmx else {}
        savepoint = transaction.savepoint()
        try:
            self.sent += 1
            response = client.get(url, **extra) if method == "get" else client.post(url, body, **extra)
            touched = self.watch.touched()
            changed = changed_tables({name: self.baseline[name] for name in touched},
                                     database_state(only=touched)) if touched else []
            looked = look() if look else None
        finally:
            transaction.savepoint_rollback(savepoint)
            # A password change or a log-out cycles the session, which the rollback then undoes: keep the old one.
            client.cookies = cookies
        return response, changed, looked


def _said(response) -> str:
    if response.status_code in (301, 302, 303):
        return f"→ {response.get('Location', '')}"
    if "html" not in response.get("Content-Type", "") or not response.content.strip():
        return ""
    try:
        document = lxml.html.fromstring(response.content)
    except (ValueError, lxml.etree.ParserError):
        return ""
    for path in ("//ul[contains(@class,'errorlist')]", "//*[contains(@class,'error')]", "//*[contains(@class,'msg')]",
                 "//h1"):
        found = document.xpath(path)
        if found:
            return " ".join(found[0].text_content().split())[:160]
    return ""
