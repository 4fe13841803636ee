"""Entering paper answer sheets from a workbook: all rows are checked first, nothing is stored unless all are fine."""

import zipfile

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from core.bounded import Exhausted, run_bounded
from core.forms import FILE_TOO_COMPLEX
from surveys import actions
from surveys.forms import PaperImportForm
from surveys.paper import read_sheets
from surveys.views.access import get_survey_for

MAX_ROWS = 20_000


def _rows(upload) -> tuple[list, list] | None:
    """(header, rows), or None for a file that is not a readable workbook. Runs in a child process bounded in CPU
    time and memory (core.bounded)."""
    try:
        workbook = load_workbook(upload, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        return None
    sheet = workbook["Phiếu trả lời"] if "Phiếu trả lời" in workbook.sheetnames else workbook.worksheets[0]
    rows = []
    try:
        for row in sheet.iter_rows(values_only=True):
            rows.append(row)
            if len(rows) > MAX_ROWS:
                break
    except (SyntaxError, ValueError, KeyError, IndexError, EOFError, OSError):  # XML broken past the first part
        return None
    finally:
        workbook.close()
    return (list(rows[0]), rows[1:]) if rows else ([], [])


def import_paper(request, pk):
    survey = get_survey_for(request.user, pk, need="survey.manage")
    form = PaperImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        unreadable = _("Không đọc được tệp: tệp không phải Excel .xlsx hoặc bị hỏng.")
        try:
            table = run_bounded(_rows, form.cleaned_data["file"])
        except Exhausted:
            table, unreadable = None, str(FILE_TOO_COMPLEX)
        if table is None:
            errors = [unreadable]
        elif len(table[1]) >= MAX_ROWS:
            errors = [_("Tệp có quá %(n)s dòng; hãy chia thành nhiều tệp.") % {"n": MAX_ROWS}]
        else:
            header, rows = table
            sheets, errors = read_sheets(header, rows, survey.questions.count())
            if not errors:
                stored, errors = actions.import_paper(by=request.user, survey=survey, sheets=sheets,
                                                      on_default=survey.end_date)
                if not errors:
                    messages.success(request, _("Đã nhập %(n)s phiếu giấy.") % {"n": stored})
                    return redirect("surveys:detail", pk=survey.pk)
    return render(request, "surveys/import.html", {"survey": survey, "form": form, "errors": errors})
