"""The reform office opens 'Văn bản, báo cáo' and downloads a plan as Word, and as PDF through the page that follows
its preparation, in real Chromium."""

import pytest

from documents import pdf
from documents.models import ExportJob
from documents.tasks import run
from documents.tests.builders import make_plan
from documents.tests.readback import docx_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_office_downloads_the_plan_from_the_documents_page(cast, page, login_as):
    plan = make_plan(cast)
    login_as(cast.mai)
    page.click("nav >> text=Văn bản, báo cáo")
    row = page.locator(f"tr[data-plan='{plan.pk}']")
    assert "5/KH-STNMT" in row.inner_text()
    with page.expect_download() as info:
        row.locator("[data-export=ke-hoach] a", has_text="docx").first.click()
    download = info.value
    assert download.suggested_filename == "Kế hoạch 5-KH-STNMT.docx"
    text = docx_text(open(download.path(), "rb").read())
    assert "Độc lập - Tự do - Hạnh phúc" in text and "PHỤ LỤC 1" in text


@pytest.mark.skipif(not pdf.available(), reason="LibreOffice is not installed (make test installs it)")
def test_office_downloads_the_plan_pdf_through_the_job_page(cast, page, login_as, settings):
    # Stored for a worker as in production; the test then plays the worker while the page polls.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend",
                                  "QUEUES": ["default", "imports", "documents"]}}
    settings.TASKS_KIND = "database"
    plan = make_plan(cast)
    login_as(cast.mai)
    page.click("nav >> text=Văn bản, báo cáo")
    page.locator(f"tr[data-plan='{plan.pk}'] [data-export=ke-hoach] a", has_text="pdf").first.click()
    page.wait_for_url("**/documents/tep/*/")
    assert page.locator("#export-status").inner_text() == "Đang chuẩn bị tệp…"
    run(ExportJob.objects.get())
    link = page.locator("#export-download")
    link.wait_for(timeout=30000)  # the page asks every 2 seconds, and shows the link once the file is ready
    assert page.locator("#export-status").inner_text() == "Tệp đã sẵn sàng"
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == "Kế hoạch 5-KH-STNMT.pdf"
    assert pdf.page_count(open(download.path(), "rb").read()) >= 3
    page.click("nav >> text=Văn bản, báo cáo")
    assert "Kế hoạch 5-KH-STNMT.pdf" in page.locator("#exports").inner_text()
