"""Small builders for plans tests."""

from plans.actions import add_section, add_task, create_plan


def make_plan(cast, *, year=2026, status="issued", title="Kế hoạch cải cách hành chính năm 2026", **fields):
    return create_plan(by=cast.mai, issuing_unit=cast.department, title=title, year=year, status=status,
                       number=fields.pop("number", "05"), symbol=fields.pop("symbol", "KH-STNMT"), **fields)


def make_task(cast, plan, *, code="1", lead="qldd", monitoring="vp", coordinating=(), deadline="Trước ngày 15/11",
              section=None, content="Rà soát, cập nhật TTHC lĩnh vực đất đai"):
    if section is None:
        section = plan.sections.first() or add_section(by=cast.mai, plan=plan, numeral="I",
                                                       title="CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC")
    return add_task(by=cast.mai, plan=plan, section=section, code=code, content=content, deadline_text=deadline,
                    lead_units=[cast.unit(lead)], monitoring_units=[cast.unit(monitoring)] if monitoring else [],
                    coordinating_units=[cast.unit(c) for c in coordinating], product="Báo cáo kết quả thực hiện")


def rows_now() -> tuple:
    """What a refused request must leave as it was: plans' rows, their versions, and the audit trail's length."""
    from audit.models import AuditEntry
    from plans.models import Extension, Plan, Section, Target, Task, TaskUpdate

    return (
        list(Plan.objects.order_by("pk").values_list("pk", "status", "issue_date", "title", "version")),
        list(Section.objects.order_by("pk").values_list("pk", "title", "version")),
        list(Target.objects.order_by("pk").values_list("pk", "label", "value", "version")),
        list(Task.objects.order_by("pk").values_list("pk", "content", "status", "progress", "extended_due", "version")),
        list(Extension.objects.order_by("pk").values_list("pk", "status", "decided_by", "new_due")),
        list(TaskUpdate.objects.order_by("pk").values_list("pk", "returned_at")),
        AuditEntry.objects.count(),
    )
