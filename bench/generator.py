"""A province's worth of data, deterministic for a seed, with every size scaled by one factor.

At scale 1: 35 departments and 100 communes of about 10 units each; five years (2021–2025) of frameworks for
departments and for communes, each of about 150 sub-criteria, with every unit's assessment, its scores and
evidence records; 30,000 plan tasks with their progress reports; 1,000,000 one-stop dossiers; 300,000 survey
answers (about 17,600 SIPAS answer sheets of 17 questions); and the audit trail those writes leave. The demo (seed department,
people, frameworks) is loaded first, so every page has its usual users.

Large tables go in with one bulk statement per batch (SQLite executemany, PostgreSQL COPY); the small ones with
bulk_create. Times are fixed (not "now"), so two runs with one seed give the same province.
"""

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction

YEARS = range(2021, 2026)
AREAS, CRITERIA_PER_AREA, SUBS_PER_CRITERION = 8, 6, 3  # 8 areas, 48 criteria, 144 sub-criteria (+ 8 + 48 nodes)
UNITS_PER_BODY = 10
BATCH = 20_000
EPOCH = datetime(2021, 1, 4, 7, 30, tzinfo=UTC)


@dataclass
class Sizes:
    departments: int
    communes: int
    tasks: int
    dossiers: int
    answers: int

    @classmethod
    def at(cls, scale: float) -> "Sizes":
        return cls(departments=max(1, round(35 * scale)), communes=max(1, round(100 * scale)),
                   tasks=max(10, round(30_000 * scale)), dossiers=max(10, round(1_000_000 * scale)),
                   answers=max(100, round(300_000 * scale)))


@dataclass
class Province:
    """What was made, for the bench and the tests: counts per table and a few handles."""

    sizes: Sizes
    prefix: str = "gen"
    counts: dict[str, int] = field(default_factory=dict)
    bodies: list = field(default_factory=list)  # the departments and communes scored each year
    frameworks: list = field(default_factory=list)
    assessment_ids: list = field(default_factory=list)
    plan_ids: list = field(default_factory=list)
    survey_ids: list = field(default_factory=list)


def insert_rows(table: str, columns: list[str], rows) -> int:
    """Bulk-inserts plain tuples (values already in the database's form) and returns how many went in."""
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
            return count
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
        batch = []
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                cursor.executemany(sql, batch)
                count += len(batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


def _when(moment: datetime):
    """An aware UTC datetime as the backend stores it (SQLite: text, as Django writes it)."""
    return moment if connection.vendor == "postgresql" else str(moment.replace(tzinfo=None))


def generate(seed: int = 1, scale: float = 1.0, *, demo: bool = True, prefix: str = "gen", say=print) -> Province:
    """prefix names the generated codes, so a second province can be added beside a first (the tests do)."""
    rng = random.Random(seed)
    sizes = Sizes.at(scale)
    province = Province(sizes, prefix=prefix)
    if demo:
        call_command("load_demo", verbosity=0)
    from accounts.models import User

    by = User.objects.filter(username="admin").first()
    with transaction.atomic():
        _organisation(province, rng)
        say(f"  đơn vị: {province.counts['units']:,}")
        _frameworks(province, rng, by)
        say(f"  bộ chỉ số: {len(province.frameworks)}, đánh giá: {province.counts['assessments']:,}, "
            f"điểm: {province.counts['scores']:,}, minh chứng: {province.counts['evidence']:,}")
        _plans(province, rng, by)
        say(f"  nhiệm vụ: {province.counts['tasks']:,}, báo cáo tiến độ: {province.counts['task_updates']:,}")
        _dossiers(province, rng)
        say(f"  hồ sơ TTHC: {province.counts['dossiers']:,}")
        _surveys(province, rng)
        say(f"  phiếu khảo sát: {province.counts['responses']:,}, câu trả lời: {province.counts['answers']:,}")
        _audit(province, rng, by)
        say(f"  nhật ký thay đổi: {province.counts['audit']:,}")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return province


def _organisation(province: Province, rng: random.Random) -> None:
    from org.models import Unit

    root = Unit.objects.get(code="ubnd-brvt")
    made = 0
    bodies = []
    for kind, count, label in ((Unit.Kind.DEPARTMENT, province.sizes.departments, "Sở"),
                               (Unit.Kind.COMMUNE, province.sizes.communes, "UBND xã")):
        for i in range(1, count + 1):
            code = f"{province.prefix}-{kind[:4]}-{i:03d}"
            body = Unit(name=f"{label} thử tải số {i}", short_name=f"{label} {i}", code=code, kind=kind,
                        parent=root, order=1000 + i)
            body.save()
            bodies.append(body)
            children = [Unit(name=f"Phòng {j} – {body.short_name}", short_name=f"P{j} {body.short_name}",
                             code=f"{code}-{j:02d}", kind=Unit.Kind.DIVISION if kind == Unit.Kind.DEPARTMENT
                             else Unit.Kind.OTHER, parent=body, order=j) for j in range(1, UNITS_PER_BODY + 1)]
            Unit.objects.bulk_create(children)
            Unit.objects.filter(parent=body).update(path=_concat_path(body.path), depth=body.depth + 1)
            made += 1 + len(children)
    province.bodies = bodies
    province.counts["units"] = made
    _people(province, root)


# The bench's log-ins at province scale: the province's reform office (Sở Nội vụ's officer over every unit) and a
# specialist of a generated division.
OFFICE, SPECIALIST = "gen-office", "gen-specialist"


def _people(province: Province, root) -> None:
    from accounts.models import Role, RoleGrant, User

    division = province.bodies[0].children.order_by("order").first()
    for username, name, unit, role, scope in ((OFFICE, "Cán bộ đầu mối CCHC tỉnh (thử tải)", root,
                                              Role.REFORM_OFFICE, root),
                                             (SPECIALIST, "Chuyên viên (thử tải)", division, Role.SPECIALIST,
                                              division)):
        user, _ = User.objects.get_or_create(username=username, defaults={"full_name": name, "unit": unit})
        RoleGrant.objects.get_or_create(user=user, role=role, unit=scope)


def _concat_path(parent_path: str):
    """The child's path: the parent's plus its own id (one UPDATE for the children just made)."""
    from django.db.models import CharField, F, Value
    from django.db.models.functions import Cast, Concat

    return Concat(Value(parent_path), Cast(F("pk"), CharField()), Value("/"))


def _frameworks(province: Province, rng: random.Random, by) -> None:
    from assessments.models import Assessment, Evidence, Score
    from frameworks.models import Framework
    from org.models import Unit

    root = Unit.objects.get(code="ubnd-brvt")
    departments = [b for b in province.bodies if b.kind == Unit.Kind.DEPARTMENT]
    communes = [b for b in province.bodies if b.kind == Unit.Kind.COMMUNE]
    scores = evidence = assessments_made = 0
    for year in YEARS:
        for level, bodies, label in ((Framework.Level.DEPARTMENTS, departments, "các sở, ban, ngành"),
                                     (Framework.Level.OTHER, communes, "UBND cấp xã")):
            framework = Framework.objects.create(
                year=year, title=f"Bộ chỉ số CCHC {label} (thử tải) năm {year}", level=level, owner=root,
                bands=[["Xuất sắc", 90], ["Tốt", 80], ["Khá", 70], ["Trung bình", 50], ["Yếu", 0]])
            province.frameworks.append(framework)
            leaves = _criteria(framework)
            phase = Assessment.Phase.PUBLISHED if year < YEARS[-1] else Assessment.Phase.SELF_ASSESSMENT
            stamp = datetime(year, 12, 20, 8, 0, tzinfo=UTC)
            made = Assessment.objects.bulk_create([
                Assessment(framework=framework, unit=body, phase=phase, window_start=date(year, 1, 1),
                           window_end=date(year, 11, 30), self_deadline=date(year, 12, 5),
                           submitted_at=stamp if year < YEARS[-1] else None,
                           finalised_at=stamp if year < YEARS[-1] else None,
                           published_at=stamp if year < YEARS[-1] else None) for body in bodies])
            if connection.vendor != "postgresql":  # SQLite's bulk_create returns no ids before 3.35 on Django
                made = list(Assessment.objects.filter(framework=framework).order_by("pk"))
            province.assessment_ids.extend(a.pk for a in made)
            assessments_made += len(made)
            rows = []
            for assessment in made:
                for leaf in leaves:
                    points = (leaf.max_points * Decimal(rng.randint(40, 100)) / 100).quantize(Decimal("0.001"))
                    rows.append(Score(assessment=assessment, criterion=leaf, self_score=points,
                                      appraised_score=points if year < YEARS[-1] else None,
                                      explanation="Đã thực hiện theo kế hoạch." if rng.random() < 0.5 else ""))
            Score.objects.bulk_create(rows, batch_size=5000)
            scores += len(rows)
            score_ids = list(Score.objects.filter(assessment__framework=framework).values_list("pk", flat=True))
            items = [Evidence(score_id=pk, file=f"evidence/gen/{pk}.pdf", name=f"Minh chứng {pk}.pdf",
                              size=rng.randint(20_000, 900_000), sha256=f"{pk:064x}")
                     for pk in score_ids if rng.random() < 0.4]
            Evidence.objects.bulk_create(items, batch_size=5000)
            evidence += len(items)
    province.counts.update(assessments=assessments_made, scores=scores, evidence=evidence)


def _criteria(framework) -> list:
    from frameworks.models import Criterion

    K = Criterion.Kind
    areas = Criterion.objects.bulk_create([
        Criterion(framework=framework, kind=K.AREA, code=str(a), title=f"Lĩnh vực {a}", order=a,
                  max_points=Decimal(CRITERIA_PER_AREA * SUBS_PER_CRITERION)) for a in range(1, AREAS + 1)])
    areas = list(Criterion.objects.filter(framework=framework, kind=K.AREA).order_by("order"))
    criteria = Criterion.objects.bulk_create([
        Criterion(framework=framework, parent=area, kind=K.CRITERION, code=f"{area.code}.{c}",
                  title=f"Tiêu chí {area.code}.{c}", order=c, max_points=Decimal(SUBS_PER_CRITERION))
        for area in areas for c in range(1, CRITERIA_PER_AREA + 1)])
    criteria = list(Criterion.objects.filter(framework=framework, kind=K.CRITERION).order_by("pk"))
    Criterion.objects.bulk_create([
        Criterion(framework=framework, parent=criterion, kind=K.SUB_CRITERION, code=f"{criterion.code}.{s}",
                  title=f"Tiêu chí thành phần {criterion.code}.{s}", order=s, max_points=Decimal(1),
                  rule={"kind": "manual"}, guidance="Văn bản, báo cáo chứng minh")
        for criterion in criteria for s in range(1, SUBS_PER_CRITERION + 1)])
    return list(Criterion.objects.filter(framework=framework, kind=K.SUB_CRITERION).order_by("pk"))


def _plans(province: Province, rng: random.Random, by) -> None:
    from plans.models import Plan, Section, Task, TaskUpdate

    bodies = province.bodies
    plans_wanted = len(bodies) * len(YEARS)
    per_plan = max(1, province.sizes.tasks // plans_wanted)
    extra = province.sizes.tasks - per_plan * plans_wanted
    tasks = updates = 0
    statuses = [Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS, Task.Status.DONE]
    for year in YEARS:
        plans = Plan.objects.bulk_create([
            Plan(issuing_unit=body, number=str(i + 1), symbol=f"KH-{body.code.upper()}",
                 title=f"Kế hoạch cải cách hành chính năm {year}", year=year, status=Plan.Status.ISSUED,
                 issue_date=date(year, 1, 10), created_by=by) for i, body in enumerate(bodies)])
        plans = list(Plan.objects.filter(year=year, issuing_unit__in=bodies).order_by("pk"))
        province.plan_ids.extend(p.pk for p in plans)
        sections = Section.objects.bulk_create([Section(plan=plan, numeral="I", title="Nhiệm vụ trọng tâm", order=1)
                                                for plan in plans])
        sections = {s.plan_id: s for s in Section.objects.filter(plan__in=plans)}
        children = {b.pk: list(b.children.all()) for b in bodies}
        rows = []
        for plan in plans:
            count = per_plan + (1 if extra > 0 else 0)
            extra -= 1
            for t in range(count):
                status = rng.choice(statuses) if year < YEARS[-1] else rng.choice(statuses[:2])
                due = date(year, rng.randint(2, 12), rng.randint(1, 28))
                rows.append(Task(plan=plan, section=sections[plan.pk], code=str(t + 1), order=t + 1,
                                 content=f"Nhiệm vụ {t + 1} của kế hoạch {plan.symbol} năm {year}",
                                 deadline_text=f"Trước ngày {due:%d/%m/%Y}", deadline_kind="date", stated_due=due,
                                 due_date=due, status=status,
                                 progress=100 if status == Task.Status.DONE else rng.choice([0, 20, 50, 80]),
                                 completed_on=due if status == Task.Status.DONE else None))
        Task.objects.bulk_create(rows, batch_size=5000)
        made = list(Task.objects.filter(plan__year=year, plan__in=plans).values_list("pk", "plan__issuing_unit_id"))
        tasks += len(made)
        through = Task.lead_units.through
        through.objects.bulk_create([through(task_id=pk, unit_id=rng.choice(children[body]).pk)
                                     for pk, body in made], batch_size=5000)
        monitors = Task.monitoring_units.through
        monitors.objects.bulk_create([monitors(task_id=pk, unit_id=body) for pk, body in made], batch_size=5000)
        progress = [TaskUpdate(task_id=pk, unit_id=body, author=by, kind=TaskUpdate.Kind.PROGRESS,
                               status=Task.Status.IN_PROGRESS, percent=50, note="Đang triển khai theo kế hoạch.")
                    for pk, body in made]
        TaskUpdate.objects.bulk_create(progress, batch_size=5000)
        updates += len(progress)
    province.counts.update(plans=len(province.plan_ids), tasks=tasks, task_updates=updates)


def _dossiers(province: Province, rng: random.Random) -> None:
    from dossiers.models import Dossier, Procedure
    from org.models import Unit

    procedures = Procedure.objects.bulk_create([
        Procedure(code=f"{province.prefix.upper()}.{i:04d}", name=f"Thủ tục thử tải số {i}", field=f"Lĩnh vực {i % 12 + 1}",
                  processing_days=rng.choice([3, 5, 7, 10, 15]), fee_bearing=i % 3 == 0) for i in range(1, 301)])
    procedures = list(Procedure.objects.filter(code__startswith=f"{province.prefix.upper()}.").values_list("pk", "field", "processing_days",
                                                                                     "fee_bearing"))
    handling = list(Unit.objects.filter(parent__in=province.bodies).values_list("pk", flat=True))
    channels = ["direct", "partly_online", "fully_online", "post"]
    day = connection.ops.adapt_datefield_value
    number = (lambda v: v) if connection.vendor == "postgresql" else \
        (lambda v: None if v is None else connection.ops.adapt_decimalfield_value(v, 14, 0))
    span_minutes = 5 * 365 * 24 * 60
    step = max(1, span_minutes // province.sizes.dossiers)

    def rows():
        for i in range(province.sizes.dossiers):
            pk, field_, days, fee_bearing = procedures[i % len(procedures)]
            received = EPOCH + timedelta(minutes=i * step + rng.randint(0, step))
            due = (received + timedelta(days=days + days // 2)).date()
            finished = received + timedelta(days=rng.randint(0, days + 4), hours=2) if i % 9 else None
            fee = Decimal(50_000) if fee_bearing else None
            yield (f"{province.prefix.upper()}-{i:08d}", pk, field_, None, "", handling[i % len(handling)], _when(received),
                   day(received.date()), day(due), False, _when(finished) if finished else None,
                   day(finished.date()) if finished else None, _when(finished) if finished else None,
                   channels[i % 4], i % 3 == 0, number(fee), fee_bearing, i % 5 != 0,
                   "Đã trả kết quả" if finished else "Đang giải quyết", bool(finished and i % 17 == 0))

    columns = ["code", "procedure_id", "field", "receiving_unit_id", "receiving_text", "handling_unit_id",
               "received_at", "received_on", "due_on", "due_computed", "finished_at", "settled_on", "returned_at",
               "channel", "paid_online", "fee", "fee_bearing", "digitised", "status", "apology_sent"]
    province.counts["dossiers"] = insert_rows(Dossier._meta.db_table, columns, rows())


def _surveys(province: Province, rng: random.Random) -> None:
    from surveys import actions
    from surveys.models import Answer, Response, Survey

    sipas, _ = actions.ensure_templates()
    sheets = province.sizes.answers // sipas.questions.count()
    surveys = []
    for body in province.bodies:
        survey = actions.create_survey(by=None, unit=body, source=sipas, title=f"Khảo sát SIPAS {body.short_name}",
                                       period_label="Năm 2025", start_date=date(2025, 1, 1),
                                       end_date=date(2025, 12, 31), status=Survey.Status.OPEN)
        surveys.append((survey, list(survey.questions.values_list("pk", flat=True))))
    province.survey_ids = [s.pk for s, _ in surveys]
    Response.objects.bulk_create([
        Response(survey=surveys[i % len(surveys)][0], channel=Response.Channel.PUBLIC,
                 submitted_on=date(2025, 1, 1) + timedelta(days=i % 330),
                 suggestion="Cần rút ngắn thời gian chờ." if i % 11 == 0 else "",
                 follow_up=Response.FollowUp.RECEIVED if i % 11 == 0 else "") for i in range(sheets)],
        batch_size=5000)
    # Read before the bulk insert starts: PostgreSQL's COPY holds the connection while it runs.
    responses = list(Response.objects.filter(survey_id__in=province.survey_ids).values_list("pk", "survey_id"))
    questions = {s.pk: q for s, q in surveys}

    def rows():
        for pk, survey_id in responses:
            for question in questions[survey_id]:
                yield (pk, question, rng.choice((3, 4, 4, 5, 5)))

    province.counts["responses"] = sheets
    province.counts["answers"] = insert_rows(Answer._meta.db_table, ["response_id", "question_id", "level"], rows())


def _audit(province: Province, rng: random.Random, by) -> None:
    """One entry per self-score, per progress report and per answer sheet, as the actions write them."""
    import json

    from assessments.models import Score
    from audit.models import AuditEntry
    from plans.models import TaskUpdate
    from surveys.models import Response

    score_type = ContentType.objects.get_for_model(Score).pk
    update_type = ContentType.objects.get_for_model(TaskUpdate).pk
    response_type = ContentType.objects.get_for_model(Response).pk
    user = by.pk if by else None

    # Read before the bulk insert starts: PostgreSQL's COPY holds the connection while it runs.
    scores = list(Score.objects.filter(assessment_id__in=province.assessment_ids)
                  .values_list("pk", "assessment__unit_id"))
    updates = list(TaskUpdate.objects.filter(task__plan_id__in=province.plan_ids).values_list("pk", "unit_id"))
    sheets = list(Response.objects.filter(survey_id__in=province.survey_ids).values_list("pk", "survey__unit_id"))

    def rows():
        moment = EPOCH
        for pk, unit in scores:
            moment += timedelta(seconds=7)
            yield (_when(moment), user, "update", score_type, str(pk), f"Điểm {pk}", unit,
                   json.dumps({"self_score": [None, "1"]}), "")
        for pk, unit in updates:
            moment += timedelta(seconds=5)
            yield (_when(moment), user, "create", update_type, str(pk), f"Báo cáo tiến độ {pk}", unit, "{}", "")
        for pk, unit in sheets:
            moment += timedelta(seconds=3)
            yield (_when(moment), None, "create", response_type, str(pk), f"Phiếu {pk}", unit, "{}",
                   "Phiếu trả lời khảo sát")

    columns = ["at", "user_id", "action", "content_type_id", "object_id", "object_repr", "unit_id", "changes", "note"]
    province.counts["audit"] = insert_rows(AuditEntry._meta.db_table, columns, rows())
