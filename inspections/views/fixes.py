"""The fixes required by inspections: the inspected unit reports each done with its evidence, the office confirms;
and the list of fixes (the to-do list's "see all")."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import can, require, visible_units
from core.http import attachment
from core.versions import StaleEdit
from inspections import actions
from inspections.access import get_fix_for
from inspections.forms import ReportForm, VerifyForm
from inspections.models import Fix
from inspections.queries import fixes_for_listing
from inspections.views.common import add_errors, year_of
from inspections.views.inspections import inspection_url
from org.models import Unit

SHOWN = 200
STATUSES = {"open": [Fix.Status.OPEN], "reported": [Fix.Status.REPORTED], "done": [Fix.Status.DONE],
            "all": list(Fix.Status.values)}


def fixes(request):
    """The fixes of the units the person may see: open ones by date unless another state is asked for."""
    require(request.user, "inspection.view")
    today = timezone.localdate()
    year = year_of(request, today)
    status = request.GET.get("status", "open")
    status = status if status in STATUSES else "open"
    units = visible_units(request.user, "inspection.view")
    rows = Fix.objects.filter(finding__inspection__unit__in=units, finding__inspection__plan__year=year,
                              status__in=STATUSES[status])
    code = request.GET.get("unit", "").strip()
    unit = Unit.objects.filter(code=code).first() if code and "\x00" not in code else None
    if unit is not None:
        rows = rows.filter(finding__inspection__unit__path__startswith=unit.path)
    total = rows.count()
    listed = list(fixes_for_listing(rows).order_by("due_date", "pk")[:SHOWN])
    for fix in listed:
        fix.overdue = fix.is_overdue(today)
    return render(request, "inspections/fixes.html", {
        "fixes": listed, "total": total, "status": status, "year": year, "unit": unit, "today": today,
        "years": list(range(today.year + 1, 2018, -1)),
    })


def fix_report(request, pk):
    """The inspected unit's report: what was done, with the evidence."""
    fix = get_fix_for(request.user, pk)
    inspection = fix.finding.inspection
    may_report = can(request.user, "inspection.report", inspection.unit) and fix.is_open
    form = None
    if request.method == "POST":
        fix = get_fix_for(request.user, pk, "inspection.report")
        form = ReportForm(request.POST, request.FILES, fix=fix)
        if form.is_valid():
            data = form.cleaned_data
            try:
                actions.report_fix(fix, by=request.user, note=data["note"], upload=data.get("evidence"),
                                   version=data["version"])
            except StaleEdit:
                messages.error(request, _("Yêu cầu khắc phục vừa được người khác cập nhật; chưa gửi gì. Xem lại "
                                          "tình trạng rồi gửi lại nếu cần."))
                return redirect("inspections:fix", pk=fix.pk)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("Đã báo cáo kết quả khắc phục; chờ đơn vị kiểm tra xác nhận."))
                return redirect("inspections:fix", pk=fix.pk)
    elif may_report:
        form = ReportForm(fix=fix)
    return render(request, "inspections/fix_report.html", {
        "fix": fix, "inspection": inspection, "form": form, "today": timezone.localdate(),
    }, status=400 if request.method == "POST" else 200)


@require_POST
def fix_verify(request, pk):
    fix = get_fix_for(request.user, pk, "inspection.manage")
    form = VerifyForm(request.POST, fix=fix)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect(f"{inspection_url(fix.finding.inspection_id)}#fix-{fix.pk}")
    data = form.cleaned_data
    try:
        actions.verify_fix(fix, by=request.user, accept=data["decision"] == VerifyForm.ACCEPT, note=data["note"],
                           version=data["version"])
    except StaleEdit:
        messages.error(request, _("Yêu cầu khắc phục vừa được người khác cập nhật; chưa ghi gì. Xem lại rồi xác "
                                  "nhận lại."))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Đã xác nhận đã khắc phục.") if data["decision"] == VerifyForm.ACCEPT
                         else _("Đã trả lại đơn vị để khắc phục tiếp."))
    return redirect(f"{inspection_url(fix.finding.inspection_id)}#fix-{fix.pk}")


def fix_evidence(request, pk):
    """The evidence file, as an attachment, to whoever may see the fix."""
    fix = get_fix_for(request.user, pk)
    if not fix.evidence:
        raise Http404
    try:
        handle = fix.evidence.open("rb")
    except (FileNotFoundError, OSError, ValueError):
        raise Http404 from None
    return attachment(handle, fix.evidence_name or "tai-lieu-kiem-chung")

