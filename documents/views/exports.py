"""The list of what the user may export (and the files they had prepared), and the downloads themselves: built in
the request when small, else handed to a background job (every PDF, and exports past CCHC_EXPORT_INLINE_ROWS)."""

from datetime import date

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.access import get_for
from accounts.permissions import can, require, unit_filter, visible_units
from core.forms import id_from
from documents import jobs, services
from documents.forms import PeriodForm
from documents.views.jobs import hand_over


def _plans(user):
    from plans.models import Plan

    return Plan.objects.filter(unit_filter(user, "document.export", field="issuing_unit")).select_related("issuing_unit")


def _assessments(user):
    from assessments.models import Assessment

    return Assessment.objects.filter(unit_filter(user, "document.export", field="unit")).select_related(
        "unit", "framework")


def _frameworks(user):
    from frameworks.models import Framework

    return Framework.objects.filter(unit_filter(user, "document.export", field="owner")).select_related("owner")


def _units(user):
    """Units worth a unit-level report: departments and their units the user may export for, plus their own."""
    return visible_units(user, "document.export").active().exclude(kind="province").order_by("path")


QUERYSETS = {"plan": _plans, "assessment": _assessments, "framework": _frameworks, "unit": _units}


def _exports_for(target: str) -> list[services.Export]:
    return [e for e in services.EXPORTS.values() if e.target == target]


def index(request):
    """Văn bản, báo cáo: every export the user may make, by plan, assessment, framework and unit."""
    require(request.user, "document.export")
    context = {
        "plans": list(_plans(request.user)[:50]),
        "assessments": list(_assessments(request.user)[:50]),
        "frameworks": list(_frameworks(request.user)[:20]),
        "units": list(_units(request.user)[:60]),
        "plan_exports": _exports_for("plan"),
        "assessment_exports": _exports_for("assessment"),
        "framework_exports": _exports_for("framework"),
        "unit_exports": [e for e in _exports_for("unit") if not e.needs_period],
        "period_exports": [e for e in _exports_for("unit") if e.needs_period],
        "period_form": PeriodForm(today=date.today()),
        "may_manage_templates": can(request.user, "document.template"),
        "recent_jobs": jobs.recent_for(request.user),
        "retention_days": settings.CCHC_EXPORT_RETENTION_DAYS,
    }
    return render(request, "documents/index.html", context)


def period_download(request):
    """The periodic report form: unit, period, and which export in which format, all in the query string."""
    key, _sep, fmt = (request.GET.get("xuat") or "").partition(".")
    unit = id_from(request.GET.get("unit"))
    if unit is None:
        messages.error(request, _("Vui lòng chọn cơ quan, đơn vị của báo cáo."))
        return redirect("documents:index")
    return download(request, key, unit, fmt)


def download(request, key: str, pk: int, fmt: str):
    export = services.EXPORTS.get(key)
    if export is None or fmt not in export.formats:
        raise Http404
    obj = get_for(request.user, QUERYSETS[export.target](request.user).model.objects.all(), pk, "document.export",
                  unit_of=lambda o: services.unit_of(export.target, o))
    params: dict = {"today": date.today()}
    if export.needs_period:
        form = PeriodForm(request.GET)
        if not form.is_valid():
            errors = "; ".join(str(e) for errs in form.errors.values() for e in errs)
            messages.error(request, _("Chưa xuất được %(document)s: %(errors)s") % {"document": export.label.lower(),
                                                                                      "errors": errors})
            return redirect("documents:index")
        params.update(form.cleaned_data)
    use_template = request.GET.get("mau") != "0"
    if fmt == "pdf" or jobs.too_large(services.estimated_rows(export, obj, params)):
        return hand_over(request, kind=export.key, file_name=services.file_name(export, obj, fmt, params),
                         unit=services.unit_of(export.target, obj),
                         params={**params, "today": params["today"].isoformat(), "pk": obj.pk, "fmt": fmt,
                                 "template": use_template})
    try:
        data, filename = services.produce(export, obj, fmt, params, use_template=use_template)
    except services.ExportProblem as problem:
        messages.error(request, str(problem))
        return redirect("documents:index")
    response = HttpResponse(data, content_type=services.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = services.content_disposition(filename)
    return response
