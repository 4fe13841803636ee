"""Importing an export: upload, map the columns on a preview (saved per source), run with a live progress bar."""

import logging
from datetime import timedelta

from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from accounts.access import get_for
from accounts.permissions import require, unit_filter, visible_units
from core.bounded import Exhausted, run_bounded
from core.forms import FILE_TOO_COMPLEX
from dossiers import actions, sample
from dossiers.forms import MappingForm, UploadForm
from dossiers.models import ImportRun, ImportSource
from dossiers.parsing import COLUMNS, reconcile_mapping
from dossiers.tables import Table, TableError
from dossiers.tasks import check_interrupted

logger = logging.getLogger(__name__)

REMAPPABLE = (ImportRun.Status.UPLOADED, ImportRun.Status.REJECTED, ImportRun.Status.FAILED)


def _get_run(request, pk) -> ImportRun:
    return get_for(request.user, ImportRun.objects.select_related("source__unit", "created_by"), pk,
                   "dossier.import", unit_of=lambda run: run.source.unit)


def import_index(request):
    """Nhập hồ sơ: the sources already used, the recent runs and the upload form."""
    require(request.user, "dossier.import")
    sources = ImportSource.objects.filter(unit_filter(request.user, "dossier.import")).select_related("unit")
    units = visible_units(request.user, "dossier.import").active().order_by("path")
    form = UploadForm(request.POST or None, request.FILES or None, sources=sources, units=units)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        source = data["source"]
        if source is None:
            require(request.user, "dossier.import", data["unit"])
            source = actions.create_source(by=request.user, unit=data["unit"], name=data["new_source"])
        run = actions.upload_export(by=request.user, source=source, uploaded_file=data["file"])
        return redirect("dossiers:import_columns", pk=run.pk)
    runs = (ImportRun.objects.filter(Q(unit_filter(request.user, "dossier.import", field="source__unit")))
            .select_related("source", "created_by")[:20])
    return render(request, "dossiers/import_index.html", {"form": form, "sources": sources, "runs": runs},
                  status=400 if form.errors else 200)


SAMPLE_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def import_sample(request, fmt):
    """Tệp mẫu: our columns with two example dossiers, the office's own units named, ready to import as it is."""
    require(request.user, "dossier.import")
    if fmt not in SAMPLE_TYPES:
        raise Http404("sample format")
    units = list(visible_units(request.user, "dossier.import").active().order_by("path")[:50])
    own = next((u for u in units if u == request.user.unit), None)
    receiving = own or (units[0] if units else None)
    handling = next((u for u in units if receiving and u.path.startswith(receiving.path) and u != receiving), receiving)
    names = (receiving.name if receiving else "Bộ phận Một cửa", handling.name if handling else "Phòng chuyên môn")
    build = sample.sample_xlsx if fmt == "xlsx" else sample.sample_csv
    response = HttpResponse(build(*names), content_type=SAMPLE_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="mau-nhap-ho-so-mot-cua.{fmt}"'
    return response


def import_columns(request, pk):
    """The preview: the first rows of the file and one select per column; the choice is kept for the source."""
    run = _get_run(request, pk)
    if run.status not in REMAPPABLE:
        return redirect("dossiers:import_run", pk=run.pk)
    try:
        headers, preview = run_bounded(_header_and_preview, run.file.path)
    except Exception as error:  # whatever the file holds: a message, not a 500
        if isinstance(error, TableError):
            message = str(error)
        elif isinstance(error, Exhausted):
            message = str(FILE_TOO_COMPLEX)
        else:
            if not isinstance(error, OSError):
                logger.exception("Preview of import run %s failed", run.pk)
            message = "Không đọc được tệp đã tải lên."
        return render(request, "dossiers/import_columns.html", {"run": run, "file_error": message}, status=400)
    saved = run.source.mapping if isinstance(run.source.mapping, dict) else {}
    fitted = reconcile_mapping(saved, headers)
    form = MappingForm(request.POST or None, headers=headers, initial_mapping=fitted.mapping,
                       proposed=set(fitted.proposed) if saved else set(),
                       example=preview[0] if preview else None, initial={"mode": run.mode})
    if request.method == "POST" and form.is_valid():
        actions.confirm_columns(run, by=request.user, mapping=form.mapping(), mode=form.cleaned_data["mode"])
        actions.start(run)
        return redirect("dossiers:import_run", pk=run.pk)
    labels = {c.key: c.label for c in COLUMNS}
    return render(request, "dossiers/import_columns.html", {
        "run": run, "form": form, "headers": headers, "preview": [row[:len(headers)] for row in preview],
        "saved_mapping": bool(saved), "dropped": fitted.dropped,
        "proposed": [(labels[key], header) for key, header in fitted.proposed.items()] if saved else [],
    }, status=400 if form.errors else 200)


def _header_and_preview(path) -> tuple[list, list]:
    """Read in a child process bounded in CPU time and memory (core.bounded), whatever the file declares."""
    with Table(path) as table:
        return table.headers, table.preview()


def import_run(request, pk):
    run = _get_run(request, pk)
    if check_interrupted(run):
        run.refresh_from_db()
    template = "dossiers/_import_progress.html" if request.htmx else "dossiers/import_run.html"
    return render(request, template, {"run": run, **_progress(run)})


# A run still waiting after this long means no worker is taking the queue: the page says who can start one.
WAITING_TOO_LONG = timedelta(minutes=2)


def _progress(run: ImportRun) -> dict:
    processed = run.processed_rows
    total = max(run.total_rows, processed, 1)
    percent = 100 if run.is_finished else min(99, processed * 100 // total)
    waiting = run.status == ImportRun.Status.QUEUED and timezone.now() - run.created_at > WAITING_TOO_LONG
    return {"processed": processed, "percent": percent, "waiting": waiting,
            "writing": run.status == ImportRun.Status.RUNNING and processed and processed >= run.total_rows}
