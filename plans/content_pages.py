"""What the plan page shows beside its task table: legal bases, the plan above, the free sections, the year's
results (the year table, the province's indices) and the units' plans asked for (read-only)."""

from datetime import date

from django.utils.translation import gettext as _

from accounts.permissions import can
from plans import cascade
from plans.content import ProvinceResult


def province_results(plan) -> list:
    """The province's indices of the year before the plan's, with the change from the year before them."""
    department = plan.issuing_unit.department()
    rows = {(r.index, r.year): r for r in ProvinceResult.objects.filter(department=department,
                                                                       year__in=[plan.year - 1, plan.year - 2])}
    shown = []
    for (index, year), result in sorted(rows.items()):
        if year != plan.year - 1:
            continue
        before = rows.get((index, year - 1))
        result.score_change = result.score - before.score if before else None
        result.rank_change = (before.rank - result.rank) if before and before.rank and result.rank else None
        shown.append(result)
    return shown


def plan_content(user, plan, today: date) -> dict:
    from assessments.results import year_table

    table = None
    if plan.source_assessment_id:
        table = year_table(plan.source_assessment.unit)
    rows = cascade.request_rows(plan, today)
    return {
        "bases": list(plan.legal_bases.all()),
        "province_results": province_results(plan),
        "year_table": table if table and table.years else None,
        "unit_requests": rows,
        "my_requests": [r for r in rows if can(user, "plan.manage", r.request.unit)],
        "unit_plan_due": cascade.due_date(plan),
        "free_sections": [(_("Mục đích, yêu cầu"), plan.purpose_text), (_("Nhiệm vụ, giải pháp"), plan.solutions_text),
                          (_("Tổ chức thực hiện"), plan.organisation_text), (_("Kinh phí thực hiện"), plan.budget_text)],
    }
