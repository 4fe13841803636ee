"""A person at the reform office logs in, opens the unit tree and merges two units, in real Chromium."""

import pytest

from org.models import Unit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_office_merges_two_units_in_the_browser(cast, page, login_as):
    login_as(cast.mai)
    page.click("nav >> text=Tổ chức")
    page.wait_for_selector("#unit-tree")
    assert page.locator("#unit-tree >> text=Trung tâm Kỹ thuật tài nguyên và môi trường").is_visible()

    page.click("#reorg-merge summary")
    form = page.locator("#reorg-merge form")
    sources = form.locator("#id_merge-sources")
    sources.get_by_label("Trung tâm Kỹ thuật tài nguyên và môi trường", exact=True).check()
    sources.get_by_label("Trung tâm Quan trắc tài nguyên và môi trường", exact=True).check()
    form.get_by_label("Tên đơn vị mới").fill("Trung tâm Kỹ thuật và Quan trắc môi trường")
    form.get_by_label("Ngày hiệu lực").fill("01/03/2025")
    form.get_by_role("button", name="Ghi nhận").click()

    page.wait_for_selector("text=Đã ghi nhận hợp nhất")
    assert page.locator("#unit-tree >> text=Trung tâm Kỹ thuật và Quan trắc môi trường").is_visible()
    assert page.locator("#unit-tree li[data-unit=ttqt]").count() == 0, "the dissolved unit leaves today's tree"
    assert "hình thành từ" in page.locator("#unit-tree li", has_text="Trung tâm Kỹ thuật và Quan trắc").inner_text()
    merged = Unit.objects.get(name="Trung tâm Kỹ thuật và Quan trắc môi trường")
    assert {u.code for u in merged.lineage()} >= {"ttkt", "ttqt"}

    page.click("text=Hiện cả đơn vị đã giải thể, sáp nhập")
    assert page.locator("#unit-tree li[data-unit=ttqt]").is_visible()
