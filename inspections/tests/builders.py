"""Small builders for the inspections' tests: the department's plan of 2026, an inspection, a finding, a fix.

Tests travel to TODAY (Monday 23/11/2026)."""

import datetime as dt
from datetime import date

from inspections import actions

TODAY = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
TEAM = ["Lê Thị Mai – Văn phòng Sở, trưởng đoàn", "Đại diện Sở Nội vụ"]


def make_plan(cast, year: int = 2026, **extra):
    extra.setdefault("title", f"Kế hoạch kiểm tra công tác CCHC năm {year}")
    return actions.create_plan(by=cast.mai, year=year, issuing_unit=cast.department,
                               decision=f"Kế hoạch số 12/KH-STNMT ngày 10/03/{year}", **extra)


def make_inspection(cast, plan, unit="ttcntt", actual=date(2026, 11, 2), **extra):
    extra.setdefault("planned_date", actual or date(2026, 12, 10))
    return actions.add_inspection(plan, by=cast.mai, unit=cast.unit(unit), actual_date=actual, team=TEAM,
                                  today=TODAY.date(), **extra)


def make_fix(cast, inspection, text="Công khai đầy đủ TTHC trên Trang thông tin điện tử của Sở.",
             deadline="Trước ngày 30/11/2026", finding="Trang thông tin điện tử chưa công khai đầy đủ TTHC."):
    found = actions.add_finding(inspection, by=cast.mai, text=finding)
    return actions.add_fix(found, by=cast.mai, text=text, deadline_text=deadline)


def rows_now() -> tuple:
    """What a refused request must leave as it was: every inspection row, its version, and the audit trail."""
    from audit.models import AuditEntry
    from inspections.models import Finding, Fix, Inspection, InspectionPlan

    return (
        list(InspectionPlan.objects.order_by("pk").values_list("pk", "title", "target_percent", "version")),
        list(Inspection.objects.order_by("pk").values_list("pk", "unit", "actual_date", "team", "version")),
        list(Finding.objects.order_by("pk").values_list("pk", "text")),
        list(Fix.objects.order_by("pk").values_list("pk", "text", "status", "report_note", "due_date", "version")),
        AuditEntry.objects.count(),
    )
