"""The reform office downloads the sample file, imports it as it is, then imports an export whose columns changed
and finds its saved mapping still valid, with what changed said on the page (Chromium)."""

import csv
import io
import re

import pytest

from dossiers.models import Dossier, ImportSource

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _upload(page, path, *, source: str | None = None, new_source: str | None = None, unit: str = ""):
    page.goto(f"{page.base_url}/dossiers/import/")
    if source:
        page.select_option("#id_source", label=source)
    else:
        page.fill("#id_new_source", new_source)
        page.select_option("#id_unit", label=unit)
    page.set_input_files("#id_file", str(path))
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("#preview")


def test_office_imports_the_sample_then_an_export_with_changed_columns(cast, page, login_as, tmp_path):
    login_as(cast.mai)
    page.goto(f"{page.base_url}/dossiers/import/")
    with page.expect_download() as download:
        page.locator("#sample").get_by_role("link", name="tải tệp mẫu .xlsx").click()
    sample = tmp_path / download.value.suggested_filename
    download.value.save_as(sample)
    assert sample.name == "mau-nhap-ho-so-mot-cua.xlsx"

    _upload(page, sample, new_source="Hệ thống thông tin giải quyết TTHC tỉnh", unit="Sở Tài nguyên và Môi trường")
    assert page.input_value("#id_fee") == "Phí, lệ phí" and page.input_value("#id_apology_sent") == "Phiếu xin lỗi"
    assert page.locator("#mapping-dropped, #mapping-proposed").count() == 0
    page.click("#mapping-form button[type=submit]")
    page.wait_for_selector("#import-message")
    assert "Đã nhập 2 hồ sơ mới" in page.inner_text("#import-message")

    # The next export drops the fee and the apology columns and calls the due date differently.
    source = ImportSource.objects.get()
    headers = [h for h in source.mapping.values() if h not in ("Phí, lệ phí", "Phiếu xin lỗi", "Hạn trả kết quả")]
    changed = tmp_path / "xuat-thang-2.csv"
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([*headers, "Ngày hẹn trả"])
    values = {"Mã hồ sơ": "H-0203", "Mã thủ tục": "1.004227", "Ngày tiếp nhận": "03/02/2024 08:00",
              "Đơn vị giải quyết": Dossier.objects.first().handling_unit.name, "Hình thức nộp": "Trực tiếp"}
    writer.writerow([*[values.get(h, "") for h in headers], "19/02/2024"])
    changed.write_text(buffer.getvalue(), encoding="utf-8-sig")

    _upload(page, changed, source="Hệ thống thông tin giải quyết TTHC tỉnh")
    dropped = page.inner_text("#mapping-dropped")
    assert "Phí, lệ phí: cột “Phí, lệ phí”" in dropped and "Phiếu xin lỗi: cột “Phiếu xin lỗi”" in dropped
    assert "Hạn trả kết quả: cột “Hạn trả kết quả”" in dropped
    assert "Hạn trả kết quả: cột “Ngày hẹn trả”" in page.inner_text("#mapping-proposed")
    assert page.input_value("#id_fee") == "" and page.input_value("#id_due_at") == "Ngày hẹn trả"
    assert page.input_value("#id_code") == "Mã hồ sơ", "the saved choice stays"
    page.click("#mapping-form button[type=submit]")
    page.wait_for_selector("#import-message")
    assert "Đã nhập 1 hồ sơ mới" in page.inner_text("#import-message")
    assert Dossier.objects.get(code="H-0203").due_on.isoformat() == "2024-02-19"

    # The figures' date boxes show the days counted, with the hint below rather than a grey example.
    page.click("text=Xem thống kê")
    start = page.locator("#id_start")
    assert re.fullmatch(r"01/01/\d{4}", start.input_value()), "this year so far, as counted"
    assert start.get_attribute("placeholder") is None
    assert "dd/mm/yyyy" in page.inner_text("#id_start_helptext")
