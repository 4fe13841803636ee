"""Exports prepared in the background: every PDF and every export past CCHC_EXPORT_INLINE_ROWS becomes a job whose
page follows it and then offers the file, fetched only by the requester or someone who may make the same export;
small exports stay in the request. (Tasks run at once in tests; a few tests store them as a worker would find them.)"""

from datetime import timedelta
from types import SimpleNamespace

import pytest
import time_machine
from django.urls import reverse

from audit.models import AuditEntry
from audit.readable import rows as history_rows
from core import jobs
from documents import actions, pdf, tasks
from documents.jobs import Progress
from documents.models import ExportJob
from documents.tests.builders import make_plan
from documents.tests.readback import docx_text, find_row, prepared, workbook

pytestmark = pytest.mark.django_db

needs_office = pytest.mark.skipif(not pdf.available(), reason="LibreOffice is not installed (make test installs it)")


def _database_tasks(settings):
    """Tasks stored for a worker, as in production, instead of run inside the request."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend",
                                  "QUEUES": ["default", "imports", "documents"]}}
    settings.TASKS_KIND = "database"


def _fragment(client, job) -> str:
    return client.get(reverse("documents:export_job", args=[job.pk]), HTTP_HX_REQUEST="true").content.decode()


@needs_office
def test_a_pdf_is_prepared_by_a_job_whose_page_follows_it_then_offers_the_file(cast, client_for, settings):
    from django_tasks_db.models import DBTaskResult

    _database_tasks(settings)
    plan = make_plan(cast)
    client = client_for(cast.mai)
    asked = client.get(f"/documents/ke-hoach/{plan.pk}.pdf")
    job = ExportJob.objects.get()
    assert asked.status_code == 302 and asked["Location"] == f"/documents/tep/{job.pk}/"
    assert (job.status, job.kind, job.unit, job.file_name) == (ExportJob.Status.QUEUED, "ke-hoach", cast.department,
                                                              "Kế hoạch 5-KH-STNMT.pdf")
    assert DBTaskResult.objects.get(pk=job.task_id).status == "READY"

    page = client.get(asked["Location"]).content.decode()
    assert "Đang chuẩn bị tệp…" in page and 'hx-trigger="every 2s"' in page and "<script>" not in page
    Progress(job)(45, "Đang chuyển sang PDF…")
    fragment = _fragment(client, job)
    assert fragment.startswith('<section class="card" id="export-job"') and "<html" not in fragment
    assert 'value="45"' in fragment and "Đã xong 45 %" in fragment and "Đang chuyển sang PDF…" in fragment

    tasks.run(job)
    fragment = _fragment(client, job)
    assert "Tệp đã sẵn sàng" in fragment and "hx-trigger" not in fragment
    assert f'href="/documents/tep/{job.pk}/tai-ve/"' in fragment and "Tải về Kế hoạch 5-KH-STNMT.pdf" in fragment
    response = client.get(f"/documents/tep/{job.pk}/tai-ve/")
    assert response["Content-Type"] == "application/pdf" and response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith('attachment; filename="Ke hoach 5-KH-STNMT.pdf"')
    assert pdf.page_count(response.getvalue()) >= 3, "the body, then the appendices on pages of their own"


def test_a_second_click_while_the_file_is_prepared_does_not_queue_it_twice(cast, client_for, settings):
    from django_tasks_db.models import DBTaskResult

    _database_tasks(settings)
    plan = make_plan(cast)
    client = client_for(cast.mai)
    first, second = (client.get(f"/documents/nhiem-vu/{plan.pk}.pdf") for _ in range(2))
    assert first["Location"] == second["Location"]
    assert ExportJob.objects.count() == 1 and DBTaskResult.objects.count() == 1
    assert client.get(f"/documents/ke-hoach/{plan.pk}.pdf")["Location"] != first["Location"], "another document"


def test_small_exports_stay_in_the_request_and_large_ones_become_jobs(cast, client_for, settings):
    plan = make_plan(cast)
    client = client_for(cast.mai)
    inline = client.get(f"/documents/nhiem-vu/{plan.pk}.xlsx")
    assert inline.status_code == 200 and find_row(workbook(inline.content)["Phụ lục 1"], "3.6")
    assert not ExportJob.objects.exists()

    settings.CCHC_EXPORT_INLINE_ROWS = 3
    response = prepared(client, f"/documents/nhiem-vu/{plan.pk}.xlsx")
    data = response.getvalue()
    assert find_row(workbook(data)["Phụ lục 1"], "3.6")[1].startswith("Cử công chức")
    job = ExportJob.objects.get()
    assert (job.status, job.progress, job.size) == (ExportJob.Status.DONE, 100, len(data))
    assert job.file.name.endswith(".xlsx") and settings.CCHC_EXPORT_ROOT in job.file.path
    entry = AuditEntry.objects.for_object(job).get(user=cast.mai, action="create")
    assert {row.label: row.new for row in history_rows(entry)} == {  # PostgreSQL keeps JSON keys in its own order
        "loại tệp": "Bảng nhiệm vụ và tiến độ (Excel)", "tên tệp": "Nhiệm vụ Kế hoạch 5-KH-STNMT.xlsx",
        "đơn vị": "Sở Tài nguyên và Môi trường"}


def test_a_periodic_report_over_the_threshold_keeps_its_period(cast, client_for, settings):
    settings.CCHC_EXPORT_INLINE_ROWS = 3
    make_plan(cast)
    response = prepared(client_for(cast.mai), f"/documents/bao-cao-theo-ky/?unit={cast.department.pk}"
                                              "&xuat=bao-cao-dinh-ky.docx&kind=year&year=2024")
    assert "NĂM 2024" in docx_text(response.getvalue()).upper()
    job = ExportJob.objects.get()
    assert job.params["kind"] == "year" and job.params["year"] == 2024 and job.file_name.endswith(".docx")


def test_who_may_fetch_a_prepared_document(cast, client_for, settings):
    settings.CCHC_EXPORT_INLINE_ROWS = 3
    plan = make_plan(cast)
    prepared(client_for(cast.mai), f"/documents/nhiem-vu/{plan.pk}.xlsx")
    job = ExportJob.objects.get()
    page, file = f"/documents/tep/{job.pk}/", f"/documents/tep/{job.pk}/tai-ve/"
    # The outsider, and staff of units that may not export the department's plan, do not learn the file exists.
    for person in (cast.khoa, cast.lan, cast.hung):
        client = client_for(person)
        assert (client.get(page).status_code, client.get(file).status_code) == (404, 404), person.username
    # The deputy director may export the department's plan himself, so he may take this copy too.
    leader = client_for(cast.manh)
    assert leader.get(page).status_code == 200 and leader.get(file).status_code == 200
    assert client_for(cast.mai).get("/documents/tep/999999/").status_code == 404


def test_a_dossier_list_over_the_threshold_is_prepared_for_the_requester_only(cast, client_for, settings):
    from dossiers.tests.helpers import SAMPLE, import_bytes, make_catalogue

    make_catalogue()
    import_bytes(cast.mai, cast.department, SAMPLE.encode())
    settings.CCHC_EXPORT_INLINE_ROWS = 3
    url = "/dossiers/list/xlsx/?start=01/01/2024&end=30/11/2024&outcome=received"
    response = prepared(client_for(cast.mai), url)
    rows = list(workbook(response.getvalue())["Hồ sơ"].iter_rows(values_only=True))
    assert rows[0][0] == "Mã hồ sơ" and len(rows) == 1 + 8
    job = ExportJob.objects.get()
    assert job.kind == "ho-so-tthc" and job.params["outcome"] == "received"
    # The rows are what the requester sees: nobody else takes the file, even someone who sees the same dossiers.
    assert client_for(cast.manh).get(f"/documents/tep/{job.pk}/tai-ve/").status_code == 404


def test_a_large_survey_answers_export_is_prepared_in_the_background(cast, client_for, settings):
    from surveys.tests.builders import answer_all, make_survey

    survey = make_survey(cast)
    for level in (5, 4, 3, 4):
        answer_all(survey, level)
    settings.CCHC_EXPORT_INLINE_ROWS = 3
    response = prepared(client_for(cast.mai), reverse("surveys:export_answers", args=[survey.pk]))
    rows = list(workbook(response.getvalue())["Phiếu trả lời"].iter_rows(values_only=True))
    assert rows[0][:2] == ("Số phiếu", "Ngày trả lời") and len(rows) == 1 + 4
    job = ExportJob.objects.get()
    assert client_for(cast.manh).get(f"/documents/tep/{job.pk}/tai-ve/").status_code == 200, "he reads its answers"
    assert client_for(cast.lan).get(f"/documents/tep/{job.pk}/tai-ve/").status_code == 404


def test_a_conversion_that_fails_says_why_on_its_page_and_in_the_to_do_list(cast, client_for, settings, monkeypatch):
    settings.CCHC_UNOSERVER = ""
    monkeypatch.setattr(pdf, "office_binary", lambda: None)
    plan = make_plan(cast)
    client = client_for(cast.mai)
    url = f"/documents/ke-hoach/{plan.pk}.pdf"
    job_page = client.get(url)["Location"]
    home = client.get("/").content.decode()
    assert "Chưa xuất được tệp Kế hoạch 5-KH-STNMT.pdf" in home and "chưa cài LibreOffice" in home
    page = client.get(job_page).content.decode()
    assert "Chưa xuất được tệp" in page and "Máy chủ chưa cài LibreOffice nên chưa xuất được PDF" in page
    assert f'href="{url}"' in page and "Xuất lại" in page
    assert "Chưa xuất được tệp Kế hoạch" not in client.get("/").content.decode(), "read once, it leaves the list"
    assert client.get(job_page + "tai-ve/")["Location"] == job_page, "no file to give"


def test_a_ready_file_waits_in_the_to_do_list_and_the_exports_list_until_it_is_taken(cast, client_for, settings):
    settings.CCHC_EXPORT_INLINE_ROWS = 3
    plan = make_plan(cast)
    client = client_for(cast.mai)
    client.get(f"/documents/nhiem-vu/{plan.pk}.xlsx")
    job = ExportJob.objects.get()
    home = client.get("/").content.decode()
    assert "Tệp Nhiệm vụ Kế hoạch 5-KH-STNMT.xlsx đã sẵn sàng" in home
    assert f'href="/documents/tep/{job.pk}/"' in home
    index = client.get("/documents/").content.decode()
    listed = index.split('id="exports"', 1)[1].split("</section>", 1)[0]
    assert "Tệp đã xuất" in index and "Nhiệm vụ Kế hoạch 5-KH-STNMT.xlsx" in listed and "Đã sẵn sàng" in listed
    assert f'href="/documents/tep/{job.pk}/tai-ve/"' in listed
    assert "Tệp đã xuất" not in client_for(cast.manh).get("/documents/").content.decode(), "his list is his own"
    client_for(cast.mai).get(f"/documents/tep/{job.pk}/tai-ve/")
    assert "đã sẵn sàng" not in client.get("/").content.decode()


def test_the_exports_list_costs_the_same_queries_with_more_files(cast, client_for, settings,
                                                                  django_assert_max_num_queries):
    settings.CCHC_EXPORT_INLINE_ROWS = 3
    plan = make_plan(cast)
    client = client_for(cast.mai)
    client.get(f"/documents/nhiem-vu/{plan.pk}.xlsx")
    with django_assert_max_num_queries(40) as one:
        client.get("/documents/")
    for year in (2021, 2022, 2023):
        actions.request_export(by=cast.mai, kind="bao-cao-dinh-ky", params={"pk": cast.department.pk, "year": year},
                               file_name=f"Báo cáo CCHC năm {year}.pdf", unit=cast.department)
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert client.get("/documents/").content.decode().count("data-job=") == 4


def test_a_job_whose_worker_died_is_prepared_again_once_then_failed_with_a_message(cast, client_for, settings):
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from core.jobs import Lease, task_lease_name

    _database_tasks(settings)
    settings.CCHC_EXPORT_INLINE_ROWS = 3
    plan = make_plan(cast)
    client = client_for(cast.mai)
    job_page = client.get(f"/documents/nhiem-vu/{plan.pk}.xlsx")["Location"]
    job = ExportJob.objects.get()
    for attempt in (1, 2):
        job.refresh_from_db()
        task = DBTaskResult.objects.get(pk=job.task_id)
        assert task.status == "READY"
        # A worker claims it and starts, then is killed: the task record stays RUNNING, nobody holds its lease.
        task.claim("worker-that-dies")
        DBTaskResult.objects.filter(pk=task.pk).update(started_at=timezone.now() - timedelta(minutes=5))
        ExportJob.objects.filter(pk=job.pk).update(status=ExportJob.Status.RUNNING, attempts=attempt, progress=30,
                                                   started_at=timezone.now() - timedelta(minutes=5))
        with Lease(task_lease_name(task.pk)) as alive:
            assert alive.acquire()
            assert "Đang chuẩn bị tệp…" in client.get(job_page).content.decode(), "still alive: left alone"
            task.refresh_from_db()
            assert task.status == "RUNNING"
        page = client.get(job_page).content.decode()
        task.refresh_from_db()
        assert task.status == "FAILED" and "gián đoạn" in task.traceback
        job.refresh_from_db()
        if attempt == 1:
            assert job.status == ExportJob.Status.QUEUED and job.task_id != str(task.pk) and job.progress == 0
            assert "đang làm lại từ đầu" in page
    assert job.status == ExportJob.Status.FAILED
    assert "bị gián đoạn hai lần" in page and "Xuất lại" in page and not job.file
    assert not DBTaskResult.objects.filter(status="RUNNING").exists()


def test_with_every_slot_taken_the_job_waits_its_turn(cast, client_for, settings, tmp_path):
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    _database_tasks(settings)
    settings.VAR_DIR, settings.CCHC_PARALLEL_EXPORTS, settings.CCHC_EXPORT_INLINE_ROWS = str(tmp_path), 2, 3
    plan = make_plan(cast)
    client_for(cast.mai).get(f"/documents/nhiem-vu/{plan.pk}.xlsx")
    job = ExportJob.objects.get()
    first_task = job.task_id
    busy = [jobs.take_slot("export-slot", 2) for _ in range(2)]
    assert all(busy)
    try:
        outcome = tasks.prepare_export.func(SimpleNamespace(task_result=SimpleNamespace(id=first_task)), job.pk)
    finally:
        for lease in busy:
            lease.release()
    job.refresh_from_db()
    assert outcome["deferred"] and job.status == ExportJob.Status.QUEUED and job.attempts == 0
    again = DBTaskResult.objects.get(pk=job.task_id)
    assert job.task_id != first_task and again.run_after > timezone.now()
    outcome = tasks.prepare_export.func(SimpleNamespace(task_result=SimpleNamespace(id=job.task_id)), job.pk)
    job.refresh_from_db()
    assert outcome["status"] == "done" and job.status == ExportJob.Status.DONE and job.attempts == 1


@pytest.mark.dates
def test_files_older_than_the_retention_are_removed_at_the_worker_sweep(cast, client_for, settings):
    from pathlib import Path

    settings.CCHC_EXPORT_INLINE_ROWS, settings.CCHC_EXPORT_RETENTION_DAYS = 3, 7
    plan = make_plan(cast)
    client = client_for(cast.mai)
    with time_machine.travel("2026-11-23 09:00 +07:00", tick=False) as traveller:
        client.get(f"/documents/nhiem-vu/{plan.pk}.xlsx")
        old = ExportJob.objects.get()
        old_file = Path(old.file.path)
        assert old_file.exists()
        assert "giữ đến ngày 30/11/2026" in client.get(f"/documents/tep/{old.pk}/").content.decode()
        traveller.shift(timedelta(days=5))
        client.get(f"/documents/ke-hoach/{plan.pk}.docx?mau=0")
        recent = ExportJob.objects.exclude(pk=old.pk).get()
        traveller.shift(timedelta(days=2, hours=1))
        jobs.housekeep()
        assert list(ExportJob.objects.all()) == [recent] and not old_file.exists() and not old_file.parent.exists()
        assert Path(recent.file.path).exists()
        assert client.get(f"/documents/tep/{old.pk}/").status_code == 404
        traveller.shift(timedelta(days=5))
        jobs.housekeep()
        assert not ExportJob.objects.exists()
