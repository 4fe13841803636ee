"""Small data for the documents tests, made through the other apps' own actions (seed strings throughout)."""

from datetime import date
from decimal import Decimal

SEED_SUMMARY = ("Duy trì, cải thiện và nâng cao Chỉ số cải cách hành chính (PAR INDEX), Chỉ số hài lòng của người dân "
                "đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS) năm 2024")


def make_plan(cast, *, extra_tasks: int = 0):
    """The seed plan 05/KH-STNMT with two appendices; task 3.6 overdue, task 1 done on time."""
    from plans.actions import create_plan_with_tasks
    from plans.models import Task

    vp, qldd, ttcntt = cast.unit("vp"), cast.unit("qldd"), cast.unit("ttcntt")
    tasks = [
        {"code": "1", "content": "Đẩy nhanh tiến độ, chất lượng thực hiện các nhiệm vụ được giao tại Quyết định số "
                                 "3775/QĐ-UBND ngày 28/12/2023", "lead_units": [vp], "lead_text": "Văn phòng Sở",
         "monitoring_text": "Văn phòng Sở", "product": "Báo cáo kết quả thực hiện",
         "deadline_text": "Báo cáo trước ngày 15/11"},
        {"code": "3.6", "content": "Cử công chức, viên chức đến làm việc tại Trung tâm Phục vụ hành chính công tỉnh",
         "lead_units": [vp], "lead_text": "Văn phòng Sở", "product": "Quyết định/văn bản cử công chức",
         "deadline_text": "Quý I/2024"},
        {"code": "7.1", "content": "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
         "lead_units": [ttcntt], "lead_text": "Trung tâm Công nghệ thông tin tài nguyên và môi trường",
         "coordinating_units": [qldd], "coordinating_text": "Phòng, đơn vị thuộc Sở",
         "product": "Văn bản triển khai, Báo cáo giải trình", "deadline_text": "Năm 2024"},
    ]
    tasks += [{"code": f"8.{i}", "content": f"Nhiệm vụ bổ sung số {i} về cải cách thủ tục hành chính",
               "lead_units": [qldd], "lead_text": "Phòng Quản lý đất đai", "deadline_text": "Tháng 6/2024"}
              for i in range(1, extra_tasks + 1)]
    plan = create_plan_with_tasks(by=cast.mai, issuing_unit=cast.department, header={
        "number": "5", "symbol": "KH-STNMT", "title": "Kế hoạch nâng cao Chỉ số PAR INDEX, SIPAS năm 2024",
        "summary": SEED_SUMMARY, "place": "Bà Rịa – Vũng Tàu", "issue_date": date(2024, 1, 5), "year": 2024,
        "signer_name": "Phan Văn Mạnh", "signer_title": "Phó Giám đốc",
        "recipients": ["UBND tỉnh (b/c)", "Sở Nội vụ (b/c)", "Các phòng thuộc Sở"],
    }, appendices=[
        {"number": "1", "title": "Nhiệm vụ, giải pháp nâng cao Chỉ số PAR INDEX của tỉnh", "sections": [
            {"numeral": "I", "title": "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "tasks": tasks[:2]},
            {"numeral": "II", "title": "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ", "tasks": tasks[2:]},
        ]},
        {"number": "3", "title": "Nhiệm vụ nâng cao chỉ số hài lòng SIPAS năm 2024", "sections": [
            {"numeral": "", "title": "", "tasks": [
                {"code": "1", "content": "Tăng cường công tác đào tạo, bồi dưỡng, tập huấn cho đội ngũ cán bộ",
                 "lead_units": [vp], "lead_text": "Văn phòng Sở", "deadline_text": "Năm 2024"}]},
        ]},
    ])
    # Progress as units would report it (the plans app's own reporting is tested there).
    plan.tasks.filter(code="1", section__appendix_number="1").update(
        status=Task.Status.DONE, progress=100, due_date=date(2024, 11, 15), completed_on=date(2024, 11, 1))
    plan.tasks.filter(code="3.6").update(status=Task.Status.IN_PROGRESS, progress=40, due_date=date(2024, 3, 29))
    plan.tasks.filter(code="7.1").update(due_date=date(2024, 12, 31))
    return plan


def make_framework(cast, owner=None):
    """A small framework in the seed's shape: two areas, criteria with max points, a bonus and a penalty."""
    from frameworks.actions import add_criterion, create_framework

    framework = create_framework(by=cast.mai, year=2024, title="Bộ chỉ số CCHC các phòng, đơn vị thuộc Sở năm 2024",
                                 owner=owner or cast.department, level="internal", decision="Quyết định số 12/QĐ-STNMT")
    area1 = add_criterion(framework, by=cast.mai, kind="area", code="1", title="Công tác chỉ đạo điều hành CCHC",
                          max_points=Decimal("2.5"), order=1)
    add_criterion(framework, by=cast.mai, kind="criterion", code="1.1", parent=area1, order=1,
                  title="Đổi mới, sáng tạo trong triển khai nhiệm vụ CCHC", max_points=Decimal("1"))
    add_criterion(framework, by=cast.mai, kind="criterion", code="1.2", parent=area1, order=2,
                  title="Thực hiện mệnh lệnh hành chính cấp trên", max_points=Decimal("1.5"),
                  responsible_unit=cast.unit("vp"))
    area7 = add_criterion(framework, by=cast.mai, kind="area", code="7", title="Chính quyền điện tử, chính quyền số",
                          max_points=Decimal("11"), order=2)
    add_criterion(framework, by=cast.mai, kind="criterion", code="7.1", parent=area7, order=1,
                  title="Điểm chỉ số DTI × 10 / 100", max_points=Decimal("11"), responsible_unit=cast.unit("ttcntt"))
    add_criterion(framework, by=cast.mai, kind="bonus", code="T", title="Điểm thưởng", max_points=Decimal("1"), order=3)
    add_criterion(framework, by=cast.mai, kind="penalty", code="Tr", title="Điểm trừ", max_points=Decimal("1"), order=4)
    return framework


SELF_SCORES = {"1.1": ("0.5", "Có sáng kiến nhưng chưa được công nhận."), "1.2": ("0", "Đạt 46% < 50%."),
               "7.1": ("9.376", "DTI 93,76 điểm."), "T": ("1", "Quyết định giao tự chủ cho 02 đơn vị."),
               "Tr": ("0", "Không có đơn thư tố cáo đúng sự thật.")}


def make_assessment(cast, framework=None, unit=None, *, appraise: bool = False, publish: bool = False,
                    scores: dict | None = None):
    from assessments import actions
    from assessments.models import Score

    framework = framework or make_framework(cast)
    assessment = actions.start_assessment(by=cast.mai, framework=framework, unit=unit or cast.unit("vp"),
                                          window_start=date(2024, 1, 1), window_end=date(2024, 11, 30))
    by_code = {s.criterion.code: s for s in Score.objects.filter(assessment=assessment).select_related("criterion")}
    for code, (points, explanation) in (scores or SELF_SCORES).items():
        actions.self_score(by_code[code], by=cast.mai, points=Decimal(points), explanation=explanation)
    actions.add_evidence(by_code["7.1"], by=cast.mai, name="Báo cáo DTI năm 2024.pdf", data=b"%PDF-1.4 kiem chung")
    if appraise or publish:
        actions.submit(assessment, by=cast.mai)
        actions.appraise(by_code["1.1"], by=cast.thu, points=Decimal("0"),
                         comment="Chưa có sáng kiến được công nhận.")
        actions.finalise(assessment, by=cast.thu, accepted=[s.pk for s in actions.unappraised_scores(assessment)])
    if publish:
        actions.publish(assessment, by=cast.admin)  # the office self-scored: it may not publish (four eyes)
    assessment.refresh_from_db()
    return assessment
