import datetime

from audit.models import AuditEntry
from org import actions
from org.models import ReorgEvent, Unit

DAY = datetime.date(2025, 3, 1)


def test_merge_creates_successor_and_keeps_history(cast):
    land, env = cast.unit("qldd"), cast.unit("qlmt")
    event = actions.merge_units([land, env], new_name="Phòng Đất đai và Môi trường", effective_date=DAY, by=cast.mai)
    merged = event.targets.get()
    land.refresh_from_db()
    env.refresh_from_db()
    assert land.dissolved_on == DAY and env.dissolved_on == DAY
    assert not land.is_active() and land.is_active(on=datetime.date(2024, 12, 31))
    assert land.successors() == [merged]
    assert {u.pk for u in merged.lineage()} == {merged.pk, land.pk, env.pk}
    cast.lan.refresh_from_db()
    assert cast.lan.unit == merged, "people follow their unit to the successor"
    assert merged.aliases.filter(alias="Phòng Quản lý đất đai").exists(), "old names still match in old plans"
    assert AuditEntry.objects.filter(object_id=str(land.pk), changes__has_key="dissolved_on").exists()


def test_absorb_into_existing_unit(cast):
    event = actions.merge_units([cast.unit("ttkt")], into=cast.unit("ttqt"), effective_date=DAY, by=cast.mai)
    assert list(event.sources.all()) == [cast.unit("ttkt")]
    assert cast.unit("ttkt").successors() == [cast.unit("ttqt")]


def test_rename_keeps_the_old_name_for_past_dates(cast):
    dept = cast.department
    actions.rename_unit(dept, new_name="Sở Nông nghiệp và Môi trường", new_short_name="Sở NN&MT", effective_date=DAY,
                        by=cast.admin)
    dept.refresh_from_db()
    assert dept.name == "Sở Nông nghiệp và Môi trường"
    assert dept.name_on(datetime.date(2023, 12, 31)) == "Sở Tài nguyên và Môi trường"
    assert dept.name_on(datetime.date(2025, 6, 1)) == "Sở Nông nghiệp và Môi trường"
    assert dept.is_active()


def test_split_and_move(cast):
    event = actions.split_unit(cast.unit("bdtnn"), parts=[{"name": "Phòng Biển đảo"}, {"name": "Phòng Tài nguyên nước"}],
                               effective_date=DAY, by=cast.mai)
    assert event.targets.count() == 2
    assert {u.name for u in cast.unit("bdtnn").successors()} == {"Phòng Biển đảo", "Phòng Tài nguyên nước"}
    actions.move_unit(cast.unit("ttptqd"), new_parent=cast.province, effective_date=DAY, by=cast.admin)
    moved = Unit.objects.get(code="ttptqd")
    assert moved.parent == cast.province and moved.path == f"{cast.province.path}{moved.pk}/"
    assert ReorgEvent.objects.filter(kind="move").count() == 1


def test_moving_a_parent_moves_its_subtree_paths(cast):
    other = cast.unit("stp")
    actions.move_unit(cast.unit("stnmt"), new_parent=other, effective_date=DAY, by=cast.admin)
    land = Unit.objects.get(code="qldd")
    assert land.path.startswith(Unit.objects.get(code="stp").path)
