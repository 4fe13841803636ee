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


needs_uno = pytest.mark.skipif(not pdf.available() or pdf.uno_python() is None,
                               reason="LibreOffice's Python bridge is not installed (make sysdeps installs python3-uno)")


@needs_uno
def test_a_warm_libreoffice_converts_documents_and_without_one_each_starts_its_own(settings):
    import time

    settings.CCHC_UNOSERVER = f"127.0.0.1:{pdf._free_port()}"
    data, route = pdf.convert(seed_plan_document(), "docx")
    assert route == "cold" and pdf.page_count(data) >= 2
    server = pdf.warm_server()
    try:
        assert server is not None
        deadline = time.monotonic() + 60
        while not pdf._answers(pdf._server_address()) and time.monotonic() < deadline:
            time.sleep(0.2)
        for _ in range(2):
            data, route = pdf.convert(seed_plan_document(), "docx")
            assert route == "warm" and pdf.page_count(data) >= 2
        data, route = pdf.convert(seed_table(), "xlsx")
        assert route == "cold" and pdf.page_count(data) >= 1, "workbooks take the cold way"
    finally:
        pdf.stop_server(server)
    assert server.poll() is not None
    time.sleep(0.2)
    assert pdf.convert(seed_plan_document(), "docx")[1] == "cold"
