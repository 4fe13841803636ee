"""One task: its page, progress updates with evidence, contributions, returns, extensions, event dates."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.http import attachment
from plans import actions, approvals
from plans.access import get_task_for, rights_on
from plans.forms import (
    ContributionForm,
    CriteriaForm,
    DecisionForm,
    EventDateForm,
    ExtensionForm,
    ProgressForm,
    ReassignForm,
    ReturnForm,
)
from plans.models import Evidence, Extension, Task, TaskUpdate
from plans.queries import for_listing
from plans.versions import StaleEdit
from plans.views.conflicts import conflict, rebound


def _extension_rows(user, task, rights) -> list[dict]:
    """Each request with who may decide it, and whether this person may (and if not, why)."""
    rows = []
    for extension in task.extensions.select_related("unit", "requested_by", "decided_by", "approver_unit"):
        extension.task = task
        row = {"x": extension}
        if extension.status == Extension.Status.PENDING:
            row["approvers"] = approvals.approvers_of(extension)
            refusal = approvals.why_not_decide(user, extension)
            row["may_decide"] = not refusal
            row["why_not"] = refusal if rights.may_approve or extension.requested_by_id == user.pk else ""
        rows.append(row)
    return rows


def _update_rows(user, task, rights) -> list[dict]:
    updates = task.updates.select_related("unit", "author", "returned_by").prefetch_related("evidence")
    return [{"u": u, "may_return": rights.may_monitor and not u.returned_at and not approvals.why_not_return(user, u)}
            for u in updates]


def task_detail(request, pk, forms=None, status=None, extra=None):
    task = get_task_for(request.user, pk)
    task = for_listing(Task.objects.filter(pk=task.pk)).get()
    rights = rights_on(request.user, task)
    forms = forms or {}
    context = {
        "task": task, "rights": rights, "today": timezone.localdate(),
        "updates": _update_rows(request.user, task, rights),
        "extensions": _extension_rows(request.user, task, rights),
        "children": task.children.all(),
        "criteria": task.criteria.select_related("framework"),
        **(extra or {}),
    }
    if rights.may_report:
        context["progress_form"] = forms.get("progress") or ProgressForm(
            units=rights.report_units, initial={"status": task.status, "percent": task.progress,
                                                "version": task.version})
        context["extension_form"] = forms.get("extension") or ExtensionForm(units=rights.report_units, task=task)
        context["latest_extension"] = approvals.latest_extension_date(task)
    if rights.may_contribute:
        context["contribution_form"] = forms.get("contribution") or ContributionForm(units=rights.contribute_units)
    if rights.may_monitor:
        context["return_form"] = ReturnForm()
    if any(row.get("may_decide") for row in context["extensions"]):
        context["decision_form"] = DecisionForm()
    if task.deadline_kind in ("relative", "on_instruction") and (rights.may_report or rights.may_manage):
        context["event_form"] = forms.get("event") or EventDateForm(initial={"event_date": task.event_date})
    if rights.may_manage:
        context["reassign_form"] = forms.get("reassign") or ReassignForm(
            plan=task.plan, initial={"lead_units": [u.pk for u in task.lead_units.all()]})
        context["criteria_form"] = CriteriaForm(plan=task.plan,
                                                initial={"criteria": [c.pk for c in task.criteria.all()]})
    return render(request, "plans/task_detail.html", context, status=status or (400 if forms else 200))


@require_POST
def post_progress(request, pk):
    task = get_task_for(request.user, pk)
    rights = rights_on(request.user, task)
    if not rights.may_report:
        raise PermissionDenied("task.report")
    form = ProgressForm(request.POST, request.FILES, units=rights.report_units)
    if not form.is_valid():
        messages.error(request, _("Chưa lưu được cập nhật: kiểm tra các ô được đánh dấu."))
        return task_detail(request, pk, forms={"progress": form})
    data = form.cleaned_data
    try:
        actions.post_update(by=request.user, task=task, unit=data["unit"], kind=TaskUpdate.Kind.PROGRESS,
                            note=data["note"], status=data["status"], percent=data["percent"], files=data["files"],
                            version=data["version"])
    except StaleEdit as stale:
        if stale.current is None:
            raise Http404 from None
        form = rebound(ProgressForm, request, stale.current.version, request.FILES, units=rights.report_units)
        form.is_valid()
        box = conflict(form, stale.current, {"status": stale.current.status, "percent": stale.current.progress})
        return task_detail(request, pk, forms={"progress": form}, status=409, extra={"conflict": box})
    messages.success(request, _("Đã cập nhật tiến độ."))
    return redirect("plans:task", pk=task.pk)


@require_POST
def post_contribution(request, pk):
    task = get_task_for(request.user, pk)
    rights = rights_on(request.user, task)
    if not rights.may_contribute:
        raise PermissionDenied("task.report")
    form = ContributionForm(request.POST, request.FILES, units=rights.contribute_units)
    if not form.is_valid():
        messages.error(request, _("Chưa lưu được ý kiến phối hợp: kiểm tra các ô được đánh dấu."))
        return task_detail(request, pk, forms={"contribution": form})
    data = form.cleaned_data
    actions.post_update(by=request.user, task=task, unit=data["unit"], kind=TaskUpdate.Kind.CONTRIBUTION,
                        note=data["note"], files=data["files"])
    messages.success(request, _("Đã gửi ý kiến, kết quả phối hợp."))
    return redirect("plans:task", pk=task.pk)


@require_POST
def return_update(request, pk, update_pk):
    task = get_task_for(request.user, pk)
    if not rights_on(request.user, task).may_monitor:
        raise PermissionDenied("task.monitor")
    update = _update_of(task, update_pk)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy ghi lý do trả lại."))
        return redirect("plans:task", pk=task.pk)
    try:
        actions.return_update(by=request.user, update=update, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        messages.warning(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã trả lại cập nhật cho đơn vị."))
    return redirect("plans:task", pk=task.pk)


def _update_of(task, update_pk) -> TaskUpdate:
    try:
        return task.updates.get(pk=update_pk)
    except (TaskUpdate.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


@require_POST
def request_extension(request, pk):
    task = get_task_for(request.user, pk)
    rights = rights_on(request.user, task)
    if not rights.may_report:
        raise PermissionDenied("task.report")
    form = ExtensionForm(request.POST, units=rights.report_units, task=task)
    if form.is_valid():
        try:
            extension = actions.request_extension(by=request.user, task=task, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            names = ", ".join(str(person) for person, _role in approvals.approvers_of(extension))
            messages.success(request, _("Đã gửi đề nghị gia hạn. Người có thẩm quyền duyệt: %(who)s.")
                             % {"who": names or extension.approver_unit.name})
            return redirect("plans:task", pk=task.pk)
    messages.error(request, _("Chưa gửi được đề nghị gia hạn: kiểm tra các ô được đánh dấu."))
    return task_detail(request, pk, forms={"extension": form})


@require_POST
def decide_extension(request, pk, extension_pk):
    task = get_task_for(request.user, pk)
    try:
        extension = task.extensions.select_related("approver_unit").get(pk=extension_pk)
    except (Extension.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    extension.task = task
    refusal = approvals.why_not_decide(request.user, extension)
    if refusal:
        raise PermissionDenied(refusal)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Chọn đồng ý hoặc không đồng ý."))
        return redirect("plans:task", pk=task.pk)
    try:
        actions.decide_extension(by=request.user, extension=extension, approve=form.cleaned_data["approve"],
                                 note=form.cleaned_data["note"])
    except ValidationError as error:
        messages.warning(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã ghi ý kiến về đề nghị gia hạn."))
    return redirect("plans:task", pk=task.pk)


@require_POST
def record_event(request, pk):
    task = get_task_for(request.user, pk)
    rights = rights_on(request.user, task)
    if not (rights.may_report or rights.may_manage):
        raise PermissionDenied("task.report")
    form = EventDateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Ngày không hợp lệ (dạng ngày/tháng/năm)."))
        return task_detail(request, pk, forms={"event": form})
    actions.record_event_date(by=request.user, task=task, event_date=form.cleaned_data["event_date"])
    messages.success(request, _("Đã ghi ngày phát sinh; hạn của nhiệm vụ đã được tính lại."))
    return redirect("plans:task", pk=task.pk)


@require_POST
def reassign(request, pk):
    task = get_task_for(request.user, pk)
    if not rights_on(request.user, task).may_manage:
        raise PermissionDenied("plan.manage")
    form = ReassignForm(request.POST, plan=task.plan)
    if not form.is_valid():
        messages.error(request, _("Chọn ít nhất một đơn vị chủ trì."))
        return task_detail(request, pk, forms={"reassign": form})
    actions.reassign_task(by=request.user, task=task, lead_units=list(form.cleaned_data["lead_units"]))
    messages.success(request, _("Đã giao lại nhiệm vụ; các nhắc việc cũ đã được hủy."))
    return redirect("plans:task", pk=task.pk)


def evidence_file(request, pk, evidence_pk):
    """Evidence is served only to those who may see the task."""
    task = get_task_for(request.user, pk)
    try:
        evidence = Evidence.objects.select_related("update").get(pk=evidence_pk, update__task=task)
    except (Evidence.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    try:
        handle = evidence.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    return attachment(handle, evidence.name)


@require_POST
def link_criteria(request, pk):
    task = get_task_for(request.user, pk)
    if not rights_on(request.user, task).may_manage:
        raise PermissionDenied("plan.manage")
    form = CriteriaForm(request.POST, plan=task.plan)
    if not form.is_valid():
        messages.error(request, _("Tiêu chí đã chọn không thuộc bộ chỉ số của năm kế hoạch."))
    else:
        actions.link_criteria(by=request.user, task=task, criteria=list(form.cleaned_data["criteria"]))
        messages.success(request, _("Đã cập nhật các tiêu chí mà nhiệm vụ phục vụ."))
    return redirect("plans:task", pk=task.pk)
