"""In the browser: the reform office records an inspection of the IT Centre with a finding and a fix; the Centre's
head finds the fix in his to-do list and reports it done; the office sees it waiting for its confirmation."""

import pytest
import time_machine

from inspections.models import Fix, Inspection
from inspections.tests.builders import make_plan

pytestmark = [pytest.mark.browser, pytest.mark.dates, pytest.mark.django_db(transaction=True)]


@time_machine.travel("2026-11-23 09:00 +07:00", tick=True)
def test_the_office_records_an_inspection_and_the_unit_head_reports_the_fix(cast, page, login_as, live_server):
    plan = make_plan(cast)

    login_as(cast.mai)
    page.goto(f"{live_server.url}/")
    page.get_by_role("navigation").get_by_role("link", name="Kiểm tra CCHC").click()
    page.get_by_role("link", name=plan.title).click()
    form = page.locator("#add-inspection form")
    form.locator("[name=unit]").select_option(label="Trung tâm Công nghệ thông tin tài nguyên và môi trường")
    form.locator("[name=kind]").select_option("unannounced")
    form.locator("[name=actual_date]").fill("2026-11-20")
    form.locator("[name=team]").fill("Lê Thị Mai – Văn phòng Sở, trưởng đoàn\nĐại diện Sở Nội vụ")
    form.get_by_role("button", name="Thêm cuộc kiểm tra").click()
    page.wait_for_selector("text=Đã thêm cuộc kiểm tra")
    assert "Đại diện Sở Nội vụ" in page.locator("main").inner_text()

    finding = page.locator("#finding-form")
    finding.locator("[name=text]").fill("Trang thông tin điện tử chưa công khai đầy đủ TTHC lĩnh vực khiếu nại.")
    finding.get_by_role("button", name="Ghi tồn tại").click()
    page.wait_for_selector("text=Đã ghi tồn tại, hạn chế.")
    page.locator("#findings summary", has_text="Thêm yêu cầu khắc phục").click()
    fix_form = page.locator("#findings details form")
    fix_form.locator("[name=text]").fill("Công khai đầy đủ TTHC lĩnh vực khiếu nại, tố cáo trên Trang thông tin điện tử.")
    fix_form.locator("[name=deadline_text]").fill("Trong thời hạn 05 ngày làm việc kể từ ngày kiểm tra")
    fix_form.get_by_role("button", name="Ghi yêu cầu khắc phục").click()
    # Five working days from Friday 20/11/2026, the 24th (Ngày Văn hóa Việt Nam, from 2026) off: Monday 30/11.
    page.wait_for_selector("text=Đã ghi yêu cầu khắc phục, hạn 30/11/2026.")

    login_as(cast.hung)
    page.goto(f"{live_server.url}/")
    todo = page.locator("#todo-fix")
    assert "hạn 30/11/2026" in todo.inner_text()
    todo.get_by_role("link", name="Khắc phục: Công khai đầy đủ TTHC", exact=False).click()
    report = page.locator("#report form")
    report.locator("[name=note]").fill("Đã công khai đầy đủ 8 TTHC lĩnh vực khiếu nại, tố cáo.")
    report.locator("[name=evidence]").set_input_files(files=[{
        "name": "bao-cao-khac-phuc.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 bao cao khac phuc"}])
    report.get_by_role("button", name="Gửi báo cáo khắc phục").click()
    page.wait_for_selector("text=Đã báo cáo kết quả khắc phục; chờ đơn vị kiểm tra xác nhận.")
    assert "Đã báo cáo, chờ xác nhận" in page.locator("main").inner_text()
    fix = Fix.objects.get()
    assert (fix.status, fix.reported_by, fix.evidence_name) == ("reported", cast.hung, "bao-cao-khac-phuc.pdf")
    page.goto(f"{live_server.url}/")
    assert page.locator("#todo-fix").count() == 0

    login_as(cast.mai)
    page.goto(f"{live_server.url}/")
    assert "Đã công khai đầy đủ 8 TTHC" in page.locator("#todo-decide").inner_text()
    assert Inspection.objects.get().kind == "unannounced"
