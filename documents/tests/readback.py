"""Reading exports back, as a user's Word or Excel would: shared by the documents tests."""

import io

from docx import Document
from openpyxl import load_workbook


def docx_text(data: bytes) -> str:
    """Every paragraph of the body and of every table cell, in order, one per line."""
    document = Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                lines.extend(p.text for p in cell.paragraphs)
    return "\n".join(lines)


def docx(data: bytes):
    return Document(io.BytesIO(data))


def workbook(data: bytes):
    return load_workbook(io.BytesIO(data))


def sheet_rows(sheet) -> list[tuple]:
    return [tuple(c for c in row) for row in sheet.iter_rows(values_only=True)]


def find_row(sheet, first_text: str) -> tuple:
    for row in sheet.iter_rows(values_only=True):
        if any(isinstance(v, str) and v.strip() == first_text for v in row):
            return row
    raise AssertionError(f"no row with {first_text!r} in {sheet.title}")


def prepared(client, url: str):
    """The file behind an export prepared in the background, fetched as a person would: the request answers with the
    job's page, which (tasks run at once in tests) offers the download; the download is returned (its bytes:
    `.getvalue()`)."""
    asked = client.get(url)
    assert asked.status_code == 302 and asked["Location"].startswith("/documents/tep/"), asked
    page = client.get(asked["Location"]).content.decode()
    assert "Tệp đã sẵn sàng" in page, page.split("<main", 1)[-1][:2000]
    response = client.get(asked["Location"] + "tai-ve/")
    assert response.status_code == 200 and response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    return response
