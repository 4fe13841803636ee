"""What inspections put in each person's to-do list (core.inbox): the fixes their unit must carry out, for the
inspected unit's head; the fixes reported done waiting for the inspecting office's confirmation."""

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import Role
from accounts.permissions import can, grants_of, visible_units
from core.inbox import Item, source
from inspections.models import Fix


def _headed_units(user) -> list[int]:
    """The units the person heads: their fixes are theirs to report."""
    return sorted({g.unit_id for g in grants_of(user) if g.role == Role.UNIT_HEAD})


def _open_fixes(user):
    return Fix.objects.filter(finding__inspection__unit_id__in=_headed_units(user), status=Fix.Status.OPEN)


def _count_open(user, today):
    return _open_fixes(user) if _headed_units(user) else None


@source("fix", count=_count_open, nav="inspections:index", more="inspections:fixes")
def fixes_to_carry_out(user, today: date) -> list[Item]:
    if not _headed_units(user):
        return []
    items = []
    for fix in _open_fixes(user).select_related("finding__inspection__unit").order_by("due_date", "pk"):
        if fix.due_date < today:
            badge, tone = _("Quá hạn %(n)s ngày") % {"n": (today - fix.due_date).days}, "bad"
        else:
            badge, tone = _("Chưa khắc phục"), "warn"
        inspection = fix.finding.inspection
        items.append(Item(title=_("Khắc phục: %(fix)s") % {"fix": fix}, link=reverse("inspections:fix", args=[fix.pk]),
                          due=fix.due_date, badge=badge, tone=tone,
                          detail=_("Kiểm tra CCHC %(unit)s ngày %(d)s: %(finding)s") % {
                              "unit": inspection.unit.display_short, "d": f"{inspection.actual_date:%d/%m/%Y}",
                              "finding": fix.finding}))
    return items


def _reported(user):
    return (Fix.objects.filter(status=Fix.Status.REPORTED,
                               finding__inspection__plan__issuing_unit__in=visible_units(user, "inspection.manage"))
            .exclude(reported_by=user))


def _count_reported(user, today):
    return _reported(user) if can(user, "inspection.manage") else None


@source("decide", count=_count_reported, nav="inspections:index", more="inspections:fixes")
def fixes_to_confirm(user, today: date) -> list[Item]:
    if not can(user, "inspection.manage"):
        return []
    rows = _reported(user).select_related("finding__inspection__unit", "reported_by").order_by("reported_on", "pk")
    return [Item(title=_("Xác nhận khắc phục: %(fix)s") % {"fix": fix},
                 link=reverse("inspections:inspection", args=[fix.finding.inspection_id]) + f"#fix-{fix.pk}",
                 due=fix.due_date, badge=_("Chờ xác nhận"), tone="info",
                 detail=_("%(unit)s báo cáo ngày %(d)s: %(note)s") % {
                     "unit": fix.finding.inspection.unit.display_short, "d": f"{fix.reported_on:%d/%m/%Y}",
                     "note": fix.report_note[:200]})
            for fix in rows]
