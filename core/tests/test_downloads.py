"""Uploaded files are sent only by the permission-checked views of their apps, as attachments a browser never shows:
the Vietnamese name (RFC 5987), a content type from a list of document types, nosniff, a sandboxing policy. The
upload folder itself is not served, in development either."""

import importlib
from datetime import date

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import Resolver404, clear_url_caches, resolve

from core.http import attachment, content_disposition
from core.tests import hostile_files as h

pytestmark = pytest.mark.django_db
NOW = "2026-11-23 09:00 +07:00"


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def assert_attachment(response, name_quoted: str, content_type: str):
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert f"filename*=UTF-8''{name_quoted}" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["Content-Type"] == content_type


def test_the_attachment_helper_names_the_file_and_never_lets_a_page_through():
    response = attachment(b"<script>alert(1)</script>", "Trang web cũ.html")
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == (
        "attachment; filename=\"Trang web cu.html\"; filename*=UTF-8''Trang%20web%20c%C5%A9.html")
    assert attachment(b"x", "Ảnh.SVG")["Content-Type"] == "application/octet-stream"
    assert attachment(b"%PDF", "Báo cáo.PDF")["Content-Type"] == "application/pdf"
    # A name cannot end the header or walk out of a folder.
    header = content_disposition("bao-cao\r\nSet-Cookie: x=1/../../a.pdf")
    assert "\r" not in header and "\n" not in header and "/" not in header.split("filename*=")[0]


@pytest.fixture
def land(cast):
    from assessments import actions
    from assessments.tests.builders import internal_framework, open_assessment, score_of

    assessment = open_assessment(cast, "qldd", internal_framework(cast))
    item = actions.add_evidence(score_of(assessment, "1.1"), by=cast.lan, name="Báo cáo DTI năm 2024.pdf", data=h.PDF)
    return assessment, item


def test_assessment_evidence_is_an_attachment_for_those_who_may_see_it(land, cast, client_for):
    assessment, item = land
    url = f"/assessments/{assessment.pk}/evidence/{item.pk}/"
    response = client_for(cast.lan).get(url)
    assert_attachment(response, "B%C3%A1o%20c%C3%A1o%20DTI%20n%C4%83m%202024.pdf", "application/pdf")
    assert _body(response) == h.PDF
    assert client_for(cast.khoa).get(url).status_code in (403, 404)


def test_a_web_page_stored_before_the_checks_is_still_never_shown(land, cast, client_for):
    """Evidence kept from before evidence was checked by its content comes back as a download of bytes."""
    from assessments.models import Evidence

    assessment, item = land
    old = Evidence(score=item.score, name="trang.html", size=len(h.HTML), sha256="0" * 64, uploaded_by=cast.lan)
    old.file.save("trang.html", ContentFile(h.HTML), save=True)
    response = client_for(cast.lan).get(f"/assessments/{assessment.pk}/evidence/{old.pk}/")
    assert_attachment(response, "trang.html", "application/octet-stream")


@pytest.mark.dates
@time_machine.travel(NOW, tick=False)
def test_task_evidence_and_period_reports_are_attachments(cast, client_for):
    from plans import actions
    from plans.tests.builders import make_plan, make_task

    task = make_task(cast, make_plan(cast), lead="qldd")
    client_for(cast.lan).post(f"/plans/nhiem-vu/{task.pk}/tien-do/", {
        "unit": cast.unit("qldd").pk, "status": "in_progress", "percent": 50, "note": "Đã ban hành quy trình",
        "files": [SimpleUploadedFile("Ảnh chụp.png", h.PNG)], "version": task.version})
    evidence = task.updates.get().evidence.get()
    response = client_for(cast.lan).get(f"/plans/nhiem-vu/{task.pk}/tep/{evidence.pk}/")
    assert_attachment(response, "%E1%BA%A2nh%20ch%E1%BB%A5p.png", "image/png")
    assert client_for(cast.khoa).get(f"/plans/nhiem-vu/{task.pk}/tep/{evidence.pk}/").status_code in (403, 404)

    period = actions.add_report_period(by=cast.mai, plan=task.plan, label="Quý III", stated_due=date(2026, 12, 10))
    client_for(cast.lan).post(f"/plans/{task.plan_id}/bao-cao/{period.pk}/gui/", {
        "unit": cast.unit("qldd").pk, "text": "Kết quả quý III", "file": SimpleUploadedFile("bao-cao.docx", h.real_docx())})
    report = period.reports.get()
    response = client_for(cast.mai).get(f"/plans/{task.plan_id}/bao-cao/tep/{report.pk}/")
    assert_attachment(response, "bao-cao.docx",
                      "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    assert client_for(cast.khoa).get(f"/plans/{task.plan_id}/bao-cao/tep/{report.pk}/").status_code in (403, 404)


def test_a_document_template_comes_back_as_an_attachment(cast, client_for):
    from documents import catalog
    from documents.models import DocumentTemplate

    client_for(cast.mai).post("/documents/mau/", {
        "kind": catalog.PLAN, "name": "Mẫu kế hoạch", "applies_to": f"unit:{cast.department.pk}",
        "file": SimpleUploadedFile("mau.docx", h.real_docx("{{ co_quan }}"))})
    template = DocumentTemplate.objects.get()
    response = client_for(cast.mai).get(f"/documents/mau/{template.pk}/tep/")
    assert_attachment(response, "M%E1%BA%ABu%20k%E1%BA%BF%20ho%E1%BA%A1ch.docx",
                      "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    assert client_for(cast.khoa).get(f"/documents/mau/{template.pk}/tep/").status_code in (403, 404)


def test_the_upload_folder_is_not_served_even_in_development(land, settings, client_for, cast):
    import cchc.urls

    assessment, item = land
    settings.DEBUG = True
    try:
        importlib.reload(cchc.urls)
        clear_url_caches()
        with pytest.raises(Resolver404):
            resolve(f"/{settings.MEDIA_URL}{item.file.name}")
        assert client_for(cast.lan).get(f"/{settings.MEDIA_URL}{item.file.name}").status_code == 404
    finally:
        settings.DEBUG = False
        importlib.reload(cchc.urls)
        clear_url_caches()
