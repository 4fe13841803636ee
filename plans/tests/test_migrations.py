"""Migrations 0003–0004: existing extension requests get the unit that decides them (the first monitoring unit
other than the one asking, else the issuing unit), on SQLite and on PostgreSQL alike."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("plans", "0002_task_criteria")]
AFTER = [("plans", "0004_extension_approver_required")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_existing_requests_get_the_unit_that_decides_them(cast):
    old = _migrate(BEFORE)
    Unit, Plan = old.get_model("org", "Unit"), old.get_model("plans", "Plan")
    Task, Extension = old.get_model("plans", "Task"), old.get_model("plans", "Extension")
    department, vp, qldd = (Unit.objects.get(code=c) for c in ("stnmt", "vp", "qldd"))
    plan = Plan.objects.create(issuing_unit=department, title="Kế hoạch", year=2026)
    monitored = Task.objects.create(plan=plan, content="Có đơn vị theo dõi", due_date=date(2026, 11, 25))
    monitored.monitoring_units.set([qldd, vp])
    alone = Task.objects.create(plan=plan, content="Đơn vị tự theo dõi", due_date=date(2026, 11, 25))
    alone.monitoring_units.set([qldd])
    for task in (monitored, alone):
        Extension.objects.create(task=task, unit=qldd, reason="Chờ", new_due=date(2026, 12, 4))
    try:
        new = _migrate(AFTER)
        Extension = new.get_model("plans", "Extension")
        approvers = {e.task.content: e.approver_unit.code for e in Extension.objects.select_related("task",
                                                                                                  "approver_unit")}
        assert approvers == {"Có đơn vị theo dõi": "vp", "Đơn vị tự theo dõi": "stnmt"}
        assert new.get_model("plans", "Task").objects.get(pk=monitored.pk).version == 1
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
