"""A plan comes out as an official Word document with its appendices, and as an Excel task table."""

import datetime as dt
from datetime import date

import pytest
import time_machine
from docx.enum.section import WD_ORIENT

from documents import builtin, contexts, sheets
from documents.tests.builders import SEED_SUMMARY, make_plan
from documents.tests.readback import docx, docx_text, find_row, workbook

pytestmark = pytest.mark.django_db
TODAY = date(2024, 6, 3)


@pytest.fixture
def plan(cast):
    return make_plan(cast)


def test_plan_word_document_has_header_appendices_and_signature(plan):
    data = builtin.plan_document(contexts.plan_context(plan, TODAY))
    text = docx_text(data)
    for expected in ("UBND TỈNH BÀ RỊA – VŨNG TÀU", "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Số: 05/KH-STNMT",
                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Bà Rịa – Vũng Tàu, ngày 05 tháng 01 năm 2024", "KẾ HOẠCH", SEED_SUMMARY,
                     "- UBND tỉnh (b/c);", "- Lưu: VT, VP.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Phan Văn Mạnh",
                     "PHỤ LỤC 1", "NHIỆM VỤ, GIẢI PHÁP NÂNG CAO CHỈ SỐ PAR INDEX CỦA TỈNH", "PHỤ LỤC 3",
                     "(Kèm theo Kế hoạch số 5/KH-STNMT ngày 05/01/2024 của Sở Tài nguyên và Môi trường)",
                     "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC",
                     "Cử công chức, viên chức đến làm việc tại Trung tâm Phục vụ hành chính công tỉnh",
                     "Trung tâm Công nghệ thông tin tài nguyên và môi trường", "Quý I/2024"):
        assert expected in text, expected
    document = docx(data)
    assert [s.orientation for s in document.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE,
                                                          WD_ORIENT.LANDSCAPE]
    appendix_1 = document.tables[2]
    overdue = next(r for r in appendix_1.rows if r.cells[0].text == "3.6")
    assert overdue.cells[-1].text == "Đang thực hiện (40%)\nQuá hạn"
    done = next(r for r in appendix_1.rows if r.cells[0].text == "1")
    assert done.cells[-1].text == "Đã hoàn thành (100%)"


def test_plan_workbook_has_one_sheet_per_appendix_with_real_dates_and_numbers(plan):
    book = workbook(sheets.plan_workbook(plan, TODAY))
    assert book.sheetnames == ["Phụ lục 1", "Phụ lục 3"]
    sheet = book["Phụ lục 1"]
    assert sheet["A1"].value == "PHỤ LỤC 1"
    assert find_row(sheet, "TT") == ("TT", "Nhiệm vụ / Nội dung thực hiện", "Cơ quan chủ trì", "Cơ quan phối hợp",
                                     "Cơ quan theo dõi, đôn đốc, tổng hợp", "Kết quả của nhiệm vụ",
                                     "Thời gian thực hiện", "Hạn hoàn thành", "Tình trạng", "Tiến độ (%)")
    row = find_row(sheet, "3.6")
    assert row[1] == "Cử công chức, viên chức đến làm việc tại Trung tâm Phục vụ hành chính công tỉnh"
    assert row[7] == dt.datetime(2024, 3, 29)
    assert row[9] == 40 and isinstance(row[9], int)
    section = next(r for r in sheet.iter_rows() if r[1].value == "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC")
    assert section[1].font.bold
    assert sheet.freeze_panes == "A6"


def test_overdue_workbook_lists_open_tasks_past_due_with_days_late(plan, cast):
    sheet = workbook(sheets.overdue_workbook(cast.department, TODAY)).active
    row = find_row(sheet, "3.6")
    assert row[0] == "5/KH-STNMT"
    assert row[5] == (TODAY - date(2024, 3, 29)).days
    codes = [r[1] for r in sheet.iter_rows(min_row=5, values_only=True)]
    assert codes == ["3.6"], "done and not-yet-due tasks are not overdue"


@time_machine.travel(dt.datetime(2024, 6, 3, 9, 0), tick=False)
def test_office_downloads_the_plan_with_a_vietnamese_file_name(plan, cast, client_for):
    response = client_for(cast.mai).get(f"/documents/ke-hoach/{plan.pk}.docx")
    assert response.status_code == 200
    assert response["Content-Type"].endswith("wordprocessingml.document")
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="Ke hoach 5-KH-STNMT.docx"')
    assert "filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%205-KH-STNMT.docx" in disposition
    assert "Cử công chức, viên chức" in docx_text(response.content)

    response = client_for(cast.mai).get(f"/documents/nhiem-vu/{plan.pk}.xlsx")
    assert response.status_code == 200
    assert find_row(workbook(response.content)["Phụ lục 1"], "3.6")[9] == 40


def test_outsiders_and_other_units_cannot_export_the_plan(plan, cast, client_for):
    assert client_for(cast.khoa).get(f"/documents/ke-hoach/{plan.pk}.docx").status_code == 404
    assert client_for(cast.lan).get(f"/documents/nhiem-vu/{plan.pk}.xlsx").status_code == 404
    assert client_for(cast.manh).get(f"/documents/nhiem-vu/{plan.pk}.xlsx").status_code == 200


def test_unknown_export_format_or_plan_is_a_404(plan, cast, client_for):
    client = client_for(cast.mai)
    assert client.get(f"/documents/ke-hoach/{plan.pk}.exe").status_code == 404
    assert client.get(f"/documents/ke-hoach/{plan.pk}.xlsx").status_code == 404
    assert client.get("/documents/ke-hoach/999999.docx").status_code == 404
    assert client.get(f"/documents/khong-co/{plan.pk}.docx").status_code == 404
