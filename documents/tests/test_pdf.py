"""PDF through LibreOffice, then PNG pages through pdftoppm, where they are installed."""

import pytest

from documents import pdf
from documents.tests.test_excel_layout import seed_table
from documents.tests.test_word_layout import seed_plan_document

needs_office = pytest.mark.skipif(not pdf.available(), reason="LibreOffice is not installed (make test installs it)")


@needs_office
def test_word_document_becomes_a_pdf_with_pages_and_png_images(tmp_path):
    data = pdf.to_pdf(seed_plan_document(), "docx")
    assert data.startswith(b"%PDF")
    assert pdf.page_count(data) >= 2, "the appendix starts on its own page"
    pages = pdf.to_png_pages(data, tmp_path / "png")
    assert len(pages) == pdf.page_count(data)
    assert all(p.stat().st_size > 1000 for p in pages)


@needs_office
def test_workbook_becomes_a_pdf():
    assert pdf.page_count(pdf.to_pdf(seed_table(), "xlsx")) >= 1


def test_without_libreoffice_the_message_says_to_take_the_word_file(monkeypatch):
    monkeypatch.setattr(pdf, "office_binary", lambda: None)
    with pytest.raises(pdf.ConversionError) as error:
        pdf.to_pdf(seed_table(), "xlsx")
    assert "LibreOffice" in str(error.value) and "Word" in str(error.value)


def test_page_count_of_non_pdf_is_zero():
    assert pdf.page_count(b"<html>") == 0
