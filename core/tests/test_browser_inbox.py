"""In the browser: a unit's specialist opens her home page, sees the update sent back to her and follows it; the
reform officer asks for more time and cannot approve it herself, while the leader it names can."""

from datetime import date

import pytest
import time_machine

from plans import actions
from plans.models import Extension
from plans.tests.builders import make_plan, make_task

pytestmark = [pytest.mark.browser, pytest.mark.dates, pytest.mark.django_db(transaction=True)]


@time_machine.travel("2026-11-23 09:00 +07:00", tick=True)
def test_returned_item_on_home_and_an_extension_decided_by_someone_else(cast, page, login_as, live_server):
    plan = make_plan(cast)
    reported = make_task(cast, plan, code="1", lead="qldd", monitoring="vp", deadline="Trước ngày 18/12",
                         content="Số hóa hồ sơ đăng ký đất đai")
    update = actions.post_update(by=cast.lan, task=reported, unit=cast.unit("qldd"), kind="progress", status="done",
                                 note="Đã số hóa xong")
    actions.return_update(by=cast.mai, update=update, reason="Thiếu danh sách hồ sơ đã số hóa")
    asked = make_task(cast, plan, code="2", lead="qldd", monitoring="vp", deadline="Trước ngày 25/11",
                      content="Kết nối phần mềm một cửa với hệ thống của tỉnh")

    login_as(cast.lan)
    page.goto(f"{live_server.url}/")
    returned = page.locator("#todo-returned")
    assert "Thiếu danh sách hồ sơ đã số hóa" in returned.inner_text()
    returned.get_by_role("link", name="Số hóa hồ sơ đăng ký đất đai").click()
    page.wait_for_url(f"**/plans/nhiem-vu/{reported.pk}/**")
    assert "Đã trả lại" in page.locator("main").inner_text()

    login_as(cast.mai)
    page.goto(f"{live_server.url}/plans/nhiem-vu/{asked.pk}/")
    page.locator("#extensions summary", has_text="Đề nghị gia hạn").click()
    form = page.locator("#extensions form")
    form.locator("[name=new_due]").fill("2026-12-15")
    form.locator("[name=reason]").fill("Chờ nhà cung cấp phần mềm")
    form.get_by_role("button", name="Gửi đề nghị").click()
    page.wait_for_selector("text=Người có thẩm quyền duyệt: Phan Văn Mạnh")
    section = page.locator("#extensions").inner_text()
    assert "không thể tự duyệt" in section
    assert page.locator("#extensions").get_by_role("button", name="Ghi ý kiến").count() == 0

    login_as(cast.manh)
    page.goto(f"{live_server.url}/")
    decide = page.locator("#todo-decide")
    assert "15/12/2026" in decide.inner_text()
    decide.get_by_role("link", name="Kết nối phần mềm một cửa", exact=False).click()
    form = page.locator("#extensions form")
    form.locator("[name=approve]").select_option("1")
    form.locator("[name=note]").fill("Đồng ý gia hạn")
    form.get_by_role("button", name="Ghi ý kiến").click()
    page.wait_for_selector("text=Đã ghi ý kiến về đề nghị gia hạn")
    extension = Extension.objects.get(task=asked)
    asked.refresh_from_db()
    assert extension.status == Extension.Status.APPROVED and extension.decided_by == cast.manh
    assert asked.extended_due == date(2026, 12, 15)
