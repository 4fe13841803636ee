"""Backup → wipe → restore finds everything again: every score, task, evidence file (same SHA-256) and audit entry.

On PostgreSQL the backup is restored into a database that does not exist yet (a wiped server: `manage.py restore`
creates it), reached through a second connection alias; on SQLite into a new file. The media folder is restored into
an empty one, and a backup whose file was changed is refused before anything is touched.
"""

import hashlib
import io
import uuid
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connections

from core import backups
from core.tests.dbstate import database_state
from core.tests.mutation_world import word_file

pytestmark = pytest.mark.django_db(transaction=True)


def _build(cast):
    """Scores with evidence, tasks with progress files, and the audit entries their actions write."""
    from assessments import actions as assessments
    from frameworks.actions import add_criterion, create_framework
    from plans import actions as plans
    from plans.models import TaskUpdate

    framework = create_framework(by=cast.mai, year=2024, title="Bộ tiêu chí các phòng, đơn vị năm 2024",
                                 owner=cast.department, level="internal")
    area = add_criterion(framework, by=cast.mai, kind="area", code="1", title="Chỉ đạo, điều hành",
                         max_points=Decimal("3"), order=1)
    for n in (1, 2):
        add_criterion(framework, by=cast.mai, kind="criterion", code=f"1.{n}", parent=area, order=n,
                      title=f"Tiêu chí 1.{n}", max_points=Decimal("1.5"))
    import datetime

    assessment = assessments.start_assessment(by=cast.mai, framework=framework, unit=cast.unit("qldd"),
                                              window_start=datetime.date(2024, 1, 1),
                                              window_end=datetime.date(2024, 11, 30))
    for score in assessment.scores.all():
        assessments.self_score(score, by=cast.lan, points=Decimal("1"), explanation="Có văn bản kèm theo.")
        assessments.add_evidence(score, by=cast.lan, name=f"Kiểm chứng {score.pk}.docx",
                                 data=word_file(f"Tài liệu kiểm chứng của tiêu chí {score.pk}"))
    plan = plans.create_plan(by=cast.mai, issuing_unit=cast.department, title="Kế hoạch CCHC năm 2024", year=2024,
                             status="issued", number="05", symbol="KH-STNMT")
    section = plans.add_section(by=cast.mai, plan=plan, numeral="I", title="CÔNG TÁC CHỈ ĐẠO")
    for n in (1, 2, 3):
        task = plans.add_task(by=cast.mai, plan=plan, section=section, code=str(n), content=f"Nhiệm vụ số {n}",
                              deadline_text="Trước ngày 15/11", lead_units=[cast.unit("qldd")])
        plans.post_update(by=cast.lan, task=task, unit=cast.unit("qldd"), kind=TaskUpdate.Kind.PROGRESS,
                          note="Đã thực hiện.", status="in_progress", percent=50,
                          files=[SimpleUploadedFile(f"bao-cao-{n}.docx", word_file(f"Báo cáo nhiệm vụ {n}"))])


def _everything(using: str) -> dict:
    """What must come back: scores, tasks, audit entries by content, evidence files by SHA-256 of their bytes."""
    from assessments.models import Evidence, Score
    from audit.models import AuditEntry
    from plans.models import Evidence as TaskEvidence
    from plans.models import Task

    def digest(field) -> str:
        with field.open("rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest()

    return {
        "scores": sorted(Score.objects.using(using).values_list("pk", "criterion__code", "self_score", "explanation")),
        "tasks": sorted(Task.objects.using(using).values_list("pk", "code", "content", "status", "progress")),
        "audit": sorted(AuditEntry.objects.using(using).values_list("pk", "action", "object_repr", "note", "at")),
        "evidence": sorted((e.pk, e.name, e.sha256, digest(e.file)) for e in Evidence.objects.using(using)),
        "task evidence": sorted((e.pk, e.name, digest(e.file)) for e in TaskEvidence.objects.using(using)),
    }


@pytest.fixture
def restored_alias(settings, tmp_path):
    """A second connection alias to a database that does not exist yet: a new file, or a new PostgreSQL database."""
    default = connections["default"].settings_dict
    name = "restored"
    if connections["default"].vendor == "sqlite":
        target = {**default, "NAME": str(tmp_path / "restored.sqlite3"), "TEST": {**default.get("TEST", {})}}
    else:
        target = {**default, "NAME": f"cchc_restored_{uuid.uuid4().hex[:8]}"}
    connections.settings[name] = target
    yield name
    connections[name].close()
    del connections[name]  # the wrapper, kept per thread
    del connections.settings[name]
    if connections["default"].vendor == "postgresql":
        import psycopg
        from psycopg import sql

        with psycopg.connect(**backups._psycopg_arguments({**default, "NAME": "postgres"}), autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(target["NAME"])))


def test_backup_wipe_restore_finds_every_score_task_file_and_audit_entry(cast, settings, tmp_path, restored_alias,
                                                                          record_proof):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    _build(cast)
    before = _everything("default")
    assert len(before["evidence"]) == 2 and len(before["task evidence"]) == 3 and len(before["audit"]) > 10
    state = database_state()

    out = io.StringIO()
    call_command("backup", "--to", str(tmp_path / "backup"), stdout=out)
    assert "5 tệp" in out.getvalue()

    # The wiped server: another database that does not exist yet, an empty media folder elsewhere.
    settings.MEDIA_ROOT = str(tmp_path / "media-restored")
    call_command("restore", "--from", str(tmp_path / "backup"), "--database", restored_alias, stdout=io.StringIO())

    # Django lets a test reach only the aliases declared before it began; this one the test made itself.
    connections[restored_alias].connect()
    after = _everything(restored_alias)
    assert after == before
    assert database_state(using=restored_alias) == state
    record_proof("backup and restore", restores=1, scores=len(after["scores"]), tasks=len(after["tasks"]),
                 files=len(after["evidence"]) + len(after["task evidence"]), audit_entries=len(after["audit"]))


def test_a_backup_changed_after_it_was_made_is_refused_before_anything_is_touched(cast, settings, tmp_path,
                                                                                  restored_alias):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    _build(cast)
    call_command("backup", "--to", str(tmp_path / "backup"), stdout=io.StringIO())
    evidence = next((tmp_path / "backup" / "media").rglob("*.docx"))
    evidence.write_bytes(evidence.read_bytes() + b"x")
    settings.MEDIA_ROOT = str(tmp_path / "media-restored")
    with pytest.raises(CommandError, match="SHA-256"):
        call_command("restore", "--from", str(tmp_path / "backup"), "--database", restored_alias)
    assert not (tmp_path / "media-restored").exists()
    if connections["default"].vendor == "sqlite":
        assert not (tmp_path / "restored.sqlite3").exists()


def test_restore_does_not_overwrite_a_database_in_use_unless_asked(cast, settings, tmp_path, restored_alias):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    call_command("backup", "--to", str(tmp_path / "backup"), stdout=io.StringIO())
    call_command("restore", "--from", str(tmp_path / "backup"), "--database", restored_alias, stdout=io.StringIO())
    with pytest.raises(CommandError, match="--replace"):
        call_command("restore", "--from", str(tmp_path / "backup"), "--database", restored_alias)
    with pytest.raises(CommandError, match="thư mục mới"):
        call_command("backup", "--to", str(tmp_path / "backup"))
