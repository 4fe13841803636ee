"""The history reads as words: labels, choice labels, dd/mm/yyyy, có/không, names; never a field name, a code or
an ISO date (issue: history people can read)."""

import re

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from audit.log import record, record_create, snapshot
from audit.models import AuditEntry
from audit.readable import IDENTIFIER, label_for, rows
from plans.models import Task
from plans.tests.builders import make_plan, make_task

ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
# A code ('periodic_report', 'dossiers.on_time_rate', 'yes_no') or a storage path ('documents/templates/2/x.docx').
CODE = re.compile(r"^[a-z][a-z0-9]*([_.][a-z0-9]+)+$|^(?=.*[a-zA-Z])[\w.-]+(/[\w.-]+)+$")
FILE_NAME = re.compile(r"\S+\.(csv|xlsx|xls|docx|doc|odt|pdf|zip|png|jpg)\b", re.IGNORECASE)
RAW_WORDS = {"True", "False", "None", "∅"}


def domain_fields():
    for app in settings.DOMAIN_APPS:
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.get_fields():
                if (field.auto_created and not field.concrete) or field.primary_key:
                    continue
                yield model, field


def test_every_field_of_every_domain_model_has_a_label_a_person_reads():
    unlabelled = [f"{model.__name__}.{field.name}" for model, field in domain_fields()
                  if label_for(model, field.name).replace(" ", "_") == field.name]
    assert unlabelled == []


def test_task_changes_read_as_words(cast):
    task = make_task(cast, make_plan(cast), code="1", lead="qldd", deadline="Trước ngày 10/12/2026")
    entry = record(by=cast.mai, obj=task, action="update", changes={
        "status": ["not_started", "in_progress"],
        "is_heading": [None, False],
        "due_date": [None, "2026-12-10"],
        "progress": [0, 60],
    })
    shown = [(row.label, row.old, row.new) for row in rows(entry)]
    assert shown == [
        ("tình trạng", "Chưa thực hiện", "Đang thực hiện"),
        ("là dòng tiêu đề nhóm", "—", "không"),
        ("hạn hoàn thành", "—", "10/12/2026"),
        ("tiến độ (%)", "0", "60"),
    ]
    with translation.override("en"):
        english = [(row.label, row.new) for row in rows(entry)]
    assert english[0] == ("status", "In progress") and english[2] == ("deadline", "10/12/2026")


def test_merged_units_scores_and_creations(cast):
    unit = cast.unit("vp")
    merged = record(by=cast.mai, obj=unit, action="update",
                    changes={"merged_from": [None, ["Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ"]]})
    assert [(r.label, r.new) for r in rows(merged)] == [
        ("sáp nhập từ", "Sở Thông tin và Truyền thông; Sở Khoa học và Công nghệ")]
    score = record(by=cast.mai, obj=unit, action="other", changes={"total": [None, "87.225"], "hồ sơ mới": 12000})
    assert [(r.label, r.new) for r in rows(score)] == [("tổng điểm", "87,225"), ("hồ sơ mới", "12.000")]
    created = record_create(by=cast.mai, obj=unit, fields=["name", "kind"])
    assert all(row.old is None for row in rows(created))
    assert rows(created)[1].new == unit.get_kind_display()


def _texts(entry):
    for row in rows(entry):
        yield row.label
        if row.old is not None:
            yield row.old
        yield row.new


def _problems(entry) -> list[str]:
    model = ContentType.objects.get_for_id(entry.content_type_id).model_class()
    found = []
    for key in entry.changes or {}:
        if IDENTIFIER.match(label_for(model, key).replace(" ", "_")) and label_for(model, key).replace(" ", "_") == key:
            found.append(f"raw field name {key}")
    for text in _texts(entry):
        if ISO.search(FILE_NAME.sub("", text)):  # a file's own name may hold a date as its author wrote it
            found.append(f"ISO date in {text!r}")
        if text in RAW_WORDS:
            found.append(f"raw value {text!r}")
        if CODE.match(text) or any(CODE.match(part) for part in text.split("; ")):
            found.append(f"internal code {text!r}")
    for row, key in zip(rows(entry), entry.changes or {}, strict=True):
        field = next((f for f in model._meta.get_fields() if f.name == key), None) if model else None
        choices = dict(getattr(field, "flatchoices", None) or [])
        for shown in (row.old, row.new):
            if shown in choices and str(choices[shown]) != shown:
                found.append(f"choice code {shown!r} for {key}")
    return found


@pytest.mark.slow
def test_history_of_every_audited_model_in_the_demo_reads_as_words(client_for, django_user_model):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    entries = list(AuditEntry.objects.all())
    assert len({e.content_type_id for e in entries}) >= 8  # the demo exercises many kinds of object
    problems = {f"{e.content_type.model}#{e.pk}": p for e in entries if (p := _problems(e))}
    assert problems == {}

    admin = django_user_model.objects.get(username="admin")
    page = client_for(admin).get(reverse("audit:index")).content.decode()
    assert "<code>" not in page and not ISO.search(page.split("<main", 1)[-1])


def test_a_task_page_history_shows_labels_not_names(cast, client_for):
    from plans import actions

    task = make_task(cast, make_plan(cast), code="1", lead="qldd", deadline="Trước ngày 10/12/2026")
    before = snapshot(task, ["status", "progress"])
    actions.post_update(by=cast.lan, task=task, unit=cast.unit("qldd"), kind="progress", note="Đang làm",
                        status=Task.Status.IN_PROGRESS, percent=40)
    task.refresh_from_db()
    assert before != snapshot(task, ["status", "progress"])
    page = client_for(cast.mai).get(reverse("plans:task", args=[task.pk])).content.decode()
    history = page.split("Lịch sử thay đổi", 1)[1]
    assert "Đang thực hiện" in history and "in_progress" not in history and "<code>" not in history
