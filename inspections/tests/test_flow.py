"""An inspection from plan to fixes confirmed: deadlines on the working-day calendar, reports with evidence, the
office's confirmation or return, the audit trail, and clear messages for whatever a person may send."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from audit.models import AuditEntry
from audit.readable import rows as readable_rows
from inspections import actions
from inspections.models import Fix, Inspection
from inspections.tests.builders import TODAY, make_fix, make_inspection, make_plan, rows_now

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.mark.parametrize("written, typed, due", [
    # 15 working days from Monday 02/11/2026: three weeks later, a Monday.
    ("Trong thời hạn 15 ngày làm việc kể từ ngày kiểm tra", None, date(2026, 11, 23)),
    ("Trong thời hạn 05 ngày làm việc kể từ ngày kiểm tra", None, date(2026, 11, 9)),
    # A deadline on a Sunday is met by the Friday before it.
    ("Trước ngày 29/11/2026", None, date(2026, 11, 27)),
    ("Quý IV/2026", None, date(2026, 12, 31)),
    # A date typed in wins over the words, and also moves off a day off.
    ("Theo yêu cầu của Đoàn kiểm tra", date(2026, 12, 6), date(2026, 12, 4)),
])
def test_the_fix_is_due_on_the_working_day_calendar(cast, written, typed, due):
    inspection = make_inspection(cast, make_plan(cast), actual=date(2026, 11, 2))
    assert actions.fix_due(inspection, written, typed) == due


@pytest.mark.parametrize("written, typed, message", [
    ("Khi nào xong thì báo", None, "Chưa hiểu được thời hạn “Khi nào xong thì báo”: hãy ghi hạn khắc phục cụ thể."),
    ("Thường xuyên", None, "Chưa hiểu được thời hạn “Thường xuyên”"),
    ("", date(2026, 10, 30), "Hạn khắc phục phải sau ngày kiểm tra (02/11/2026)."),
])
def test_a_deadline_that_gives_no_date_is_refused_with_what_to_do(cast, written, typed, message):
    inspection = make_inspection(cast, make_plan(cast), actual=date(2026, 11, 2))
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        actions.fix_due(inspection, written, typed)


def client_of(user):
    """A client of its own (the `client_for` fixture shares one client, logged in as the last person)."""
    from django.test import Client

    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_from_plan_to_confirmed_fix_every_step_is_in_the_trail(cast):
    office = client_of(cast.mai)
    response = office.post("/inspections/moi/", {"year": 2026, "issuing_unit": cast.department.pk,
                                                 "title": "Kế hoạch kiểm tra CCHC năm 2026", "target_percent": "50",
                                                 "decision": "Kế hoạch số 12/KH-STNMT ngày 10/03/2026"})
    assert response.status_code == 302
    plan_url = response["Location"]
    response = office.post(f"{plan_url}kiem-tra/", {
        "unit": cast.unit("ttcntt").pk, "kind": "unannounced", "actual_date": "2026-11-02",
        "team": "Lê Thị Mai – Văn phòng Sở, trưởng đoàn\nĐại diện Sở Nội vụ\n\nĐại diện Sở Nội vụ"})
    assert response.status_code == 302
    inspection = Inspection.objects.get()
    assert inspection.team == ["Lê Thị Mai – Văn phòng Sở, trưởng đoàn", "Đại diện Sở Nội vụ"]
    assert office.post(f"/inspections/kiem-tra/{inspection.pk}/ton-tai/",
                       {"text": "Chưa công khai đầy đủ TTHC trên Trang thông tin điện tử."}).status_code == 302
    finding = inspection.findings.get()
    assert office.post(f"/inspections/ton-tai/{finding.pk}/khac-phuc/", {
        "text": "Công khai đầy đủ TTHC", "deadline_text": "Trong thời hạn 15 ngày làm việc kể từ ngày kiểm tra"},
    ).status_code == 302
    fix = Fix.objects.get()
    assert fix.due_date == date(2026, 11, 23)

    upload = SimpleUploadedFile("bao-cao-khac-phuc.pdf", b"%PDF-1.4 bao cao", content_type="application/pdf")
    head = client_of(cast.hung)
    assert head.post(f"/inspections/khac-phuc/{fix.pk}/", {"note": "Đã công khai 12 TTHC.", "evidence": upload,
                                                          "version": fix.version}).status_code == 302
    fix.refresh_from_db()
    assert (fix.status, fix.reported_on, fix.evidence_name) == ("reported", date(2026, 11, 23),
                                                                "bao-cao-khac-phuc.pdf")
    assert fix.done_in_time() is True
    download = head.get(f"/inspections/khac-phuc/{fix.pk}/tep/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"%PDF-1.4 bao cao"
    assert "attachment" in download["Content-Disposition"]
    assert client_of(cast.khoa).get(f"/inspections/khac-phuc/{fix.pk}/tep/").status_code == 404

    response = office.post(f"/inspections/khac-phuc/{fix.pk}/xac-nhan/", {"decision": "return", "note": "",
                                                                         "version": fix.version}, follow=True)
    assert "Hãy ghi lý do chưa xác nhận, việc đơn vị cần bổ sung." in response.content.decode()
    assert office.post(f"/inspections/khac-phuc/{fix.pk}/xac-nhan/", {
        "decision": "return", "note": "Còn thiếu TTHC lĩnh vực khiếu nại, tố cáo.", "version": fix.version}
    ).status_code == 302
    fix.refresh_from_db()
    assert fix.status == "open" and fix.verify_note == "Còn thiếu TTHC lĩnh vực khiếu nại, tố cáo."
    head.post(f"/inspections/khac-phuc/{fix.pk}/", {"note": "Đã bổ sung.", "version": fix.version})
    fix.refresh_from_db()
    office.post(f"/inspections/khac-phuc/{fix.pk}/xac-nhan/", {"decision": "accept", "version": fix.version})
    fix.refresh_from_db()
    assert fix.status == "done" and fix.verified_by == cast.mai

    trail = AuditEntry.objects.for_object(fix)
    assert trail.count() == 5  # created, reported, returned, reported again, confirmed
    shown = [(row.label, row.new) for entry in trail for row in readable_rows(entry)]
    assert ("tình trạng", "Đã khắc phục") in shown and ("tình trạng", "Đã báo cáo, chờ xác nhận") in shown
    page = office.get(f"/inspections/kiem-tra/{inspection.pk}/").content.decode()
    assert "Đại diện Sở Nội vụ" in page and "Đã khắc phục" in page


@pytest.mark.parametrize("data, message", [
    ({"unit": "", "kind": "planned"}, "This field is required"),
    ({"kind": "unannounced"}, "Kiểm tra đột xuất: hãy ghi ngày đã kiểm tra."),
    ({"kind": "planned"}, "Hãy ghi ngày dự kiến kiểm tra."),
    ({"kind": "planned", "actual_date": "2026-12-20"}, "Ngày kiểm tra chưa đến"),
    ({"kind": "planned", "planned_date": "2025-12-20"}, "Ngày phải thuộc năm 2026 của kế hoạch."),
    ({"kind": "planned", "planned_date": "31/02/2026"}, "Nhập một ngày hợp lệ"),
])
def test_a_wrong_inspection_gets_a_message_and_changes_nothing(cast, client_for, data, message):
    plan = make_plan(cast)
    before = rows_now()
    payload = {"unit": cast.unit("qldd").pk, **data}
    response = client_for(cast.mai).post(f"/inspections/{plan.pk}/kiem-tra/", payload)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page or message.replace("This field is required", "Trường này là bắt buộc") in page
    assert rows_now() == before


def test_only_units_under_the_issuing_unit_are_inspected(cast):
    plan = make_plan(cast)
    with pytest.raises(ValidationError, match="Chỉ kiểm tra được các phòng, đơn vị thuộc Sở Tài nguyên và Môi trường."):
        actions.add_inspection(plan, by=cast.mai, unit=cast.unit("stp"), actual_date=date(2026, 11, 2))


def test_findings_wait_for_the_inspection_to_happen(cast, client_for):
    inspection = make_inspection(cast, make_plan(cast), actual=None, planned_date=date(2026, 12, 10))
    before = rows_now()
    response = client_for(cast.mai).post(f"/inspections/kiem-tra/{inspection.pk}/ton-tai/", {"text": "Tồn tại"})
    assert response.status_code == 400
    assert "Hãy ghi ngày kiểm tra trước khi ghi tồn tại, hạn chế." in response.content.decode()
    assert rows_now() == before


def test_a_wrong_evidence_file_is_refused_and_nothing_is_reported(cast, client_for):
    fix = make_fix(cast, make_inspection(cast, make_plan(cast)))
    before = rows_now()
    upload = SimpleUploadedFile("trang.html", b"<html></html>", content_type="text/html")
    response = client_for(cast.hung).post(f"/inspections/khac-phuc/{fix.pk}/", {
        "note": "Đã khắc phục", "evidence": upload, "version": fix.version})
    assert response.status_code == 400
    assert "không phải loại tài liệu kiểm chứng được nhận" in response.content.decode()
    assert rows_now() == before


def test_a_stale_edit_of_the_inspection_is_refused_with_both_shown(cast, client_for):
    inspection = make_inspection(cast, make_plan(cast))
    seen = inspection.version
    actions.update_inspection(inspection, by=cast.admin, conclusion="Kết luận của quản trị.")
    before = rows_now()
    response = client_for(cast.mai).post(f"/inspections/kiem-tra/{inspection.pk}/sua/", {
        "unit": inspection.unit_id, "kind": "planned", "actual_date": "2026-11-02", "planned_date": "2026-11-02",
        "conclusion": "Kết luận của Văn phòng.", "version": seen})
    page = response.content.decode()
    assert response.status_code == 200 and "Kết luận của quản trị." in page and "Kết luận của Văn phòng." in page
    assert rows_now() == before


def test_a_fix_already_reported_is_not_reported_twice(cast):
    fix = make_fix(cast, make_inspection(cast, make_plan(cast)))
    actions.report_fix(fix, by=cast.hung, note="Đã khắc phục.")
    with pytest.raises(ValidationError, match="đã được báo cáo"):
        actions.report_fix(fix, by=cast.hung, note="Lần nữa.")


def test_deleting_an_inspection_asks_first_and_takes_its_fixes(cast, client_for):
    inspection = make_inspection(cast, make_plan(cast))
    make_fix(cast, inspection)
    client = client_for(cast.mai)
    page = client.get(f"/inspections/kiem-tra/{inspection.pk}/xoa/").content.decode()
    assert "Xóa theo 1 tồn tại, hạn chế và 1 yêu cầu khắc phục" in page
    assert client.post(f"/inspections/kiem-tra/{inspection.pk}/xoa/", {}).status_code == 400
    assert Fix.objects.count() == 1
    assert client.post(f"/inspections/kiem-tra/{inspection.pk}/xoa/", {"confirm": "on"}).status_code == 302
    assert not Inspection.objects.exists() and not Fix.objects.exists()
    assert AuditEntry.objects.filter(action="delete", object_repr__startswith="Kiểm tra").exists()
