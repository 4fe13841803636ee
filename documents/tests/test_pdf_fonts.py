"""Every PDF cchc writes sets its Vietnamese text in one font family: with Liberation 1.07 the accented letters fell
back to DejaVu inside words (checked with pdffonts, as a reader's PDF viewer would show it)."""

import re
import shutil
import subprocess
from datetime import date

import pytest

from documents import builtin, contexts, pdf
from documents.tests.builders import make_assessment, make_framework, make_plan
from documents.tests.readback import prepared

pytestmark = [pytest.mark.django_db,
              pytest.mark.skipif(not pdf.available() or not shutil.which("pdffonts"),
                                 reason="LibreOffice and poppler-utils are not installed (make test installs them)")]

STYLE = re.compile(r"[-,](Bold|Italic|BoldItalic|Regular|Oblique|BoldOblique)$")


def families(data: bytes, tmp_path) -> set[str]:
    """The font families embedded in a PDF ('LiberationSerif'), without subset prefixes and style suffixes."""
    source = tmp_path / "fonts.pdf"
    source.write_bytes(data)
    lines = subprocess.run(["pdffonts", str(source)], capture_output=True, text=True, check=True,
                           timeout=60).stdout.splitlines()[2:]
    names = {line.split()[0] for line in lines if line.strip()}
    return {STYLE.sub("", name.split("+", 1)[-1]) for name in names}


def documents_of(cast):
    plan = make_plan(cast)
    framework = make_framework(cast)
    assessment = make_assessment(cast, framework, publish=True)
    yield "plan", builtin.plan_document(contexts.plan_context(plan, date(2024, 6, 3)))
    yield "self-assessment", builtin.self_assessment_document(contexts.self_assessment_context(assessment))
    yield "announcement", builtin.announcement_document(contexts.announcement_context(framework))
    yield "periodic", builtin.periodic_document(
        contexts.periodic_context(cast.department, "half", 2024, today=date(2024, 7, 5)))


def test_each_word_document_uses_one_font_family(cast, tmp_path):
    seen = {name: families(pdf.to_pdf(data, "docx"), tmp_path) for name, data in documents_of(cast)}
    assert seen == {name: {"LiberationSerif"} for name in seen}


def test_the_tasks_workbook_pdf_uses_one_font_family(cast, client_for, tmp_path):
    plan = make_plan(cast)
    response = prepared(client_for(cast.mai), f"/documents/nhiem-vu/{plan.pk}.pdf")
    assert len(families(response.getvalue(), tmp_path)) == 1


def test_workbook_pdfs_write_decimals_with_a_comma(tmp_path):
    """A workbook's numbers stay numbers; printed, they read as Vietnamese documents write them."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"], sheet["A2"] = 9.376, 2817
    sheet["A1"].number_format, sheet["A2"].number_format = "0.000", "#,##0"
    source = tmp_path / "so.xlsx"
    book.save(source)
    (tmp_path / "so.pdf").write_bytes(pdf.to_pdf(source.read_bytes(), "xlsx"))
    text = subprocess.run(["pdftotext", str(tmp_path / "so.pdf"), "-"], capture_output=True, text=True,
                          check=True, timeout=60).stdout
    assert "9,376" in text and "2.817" in text and "9.376" not in text
