"""The office builds a plan in the browser, the Land division reports progress with evidence, the task goes
overdue and the daily reminder e-mail goes out once."""

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from plans.models import Plan, Task

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _add_task(page, section, code, content, deadline, lead, monitoring):
    form = page.locator("#task-form")
    form.locator("[name=section]").select_option(label=section)
    form.locator("[name=code]").fill(code)
    form.locator("[name=content]").fill(content)
    form.locator("[name=deadline_text]").fill(deadline)
    form.locator("[name=lead_units]").select_option(label=lead)
    form.locator("[name=monitoring_units]").select_option(label=monitoring)
    form.get_by_role("button", name="Thêm nhiệm vụ").click()
    page.wait_for_selector(f"text=Đã thêm nhiệm vụ {code}")


# Monday 23/11/2026, the week the first task falls due; the test moves on to the Monday after.
@time_machine.travel("2026-11-23 09:00 +07:00", tick=True)
def test_plan_progress_overdue_and_reminder(cast, page, login_as, live_server, tmp_path):
    login_as(cast.mai)
    page.goto(f"{live_server.url}/plans/")
    page.click("text=Tạo kế hoạch")
    page.locator("[name=issuing_unit]").select_option(str(cast.department.pk))
    page.locator("[name=number]").fill("15")
    page.locator("[name=symbol]").fill("KH-STNMT")
    page.locator("[name=title]").fill("Kế hoạch cải cách hành chính năm 2026")
    page.locator("[name=year]").fill("2026")
    page.get_by_role("button", name="Lưu kế hoạch").click()
    page.wait_for_selector("text=Đã tạo kế hoạch")

    for numeral, title in [("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"), ("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH")]:
        form = page.locator("#section-form")
        form.locator("[name=numeral]").fill(numeral)
        form.locator("[name=title]").fill(title)
        form.get_by_role("button", name="Thêm mục").click()
        page.wait_for_selector("text=Đã thêm mục")

    _add_task(page, "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "1", "Cập nhật bảng giá đất trên Cổng thông tin",
              "Trước ngày 27/11/2026", "Phòng Quản lý đất đai", "Văn phòng Sở")
    _add_task(page, "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "2", "Tuyên truyền CCHC trên Trang thông tin điện tử",
              "Thường xuyên", "Văn phòng Sở", "Văn phòng Sở")
    _add_task(page, "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "1", "Số hóa hồ sơ, kết quả giải quyết TTHC",
              "Quý IV/2027", "Trung tâm Công nghệ thông tin tài nguyên và môi trường", "Văn phòng Sở")
    table = page.locator("table.plan-table").inner_text()
    assert "CẢI CÁCH THỦ TỤC HÀNH CHÍNH" in table and "Trước ngày 27/11/2026" in table and "27/11/2026" in table
    plan = Plan.objects.get(number="15")
    assert plan.sections.count() == 2 and plan.tasks.count() == 3 and plan.status == Plan.Status.DRAFT
    page.get_by_role("link", name="Ban hành kế hoạch").click()
    assert "Sau đó không thay đổi được" in page.locator("#confirm").inner_text()
    page.get_by_role("button", name="Ban hành kế hoạch").click()
    page.wait_for_selector("text=Đã ban hành kế hoạch")
    plan.refresh_from_db()
    assert plan.status == Plan.Status.ISSUED

    page.context.clear_cookies()
    login_as(cast.lan)
    page.goto(f"{live_server.url}/plans/cua-toi/")
    page.click("text=Cập nhật bảng giá đất trên Cổng thông tin")
    evidence = tmp_path / "bang-gia-dat-cong-khai.pdf"
    evidence.write_bytes(b"%PDF-1.4 minh chung")
    form = page.locator("#progress form")
    form.locator("[name=status]").select_option("in_progress")
    form.locator("[name=percent]").fill("60")
    form.locator("[name=note]").fill("Đã tổng hợp bảng giá, đang chờ đăng tải")
    form.locator("[name=files]").set_input_files(str(evidence))
    form.get_by_role("button", name="Gửi cập nhật").click()
    page.wait_for_selector("text=Đã cập nhật tiến độ")
    assert page.locator("a", has_text="bang-gia-dat-cong-khai.pdf").is_visible()
    task = Task.objects.get(plan=plan, content__startswith="Cập nhật bảng giá đất")
    assert task.progress == 60 and task.updates.get().evidence.count() == 1

    # Monday 30/11/2026: one working day after the deadline, overdue but not yet escalated; a week after the
    # log-in, so the session has expired.
    with time_machine.travel("2026-11-30 07:00 +07:00", tick=False):
        call_command("send_reminders")
        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == [cast.lan.email]
        assert "Cập nhật bảng giá đất" in mail.outbox[0].body and "đã quá hạn" in mail.outbox[0].body
        call_command("send_reminders")
        assert len(mail.outbox) == 1
        login_as(cast.lan)
        page.goto(f"{live_server.url}/plans/nhac-viec/")
        assert "Cập nhật bảng giá đất" in page.locator("main").inner_text()
