"""In real Chromium: an administrator gives a temporary password, whose holder must change it at first log-in, and
a person changes their own password from their account page."""

import pytest

from accounts.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHOSEN = "Hoa-sen-no-2025"
LATER = "Mua-thu-Vung-Tau-26"


def test_a_temporary_password_must_be_changed_at_first_log_in(cast, page, login_as, live_server):
    login_as(cast.admin)
    page.goto(f"{live_server.url}/accounts/people/{cast.lan.pk}/")
    page.get_by_role("button", name="Cấp mật khẩu tạm thời").click()
    temporary = page.locator("#temporary-password").inner_text().strip()
    assert len(temporary) >= 12

    login_as(cast.lan, password=temporary)
    assert page.url.endswith("/accounts/me/password/")
    assert page.locator("text=mật khẩu tạm thời do quản trị cấp").is_visible()
    page.goto(f"{live_server.url}/plans/")
    assert page.url.endswith("/accounts/me/password/"), "no other page opens before the change"

    page.get_by_label("Mật khẩu hiện tại").fill(temporary)
    page.fill("#id_new_password1", CHOSEN)
    page.get_by_label("Nhập lại mật khẩu mới").fill(CHOSEN)
    page.get_by_role("button", name="Đổi mật khẩu").click()
    page.wait_for_selector("text=Đã đổi mật khẩu")
    page.goto(f"{live_server.url}/plans/")
    assert "/plans/" in page.url
    lan = User.objects.get(pk=cast.lan.pk)
    assert lan.check_password(CHOSEN) and not lan.must_change_password


def test_a_person_changes_their_own_password(cast, page, login_as, live_server):
    login_as(cast.hung)
    page.locator(".userbox a.who").click()
    page.get_by_role("link", name="Đổi mật khẩu").click()

    page.get_by_label("Mật khẩu hiện tại").fill("khong-phai-mat-khau")
    page.fill("#id_new_password1", LATER)
    page.get_by_label("Nhập lại mật khẩu mới").fill(LATER)
    page.get_by_role("button", name="Đổi mật khẩu").click()
    page.wait_for_selector("text=Mật khẩu hiện tại không đúng")

    from core.testing import PASSWORD

    page.get_by_label("Mật khẩu hiện tại").fill(PASSWORD)
    page.fill("#id_new_password1", LATER)
    page.get_by_label("Nhập lại mật khẩu mới").fill(LATER)
    page.get_by_role("button", name="Đổi mật khẩu").click()
    page.wait_for_selector("text=Đã đổi mật khẩu")

    login_as(cast.hung, password=LATER)
    assert "/accounts/login/" not in page.url
