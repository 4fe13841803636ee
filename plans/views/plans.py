"""Plan list, the plan shown like its appendix, and the office's create, edit, issue and delete pages."""


from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import can, require, visible_units
from plans import actions
from plans.access import get_plan_for, visible_plans
from plans.content_pages import plan_content
from plans.forms import ConfirmForm, IssueForm, PlanForm, ReportPeriodForm, SectionForm, TargetForm, TaskForm
from plans.measure import target_rows
from plans.models import Plan, Task
from plans.versions import StaleEdit
from plans.views.conflicts import conflict, rebound
from plans.views.task_table import task_table


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
        "draftable": _draftable(request.user),
    })


def _draftable(user) -> list:
    """Appraised or published assessments of units whose plans the user manages: where an improvement plan starts."""
    from assessments.models import Assessment
    from plans.improvement import DRAFTABLE

    if not can(user, "plan.manage"):
        return []
    return list(Assessment.objects.filter(phase__in=DRAFTABLE, unit__in=visible_units(user, "plan.manage"))
                .select_related("unit", "framework").order_by("-framework__year", "unit__path")[:8])


def plan_detail(request, pk):
    """The plan as its appendix reads: sections with numbered rows and the unit columns."""
    plan = get_plan_for(request.user, pk)
    today = timezone.localdate()
    table = task_table(plan, today)
    may_manage = can(request.user, "plan.manage", plan.issuing_unit)
    context = {
        "plan": plan, "task_table": table, "targets": target_rows(plan, today), "today": today,
        **plan_content(request.user, plan, today), "stats": table.stats,
        "may_manage": may_manage,
    }
    if may_manage:
        context.update(section_form=SectionForm(), task_form=TaskForm(plan=plan, versioned=False),
                       target_form=TargetForm(), period_form=ReportPeriodForm())
    return render(request, "plans/plan_detail.html", context)


def plan_new(request):
    """A new plan is a draft; it is issued later, through its confirmation page."""
    require(request.user, "plan.manage")
    units = visible_units(request.user, "plan.manage").active().order_by("path")
    form = PlanForm(request.POST or None, units=units,
                    initial={"year": timezone.localdate().year, "issuing_unit": request.user.unit_id})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        require(request.user, "plan.manage", data["issuing_unit"])
        plan = actions.create_plan(by=request.user, status=Plan.Status.DRAFT, **data)
        messages.success(request, _("Đã tạo kế hoạch dự thảo. Thêm các mục và nhiệm vụ, rồi ban hành."))
        return redirect("plans:plan", pk=plan.pk)
    return render(request, "plans/plan_form.html", {"form": form, "plan": None})


def _plan_values(plan: Plan, form) -> dict:
    return {name: getattr(plan, name) for name in form.fields if name != "version"}


def plan_edit(request, pk):
    plan = get_plan_for(request.user, pk, need="manage")
    units = visible_units(request.user, "plan.manage").active().order_by("path")
    form = PlanForm(request.POST or None, instance=Plan.objects.get(pk=plan.pk), units=units)
    context = {"form": form, "plan": plan}
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        require(request.user, "plan.manage", data["issuing_unit"])
        try:
            actions.update_plan(by=request.user, plan=plan, version=version, **data)
        except StaleEdit as stale:
            if stale.current is None:
                return redirect("plans:index")
            fresh = Plan.objects.get(pk=plan.pk)
            form = rebound(PlanForm, request, fresh.version, instance=Plan.objects.get(pk=plan.pk), units=units)
            current = _plan_values(fresh, form)
            form.is_valid()
            context.update(form=form, conflict=conflict(form, fresh, current))
            return render(request, "plans/plan_form.html", context, status=409)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Đã lưu kế hoạch."))
            return redirect("plans:plan", pk=plan.pk)
    return render(request, "plans/plan_form.html", context, status=400 if form.errors else 200)


def _counts(plan: Plan) -> dict:
    return {"sections": plan.sections.count(), "tasks": plan.tasks.filter(is_heading=False).count(),
            "targets": plan.targets.count(), "periods": plan.report_periods.count(),
            "leads": Task.lead_units.through.objects.filter(task__plan=plan).values("unit_id").distinct().count()}


def plan_issue(request, pk):
    """Issuing a draft (ban hành), after a page that says what it sets going and what it fixes."""
    plan = get_plan_for(request.user, pk, need="manage")
    form = IssueForm(request.POST or None, initial={"version": plan.version,
                                                    "issue_date": plan.issue_date or timezone.localdate()})
    blocked = "" if plan.status == Plan.Status.DRAFT else _("Kế hoạch này đã được ban hành.")
    if request.method == "POST" and not blocked and form.is_valid():
        try:
            actions.issue_plan(by=request.user, plan=plan, version=form.cleaned_data["version"],
                               issue_date=form.cleaned_data["issue_date"])
        except StaleEdit:
            messages.error(request, _("Kế hoạch vừa được người khác sửa: hãy xem lại trước khi ban hành."))
            return redirect("plans:plan_issue", pk=plan.pk)
        except ValidationError as error:
            blocked = " ".join(error.messages)
        else:
            messages.success(request, _("Đã ban hành kế hoạch; các đơn vị đã thấy nhiệm vụ được giao."))
            return redirect("plans:plan", pk=plan.pk)
    counts = _counts(plan)
    return render(request, "plans/confirm.html", {
        "plan": plan, "form": form, "blocked": blocked, "kind": "issue",
        "title": _("Ban hành kế hoạch"), "subject": str(plan), "button": _("Ban hành kế hoạch"),
        "will": [
            _("%(tasks)s nhiệm vụ được giao cho %(leads)s đơn vị chủ trì; các đơn vị thấy nhiệm vụ, cập nhật tiến độ và "
              "nhận nhắc việc khi sắp đến hạn, quá hạn.") % counts,
            _("Nhiệm vụ của kế hoạch được tính vào tỷ lệ hoàn thành đúng hạn."),
            _("%(periods)s kỳ báo cáo định kỳ bắt đầu được theo dõi.") % counts,
            *([_("Các phòng, đơn vị tham gia được yêu cầu gửi kế hoạch của đơn vị trong %(n)s ngày kể từ ngày ban "
                 "hành, và được nhắc khi sắp đến hạn, quá hạn.") % {"n": plan.unit_plan_days}]
              if plan.unit_plan_days else []),
        ],
        "fixed": [
            _("Cơ quan ban hành, số, ký hiệu, ngày ban hành và năm kế hoạch không sửa được nữa."),
            _("Kế hoạch không trở lại dự thảo và không xóa được; khi có kế hoạch mới thay thế, chuyển sang "
              "“Đã được thay thế”."),
            _("Nội dung nhiệm vụ vẫn sửa được; mỗi lần sửa được ghi vào lịch sử thay đổi."),
        ],
        "cancel": plan,
    }, status=400 if form.errors or (blocked and request.method == "POST") else 200)


def plan_delete(request, pk):
    """Deleting a draft, after a page that lists what goes with it."""
    plan = get_plan_for(request.user, pk, need="manage")
    form = ConfirmForm(request.POST or None, initial={"version": plan.version})
    history = actions.plan_history(plan)
    blocked = ""
    if plan.status != Plan.Status.DRAFT:
        blocked = _("Kế hoạch đã ban hành không xóa được; có thể chuyển sang “Đã được thay thế” trong trang sửa.")
    elif any(history.values()):
        blocked = _("Các đơn vị đã cập nhật tiến độ, đề nghị gia hạn hoặc gửi báo cáo trên kế hoạch này: không xóa được.")
    if request.method == "POST" and not blocked and form.is_valid():
        try:
            actions.delete_plan(by=request.user, plan=plan, version=form.cleaned_data["version"])
        except StaleEdit:
            messages.error(request, _("Kế hoạch vừa được người khác sửa: hãy xem lại trước khi xóa."))
            return redirect("plans:plan_delete", pk=plan.pk)
        except ValidationError as error:
            blocked = " ".join(error.messages)
        else:
            messages.success(request, _("Đã xóa kế hoạch dự thảo."))
            return redirect("plans:index")
    counts = _counts(plan)
    return render(request, "plans/confirm.html", {
        "plan": plan, "form": form, "blocked": blocked, "kind": "delete",
        "title": _("Xóa kế hoạch"), "subject": str(plan), "button": _("Xóa kế hoạch"),
        "will": [_("Xóa kế hoạch cùng %(sections)s mục, %(tasks)s nhiệm vụ, %(targets)s chỉ tiêu và %(periods)s kỳ "
                   "báo cáo.") % counts],
        "fixed": [_("Không khôi phục được; lịch sử thay đổi vẫn giữ bản ghi đã xóa.")],
        "cancel": plan,
    }, status=400 if form.errors or (blocked and request.method == "POST") else 200)
