"""Demo inspections of the seed department: its 2024 plan (seed 000, appendix 2, 1.3: "kiểm tra CCHC các đơn vị
trực thuộc … đạt 50 %, tất cả các vấn đề phát hiện qua kiểm tra đều được xử lý"), six of its eleven units inspected,
one without notice, with findings and fixes followed up; and a plan of the current year under way, with a fix the
IT Centre still owes. Idempotent: a plan found by its year and title is left as it is."""

from datetime import date, timedelta

from django.db import transaction

from core.demo_time import demo_today
from inspections import actions
from inspections.models import Fix, InspectionPlan
from workdays.services import get_calendar

TITLE = "Kế hoạch kiểm tra công tác cải cách hành chính năm {year} của Sở Tài nguyên và Môi trường"
TEAM = ["Lê Thị Mai – Văn phòng Sở, trưởng đoàn", "Thanh tra Sở", "Đại diện Sở Nội vụ (Tổ kiểm tra công vụ tỉnh)"]

# (unit code, kind, planned, actual, findings [(finding, [(fix, deadline as written, reported on, done)])])
INSPECTIONS_2024 = [
    ("vpdkdd", "planned", date(2024, 5, 14), date(2024, 5, 15), [
        ("Còn hồ sơ TTHC trễ hạn chưa có phiếu xin lỗi và hẹn lại ngày trả kết quả.", [
            ("Rà soát toàn bộ hồ sơ trễ hạn, gửi phiếu xin lỗi và hẹn lại ngày trả kết quả theo quy định.",
             "Trong thời hạn 15 ngày làm việc kể từ ngày kiểm tra", date(2024, 6, 3), True)]),
        ("Niêm yết TTHC tại Bộ phận một cửa chưa cập nhật theo Quyết định công bố mới.", [
            ("Cập nhật niêm yết TTHC tại Bộ phận một cửa và trên Trang thông tin điện tử.", "Trước ngày 30/06/2024",
             date(2024, 6, 25), True)]),
    ]),
    ("ttcntt", "planned", date(2024, 6, 12), date(2024, 6, 12), [
        ("Chưa cập nhật kịp thời tiến độ nhiệm vụ trên phần mềm chỉ đạo điều hành của UBND tỉnh.", [
            ("Cập nhật đầy đủ tiến độ các nhiệm vụ được giao trên phần mềm chỉ đạo điều hành.",
             "Trong thời hạn 10 ngày làm việc kể từ ngày kiểm tra", date(2024, 6, 24), True)]),
    ]),
    ("qldd", "planned", date(2024, 7, 10), date(2024, 7, 10), [
        ("Quy trình nội bộ giải quyết TTHC lĩnh vực đất đai chưa được xây dựng lại sau khi công bố TTHC.", [
            ("Tham mưu ban hành quy trình nội bộ các TTHC lĩnh vực đất đai đã được công bố.", "Trước ngày 30/08/2024",
             date(2024, 9, 6), True)]),
    ]),
    ("ttkt", "planned", date(2024, 8, 14), date(2024, 8, 14), []),
    ("ttqt", "planned", date(2024, 10, 9), date(2024, 10, 10), [
        ("Kế hoạch chuyển đổi vị trí công tác chưa được xây dựng.", [
            ("Xây dựng, ban hành kế hoạch chuyển đổi vị trí công tác năm 2024.", "Trước ngày 15/11/2024", None, False)]),
    ]),
    ("ttptqd", "unannounced", None, date(2024, 11, 5), [
        ("Một số cán bộ tiếp nhận hồ sơ chưa đeo thẻ công chức, viên chức.", [
            ("Chấn chỉnh việc đeo thẻ, chấp hành kỷ luật, kỷ cương hành chính.", "Trong thời hạn 05 ngày làm việc kể từ "
             "ngày kiểm tra", date(2024, 11, 11), True)]),
    ]),
    ("khtc", "planned", date(2024, 12, 10), None, []),
]


def _follow_up(fix: Fix, *, reported_on: date | None, done: bool, unit_head, office, verifier) -> None:
    if reported_on is None:
        return
    actions.report_fix(fix, by=unit_head or office, note="Đơn vị đã khắc phục, báo cáo kèm văn bản.",
                       today=reported_on)
    if done:
        actions.verify_fix(fix, by=verifier, accept=True, note="Đã kiểm tra kết quả khắc phục.")


def _plan_2024(units, people) -> InspectionPlan:
    title = TITLE.format(year=2024)
    plan = InspectionPlan.objects.filter(issuing_unit=units["department"], year=2024, title=title).first()
    if plan is not None:
        return plan
    mai, admin, hung = people["mai"], people["admin"], people["hung"]
    plan = actions.create_plan(by=mai, year=2024, issuing_unit=units["department"], title=title,
                               decision="Kế hoạch số 15/KH-STNMT ngày 15/03/2024", decision_date=date(2024, 3, 15),
                               target_percent=50, note="Kiểm tra ít nhất 50 % phòng, đơn vị thuộc Sở.")
    calendar = get_calendar(range(2023, 2026))
    for code, kind, planned, actual, findings in INSPECTIONS_2024:
        inspection = actions.add_inspection(
            plan, by=mai, unit=units[code], kind=kind, planned_date=planned, actual_date=actual, team=TEAM,
            conclusion="Đơn vị cơ bản thực hiện đầy đủ nhiệm vụ CCHC; còn một số tồn tại nêu dưới đây." if findings
            else ("Đơn vị thực hiện tốt các nhiệm vụ CCHC." if actual else ""),
            conclusion_ref=f"Thông báo kết luận kiểm tra ngày {actual:%d/%m/%Y}" if actual else "",
            today=date(2024, 12, 31))
        for text, fixes in findings:
            finding = actions.add_finding(inspection, by=mai, text=text)
            for fix_text, deadline, reported_on, done in fixes:
                fix = actions.add_fix(finding, by=mai, text=fix_text, deadline_text=deadline, calendar=calendar)
                head = hung if code == "ttcntt" else None
                _follow_up(fix, reported_on=reported_on, done=done, unit_head=head, office=mai,
                           verifier=admin if head is None else mai)
    return plan


def _plan_now(units, people, today: date) -> InspectionPlan:
    """The current year's plan: the IT Centre inspected a fortnight ago (or on New Year's Day), a fix still owed."""
    title = TITLE.format(year=today.year)
    plan = InspectionPlan.objects.filter(issuing_unit=units["department"], year=today.year, title=title).first()
    if plan is not None:
        return plan
    mai = people["mai"]
    calendar = get_calendar(range(today.year - 1, today.year + 2))
    plan = actions.create_plan(by=mai, year=today.year, issuing_unit=units["department"], title=title,
                               decision=f"Kế hoạch số 12/KH-STNMT ngày 10/03/{today.year}",
                               decision_date=min(today, date(today.year, 3, 10)), target_percent=50)
    inspected = max(date(today.year, 1, 1), today - timedelta(days=14))
    inspection = actions.add_inspection(plan, by=mai, unit=units["ttcntt"], kind="planned", planned_date=inspected,
                                        actual_date=inspected, team=TEAM[:2], today=today,
                                        conclusion="Còn tồn tại về công khai TTHC trên Trang thông tin điện tử.")
    finding = actions.add_finding(inspection, by=mai, text="Trang thông tin điện tử chưa công khai đầy đủ TTHC lĩnh "
                                                            "vực giải quyết khiếu nại, tố cáo.")
    actions.add_fix(finding, by=mai, text="Công khai đầy đủ nội dung các TTHC lĩnh vực giải quyết khiếu nại, tố cáo "
                                          "trên Trang thông tin điện tử của Sở.",
                    due_date=calendar.add_working_days(max(today, inspected), 10), calendar=calendar)
    planned = min(date(today.year, 12, 31), today + timedelta(days=30))
    actions.add_inspection(plan, by=mai, unit=units["qldd"], kind="planned", planned_date=planned, today=today)
    return plan


@transaction.atomic
def load(context):
    units, people = context["units"], context["people"]
    if "department" not in units:
        units = {**units, "department": units["stnmt"]}
    plans = {2024: _plan_2024(units, people)}
    today = demo_today(context)
    if today.year != 2024:
        plans[today.year] = _plan_now(units, people, today)
    context["inspection_plans"] = plans
