"""The import_dossiers command: the page's background run, and large files from the command line."""

import pytest
from django.core.management import CommandError, call_command

from dossiers.models import Dossier, ImportRun
from dossiers.tests.helpers import SAMPLE, make_catalogue, upload


def test_a_large_file_is_imported_from_the_command_line_with_the_saved_mapping(cast, tmp_path, capsys):
    make_catalogue()
    export = tmp_path / "xuat.csv"
    export.write_text(SAMPLE, encoding="utf-8")
    source = upload(cast.mai, cast.department, "a.csv", b"x").source
    call_command("import_dossiers", file=str(export), source=source.pk, user="mai")
    assert "Đã nhập 9 hồ sơ mới" in capsys.readouterr().out
    assert Dossier.objects.count() == 9
    with pytest.raises(CommandError, match="không có quyền"):
        call_command("import_dossiers", file=str(export), source=source.pk, user="lan")


def test_the_queued_run_of_the_page_is_run_once(cast):
    make_catalogue()
    run = upload(cast.mai, cast.department, "a.csv", SAMPLE.encode())
    with pytest.raises(CommandError, match="Chờ ghép cột"):
        call_command("import_dossiers", run.pk)
    run.status = ImportRun.Status.QUEUED
    run.source.mapping = {"code": "Mã hồ sơ", "procedure_code": "Mã thủ tục", "handling_unit": "Đơn vị giải quyết",
                          "received_at": "Ngày tiếp nhận", "due_at": "Ngày hẹn trả"}
    run.source.save()
    run.save()
    call_command("import_dossiers", run.pk)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE and run.created_count == 9
    with pytest.raises(CommandError):
        call_command("import_dossiers", 999999)


def test_a_run_whose_worker_died_can_be_run_again_but_not_one_still_running(cast):
    from django.utils import timezone

    from core.jobs import Lease, task_lease_name

    make_catalogue()
    run = upload(cast.mai, cast.department, "a.csv", SAMPLE.encode())
    run.source.mapping = {"code": "Mã hồ sơ", "procedure_code": "Mã thủ tục", "handling_unit": "Đơn vị giải quyết",
                          "received_at": "Ngày tiếp nhận", "due_at": "Ngày hẹn trả"}
    run.source.save()
    run.status, run.started_at, run.task_id = ImportRun.Status.RUNNING, timezone.now(), "a-worker-task"
    run.save()
    with Lease(task_lease_name("a-worker-task")) as alive:
        assert alive.acquire()
        with pytest.raises(CommandError, match="Đang nhập"):
            call_command("import_dossiers", run.pk)
    call_command("import_dossiers", run.pk)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE and Dossier.objects.count() == 9
