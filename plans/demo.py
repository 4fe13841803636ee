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
    seed_plan = _seed_plan(department, directory, units, people, context.get("frameworks", {}).get(2024))
    _seed_content(seed_plan, department, people["mai"])
    plans = {
        "seed": seed_plan,
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
