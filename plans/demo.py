"""Demo plans: both seeds whole, loaded as an office would load them, and the current year's plan.

- Seed 000 (the department's 2024 PAR INDEX/SIPAS plan, 116 tasks) from the shipped Word file, through the importer's
  own steps (read → draft → review: the names and cells an office corrects → confirm), then carried out.
- Seed 004 (Khánh Hòa's 2025 CCHC plan, 35 tasks) from the Word file laid out from its text (plans/seed_004.py), the
  same way; the review brings each row to the transcription where the importer read it otherwise. Then its targets,
  its reporting calendar and its other dated duties, as the office enters them on the plan's page.
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
from imports.resolve import ROLES, Resolver
from org.names import normalize_name
from plans import actions, seed_004
from plans.models import Plan, Task

SEED_000_FILE = (Path(__file__).resolve().parent.parent / "imports" / "fixtures" / "accuracy"
                 / "ke-hoach-nang-cao-par-sipas-2024.docx")
# The seed leaves the day blank ("ngày tháng năm 2024"); it follows the province's plan of 21/06/2024: the demo's
# assumption, entered on the review page.
SEED_000_ISSUE_DATE = date(2024, 7, 5)
# What the office corrects on the review page of seed 000, each only where the importer reads the cell this way:
# (appendix, section, code, field, as read, as corrected).
SEED_000_EDITS = [
    ("2", "II", "1.1.2", "deadline_text", "Báo cáo năm trước ngày 15/11/2024 4", "Báo cáo năm trước ngày 15/11/2024"),
]
# Names in seed 000's unit cells that are no unit of the department (a working group): mapped to no unit.
SEED_000_NOT_UNITS = ["phối hợp cùng Tổ kiểm tra công vụ Sở kiểm tra báo cáo"]
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
    """The upload page's first step: read the file, keep what was read as a draft to review."""
    extracted = extract_plan(read_file(path.name, path.read_bytes()))
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
    for appendix, section, task in _draft_tasks(session):
        for number, numeral, code, field, read, corrected in SEED_000_EDITS:
            if (appendix["number"], section["numeral"], task["code"]) == (number, numeral, code) and \
                    task.get(field) == read:
                imports.update_task(session, task["id"], by=mai, fields={field: corrected})
    for text in SEED_000_NOT_UNITS:
        imports.map_name(session, by=mai, text=text)
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


# Seed 004 ------------------------------------------------------------------------------------------------------


def _cell_text(codes, units_by_code) -> str:
    """How the office writes a set of units when it corrects a cell: the group's phrase, else the names."""
    if set(codes) == set(seed_004.ALL):
        return "Các phòng, đơn vị thuộc Sở"
    if set(codes) == set(seed_004.DIVISIONS):
        return "Các phòng thuộc Sở"
    return "; ".join(units_by_code[c].name for c in codes)


def review_004(session, by) -> list[str]:
    """Brings every draft row to the transcription where the importer read it otherwise (text, or the units a cell
    resolves to), as the office does on the review page. Returns what it corrected: 'II.5 sản phẩm', …"""
    resolver = Resolver(session.issuing_unit, session.payload.get("mappings"))
    units_by_code = {u.code: u for u in resolver.units}
    rows = [t for _a, _s, t in _draft_tasks(session) if not t.get("is_heading")]
    expected = seed_004.tasks()
    if len(rows) != len(expected):
        raise ValueError(f"seed 004: the importer read {len(rows)} tasks, the plan has {len(expected)}")
    corrected = []
    for task, (numeral, (code, content, product, schedule, _cell, *roles)) in zip(rows, expected, strict=True):
        fields = {}
        for name, want in (("code", code), ("content", content), ("product", product), ("deadline_text", schedule)):
            if normalize_name(task.get(name, "")) != normalize_name(want):
                fields[name] = want
        for (_role, attr), want in zip(ROLES, roles, strict=True):
            found, unknown = resolver.resolve(task.get(attr, ""))
            if unknown or {u.code for u in found} != set(want):
                fields[attr] = _cell_text(want, units_by_code) if want else ""
        if fields:
            imports.update_task(session, task["id"], by=by, fields=fields)
            corrected.append(f"{numeral}.{code}: {', '.join(sorted(fields))}")
    return corrected


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
