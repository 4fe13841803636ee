"""The reform office imports an export in Chromium, maps its columns, then drills from a rate to the dossiers."""

import pytest

from dossiers.models import Dossier
from dossiers.tests.helpers import SAMPLE, make_catalogue

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_office_imports_an_export_and_drills_into_late_dossiers(cast, page, login_as, tmp_path):
    make_catalogue()
    export = tmp_path / "xuat-ho-so-2024.csv"
    export.write_text(SAMPLE, encoding="utf-8-sig")

    login_as(cast.mai)
    page.click("nav >> text=Hồ sơ TTHC")
    page.click("text=Nhập dữ liệu từ phần mềm một cửa")
    page.fill("#id_new_source", "Hệ thống thông tin giải quyết TTHC tỉnh")
    page.select_option("#id_unit", label="Sở Tài nguyên và Môi trường")
    page.set_input_files("#id_file", str(export))
    page.click("#upload-form button[type=submit]")

    page.wait_for_selector("#preview")
    assert page.locator("#preview >> text=Cấp giấy phép môi trường").first.is_visible()
    assert page.input_value("#id_received_at") == "Ngày tiếp nhận", "guessed from the header"
    assert page.input_value("#id_due_at") == "Ngày hẹn trả"
    page.check("input[name=mode][value=skip]")
    page.click("#mapping-form button[type=submit]")

    page.wait_for_selector("#import-message")
    assert "Đã nhập 9 hồ sơ mới" in page.inner_text("#import-message")
    assert Dossier.objects.count() == 9

    page.click("text=Xem thống kê")
    page.fill("#id_start", "01/01/2024")
    page.fill("#id_end", "30/11/2024")
    page.click(".filters button[type=submit]")
    kpi = page.inner_text("#kpi")
    assert "66,7 %" in kpi and "50,0 %" in kpi
    assert page.locator("svg[role=img]").count() == 2
    page.locator("#by-unit tr", has_text="Văn phòng Đăng ký đất đai").locator("td").nth(5).locator("a").click()
    page.wait_for_selector("#dossiers")
    codes = sorted(page.locator("#dossiers tbody tr td:first-child").all_inner_texts())
    assert codes == ["H04", "H05"]
