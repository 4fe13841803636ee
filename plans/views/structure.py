"""The office shapes a plan: sections, tasks, targets and report periods — add, edit (with the version read) and
delete (after a page that says what goes with it)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from plans import actions
from plans.access import get_plan_for, get_section_for, get_target_for, get_task_for
from plans.forms import (
    ConfirmForm,
    ReportPeriodForm,
    SectionEditForm,
    SectionForm,
    TargetEditForm,
    TargetForm,
    TaskForm,
)
from plans.models import Plan, Section, Target, Task
from plans.numbering import normalize_code
from plans.versions import StaleEdit
from plans.views.conflicts import conflict, rebound


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


def _section_values(section: Section) -> dict:
    return {name: getattr(section, name) for name in actions.SECTION_FIELDS}


def section_edit(request, pk):
    section = get_section_for(request.user, pk)
    form = SectionEditForm(request.POST or None, initial={**_section_values(section), "version": section.version})
    context = {"form": form, "plan": section.plan, "title": _("Sửa mục"), "back": section.plan}
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            actions.update_section(by=request.user, section=section, **data)
        except StaleEdit as stale:
            if stale.current is None:
                return redirect("plans:plan", pk=section.plan_id)
            form = rebound(SectionEditForm, request, stale.current.version)
            form.is_valid()
            context.update(form=form, conflict=conflict(form, stale.current, _section_values(stale.current)))
            return render(request, "plans/simple_form.html", context, status=409)
        messages.success(request, _("Đã lưu mục."))
        return redirect("plans:plan", pk=section.plan_id)
    return render(request, "plans/simple_form.html", context, status=400 if form.errors else 200)


def section_delete(request, pk):
    section = get_section_for(request.user, pk)
    form = ConfirmForm(request.POST or None, initial={"version": section.version})
    tasks = list(section.tasks.order_by("order", "pk"))
    history = actions.task_history(section.tasks.all())
    blocked = ""
    if any(history.values()):
        blocked = _("Đã có cập nhật tiến độ hoặc đề nghị gia hạn trên nhiệm vụ của mục này: không xóa được. Có thể "
                    "chuyển các nhiệm vụ sang “Không thực hiện”.")
    if request.method == "POST" and not blocked and form.is_valid():
        try:
            actions.delete_section(by=request.user, section=section, version=form.cleaned_data["version"])
        except StaleEdit:
            messages.error(request, _("Mục vừa được người khác sửa: hãy xem lại trước khi xóa."))
            return redirect("plans:section_delete", pk=section.pk)
        except ValidationError as error:
            blocked = " ".join(error.messages)
        else:
            messages.success(request, _("Đã xóa mục %(s)s.") % {"s": section})
            return redirect("plans:plan", pk=section.plan_id)
    return render(request, "plans/confirm.html", {
        "plan": section.plan, "form": form, "blocked": blocked, "kind": "delete", "title": _("Xóa mục"),
        "subject": str(section), "button": _("Xóa mục"), "items": tasks,
        "will": [_("Xóa mục cùng %(n)s dòng nhiệm vụ của mục (liệt kê dưới đây); các đơn vị không còn thấy các nhiệm "
                   "vụ này, nhắc việc đã lập cũng bị xóa.") % {"n": len(tasks)}],
        "fixed": _irreversible(section.plan),
        "cancel": section.plan,
    }, status=400 if form.errors or (blocked and request.method == "POST") else 200)


def _irreversible(plan: Plan) -> list[str]:
    lines = [_("Không khôi phục được; lịch sử thay đổi vẫn giữ bản ghi đã xóa.")]
    if plan.status != Plan.Status.DRAFT:
        lines.append(_("Kế hoạch đã ban hành: các đơn vị đã được giao sẽ không còn thấy nhiệm vụ."))
    return lines


def _task_data(data) -> dict:
    return {"section": data["section"], "code": normalize_code(data["code"]), "content": data["content"],
            "product": data["product"], "deadline_text": data["deadline_text"], "lead_units": list(data["lead_units"]),
            "coordinating_units": list(data["coordinating_units"]),
            "monitoring_units": list(data["monitoring_units"]), "is_heading": data["is_heading"]}


def task_add(request, pk):
    plan = get_plan_for(request.user, pk, need="manage")
    form = TaskForm(request.POST or None, plan=plan, versioned=False)
    if request.method == "POST" and form.is_valid():
        task = actions.add_task(by=request.user, plan=plan, **_task_data(form.cleaned_data))
        note = "" if not task.deadline_flagged else " " + _("Thời hạn chưa hiểu được, đã giữ nguyên văn để xác định sau.")
        messages.success(request, _("Đã thêm nhiệm vụ %(code)s.") % {"code": task.code} + note)
        return redirect("plans:plan", pk=plan.pk)
    return render(request, "plans/task_form.html", {"form": form, "plan": plan})


def task_values(task: Task) -> dict:
    """The edit form's fields as the task now holds them."""
    return {"section": task.section_id, "code": task.code, "content": task.content, "product": task.product,
            "deadline_text": task.deadline_text, "is_heading": task.is_heading,
            "lead_units": [u.pk for u in task.lead_units.all()],
            "coordinating_units": [u.pk for u in task.coordinating_units.all()],
            "monitoring_units": [u.pk for u in task.monitoring_units.all()]}


def task_edit(request, pk):
    """The office corrects a row: content, units, deadline as written (read again on save)."""
    task = get_task_for(request.user, pk)
    plan = get_plan_for(request.user, task.plan_id, need="manage")
    form = TaskForm(request.POST or None, plan=plan, initial={**task_values(task), "version": task.version})
    context = {"form": form, "plan": plan, "task": task}
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_task(by=request.user, task=task, version=form.cleaned_data["version"],
                                **_task_data(form.cleaned_data))
        except StaleEdit as stale:
            if stale.current is None:
                return redirect("plans:plan", pk=plan.pk)
            form = rebound(TaskForm, request, stale.current.version, plan=plan)
            form.is_valid()
            context.update(form=form, conflict=conflict(form, stale.current, task_values(stale.current)))
            return render(request, "plans/task_form.html", context, status=409)
        messages.success(request, _("Đã lưu nhiệm vụ."))
        return redirect("plans:task", pk=task.pk)
    return render(request, "plans/task_form.html", context, status=400 if form.errors else 200)


def task_delete(request, pk):
    task = get_task_for(request.user, pk)
    plan = get_plan_for(request.user, task.plan_id, need="manage")
    form = ConfirmForm(request.POST or None, initial={"version": task.version})
    below = actions.descendants(task)
    history = actions.task_history(Task.objects.filter(pk__in=[task.pk, *[t.pk for t in below]]))
    blocked = ""
    if any(history.values()):
        blocked = _("Đã có cập nhật tiến độ hoặc đề nghị gia hạn trên nhiệm vụ này: không xóa được. Có thể chuyển "
                    "nhiệm vụ sang “Không thực hiện”.")
    if request.method == "POST" and not blocked and form.is_valid():
        try:
            actions.delete_task(by=request.user, task=task, version=form.cleaned_data["version"])
        except StaleEdit:
            messages.error(request, _("Nhiệm vụ vừa được người khác sửa: hãy xem lại trước khi xóa."))
            return redirect("plans:task", pk=task.pk)
        except ValidationError as error:
            blocked = " ".join(error.messages)
        else:
            messages.success(request, _("Đã xóa nhiệm vụ %(code)s.") % {"code": task.code})
            return redirect("plans:plan", pk=plan.pk)
    will = [_("Xóa dòng nhiệm vụ này khỏi kế hoạch; đơn vị chủ trì, phối hợp không còn thấy nhiệm vụ, nhắc việc đã "
              "lập cũng bị xóa.")]
    if below:
        will.append(_("Xóa cùng %(n)s nhiệm vụ con (liệt kê dưới đây).") % {"n": len(below)})
    return render(request, "plans/confirm.html", {
        "plan": plan, "form": form, "blocked": blocked, "kind": "delete", "title": _("Xóa nhiệm vụ"),
        "subject": str(task), "button": _("Xóa nhiệm vụ"), "items": below, "will": will,
        "fixed": _irreversible(plan), "cancel": task,
    }, status=400 if form.errors or (blocked and request.method == "POST") else 200)


def target_add(request, pk):
    plan = get_plan_for(request.user, pk, need="manage")
    form = TargetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.add_target(by=request.user, plan=plan, **form.cleaned_data)
        messages.success(request, _("Đã thêm chỉ tiêu."))
        return redirect("plans:plan", pk=plan.pk)
    return render(request, "plans/simple_form.html", {"form": form, "plan": plan, "title": _("Thêm chỉ tiêu")})


def _target_values(target: Target) -> dict:
    return {name: getattr(target, name) for name in actions.TARGET_FIELDS}


def target_edit(request, pk):
    target = get_target_for(request.user, pk)
    form = TargetEditForm(request.POST or None, instance=Target.objects.get(pk=target.pk),
                          initial={"version": target.version})
    context = {"form": form, "plan": target.plan, "title": _("Sửa chỉ tiêu")}
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in actions.TARGET_FIELDS}
        try:
            actions.update_target(by=request.user, target=target, version=form.cleaned_data["version"], **data)
        except StaleEdit as stale:
            if stale.current is None:
                return redirect("plans:plan", pk=target.plan_id)
            current = _target_values(stale.current)
            form = rebound(TargetEditForm, request, stale.current.version, instance=stale.current)
            form.is_valid()  # (binding copies the person's input onto the instance: values read before)
            context.update(form=form, conflict=conflict(form, stale.current, current))
            return render(request, "plans/simple_form.html", context, status=409)
        messages.success(request, _("Đã lưu chỉ tiêu."))
        return redirect("plans:plan", pk=target.plan_id)
    return render(request, "plans/simple_form.html", context, status=400 if form.errors else 200)


def period_add(request, pk):
    plan = get_plan_for(request.user, pk, need="manage")
    form = ReportPeriodForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.add_report_period(by=request.user, plan=plan, **form.cleaned_data)
        messages.success(request, _("Đã thêm kỳ báo cáo."))
        return redirect("plans:reports", pk=plan.pk)
    return render(request, "plans/simple_form.html", {"form": form, "plan": plan, "title": _("Thêm kỳ báo cáo")})
