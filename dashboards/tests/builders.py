"""Data for the dashboards' tests, built through the other apps' own demo loaders and actions where they exist.

Dates sit in 2024, the year of the seed plan; tests travel to 05/12/2024 (after the 30/11 data cut-off).
"""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from surveys import actions as survey_actions
from surveys.models import Survey

TODAY = date(2024, 12, 5)
CAST_NAMES = ("lan", "hung", "mai", "thu", "manh", "admin", "khoa")


def demo_context(cast) -> dict:
    return {"units": dict(cast.units), "people": {name: getattr(cast, name) for name in CAST_NAMES}}


def load_assessments(cast) -> dict:
    """The seed department's published history 2019–2023, its 2024 assessment in progress, and the internal 2024
    assessment of its units (all published but the Environment division's, still being appraised)."""
    from assessments import demo as assessments_demo
    from frameworks import demo as frameworks_demo

    context = demo_context(cast)
    frameworks_demo.load(context)
    assessments_demo.load(context)
    return context["frameworks"]


# Tasks as the seed plan writes them: (code, content, lead unit code, due date, status).
SEED_TASKS = [
    ("1", "Thực hiện rà soát, báo cáo và xây dựng phương án sắp xếp tổ chức các đơn vị sự nghiệp công lập",
     "vp", date(2024, 11, 15), "done"),
    ("1.4", "Thực hiện các giải pháp nâng cao hiệu quả các chỉ số: PAR INDEX, SIPAS, PAPI, PCI,... theo chỉ đạo "
            "cấp trên", "khtc", date(2024, 11, 15), "in_progress"),
    ("1.6.3", "Thực hiện các giải pháp nâng cao hiệu quả các chỉ số: PAR INDEX, SIPAS, PAPI, PCI, DTL... theo chỉ "
              "đạo cấp trên", "ttcntt", date(2024, 11, 15), "not_started"),
    ("4.1.2", "Hoàn thiện quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của đơn vị trực thuộc",
     "vp", date(2024, 12, 20), "in_progress"),
    ("2.3", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "ttcntt", date(2024, 12, 16), "in_progress"),
]


def make_plan(cast, *, year: int = 2024, status: str = "issued", title: str | None = None, tasks=SEED_TASKS,
              number: str = "05", symbol: str = "KH-STNMT"):
    from plans.models import Plan, Section, Task

    plan = Plan.objects.create(
        issuing_unit=cast.department, number=number, symbol=symbol, year=year, status=status, kind=Plan.Kind.INDEX,
        title=title or f"Kế hoạch duy trì, cải thiện và nâng cao Chỉ số CCHC (PAR INDEX), SIPAS năm {year}",
        issue_date=date(year, 7, 5),
    )
    section = Section.objects.create(plan=plan, numeral="I", title="Lĩnh vực cải cách thể chế", order=1)
    for order, (code, content, lead, due, state) in enumerate(tasks, start=1):
        task = Task.objects.create(
            plan=plan, section=section, code=code, order=order, content=content, deadline_text="Báo cáo trước ngày "
            f"{due:%d/%m}", due_date=due, status=state, progress=100 if state == "done" else 40,
            completed_on=due - timedelta(days=3) if state == "done" else None, lead_text=cast.unit(lead).name,
        )
        task.lead_units.set([cast.unit(lead)])
    return plan


def make_sipas(cast, *, unit=None, satisfied: int = 3, unhappy: int = 1, title: str = "") -> Survey:
    """A closed SIPAS survey of the department for 2024 with answer sheets: `satisfied` all 'Hài lòng',
    `unhappy` all 'Không hài lòng' except aspect 3 ('Rất hài lòng')."""
    sipas, _ = survey_actions.ensure_templates()
    survey = survey_actions.create_survey(
        by=cast.mai, unit=unit or cast.department, source=sipas, title=title or sipas.title, period_label="Năm 2024",
        start_date=date(2024, 1, 1), end_date=date(2024, 11, 30), status=Survey.Status.OPEN,
    )
    questions = list(survey.questions.all())
    for i in range(satisfied + unhappy):
        happy = i < satisfied
        levels = {q.pk: 4 if happy else (5 if q.aspect == 3 else 2) for q in questions}
        survey_actions.submit_response(survey=survey, levels=levels, on=date(2024, 3 + i % 8, 10))
    return survey


def make_dossiers(unit, rows: list[tuple[date, int, int]]):
    """For each (first day of a month, settled, of which late): dossiers settled that month by `unit`."""
    from dossiers.models import Dossier, Procedure

    procedure, _ = Procedure.objects.get_or_create(
        code="1.004227", defaults={"name": "Đăng ký biến động quyền sử dụng đất", "field": "Đất đai",
                                   "processing_days": 10})
    dossiers = []
    for month, settled, late in rows:
        for i in range(settled):
            received = month + timedelta(days=i % 5)
            due = received + timedelta(days=14)
            done = due + timedelta(days=2) if i < late else due - timedelta(days=1)
            dossiers.append(Dossier(
                code=f"{unit.code}-{month:%Y%m}-{i}", procedure=procedure, field="Đất đai", handling_unit=unit,
                received_at=datetime(received.year, received.month, received.day, 2, tzinfo=UTC), received_on=received,
                due_on=due, finished_at=datetime(done.year, done.month, done.day, 3, tzinfo=UTC), settled_on=done,
            ))
    Dossier.objects.bulk_create(dossiers)
    return dossiers


def points(value: str) -> Decimal:
    return Decimal(value)


def make_internal_results(cast, results: dict[str, tuple[str, str]] | None = None, year: int = 2024):
    """A small internal framework of the department (two areas of one criterion each) and its units' results:
    {unit code: (points of 1.1 out of 60, points of 2.1 out of 40)}; the Environment division not yet published."""
    from assessments.models import Assessment
    from frameworks.models import Criterion, Framework

    results = results or {"vp": ("60", "39"), "ttcntt": ("55", "40"), "qldd": ("40", "31"), "qlmt": ("60", "40")}
    framework = Framework.objects.create(
        year=year, title=f"Bộ tiêu chí đánh giá CCHC các phòng, đơn vị thuộc Sở năm {year}", owner=cast.department,
        level=Framework.Level.INTERNAL)
    leaves = []
    for order, (code, title, maximum, leaf_title) in enumerate([
        ("1", "Cải cách thủ tục hành chính", 60, "Tỷ lệ hồ sơ TTHC giải quyết đúng và trước hạn"),
        ("2", "Chuyển đổi số", 40, "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC"),
    ]):
        area = Criterion.objects.create(framework=framework, kind=Criterion.Kind.AREA, code=code, order=2 * order,
                                        title=title, max_points=Decimal(maximum))
        leaves.append(Criterion.objects.create(
            framework=framework, parent=area, kind=Criterion.Kind.CRITERION, code=f"{code}.1", order=2 * order + 1,
            title=leaf_title, max_points=Decimal(maximum), responsible_unit=cast.unit("ttcntt")))
    for code, scores in results.items():
        phase = Assessment.Phase.APPRAISAL if code == "qlmt" else Assessment.Phase.PUBLISHED
        add_internal_result(framework, cast.unit(code), scores, phase)
    return framework


def add_internal_result(framework, unit, scores: tuple[str, ...], phase: str = "published"):
    """The unit's assessment under `framework`, one appraised score per criterion in order."""
    from assessments.models import Assessment, Score

    assessment = Assessment.objects.create(framework=framework, unit=unit, phase=phase,
                                           window_start=date(framework.year, 1, 1),
                                           window_end=date(framework.year, 11, 30))
    leaves = framework.criteria.exclude(kind="area").order_by("order")
    for leaf, value in zip(leaves, scores, strict=True):
        Score.objects.create(assessment=assessment, criterion=leaf, self_score=Decimal(value),
                             appraised_score=Decimal(value))
    return assessment
