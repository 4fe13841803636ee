"""Nobody changes data they may not change: every URL, every role, in their own unit and in another.

The URL patterns come from the URL configuration; each must have an entry in the expectation table
(core/tests/mutation_table.py: who may change data there, in the words of the permission table, the grant policy and
the four-eyes rules). Each URL that writes is sent a valid form — read from its page as someone allowed, filled as a
careful user would — by lan, hung, mai, thu, manh, admin, khoa and an anonymous visitor, on objects of the Land
division, the IT Centre and Sở Tư pháp (core/tests/mutation_world.py). Whoever may not must change no row (row
counts and checksums of every table, core/tests/dbstate.py); whoever may must change some, which proves the form was
valid. Pages that write nothing are posted to as everyone too. Each request runs in a rolled-back savepoint.

The cast and the world are built once per module (and per xdist worker) on a fixed day; the URLs are separate test
items so both workers share them. Holes found in apps their engineers are changing right now are listed in
KNOWN_HOLES and fail as expected (strict) until fixed.
"""

import datetime
import logging
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
import time_machine
from django.db import transaction
from django.test import override_settings
from django.urls import URLResolver, get_resolver, reverse

from accounts.models import Role
from core.testing import make_cast
from core.tests.matrix import ANONYMOUS, CLIENTS, Bench, forms_of
from core.tests.mutation_table import TABLE, Exempt, Reads, Writes
from core.tests.mutation_world import build_world

pytestmark = [pytest.mark.django_db]

TODAY = "2026-11-23 09:00 +07:00"


def url_names(patterns=None, namespace="") -> list[str]:
    """Every named URL pattern of the site, namespaced as reverse() takes it."""
    names = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}:{pattern.namespace}" if namespace and pattern.namespace else (
                pattern.namespace or namespace)
            names += url_names(pattern.url_patterns, inner)
        elif pattern.name:
            names.append(f"{namespace}:{pattern.name}" if namespace else pattern.name)
    return names


class KnownHole(Exception):
    """Only the disallowed changes KNOWN_HOLES lists were found: the test fails as expected until they are fixed."""


# (url name, target, who): the hole, in an app whose engineer is changing it now. Delete a line once it is fixed;
# the test then passes, and a strict xfail that passes fails the run so the line cannot be forgotten.
KNOWN_HOLES: dict[tuple[str, str, str], str] = {}


def _params():
    params = []
    for name in sorted(TABLE):
        if isinstance(TABLE[name], Exempt):
            continue
        holes = sorted({reason for (url, _where, _who), reason in KNOWN_HOLES.items() if url == name})
        marks = [pytest.mark.xfail(strict=True, raises=KnownHole, reason="; ".join(holes))] if holes else []
        params.append(pytest.param(name, marks=marks, id=name))
    return params


@pytest.fixture(scope="module")
def media_root(tmp_path_factory):
    return tmp_path_factory.mktemp("matrix-media")


@pytest.fixture(autouse=True)
def _fast_and_quiet(_fast_and_quiet, settings, media_root):
    """The shared settings, with the module's one media folder; a survey may be answered at once."""
    settings.MEDIA_ROOT = str(media_root)
    settings.CCHC_SURVEY_MIN_FILL_SECONDS = "0"


@pytest.fixture(autouse=True)
def _no_error_log_noise():
    # A refused request is the point here; the request logger's warnings for each 403/404 only bury the report.
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    yield
    logger.setLevel(level)


@dataclass(repr=False)
class Matrix:
    world: object
    bench: Bench


@pytest.fixture(scope="module")
def matrix(django_db_setup, django_db_blocker, media_root):
    """The cast and the world, in a transaction rolled back when the module ends, on a fixed day. Not the demo: the
    world holds every kind of object in the state its writes need, and the matrix should not fail when the demo's
    story changes."""
    with django_db_blocker.unblock(), time_machine.travel(TODAY, tick=True), override_settings(
        MEDIA_ROOT=str(media_root), PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend", CCHC_SURVEY_MIN_FILL_SECONDS="0",
    ), transaction.atomic():
        make_cast()
        world = build_world()
        users = {**world.people, **{f"helper:{name}": user for name, user in world.helpers.items()}}
        yield Matrix(world, Bench.build(users))
        transaction.set_rollback(True)


@dataclass
class Report:
    name: str
    requests: int = 0
    writes: int = 0  # valid requests by someone allowed, which changed rows
    refused: int = 0  # requests by someone not allowed, which changed nothing
    holes: list[tuple[str, str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def hole(self, where: str, who: str, detail: str) -> None:
        self.holes.append((where, who, detail))


def _form_for(matrix: Matrix, entry: Writes, target, url: str, allowed: list[str]):
    """The form that posts to `url`, read from its page by the first person allowed (then the helpers, then anyone)."""
    page = entry.page(target) if entry.page else url
    path = url.split("?")[0]
    helpers = [name for name in matrix.bench.clients if name.startswith("helper:")]
    for who in dict.fromkeys([*allowed, *helpers, *CLIENTS]):
        response = matrix.bench.get(who, page, htmx=entry.htmx)
        if response.status_code != 200:
            continue
        for form in forms_of(response.content, page):
            if form.action.split("?")[0] == path:
                return form
    return None


def _check_writes(matrix: Matrix, name: str, entry: Writes, report: Report) -> None:
    world, bench = matrix.world, matrix.bench
    for where, target in entry.targets(world).items():
        url = reverse(name, kwargs=entry.kwargs(target))
        expected = {who: entry.may(bench.users.get(who), target) for who in CLIENTS}
        allowed = [who for who in CLIENTS if expected[who]]
        body = {}
        if not entry.raw:
            form = _form_for(matrix, entry, target, url, allowed)
            if form is None:
                report.problems.append(f"{where}: no form posting to {url} on {entry.page(target) if entry.page else url}")
                continue
            body = dict(form.values)
            url = form.action if form.action.split("?")[0] == url else url
        for key, value in entry.data(target, world).items():
            if value is None:
                body.pop(key, None)
            else:
                body[key] = value if isinstance(value, list) else [str(value)]
        files = entry.files(target, world) if entry.files else None
        for who in CLIENTS:
            outcome = bench.post(who, url, body, files, htmx=entry.htmx)
            report.requests += 1
            if outcome.status >= 500:
                report.problems.append(f"{where}: {who} → {outcome.status}")
            elif expected[who] and outcome.changed:
                report.writes += 1
            elif expected[who]:
                report.problems.append(f"{where}: {who} may, but changed nothing ({outcome.status} {outcome.said})")
            elif outcome.changed:
                report.hole(where, who, f"changed {', '.join(outcome.changed)} ({outcome.status})")
            else:
                report.refused += 1


def _check_reads(matrix: Matrix, name: str, entry: Reads, report: Report) -> None:
    url = reverse(name, kwargs=entry.kwargs(matrix.world))
    for who in ("admin", ANONYMOUS) if entry.costly else CLIENTS:
        outcome = matrix.bench.post(who, url, {"x": ["1"]})
        report.requests += 1
        if outcome.status >= 500:
            report.problems.append(f"{who} → {outcome.status}")
        elif outcome.changed:
            report.hole("(no target)", who, f"changed {', '.join(outcome.changed)} ({outcome.status})")
        else:
            report.refused += 1


def test_every_url_is_in_the_table():
    names = set(url_names())
    missing, stale = sorted(names - TABLE.keys()), sorted(TABLE.keys() - names)
    assert not missing, f"URLs without an entry in core/tests/mutation_table.py (who may change data there?): {missing}"
    assert not stale, f"entries for URLs that no longer exist: {stale}"
    assert len(names) > 100


@pytest.mark.parametrize("name", _params())
def test_only_those_allowed_change_data(matrix, name, record_proof):
    entry = TABLE[name]
    report = Report(name)
    if isinstance(entry, Writes):
        _check_writes(matrix, name, entry, report)
    else:
        _check_reads(matrix, name, entry, report)
    record_proof("mutation matrix", urls=1, writing_urls=int(isinstance(entry, Writes)), requests=report.requests,
                 writes=report.writes, refused=report.refused, holes=len(report.holes))
    known = {(where, who) for (url, where, who) in KNOWN_HOLES if url == name}
    found = {(where, who) for where, who, _detail in report.holes}
    lines = [f"{where}: {who} may not, yet {detail}" for where, who, detail in report.holes if (where, who) not in known]
    lines += [f"{where}: {who} — listed in KNOWN_HOLES but no longer found: delete the line" for where, who in
              sorted(known - found)]
    lines += report.problems
    if isinstance(entry, Writes) and not report.writes:
        lines.append("nobody changed anything: is the form valid, is anyone allowed on some target?")
    assert not lines, f"{name}:\n" + "\n".join(lines)
    if found:
        raise KnownHole(f"{name}: " + "; ".join(f"{where}: {who}" for where, who in sorted(found)))



# --- The escalation paths of issue 13, by name -------------------------------------------------------------------
# Each sends the request that escalates and the one that is allowed, so a refusal is known to be a refusal of the
# escalation and not of a broken form.


def _read_form(matrix: Matrix, who: str, page: str, action: str, htmx: bool = False) -> dict:
    """The form posting to `action` as `who` sees it on `page`, filled as a careful user would."""
    response = matrix.bench.get(who, page, htmx=htmx)
    for form in forms_of(response.content, page):
        if form.action.split("?")[0] == action:
            return dict(form.values)
    raise AssertionError(f"{who} sees no form posting to {action} on {page} ({response.status_code})")


def _grant(matrix: Matrix, who: str, person, role: str, unit, everywhere: bool = False, look=None):
    data = {"role": [role], "unit": [str(unit.pk)], **({"everywhere": ["on"]} if everywhere else {})}
    return matrix.bench.post(who, reverse("accounts:grant_add", args=[person.pk]), data, look=look)


def test_grants_the_reform_office_cannot_grant_itself_administrator_or_appraiser(matrix):
    w = matrix.world
    mai = w.people["mai"]
    for role in (Role.ADMIN, Role.APPRAISER, Role.LEADER, Role.REFORM_OFFICE):
        for unit in (w.unit("stnmt"), w.unit("vp"), w.unit("ubnd-brvt")):
            assert not _grant(matrix, "mai", mai, role, unit).changed, (role, unit.code)
    assert _grant(matrix, "admin", mai, Role.APPRAISER, w.unit("stnmt")).changed


def test_grants_the_reform_office_grants_nobody_administrator_or_appraiser(matrix):
    w = matrix.world
    for person in (w.people["lan"], w.people["hung"], w.helpers["qldd-head"]):
        for role in (Role.ADMIN, Role.APPRAISER):
            assert not _grant(matrix, "mai", person, role, person.unit).changed, (person.username, role)
    assert _grant(matrix, "mai", w.people["lan"], Role.UNIT_HEAD, w.unit("qldd")).changed


def test_grants_the_reform_office_grants_nothing_outside_its_tree(matrix):
    w = matrix.world
    lan, khoa = w.people["lan"], w.people["khoa"]
    for person, role, unit in ((lan, Role.SPECIALIST, w.unit("stp")), (khoa, Role.SPECIALIST, w.unit("stp")),
                               (khoa, Role.UNIT_HEAD, w.unit("qldd")), (lan, Role.REFORM_OFFICE, w.unit("ubnd-brvt")),
                               (lan, Role.SPECIALIST, w.unit("ubnd-brvt"))):
        assert not _grant(matrix, "mai", person, role, unit).changed, (person.username, role, unit.code)
    assert _grant(matrix, "mai", lan, Role.SPECIALIST, w.unit("ttcntt")).changed


def test_grants_an_administrator_of_one_tree_grants_nothing_outside_it_nor_everywhere(matrix):
    from accounts.models import RoleGrant
    from core.testing import make_user

    w = matrix.world
    tree_admin = make_user("mx-admin-stnmt", w.unit("stnmt"), (Role.ADMIN, w.unit("stnmt")))
    lan, khoa = w.people["lan"], w.people["khoa"]
    with matrix.bench.person(tree_admin) as who, matrix.bench.rebased():
        assert not _grant(matrix, who, khoa, Role.SPECIALIST, w.unit("stp")).changed
        assert not _grant(matrix, who, lan, Role.SPECIALIST, w.unit("stp")).changed
        # Asked for everywhere, the grant is made over the administrator's own tree only.
        reaches_everywhere = _grant(matrix, who, lan, Role.ADMIN, w.unit("stnmt"), everywhere=True, look=lambda: (
            RoleGrant.objects.filter(user=lan, role=Role.ADMIN, everywhere=True).exists()))
        assert reaches_everywhere.looked is False
        assert not _grant(matrix, who, lan, Role.ADMIN, w.unit("ubnd-brvt")).changed
        assert not _grant(matrix, who, tree_admin, Role.ADMIN, w.unit("ubnd-brvt")).changed
        assert _grant(matrix, who, lan, Role.ADMIN, w.unit("stnmt")).changed


def test_passwords_nobody_sets_another_persons_password(matrix):
    from accounts.models import User

    w, bench = matrix.world, matrix.bench
    lan = w.people["lan"]
    for who in ("mai", "hung", "manh", "thu", "khoa", "lan", ANONYMOUS):
        for person in (lan, w.people["manh"], w.people["admin"], w.people["mai"]):
            outcome = bench.post(who, reverse("accounts:temporary_password", args=[person.pk]), {})
            assert not outcome.changed, (who, person.username)
    # The person form takes no password, whatever is posted with it.
    edit = reverse("accounts:person_edit", args=[lan.pk])
    form = _read_form(matrix, "mai", edit, edit)
    for name in ("password", "password1", "password2", "new_password1", "new_password2"):
        form[name] = ["Mat-khau-cua-van-phong-1"]
    form["full_name"] = ["Nguyễn Thị Lan (đã sửa)"]
    outcome = bench.post("mai", edit, form, look=lambda: User.objects.get(pk=lan.pk).password)
    assert outcome.changed and outcome.looked == User.objects.get(pk=lan.pk).password
    # An administrator gives a temporary password, which the person must change at the next log-in.
    outcome = bench.post("admin", reverse("accounts:temporary_password", args=[lan.pk]), {},
                         look=lambda: User.objects.get(pk=lan.pk).must_change_password)
    assert outcome.changed and outcome.looked is True


def test_passwords_only_an_administrator_sends_a_password_link(matrix):
    from django.core import mail

    lan = matrix.world.people["lan"]
    url = reverse("accounts:send_password_link", args=[lan.pk])
    for who in ("mai", "hung", "manh", "thu", "khoa", "lan", ANONYMOUS):
        sent = len(mail.outbox)
        assert not matrix.bench.post(who, url, {}).changed, who
        assert len(mail.outbox) == sent, who
    assert matrix.bench.post("admin", url, {}).changed
    assert mail.outbox[-1].to == [lan.email]


def test_passwords_the_office_cannot_point_a_persons_link_at_another_address(matrix):
    from accounts.models import User

    lan = matrix.world.people["lan"]
    edit = reverse("accounts:person_edit", args=[lan.pk])
    form = {**_read_form(matrix, "mai", edit, edit), "email": ["van-phong@example.vn"], "full_name": ["Lan (sửa)"]}
    outcome = matrix.bench.post("mai", edit, form, look=lambda: User.objects.get(pk=lan.pk).email)
    assert outcome.changed and outcome.looked == lan.email
    outcome = matrix.bench.post("admin", edit, form, look=lambda: User.objects.get(pk=lan.pk).email)
    assert outcome.looked == "van-phong@example.vn"


def test_self_approval_a_unit_head_does_not_approve_his_own_extension(matrix):
    from plans import actions

    w = matrix.world
    hung, ttcntt = w.people["hung"], w.unit("ttcntt")
    plan = w.plans["stnmt"]
    task = actions.add_task(by=w.people["mai"], plan=plan, section=plan.sections.first(), code="5.1",
                            content="Nâng cấp cổng dịch vụ công của Sở", deadline_text=f"Trước ngày 10/12/{w.year}",
                            lead_units=[ttcntt], monitoring_units=[ttcntt])
    extension = actions.request_extension(by=hung, task=task, unit=ttcntt, reason="Chờ nhà thầu.",
                                          new_due=datetime.date(w.year, 12, 31))
    url = reverse("plans:decide_extension", args=[task.pk, extension.pk])
    with matrix.bench.rebased():
        assert matrix.bench.post("mai", url, {"approve": ["1"], "note": ["Đồng ý."]}).changed
        assert not matrix.bench.post("hung", url, {"approve": ["1"], "note": ["Tự duyệt."]}).changed


def test_self_approval_nobody_sends_back_their_own_progress_update(matrix):
    from plans import actions
    from plans.models import TaskUpdate

    w = matrix.world
    task = w.tasks["qldd"]
    update = actions.post_update(by=w.people["mai"], task=task, unit=w.unit("qldd"), kind=TaskUpdate.Kind.PROGRESS,
                                 note="Văn phòng cập nhật thay phòng.", status="in_progress", percent=60)
    url = reverse("plans:return_update", args=[task.pk, update.pk])
    with matrix.bench.rebased():
        assert matrix.bench.post("manh", url, {"reason": ["Chưa có tài liệu kiểm chứng."]}).changed
        assert not matrix.bench.post("mai", url, {"reason": ["Tự trả lại."]}).changed


def test_self_approval_nobody_decides_their_own_appeal(matrix):
    from assessments import actions
    from core.testing import make_user

    w = matrix.world
    both = make_user("mx-office-and-council", w.unit("vp"), (Role.REFORM_OFFICE, w.unit("stnmt")),
                     (Role.APPRAISER, w.unit("ubnd-brvt")), full_name="Văn phòng và Hội đồng")
    score = w.assessments["finalised"]["qldd"].scores.get(criterion__code="1.2")
    actions.file_appeal(score, by=both, reason="Đã ban hành đúng hạn.", requested=Decimal("1.5"))
    url = reverse("assessments:decide", args=[score.assessment_id, score.pk])
    body = {"decision": ["accept"], "points": [""], "reason": ["Chấp nhận."]}
    with matrix.bench.person(both) as who, matrix.bench.rebased():
        assert matrix.bench.post("thu", url, body, htmx=True).changed
        assert not matrix.bench.post(who, url, body, htmx=True).changed


def _own_unit_assessment(w, unit, phase):
    """An assessment of a unit of the cast (Sở Nội vụ, thu's; Văn phòng Sở, mai's) done by that unit's own head."""
    from core.testing import make_user
    from core.tests.mutation_world import assessment_in, framework_of

    head = make_user(f"mx-head-{unit.code}", unit, (Role.UNIT_HEAD, unit))
    owner = w.unit("ubnd-brvt") if unit.parent.kind == "province" else unit.parent
    framework = framework_of(w, owner, f"Bộ chỉ số ({unit.code})", by=w.people["admin"])
    council = make_user("mx-council-stp", w.unit("stp"), (Role.APPRAISER, w.unit("ubnd-brvt")))
    return assessment_in(w, framework, unit, phase, scorer=head, submitter=head, appraiser=council), council


def test_own_unit_appraisal_an_appraiser_does_not_appraise_her_own_unit(matrix):
    w, bench = matrix.world, matrix.bench
    assessment, council = _own_unit_assessment(w, w.unit("snv"), "appraisal")
    score = assessment.scores.get(criterion__code="1.1")
    appraise = reverse("assessments:appraise", args=[assessment.pk, score.pk])
    body = {"points": ["0,5"], "comment": ["Ban hành chậm."]}
    finalise = reverse("assessments:finalise", args=[assessment.pk])
    with bench.person(council) as other, bench.rebased():
        confirmed = _read_form(matrix, other, finalise, finalise)
        assert bench.post(other, appraise, body, htmx=True).changed
        assert bench.post(other, finalise, confirmed).changed
        for url, data in ((appraise, body), (reverse("assessments:return", args=[assessment.pk]),
                                             {f"return-{score.pk}": ["Giải trình thêm."]}), (finalise, confirmed)):
            assert not bench.post("thu", url, data, htmx=url == appraise).changed, url


def test_own_unit_appraisal_the_office_does_not_publish_its_own_units_result(matrix):
    w, bench = matrix.world, matrix.bench
    assessment, _council = _own_unit_assessment(w, w.unit("vp"), "finalised")
    publish = reverse("assessments:publish", args=[assessment.pk])
    with bench.rebased():
        confirmed = _read_form(matrix, "admin", publish, publish)
        assert bench.post("admin", publish, confirmed).changed
        assert not bench.post("mai", publish, confirmed).changed


def test_own_unit_appraisal_the_reform_office_never_appraises_its_own_department(matrix):
    """The chain the issue found: the office self-scored, submitted, appraised, finalised and published its own
    department's result. It may self-score and submit; appraising, returning and finalising are the council's (and
    publishing it the province's: the publish test above)."""
    from core.tests.mutation_world import assessment_in, framework_of

    w, bench = matrix.world, matrix.bench
    mai = w.people["mai"]
    framework = framework_of(w, w.unit("ubnd-brvt"), "Bộ chỉ số các sở (tự thẩm định)", by=w.people["admin"])
    assessment = assessment_in(w, framework, w.unit("stnmt"), "appraisal", scorer=mai, submitter=mai,
                               appraiser=w.people["thu"])
    score = assessment.scores.get(criterion__code="1.1")
    appraise = reverse("assessments:appraise", args=[assessment.pk, score.pk])
    finalise = reverse("assessments:finalise", args=[assessment.pk])
    with bench.rebased():
        confirmed = _read_form(matrix, "thu", finalise, finalise)
        assert bench.post("thu", appraise, {"points": ["1"], "comment": [""]}, htmx=True).changed
        assert bench.post("thu", finalise, confirmed).changed
        for url, data in ((appraise, {"points": ["1"], "comment": [""]}),
                          (reverse("assessments:return", args=[assessment.pk]), {f"return-{score.pk}": ["Giải trình."]}),
                          (finalise, confirmed)):
            assert not bench.post("mai", url, data, htmx=url == appraise).changed, url
