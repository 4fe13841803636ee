"""Plan list, the plan shown like its appendix, and the office's create/edit forms."""

from collections import OrderedDict

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import can, require, visible_units
from frameworks.metrics import compute_metric
from plans import actions
from plans.access import get_plan_for, get_task_for, visible_plans
from plans.forms import PlanForm, ReportPeriodForm, SectionForm, TargetForm, TaskForm
from plans.models import Plan, Task
from plans.numbering import normalize_code
from plans.queries import for_listing, with_due


def index(request):
    """Plans the user may see, newest year first."""
    require(request.user, "plan.view")
    plans = (visible_plans(request.user).select_related("issuing_unit")
             .annotate(task_count=Count("tasks", filter=Q(tasks__is_heading=False), distinct=True),
                       done_count=Count("tasks", filter=Q(tasks__status=Task.Status.DONE), distinct=True))
             .order_by("-year", "-pk"))
    year = request.GET.get("year", "")
    if year.isascii() and year.isdigit():
        # A year is four digits; a longer string of digits would overflow int() and match nothing anyway.
        plans = plans.filter(year=int(year)) if len(year) <= 4 else plans.none()
    return render(request, "plans/index.html", {
        "plans": plans, "year": year, "may_create": can(request.user, "plan.manage"),
    })


def plan_detail(request, pk):
    """The plan as its appendix reads: sections with numbered rows and the unit columns."""
    plan = get_plan_for(request.user, pk)
    today = timezone.localdate()
    tasks = list(for_listing(with_due(plan.tasks.all())).order_by("order", "pk"))
    sections = list(plan.sections.all())
    by_section: dict = OrderedDict((s.pk, []) for s in sections)
    loose = []
    for task in tasks:
        task.overdue = task.is_overdue(today)
        (by_section[task.section_id] if task.section_id in by_section else loose).append(task)
    appendices: dict = OrderedDict()
    for section in sections:
        appendices.setdefault((section.appendix_number, section.appendix_title), []).append(
            (section, by_section[section.pk]))
    counted = [t for t in tasks if not t.is_heading]
    targets = []
    for target in plan.targets.all():
        measured = None
        if target.metric_key:
            start = plan.issue_date or today.replace(year=plan.year, month=1, day=1)
            end = min(today, start.replace(month=12, day=31))
            measured = compute_metric(target.metric_key, plan.issuing_unit, start, end)
        targets.append((target, measured, target.is_met(measured.value) if measured else None))
    may_manage = can(request.user, "plan.manage", plan.issuing_unit)
    context = {
        "plan": plan, "appendices": appendices, "loose": loose, "targets": targets, "today": today,
        "stats": {"total": len(counted), "done": sum(t.is_done for t in counted),
                  "overdue": sum(t.overdue for t in counted)},
        "may_manage": may_manage,
    }
    if may_manage:
        context.update(section_form=SectionForm(), task_form=TaskForm(plan=plan), target_form=TargetForm(),
                       period_form=ReportPeriodForm())
    return render(request, "plans/plan_detail.html", context)


def plan_new(request):
    require(request.user, "plan.manage")
    units = visible_units(request.user, "plan.manage").active().order_by("path")
    form = PlanForm(request.POST or None, units=units,
                    initial={"year": timezone.localdate().year, "issuing_unit": request.user.unit_id})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        require(request.user, "plan.manage", data["issuing_unit"])
        plan = actions.create_plan(by=request.user, **data)
        messages.success(request, _("Đã tạo kế hoạch. Thêm các mục và nhiệm vụ bên dưới."))
        return redirect("plans:plan", pk=plan.pk)
    return render(request, "plans/plan_form.html", {"form": form, "plan": None})


def plan_edit(request, pk):
    plan = get_plan_for(request.user, pk, need="manage")
    units = visible_units(request.user, "plan.manage").active().order_by("path")
    form = PlanForm(request.POST or None, instance=Plan.objects.get(pk=plan.pk), units=units)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        require(request.user, "plan.manage", data["issuing_unit"])
        actions.update_plan(by=request.user, plan=plan, **data)
        messages.success(request, _("Đã lưu kế hoạch."))
        return redirect("plans:plan", pk=plan.pk)
    return render(request, "plans/plan_form.html", {"form": form, "plan": plan})


def section_add(request, pk):
    plan = get_plan_for(request.user, pk, need="manage")
    if request.method != "POST":
        return redirect("plans:plan", pk=plan.pk)
    form = SectionForm(request.POST)
    if form.is_valid():
        actions.add_section(by=request.user, plan=plan, **form.cleaned_data)
        messages.success(request, _("Đã thêm mục."))
    else:
        messages.error(request, _("Chưa thêm được mục: hãy nhập tên mục."))
    return redirect("plans:plan", pk=plan.pk)


def task_add(request, pk):
    plan = get_plan_for(request.user, pk, need="manage")
    form = TaskForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        task = actions.add_task(by=request.user, plan=plan, section=data["section"], code=normalize_code(data["code"]),
                                content=data["content"], product=data["product"], deadline_text=data["deadline_text"],
                                lead_units=list(data["lead_units"]), coordinating_units=list(data["coordinating_units"]),
                                monitoring_units=list(data["monitoring_units"]), is_heading=data["is_heading"])
        note = "" if not task.deadline_flagged else " " + _("Thời hạn chưa hiểu được, đã giữ nguyên văn để xác định sau.")
        messages.success(request, _("Đã thêm nhiệm vụ %(code)s.") % {"code": task.code} + note)
        return redirect("plans:plan", pk=plan.pk)
    return render(request, "plans/task_form.html", {"form": form, "plan": plan})


def task_edit(request, pk):
    """The office corrects a row: content, units, deadline as written (read again on save)."""
    task = get_task_for(request.user, pk)
    plan = get_plan_for(request.user, task.plan_id, need="manage")
    initial = {"section": task.section_id, "code": task.code, "content": task.content, "product": task.product,
               "deadline_text": task.deadline_text, "is_heading": task.is_heading,
               "lead_units": [u.pk for u in task.lead_units.all()],
               "coordinating_units": [u.pk for u in task.coordinating_units.all()],
               "monitoring_units": [u.pk for u in task.monitoring_units.all()]}
    form = TaskForm(request.POST or None, plan=plan, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        actions.update_task(by=request.user, task=task, section=data["section"], code=normalize_code(data["code"]),
                            content=data["content"], product=data["product"], deadline_text=data["deadline_text"],
                            lead_units=list(data["lead_units"]), coordinating_units=list(data["coordinating_units"]),
                            monitoring_units=list(data["monitoring_units"]), is_heading=data["is_heading"])
        messages.success(request, _("Đã lưu nhiệm vụ."))
        return redirect("plans:task", pk=task.pk)
    return render(request, "plans/task_form.html", {"form": form, "plan": plan, "task": task})


def target_add(request, pk):
    plan = get_plan_for(request.user, pk, need="manage")
    form = TargetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.add_target(by=request.user, plan=plan, **form.cleaned_data)
        messages.success(request, _("Đã thêm chỉ tiêu."))
        return redirect("plans:plan", pk=plan.pk)
    return render(request, "plans/simple_form.html", {"form": form, "plan": plan, "title": "Thêm chỉ tiêu"})


def period_add(request, pk):
    plan = get_plan_for(request.user, pk, need="manage")
    form = ReportPeriodForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.add_report_period(by=request.user, plan=plan, **form.cleaned_data)
        messages.success(request, _("Đã thêm kỳ báo cáo."))
        return redirect("plans:reports", pk=plan.pk)
    return render(request, "plans/simple_form.html", {"form": form, "plan": plan, "title": "Thêm kỳ báo cáo"})
