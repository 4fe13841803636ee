"""The administrator enters the year's swaps for everyone; offices read the calendar; every change is audited."""

from datetime import date

from audit.models import AuditEntry
from workdays.models import DayOverride
from workdays.services import get_calendar


def test_the_administrator_adds_and_removes_overrides(cast, client_for):
    client = client_for(cast.admin)
    page = client.get("/calendar/?year=2026").content.decode()
    assert "Tết Nguyên Đán" in page
    assert client.post("/calendar/them/", {"date": "2026-01-02", "kind": "off", "note": "Nghỉ bù Tết Dương lịch"}
                       ).status_code == 302
    client.post("/calendar/them/", {"date": "2026-01-10", "kind": "working", "note": "Làm bù cho ngày 02/01"})
    calendar = get_calendar([2026])
    assert not calendar.is_working_day(date(2026, 1, 2)) and calendar.is_working_day(date(2026, 1, 10))
    assert AuditEntry.objects.filter(action="create", user=cast.admin).count() == 2
    override = DayOverride.objects.get(date=date(2026, 1, 2))
    client.post(f"/calendar/{override.pk}/xoa/")
    assert get_calendar([2026]).is_working_day(date(2026, 1, 2))
    assert AuditEntry.objects.filter(action="delete", user=cast.admin).exists()


def test_duplicate_or_bad_dates_get_a_clear_message(cast, client_for):
    client = client_for(cast.admin)
    client.post("/calendar/them/", {"date": "2026-01-02", "kind": "off"})
    response = client.post("/calendar/them/", {"date": "2026-01-02", "kind": "working"})
    assert response.status_code == 400 and "đã được điều chỉnh" in response.content.decode()
    assert client.post("/calendar/them/", {"date": "32/13/2026", "kind": "off"}).status_code == 400
    assert client.get("/calendar/?year=abc").status_code == 200


def test_only_the_office_and_admin_manage_the_calendar(cast, client_for):
    assert client_for(cast.lan).get("/calendar/").status_code == 403
    assert client_for(cast.lan).post("/calendar/them/", {"date": "2026-01-02", "kind": "off"}).status_code == 403
    assert client_for(cast.admin).get("/calendar/").status_code == 200


def test_one_departments_office_reads_the_shared_calendar_but_cannot_change_it(cast, client_for):
    """The calendar moves every unit's deadlines: the reform office of one department may not edit it."""
    client = client_for(cast.mai)
    page = client.get("/calendar/?year=2026")
    assert page.status_code == 200 and "chỉ quản trị hệ thống nhập" in page.content.decode()
    assert client.post("/calendar/them/", {"date": "2026-01-02", "kind": "off"}).status_code == 403
    assert not DayOverride.objects.exists()
