"""The objects the mutation matrix writes on, beside the cast: each kind in the seed department and in another.

For every kind of object a write can change there is one in the Land division (qldd, lan's unit), one in the IT
Centre (ttcntt, hung's) where the rights are a unit's own, and one in Sở Tư pháp (stp, khoa's department, outside
the seed department) — each in the state its writes need (an assessment still self-scoring, one being appraised,
one finalised with a pending appeal, one finalised and clean to publish; a task with a progress update, a pending
extension, a reporting period…). Built through the apps' own actions, by people outside the cast where the cast
must not have taken part (a unit head who submits, an office that files the appeal), so the four-eyes rules never
stand between a cast member and a write the permission table gives them.
"""

import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.models import Role, RoleGrant, User
from core.testing import make_user
from org.models import Unit

HERE, THERE = ("qldd", "ttcntt"), "stp"
WHERES = (*HERE, THERE)


@dataclass
class World:
    """Every target, by kind then by where it lives ("qldd", "ttcntt", "stp", or "stnmt" for department-level)."""

    units: dict
    people: dict
    helpers: dict = field(default_factory=dict)
    frameworks: dict = field(default_factory=dict)  # fresh, no assessment yet: editable
    criteria: dict = field(default_factory=dict)
    assessments: dict = field(default_factory=dict)  # by phase, then where
    plans: dict = field(default_factory=dict)
    draft_plans: dict = field(default_factory=dict)  # not issued, nothing reported on: issued or deleted whole
    sections: dict = field(default_factory=dict)
    draft_sections: dict = field(default_factory=dict)
    draft_tasks: dict = field(default_factory=dict)
    targets: dict = field(default_factory=dict)
    tasks: dict = field(default_factory=dict)
    relative_tasks: dict = field(default_factory=dict)
    updates: dict = field(default_factory=dict)
    extensions: dict = field(default_factory=dict)
    periods: dict = field(default_factory=dict)
    surveys: dict = field(default_factory=dict)
    questions: dict = field(default_factory=dict)
    responses: dict = field(default_factory=dict)
    codes: dict = field(default_factory=dict)
    import_sessions: dict = field(default_factory=dict)
    import_runs: dict = field(default_factory=dict)
    templates: dict = field(default_factory=dict)
    publications: dict = field(default_factory=dict)
    evidence: dict = field(default_factory=dict)
    inspection_plans: dict = field(default_factory=dict)
    inspections: dict = field(default_factory=dict)  # held, by the inspected unit's place
    findings: dict = field(default_factory=dict)
    fixes: dict = field(default_factory=dict)  # open: the inspected unit reports them
    reported_fixes: dict = field(default_factory=dict)  # reported by someone outside the inspecting office
    override: object = None

    def unit(self, code: str) -> Unit:
        return self.units[code]

    @property
    def year(self) -> int:
        return timezone.localdate().year


def build_world() -> World:
    units = {u.code: u for u in Unit.objects.all()}
    people = {u.username: u for u in User.objects.filter(username__in=["lan", "hung", "mai", "thu", "manh", "admin",
                                                                        "khoa"])}
    world = World(units=units, people=people)
    _units(world)
    _helpers(world)
    _frameworks(world)
    _assessments(world)
    _plans(world)
    _inspections(world)
    _surveys(world)
    _imports(world)
    _dossiers(world)
    _documents(world)
    _publications(world)
    _calendar(world)
    return world


def _units(world: World) -> None:
    from org.actions import create_unit

    admin, stp = world.people["admin"], world.units["stp"]
    for code, name in (("stp-vp", "Văn phòng Sở Tư pháp"), ("stp-hctp", "Phòng Hành chính tư pháp"),
                       ("stp-btp", "Phòng Bổ trợ tư pháp")):
        world.units[code] = create_unit(by=admin, name=name, kind=Unit.Kind.DIVISION, parent=stp, code=code)


def _helpers(world: World) -> None:
    """People outside the cast who do the setup steps the cast must not have taken part in."""
    u = world.units
    world.helpers = {
        "qldd-head": make_user("mx-qldd-head", u["qldd"], (Role.UNIT_HEAD, u["qldd"]), full_name="Trưởng phòng QLĐĐ"),
        "stp-office": make_user("mx-stp-office", u["stp-vp"], (Role.REFORM_OFFICE, u["stp"]),
                                full_name="Văn phòng Sở Tư pháp"),
        "stp-head": make_user("mx-stp-head", u["stp"], (Role.UNIT_HEAD, u["stp"]), full_name="Chánh Văn phòng STP"),
        # Reads the forms only another administrator of every unit is shown (the administrator's own account).
        "root": make_user("mx-root", u["ubnd-brvt"], (Role.ADMIN, u["ubnd-brvt"]), full_name="Quản trị toàn hệ thống"),
    }
    RoleGrant.objects.filter(user=world.helpers["root"]).update(everywhere=True)


MEASURED = {"kind": "linear", "metric": "plans.on_time_rate", "multiply": 1, "divide": 100}


def framework_of(world: World, owner: Unit, title: str, *, by, responsible: Unit | None = None,
                 measured: bool = False):
    """A small framework of the year: area 1 with criteria 1.1 (in the responsible unit's charge) and 1.2, and with
    `measured` a 1.3 measured from cchc's tasks (the on-time rate)."""
    from frameworks.actions import add_criterion, create_framework

    level = "internal" if owner.kind != Unit.Kind.PROVINCE else "departments"
    framework = create_framework(by=by, year=world.year, title=title, owner=owner, level=level,
                                 decision="Quyết định số 01/QĐ (thử quyền)")
    area = add_criterion(framework, by=by, kind="area", code="1", title="Công tác chỉ đạo, điều hành CCHC",
                         max_points=Decimal("3"), order=1)
    add_criterion(framework, by=by, kind="criterion", code="1.1", parent=area, order=1,
                  title="Ban hành kế hoạch CCHC năm đúng hạn", max_points=Decimal("1"), responsible_unit=responsible)
    add_criterion(framework, by=by, kind="criterion", code="1.2", parent=area, order=2,
                  title="Thực hiện mệnh lệnh hành chính cấp trên", max_points=Decimal("2"))
    if measured:
        add_criterion(framework, by=by, kind="criterion", code="1.3", parent=area, order=3, rule=MEASURED,
                      title="Tỷ lệ nhiệm vụ hoàn thành đúng hạn", max_points=Decimal("1"))
    return framework


def _frameworks(world: World) -> None:
    mai, admin = world.people["mai"], world.people["admin"]
    world.frameworks = {
        "stnmt": framework_of(world, world.units["stnmt"], "Bộ tiêu chí các phòng, đơn vị (để sửa)", by=mai,
                              responsible=world.units["qldd"]),
        "stp": framework_of(world, world.units["stp"], "Bộ tiêu chí các phòng thuộc Sở Tư pháp (để sửa)", by=admin),
    }
    world.criteria = {where: fw.criteria.get(code="1.1") for where, fw in world.frameworks.items()}


PHASES = ("self", "appraisal", "appealed", "finalised")


def _assessments(world: World) -> None:
    """One assessment per phase and unit: qldd and ttcntt under frameworks of the seed department, stp under the
    province's (each phase its own framework: a unit has one assessment per framework)."""
    from assessments import actions

    u, p, h = world.units, world.people, world.helpers
    submitter = {"qldd": h["qldd-head"], "ttcntt": p["hung"], "stp": h["stp-head"]}
    scorer = {"qldd": p["lan"], "ttcntt": p["hung"], "stp": p["khoa"]}
    for phase in PHASES:
        measured = phase == "self"
        department_fw = framework_of(world, u["stnmt"], f"Bộ tiêu chí các phòng, đơn vị ({phase})", by=p["mai"],
                                     measured=measured)
        province_fw = framework_of(world, u["ubnd-brvt"], f"Bộ chỉ số các sở ({phase})", by=p["admin"],
                                   measured=measured)
        world.assessments[phase] = {
            where: assessment_in(world, province_fw if where == THERE else department_fw, u[where], phase,
                                 scorer=scorer[where], submitter=submitter[where], appraiser=p["thu"])
            for where in WHERES}
    for where in WHERES:
        score = world.assessments["self"][where].scores.get(criterion__code="1.1")
        world.evidence[where] = actions.add_evidence(score, by=scorer[where], name="Kế hoạch CCHC.docx",
                                                     data=word_file("Kế hoạch cải cách hành chính"))


def assessment_in(world: World, framework, unit: Unit, phase: str, *, scorer, submitter, appraiser):
    """The unit's assessment under the framework, brought to the phase: "self" (self-scored, not sent),
    "appraisal" (sent, one item appraised), "finalised" (every item appraised, 1.2 lower than its self-score) or
    "appealed" (finalised, 1.2 appealed by the submitter and not yet decided)."""
    from assessments import actions

    by = world.people["admin"] if framework.owner.kind == Unit.Kind.PROVINCE else world.people["mai"]
    assessment = actions.start_assessment(by=by, framework=framework, unit=unit,
                                          window_start=datetime.date(world.year, 1, 1),
                                          window_end=datetime.date(world.year, 11, 30))
    scores = {s.criterion.code: s for s in assessment.scores.select_related("criterion")}
    for code, points in (("1.1", "1"), ("1.2", "1.5")):
        actions.self_score(scores[code], by=scorer, points=Decimal(points), explanation="Có kế hoạch và báo cáo kèm theo.")
    if "1.3" in scores:  # typed in; measuring it from cchc's tasks gives another value
        actions.self_score(scores["1.3"], by=scorer, measured=Decimal("40"), explanation="Theo báo cáo tháng 6.")
    if phase != "self":
        actions.submit(assessment, by=submitter)
        actions.appraise(scores["1.2"], by=appraiser, points=Decimal("1"), comment="Còn chậm một văn bản.")
    if phase in ("appealed", "finalised"):
        actions.appraise(scores["1.1"], by=appraiser, points=Decimal("1"), comment="")
        actions.finalise(assessment, by=appraiser)
    assessment.refresh_from_db()
    if phase == "appealed":
        actions.file_appeal(assessment.scores.get(criterion__code="1.2"), by=submitter,
                            reason="Văn bản đã ban hành đúng hạn.", requested=Decimal("1.5"))
    return assessment


def _plans(world: World) -> None:
    from plans import actions
    from plans.models import Extension, TaskUpdate

    u, p, h = world.units, world.people, world.helpers
    year = world.year
    due = f"Trước ngày 15/12/{year}"
    relative = "Trong thời hạn 20 ngày kể từ khi nhận được văn bản"
    seed = actions.create_plan(by=p["mai"], issuing_unit=u["stnmt"], title=f"Kế hoạch CCHC năm {year} (thử quyền)",
                               year=year, status="issued", number="90", symbol="KH-STNMT")
    other = actions.create_plan(by=h["stp-office"], issuing_unit=u["stp"], year=year, status="issued", number="07",
                                symbol="KH-STP", title=f"Kế hoạch CCHC năm {year} của Sở Tư pháp (thử quyền)")
    world.plans = {"stnmt": seed, "stp": other}
    layout = {  # where: (plan, lead, coordinating, monitoring, who reports)
        "qldd": (seed, u["qldd"], u["ttcntt"], u["vp"], p["lan"]),
        "ttcntt": (seed, u["ttcntt"], u["qldd"], u["vp"], p["hung"]),
        "stp": (other, u["stp"], u["stp-hctp"], u["stp-btp"], p["khoa"]),
    }
    sections = {}
    for where, (plan, lead, coordinating, monitoring, reporter) in layout.items():
        by = p["mai"] if plan is seed else h["stp-office"]
        if plan.pk not in sections:
            sections[plan.pk] = actions.add_section(by=by, plan=plan, numeral="I", title="CẢI CÁCH THỂ CHẾ")
        common = {"by": by, "plan": plan, "section": sections[plan.pk], "lead_units": [lead],
                  "coordinating_units": [coordinating], "monitoring_units": [monitoring]}
        task = actions.add_task(code=f"1.{len(world.tasks) + 1}", deadline_text=due, product="Báo cáo kết quả",
                                content=f"Rà soát thủ tục hành chính do {lead.name} chủ trì", **common)
        world.tasks[where] = task
        # Due within the assessments' window and already past: the on-time rate measured for the unit.
        actions.add_task(code=f"3.{len(world.tasks)}", deadline_text=f"Trước ngày 15/06/{year}", content="Báo cáo sơ kết",
                         **common)
        world.relative_tasks[where] = actions.add_task(
            code=f"2.{len(world.relative_tasks) + 1}", deadline_text=relative, product="Văn bản triển khai",
            content=f"Triển khai văn bản của UBND tỉnh ({lead.name})", **common)
        world.updates[where] = actions.post_update(by=reporter, task=task, unit=lead, kind=TaskUpdate.Kind.PROGRESS,
                                                   note="Đã rà soát xong một nửa số thủ tục.", status="in_progress",
                                                   percent=50)
        world.extensions[where] = actions.request_extension(by=reporter, task=task, unit=lead,
                                                            reason="Chờ ý kiến của Sở Tư pháp.",
                                                            new_due=datetime.date(year, 12, 31))
        assert world.extensions[where].status == Extension.Status.PENDING
    for where, plan in world.plans.items():
        by = p["mai"] if plan is seed else h["stp-office"]
        world.sections[where] = sections[plan.pk]
        world.periods[where] = actions.add_report_period(by=by, plan=plan, label="Năm",
                                                         stated_due=datetime.date(year, 12, 10))
        world.targets[where] = actions.add_target(by=by, plan=plan, label="Hồ sơ giải quyết đúng hạn", value=95)
        lead = u["qldd"] if plan is seed else u["stp-hctp"]
        draft = actions.create_plan(by=by, issuing_unit=plan.issuing_unit, title=f"Dự thảo kế hoạch kiểm tra {year}",
                                    year=year, status="draft", number="", symbol=plan.symbol)
        world.draft_plans[where] = draft
        world.draft_sections[where] = actions.add_section(by=by, plan=draft, numeral="I", title="KIỂM TRA")
        world.draft_tasks[where] = actions.add_task(by=by, plan=draft, section=world.draft_sections[where], code="1",
                                                    content="Kiểm tra công tác CCHC tại các phòng", lead_units=[lead],
                                                    deadline_text=f"Tháng 12/{year}")


def _inspections(world: World) -> None:
    """A plan of each department, an inspection held in each place (the Land division, the IT Centre, a division of
    Sở Tư pháp) with a finding, an open fix and a fix reported by the unit's side."""
    from inspections import actions

    u, p, h = world.units, world.people, world.helpers
    year = world.year
    held = datetime.date(year, 11, 2)
    for where, unit, by in (("stnmt", u["stnmt"], p["mai"]), ("stp", u["stp"], h["stp-office"])):
        world.inspection_plans[where] = actions.create_plan(
            by=by, year=year, issuing_unit=unit, title=f"Kế hoạch kiểm tra CCHC năm {year} ({where}, thử quyền)")
    layout = {"qldd": ("stnmt", "qldd", h["qldd-head"]), "ttcntt": ("stnmt", "ttcntt", p["hung"]),
              THERE: ("stp", "stp-hctp", h["stp-office"])}
    for where, (plan_place, code, reporter) in layout.items():
        plan = world.inspection_plans[plan_place]
        by = p["mai"] if plan_place == "stnmt" else h["stp-office"]
        inspection = actions.add_inspection(plan, by=by, unit=u[code], planned_date=held, actual_date=held,
                                            team=["Trưởng đoàn kiểm tra", "Đại diện Sở Nội vụ"])
        finding = actions.add_finding(inspection, by=by, text=f"Chưa công khai đầy đủ TTHC ({code})")
        world.inspections[where], world.findings[where] = inspection, finding
        world.fixes[where] = actions.add_fix(finding, by=by, text="Công khai đầy đủ TTHC",
                                             deadline_text=f"Trước ngày 15/12/{year}")
        reported = actions.add_fix(finding, by=by, text="Cập nhật niêm yết TTHC", deadline_text=f"Trước ngày 10/12/{year}")
        world.reported_fixes[where] = actions.report_fix(reported, by=reporter, note="Đã cập nhật niêm yết.")


def _surveys(world: World) -> None:
    from surveys import actions

    u, p, h = world.units, world.people, world.helpers
    sipas, _opinion = actions.ensure_templates()
    for where, unit, by in (("stnmt", u["stnmt"], p["mai"]), ("stp", u["stp"], h["stp-office"])):
        survey = actions.create_survey(by=by, unit=unit, source=sipas, title=f"Khảo sát SIPAS {world.year} ({where})",
                                       period_label=f"Năm {world.year}", start_date=datetime.date(world.year, 1, 1),
                                       end_date=datetime.date(world.year, 12, 31), status="open")
        counter = actions.add_counter(by=by, survey=survey, name="Quầy tiếp nhận số 1")
        questions = list(survey.questions.all())
        world.surveys[where] = survey
        world.questions[where] = questions[0]
        world.responses[where] = actions.submit_response(
            survey=survey, counter=counter, levels={q.pk: 4 for q in questions},
            suggestion="Cần thêm ghế ngồi chờ.")
        (_invitation, code), = actions.create_codes(by=by, survey=survey, count=1, label="Thư mời")
        world.codes[where] = code


def _imports(world: World) -> None:
    from imports import actions
    from imports.docx_reader import read_file
    from imports.layout import extract_plan
    from imports.tests.builders import build_plan_2025

    data = build_plan_2025()
    for where, unit, by in (("stnmt", world.units["stnmt"], world.people["mai"]),
                            ("stp", world.units["stp"], world.helpers["stp-office"])):
        plan = extract_plan(read_file("ke-hoach-2025.docx", data))
        world.import_sessions[where] = actions.start_import(by=by, issuing_unit=unit, filename="ke-hoach-2025.docx",
                                                            plan=plan)


DOSSIER_EXPORT = (
    "Mã hồ sơ;Mã thủ tục;Tên thủ tục;Lĩnh vực;Đơn vị giải quyết;Ngày tiếp nhận;Ngày hẹn trả;Ngày có kết quả;"
    "Hình thức nộp;Trạng thái\n"
    "MX01;1.004227;Đăng ký biến động quyền sử dụng đất;Đất đai;Văn phòng Đăng ký đất đai;02/01/2026 08:00;"
    "16/01/2026;10/01/2026 15:00;Trực tiếp;Đã trả kết quả\n"
).encode()


def _dossiers(world: World) -> None:
    from dossiers import actions

    for where, unit, by in (("stnmt", world.units["stnmt"], world.people["mai"]),
                            ("stp", world.units["stp"], world.helpers["stp-office"])):
        source = actions.create_source(by=by, unit=unit, name=f"Phần mềm một cửa ({where})")
        world.import_runs[where] = actions.upload_export(
            by=by, source=source, uploaded_file=SimpleUploadedFile("ho-so.csv", DOSSIER_EXPORT))


def _documents(world: World) -> None:
    from documents import actions
    from documents.starter import starter_template

    kind = "plan"
    for where, unit, by in (("stnmt", world.units["stnmt"], world.people["mai"]),
                            ("stp", world.units["stp"], world.helpers["stp-office"])):
        world.templates[where], _warnings = actions.upload_template(
            by=by, kind=kind, unit=unit, name=f"Mẫu kế hoạch ({where})", data=starter_template(kind),
            filename="mau-ke-hoach.docx")


def _publications(world: World) -> None:
    from dashboards import actions

    for where, by in (("stnmt", world.people["mai"]), ("stp", world.helpers["stp-office"])):
        world.publications[where] = actions.publish(by=by, kind="plan", target=world.plans[where],
                                                    title=f"Kế hoạch CCHC ({where})")


def _calendar(world: World) -> None:
    from workdays import actions

    world.override = actions.add_override(by=world.people["admin"], day=datetime.date(world.year, 12, 26),
                                          kind="off", note="Nghỉ bù (thử quyền)")


def word_file(text: str) -> bytes:
    """A real .docx (python-docx), which every evidence form accepts by its content."""
    from docx import Document

    document = Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def grant_of(person: User, role: str | None = None) -> RoleGrant:
    grants = person.grants.select_related("unit").order_by("pk")
    return (grants.filter(role=role) if role else grants).first()
