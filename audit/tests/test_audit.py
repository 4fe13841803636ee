import pytest
from django.urls import reverse

from audit.log import diff, record, snapshot
from audit.models import AppendOnlyError, AuditEntry
from org import actions


def test_diff_keeps_only_changes():
    assert diff({"a": 1, "b": "x"}, {"a": 2, "b": "x"}) == {"a": [1, 2]}
    assert diff({}, {"a": 1}) == {"a": [None, 1]}


def test_entries_are_append_only(cast):
    entry = record(by=cast.mai, obj=cast.unit("vp"), action="update", changes={"name": ["a", "b"]})
    entry.note = "sửa"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.update(note="x")


def test_unit_change_is_shown_on_its_page_and_in_the_office_log(cast, client_for):
    unit = cast.unit("ttqt")
    before = snapshot(unit, ["short_name"])
    actions.update_unit(unit, by=cast.mai, short_name="TT Quan trắc")
    assert diff(before, snapshot(unit, ["short_name"])) == {"short_name": ["TTQT TNMT", "TT Quan trắc"]}
    client = client_for(cast.mai)
    page = client.get(reverse("org:unit", args=[unit.pk])).content.decode()
    assert "TTQT TNMT" in page and "TT Quan trắc" in page
    log = client.get(reverse("audit:index"), {"unit": unit.pk, "user": cast.mai.pk, "from": "01/01/2020"}).content.decode()
    assert "→ <strong>TT Quan trắc" in log
    empty = client.get(reverse("audit:index"), {"user": cast.manh.pk}).content.decode()
    assert "→ <strong>TT Quan trắc" not in empty


def test_specialist_has_no_audit_page(cast, client_for):
    assert client_for(cast.lan).get(reverse("audit:index")).status_code == 403


def test_a_summary_entry_with_plain_values_shows_in_the_log(cast, client_for):
    """An import run records its counts ({"hồ sơ mới": 12}), not (old, new) pairs; the log shows them, no 500."""
    record(by=cast.mai, obj=cast.unit("vp"), unit=cast.unit("vp"), action="other",
           changes={"hồ sơ mới": 12, "tệp": "xuat-ho-so.csv"})
    response = client_for(cast.mai).get(reverse("audit:index"))
    assert response.status_code == 200
    assert "Hồ sơ mới</span>: <strong>12</strong>" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_database_itself_refuses_to_change_or_delete_an_entry_on_postgresql(cast):
    from django.db import DatabaseError, connection, transaction

    if connection.vendor != "postgresql":
        pytest.skip("the trigger is PostgreSQL's; on SQLite the ORM guard above is what holds")
    entry = record(by=cast.mai, obj=cast.unit("vp"), action="update", changes={"name": ["a", "b"]})
    for sql in ("UPDATE audit_auditentry SET note = 'sửa' WHERE id = %s",
                "UPDATE audit_auditentry SET changes = '{}' WHERE id = %s",
                "DELETE FROM audit_auditentry WHERE id = %s"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [entry.pk])
    assert AuditEntry.objects.get(pk=entry.pk).changes == {"name": ["a", "b"]}
    # A person who leaves cchc: the entry stays, without the link to the account.
    cast.khoa.grants.all().delete()
    record(by=cast.khoa, obj=cast.unit("vp"), action="update", changes={"name": ["b", "c"]})
    cast.khoa.delete()
    assert AuditEntry.objects.filter(user=None, changes={"name": ["b", "c"]}).exists()
