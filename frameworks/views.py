"""Framework pages: list, tree, edit, copy, import and export."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.access import get_for
from accounts.permissions import can, require, visible_units
from core.bounded import Exhausted, run_bounded
from core.forms import FILE_TOO_COMPLEX
from core.versions import StaleEdit, conflict_of
from frameworks import actions, rules, sheet
from frameworks.forms import CopyForm, CriterionForm, FrameworkForm, ImportForm
from frameworks.metrics import metric_choices
from frameworks.models import Criterion, Framework
from org.models import Unit


def _get_framework(user, pk, need="framework.view") -> Framework:
    return get_for(user, Framework.objects.select_related("owner", "copied_from"), pk, need, unit_of=lambda f: f.owner)


def _messages_of(error: ValidationError) -> list[str]:
    if hasattr(error, "message_dict"):
        return [m for msgs in error.message_dict.values() for m in msgs]
    return list(error.messages)


def index(request):
    require(request.user, "framework.view")
    frameworks = (Framework.objects.select_related("owner").annotate(criteria_count=Count("criteria", distinct=True),
                                                                     assessment_count=Count("assessments", distinct=True)))
    return render(request, "frameworks/index.html", {
        "frameworks": frameworks, "may_manage": can(request.user, "framework.manage"),
    })


def _tree(framework: Framework) -> list[tuple[int, Criterion]]:
    criteria = list(Criterion.objects.filter(framework=framework).select_related("responsible_unit"))
    children: dict[int | None, list[Criterion]] = {}
    for criterion in criteria:
        children.setdefault(criterion.parent_id, []).append(criterion)
    rows: list[tuple[int, Criterion]] = []

    def walk(parent_id, depth):
        for criterion in sorted(children.get(parent_id, []), key=lambda c: (c.order, c.pk)):
            criterion.is_leaf = criterion.pk not in children
            rows.append((depth, criterion))
            walk(criterion.pk, depth + 1)

    walk(None, 0)
    return rows


def _copy_form(framework: Framework, data=None) -> CopyForm:
    year = actions.next_free_year(framework)
    return CopyForm(data, initial={"year": year, "title": actions.retitle(framework.title, framework.year, year)})


def detail(request, pk):
    framework = _get_framework(request.user, pk)
    tree = _tree(framework)
    areas = [c for depth, c in tree if depth == 0 and not c.is_extra]
    may_manage = can(request.user, "framework.manage", framework.owner)
    return render(request, "frameworks/detail.html", {
        "framework": framework, "tree": tree, "total_max": sum(c.max_points for c in areas),
        "may_manage": may_manage, "may_edit": may_manage and not framework.is_frozen,
        "copy_form": _copy_form(framework), "import_form": ImportForm(),
    })


FRAMEWORK_SHOWN = ["title", "year", "level", "owner", "decision", "bands"]
CRITERION_SHOWN = ["code", "title", "kind", "parent", "order", "max_points", "rule", "guidance", "responsible_unit",
                   "deadline"]
SHOWN_AS = {
    "bands": lambda f: "; ".join(f"{label} ≥ {rules.format_points(low)} %" for label, low in f.band_list()),
    "rule": lambda c: c.rule_text_shown(),
}


def _frozen(request, framework: Framework):
    """Back to the framework, saying why nothing can change and what to do instead."""
    messages.error(request, actions.FrozenFramework(framework).messages[0])
    return redirect("frameworks:detail", pk=framework.pk)


def _after_stale(form_class, request, error: StaleEdit, **kwargs):
    """The form again with what the person typed, now at the current version, and the other person's change."""
    data = request.POST.copy()
    data["version"] = str(error.current.version)
    return form_class(data, instance=error.current, **kwargs)


def _owners(user):
    return visible_units(user, "framework.manage").active()


def new(request):
    require(request.user, "framework.manage")
    form = FrameworkForm(request.POST or None, owners=_owners(request.user))
    if request.method == "POST" and form.is_valid():
        require(request.user, "framework.manage", form.cleaned_data["owner"])
        framework = actions.create_framework(by=request.user, **form.save_data())
        messages.success(request, _("Đã tạo bộ chỉ số. Thêm lĩnh vực, tiêu chí hoặc nhập từ tệp Excel."))
        return redirect("frameworks:detail", pk=framework.pk)
    return render(request, "frameworks/form.html", {"form": form, "title": _("Bộ chỉ số mới")})


def edit(request, pk):
    framework = _get_framework(request.user, pk, "framework.manage")
    form = FrameworkForm(request.POST or None, instance=framework, owners=_owners(request.user))
    stale = None
    if request.method == "POST" and form.is_valid():
        data = form.save_data()
        framework.refresh_from_db()
        try:
            actions.update_framework(framework, by=request.user, version=form.cleaned_data["version"], **data)
        except StaleEdit as error:
            stale = conflict_of(error.current, FRAMEWORK_SHOWN, SHOWN_AS)
            form = _after_stale(FrameworkForm, request, error, owners=_owners(request.user))
        except ValidationError as error:
            form.add_error(None, _messages_of(error))
        else:
            messages.success(request, _("Đã lưu bộ chỉ số."))
            return redirect("frameworks:detail", pk=framework.pk)
    return render(request, "frameworks/form.html", {"form": form, "framework": framework, "stale": stale,
                                                    "title": _("Sửa bộ chỉ số")})


def _units_for(framework: Framework):
    return Unit.objects.subtree_of(framework.owner).active()


def criterion_new(request, pk):
    framework = _get_framework(request.user, pk, "framework.manage")
    if framework.is_frozen:
        return _frozen(request, framework)
    form = CriterionForm(request.POST or None, framework=framework, units=_units_for(framework),
                         initial={"parent": request.GET.get("parent")})
    if request.method == "POST" and form.is_valid():
        try:
            actions.add_criterion(framework, by=request.user, **form.save_data())
        except ValidationError as error:
            form.add_error(None, _messages_of(error))
        else:
            messages.success(request, _("Đã thêm tiêu chí."))
            return redirect("frameworks:detail", pk=framework.pk)
    return render(request, "frameworks/form.html", {"form": form, "framework": framework, "title": _("Thêm tiêu chí")})


def _criterion(request, framework: Framework, criterion_pk) -> Criterion:
    return get_for(request.user, Criterion.objects.filter(framework=framework).select_related("framework"),
                   criterion_pk, "framework.manage", unit_of=lambda c: framework.owner)


def criterion_edit(request, pk, criterion_pk):
    framework = _get_framework(request.user, pk, "framework.manage")
    criterion = _criterion(request, framework, criterion_pk)
    if framework.is_frozen:
        return _frozen(request, framework)
    units = _units_for(framework)
    form = CriterionForm(request.POST or None, instance=criterion, framework=framework, units=units)
    stale = None
    if request.method == "POST" and form.is_valid():
        data = form.save_data()
        criterion.refresh_from_db()
        try:
            actions.update_criterion(criterion, by=request.user, version=form.cleaned_data["version"], **data)
        except StaleEdit as error:
            if error.current is None:
                messages.error(request, _("Tiêu chí này vừa bị người khác xóa."))
                return redirect("frameworks:detail", pk=framework.pk)
            stale = conflict_of(error.current, CRITERION_SHOWN, SHOWN_AS)
            form = _after_stale(CriterionForm, request, error, framework=framework, units=units)
        except ValidationError as error:
            form.add_error(None, _messages_of(error))
        else:
            messages.success(request, _("Đã lưu tiêu chí."))
            return redirect("frameworks:detail", pk=framework.pk)
    return render(request, "frameworks/form.html", {"form": form, "framework": framework, "criterion": criterion,
                                                    "stale": stale, "title": _("Sửa tiêu chí")})


def criterion_delete(request, pk, criterion_pk):
    """Asks first (what goes, and that it cannot be undone), then deletes on the confirmed POST."""
    framework = _get_framework(request.user, pk, "framework.manage")
    criterion = _criterion(request, framework, criterion_pk)
    if framework.is_frozen:
        return _frozen(request, framework)
    if request.method == "POST" and request.POST.get("confirmed") == "yes":
        version = request.POST.get("version", "")
        try:
            actions.delete_criterion(criterion, by=request.user, version=int(version) if version.isdigit() else None)
        except StaleEdit:
            messages.error(request, _("Tiêu chí vừa được người khác sửa sau khi bạn mở trang; chưa xóa gì. Hãy xem "
                                      "lại rồi xóa nếu vẫn cần."))
            return redirect("frameworks:criterion_delete", pk=framework.pk, criterion_pk=criterion.pk)
        except ValidationError as error:
            messages.error(request, " ".join(_messages_of(error)))
            return redirect("frameworks:criterion_edit", pk=framework.pk, criterion_pk=criterion.pk)
        messages.success(request, _("Đã xóa tiêu chí."))
        return redirect("frameworks:detail", pk=framework.pk)
    inside = set(actions.subtree_ids(criterion)) - {criterion.pk}
    below = [c for _depth, c in _tree(framework) if c.pk in inside]
    return render(request, "frameworks/confirm_delete.html", {"framework": framework, "criterion": criterion,
                                                              "below": below})


def copy(request, pk):
    framework = _get_framework(request.user, pk, "framework.manage")
    form = _copy_form(framework, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            new_framework = actions.copy_framework(framework, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, _messages_of(error))
        else:
            messages.success(request, _("Đã sao chép thành “%(title)s”. Hãy sửa điểm tối đa, tiêu chí cho năm mới.")
                             % {"title": new_framework.title})
            return redirect("frameworks:detail", pk=new_framework.pk)
    return render(request, "frameworks/form.html", {"form": form, "framework": framework, "copy": True,
                                                    "title": _("Sao chép bộ chỉ số")})


def export(request, pk):
    framework = _get_framework(request.user, pk)
    tree = [c for _depth, c in _tree(framework)]
    codes = {c.pk: c.code for c in tree}
    rows = [{"code": c.code, "parent_code": codes.get(c.parent_id, ""), "kind": c.kind, "title": c.title,
             "max_points": c.max_points, "rule": c.rule, "guidance": c.guidance,
             "unit_name": c.responsible_unit.name if c.responsible_unit_id else "", "deadline": c.deadline}
            for c in tree]
    response = HttpResponse(sheet.write_workbook(framework.title, rows),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="bo-chi-so-{framework.year}-{framework.pk}.xlsx"'
    return response


def template(request):
    require(request.user, "framework.view")
    response = HttpResponse(sheet.write_workbook("Mẫu bộ chỉ số", []),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = 'attachment; filename="mau-bo-chi-so.xlsx"'
    return response


def _read_workbook(data: bytes):
    """sheet.read_workbook in a child process bounded in CPU time and memory (core.bounded); a workbook that breaks
    further on is as unreadable as one that does not open."""
    try:
        return sheet.read_workbook(data)
    except sheet.SheetError:
        raise
    except Exception:
        raise sheet.SheetError(_("Tệp không phải bảng tính .xlsx đọc được. Hãy tải mẫu, điền rồi tải lên lại."))


def import_sheet(request, pk):
    framework = _get_framework(request.user, pk, "framework.manage")
    if framework.is_frozen:
        return _frozen(request, framework)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        from org.matching import UnitDirectory

        directory = UnitDirectory(framework.owner)

        def find_unit(text):
            match = directory.match_one(text)
            return match.units[0] if match.matched and len(match.units) == 1 else None

        try:
            found = run_bounded(_read_workbook, form.cleaned_data["file"].read())
            rows, errors = sheet.parse_rows(found, find_unit)
        except sheet.SheetError as error:
            errors = [str(error)]
        except Exhausted:
            errors = [str(FILE_TOO_COMPLEX)]
        if not errors:
            try:
                count = actions.replace_criteria(framework, rows, by=request.user)
            except ValidationError as error:
                errors = _messages_of(error)
            else:
                messages.success(request, _("Đã nhập %(count)s tiêu chí.") % {"count": count})
                return redirect("frameworks:detail", pk=framework.pk)
    return render(request, "frameworks/import.html", {"form": form, "framework": framework, "errors": errors,
                                                      "columns": sheet.HEADERS})


def help_page(request):
    require(request.user, "framework.view")
    # The file takes the Vietnamese names as written; an English reader sees each one glossed.
    def glossed(names):
        return [(name, _(name)) for name in names.values()]

    metric_names = [(label, _(label)) for _key, label in metric_choices()]
    return render(request, "frameworks/help.html", {"columns": sheet.HEADERS, "kinds": glossed(sheet.KIND_NAMES),
                                                    "rule_names": glossed(sheet.RULE_NAMES),
                                                    "metric_names": metric_names,
                                                    "metric_example": metric_names[0][0] if metric_names else ""})
