"""One inspection: its team and conclusion, its findings with the fixes required; the office records them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import can
from core.versions import StaleEdit, conflict_of
from inspections import actions
from inspections.access import get_finding_for, get_inspection_for
from inspections.forms import DeleteForm, FindingForm, FixForm, InspectionForm, VerifyForm
from inspections.models import Finding, Fix
from inspections.views.common import add_errors, after_stale

INSPECTION_SHOWN = ["unit", "kind", "planned_date", "actual_date", "team", "conclusion", "conclusion_ref"]


def inspection_detail(request, pk, finding_form=None, fix_forms=None):
    inspection = get_inspection_for(request.user, pk)
    today = timezone.localdate()
    may_manage = can(request.user, "inspection.manage", inspection.plan.issuing_unit)
    may_report = can(request.user, "inspection.report", inspection.unit)
    findings = list(inspection.findings.prefetch_related("fixes__reported_by", "fixes__verified_by"))
    fix_forms = fix_forms or {}
    rows = []
    for finding in findings:
        fixes = []
        for fix in finding.fixes.all():
            fixes.append({
                "fix": fix, "overdue": fix.is_overdue(today),
                "may_report": may_report and fix.is_open,
                "may_verify": may_manage and fix.status == Fix.Status.REPORTED and fix.reported_by_id != request.user.pk,
                "verify_form": VerifyForm(fix=fix) if may_manage and fix.status == Fix.Status.REPORTED else None,
            })
        rows.append({"finding": finding, "fixes": fixes,
                     "fix_form": fix_forms.get(finding.pk) or (FixForm() if may_manage else None)})
    context = {
        "inspection": inspection, "plan": inspection.plan, "rows": rows, "today": today, "may_manage": may_manage,
        "finding_form": (finding_form or FindingForm()) if may_manage and inspection.is_done else None,
    }
    failed = finding_form is not None or bool(fix_forms)
    return render(request, "inspections/inspection_detail.html", context, status=400 if failed else 200)


def inspection_edit(request, pk):
    inspection = get_inspection_for(request.user, pk, "inspection.manage")
    plan = inspection.plan
    form = InspectionForm(request.POST or None, plan=plan, editing=inspection)
    stale = None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            actions.update_inspection(inspection, by=request.user, version=version, **data)
        except StaleEdit as error:
            if error.current is None:
                return redirect("inspections:plan", pk=plan.pk)
            stale = conflict_of(error.current, INSPECTION_SHOWN)
            form = after_stale(InspectionForm, request, error, plan=plan, editing=error.current)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Đã lưu cuộc kiểm tra."))
            return redirect("inspections:inspection", pk=inspection.pk)
    return render(request, "inspections/inspection_form.html", {"form": form, "inspection": inspection,
                                                                "plan": plan, "stale": stale})


def inspection_delete(request, pk):
    """Confirmation page first: what is removed with it."""
    inspection = get_inspection_for(request.user, pk, "inspection.manage")
    form = DeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        plan_pk = inspection.plan_id
        actions.delete_inspection(inspection, by=request.user)
        messages.success(request, _("Đã xóa cuộc kiểm tra."))
        return redirect("inspections:plan", pk=plan_pk)
    findings = inspection.findings.count()
    fixes = Fix.objects.filter(finding__inspection=inspection).count()
    return render(request, "inspections/confirm_delete.html", {
        "inspection": inspection, "form": form, "findings": findings, "fixes": fixes,
    }, status=400 if request.method == "POST" else 200)


@require_POST
def finding_add(request, pk):
    inspection = get_inspection_for(request.user, pk, "inspection.manage")
    form = FindingForm(request.POST)
    if form.is_valid():
        try:
            actions.add_finding(inspection, by=request.user, text=form.cleaned_data["text"])
        except ValidationError as error:
            add_errors(form, error)
            if not hasattr(error, "error_dict"):
                # Said on the page even where the form is not shown (an inspection not held yet).
                for message in error.messages:
                    messages.error(request, message)
        else:
            messages.success(request, _("Đã ghi tồn tại, hạn chế."))
            return redirect(f"{inspection_url(inspection.pk)}#findings")
    messages.error(request, _("Chưa ghi được tồn tại: kiểm tra các ô được đánh dấu."))
    return inspection_detail(request, pk, finding_form=form)


def inspection_url(pk) -> str:
    from django.urls import reverse

    return reverse("inspections:inspection", args=[pk])


@require_POST
def fix_add(request, pk):
    finding: Finding = get_finding_for(request.user, pk)
    form = FixForm(request.POST)
    if form.is_valid():
        try:
            fix = actions.add_fix(finding, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Đã ghi yêu cầu khắc phục, hạn %(d)s.") % {"d": f"{fix.due_date:%d/%m/%Y}"})
            return redirect(f"{inspection_url(finding.inspection_id)}#finding-{finding.pk}")
    messages.error(request, _("Chưa ghi được yêu cầu khắc phục: kiểm tra các ô được đánh dấu."))
    return inspection_detail(request, finding.inspection_id, fix_forms={finding.pk: form})

