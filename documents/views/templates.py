"""The reform office's own .docx templates: list, upload (checked), remove, and the placeholder help page."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import get_for
from accounts.permissions import require, unit_filter, visible_units
from core.http import attachment
from documents import actions, catalog, services, templating
from documents.forms import TemplateUploadForm
from documents.models import DocumentTemplate
from documents.starter import starter_template


def _targets(user) -> list[tuple[str, int, str, object]]:
    """Plans, assessments and frameworks of units where the user manages templates."""
    from assessments.models import Assessment
    from frameworks.models import Framework
    from plans.models import Plan

    targets = [("plan", p.pk, _("Kế hoạch %(plan)s") % {"plan": p}, p.issuing_unit) for p in
               Plan.objects.filter(unit_filter(user, "document.template", field="issuing_unit"))
               .select_related("issuing_unit")[:100]]
    targets += [("assessment", a.pk, _("Kỳ đánh giá %(year)s – %(unit)s") % {"year": a.framework.year, "unit": a.unit.name}, a.unit) for a in
                Assessment.objects.filter(unit_filter(user, "document.template", field="unit"))
                .select_related("unit", "framework")[:100]]
    targets += [("framework", f.pk, _("Bộ chỉ số %(framework)s") % {"framework": f}, f.owner) for f in
                Framework.objects.filter(unit_filter(user, "document.template", field="owner"))
                .select_related("owner")[:50]]
    return targets


def template_list(request):
    require(request.user, "document.template")
    units = list(visible_units(request.user, "document.template").active().filter(
        kind__in=["province", "department", "division", "sub_department", "public_service"]).order_by("path")[:60])
    form = TemplateUploadForm(request.POST or None, request.FILES or None, units=units,
                              targets=_targets(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        target_type, target_id, label, unit = data["target"]
        require(request.user, "document.template", unit)
        try:
            template, warnings = actions.upload_template(
                by=request.user, kind=data["kind"], unit=unit, name=data["name"], data=data["file"].read(),
                filename=data["file"].name, target_type=target_type, target_id=target_id, target_label=label)
        except templating.TemplateProblem as problem:
            form.add_error("file", str(problem))
        else:
            messages.success(request, _("Đã lưu mẫu “%(name)s”.") % {"name": template.name})
            for warning in warnings:
                messages.warning(request, warning)
            return redirect("documents:templates")
    templates = (DocumentTemplate.objects.filter(unit_filter(request.user, "document.template", field="unit"))
                 .select_related("unit", "uploaded_by"))
    kinds = {key: _(label) for key, label in catalog.KIND_CHOICES}
    rows = [(t, kinds.get(t.kind, t.kind)) for t in templates]
    status = 400 if request.method == "POST" else 200
    return render(request, "documents/templates.html", {"form": form, "rows": rows}, status=status)


def template_file(request, pk: int):
    """The uploaded .docx back, to edit it and upload a new version."""
    template = get_for(request.user, DocumentTemplate.objects.select_related("unit"), pk, "document.template")
    try:
        with template.file.open("rb") as handle:
            data = handle.read()
    except OSError:
        messages.error(request, _("Không đọc được tệp của mẫu “%(name)s”; vui lòng tải lên lại.") % {"name": template.name})
        return redirect("documents:templates")
    return attachment(data, f"{template.name}.docx")


@require_POST
def template_delete(request, pk: int):
    template = get_for(request.user, DocumentTemplate.objects.select_related("unit"), pk, "document.template")
    actions.delete_template(by=request.user, template=template)
    messages.success(request, _("Đã xoá mẫu “%(name)s”; văn bản sẽ theo mẫu mặc định.") % {"name": template.name})
    return redirect("documents:templates")


def starter(request, kind: str):
    """A starter .docx with every placeholder of the kind, to restyle in Word and upload back."""
    require(request.user, "document.export")
    if kind not in catalog.KINDS:
        raise Http404
    response = HttpResponse(starter_template(kind), content_type=services.DOCX)
    response["Content-Disposition"] = services.content_disposition(f"Mẫu gợi ý – {catalog.KINDS[kind].label}.docx")
    return response


def template_help(request):
    require(request.user, "document.export")
    # Translated here rather than with {% translate var %}, which would double the % in "Tiến độ (%)".
    kinds = [catalog.DocumentKind(kind.key, _(kind.label), kind.target, [
        catalog.Variable(v.name, _(v.description), [(name, _(text)) for name, text in v.fields])
        for v in kind.variables]) for kind in catalog.KINDS.values()]
    return render(request, "documents/template_help.html", {"kinds": kinds})
