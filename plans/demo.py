"""Demo plans: the seed's 2024 PAR INDEX/SIPAS plan (typed from its appendices), a 2025 yearly CCHC plan with its
targets, and a 2026 plan whose deadlines fall around today, so the overdue and due-soon lists have content."""

from datetime import date
from decimal import Decimal

from org.matching import UnitDirectory
from plans import actions
from plans.demo_data import APPENDIX_1, APPENDIX_2, APPENDIX_3
from plans.models import Plan, Task

SEED_TITLE = ("Kế hoạch duy trì, cải thiện và nâng cao Chỉ số cải cách hành chính (PAR INDEX), Chỉ số hài lòng của "
              "người dân đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS) năm 2024")
PLAN_2025_TITLE = "Kế hoạch cải cách hành chính năm 2025 của Sở Tài nguyên và Môi trường"
PLAN_2026_TITLE = "Kế hoạch cải cách hành chính năm 2026 của Sở Tài nguyên và Môi trường"

TARGETS_2025 = [
    ("Cắt giảm ít nhất 20 % thông tin phải kê khai trong thành phần hồ sơ", "", "gte", "20"),
    ("100 % người đến Bộ phận một cửa được định danh điện tử", "", "gte", "100"),
    ("100 % kết quả giải quyết TTHC được cấp đồng thời bản điện tử", "", "gte", "100"),
    ("Tỷ lệ thanh toán trực tuyến trên 70 % hồ sơ có phí, lệ phí", "dossiers.online_payment_rate", "gt", "70"),
    ("Mức độ hài lòng của người dân, doanh nghiệp trên 90 %", "surveys.sipas_index", "gt", "90"),
    ("Giảm 15 % số đầu mối bên trong", "", "gte", "15"),
    ("Đơn giản hóa ít nhất 20 % quy trình nội bộ", "", "gte", "20"),
    ("100 % hồ sơ TTHC được số hóa", "dossiers.digitisation_rate", "gte", "100"),
]


def load(context):
    units, people = context["units"], context["people"]
    department = units["department"] if "department" in units else units["stnmt"]
    directory = UnitDirectory(department)
    plans = {
        "seed": _seed_plan(department, directory, units, people, context.get("frameworks", {}).get(2024)),
        "2025": _plan_2025(department, units, people),
        "2026": _plan_2026(department, units, people),
    }
    context["plans"] = plans


def _resolve(directory, text):
    found = []
    for match in directory.match_cell(text or ""):
        for unit in match.units:
            if unit not in found:
                found.append(unit)
    return found


def _link_criteria(plan, framework, by):
    """Appendix 2 restates the framework's criteria: link each task to the criterion it copies."""
    from difflib import SequenceMatcher

    from org.names import normalize_name

    criteria = [(normalize_name(c.title)[:80], c) for c in framework.criteria.exclude(kind="area")]
    for task in plan.tasks.filter(section__appendix_number="2", is_heading=False):
        key = normalize_name(task.content)[:80]
        ratio, best = max(((SequenceMatcher(None, key, title).ratio(), c) for title, c in criteria),
                          key=lambda pair: pair[0], default=(0, None))
        if best is not None and ratio >= 0.75:
            actions.link_criteria(by=by, task=task, criteria=[best])


def _seed_plan(department, directory, units, people, framework=None):
    existing = Plan.objects.filter(issuing_unit=department, year=2024, title=SEED_TITLE).first()
    if existing:
        return existing
    mai = people["mai"]
    appendices = []
    for appendix in (APPENDIX_1, APPENDIX_2, APPENDIX_3):
        sections = []
        for section in appendix["sections"]:
            tasks = []
            for row in section["tasks"]:
                tasks.append({**row, "lead_units": _resolve(directory, row["lead_text"]),
                              "coordinating_units": _resolve(directory, row["coordinating_text"]),
                              "monitoring_units": _resolve(directory, row["monitoring_text"])})
            sections.append({**section, "tasks": tasks})
        appendices.append({**appendix, "sections": sections})
    header = {"symbol": "KH-STNMT", "title": SEED_TITLE, "summary": SEED_TITLE, "place": "Bà Rịa – Vũng Tàu",
              "issue_date": date(2024, 7, 5), "year": 2024, "kind": Plan.Kind.INDEX, "signer_name": "Phan Văn Mạnh",
              "signer_title": "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC",
              "recipients": ["UBND tỉnh (b/c);", "Sở Nội vụ (b/c);", "Ban GD Sở (b/c);", "Các phòng thuộc Sở;",
                             "ĐV thuộc Sở;", "Lưu: VT, VP."]}
    plan = actions.create_plan_with_tasks(by=mai, issuing_unit=department, header=header, appendices=appendices)
    if framework is not None:
        _link_criteria(plan, framework, mai)
    for label, due in [("Quý I", date(2024, 3, 10)), ("6 tháng", date(2024, 6, 10)), ("Quý III", date(2024, 9, 10)),
                       ("Năm", date(2024, 11, 15))]:
        actions.add_report_period(by=mai, plan=plan, label=label, stated_due=due)

    # The year's work: most tasks done on time, a few late, one extended, the relative one dated.
    tasks = list(plan.tasks.filter(is_heading=False).prefetch_related("lead_units").order_by("order"))
    for index, task in enumerate(tasks):
        lead = next(iter(task.lead_units.all()), None)
        if lead is None or task.due_date is None and task.deadline_kind not in ("relative", "on_instruction"):
            continue
        if task.deadline_kind == "relative":
            actions.record_event_date(by=mai, task=task, event_date=date(2024, 8, 12))
            task.refresh_from_db()
        if task.due_date is None:
            continue
        if index % 9 == 4:
            extension = actions.request_extension(by=mai, task=task, unit=lead, new_due=date(2024, 12, 20),
                                                  reason="Chờ UBND tỉnh phê duyệt phương án đơn giản hóa TTHC")
            actions.decide_extension(by=mai, extension=extension, approve=True, note="Đồng ý gia hạn")
            finished = date(2024, 12, 18)
        else:
            finished = task.due_date if index % 7 else date(2024, 12, 27)  # every seventh one late
        actions.post_update(by=mai, task=task, unit=lead, kind="progress", status=Task.Status.DONE, percent=100,
                            note="Đã hoàn thành, báo cáo kết quả gửi Văn phòng Sở.", today=finished)
    periods = list(plan.report_periods.all())
    for unit_code in ("vp", "qldd", "ttcntt", "khtc", "tt"):
        for period in periods:
            if unit_code == "tt" and period.label == "Năm":
                continue  # the Inspectorate never sent its year report
            actions.submit_period_report(by=mai, period=period, unit=units[unit_code],
                                         text=f"Báo cáo {period.label.lower()} năm 2024 về công tác CCHC.",
                                         today=period.due_date)
    return plan


def _plan_2025(department, units, people):
    existing = Plan.objects.filter(issuing_unit=department, year=2025, title=PLAN_2025_TITLE).first()
    if existing:
        return existing
    mai, lan = people["mai"], people["lan"]
    plan = actions.create_plan(by=mai, issuing_unit=department, number="05", symbol="KH-STNMT", year=2025,
                               title=PLAN_2025_TITLE, kind=Plan.Kind.YEARLY, status=Plan.Status.ISSUED,
                               issue_date=date(2025, 1, 6), place="Bà Rịa – Vũng Tàu", signer_name="Phan Văn Mạnh",
                               signer_title="PHÓ GIÁM ĐỐC")
    for label, metric, comparison, value in TARGETS_2025:
        actions.add_target(by=mai, plan=plan, label=label, metric_key=metric, comparison=comparison,
                           value=Decimal(value))
    for label, due in [("Quý I", date(2025, 3, 10)), ("6 tháng", date(2025, 6, 10)), ("Quý III", date(2025, 9, 10)),
                       ("Năm", date(2025, 12, 10))]:
        actions.add_report_period(by=mai, plan=plan, label=label, stated_due=due)
    first = actions.add_section(by=mai, plan=plan, numeral="I", title="CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH")
    second = actions.add_section(by=mai, plan=plan, numeral="II", title="CẢI CÁCH THỦ TỤC HÀNH CHÍNH")
    rows = [
        (first, "1", "Ban hành Kế hoạch CCHC năm 2025 của các phòng, đơn vị", "vp", "Trong Quý I/2025"),
        (first, "2", "Tuyên truyền CCHC trên Trang thông tin điện tử của Sở", "vp", "Thường xuyên"),
        (first, "3", "Triển khai các văn bản chỉ đạo của UBND tỉnh về CCHC", "vp", "Theo chỉ đạo của UBND tỉnh"),
        (second, "1", "Rà soát, đơn giản hóa TTHC lĩnh vực đất đai", "qldd", "Quý II/2025"),
        (second, "2", "Số hóa hồ sơ, kết quả giải quyết TTHC", "ttcntt", "Trong năm 2025"),
        (second, "3", "Xây dựng quy trình nội bộ sau khi Đề án sắp xếp được phê duyệt", "vpdkdd",
         "Sau khi Đề án được phê duyệt"),
        (second, "4", "Cập nhật cơ sở dữ liệu đất đai theo Đề án 06", "qldd", "Tháng 6/2025"),
    ]
    for section, code, content, lead, deadline in rows:
        task = actions.add_task(by=mai, plan=plan, section=section, code=code, content=content,
                                deadline_text=deadline, lead_units=[units[lead]], monitoring_units=[units["vp"]],
                                coordinating_units=[units["khtc"]], product="Báo cáo kết quả thực hiện")
        if task.due_date:
            by = lan if lead == "qldd" else mai
            actions.post_update(by=by, task=task, unit=units[lead], kind="progress", status=Task.Status.DONE,
                                percent=100, note="Đã hoàn thành.", today=task.due_date)
    return plan


def _plan_2026(department, units, people):
    existing = Plan.objects.filter(issuing_unit=department, year=2026, number="08").first()
    if existing:
        return existing
    mai, lan, hung = people["mai"], people["lan"], people["hung"]
    plan = actions.create_plan(by=mai, issuing_unit=department, number="08", symbol="KH-STNMT", year=2026,
                               title=PLAN_2026_TITLE, kind=Plan.Kind.YEARLY, status=Plan.Status.ISSUED,
                               issue_date=date(2026, 1, 12), signer_name="Phan Văn Mạnh", signer_title="PHÓ GIÁM ĐỐC")
    actions.add_target(by=mai, plan=plan, label="Tỷ lệ nhiệm vụ CCHC hoàn thành đúng hạn từ 90 % trở lên",
                       metric_key="plans.on_time_rate", comparison="gte", value=Decimal("90"))
    actions.add_target(by=mai, plan=plan, label="Tỷ lệ hồ sơ TTHC giải quyết đúng hạn từ 98 % trở lên",
                       metric_key="dossiers.on_time_rate", comparison="gte", value=Decimal("98"))
    for label, due in [("Quý I", date(2026, 3, 10)), ("6 tháng", date(2026, 6, 10)), ("Quý III", date(2026, 9, 10)),
                       ("Năm", date(2026, 12, 10))]:
        actions.add_report_period(by=mai, plan=plan, label=label, stated_due=due)
    first = actions.add_section(by=mai, plan=plan, numeral="I", title="CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH")
    second = actions.add_section(by=mai, plan=plan, numeral="II", title="CẢI CÁCH THỦ TỤC HÀNH CHÍNH")
    third = actions.add_section(by=mai, plan=plan, numeral="III", title="CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ")
    rows = [
        (first, "1", "Ban hành Kế hoạch CCHC năm 2026 của các phòng, đơn vị", "vp", "Trước ngày 31/01/2026", "done"),
        (first, "2", "Kiểm tra CCHC các đơn vị trực thuộc", "vp", "Quý III/2026", "done_late"),
        (first, "3", "Tổng kết công tác CCHC năm 2026, xây dựng báo cáo năm", "vp", "Báo cáo trước ngày 10/12",
         "in_progress"),
        (second, "1", "Công bố danh mục TTHC lĩnh vực đất đai sau sắp xếp", "qldd", "Trước ngày 13/11/2026", "open"),
        (second, "2", "Rà soát, đề xuất đơn giản hóa thành phần hồ sơ TTHC đất đai", "qldd", "Trước ngày 25/11/2026",
         "in_progress"),
        (second, "3", "Cập nhật quy trình nội bộ giải quyết TTHC đất đai", "qldd",
         "Chậm nhất sau 05 ngày làm việc kể từ ngày Chủ tịch UBND tỉnh ký công bố TTHC", "event"),
        (second, "4", "Giải quyết hồ sơ đăng ký đất đai đúng hạn", "vpdkdd", "Thường xuyên", "open"),
        (third, "1", "Số hóa hồ sơ, kết quả giải quyết TTHC năm 2026", "ttcntt", "Trước ngày 20/11/2026", "open"),
        (third, "2", "Nâng cấp Trang thông tin điện tử của Sở", "ttcntt", "Trước ngày 03/12/2026", "extension"),
        (third, "3", "Báo cáo chỉ số chuyển đổi số (DTI) năm 2026", "ttcntt", "Tháng 12/2026", "open"),
    ]
    for section, code, content, lead, deadline, state in rows:
        task = actions.add_task(by=mai, plan=plan, section=section, code=code, content=content, deadline_text=deadline,
                                lead_units=[units[lead]], monitoring_units=[units["vp"]],
                                coordinating_units=[units["ttcntt"]] if lead != "ttcntt" else [units["qldd"]],
                                product="Văn bản, báo cáo kết quả thực hiện")
        by = {"qldd": lan, "ttcntt": hung}.get(lead, mai)
        if state == "done":
            actions.post_update(by=by, task=task, unit=units[lead], kind="progress", status=Task.Status.DONE,
                                percent=100, note="Đã ban hành.", today=date(2026, 1, 28))
        elif state == "done_late":
            actions.post_update(by=by, task=task, unit=units[lead], kind="progress", status=Task.Status.DONE,
                                percent=100, note="Đã kiểm tra 5 đơn vị.", today=date(2026, 10, 9))
        elif state == "in_progress":
            actions.post_update(by=by, task=task, unit=units[lead], kind="progress",
                                status=Task.Status.IN_PROGRESS, percent=60, note="Đang tổng hợp ý kiến các đơn vị.")
        elif state == "event":
            actions.record_event_date(by=by, task=task, event_date=date(2026, 11, 19))
        elif state == "extension":
            actions.post_update(by=by, task=task, unit=units[lead], kind="progress",
                                status=Task.Status.IN_PROGRESS, percent=40, note="Đang chạy thử giao diện mới.")
            actions.request_extension(by=by, task=task, unit=units[lead], new_due=date(2026, 12, 18),
                                      reason="Nhà thầu bàn giao chậm do sắp xếp lại đơn vị")
        if lead == "qldd" and state == "in_progress":
            actions.post_update(by=hung, task=task, unit=units["ttcntt"], kind="contribution",
                                note="Trung tâm đã cung cấp số liệu hồ sơ trực tuyến 10 tháng.")
    periods = {p.label: p for p in plan.report_periods.all()}
    for unit_code in ("vp", "qldd", "ttcntt", "vpdkdd"):
        for label in ("Quý I", "6 tháng", "Quý III"):
            if unit_code == "vpdkdd" and label == "Quý III":
                continue  # the Land Registration Office is late for Q3
            due = periods[label].due_date
            actions.submit_period_report(by=mai, period=periods[label], unit=units[unit_code],
                                         text=f"Báo cáo {label.lower()} năm 2026 về CCHC.",
                                         today=due if unit_code != "ttcntt" or label != "6 tháng" else date(2026, 6, 15))
    return plan
