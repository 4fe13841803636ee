"""The inspection plans of a year, a plan with its progress toward the target and its inspections, and the
office's create and edit pages."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import F
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import can, require, visible_units
from core.versions import StaleEdit, conflict_of
from inspections import actions
from inspections.access import get_plan_for, visible_inspections, visible_plans
from inspections.forms import InspectionForm, PlanForm
from inspections.models import Fix, InspectionPlan
from inspections.queries import progress, with_counts
from inspections.views.common import add_errors, after_stale, year_of

# Inspections held, by date, then those still to come by their planned date.
HELD_FIRST = [F("actual_date").asc(nulls_last=True), F("planned_date").asc(nulls_last=True), "pk"]
PLAN_SHOWN = ["year", "issuing_unit", "title", "decision", "decision_date", "target_percent", "note"]


def index(request):
    """The year's plans with their progress toward the target, and the inspections the person may see."""
    require(request.user, "inspection.view")
    today = timezone.localdate()
    year = year_of(request, today)
    plans = list(visible_plans(request.user).filter(year=year).select_related("issuing_unit").order_by("-pk"))
    inspections = list(with_counts(visible_inspections(request.user).filter(plan__year=year))
                       .select_related("unit", "plan").order_by("plan_id", *HELD_FIRST))
    open_fixes = (Fix.objects.filter(finding__inspection__in=[i.pk for i in inspections], status=Fix.Status.OPEN)
                  .values_list("due_date", flat=True))
    return render(request, "inspections/index.html", {
        "year": year, "years": list(range(today.year + 1, 2018, -1)), "plans": plans,
        "progress": progress(plans), "inspections": inspections, "today": today,
        "open_fixes": len(open_fixes), "overdue_fixes": sum(1 for due in open_fixes if due < today),
        "may_create": can(request.user, "inspection.manage"),
    })


def _units(user):
    return visible_units(user, "inspection.manage").active().order_by("path")


def plan_new(request):
    require(request.user, "inspection.manage")
    form = PlanForm(request.POST or None, units=_units(request.user),
                    initial={"year": timezone.localdate().year, "target_percent": 50,
                             "issuing_unit": request.user.unit.department().pk if request.user.unit_id else None})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        require(request.user, "inspection.manage", data["issuing_unit"])
        plan = actions.create_plan(by=request.user, **data)
        messages.success(request, _("Đã tạo kế hoạch kiểm tra. Thêm các đơn vị được kiểm tra."))
        return redirect("inspections:plan", pk=plan.pk)
    return render(request, "inspections/plan_form.html", {"form": form, "plan": None})


def plan_edit(request, pk):
    plan = get_plan_for(request.user, pk, "inspection.manage")
    form = PlanForm(request.POST or None, instance=InspectionPlan.objects.get(pk=plan.pk), units=_units(request.user))
    stale = None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        require(request.user, "inspection.manage", data["issuing_unit"])
        try:
            actions.update_plan(plan, by=request.user, version=version, **data)
        except StaleEdit as error:
            if error.current is None:
                return redirect("inspections:index")
            stale = conflict_of(error.current, PLAN_SHOWN)
            form = after_stale(PlanForm, request, error, instance=error.current, units=_units(request.user))
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Đã lưu kế hoạch kiểm tra."))
            return redirect("inspections:plan", pk=plan.pk)
    return render(request, "inspections/plan_form.html", {"form": form, "plan": plan, "stale": stale})


def plan_detail(request, pk, form=None):
    """The plan: its progress toward the target (units inspected / units), units still to inspect, inspections."""
    plan = get_plan_for(request.user, pk)
    today = timezone.localdate()
    inspections = list(with_counts(plan.inspections.all()).select_related("unit").order_by(*HELD_FIRST))
    may_manage = can(request.user, "inspection.manage", plan.issuing_unit)
    context = {"plan": plan, "progress": progress([plan])[plan.pk], "inspections": inspections, "today": today,
               "may_manage": may_manage}
    if may_manage:
        context["inspection_form"] = form or InspectionForm(plan=plan, initial={"kind": "planned"})
    return render(request, "inspections/plan_detail.html", context, status=400 if form else 200)


@require_POST
def inspection_add(request, pk):
    plan = get_plan_for(request.user, pk, "inspection.manage")
    form = InspectionForm(request.POST, plan=plan)
    if form.is_valid():
        try:
            inspection = actions.add_inspection(plan, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Đã thêm cuộc kiểm tra %(unit)s.") % {"unit": inspection.unit.name})
            return redirect("inspections:inspection", pk=inspection.pk)
    messages.error(request, _("Chưa thêm được cuộc kiểm tra: kiểm tra các ô được đánh dấu."))
    return plan_detail(request, pk, form=form)
