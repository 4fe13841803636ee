"""The importer's door: a whole plan at once, parents derived from codes, deadlines parsed, audited."""

from datetime import date

from audit.models import AuditEntry
from plans.actions import create_plan_with_tasks
from plans.models import Plan, Task
from plans.numbering import parent_code, sort_key


def test_parent_codes():
    assert [parent_code(c) for c in ["1", "1.1", "1.1.2", "3.1.1.", "I", ""]] == ["", "1", "1.1", "3.1", "", ""]
    assert sorted(["1.10", "1.2", "2", "1"], key=sort_key) == ["1", "1.2", "1.10", "2"]


def test_create_plan_with_tasks(cast):
    vp, qldd, ttcntt = cast.unit("vp"), cast.unit("qldd"), cast.unit("ttcntt")
    header = {"number": "05", "symbol": "KH-STNMT", "title": "Kế hoạch nâng cao chỉ số PAR INDEX, SIPAS năm 2024",
              "issue_date": date(2024, 7, 5), "year": 2024, "kind": "index", "signer_name": "Phan Văn Mạnh",
              "recipients": ["UBND tỉnh (b/c);", "Lưu: VT, VP."]}
    appendices = [{"number": "2", "title": "Nhiệm vụ cần cải thiện", "sections": [
        {"numeral": "I", "title": "NHIỆM VỤ CẦN PHẢI KHẮC PHỤC, CẢI THIỆN", "tasks": [
            {"code": "1", "content": "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "is_heading": True},
            {"code": "1.1", "content": "Đổi mới, sáng tạo trong triển khai nhiệm vụ CCHC", "lead_units": [vp],
             "lead_text": "Văn Phòng sở", "deadline_text": "Năm 2024", "product": "Báo cáo kết quả thực hiện"},
            {"code": "1.2", "content": "Thực hiện mệnh lệnh hành chính cấp trên", "lead_units": [qldd],
             "monitoring_units": [ttcntt], "deadline_text": "Báo cáo trước ngày 15/11"},
            {"code": "1.2.1", "content": "Cập nhật phần mềm", "deadline_text": "Khi nào xong thì báo"},
        ]}]}]
    plan = create_plan_with_tasks(by=cast.mai, issuing_unit=cast.department, header=header, appendices=appendices)
    plan = Plan.objects.get(pk=plan.pk)
    assert plan.reference == "05/KH-STNMT" and plan.status == Plan.Status.ISSUED
    tasks = {t.code: t for t in Task.objects.filter(plan=plan)}
    assert tasks["1.1"].parent == tasks["1"] and tasks["1.2.1"].parent == tasks["1.2"]
    assert tasks["1.1"].due_date == date(2024, 12, 31) and tasks["1.1"].deadline_kind == "period"
    assert tasks["1.2"].due_date == date(2024, 11, 15)
    assert list(tasks["1.2"].monitoring_units.all()) == [ttcntt]
    assert tasks["1.2.1"].deadline_flagged and tasks["1.2.1"].deadline_text == "Khi nào xong thì báo"
    assert plan.sections.get().appendix_number == "2"
    assert AuditEntry.objects.for_object(plan).filter(user=cast.mai).count() == 2


def test_missing_header_keys_are_allowed(cast):
    plan = create_plan_with_tasks(by=cast.mai, issuing_unit=cast.department, header={"year": 2025}, appendices=[])
    assert plan.status == Plan.Status.DRAFT and plan.year == 2025


def _appendices(cast, sections: int, per_section: int) -> list[dict]:
    vp, qldd = cast.unit("vp"), cast.unit("qldd")
    return [{"number": "1", "sections": [
        {"numeral": str(s + 1), "title": f"Mục {s + 1}", "tasks": [
            {"code": str(s + 1), "content": f"Nhóm {s + 1}", "is_heading": True},
            *({"code": f"{s + 1}.{i + 1}", "content": f"Nhiệm vụ {s + 1}.{i + 1}", "deadline_text": "Quý II/2024",
               "lead_units": [vp, qldd][i % 2:i % 2 + 1], "monitoring_units": [vp, vp]}
              for i in range(per_section))]}
        for s in range(sections)]}]


def test_every_task_of_an_imported_plan_is_audited_as_created(cast):
    plan = create_plan_with_tasks(by=cast.mai, issuing_unit=cast.department, header={"year": 2024},
                                  appendices=_appendices(cast, 3, 4))
    tasks = list(Task.objects.filter(plan=plan).order_by("order"))
    assert len(tasks) == 15
    for task in tasks:
        entry = AuditEntry.objects.for_object(task).get()
        assert (entry.action, entry.user, entry.unit) == ("create", cast.mai, cast.department)
        assert entry.changes["content"] == [None, task.content]
    child = next(t for t in tasks if t.code == "2.3")
    assert child.parent.code == "2" and child.due_date == date(2024, 6, 28)  # Quý II: its last working day
    assert list(child.lead_units.all()) == [cast.unit("vp")] and list(child.monitoring_units.all()) == [cast.unit("vp")]


def test_creating_a_plan_takes_the_same_statements_for_ten_or_a_hundred_tasks(cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def statements(per_section: int) -> int:
        with CaptureQueriesContext(connection) as queries:
            create_plan_with_tasks(by=cast.mai, issuing_unit=cast.department, header={"year": 2024},
                                   appendices=_appendices(cast, 2, per_section))
        return len(queries)

    few, many = statements(4), statements(49)
    # Batches of a few hundred rows: a hundred tasks fit in the same statements as ten, give or take a batch.
    assert many <= few + 4, (few, many)
