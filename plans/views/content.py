"""The office's pages for what a plan holds beyond its tasks: legal bases, the province's results it quotes, typed
target values and per-unit targets; and the cascade: asking units for their plans, a unit drafting its own."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.access import get_for
from accounts.permissions import can, require, visible_units
from core.http import attachment
from plans import cascade, content_actions
from plans.access import get_plan_for, get_target_for, visible_plans
from plans.content import LegalBasis, ProvinceResult, UnitPlanRequest
from plans.forms import ConfirmForm, LegalBasisForm, ProvinceResultForm, TargetAssignmentForm, TargetValueForm
from plans.versions import StaleEdit


def basis_add(request, pk):
    plan = get_plan_for(request.user, pk, need="manage")
    form = LegalBasisForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        is_parent = data.pop("is_parent")
        parent = None
        if is_parent and data.get("number"):
            number, _sep, symbol = data["number"].partition("/")
            parent = (visible_plans(request.user).filter(number=number.strip(), symbol=symbol.strip())
                      .exclude(pk=plan.pk).order_by("-year").first())
        content_actions.add_legal_basis(by=request.user, plan=plan, parent_plan=parent, **data)
        note = ""
        if is_parent:
            note = " " + (_("Đã liên kết với kế hoạch cấp trên trong hệ thống.") if parent else
                          _("Chưa tìm thấy kế hoạch này trong hệ thống; căn cứ vẫn được ghi."))
        messages.success(request, _("Đã thêm căn cứ.") + note)
        return redirect("plans:plan", pk=plan.pk)
    return render(request, "plans/simple_form.html", {"form": form, "plan": plan, "title": _("Thêm căn cứ")},
                  status=400 if form.errors else 200)


def basis_delete(request, pk):
    basis = get_for(request.user, LegalBasis.objects.select_related("plan__issuing_unit"), pk, "plan.manage",
                    unit_of=lambda b: b.plan.issuing_unit)
    plan = basis.plan
    form = ConfirmForm(request.POST or None, initial={"version": plan.version})
    if request.method == "POST" and form.is_valid():
        content_actions.delete_legal_basis(by=request.user, basis=basis)
        messages.success(request, _("Đã xóa căn cứ."))
        return redirect("plans:plan", pk=plan.pk)
    return render(request, "plans/confirm.html", {
        "plan": plan, "form": form, "blocked": "", "kind": "delete", "title": _("Xóa căn cứ"),
        "subject": basis.sentence, "button": _("Xóa căn cứ"),
        "will": [_("Căn cứ này không còn trong kế hoạch và văn bản xuất ra.")],
        "fixed": [_("Không khôi phục được; lịch sử thay đổi vẫn giữ bản ghi đã xóa.")], "cancel": plan,
    }, status=400 if form.errors else 200)


def _departments(user):
    return visible_units(user, "plan.manage").filter(kind="department").order_by("path")


def province_results(request):
    """The province's indices a department's plans quote (PAR INDEX, SIPAS…), per year, with their decision."""
    require(request.user, "plan.view")
    departments = list(_departments(request.user))
    department = departments[0] if departments else (request.user.unit.department() if request.user.unit else None)
    if department is None:
        raise Http404
    may_manage = can(request.user, "plan.manage", department)
    form = ProvinceResultForm(request.POST or None, initial={"year": timezone.localdate().year - 1,
                                                            "score_unit": "điểm"})
    if request.method == "POST":
        require(request.user, "plan.manage", department)
        if form.is_valid():
            data = dict(form.cleaned_data)
            content_actions.save_province_result(by=request.user, department=department, **data)
            messages.success(request, _("Đã ghi kết quả chỉ số của tỉnh."))
            return redirect("plans:province_results")
    rows = ProvinceResult.objects.filter(department=department)
    return render(request, "plans/province_results.html", {
        "department": department, "rows": rows, "form": form if may_manage else None,
        "province": department.parent,
    }, status=400 if form.errors else 200)


def province_result_delete(request, pk):
    result = get_for(request.user, ProvinceResult.objects.select_related("department"), pk, "plan.manage",
                     unit_of=lambda r: r.department)
    if request.method == "POST":
        content_actions.delete_province_result(by=request.user, result=result)
        messages.success(request, _("Đã xóa kết quả chỉ số của tỉnh."))
    return redirect("plans:province_results")


def target_value(request, pk):
    """The value a target reached, typed with its evidence, when cchc has no data for it."""
    target = get_target_for(request.user, pk)
    form = TargetValueForm(request.POST or None, request.FILES or None, initial={
        "version": target.version, "manual_value": target.manual_value, "manual_note": target.manual_note})
    context = {"form": form, "plan": target.plan, "title": _("Cập nhật giá trị chỉ tiêu: %(t)s") % {"t": target},
               "multipart": True}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            content_actions.record_target_value(by=request.user, target=target, value=data["manual_value"],
                                                note=data["manual_note"], upload=data.get("manual_file"),
                                                version=data["version"])
        except StaleEdit:
            messages.error(request, _("Chỉ tiêu vừa được người khác sửa: hãy xem lại rồi nhập lại."))
            return redirect("plans:target_value", pk=target.pk)
        messages.success(request, _("Đã cập nhật giá trị chỉ tiêu."))
        return redirect("plans:plan", pk=target.plan_id)
    return render(request, "plans/simple_form.html", context, status=400 if form.errors else 200)


def target_file(request, pk):
    from plans.models import Target

    target = get_for(request.user, Target.objects.select_related("plan__issuing_unit"), pk, "plan.view",
                     unit_of=lambda t: t.plan.issuing_unit)
    if not target.manual_file:
        raise Http404
    try:
        handle = target.manual_file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    return attachment(handle, target.manual_file.name.rsplit("/", 1)[-1])


def target_assign(request, pk):
    target = get_target_for(request.user, pk)
    form = TargetAssignmentForm(request.POST or None, plan=target.plan)
    if request.method == "POST" and form.is_valid():
        content_actions.assign_target(by=request.user, target=target, **form.cleaned_data)
        messages.success(request, _("Đã giao chỉ tiêu cho %(unit)s.") % {"unit": form.cleaned_data["unit"].name})
        return redirect("plans:plan", pk=target.plan_id)
    return render(request, "plans/simple_form.html", {
        "form": form, "plan": target.plan, "title": _("Giao chỉ tiêu cho đơn vị: %(t)s") % {"t": target}},
        status=400 if form.errors else 200)


def request_units(request, pk):
    """Asks the units taking part for their own plans by the plan's deadline."""
    plan = get_plan_for(request.user, pk, need="manage")
    if request.method == "POST":
        try:
            made = cascade.request_unit_plans(by=request.user, plan=plan)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã yêu cầu %(n)s phòng, đơn vị gửi kế hoạch.") % {"n": len(made)})
    return redirect("plans:plan", pk=plan.pk)


def unit_plan(request, pk):
    """A unit drafts its own plan carrying out this one (or opens the one it has)."""
    try:
        ask = UnitPlanRequest.objects.select_related("plan__issuing_unit", "unit").get(pk=pk)
    except (UnitPlanRequest.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404 from None
    if not can(request.user, "plan.manage", ask.unit):
        if can(request.user, "plan.view", ask.plan.issuing_unit):
            raise PermissionDenied("plan.manage")
        raise Http404
    if request.method != "POST":
        existing = cascade.unit_plan_of(ask)
        return redirect("plans:plan", pk=existing.pk if existing else ask.plan_id)
    plan = cascade.draft_unit_plan(by=request.user, request=ask)
    messages.success(request, _("Đã lập dự thảo kế hoạch của đơn vị với các nhiệm vụ được giao; hãy bổ sung rồi ban "
                                "hành trước ngày %(d)s.") % {"d": f"{ask.due_date:%d/%m/%Y}"})
    return redirect("plans:plan", pk=plan.pk)
