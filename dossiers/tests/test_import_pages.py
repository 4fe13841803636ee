"""Uploading an export, mapping its columns once on the preview screen, watching the run."""

from django.core.files.uploadedfile import SimpleUploadedFile

from dossiers.models import Dossier, ImportRun, ImportSource
from dossiers.tests.helpers import HEADER, ROWS, make_catalogue

# Another system's export: its own headers, which no guess recognises, and a comma delimiter.
ODD = "\n".join([
    "Ma,Thu tuc,Don vi,Nhan luc,Hen",
    "K1,1.010727,Phòng Quản lý môi trường,07/02/2024 09:00,",
    "K2,1.010727,Phòng Quản lý môi trường,08/02/2024 09:00,",
]) + "\n"
ODD_MAPPING = {"code": "Ma", "procedure_code": "Thu tuc", "handling_unit": "Don vi", "received_at": "Nhan luc",
               "due_at": "Hen"}


def _upload(client, content: str, name="xuat.csv", **fields):
    data = {"file": SimpleUploadedFile(name, content.encode()), **fields}
    return client.post("/dossiers/import/", data)


def test_the_office_maps_the_columns_once_and_the_mapping_is_reused(cast, client_for):
    make_catalogue()
    client = client_for(cast.mai)
    response = _upload(client, ODD, new_source="Phần mềm một cửa cũ", unit=cast.department.pk)
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/dossiers/import/{run.pk}/columns/"

    preview = client.get(response["Location"])
    html = preview.content.decode()
    assert "K1" in html and "Nhan luc" in html, "the first rows are shown"
    assert "Nhan luc — 07/02/2024 09:00" in html, "each choice shows its value on the first row"
    missing = client.post(response["Location"], {"code": "Ma", "mode": "all"})
    assert missing.status_code == 400
    assert "Cần chọn cột cho" in missing.content.decode()
    assert Dossier.objects.count() == 0

    done = client.post(response["Location"], {**ODD_MAPPING, "mode": "all"})
    assert done.status_code == 302
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE and run.created_count == 2
    assert Dossier.objects.get(code="K1").due_on.isoformat() == "2024-02-19"
    run_page = client.get(done["Location"]).content.decode()
    assert "Đã nhập 2 hồ sơ mới" in run_page
    assert "hx-trigger" not in run_page, "a finished run stops polling"

    source = ImportSource.objects.get()
    assert source.mapping == ODD_MAPPING
    second = _upload(client, ODD.replace("K2", "K3"), source=source.pk)
    form = client.get(second["Location"]).context["form"]
    assert {k: form.fields[k].initial for k in ODD_MAPPING} == ODD_MAPPING
    assert client.post(second["Location"], {**ODD_MAPPING, "mode": "skip"}).status_code == 302
    assert sorted(Dossier.objects.values_list("code", flat=True)) == ["K1", "K2", "K3"]


def test_the_run_page_lists_bad_lines(cast, client_for):
    make_catalogue()
    client = client_for(cast.mai)
    bad = "\n".join([HEADER, ROWS[0], ROWS[1].replace("07/02/2024 16:30", "31/02/2024")]) + "\n"
    response = _upload(client, bad, new_source="Một cửa", unit=cast.department.pk)
    guessed = client.get(response["Location"]).context["form"]
    mapping = {k: f.initial for k, f in guessed.fields.items() if k != "mode" and f.initial}
    done = client.post(response["Location"], {**mapping, "mode": "all"})
    page = client.get(done["Location"]).content.decode()
    assert "Không ghi do có dòng lỗi" in page
    assert "<td class=\"num\">3</td>" in page and "31/02/2024" in page
    assert Dossier.objects.count() == 0
    partial = client.get(done["Location"], HTTP_HX_REQUEST="true")
    assert partial.content.decode().lstrip().startswith("<section"), "htmx gets the fragment only"


def test_uploads_that_cannot_be_read_get_a_message(cast, client_for):
    client = client_for(cast.mai)
    wrong_type = _upload(client, "x", name="ke-hoach.docx", new_source="A", unit=cast.department.pk)
    assert wrong_type.status_code == 400 and "Chỉ nhận tệp .xlsx hoặc .csv" in wrong_type.content.decode()
    no_source = _upload(client, ODD)
    assert no_source.status_code == 400 and "nguồn dữ liệu" in no_source.content.decode()
    broken = client.post("/dossiers/import/", {"file": SimpleUploadedFile("x.xlsx", b"not a zip"),
                                               "new_source": "B", "unit": cast.department.pk})
    # Refused at the upload (core.uploads), before anything is stored.
    assert broken.status_code == 400 and "không phải bảng tính .xlsx" in broken.content.decode()
    assert not ImportRun.objects.exists()


def test_only_the_reform_office_imports(cast, client_for):
    assert client_for(cast.lan).get("/dossiers/import/").status_code == 403
    make_catalogue()
    response = _upload(client_for(cast.mai), ODD, new_source="C", unit=cast.department.pk)
    run_url = response["Location"]
    # Neither may see the department's dossier figures, so neither learns the run exists.
    assert client_for(cast.khoa).get(run_url).status_code == 404
    assert client_for(cast.hung).post(run_url, {**ODD_MAPPING, "mode": "all"}).status_code == 404
    assert Dossier.objects.count() == 0


def test_the_office_cannot_create_a_source_for_another_department(cast, client_for):
    response = _upload(client_for(cast.mai), ODD, new_source="D", unit=cast.unit("stp").pk)
    assert response.status_code == 400
    assert not ImportSource.objects.exists()


def _database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "imports"]}}
    settings.TASKS_KIND = "database"


def test_a_run_whose_worker_died_is_run_again_once_then_failed_with_a_message(cast, client_for, settings):
    from datetime import timedelta

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from core.jobs import Lease, task_lease_name
    from dossiers import actions
    from dossiers.tests.helpers import upload

    _database_tasks(settings)
    run = upload(cast.mai, cast.department, "a.csv", ODD.encode())
    actions.confirm_columns(run, by=cast.mai, mapping=ODD_MAPPING, mode=ImportRun.Mode.ALL_OR_NOTHING)
    actions.start(run)
    client = client_for(cast.mai)
    for attempt in (1, 2):
        run.refresh_from_db()
        task = DBTaskResult.objects.get(pk=run.task_id)
        assert task.status == "READY"
        # A worker claims it and starts, then is killed: the task record stays RUNNING, nobody holds its lease.
        task.claim("worker-that-dies")
        DBTaskResult.objects.filter(pk=task.pk).update(started_at=timezone.now() - timedelta(minutes=5))
        ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.RUNNING, attempts=attempt,
                                                   started_at=timezone.now() - timedelta(minutes=5))
        with Lease(task_lease_name(task.pk)) as alive:
            assert alive.acquire()
            page = client.get(f"/dossiers/import/{run.pk}/").content.decode()
            assert "Đang nhập" in page
            task.refresh_from_db()
            assert task.status == "RUNNING"
        page = client.get(f"/dossiers/import/{run.pk}/").content.decode()
        task.refresh_from_db()
        assert task.status == "FAILED" and "gián đoạn" in task.traceback
        run.refresh_from_db()
        if attempt == 1:
            assert run.status == ImportRun.Status.QUEUED and run.task_id != str(task.pk)
            assert "đang chạy lại từ đầu" in page
    assert run.status == ImportRun.Status.FAILED
    assert "bị gián đoạn hai lần" in page and "Ghép cột lại và nhập lại" in page
    assert not DBTaskResult.objects.filter(status="RUNNING").exists()


def test_a_file_over_the_upload_limit_is_refused_with_the_way_round_it(cast, client_for, settings):
    settings.CCHC_MAX_UPLOAD_MB = 0
    response = _upload(client_for(cast.mai), ODD, new_source="E", unit=cast.department.pk)
    assert response.status_code == 400
    assert "Tệp lớn hơn 0 MB" in response.content.decode() and "import_dossiers" in response.content.decode()
    assert not ImportRun.objects.exists()
