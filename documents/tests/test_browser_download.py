"""The reform office opens 'Văn bản, báo cáo' and downloads a plan as Word, in real Chromium."""

import pytest

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
