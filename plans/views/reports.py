"""The plan's reporting calendar: each responsible unit's report per period, and who is late."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import can
from core.http import attachment
from org.models import Unit
from plans import actions
from plans.access import get_plan_for
from plans.forms import PeriodReportForm, ReportPeriodForm
from plans.models import PeriodReport, ReportPeriod, Task


def responsible_units(plan) -> list[Unit]:
    """Units that lead at least one task of the plan: they owe the periodic report."""
    ids = Task.lead_units.through.objects.filter(task__plan=plan, task__is_heading=False).values("unit_id")
    return list(Unit.objects.filter(pk__in=ids).order_by("path"))


def reports(request, pk, form=None):
    plan = get_plan_for(request.user, pk)
    today = timezone.localdate()
    periods = list(plan.report_periods.all())
    units = responsible_units(plan)
    submitted = {(r.period_id, r.unit_id): r for r in PeriodReport.objects.filter(period__plan=plan)
                 .select_related("submitted_by")}
    rows = []
    for unit in units:
        cells = []
        for period in periods:
            report = submitted.get((period.pk, unit.pk))
            if report:
                state = "on_time" if report.submitted_on <= period.due_date else "late"
            else:
                state = "missing_late" if period.due_date < today else "waiting"
            cells.append({"period": period, "report": report, "state": state})
        rows.append({"unit": unit, "cells": cells, "late": sum(c["state"] == "missing_late" for c in cells)})
    my_units = [u for u in units if can(request.user, "task.report", u)]
    context = {"plan": plan, "periods": periods, "rows": rows, "today": today,
               "may_manage": can(request.user, "plan.manage", plan.issuing_unit), "my_units": my_units}
    if my_units and periods:
        context["report_form"] = form or PeriodReportForm(units=my_units)
    if context["may_manage"]:
        context["period_form"] = ReportPeriodForm()
    return render(request, "plans/reports.html", context, status=400 if form else 200)


@require_POST
def submit_report(request, pk, period_pk):
    plan = get_plan_for(request.user, pk)
    try:
        period = plan.report_periods.get(pk=period_pk)
    except (ReportPeriod.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    units = [u for u in responsible_units(plan) if can(request.user, "task.report", u)]
    if not units:
        raise PermissionDenied("task.report")
    form = PeriodReportForm(request.POST, request.FILES, units=units)
    if not form.is_valid():
        messages.error(request, _("Chưa gửi được báo cáo: kiểm tra các ô được đánh dấu."))
        return reports(request, pk, form=form)
    data = form.cleaned_data
    actions.submit_period_report(by=request.user, period=period, unit=data["unit"], text=data["text"],
                                 upload=data.get("file"))
    messages.success(request, _("Đã gửi báo cáo %(period)s của %(unit)s.") % {"period": period.label,
                                                                           "unit": data["unit"].name})
    return redirect("plans:reports", pk=plan.pk)


def report_file(request, pk, report_pk):
    plan = get_plan_for(request.user, pk)
    try:
        report = PeriodReport.objects.get(pk=report_pk, period__plan=plan)
        handle = report.file.open("rb")
    except (PeriodReport.DoesNotExist, ValueError, TypeError, FileNotFoundError, OSError):
        raise Http404 from None
    return attachment(handle, report.file.name.rsplit("/", 1)[-1])
