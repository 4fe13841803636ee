"""The reporting calendar: due dates before days off, each unit's report per period, who is late."""

import io
from datetime import date

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from plans import actions
from plans.tests.builders import make_plan, make_task


def _docx(text: str) -> bytes:
    """A real Word file: report files are accepted by their content."""
    document = Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_period_due_on_a_weekend_is_due_the_friday_before(cast):
    plan = make_plan(cast, year=2024)
    period = actions.add_report_period(by=cast.mai, plan=plan, label="Quý I", stated_due=date(2024, 3, 10))
    assert period.due_date == date(2024, 3, 8)


@time_machine.travel("2026-11-23 09:00 +07:00", tick=False)
def test_units_submit_and_the_office_sees_who_is_late(cast, client_for):
    plan = make_plan(cast)
    make_task(cast, plan, code="1", lead="qldd")
    make_task(cast, plan, code="2", lead="ttcntt")
    q3 = actions.add_report_period(by=cast.mai, plan=plan, label="Quý III", stated_due=date(2026, 9, 10))
    actions.add_report_period(by=cast.mai, plan=plan, label="Năm", stated_due=date(2026, 12, 10))
    upload = SimpleUploadedFile("bao-cao-quy-3.docx", _docx("Báo cáo quý III"), content_type="application/octet-stream")
    response = client_for(cast.lan).post(f"/plans/{plan.pk}/bao-cao/{q3.pk}/gui/", {
        "unit": cast.unit("qldd").pk, "text": "Kết quả CCHC quý III của Phòng Quản lý đất đai", "file": upload})
    assert response.status_code == 302
    report = q3.reports.get()
    assert report.unit == cast.unit("qldd") and report.submitted_on == date(2026, 11, 23) and not report.on_time
    page = client_for(cast.mai).get(f"/plans/{plan.pk}/bao-cao/").content.decode()
    assert "Gửi muộn" in page and "Chưa gửi, quá hạn" in page and "Chưa đến hạn" in page
    assert client_for(cast.lan).post(f"/plans/{plan.pk}/bao-cao/{q3.pk}/gui/", {
        "unit": cast.unit("ttcntt").pk, "text": "x"}).status_code == 400  # not her unit
    assert client_for(cast.khoa).post(f"/plans/{plan.pk}/bao-cao/{q3.pk}/gui/", {
        "unit": cast.unit("qldd").pk, "text": "x"}).status_code == 403
