"""Demo plans: both seeds whole, loaded as an office would load them, and the current year's plan.

- Seed 000 (the department's 2024 PAR INDEX/SIPAS plan, 116 tasks) from the shipped Word file, through the importer's
  own steps (read → draft → review: the names and cells an office corrects → confirm), then carried out.
- Seed 004 (Khánh Hòa's 2025 CCHC plan, 35 tasks) from the Word file laid out from its text (plans/seed_004.py), the
  same way; on the review the office picks the units of each "các phòng, đơn vị có liên quan" the importer flags (as
  the transcription reads them). Then its targets, its reporting calendar and its other dated duties, as the office
  enters them on the plan's page.
The importer reads every other cell of both seeds as the seeds write them: the review corrects no cell.
- The current year's CCHC plan of the seed department, its dates counted from the day the demo is loaded on the
  working-day calendar: tasks done, late, overdue, due this week and later, a pending extension, reports due.
Idempotent: a plan already loaded is left as it is.
"""

from datetime import date
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from core.demo_time import clock
from imports import actions as imports
from imports.docx_reader import read_file
from imports.layout import extract_plan
from imports.models import ImportSession
from imports.resolve import ROLES, Resolver, known_names
from imports.row_checks import needs_units
from org.matching import UnitDirectory
from org.names import normalize_name
from plans import actions, seed_004
from plans.models import Plan, Task

SEED_000_FILE = (Path(__file__).resolve().parent.parent / "imports" / "fixtures" / "accuracy"
                 / "ke-hoach-nang-cao-par-sipas-2024.docx")
# The seed leaves the day blank ("ngày tháng năm 2024"); it follows the province's plan of 21/06/2024: the demo's
# assumption, entered on the review page.
SEED_000_ISSUE_DATE = date(2024, 7, 5)
# Phụ lục 2, 1.2.1: "Báo cáo 6 tháng … đến ngày 10/6/2024 … Quý III … 10/9/2024 … năm 2024 … 15/11/2024".
SEED_000_PERIODS = [("6 tháng", date(2024, 6, 10)), ("Quý III", date(2024, 9, 10)), ("Năm", date(2024, 11, 15))]

LIVE_TITLE = "Kế hoạch cải cách hành chính năm {year} của Sở Tài nguyên và Môi trường"
LIVE_NUMBER = "08"


@transaction.atomic
def load(context):
    units, people = context["units"], context["people"]
    department = units["department"] if "department" in units else units["stnmt"]
    time = clock(context)
    plans = {"seed": _seed_000(department, units, people, time, context.get("frameworks", {}).get(2024))}
    _seed_content(plans["seed"], department, people["mai"])
    if "kh-stnmt" in units and "hoa" in people:
        plans["seed_004"] = _seed_004(units, people["hoa"], time)
    # Loaded again in a later year, the demo closes the earlier years' plans as their offices would have.
    for earlier in Plan.objects.filter(issuing_unit=department, number=LIVE_NUMBER, year__lt=time.today.year):
        _carry_out(earlier, by=people["mai"], time=time, event_date=None, decider=people["manh"])
    plans["live"] = _live_plan(department, units, people, time)
    context["plans"] = plans


# Loading a Word file as an office does -------------------------------------------------------------------------


def _confirmed(by, filename: str) -> Plan | None:
    session = ImportSession.objects.filter(owner=by, filename=filename, status=ImportSession.Status.CONFIRMED).first()
    return Plan.objects.filter(pk=session.plan_id).first() if session else None


def _start(by, issuing_unit, path) -> ImportSession:
    """The upload page's first step: read the file with the department's unit names, keep what was read as a draft
    to review."""
    known = known_names(UnitDirectory(issuing_unit.department()))
    extracted = extract_plan(read_file(path.name, path.read_bytes()), known_units=known)
    return imports.start_import(by=by, issuing_unit=issuing_unit, filename=path.name, plan=extracted)


def _draft_tasks(session) -> list[tuple[dict, dict, dict]]:
    """(appendix, section, task) of the draft as it stands now."""
    session.refresh_from_db()
    return [(a, s, t) for a in session.payload["appendices"] for s in a["sections"] for t in s["tasks"]]


# Seed 000 ------------------------------------------------------------------------------------------------------


def _seed_000(department, units, people, time, framework=None):
    mai = people["mai"]
    existing = _confirmed(mai, SEED_000_FILE.name)
    if existing:
        return existing
    session = _start(mai, department, SEED_000_FILE)
    imports.update_header(session, by=mai, fields={"issue_date": SEED_000_ISSUE_DATE})
    plan = imports.confirm_import(session, by=mai)
    if framework is not None:
        _link_criteria(plan, framework, mai)
    for label, due in SEED_000_PERIODS:
        actions.add_report_period(by=mai, plan=plan, label=label, stated_due=due, calendar=time.calendar)
    _carry_out(plan, by=mai, time=time, event_date=date(2024, 8, 12), decider=people["manh"])
    _report(plan, by=mai, units=[units[c] for c in ("vp", "qldd", "ttcntt", "khtc", "tt")], time=time,
            missing=("tt", "Năm"))
    return plan


def _link_criteria(plan, framework, by):
    """Appendix 2 restates the framework's criteria: link each task to the criterion it copies."""
    from difflib import SequenceMatcher

    criteria = [(normalize_name(c.title)[:80], c) for c in framework.criteria.exclude(kind="area")]
    for task in plan.tasks.filter(section__appendix_number="2", is_heading=False):
        key = normalize_name(task.content)[:80]
        ratio, best = max(((SequenceMatcher(None, key, title).ratio(), c) for title, c in criteria),
                          key=lambda pair: pair[0], default=(0, None))
        if best is not None and ratio >= 0.75:
            actions.link_criteria(by=by, task=task, criteria=[best])


SEED_PURPOSES = """**1. Mục đích**
- Tiếp tục thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể CCHC nhà nước giai đoạn 2021 - 2030; Nghị quyết số 09-NQ/ĐH ngày 25/9/2020 của Đại hội đại biểu Đảng bộ tỉnh Bà Rịa – Vũng Tàu lần thứ VII, nhiệm kỳ 2020 – 2025; Quyết định số 4655/QĐ-UBND ngày 08/12/2021 của UBND tỉnh ban hành Kế hoạch CCHC nhà nước giai đoạn 2021-2025 trên địa bàn tỉnh Bà Rịa - Vũng Tàu.
- Tiếp tục duy trì và nâng cao kết quả những tiêu chí, tiêu chí thành phần có điểm số cao; khắc phục những tiêu chí, tiêu chí thành phần bị giảm điểm, chưa đạt điểm tối đa trong Chỉ số PAR INDEX, SIPAS năm 2023. Phấn đấu Chỉ số CCHC, Chỉ số hài lòng về sự phục vụ hành chính của tỉnh năm 2024 tăng cả về điểm số và thứ hạng so với năm 2023.
- Nâng cao tinh thần, trách nhiệm của người đứng đầu các cơ quan, đơn vị; cán bộ, công chức, viên chức và nhân dân trong nỗ lực cải thiện Chỉ số PAR INDEX, Chỉ số SIPAS của tỉnh năm 2024.
**2. Yêu cầu**
- Đánh giá đúng thực trạng, kết quả thực hiện các nội dung liên quan. Bám sát các tiêu chí theo dõi, đánh giá của Chỉ số, các văn bản hướng dẫn của Bộ, ngành Trung ương về CCHC, chủ động, tích cực trong tham mưu thực hiện; đề ra các giải pháp, biện pháp cụ thể, tổ chức triển khai tại từng cơ quan, đơn vị nhằm nâng cao chất lượng, hiệu quả (tăng điểm số, tăng thứ hạng) các lĩnh vực, tiêu chí, tiêu chí thành phần của Chỉ số.
- Phân công rõ trách nhiệm và nhiệm vụ cho từng cơ quan, đơn vị; từng cán bộ, công chức, viên chức nhằm khắc phục những tiêu chí, những nội dung bị giảm điểm, chưa đạt điểm tối đa của Chỉ số PAR INDEX, Chỉ số SIPAS.
- Kiểm tra, đánh giá hiệu quả các giải pháp, từ đó có sự đôn đốc, điều chỉnh các giải pháp thực hiện cho phù hợp với tình hình thực tế tại cơ quan, đơn vị."""
SEED_SOLUTIONS = ("Để duy trì các nội dung đạt điểm tối đa và khắc phục, cải thiện những tồn tại, hạn chế trong chỉ số PAR "
                  "INDEX, chỉ số SIPAS năm 2023 của tỉnh, Sở Tài nguyên và Môi trường yêu cầu các phòng, đơn vị thực "
                  "hiện các nhiệm vụ, giải pháp đối với Chỉ số PAR INDEX (Phụ lục 1, Phụ lục 2) và Chỉ số SIPAS "
                  "(Phụ lục 3).")
SEED_ORGANISATION = """1. Căn cứ các nhiệm vụ theo kế hoạch này, Trưởng các phòng, Thủ trưởng các đơn vị thuộc Sở có trách nhiệm tổ chức triển khai, thực hiện và báo cáo kết quả thực hiện nhiệm vụ hàng tháng về Sở (qua Văn phòng Sở).
- Phối hợp với Phòng Kế hoạch – Tài chính lập dự trù kinh phí (nếu có) để xây dựng, triển khai các chương trình, kế hoạch được giao trình UBND tỉnh phê duyệt.
2. Kết quả thực hiện nhiệm vụ cải thiện và nâng cao chỉ số CCHC của Sở theo Kế hoạch này là cơ sở để đánh giá mức độ hoàn thành nhiệm vụ đối với cá nhân lãnh đạo và tập thể phòng, cơ quan, đơn vị trong công tác đánh giá cuối năm và bình xét thi đua khen thưởng.
Trường hợp để xảy ra trừ điểm đánh giá xếp hạng CCHC cấp tỉnh của Sở thuộc trách nhiệm, nhiệm vụ của cơ quan, đơn vị nào thì thủ trưởng cơ quan, đơn vị đó không được đánh giá xếp loại hoàn thành xuất sắc nhiệm vụ trong năm.
3. Văn phòng Sở có trách nhiệm đôn đốc, kiểm tra việc thực hiện Kế hoạch này đối với các phòng, cơ quan, đơn vị thuộc Sở; định kỳ tổng hợp báo cáo kết quả cho Lãnh đạo Sở và kết quả cải cách hành chính về UBND tỉnh."""
# Seed 000, I.1.1: the province's indices of 2023 and (from the changes it quotes) of 2022.
PROVINCE_RESULTS = [
    (2023, "par", "91.03", "điểm", 5, "273/QĐ-BNV", date(2024, 4, 10)),
    (2022, "par", "87.47", "điểm", 6, "", None),
    (2023, "sipas", "88.64", "%", 8, "272/QĐ-BNV", date(2024, 4, 10)),
    (2022, "sipas", "82.03", "%", 18, "", None),
]


def _seed_content(plan, department, mai):
    """What the seed says around its appendices: its legal basis, results of 2023, purposes, organisation. Once."""
    from assessments.models import Assessment
    from plans import content_actions, drafting_actions, improvement

    for year, index, score, unit, rank, decision, day in PROVINCE_RESULTS:
        if not department.province_results.filter(year=year, index=index).exists():
            content_actions.save_province_result(
                by=mai, department=department, year=year, index=index, score=Decimal(score), score_unit=unit,
                rank=rank, out_of=63, decision_number=decision, decision_date=day,
                decision_issuer="Bộ trưởng Bộ Nội vụ" if decision else "")
    if plan.legal_bases.exists():
        return
    content_actions.add_legal_basis(
        by=mai, plan=plan, kind="Kế hoạch", number="152/KH-UBND", issued_on=date(2024, 6, 21), issuer="UBND tỉnh",
        summary="duy trì, cải thiện và nâng cao Chỉ số cải cách hành chính (PAR INDEX), Chỉ số hài lòng của người "
                "dân đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS) năm 2024 và những năm tiếp theo của "
                "tỉnh")
    assessment = Assessment.objects.filter(unit=department, framework__year=2023,
                                           phase__in=improvement.DRAFTABLE).first()
    results = improvement.propose(assessment).texts["results_text"] if assessment else ""
    plan.source_assessment = assessment
    plan.save(update_fields=["source_assessment"])
    drafting_actions.update_texts(by=mai, plan=plan, results_text=results, purpose_text=SEED_PURPOSES,
                                  solutions_text=SEED_SOLUTIONS, organisation_text=SEED_ORGANISATION)


# Seed 004 ------------------------------------------------------------------------------------------------------


def review_004(session, by) -> list[str]:
    """What the office chooses on the review page of seed 004: the units of each vague phrase the importer flags
    ('Các phòng, đơn vị có liên quan', never widened by the importer itself), picked as the transcription reads the
    cell. Returns the rows picked: 'I.2', …"""
    resolver = Resolver(session.issuing_unit, session.payload.get("mappings"))
    units_by_code = {u.code: u for u in resolver.units}
    rows = [t for _a, _s, t in _draft_tasks(session) if not t.get("is_heading")]
    expected = seed_004.tasks()
    if len(rows) != len(expected):
        raise ValueError(f"seed 004: the importer read {len(rows)} tasks, the plan has {len(expected)}")
    picked = []
    for task, (numeral, (code, *_cells, lead, coordinating, monitoring)) in zip(rows, expected, strict=True):
        if not task.get("needs_units"):
            continue
        chosen = []
        for (_role, attr), codes in zip(ROLES, (lead, coordinating, monitoring), strict=True):
            if needs_units(task.get(attr, "")):
                named = {u.code for u in resolver.resolve(task.get(attr, ""))[0]}
                chosen += [units_by_code[c] for c in codes if c not in named]
        if chosen:
            imports.update_task(session, task["id"], by=by, fields={}, picked_units=chosen)
            picked.append(f"{numeral}.{code}")
    return picked


def _seed_004(units, by, time):
    existing = _confirmed(by, seed_004.DOCX_PATH.name)
    if existing:
        return existing
    department = units[seed_004.DEPARTMENT]
    session = _start(by, department, seed_004.DOCX_PATH)
    review_004(session, by)
    imports.update_header(session, by=by, fields={"issue_date": seed_004.ASSUMED_ISSUE_DATE, "year": seed_004.YEAR})
    plan = imports.confirm_import(session, by=by)
    for label, comparison, value, unit_label, metric, _quote in seed_004.TARGETS:
        actions.add_target(by=by, plan=plan, label=label, value=Decimal(value), comparison=comparison,
                           unit_label=unit_label, metric_key=metric)
    for label, due in seed_004.REPORT_PERIODS:
        actions.add_report_period(by=by, plan=plan, label=label, stated_due=due, calendar=time.calendar)
    numeral, title = seed_004.DUTIES_SECTION
    section = actions.add_section(by=by, plan=plan, numeral=numeral, title=title)
    for code, (content, product, schedule, lead, monitoring, _quote) in enumerate(seed_004.DUTIES, start=1):
        task = actions.add_task(by=by, plan=plan, section=section, code=str(code), content=content, product=product,
                                deadline_text=schedule, lead_units=[units[c] for c in lead],
                                monitoring_units=[units[c] for c in monitoring])
        if task.deadline_kind == "relative":
            actions.record_event_date(by=by, task=task, event_date=seed_004.ASSUMED_ISSUE_DATE)
    _carry_out(plan, by=by, time=time, event_date=None)
    _report(plan, by=by, units=[units[c] for c in ("kh-vp", "kh-ccqldd", "kh-vpdkdd", "kh-ttcntt")], time=time,
            missing=("kh-ddbd", ""))
    return plan


# Carrying a plan out up to today ---------------------------------------------------------------------------------


def _carry_out(plan, *, by, time, event_date, decider=None):
    """The year's work up to the demo's today: tasks due before today done (most on time, every seventh late, one in
    nine extended first: asked by the lead unit three working days before the deadline and decided by `decider`, a
    leader of the issuing unit, never by whoever asked), those due later still open; a relative deadline dated by
    its event; once the plan's year is over, the tasks with no date (continuous, on instruction) done by the year's
    end."""
    year_end = time.calendar.last_working_day_on_or_before(date(plan.year, 12, 31))
    tasks = list(plan.tasks.filter(is_heading=False).prefetch_related("lead_units", "coordinating_units",
                                                                       "extensions").order_by("order"))
    for index, task in enumerate(tasks):
        if task.status not in (Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS):
            continue
        # A row that names no lead (some of seed 000's) is reported by the first unit it names.
        lead = next(iter([*task.lead_units.all(), *task.coordinating_units.all()]), None)
        if lead is None:
            continue
        if task.deadline_kind == "relative" and task.event_date is None and event_date and event_date < time.today:
            task = actions.record_event_date(by=by, task=task, event_date=event_date)
        due = task.due_date
        if due is None and year_end < time.today:
            actions.post_update(by=by, task=task, unit=lead, kind="progress", status=Task.Status.DONE, percent=100,
                                note="Đã thực hiện trong năm, nêu trong báo cáo năm.", today=year_end)
            continue
        if due is None or due >= time.today:
            continue
        finished = due
        leads = task.lead_units.all()
        if index % 9 == 4 and not task.extensions.all() and decider is not None and lead in leads:
            new_due = time.calendar.add_working_days(due, 15)
            extension = actions.request_extension(by=by, task=task, unit=lead, new_due=new_due,
                                                  reason="Chờ UBND tỉnh cho ý kiến về phương án trình",
                                                  today=time.calendar.add_working_days(due, -3))
            actions.decide_extension(by=decider, extension=extension, approve=True, note="Đồng ý gia hạn")
            finished = time.calendar.add_working_days(new_due, -2)
        elif index % 7 == 0:
            finished = time.calendar.add_working_days(due, 8)  # late
        if finished >= time.today:
            if task.status == Task.Status.NOT_STARTED:
                actions.post_update(by=by, task=task, unit=lead, kind="progress", status=Task.Status.IN_PROGRESS,
                                    percent=80, note="Đang hoàn thiện, dự kiến xong trong tuần.")
            continue
        actions.post_update(by=by, task=task, unit=lead, kind="progress", status=Task.Status.DONE, percent=100,
                            note="Đã hoàn thành, báo cáo kết quả gửi Văn phòng Sở.", today=finished)


def _report(plan, *, by, units, time, missing):
    """Each unit's periodic reports for the periods already due; `missing` = (unit code, period label) never sent
    (a label of "" is the last period due)."""
    periods = [p for p in plan.report_periods.order_by("order") if p.due_date < time.today]
    for period in periods:
        for unit in units:
            skipped = unit.code == missing[0] and period.label == (missing[1] or periods[-1].label)
            if not skipped:
                actions.submit_period_report(by=by, period=period, unit=unit, today=period.due_date,
                                             text=f"Báo cáo {period.label.lower()} năm {plan.year} về công tác CCHC.")


# The current year ------------------------------------------------------------------------------------------------

# (section, code, task, lead unit, when, state): `when` is a number of working days from today, "event" (5 working
# days from an announcement 2 working days ago), "issue" (30 days from the plan's signature), or the words of a
# deadline with no date.
LIVE_SECTIONS = [("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"), ("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
                 ("III", "CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ")]
LIVE_TASKS = [
    ("I", "1", "Ban hành Kế hoạch CCHC năm {year} của các phòng, đơn vị thuộc Sở", "vp", "issue", "done"),
    ("I", "2", "Kiểm tra công tác CCHC tại các đơn vị trực thuộc", "vp", -25, "done_late"),
    ("I", "3", "Tuyên truyền CCHC trên Trang thông tin điện tử của Sở", "vp", "Thường xuyên", "in_progress"),
    ("I", "4", "Triển khai các văn bản chỉ đạo của UBND tỉnh về CCHC", "vp", "Theo chỉ đạo của UBND tỉnh",
     "in_progress"),
    ("I", "5", "Tổng kết công tác CCHC năm {year}, xây dựng báo cáo năm", "vp", 20, "in_progress"),
    ("II", "1", "Niêm yết công khai TTHC tại Bộ phận một cửa và Trang thông tin điện tử của Sở", "vpdkdd", -40, "done"),
    ("II", "2", "Công bố danh mục TTHC lĩnh vực đất đai sau sắp xếp", "qldd", -6, "open"),
    ("II", "3", "Rà soát, đề xuất đơn giản hóa thành phần hồ sơ TTHC lĩnh vực đất đai", "qldd", -2, "in_progress"),
    ("II", "4", "Cập nhật quy trình nội bộ giải quyết TTHC lĩnh vực đất đai", "qldd", "event", "open"),
    ("II", "5", "Giải quyết hồ sơ đăng ký đất đai đúng hạn, xin lỗi khi trễ hạn", "vpdkdd", "Thường xuyên",
     "in_progress"),
    ("III", "1", "Vận hành hệ thống quản lý văn bản và điều hành, chữ ký số", "ttcntt", 0, "in_progress"),
    ("III", "2", "Số hóa hồ sơ, kết quả giải quyết TTHC năm {year}", "ttcntt", 1, "in_progress"),
    ("III", "3", "Nâng cấp Trang thông tin điện tử của Sở", "ttcntt", 7, "extension"),
    ("III", "4", "Báo cáo Chỉ số chuyển đổi số (DTI) năm {year}", "ttcntt", 45, "open"),
]
EVENT_DEADLINE = "Chậm nhất sau 05 ngày làm việc kể từ ngày Chủ tịch UBND tỉnh ký công bố TTHC"
ISSUE_DEADLINE = "Trong thời gian 30 ngày kể từ ngày Giám đốc ký ban hành Kế hoạch"
LIVE_PERIODS = [("Quý I", (3, 10)), ("6 tháng", (6, 10)), ("Quý III", (9, 10)), ("Năm", (11, 15))]


def _live_plan(department, units, people, time):
    """The seed department's plan of the current year, work in progress on the demo's today."""
    year = time.today.year
    existing = Plan.objects.filter(issuing_unit=department, year=year, number=LIVE_NUMBER).first()
    if existing:
        return existing
    mai, lan, hung = people["mai"], people["lan"], people["hung"]
    calendar = time.calendar
    # Issued early in January, or in the autumn before when the year has just begun (as plans often are).
    issued = min(calendar.last_working_day_on_or_before(date(year, 1, 8)), time.working_day(-45))
    plan = actions.create_plan(by=mai, issuing_unit=department, number=LIVE_NUMBER, symbol="KH-STNMT", year=year,
                               title=LIVE_TITLE.format(year=year), kind=Plan.Kind.YEARLY, status=Plan.Status.ISSUED,
                               issue_date=issued, place="Bà Rịa – Vũng Tàu", signer_name="Phan Văn Mạnh",
                               signer_title="PHÓ GIÁM ĐỐC")
    actions.add_target(by=mai, plan=plan, label="Tỷ lệ nhiệm vụ CCHC hoàn thành đúng hạn từ 90 % trở lên",
                       metric_key="plans.on_time_rate", comparison="gte", value=Decimal("90"))
    actions.add_target(by=mai, plan=plan, label="Tỷ lệ hồ sơ TTHC giải quyết đúng hạn từ 98 % trở lên",
                       metric_key="dossiers.on_time_rate", comparison="gte", value=Decimal("98"))
    for label, (month, day) in LIVE_PERIODS:
        actions.add_report_period(by=mai, plan=plan, label=label, stated_due=date(year, month, day),
                                  calendar=calendar)
    sections = {numeral: actions.add_section(by=mai, plan=plan, numeral=numeral, title=title)
                for numeral, title in LIVE_SECTIONS}
    by_unit = {"qldd": lan, "ttcntt": hung}
    for numeral, code, content, lead, when, state in LIVE_TASKS:
        if isinstance(when, int):
            deadline = f"Trước ngày {time.working_day(when):%d/%m/%Y}"
        else:
            deadline = {"event": EVENT_DEADLINE, "issue": ISSUE_DEADLINE}.get(when, when)
        task = actions.add_task(by=mai, plan=plan, section=sections[numeral], code=code,
                                content=content.format(year=year), deadline_text=deadline, lead_units=[units[lead]],
                                monitoring_units=[units["vp"]],
                                coordinating_units=[units["ttcntt"]] if lead != "ttcntt" else [units["qldd"]],
                                product="Văn bản, báo cáo kết quả thực hiện")
        if when == "event":
            task = actions.record_event_date(by=mai, task=task, event_date=time.working_day(-2))
        elif when == "issue":
            task = actions.record_event_date(by=mai, task=task, event_date=issued)
        _live_state(task, state, by_unit.get(lead, mai), units[lead], time)
        if lead == "qldd" and state == "in_progress":
            actions.post_update(by=hung, task=task, unit=units["ttcntt"], kind="contribution",
                                note="Trung tâm đã cung cấp số liệu hồ sơ trực tuyến của lĩnh vực đất đai.")
    _report(plan, by=mai, units=[units[c] for c in ("vp", "qldd", "ttcntt", "vpdkdd")], time=time,
            missing=("qldd", ""))
    return plan


def _live_state(task, state, by, unit, time):
    if state == "done":
        done_on = min(time.calendar.add_working_days(task.due_date, -3), time.working_day(-1))
        actions.post_update(by=by, task=task, unit=unit, kind="progress", status=Task.Status.DONE, percent=100,
                            note="Đã hoàn thành.", today=done_on)
    elif state == "done_late":
        actions.post_update(by=by, task=task, unit=unit, kind="progress", status=Task.Status.DONE, percent=100,
                            note="Đã kiểm tra 5 đơn vị, có biên bản kèm theo.", today=time.working_day(-20))
    elif state == "in_progress":
        actions.post_update(by=by, task=task, unit=unit, kind="progress", status=Task.Status.IN_PROGRESS,
                            percent=60, note="Đang thực hiện, đã tổng hợp ý kiến các đơn vị.")
    elif state == "extension":
        actions.post_update(by=by, task=task, unit=unit, kind="progress", status=Task.Status.IN_PROGRESS, percent=40,
                            note="Đang chạy thử giao diện mới.")
        actions.request_extension(by=by, task=task, unit=unit, new_due=time.working_day(20),
                                  reason="Nhà thầu bàn giao chậm do sắp xếp lại đơn vị")
