"""Each Word document cchc writes opens in LibreOffice and renders to PDF pages, then to PNG images."""

import os
from datetime import date
from pathlib import Path

import pytest

from documents import builtin, contexts, pdf
from documents.tests.builders import make_assessment, make_framework, make_plan
from documents.tests.readback import prepared

pytestmark = [pytest.mark.django_db,
              pytest.mark.skipif(not pdf.available(), reason="LibreOffice is not installed (make test installs it)")]


def render(data: bytes, out: Path) -> list[Path]:
    document = pdf.to_pdf(data, "docx")
    pages = pdf.to_png_pages(document, out)
    assert pages and len(pages) == pdf.page_count(document)
    assert all(page.stat().st_size > 2000 for page in pages), "pages are not blank"
    # Keep the images where someone can look at them (CCHC_KEEP_PNG=/some/dir).
    keep = os.environ.get("CCHC_KEEP_PNG")
    if keep:
        target = Path(keep) / out.name
        target.mkdir(parents=True, exist_ok=True)
        for page in pages:
            (target / page.name).write_bytes(page.read_bytes())
    return pages


def test_plan_document_renders_with_its_landscape_appendices(cast, tmp_path):
    pages = render(builtin.plan_document(contexts.plan_context(make_plan(cast), date(2024, 6, 3))), tmp_path / "plan")
    assert len(pages) >= 3, "body, then appendix 1 and appendix 3 each on a new page"


def test_self_assessment_report_renders(cast, tmp_path):
    assessment = make_assessment(cast, make_framework(cast))
    render(builtin.self_assessment_document(contexts.self_assessment_context(assessment)), tmp_path / "self")


def test_announcement_renders(cast, tmp_path):
    framework = make_framework(cast)
    make_assessment(cast, framework, publish=True)
    render(builtin.announcement_document(contexts.announcement_context(framework)), tmp_path / "announcement")


def test_periodic_report_renders(cast, tmp_path):
    make_plan(cast)
    context = contexts.periodic_context(cast.department, "half", 2024, today=date(2024, 7, 5))
    render(builtin.periodic_document(context), tmp_path / "periodic")


def test_pdf_download_of_the_plan_tasks_workbook(cast, client_for):
    plan = make_plan(cast)
    response = prepared(client_for(cast.mai), f"/documents/nhiem-vu/{plan.pk}.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert pdf.page_count(response.getvalue()) >= 1
    assert "filename*=UTF-8''Nhi%E1%BB%87m%20v%E1%BB%A5%20K%E1%BA%BF%20ho%E1%BA%A1ch%205-KH-STNMT.pdf" in \
        response["Content-Disposition"]
