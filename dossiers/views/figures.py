"""The dossier dashboard, the drill-down list behind each number, and their Excel exports."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from accounts.permissions import require, visible_units
from core.http import in_vietnamese
from documents.jobs import too_large
from documents.views.jobs import hand_over
from dossiers import charts, exports
from dossiers.forms import WindowForm
from dossiers.models import Procedure
from dossiers.queries import OUTCOMES, behind, month_end, tallies_by, visible_dossiers
from dossiers.stats import Tally, month_range
from org.models import Unit

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LATE_LIST_LIMIT = 50
LIST_EXPORT_LIMIT = 100_000


def _window_form(request) -> WindowForm:
    return _window_form_of(request.user, request.GET or None)


def _window_form_of(user, data) -> WindowForm:
    units = visible_units(user, "dossier.view").order_by("path")
    fields = Procedure.objects.exclude(field="").values_list("field", flat=True).distinct().order_by("field")
    return WindowForm.showing_window(data, units=units, fields=list(fields))


def _rows(form: WindowForm, grouped: dict, labels: dict, key_param: str | None) -> list[dict]:
    """Table rows: label, tally and the filter that drills into the row's dossiers."""
    window, base = form.window(), form.query()
    rows = []
    for key, label in labels.items():
        tally = grouped.get(key)
        if tally is None:
            continue
        if key_param == "month":
            query = {**base, "start": max(window.start, key).strftime("%d/%m/%Y"),
                     "end": min(window.end, month_end(key)).strftime("%d/%m/%Y")}
        elif key_param:
            query = {k: v for k, v in {**base, key_param: key}.items() if v not in (None, "")}
        else:
            query = base
        rows.append({"label": label, "tally": tally, "query": urlencode(query)})
    return rows


def _figures(request):
    form = _window_form(request)
    window = form.window()
    qs = visible_dossiers(request.user)
    grouped = tallies_by(qs, window, [None, "month", "unit", "procedure", "field"])
    overall = grouped[None].get(None, Tally())
    by_month, by_unit, by_procedure, by_field = (grouped[g] for g in ("month", "unit", "procedure", "field"))
    unit_names = {u.pk: u.name for u in Unit.objects.filter(pk__in=list(by_unit)).order_by("path")}
    procedure_names = {p.pk: str(p) for p in Procedure.objects.filter(pk__in=list(by_procedure)).order_by("code")}
    months = month_range(window.start, window.end)
    return form, window, qs, {
        "overall": overall,
        "months": months,
        "by_month_raw": by_month,
        "month_rows": _rows(form, by_month, {m: m.strftime("%m/%Y") for m in months}, "month"),
        "unit_rows": _rows(form, by_unit, unit_names, "unit"),
        "procedure_rows": _rows(form, by_procedure, procedure_names, "procedure"),
        "field_rows": _rows(form, by_field, {f: f or "(chưa rõ lĩnh vực)" for f in sorted(by_field, key=str)},
                            "field"),
    }


def dashboard(request):
    """Bảng thống kê hồ sơ TTHC: the rates of the window, by month, unit, procedure and field."""
    require(request.user, "dossier.view")
    form, window, qs, figures = _figures(request)
    late = behind(qs, window, "late_no_apology").select_related("procedure", "handling_unit").order_by("due_on")
    late_list = list(late[:LATE_LIST_LIMIT + 1])
    context = {
        "form": form, "window": window, "query": urlencode(form.query()), **figures,
        "late_list": late_list[:LATE_LIST_LIMIT], "late_more": len(late_list) > LATE_LIST_LIMIT,
        "rates_chart": charts.rates_by_month(figures["months"], figures["by_month_raw"]),
        "counts_chart": charts.counts_by_month(figures["months"], figures["by_month_raw"]),
    }
    return render(request, "dossiers/dashboard.html", context)


@in_vietnamese
def dashboard_xlsx(request):
    require(request.user, "dossier.view")
    form, window, _, figures = _figures(request)
    first = "Tổng cộng"
    sheets = [
        ("Theo tháng", "Tháng", [(r["label"], r["tally"]) for r in figures["month_rows"]]
         + [(first, figures["overall"])]),
        ("Theo đơn vị", "Đơn vị giải quyết", [(r["label"], r["tally"]) for r in figures["unit_rows"]]),
        ("Theo thủ tục", "Thủ tục", [(r["label"], r["tally"]) for r in figures["procedure_rows"]]),
        ("Theo lĩnh vực", "Lĩnh vực", [(r["label"], r["tally"]) for r in figures["field_rows"]]),
    ]
    content = exports.tally_workbook(f"Thống kê hồ sơ TTHC {window.start:%d/%m/%Y}–{window.end:%d/%m/%Y}", sheets)
    return _xlsx(content, f"thong-ke-ho-so-{window.start:%Y%m%d}-{window.end:%Y%m%d}.xlsx")


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _listed(request):
    return _listed_for(request.user, request.GET or None)


def _listed_for(user, data):
    form = _window_form_of(user, data)
    window = form.window()
    outcome = (data or {}).get("outcome", "received")
    if outcome not in OUTCOMES:
        outcome = "received"
    qs = behind(visible_dossiers(user), window, outcome)
    return form, window, outcome, qs.select_related("procedure", "handling_unit")


def dossier_list(request):
    """The dossiers behind one number of the dashboard (drill-down), 50 a page."""
    require(request.user, "dossier.view")
    form, window, outcome, qs = _listed(request)
    page = Paginator(qs.order_by("-received_at", "pk"), 50).get_page(request.GET.get("page"))
    query = form.query(outcome=outcome)
    return render(request, "dossiers/list.html", {
        "form": form, "window": window, "outcome": outcome, "outcome_label": OUTCOMES[outcome], "page": page,
        "query": urlencode(query), "dashboard_query": urlencode(form.query()), "today": timezone.localdate(),
    })


@in_vietnamese
def dossier_list_xlsx(request):
    require(request.user, "dossier.view")
    form, window, outcome, qs = _listed(request)
    filename = f"ho-so-{outcome}-{window.start:%Y%m%d}-{window.end:%Y%m%d}.xlsx"
    if too_large(qs[:settings.CCHC_EXPORT_INLINE_ROWS + 1].count()):
        return hand_over(request, kind="ho-so-tthc", params=form.query(outcome=outcome), file_name=filename,
                         unit=window.unit)
    rows = qs.order_by("received_at", "pk")[:LIST_EXPORT_LIMIT + 1].iterator(chunk_size=2000)
    return _xlsx(exports.dossier_workbook(rows, LIST_EXPORT_LIMIT), filename)


def list_export(job, progress) -> bytes:
    """The same list prepared by the background worker (documents.jobs), with the requester's own view of it."""
    form, window, outcome, qs = _listed_for(job.requested_by, job.params)
    total = min(qs.count(), LIST_EXPORT_LIMIT)
    rows = qs.order_by("received_at", "pk")[:LIST_EXPORT_LIMIT + 1].iterator(chunk_size=2000)
    return exports.dossier_workbook(progress.over(rows, total), LIST_EXPORT_LIMIT)

