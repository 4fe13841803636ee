"""No page answers 500 to anything a user can send.

The demo (the seed department with every app's data) is loaded once for the module; then every URL pattern of the
site is walked as several people (the reform office, a specialist, the appraiser, an outsider, the administrator):
with real ids of the right kind, with ids that do not exist and with garbage where a path takes text; with junk
query strings; and every form a page shows is sent back empty, as a browser would send it, and full of junk.
Each request runs in a savepoint rolled back afterwards, so a form that happens to be valid does not change what the
next request sees. Every answer must also carry the Content-Security-Policy header. Every failure is collected, so one run lists them all.
"""

import io
import itertools
import logging
import os
import re
import time
import traceback
import warnings
from dataclasses import dataclass, field
from urllib.parse import urlencode, urljoin, urlsplit

import lxml.html
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter

from core.tests.test_site import PUBLIC_PREFIXES

pytestmark = [pytest.mark.django_db]

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PEOPLE = ("mai", "lan", "thu", "khoa", "admin")
# Posts from the appraiser and the outsider to the department's pages stop at the door (404/403) before any form is
# read; the mutation matrix (test_mutation_matrix.py) posts every page's form as each of them. Their empty posts here
# would repeat that, so the walk posts empty forms as the others only (the GETs stay for everyone).
REFUSED_EARLY = {"thu", "khoa"}
SKIPPED = {"accounts:logout", "set_language"}
EXPORT_FORMS = {"/documents/bao-cao-theo-ky/"}  # a valid request makes a Word or PDF file: junk only
LEAVE_ALONE = {"/accounts/logout/"}  # the log-out form is on every page; sending it only ends the session
MISSING = 999999
HUGE = 10**20
GARBAGE_TEXT = ["<script>alert(1)</script>", "..%2F..%2Fetc", "x" * 300, "không-có"]
GARBAGE_SLUG = ["khong-co", "-", "x" * 300]

# Every query parameter some view reads, plus the usual suspects, each with values no form would send.
QUERY_KEYS = ["page", "year", "unit", "q", "sort", "status", "month", "week", "day", "from", "to", "start", "end",
              "term", "source", "role", "parent", "p", "outcome", "next", "user", "history", "mau", "xuat", "kind",
              "period", "procedure", "framework", "plan", "assessment", "fmt", "format", "field"]
JUNK_QUERIES = [
    "page=abc&year=x&unit=%00&q=%3Cscript%3E&sort=%3Bdrop",
    urlencode({key: value for key, value in zip(QUERY_KEYS, itertools.cycle(
        ["abc\x00'\";--<b>", "-1", "31/02/2024", "", "0"]), strict=False)}),
    urlencode({key: str(HUGE) for key in QUERY_KEYS}),
]
JUNK_VALUES = ["abc<script>';--", str(HUGE), "\x00", "-1", "1" * 10_000]


@pytest.fixture(scope="module")
def media_root(tmp_path_factory):
    return tmp_path_factory.mktemp("robustness-media")


@pytest.fixture(autouse=True)
def _fast_and_quiet(_fast_and_quiet, settings, media_root):
    """The shared settings, but the module's files live as long as its demo: one media folder serves every test."""
    settings.MEDIA_ROOT = str(media_root)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, media_root):
    """The whole demo, loaded once in a transaction that is rolled back when the module ends."""
    with django_db_blocker.unblock(), override_settings(
        MEDIA_ROOT=str(media_root), PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    ):
        with transaction.atomic():
            call_command("load_demo", stdout=io.StringIO())
            yield
            transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _no_error_log_noise():
    # A 500 is reported once, by the assertion; the request logger's copy only buries it.
    logging.getLogger("django.request").setLevel(logging.CRITICAL)
    yield
    logging.getLogger("django.request").setLevel(logging.NOTSET)




@dataclass
class Route:
    name: str
    pattern: URLPattern
    converters: dict = field(default_factory=dict)

    @property
    def namespace(self) -> str:
        return self.name.split(":")[0] if ":" in self.name else ""


def _routes(patterns=None, namespace="", converters=None) -> list[Route]:
    patterns = get_resolver().url_patterns if patterns is None else patterns
    routes = []
    for p in patterns:
        found = {**(converters or {}), **getattr(p.pattern, "converters", {})}
        if isinstance(p, URLResolver):
            inner = f"{namespace}:{p.namespace}" if namespace and p.namespace else (p.namespace or namespace)
            routes += _routes(p.url_patterns, inner, found)
        elif p.name:
            routes.append(Route(f"{namespace}:{p.name}" if namespace else p.name, p, found))
    return routes


def _samples(model, n=None):
    """Real rows of a kind: the oldest in each phase or status (a draft, an issued plan, a pending extension…),
    since each state opens other forms and branches; else the oldest row."""
    names = {f.name for f in model._meta.fields}
    state = next((name for name in ("phase", "status") if name in names), None)
    if state is None:
        return list(model.objects.order_by("pk")[:n or 1])
    firsts = {}
    for pk, value in model.objects.order_by("pk").values_list("pk", state):
        firsts.setdefault(value, pk)
    return list(model.objects.filter(pk__in=firsts.values()).order_by("pk")[:n])


def _real_kwargs(route: Route) -> list[dict]:
    """Path parameters made of real, consistent ids (an item of that very assessment, …)."""
    from accounts.models import RoleGrant, User
    from assessments.models import Assessment, Evidence, Score
    from dashboards.models import Publication
    from documents.models import DocumentTemplate
    from dossiers.models import ImportRun
    from frameworks.models import Criterion, Framework
    from imports.models import ImportSession
    from org.models import Unit
    from plans.models import Evidence as TaskEvidence
    from plans.models import Extension, PeriodReport, Plan, ReportPeriod, Section, Target, Task, TaskUpdate
    from surveys.models import Counter, Question, Response, Survey
    from workdays.models import DayOverride

    name, params = route.name, set(route.converters)
    if not params:
        return [{}]
    special = {
        "accounts:grant_remove": lambda: [{"pk": g.user_id, "grant_pk": g.pk} for g in _samples(RoleGrant)],
        "org:reorganise": lambda: [{"kind": k} for k in ("rename", "merge", "split", "move")],
        "frameworks:criterion_edit": lambda: [{"pk": c.framework_id, "criterion_pk": c.pk} for c in _samples(Criterion)],
        "assessments:ranking": lambda: [{"framework_pk": f.pk} for f in _samples(Framework, 3)],
        "assessments:unit_years": lambda: [{"unit_pk": u.pk} for u in _samples(Unit)],
        "assessments:evidence": lambda: [{"pk": e.score.assessment_id, "evidence_pk": e.pk} for e in _samples(Evidence)],
        "assessments:evidence_delete": lambda: [{"pk": e.score.assessment_id, "evidence_pk": e.pk}
                                                for e in _samples(Evidence)],
        "plans:submit_report": lambda: [{"pk": p.plan_id, "period_pk": p.pk} for p in _samples(ReportPeriod)],
        "plans:report_file": lambda: [{"pk": r.period.plan_id, "report_pk": r.pk} for r in _samples(PeriodReport)],
        "plans:return_update": lambda: [{"pk": u.task_id, "update_pk": u.pk} for u in _samples(TaskUpdate)],
        "plans:decide_extension": lambda: [{"pk": e.task_id, "extension_pk": e.pk} for e in _samples(Extension)],
        "plans:evidence": lambda: [{"pk": e.update.task_id, "evidence_pk": e.pk} for e in _samples(TaskEvidence)],
        "plans:section_edit": lambda: [{"pk": s.pk} for s in _samples(Section)],
        "plans:section_delete": lambda: [{"pk": s.pk} for s in _samples(Section)],
        "plans:target_edit": lambda: [{"pk": t.pk} for t in _samples(Target)],
        "imports:task": lambda: [{"pk": s.pk, "task_id": s.tasks()[0]["id"]}
                                 for s in _samples(ImportSession) if s.tasks()],
        "surveys:question_edit": lambda: [{"pk": q.pk} for q in _samples(Question)],
        "surveys:counter_print": lambda: [{"pk": c.pk} for c in _samples(Counter)],
        "surveys:follow_up": lambda: [{"pk": r.pk} for r in _samples(Response)],
        "surveys:answer": lambda: [{"token": s.token} for s in _samples(Survey)],
        "surveys:answer_code": lambda: [],
        "documents:starter": lambda: [{"kind": k} for k in _document_kinds()],
        **{f"inspections:{name}": _inspection_ids(model) for name, model in INSPECTION_ROUTES.items()},
        "documents:download": _document_downloads,
    }
    if name in special:
        return special[name]()
    if "score_pk" in params:
        # An item of an assessment in each phase: self-scoring, appraising and appeals each open in one of them.
        firsts = {}
        for score in Score.objects.select_related("assessment").order_by("pk"):
            firsts.setdefault(score.assessment.phase, score)
        return [{"pk": s.assessment_id, "score_pk": s.pk} for s in firsts.values()]
    by_namespace = {
        "accounts": User, "org": Unit, "workdays": DayOverride, "frameworks": Framework, "assessments": Assessment,
        "imports": ImportSession, "dossiers": ImportRun, "surveys": Survey, "public": Publication,
        "dashboards": Publication, "documents": DocumentTemplate,
        "plans": Task if "nhiem-vu/<int:pk>" in str(route.pattern.pattern) else Plan,
    }
    model = by_namespace.get(route.namespace)
    if model is None or params != {"pk"}:
        return []
    return [{"pk": row.pk} for row in _samples(model, 3 if model is Framework else None)]


# The inspections' routes by the kind of row their pk names.
INSPECTION_ROUTES = {"plan": "InspectionPlan", "plan_edit": "InspectionPlan", "inspection_add": "InspectionPlan",
                     "inspection": "Inspection", "inspection_edit": "Inspection", "inspection_delete": "Inspection",
                     "finding_add": "Inspection", "fix_add": "Finding", "fix": "Fix", "fix_verify": "Fix",
                     "fix_evidence": "Fix"}


def _inspection_ids(model_name: str):
    def ids() -> list[dict]:
        from inspections import models

        return [{"pk": row.pk} for row in _samples(getattr(models, model_name))]

    return ids


def _document_kinds() -> list[str]:
    from documents import catalog

    return list(catalog.KINDS)


def _document_downloads() -> list[dict]:
    from documents import services

    found = []
    for export in services.EXPORTS.values():
        rows = _samples(_target_model(export.target), n=1)
        for fmt in export.formats:
            found += [{"key": export.key, "pk": row.pk, "fmt": fmt} for row in rows]
    return found


def _target_model(target: str):
    from assessments.models import Assessment
    from frameworks.models import Framework
    from org.models import Unit
    from plans.models import Plan

    return {"plan": Plan, "assessment": Assessment, "framework": Framework, "unit": Unit}[target]


def _bogus_kwargs(route: Route, real: list[dict]) -> list[dict]:
    """Ids that do not exist or overflow, and garbage where a path takes text; one parameter wrong at a time."""
    base = real[0] if real else {}
    variants = []
    for param, converter in route.converters.items():
        if isinstance(converter, IntConverter):
            wrong = [MISSING, HUGE]
        elif type(converter).__name__ == "SlugConverter":
            wrong = GARBAGE_SLUG
        else:
            wrong = GARBAGE_TEXT
        for value in wrong:
            kwargs = {p: base.get(p, _filler(c)) for p, c in route.converters.items()}
            kwargs[param] = value
            variants.append(kwargs)
    return variants


def _filler(converter):
    if isinstance(converter, IntConverter):
        return MISSING
    return "khong-co"


def _path(route: Route, kwargs: dict) -> str | None:
    try:
        return reverse(route.name, kwargs=kwargs)
    except NoReverseMatch:  # a value the converter refuses cannot reach the view by any URL either
        return None


def _has_policy(response) -> bool:
    """The site's policy, or the stricter one of a file sent as an attachment (nothing runs, sandboxed)."""
    policy = response.get("Content-Security-Policy", "")
    return "script-src 'self'" in policy or ("default-src 'none'" in policy and "sandbox" in policy)


@dataclass
class Sweep:
    clients: dict[str, Client]
    users: dict = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    sent: int = 0
    seen: set = field(default_factory=set)
    spent: dict = field(default_factory=dict)  # seconds per route, printed to show where the sweep's time goes

    def send(self, who: str, method: str, url: str, data=None, note: str = "", **extra):
        """One request in a rolled-back savepoint; remembers a 500 with where it came from."""
        response = self._send(who, method, url, data, **extra)
        if _sent_to_log_in(response) and who in self.users:
            # A log-out or password form ended the session: log in again so the request is judged as that person.
            self.clients[who].force_login(self.users[who], backend="django.contrib.auth.backends.ModelBackend")
            response = self._send(who, method, url, data, **extra)
        shown = url if len(url) < 160 else f"{url[:150]}…"
        if response.status_code >= 500:
            self.failures.append(f"{method} {shown} as {who}{note} → {response.status_code}: {_cause(response)}")
        elif not _has_policy(response):
            self.failures.append(f"{method} {shown} as {who}{note} → {response.status_code} without the "
                                 "Content-Security-Policy header")
        return response

    def _send(self, who, method, url, data, **extra):
        client = self.clients[who]
        self.sent += 1
        savepoint = transaction.savepoint()
        started = time.perf_counter()
        try:
            if method == "GET":
                return client.get(url, **extra)
            return client.post(url, data=data or {}, **extra)
        finally:
            transaction.savepoint_rollback(savepoint)
            route = re.sub(r"\d+", "N", urlsplit(url).path)
            self.spent[route] = self.spent.get(route, 0) + time.perf_counter() - started


def _sent_to_log_in(response) -> bool:
    hops = [url for url, _ in getattr(response, "redirect_chain", [])]
    if response.status_code in (301, 302, 303):
        hops.append(response.get("Location", ""))
    return any(urlsplit(hop).path == "/accounts/login/" for hop in hops)


def _cause(response) -> str:
    """The exception's type and first line, and the innermost line of cchc's own code it came through."""
    if not getattr(response, "exc_info", None):
        return "(no exception)"
    kind, value, tb = response.exc_info
    ours = [f for f in traceback.extract_tb(tb) if f.filename.startswith(ROOT) and "/.venv/" not in f.filename]
    where = f" at {os.path.relpath(ours[-1].filename, ROOT)}:{ours[-1].lineno}" if ours else ""
    first_line = (str(value).splitlines() or [""])[0][:200]
    return f"{kind.__name__}: {first_line}{where}"


@pytest.fixture
def sweep(demo, db):
    from accounts.models import User

    users = {user.username: user for user in User.objects.filter(username__in=(*PEOPLE, "hung", "manh"))}
    clients = {}
    for username, user in users.items():
        clients[username] = Client(raise_request_exception=False)
        clients[username].force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    clients["anon"] = Client(raise_request_exception=False)  # a citizen answering a survey, a visitor of public pages
    return Sweep(clients, users)


def _forms(response, page_url: str) -> list[dict]:
    """The forms of an HTML page: where they go, how, their fields with the values a browser would send."""
    if "html" not in response.get("Content-Type", "") or not response.content.strip():
        return []
    try:
        doc = lxml.html.fromstring(response.content)
    except (ValueError, lxml.etree.ParserError):
        return []
    found = []
    for form in doc.forms:
        action = urljoin(page_url, form.get("action") or form.get("hx-post") or page_url)
        if urlsplit(action).netloc not in ("", "testserver"):
            continue
        names = sorted({el.name for el in form.inputs if el.name and el.name != "csrfmiddlewaretoken"})
        files = sorted({el.name for el in form.inputs if el.name and el.get("type") == "file"})
        buttons = [(b.get("name"), b.get("value", "")) for b in form.xpath(".//button[@name]|.//input[@type='submit'][@name]")]
        defaults = [(k, v) for k, v in form.form_values() if k != "csrfmiddlewaretoken" and k not in files]
        found.append({"action": urlsplit(action)._replace(scheme="", netloc="").geturl(),
                      "method": (form.get("method") or "get").upper(), "names": names, "files": files,
                      "buttons": buttons, "defaults": defaults, "filled": _filled(form), "kinds": _kinds(form),
                      "htmx": bool(form.get("hx-post"))})
    for el in doc.xpath("//*[@hx-post and not(self::form)]|//*[@hx-get]"):
        url = el.get("hx-post") or el.get("hx-get")
        found.append({"action": urljoin(page_url, url), "method": "POST" if el.get("hx-post") else "GET", "names": [],
                      "files": [], "buttons": [], "defaults": [], "filled": {}, "kinds": {}, "htmx": True})
    return found


def _fake_file(name: str, extension: str = ".docx"):
    return SimpleUploadedFile(f"{name}{extension}", b"day khong phai tep that\n" * 10, content_type="text/plain")


def _bodies(form: dict) -> list[tuple[str, dict]]:
    """What a form can be sent with: as shown, every field set to each junk value, filled in with one wrong field."""
    button = dict(form["buttons"][:1])
    shown = {}
    for k, v in form["defaults"]:
        shown.setdefault(k, []).append(v)
    bodies = [("as shown", {**shown, **button})]
    for junk in JUNK_VALUES:
        body = {name: junk for name in form["names"] if name not in form["files"]}
        body.update({name: _fake_file(name) for name in form["files"]})
        bodies.append((f"all fields {junk[:8]!r}", {**body, **button}))
    for name, value in form["buttons"][1:]:
        bodies.append((f"button {name}={value}", {**shown, name: value}))
    # Filled in as a careful user would, then one field wrong at a time: the form passes its other checks, so the
    # wrong value reaches whatever comes after validation (the action, the database).
    filled = {**form["filled"], **button}
    if filled:
        bodies.append(("filled in", filled))
    for name, kind in form["kinds"].items():
        for junk in FIELD_JUNK.get(kind, FIELD_JUNK["text"]):
            bodies.append((f"filled in, {name}={junk[:8]!r}", {**filled, name: junk}))
    return bodies


FIELD_JUNK = {"number": [str(HUGE), "-1", "1e400"], "date": ["31/02/2024", "01/01/0001"], "select": [str(HUGE)],
              "hidden": [str(HUGE)], "checkbox": ["khong-co"], "radio": ["khong-co"], "text": ["1" * 10_000]}


def _kinds(form) -> dict[str, str]:
    kinds = {}
    for el in form.inputs:
        kind = "select" if el.tag == "select" else "text" if el.tag == "textarea" else (el.get("type") or "text")
        if el.name and el.name != "csrfmiddlewaretoken" and kind not in ("file", "submit", "button"):
            kinds.setdefault(el.name, kind.lower())
    return kinds


def _walk_pages() -> list[tuple[str, bool]]:
    """(url, whether its ids are real) for every named route."""
    routes = [r for r in _routes() if r.name not in SKIPPED]
    assert len(routes) > 100
    pages = []
    for route in routes:
        real = _real_kwargs(route)
        pages += [(url, True) for url in map(lambda kwargs: _path(route, kwargs), real) if url]
        pages += [(url, False) for url in map(lambda kwargs: _path(route, kwargs), _bogus_kwargs(route, real)) if url]
    return pages


def _costly(url: str) -> bool:
    # A file export takes a while (a PDF runs LibreOffice); plain requests prove it, junk on top adds nothing.
    return url.rstrip("/").endswith((".pdf", ".docx", ".xlsx", "/xlsx"))


# 500s in apps whose engineers are editing them right now, reported to them: (method and path, exception start).
# They are shown as warnings, not hidden; delete a line once its app is fixed and the sweep holds it to the rule.
REPORTED: list[tuple[str, str]] = []


def _report(sweep: Sweep) -> str:
    reported = [f for f in sweep.failures if any(f.startswith(where) and what in f for where, what in REPORTED)]
    for failure in reported:
        warnings.warn(f"reported, not fixed here: {failure}", stacklevel=1)
    sweep.failures = [f for f in sweep.failures if f not in reported]
    return f"{len(sweep.failures)} of {sweep.sent} requests answered 500:\n" + "\n".join(sweep.failures)


# The walk is cut into parts so that pytest-xdist's workers share it (on PostgreSQL one walk takes minutes).
PARTS = 4


@pytest.mark.slow
@pytest.mark.sweep
@pytest.mark.parametrize("part", range(PARTS))
def test_no_page_answers_500_to_junk(sweep, part):
    """Every page as each person with a junk query, then every form it shows sent back empty, as shown and junk."""
    everything = _walk_pages()
    assert sum(real for _, real in everything) > 100
    pages = everything[part::PARTS]
    forms = []
    for url, real in pages:
        if not real:
            sweep.send("mai", "GET", f"{url}?{JUNK_QUERIES[0]}")
            sweep.send("mai", "POST", url, note=" (empty)")
            continue
        if _costly(url):
            # A PDF is LibreOffice's work (documents/tests convert every kind); the walk asks for it as an outsider.
            if not url.rstrip("/").endswith(".pdf"):
                sweep.send("mai", "GET", url)
            sweep.send("khoa", "GET", url)
            continue
        for who in (*PEOPLE, "anon") if url.lstrip("/").startswith(PUBLIC_PREFIXES) else PEOPLE:
            response = sweep.send(who, "GET", f"{url}?{JUNK_QUERIES[0]}")
            if response.status_code == 200:
                forms += [(who, url, form) for form in _forms(response, url)]
            if who not in REFUSED_EARLY:
                sweep.send(who, "POST", url, note=" (empty)")
        sweep.send("mai", "GET", url, HTTP_HX_REQUEST="true", note=" (htmx)")
        sweep.send("mai", "POST", url, {"x": "\x00", "pk": str(HUGE)}, note=" (junk, htmx)", HTTP_HX_REQUEST="true")
        for query in JUNK_QUERIES[1:]:
            sweep.send("admin", "GET", f"{url}?{query}")
    for who, url, form in forms:
        key = (who == "anon", form["method"], re.sub(r"\d+", "N", form["action"]), tuple(form["names"]))
        if key in sweep.seen or _costly(form["action"]) or urlsplit(form["action"]).path in LEAVE_ALONE:
            continue
        sweep.seen.add(key)
        exports = urlsplit(form["action"]).path in EXPORT_FORMS
        for label, body in _bodies(form):
            if exports and not label.startswith("all fields"):
                continue
            note = f" (form on {url}, {label})"
            if form["method"] == "GET":
                plain = {k: v for k, v in body.items() if not hasattr(v, "read")}
                sweep.send(who, "GET", f"{form['action'].split('?')[0]}?{urlencode(plain, doseq=True)}", note=note)
            elif form["htmx"]:
                sweep.send(who, "POST", form["action"], body, note=note, HTTP_HX_REQUEST="true")
            else:
                sweep.send(who, "POST", form["action"], body, note=note)
    slowest = sorted(sweep.spent.items(), key=lambda item: -item[1])[:8]
    print(f"robustness: {len(pages)} pages, {len(sweep.seen)} distinct forms, {sweep.sent} requests; slowest routes: "
          + ", ".join(f"{route} {seconds:.1f}s" for route, seconds in slowest))
    assert sum(real for _, real in pages) > 100 // PARTS and len(sweep.seen) > 50 // PARTS
    report = _report(sweep)
    assert not sweep.failures, report



GARBAGE = b"day khong phai tep that, chi la van ban\n" * 20


def _zip_of_text() -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("ghi-chu.txt", "không phải Word hay Excel")
    return buffer.getvalue()


WRONG_FILES = [
    ("ke-hoach.docx", GARBAGE), ("ke-hoach.xlsx", GARBAGE), ("ke-hoach.csv", bytes(range(256)) * 4),
    ("ke-hoach.docx", b"PK\x03\x04" + GARBAGE), ("ke-hoach.xlsx", b"PK\x03\x04" + GARBAGE),
    ("ke-hoach.docx", _zip_of_text()), ("ke-hoach.xlsx", _zip_of_text()), ("ke-hoach.pdf", b"%PDF-1.7\n" + GARBAGE),
    ("ke-hoach.xls", GARBAGE), ("ke-hoach.doc", GARBAGE), ("ke-hoach", GARBAGE),
]
ERROR_MARKS = ("errorlist", "msg error", "has-error", 'class="error')


def _upload_pages() -> list[tuple[str, str, bool]]:
    """(what, page showing an upload form, whether a wrong file must be refused with a message)."""
    from assessments.models import Assessment
    from frameworks.models import Framework
    from surveys.models import Survey

    pages = [("plan import", reverse("imports:index"), True), ("one-stop dossiers import", reverse("dossiers:imports"), True),
             ("document templates", reverse("documents:templates"), True)]
    pages += [("framework import", reverse("frameworks:import", args=[f.pk]), True)
              for f in Framework.objects.order_by("-pk")[:3]]
    pages += [("survey paper import", reverse("surveys:import_paper", args=[s.pk]), True)
              for s in Survey.objects.order_by("-pk")[:2]]
    open_assessments = Assessment.objects.filter(
        phase__in=[Assessment.Phase.SELF_ASSESSMENT, Assessment.Phase.RETURNED]).values("pk")
    pages += [("assessment evidence", reverse("assessments:detail", args=[a.pk]), False)
              for a in Assessment.objects.filter(pk__in=open_assessments).order_by("pk")[:2]]
    return pages


def _upload_form(doc):
    for form in doc.forms:
        if form.xpath(".//input[@type='file']"):
            return form
    return None


def _filled(form) -> dict:
    """The form as a careful user fills it: a real choice in each list, some text in empty boxes, no file yet."""
    body: dict = {}
    for el in form.inputs:
        name, kind = el.name, (el.get("type") or "").lower()
        if not name or name == "csrfmiddlewaretoken" or kind in ("file", "submit", "button"):
            continue
        if el.tag == "select":
            options = [o.get("value", o.text or "") for o in el.xpath(".//option")]
            chosen = [v for v in options if v] or options
            body[name] = el.value if el.value else (chosen[0] if chosen else "")
        elif kind in ("checkbox", "radio"):
            if el.checked or kind == "radio" and name not in body:
                body[name] = el.get("value", "on")
        elif kind == "date":
            body[name] = el.value or ""
        else:
            body[name] = el.value or ("1" if kind == "number" else "Thử nghiệm")
    return body


@pytest.mark.slow
def test_wrong_files_on_every_upload_form_get_a_message(sweep):
    checked = []
    for what, url, must_refuse in _upload_pages():
        for who in ("mai", "admin", "lan", "hung", "thu"):
            page = sweep.clients[who].get(url)
            form = _upload_form(lxml.html.fromstring(page.content)) if page.status_code == 200 else None
            if form is not None:
                break
        else:
            continue
        action = urlsplit(urljoin(url, form.get("action") or url)).path
        files = [el.name for el in form.inputs if (el.get("type") or "").lower() == "file"]
        checked.append(what)
        for filename, content in WRONG_FILES:
            body = {**_filled(form), **{name: SimpleUploadedFile(filename, content) for name in files}}
            response = sweep.send(who, "POST", action, body, note=f" ({what}, {filename})", follow=True)
            page = response.content.decode(errors="replace")
            if must_refuse and response.status_code < 500 and not any(mark in page for mark in ERROR_MARKS):
                sweep.failures.append(f"POST {action} as {who} ({what}, {filename} of {len(content)} bytes): "
                                      f"no message refusing the file")
    assert {"plan import", "framework import", "survey paper import", "document templates",
            "assessment evidence"} <= set(checked), checked
    report = _report(sweep)
    assert not sweep.failures, report


# What the sweep found, kept as quick cases so each fix is held without loading the demo.
@pytest.mark.parametrize(("who", "method", "url", "data", "status"), [
    ("lan", "GET", "/plans/?year=" + "1" * 5000, None, 200),  # no plan has such a year
    ("mai", "GET", f"/plans/lich/?year={HUGE}&month=1", None, 200),  # this month's calendar instead
    ("mai", "GET", "/plans/lich/?year=9999&month=12", None, 200),
    ("mai", "GET", f"/audit/?unit={HUGE}&user={HUGE}", None, 200),  # no entries
    ("mai", "GET", "/documents/bao-cao-theo-ky/?xuat=bao-cao-dinh-ky.docx&unit=" + "1" * 5000, None, 302),  # message
    ("admin", "POST", "/org/reorganise/merge/", {"merge-sources": [str(HUGE)], "merge-into": "1"}, 400),  # form errors
    ("mai", "POST", "/assessments/start/", {"framework": "1", "units": [str(HUGE)]}, 302),  # back with a message
    ("admin", "POST", "/dossiers/procedures/", {"id": "1" * 10000, "code": ""}, 400),  # the form with its errors
    ("admin", "POST", "/dossiers/procedures/", {"id": "²", "code": ""}, 400),  # a digit Python reads, not an id
    ("mai", "GET", "/audit/?unit=²&user=²", None, 200),
    ("lan", "GET", "/plans/?year=²", None, 200),
    ("mai", "GET", "/documents/bao-cao-theo-ky/?xuat=bao-cao-dinh-ky.docx&unit=²", None, 302),
    ("admin", "POST", "/org/reorganise/merge/", {"merge-sources": ["²"], "merge-into": "1"}, 400),
])
def test_overlong_numbers_answer_a_page_not_a_500(cast, who, method, url, data, status):
    client = Client(raise_request_exception=False)
    client.force_login(getattr(cast, who), backend="django.contrib.auth.backends.ModelBackend")
    response = client.get(url) if method == "GET" else client.post(url, data)
    assert response.status_code == status, _cause(response)


def test_an_id_too_large_for_the_database_is_an_invalid_choice(cast):
    from django import forms as django_forms

    from core.forms import ModelMultipleChoiceField
    from org.models import Unit

    field = ModelMultipleChoiceField(queryset=Unit.objects.all())
    assert list(field.clean([str(cast.unit("qldd").pk)])) == [cast.unit("qldd")]
    with pytest.raises(django_forms.ValidationError) as refused:
        field.clean([str(cast.unit("qldd").pk), str(HUGE)])
    assert refused.value.code == "invalid_choice"
