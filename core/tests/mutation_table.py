"""Who may change data at each URL of the site: the expectation table of the mutation matrix.

Every named URL pattern has an entry (core/tests/test_mutation_matrix.py fails on one without):
- Writes: a valid form changes rows. `may(user, target)` says who may change them, in the words of the permission
  table (accounts/permissions.py: PERMISSIONS, through `can`), of the grant policy (accounts/grants.py) and of the
  four-eyes rules issue 13 demands (nobody decides their own request, nobody appraises their own unit); `targets`
  are the objects it is tried on (mutation_world: the Land division, the IT Centre, Sở Tư pháp…); the form is read
  from `page` (the URL itself unless said) as someone who may use it, filled as a careful user would, then `data`
  is set on top (a value None removes a field), `files` attached.
- Reads: a page that writes nothing whoever sends it, whatever the method; the matrix posts to it as everyone.
- Exempt: not tried here, with the reason and where it is tested instead.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from accounts import grants
from accounts.models import Role
from accounts.permissions import can, can_everywhere, grants_of
from core.testing import PASSWORD
from core.tests.mutation_world import THERE, World, word_file


@dataclass(frozen=True)
class Writes:
    may: Callable[[Any, Any], bool]
    targets: Callable[[World], dict]
    kwargs: Callable[[Any], dict] = lambda t: {"pk": t.pk}
    page: Callable[[Any], str] | None = None
    data: Callable[[Any, World], dict] = lambda t, w: {}
    files: Callable[[Any, World], dict] | None = None
    raw: bool = False  # no form to read: `data` is the whole body
    htmx: bool = False  # the page is read as htmx asks for it (the fragment holding the form)


@dataclass(frozen=True)
class Reads:
    reason: str
    kwargs: Callable[[World], dict] = lambda w: {}
    costly: bool = False  # a file is built (LibreOffice, Excel): posted as the administrator and anonymously only


@dataclass(frozen=True)
class Exempt:
    reason: str


# --- who may: the permission table, the grant policy, four eyes -------------------------------------------------


def anyone(user, target) -> bool:
    return True


def logged_in(user, target) -> bool:
    return user is not None


def table(action: str, unit_of: Callable[[Any], Any]) -> Callable[[Any, Any], bool]:
    """May do `action` on the target's unit (PERMISSIONS through accounts.permissions.can)."""
    return lambda user, target: user is not None and can(user, action, unit_of(target))


def everywhere(action: str) -> Callable[[Any, Any], bool]:
    """Data every unit shares (the working-day calendar, the procedure catalogue): only a reach over every unit."""
    return lambda user, target: user is not None and can_everywhere(user, action)


def _held(person) -> list[grants.Holding]:
    held = [grants.Holding(g.role, g.unit.path, g.everywhere) for g in person.grants.select_related("unit")]
    if person.is_superuser:
        held.append(grants.Holding(grants.ADMIN, "/", True))
    return held


def _path(unit):
    return unit.path if unit is not None else None


def manages(user, person) -> bool:
    """The grant policy: may manage this person's account."""
    return user is not None and grants.refuse_manage(grants_of(user), _held(person), _path(person.unit),
                                                     is_self=user.pk == person.pk) is None


def grants_role(user, target) -> bool:
    person, role, unit = target
    return (user is not None and manages(user, person)
            and grants.refuse_grant(grants_of(user), role, unit.path, to_self=user.pk == person.pk) is None)


def revokes(user, grant) -> bool:
    return (user is not None and manages(user, grant.user)
            and grants.refuse_grant(grants_of(user), grant.role, grant.unit.path, to_self=user.pk == grant.user_id,
                                    everywhere=grant.everywhere) is None)


def sends_credentials(user, person) -> bool:
    return user is not None and grants.refuse_credentials(grants_of(user), _held(person), _path(person.unit),
                                                          is_self=user.pk == person.pk) is None


def member_of(user, unit) -> bool:
    """The person works in the unit: it is their home unit, or they are its staff or head."""
    if user.unit_id == unit.pk:
        return True
    return any(g.role in (Role.SPECIALIST, Role.UNIT_HEAD) and g.unit_id == unit.pk for g in grants_of(user))


def took_part(user, assessment) -> bool:
    """Self-scored, uploaded evidence, submitted or appealed in this assessment: the unit's side (four eyes)."""
    from assessments.models import Appeal, Assessment, Evidence, Score
    from audit.models import AuditEntry

    sent = {str(Assessment.Phase.SUBMITTED.label), str(Assessment.Phase.RESUBMITTED.label)}
    return (Score.objects.filter(assessment=assessment, scored_by=user).exists()
            or Evidence.objects.filter(score__assessment=assessment, uploaded_by=user).exists()
            or Appeal.objects.filter(score__assessment=assessment, created_by=user).exists()
            or any((entry.changes.get("phase") or [None, None])[-1] in sent for entry in
                   AuditEntry.objects.for_object(assessment).filter(user=user, action=AuditEntry.Action.STATUS)))


def own_unit(user, assessment) -> bool:
    return user.unit is not None and user.unit.path.startswith(assessment.unit.path)


def appraises(user, assessment) -> bool:
    """The council over the body that runs the assessment, never on its own unit nor on one it took part in."""
    return (user is not None and can(user, "assessment.appraise", assessment.framework.owner)
            and not own_unit(user, assessment) and not took_part(user, assessment))


def publishes(user, assessment) -> bool:
    """The office of the body that runs it or an administrator; never someone who took part, and the office not its
    own unit's result."""
    if user is None or not can(user, "assessment.publish", assessment.framework.owner) or took_part(user, assessment):
        return False
    is_admin = any(g.role == Role.ADMIN for g in grants_of(user))
    return is_admin or not own_unit(user, assessment)


def scores_item(user, score) -> bool:
    """Self-scores an item: over the item's responsible unit when it lies inside the assessed unit, else over the
    assessed unit."""
    assessment, responsible = score.assessment, score.criterion.responsible_unit
    unit = responsible if responsible is not None and responsible.path.startswith(assessment.unit.path) else \
        assessment.unit
    return user is not None and can(user, "assessment.self_score", unit)


def reports_on(user, task) -> bool:
    return user is not None and any(can(user, "task.report", u) for u in task.lead_units.all())


def manages_plan(user, task) -> bool:
    return user is not None and can(user, "plan.manage", task.plan.issuing_unit)


def monitors(user, update) -> bool:
    """Sends a progress update back: whoever manages the plan or monitors the task, never on their own update nor
    their own unit's (four eyes)."""
    task = update.task
    allowed = manages_plan(user, task) or (user is not None and any(can(user, "task.monitor", u)
                                                                    for u in task.monitoring_units.all()))
    return allowed and update.author_id != user.pk and not member_of(user, update.unit)


def approves(user, extension) -> bool:
    """Decides an extension: task.approve_extension over a monitoring unit of the task or the plan's issuing unit;
    never the person who asked nor anyone of the unit that asked (four eyes)."""
    if user is None:
        return False
    task = extension.task
    units = [*task.monitoring_units.all(), task.plan.issuing_unit]
    return (any(can(user, "task.approve_extension", u) for u in units)
            and extension.requested_by_id != user.pk and not member_of(user, extension.unit))


def answers_as_official(user, survey) -> bool:
    own = user is not None and user.unit is not None and user.unit.path.startswith(survey.unit.path)
    return own or (user is not None and can(user, "survey.view", survey.unit))


# --- targets and data -------------------------------------------------------------------------------------------


def _by_place(attribute: str) -> Callable[[World], dict]:
    return lambda w: dict(getattr(w, attribute))


def _phase(phase: str) -> Callable[[World], dict]:
    return lambda w: dict(w.assessments[phase])


def _score(phase: str, code: str) -> Callable[[World], dict]:
    return lambda w: {where: a.scores.select_related("assessment__framework__owner", "assessment__unit",
                                                     "criterion__responsible_unit").get(criterion__code=code)
                      for where, a in w.assessments[phase].items()}


def _people(w: World) -> dict:
    p = w.people
    return {"qldd": p["lan"], "ttcntt": p["hung"], "stp": p["khoa"], "the administrator": p["admin"],
            "the leader": p["manh"]}


def _grants(w: World) -> dict:
    from core.tests.mutation_world import grant_of

    p = w.people
    return {"qldd": grant_of(p["lan"]), "ttcntt": grant_of(p["hung"], Role.UNIT_HEAD), "stp": grant_of(p["khoa"]),
            "the administrator": grant_of(p["admin"]), "the leader": grant_of(p["manh"])}


def _units(*codes: str) -> Callable[[World], dict]:
    return lambda w: {code: w.unit(code) for code in codes}


def _date(day: datetime.date) -> str:
    return f"{day:%d/%m/%Y}"


def _year_day(w: World, month: int, day: int) -> str:
    return _date(datetime.date(w.year, month, day))


def _lead(task):
    return task.lead_units.first()


def _item(score) -> str:
    return reverse("assessments:item", args=[score.assessment_id, score.pk])


def _detail(assessment) -> str:
    return reverse("assessments:detail", args=[assessment.pk])


def _task_page(task) -> str:
    return reverse("plans:task", args=[task.pk])


def _edited(text: str) -> str:
    return f"{text} (đã sửa)"


def _framework_rows(framework) -> bytes:
    from frameworks import sheet

    rows = [{"code": "1", "parent_code": "", "kind": "area", "title": "Công tác chỉ đạo, điều hành", "max_points": 2,
             "rule": {"kind": "manual"}, "guidance": "", "unit_name": "", "deadline": None},
            {"code": "1.1", "parent_code": "1", "kind": "criterion", "title": "Ban hành kế hoạch đúng hạn",
             "max_points": 2, "rule": {"kind": "manual"}, "guidance": "", "unit_name": "", "deadline": None}]
    return sheet.write_workbook(framework.title, rows)


def _paper_sheets(survey) -> bytes:
    import io

    from openpyxl import Workbook

    count = survey.questions.count()
    workbook = Workbook()
    workbook.active.append(["Ngày trả lời", "Quầy / điểm khảo sát", *[f"{i}. câu hỏi" for i in range(1, count + 1)]])
    workbook.active.append([f"01/06/{survey.start_date.year}", "", *[4] * count])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _plan_file(target, w) -> dict:
    from imports.tests.builders import build_plan_2025

    return {"file": ("ke-hoach-2025.docx", build_plan_2025())}


def _template_file(target, w) -> dict:
    from documents.starter import starter_template

    return {"file": ("mau-ke-hoach.docx", starter_template("plan"))}


def _import_task(w: World) -> dict:
    return {where: (session, session.tasks()[0]["id"]) for where, session in w.import_sessions.items()}


def _department_units(w: World) -> dict:
    return {"stnmt": (w.plans["stnmt"], w.unit("qldd")), THERE: (w.plans["stp"], w.unit("stp-hctp"))}


# --- the table --------------------------------------------------------------------------------------------------

TABLE: dict[str, Writes | Reads | Exempt] = {
    # Core and the language switch
    "set_language": Reads("sets the language cookie; no row"),
    "core:home": Reads("the home page"),
    "core:healthz": Reads("answers ok"),
    # Accounts
    "accounts:login": Reads("a log-in writes only its session and django-axes' counters (both excluded); the "
                            "credentials it takes are tested in accounts/tests"),
    "accounts:password_reset": Writes(
        anyone, lambda w: {"qldd": w.people["lan"]}, kwargs=lambda t: {},
        data=lambda t, w: {"email": t.email}),
    "accounts:password_reset_done": Reads("a message"),
    "accounts:password_reset_confirm": Exempt(
        "the e-mailed token is the authority, not a role: accounts/tests/test_password_forgotten.py and "
        "test_password_admin.py follow a link once and refuse a broken or forged one"),
    "accounts:password_reset_complete": Reads("a message"),
    "accounts:logout": Reads("ends the session (excluded); no row"),
    "accounts:profile": Reads("one's own roles"),
    "accounts:password_change": Writes(
        logged_in, lambda w: {"own": None}, kwargs=lambda t: {},
        data=lambda t, w: {"old_password": PASSWORD, "new_password1": "Mat-khau-moi-2026!",
                           "new_password2": "Mat-khau-moi-2026!"}),
    "accounts:people": Reads("the people list"),
    "accounts:person_new": Writes(
        lambda user, unit: user is not None and grants.refuse_manage(grants_of(user), [], unit.path) is None,
        _units("qldd", "ttcntt", "stp"), kwargs=lambda t: {},
        data=lambda t, w: {"username": "mx-nguoi-moi", "full_name": "Người dùng mới", "position": "Chuyên viên",
                           "unit": t.pk, "email": "mx-nguoi-moi@example.vn", "first_password": "temporary",
                           "is_active": "on"}),
    "accounts:person_edit": Writes(manages, _people, data=lambda t, w: {"full_name": _edited(t.full_name)}),
    "accounts:grant_add": Writes(
        grants_role,
        lambda w: {"qldd": (w.people["lan"], Role.UNIT_HEAD, w.unit("qldd")),
                   "ttcntt": (w.people["hung"], Role.SPECIALIST, w.unit("qldd")),
                   "stp": (w.people["khoa"], Role.UNIT_HEAD, w.unit("stp")),
                   "administrator to a specialist": (w.people["lan"], Role.ADMIN, w.unit("stnmt")),
                   "appraiser to a specialist": (w.people["lan"], Role.APPRAISER, w.unit("qldd")),
                   "administrator to the reform office": (w.people["mai"], Role.ADMIN, w.unit("stnmt")),
                   "appraiser to the reform office": (w.people["mai"], Role.APPRAISER, w.unit("stnmt"))},
        kwargs=lambda t: {"pk": t[0].pk}, page=lambda t: reverse("accounts:person_edit", args=[t[0].pk]),
        data=lambda t, w: {"role": t[1], "unit": t[2].pk}),
    "accounts:grant_remove": Writes(
        revokes, _grants, kwargs=lambda g: {"pk": g.user_id, "grant_pk": g.pk}, raw=True),
    "accounts:send_password_link": Writes(sends_credentials, _people, raw=True),
    "accounts:temporary_password": Writes(sends_credentials, _people, raw=True),
    # Organisation
    "org:units": Reads("the unit tree"),
    "org:unit_new": Writes(
        table("org.manage", lambda parent: parent), _units("stnmt", "stp"), kwargs=lambda t: {},
        data=lambda t, w: {"name": "Tổ công tác chuyển đổi số", "short_name": "Tổ CĐS", "kind": "division",
                           "parent": t.pk}),
    "org:unit": Writes(table("org.manage", lambda unit: unit), _units("qldd", "ttcntt", "stp"),
                       data=lambda t, w: {"name": _edited(t.name)}),
    "org:reorganise": Writes(
        lambda user, t: user is not None and all(can(user, "org.manage", u) for u in t[1]),
        lambda w: {"rename qldd": ("rename", [w.unit("qldd")]), "rename stp": ("rename", [w.unit("stp-hctp")]),
                   "merge tt and khtc": ("merge", [w.unit("tt"), w.unit("khtc")]),
                   "merge in stp": ("merge", [w.unit("stp-hctp"), w.unit("stp-btp")]),
                   "split qldd": ("split", [w.unit("qldd")]), "split in stp": ("split", [w.unit("stp-hctp")]),
                   "move qldd under vp": ("move", [w.unit("qldd"), w.unit("vp")]),
                   "move in stp": ("move", [w.unit("stp-hctp"), w.unit("stp-btp")])},
        kwargs=lambda t: {"kind": t[0]}, page=lambda t: reverse("org:units"), data=lambda t, w: _reorganisation(t, w)),
    # Audit, calendar
    "audit:index": Reads("the audit trail"),
    "workdays:index": Reads("the calendar"),
    "workdays:add": Writes(
        everywhere("calendar.manage"), lambda w: {"calendar": None}, kwargs=lambda t: {},
        page=lambda t: reverse("workdays:index"),
        data=lambda t, w: {"date": f"{w.year}-12-28", "kind": "working", "note": "Làm bù (thử quyền)"}),
    "workdays:remove": Writes(everywhere("calendar.manage"), lambda w: {"calendar": w.override},
                              page=lambda t: reverse("workdays:index"), raw=True),
    # Frameworks
    "frameworks:index": Reads("the list"),
    "frameworks:new": Writes(
        table("framework.manage", lambda owner: owner), _units("stnmt", "stp"), kwargs=lambda t: {},
        data=lambda t, w: {"year": str(w.year + 1), "title": "Bộ chỉ số năm sau", "level": "internal",
                           "owner": t.pk}),
    "frameworks:help": Reads("the help page"),
    "frameworks:template": Reads("an empty workbook"),
    "frameworks:detail": Reads("the criteria tree", lambda w: {"pk": w.frameworks["stnmt"].pk}),
    "frameworks:edit": Writes(table("framework.manage", lambda f: f.owner), _by_place("frameworks"),
                              data=lambda t, w: {"title": _edited(t.title)}),
    "frameworks:copy": Writes(table("framework.manage", lambda f: f.owner), _by_place("frameworks"),
                              data=lambda t, w: {"year": str(w.year + 1), "title": f"{t.title} – năm sau"}),
    "frameworks:export": Reads("a workbook", lambda w: {"pk": w.frameworks["stnmt"].pk}),
    "frameworks:import": Writes(table("framework.manage", lambda f: f.owner), _by_place("frameworks"),
                                files=lambda t, w: {"file": ("bo-chi-so.xlsx", _framework_rows(t))}),
    "frameworks:criterion_new": Writes(
        table("framework.manage", lambda f: f.owner), _by_place("frameworks"),
        data=lambda t, w: {"kind": "criterion", "code": "1.9", "title": "Tiêu chí bổ sung", "max_points": "1",
                           "rule_kind": "manual", "order": "9"}),
    "frameworks:criterion_edit": Writes(
        table("framework.manage", lambda c: c.framework.owner), _by_place("criteria"),
        kwargs=lambda c: {"pk": c.framework_id, "criterion_pk": c.pk}, data=lambda t, w: {"title": _edited(t.title)}),
    "frameworks:criterion_delete": Writes(
        table("framework.manage", lambda c: c.framework.owner), _by_place("criteria"),
        kwargs=lambda c: {"pk": c.framework_id, "criterion_pk": c.pk}),
    # Assessments: the assessed unit self-scores and submits; the body that runs it (the framework's owner) starts,
    # appraises (its council) and publishes (its office).
    "assessments:index": Reads("the list"),
    "assessments:start": Writes(
        table("assessment.manage", lambda t: t[0].owner),
        lambda w: {"stnmt": (w.frameworks["stnmt"], w.unit("qldd")), THERE: (w.frameworks["stp"], w.unit("stp-hctp"))},
        kwargs=lambda t: {}, page=lambda t: reverse("assessments:index"),
        data=lambda t, w: {"framework": t[0].pk, "units": [t[1].pk], "window_start": _year_day(w, 1, 1),
                           "window_end": _year_day(w, 11, 30), "carry_forward": None}),
    "assessments:detail": Reads("the assessment page", lambda w: {"pk": w.assessments["self"]["qldd"].pk}),
    "assessments:totals": Reads("a fragment", lambda w: {"pk": w.assessments["self"]["qldd"].pk}),
    "assessments:results": Reads("the results", lambda w: {"pk": w.assessments["finalised"]["qldd"].pk}),
    "assessments:submit": Writes(table("assessment.submit", lambda a: a.unit), _phase("self")),
    "assessments:return": Writes(
        appraises, _phase("appraisal"), page=_detail,
        data=lambda a, w: {f"return-{a.scores.get(criterion__code='1.1').pk}": "Đề nghị bổ sung văn bản ban hành."}),
    "assessments:finalise": Writes(appraises, _phase("appraisal")),
    "assessments:publish": Writes(publishes, _phase("finalised")),
    "assessments:item": Reads("one item's row", lambda w: {"pk": w.assessments["self"]["qldd"].pk,
                                                           "score_pk": w.assessments["self"]["qldd"].scores.first().pk}),
    "assessments:self_score": Writes(
        scores_item, _score("self", "1.2"), kwargs=lambda s: {"pk": s.assessment_id, "score_pk": s.pk}, page=_item,
        htmx=True, data=lambda s, w: {"points": "0,5", "explanation": "Chậm ban hành một văn bản."}),
    "assessments:measure": Writes(scores_item, _score("self", "1.3"),
                                  kwargs=lambda s: {"pk": s.assessment_id, "score_pk": s.pk}, page=_item, htmx=True),
    "assessments:evidence_upload": Writes(
        scores_item, _score("self", "1.2"), kwargs=lambda s: {"pk": s.assessment_id, "score_pk": s.pk}, page=_item,
        htmx=True, files=lambda s, w: {"file": ("Báo cáo kết quả.docx", word_file("Báo cáo kết quả thực hiện"))}),
    "assessments:appraise": Writes(
        lambda user, s: appraises(user, s.assessment), _score("appraisal", "1.1"),
        kwargs=lambda s: {"pk": s.assessment_id, "score_pk": s.pk}, page=_item, htmx=True,
        data=lambda s, w: {"points": "0,5", "comment": "Kế hoạch ban hành chậm."}),
    "assessments:appeal": Writes(
        lambda user, s: user is not None and can(user, "assessment.submit", s.assessment.unit),
        _score("finalised", "1.2"), kwargs=lambda s: {"pk": s.assessment_id, "score_pk": s.pk}, page=_item, htmx=True,
        data=lambda s, w: {"requested": "1,5", "reason": "Văn bản đã ban hành đúng hạn, có bản chụp kèm theo."}),
    "assessments:decide": Writes(
        lambda user, s: appraises(user, s.assessment), _score("appealed", "1.2"),
        kwargs=lambda s: {"pk": s.assessment_id, "score_pk": s.pk}, page=_item, htmx=True,
        data=lambda s, w: {"decision": "accept", "points": "", "reason": "Đơn vị đã bổ sung đủ căn cứ."}),
    "assessments:evidence": Reads("a download", lambda w: {"pk": w.evidence["qldd"].score.assessment_id,
                                                           "evidence_pk": w.evidence["qldd"].pk}),
    "assessments:evidence_delete": Writes(
        lambda user, e: scores_item(user, e.score), _by_place("evidence"),
        kwargs=lambda e: {"pk": e.score.assessment_id, "evidence_pk": e.pk}),
    "assessments:ranking": Reads("the ranking", lambda w: {"framework_pk": w.assessments["finalised"]["qldd"].framework_id}),
    "assessments:years": Reads("results by year"),
    "assessments:unit_years": Reads("a unit's results by year", lambda w: {"unit_pk": w.unit("qldd").pk}),
    # Plans: the issuing unit's office manages the plan; lead units report; monitoring units follow and send back;
    # extensions are decided over a monitoring or the issuing unit.
    "plans:index": Reads("the list"),
    "plans:plan_new": Writes(
        table("plan.manage", lambda unit: unit), _units("stnmt", "stp"), kwargs=lambda t: {},
        data=lambda t, w: {"issuing_unit": t.pk, "title": "Kế hoạch kiểm tra công tác CCHC", "year": str(w.year),
                           "number": "95", "symbol": "KH-KT"}),
    "plans:plan": Reads("the plan", lambda w: {"pk": w.plans["stnmt"].pk}),
    "plans:plan_print": Reads("the whole plan, printable", lambda w: {"pk": w.plans["stnmt"].pk}),
    "plans:section_rows": Reads("a page of a section's rows", lambda w: {"pk": w.plans["stnmt"].pk}),
    "plans:plan_issue": Writes(table("plan.manage", lambda p: p.issuing_unit), _by_place("draft_plans"),
                               data=lambda t, w: {"issue_date": _year_day(w, 11, 23)}),
    "plans:plan_delete": Writes(table("plan.manage", lambda p: p.issuing_unit), _by_place("draft_plans")),
    "plans:section_edit": Writes(table("plan.manage", lambda s: s.plan.issuing_unit), _by_place("sections"),
                                 data=lambda t, w: {"title": _edited(t.title)}),
    "plans:section_delete": Writes(table("plan.manage", lambda s: s.plan.issuing_unit), _by_place("draft_sections")),
    "plans:target_edit": Writes(table("plan.manage", lambda t: t.plan.issuing_unit), _by_place("targets"),
                                data=lambda t, w: {"label": _edited(t.label)}),
    "plans:task_delete": Writes(manages_plan, _by_place("draft_tasks")),
    "plans:extensions_waiting": Reads("the extension requests waiting for the reader's decision"),
    "plans:plan_edit": Writes(table("plan.manage", lambda p: p.issuing_unit), _by_place("plans"),
                              data=lambda t, w: {"title": _edited(t.title)}),
    "plans:section_add": Writes(table("plan.manage", lambda p: p.issuing_unit), _by_place("plans"),
                                page=lambda p: reverse("plans:plan", args=[p.pk]),
                                data=lambda t, w: {"title": "CẢI CÁCH TỔ CHỨC BỘ MÁY", "numeral": "II"}),
    "plans:task_add": Writes(
        table("plan.manage", lambda t: t[0].issuing_unit), _department_units, kwargs=lambda t: {"pk": t[0].pk},
        data=lambda t, w: {"content": "Rà soát quy chế làm việc", "code": "9", "lead_units": [t[1].pk],
                           "deadline_text": f"Tháng 12/{w.year}"}),
    "plans:target_add": Writes(table("plan.manage", lambda p: p.issuing_unit), _by_place("plans"),
                               data=lambda t, w: {"label": "Hồ sơ giải quyết đúng hạn", "comparison": "gte",
                                                  "value": "98", "unit_label": "%"}),
    "plans:period_add": Writes(table("plan.manage", lambda p: p.issuing_unit), _by_place("plans"),
                               data=lambda t, w: {"label": "Quý IV", "stated_due": _year_day(w, 12, 20)}),
    "plans:reports": Reads("the reporting calendar", lambda w: {"pk": w.plans["stnmt"].pk}),
    "plans:submit_report": Writes(
        lambda user, t: user is not None and can(user, "task.report", t[1]),
        lambda w: {"qldd": (w.periods["stnmt"], w.unit("qldd")), "ttcntt": (w.periods["stnmt"], w.unit("ttcntt")),
                   THERE: (w.periods["stp"], w.unit("stp"))},
        kwargs=lambda t: {"pk": t[0].plan_id, "period_pk": t[0].pk},
        page=lambda t: reverse("plans:reports", args=[t[0].plan_id]),
        data=lambda t, w: {"unit": t[1].pk, "text": "Đã hoàn thành các nhiệm vụ được giao trong năm."}),
    "plans:report_file": Exempt("a download of a report file; no world report carries one (plans/tests cover it)"),
    "plans:task": Reads("the task page", lambda w: {"pk": w.tasks["qldd"].pk}),
    "plans:task_edit": Writes(manages_plan, _by_place("tasks"), data=lambda t, w: {"content": _edited(t.content)}),
    "plans:post_progress": Writes(
        reports_on, _by_place("tasks"), page=_task_page,
        data=lambda t, w: {"unit": _lead(t).pk, "status": "in_progress", "percent": "80",
                           "note": "Đã rà soát 80% thủ tục."}),
    "plans:post_contribution": Writes(
        lambda user, t: user is not None and any(can(user, "task.report", u) for u in t.coordinating_units.all()),
        _by_place("tasks"), page=_task_page,
        data=lambda t, w: {"unit": t.coordinating_units.first().pk, "note": "Đã gửi ý kiến góp ý."}),
    "plans:return_update": Writes(
        monitors, _by_place("updates"), kwargs=lambda u: {"pk": u.task_id, "update_pk": u.pk},
        page=lambda u: _task_page(u.task), data=lambda u, w: {"reason": "Chưa kèm tài liệu kiểm chứng."}),
    "plans:request_extension": Writes(
        reports_on, _by_place("relative_tasks"), page=_task_page,
        data=lambda t, w: {"unit": _lead(t).pk, "new_due": f"{w.year}-12-31", "reason": "Chờ văn bản của UBND tỉnh."}),
    "plans:decide_extension": Writes(
        approves, _by_place("extensions"), kwargs=lambda e: {"pk": e.task_id, "extension_pk": e.pk},
        page=lambda e: _task_page(e.task), data=lambda e, w: {"approve": "1", "note": "Đồng ý gia hạn."}),
    "plans:record_event": Writes(
        lambda user, t: reports_on(user, t) or manages_plan(user, t), _by_place("relative_tasks"), page=_task_page,
        data=lambda t, w: {"event_date": f"{w.year}-11-20"}),
    "plans:reassign": Writes(
        manages_plan, _by_place("tasks"), page=_task_page,
        data=lambda t, w: {"lead_units": [t.coordinating_units.first().pk]}),
    "plans:link_criteria": Writes(
        manages_plan, _by_place("tasks"), page=_task_page,
        data=lambda t, w: {"criteria": [w.criteria["stnmt"].pk]}),
    "plans:evidence": Exempt("a download of a progress file; no world update carries one (plans/tests cover it)"),
    # Plans' content, the improvement-plan draft and the cascade (issue 18).
    "plans:plan_texts": Writes(table("plan.manage", lambda p: p.issuing_unit), _by_place("plans"),
                               data=lambda t, w: {"budget_text": "Kinh phí bố trí trong dự toán chi thường xuyên."}),
    "plans:basis_add": Writes(table("plan.manage", lambda p: p.issuing_unit), _by_place("plans"),
                              data=lambda t, w: {"kind": "Kế hoạch", "number": "152/KH-UBND",
                                                 "summary": "Nâng cao Chỉ số PAR INDEX, SIPAS"}),
    "plans:basis_delete": Exempt("no world plan carries a legal basis; plans/tests/test_plan_content.py covers who "
                                 "may add one, the same door (plan.manage over the issuing unit) deletes it"),
    "plans:target_value": Writes(table("plan.manage", lambda t: t.plan.issuing_unit), _by_place("targets"),
                                 data=lambda t, w: {"manual_value": "96", "manual_note": "Báo cáo quý III"}),
    "plans:target_file": Exempt("a download of a target's evidence; no world target carries one "
                                "(plans/tests/test_plan_content.py covers it)"),
    "plans:target_assign": Writes(table("plan.manage", lambda t: t.plan.issuing_unit), _by_place("targets"),
                                  data=lambda t, w: {"unit": (w.unit("qldd") if t.plan.issuing_unit.code == "stnmt"
                                                              else w.unit("stp-hctp")).pk, "value": "95"}),
    "plans:draft_improvement": Writes(table("plan.manage", lambda a: a.unit), _phase("finalised"),
                                      kwargs=lambda a: {"assessment_pk": a.pk}),
    "plans:redraft": Exempt("no world plan is drafted from results; plans/tests/test_improvement_plan.py re-drafts "
                            "and the door is plan.manage over the issuing unit as for every plan edit"),
    "plans:request_units": Exempt("no world plan asks its units for plans (no number of days); "
                                  "plans/tests/test_cascade.py covers it"),
    "plans:unit_plan": Exempt("no world plan has asked a unit for its plan; plans/tests/test_cascade.py covers who "
                              "may draft one (plan.manage over the unit asked)"),
    "plans:province_results": Exempt("writes only the record of the reader's own department, whatever is sent; "
                                     "plans/tests/test_plan_content.py covers who may"),
    "plans:province_result_delete": Exempt("no world department has recorded a province result; the door is "
                                           "plan.manage over the department that recorded it"),
    "plans:mine": Reads("my tasks"),
    "plans:unit_tasks": Reads("my unit's tasks"),
    "plans:deadlines": Reads("deadlines"),
    "plans:calendar": Reads("the deadline calendar"),
    "plans:on_time": Reads("the on-time list"),
    "plans:notifications": Reads("reminders sent"),
    # Inspections: the inspecting office manages its plans; the inspected unit's head reports its fixes
    "inspections:index": Reads("the year's plans and inspections"),
    "inspections:fixes": Reads("the fixes required"),
    "inspections:plan_new": Writes(
        table("inspection.manage", lambda unit: unit), _units("stnmt", "stp"), kwargs=lambda t: {},
        data=lambda t, w: {"issuing_unit": t.pk, "year": w.year, "title": "Kế hoạch kiểm tra đột xuất (thử quyền)",
                           "target_percent": "50"}),
    "inspections:plan": Reads("the plan", lambda w: {"pk": w.inspection_plans["stnmt"].pk}),
    "inspections:plan_edit": Writes(table("inspection.manage", lambda p: p.issuing_unit), _by_place("inspection_plans"),
                                    data=lambda t, w: {"title": _edited(t.title)}),
    "inspections:inspection_add": Writes(
        table("inspection.manage", lambda t: t[0].issuing_unit),
        lambda w: {"stnmt": (w.inspection_plans["stnmt"], w.unit("vpdkdd")),
                   THERE: (w.inspection_plans["stp"], w.unit("stp-btp"))},
        kwargs=lambda t: {"pk": t[0].pk}, page=lambda t: reverse("inspections:plan", args=[t[0].pk]),
        data=lambda t, w: {"unit": t[1].pk, "kind": "unannounced", "actual_date": f"{w.year}-11-20"}),
    "inspections:inspection": Reads("an inspection", lambda w: {"pk": w.inspections["qldd"].pk}),
    "inspections:inspection_edit": Writes(
        table("inspection.manage", lambda i: i.plan.issuing_unit), _by_place("inspections"),
        data=lambda t, w: {"conclusion": "Đơn vị thực hiện tốt nhiệm vụ CCHC (thử quyền)."}),
    "inspections:inspection_delete": Writes(
        table("inspection.manage", lambda i: i.plan.issuing_unit), _by_place("inspections"),
        data=lambda t, w: {"confirm": "on"}),
    "inspections:finding_add": Writes(
        table("inspection.manage", lambda i: i.plan.issuing_unit), _by_place("inspections"),
        page=lambda i: reverse("inspections:inspection", args=[i.pk]),
        data=lambda t, w: {"text": "Chưa cập nhật dữ liệu cán bộ, công chức (thử quyền)."}),
    "inspections:fix_add": Writes(
        table("inspection.manage", lambda f: f.inspection.plan.issuing_unit), _by_place("findings"),
        page=lambda f: reverse("inspections:inspection", args=[f.inspection_id]),
        data=lambda t, w: {"text": "Cập nhật dữ liệu cán bộ, công chức", "deadline_text": f"Trước ngày 15/12/{w.year}"}),
    "inspections:fix": Writes(
        lambda user, f: user is not None and can(user, "inspection.report", f.finding.inspection.unit),
        _by_place("fixes"), data=lambda t, w: {"note": "Đã công khai đầy đủ TTHC (thử quyền)."}),
    "inspections:fix_verify": Writes(
        lambda user, f: (user is not None and user.pk != f.reported_by_id
                         and can(user, "inspection.manage", f.finding.inspection.plan.issuing_unit)),
        _by_place("reported_fixes"), page=lambda f: reverse("inspections:inspection", args=[f.finding.inspection_id]),
        data=lambda t, w: {"decision": "accept"}),
    "inspections:fix_evidence": Reads("a fix's evidence file (none in the world: 404; inspections/tests cover who "
                                      "downloads one)", lambda w: {"pk": w.fixes["qldd"].pk}),
    # Plan import: drafts of the issuing unit's office
    "imports:index": Writes(
        table("plan.manage", lambda unit: unit), _units("stnmt", "stp"), kwargs=lambda t: {},
        data=lambda t, w: {"issuing_unit": t.pk}, files=_plan_file),
    "imports:template": Reads("the Excel template"),
    "imports:review": Reads("the review", lambda w: {"pk": w.import_sessions["stnmt"].pk}),
    "imports:header": Writes(
        table("plan.manage", lambda s: s.issuing_unit), _by_place("import_sessions"),
        page=lambda s: reverse("imports:review", args=[s.pk]),
        data=lambda s, w: {"title": _edited(s.payload["header"].get("title") or "Kế hoạch")}),
    "imports:task": Writes(
        table("plan.manage", lambda t: t[0].issuing_unit), _import_task,
        kwargs=lambda t: {"pk": t[0].pk, "task_id": t[1]},
        data=lambda t, w: {"content": "Rà soát, hệ thống hóa văn bản (đã sửa)"}),
    "imports:map": Writes(
        table("plan.manage", lambda s: s.issuing_unit), _by_place("import_sessions"), raw=True,
        data=lambda s, w: {"text": "Tổ công tác liên ngành",
                           "unit": str(w.unit("qldd" if s.issuing_unit.code == "stnmt" else "stp-hctp").pk)}),
    "imports:confirm": Writes(table("plan.manage", lambda s: s.issuing_unit), _by_place("import_sessions"),
                              page=lambda s: reverse("imports:review", args=[s.pk])),
    "imports:discard": Writes(table("plan.manage", lambda s: s.issuing_unit), _by_place("import_sessions"),
                              page=lambda s: reverse("imports:review", args=[s.pk])),
    # One-stop dossiers
    "dossiers:index": Reads("the figures"),
    "dossiers:export": Reads("a workbook", costly=True),
    "dossiers:list": Reads("the list"),
    "dossiers:list_export": Reads("a workbook", costly=True),
    "dossiers:import_sample_xlsx": Reads("a sample file to import", costly=True),
    "dossiers:import_sample_csv": Reads("a sample file to import", costly=True),
    "dossiers:procedures": Writes(
        everywhere("dossier.import"), lambda w: {"catalogue": None}, kwargs=lambda t: {},
        data=lambda t, w: {"code": "9.000001", "name": "Thủ tục thử quyền", "field": "Đất đai",
                           "processing_days": "5"}),
    "dossiers:imports": Writes(
        table("dossier.import", lambda unit: unit), _units("stnmt", "stp"), kwargs=lambda t: {},
        data=lambda t, w: {"source": "", "new_source": "Phần mềm một cửa mới", "unit": t.pk},
        files=lambda t, w: {"file": ("ho-so.csv", _dossier_export())}),
    "dossiers:import_columns": Writes(table("dossier.import", lambda r: r.source.unit), _by_place("import_runs")),
    "dossiers:import_run": Reads("the progress of a run", lambda w: {"pk": w.import_runs["stnmt"].pk}),
    # Surveys: the unit's office runs them; anyone answers an open one
    "surveys:index": Reads("the list"),
    "surveys:new": Writes(
        table("survey.manage", lambda unit: unit), _units("stnmt", "stp"), kwargs=lambda t: {},
        data=lambda t, w: {"unit": t.pk, "title": "Khảo sát mức độ hài lòng quý IV", "period_label": "Quý IV",
                           "start_date": _year_day(w, 10, 1), "end_date": _year_day(w, 12, 31)}),
    "surveys:detail": Reads("the results", lambda w: {"pk": w.surveys["stnmt"].pk}),
    "surveys:edit": Writes(table("survey.manage", lambda s: s.unit), _by_place("surveys"),
                           data=lambda t, w: {"title": _edited(t.title)}),
    "surveys:question_new": Writes(table("survey.manage", lambda s: s.unit), _by_place("surveys"),
                                   data=lambda t, w: {"text": "Cán bộ hướng dẫn có tận tình không?", "order": "99"}),
    "surveys:question_edit": Writes(table("survey.manage", lambda q: q.survey.unit), _by_place("questions"),
                                    data=lambda t, w: {"text": _edited(t.text)}),
    "surveys:counter_new": Writes(table("survey.manage", lambda s: s.unit), _by_place("surveys"),
                                  data=lambda t, w: {"name": "Quầy tiếp nhận số 2"}),
    "surveys:counter_print": Reads("the QR sheet", lambda w: {"pk": w.surveys["stnmt"].counters.first().pk}),
    "surveys:codes": Writes(table("survey.manage", lambda s: s.unit), _by_place("surveys"),
                            data=lambda t, w: {"count": "2", "label": "Thư mời lãnh đạo"}),
    "surveys:suggestions": Reads("the suggestions", lambda w: {"pk": w.surveys["stnmt"].pk}),
    "surveys:follow_up": Writes(
        table("survey.manage", lambda r: r.survey.unit), _by_place("responses"),
        page=lambda r: reverse("surveys:suggestions", args=[r.survey_id]),
        data=lambda t, w: {"status": "answered", "reply": "Đã bố trí thêm ghế ngồi chờ."}),
    "surveys:import_paper": Writes(table("survey.manage", lambda s: s.unit), _by_place("surveys"),
                                   files=lambda s, w: {"file": ("phieu-giay.xlsx", _paper_sheets(s))}),
    "surveys:export_answers": Reads("a workbook", lambda w: {"pk": w.surveys["stnmt"].pk}, costly=True),
    "surveys:export_results": Reads("a workbook", lambda w: {"pk": w.surveys["stnmt"].pk}, costly=True),
    "surveys:answer_logged_in": Writes(answers_as_official, _by_place("surveys")),
    "surveys:code": Reads("typing a code leads to its page; nothing is stored"),
    "surveys:answer_code": Writes(anyone, _by_place("codes"), kwargs=lambda code: {"code": code}),
    "surveys:thanks": Reads("a message"),
    "surveys:answer": Writes(anyone, _by_place("surveys"), kwargs=lambda s: {"token": s.token}),
    # Documents
    "documents:index": Reads("the list of documents"),
    "documents:templates": Writes(
        table("document.template", lambda unit: unit), _units("stnmt", "stp"), kwargs=lambda t: {},
        data=lambda t, w: {"kind": "plan", "name": "Mẫu kế hoạch của đơn vị", "applies_to": f"unit:{t.pk}"},
        files=_template_file),
    "documents:template_help": Reads("the placeholders"),
    "documents:starter": Reads("a starter .docx", lambda w: {"kind": "plan"}, costly=True),
    "documents:template_file": Reads("the template's file", lambda w: {"pk": w.templates["stnmt"].pk}),
    "documents:template_delete": Writes(table("document.template", lambda t: t.unit), _by_place("templates"),
                                        page=lambda t: reverse("documents:templates"), raw=True),
    "documents:period_download": Reads("a report file", costly=True),
    "documents:export_job": Exempt("a prepared file's waiting page: no world export job; documents/tests/"
                                   "test_export_jobs.py tries it as the requester, another unit and an outsider"),
    "documents:export_file": Exempt("a prepared file's download (its first download is audited): no world export "
                                    "job; documents/tests/test_export_jobs.py covers who may download it"),
    "documents:download": Reads("a document file (Word, or PDF through LibreOffice)",
                                lambda w: {"key": "plan", "pk": w.plans["stnmt"].pk, "fmt": "docx"}, costly=True),
    # Dashboards and the public pages
    "dashboards:index": Reads("the boards"),
    "dashboards:office": Reads("the office's board"),
    "dashboards:unit": Reads("a unit's board"),
    "dashboards:leader": Reads("the leaders' board"),
    "dashboards:publications": Writes(
        table("publish.manage", lambda s: s.unit), _by_place("surveys"), kwargs=lambda t: {},
        data=lambda s, w: {"target": f"sipas:{s.pk}", "title": "Kết quả khảo sát SIPAS", "note": ""}),
    "dashboards:withdraw": Writes(table("publish.manage", lambda p: p.unit), _by_place("publications"),
                                  page=lambda p: reverse("dashboards:publications"), raw=True),
    "public:index": Reads("the public list (GET only)"),
    "public:detail": Reads("a public result (GET only)", lambda w: {"pk": w.publications["stnmt"].pk}),
}


def _dossier_export() -> bytes:
    from core.tests.mutation_world import DOSSIER_EXPORT

    return DOSSIER_EXPORT


def _reorganisation(target, w: World) -> dict:
    kind, units = target
    when = {f"{kind}-effective_date": _year_day(w, 12, 1), f"{kind}-decision": "Quyết định số 99/QĐ (thử quyền)"}
    if kind == "rename":
        return {**when, "rename-unit": units[0].pk, "rename-new_name": _edited(units[0].name)}
    if kind == "merge":
        return {**when, "merge-sources": [u.pk for u in units], "merge-into": units[0].pk}
    if kind == "split":
        return {**when, "split-unit": units[0].pk, "split-parts": "Phòng thứ nhất; P1\nPhòng thứ hai; P2"}
    return {**when, "move-unit": units[0].pk, "move-new_parent": units[1].pk}
