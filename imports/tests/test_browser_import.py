"""The reform office uploads the seed plan, fixes a row, confirms, and finds the tasks in the plan's page — in real
Chromium."""

from pathlib import Path

import pytest

from plans.models import Plan, Task

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "accuracy" / "ke-hoach-nang-cao-par-sipas-2024.docx"


def test_office_imports_the_seed_plan_in_the_browser(cast, page, login_as, live_server):
    login_as(cast.mai)
    page.goto(f"{live_server.url}/imports/")
    page.set_input_files("input[type=file]", str(SEED))
    page.get_by_role("button", name="Đọc tệp").click()
    page.wait_for_selector("text=Rà soát trước khi tạo kế hoạch")
    assert page.locator("text=Đã đọc 145 nhiệm vụ").is_visible()
    assert Plan.objects.count() == 0

    assert page.locator("text=Mọi tên đơn vị đều đã nhận ra.").is_visible()
    assert page.locator("tr", has_text="Tổ kiểm tra công vụ Sở (ngoài Sở)").count() == 1

    row = page.locator("tr", has_text="Đổi mới, sáng tạo trong triển khai nhiệm vụ CCHC").first
    row.get_by_role("link", name="Sửa").click()  # htmx puts the row's form in place
    form = page.locator("form", has_text="Lưu dòng này")
    form.get_by_label("Thời gian thực hiện").fill("Quý IV/2024")
    form.get_by_role("button", name="Lưu dòng này").click()
    page.wait_for_selector("text=Đã lưu nhiệm vụ 1.1.")

    page.get_by_role("button", name="Xác nhận tạo kế hoạch").click()
    page.wait_for_selector("text=Đã tạo kế hoạch và các nhiệm vụ từ tệp.")
    plan = Plan.objects.get()
    assert page.url.endswith(f"/plans/{plan.pk}/")
    assert page.locator("text=Đổi mới, sáng tạo trong triển khai nhiệm vụ CCHC").first.is_visible()
    assert page.locator("text=Tăng cường công tác đào tạo, bồi dưỡng, tập huấn").first.is_visible()
    assert Task.objects.filter(plan=plan).count() == 145
    edited = Task.objects.get(plan=plan, section__appendix_number="2", section__numeral="I", code="1.1")
    assert edited.deadline_text == "Quý IV/2024" and edited.due_date is not None
