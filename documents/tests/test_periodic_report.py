"""The periodic CCHC report (quarter, six months, year), assembled from the plans' progress and measured figures."""

import datetime as dt
from datetime import date
from decimal import Decimal

import pytest
import time_machine

from documents import builtin, contexts, sheets
from documents.tests.builders import make_plan
from documents.tests.readback import docx_text, find_row, workbook
from frameworks import metrics

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_time_dossiers(monkeypatch):
    """A measured figure as the dossiers app reports it: 2.618 of 2.817 dossiers on time (the seed's count)."""
    def compute(unit, start, end):
        if unit.code != "stnmt":
            return None
        return metrics.MetricValue(Decimal("92.94"), "2.618/2.817 hồ sơ đúng hạn", "/dossiers/")

    monkeypatch.setitem(metrics._REGISTRY, "test.on_time", metrics.Metric("test.on_time", "Hồ sơ đúng hạn (%)", compute))


def test_first_quarter_report_counts_tasks_due_in_the_quarter_and_lists_the_late_ones(cast, on_time_dossiers):
    make_plan(cast)
    context = contexts.periodic_context(cast.department, "quarter", 2024, 1, today=date(2024, 6, 3))
    assert context["ky_bao_cao"] == "quý I năm 2024"
    assert (context["tu_ngay"], context["den_ngay"]) == ("01/01/2024", "31/03/2024")
    assert [t["tt"] for t in context["nhiem_vu_qua_han"]] == ["3.6"]
    office = next(u for u in context["don_vi"] if u["ten"] == "Văn phòng Sở")
    assert office["qua_han"] == 1
    figure = next(f for f in context["so_lieu"] if f["ten"] == "Hồ sơ đúng hạn (%)")
    assert figure["gia_tri"] == "92,94%" and figure["chi_tiet"] == "2.618/2.817 hồ sơ đúng hạn"

    text = docx_text(builtin.periodic_document(context))
    for expected in ("BÁO CÁO", "Kết quả thực hiện công tác cải cách hành chính quý I năm 2024",
                     "I. KẾT QUẢ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH", "5/KH-STNMT",
                     "Cử công chức, viên chức đến làm việc tại Trung tâm Phục vụ hành chính công tỉnh",
                     "92,94%", "2.618/2.817 hồ sơ đúng hạn", "Phan Văn Mạnh", "Nơi nhận:"):
        assert expected in text, expected


def test_units_period_reports_are_part_of_the_report(cast):
    from plans.actions import add_report_period, submit_period_report

    plan = make_plan(cast)
    period = add_report_period(by=cast.mai, plan=plan, label="Quý I", stated_due=date(2024, 3, 10))
    submit_period_report(by=cast.lan, period=period, unit=cast.unit("qldd"), today=date(2024, 3, 8),
                         text="Đã rà soát, cập nhật TTHC lĩnh vực đất đai trên Trang thông tin điện tử.")
    submit_period_report(by=cast.hung, period=period, unit=cast.unit("ttcntt"), today=date(2024, 3, 20),
                         text="Đã nâng cấp Hệ thống thông tin giải quyết TTHC.")
    context = contexts.periodic_context(cast.department, "quarter", 2024, 1, today=date(2024, 6, 3))
    assert [(r["don_vi"], r["dung_han"]) for r in context["bao_cao_don_vi"]] == [
        ("Phòng Quản lý đất đai", True), ("Trung tâm Công nghệ thông tin tài nguyên và môi trường", False)]
    text = docx_text(builtin.periodic_document(context))
    assert "Đã rà soát, cập nhật TTHC lĩnh vực đất đai trên Trang thông tin điện tử." in text
    assert "(Quý I, gửi ngày 20/03/2024, trễ hạn, hạn " in text


def test_year_report_counts_finished_tasks(cast):
    make_plan(cast)
    context = contexts.periodic_context(cast.department, "year", 2024, today=date(2024, 12, 20))
    assert context["ky_bao_cao"] == "năm 2024"
    plan_row = context["ke_hoach"][0]
    assert plan_row["so_ky_hieu"] == "5/KH-STNMT"
    assert plan_row["hoan_thanh"] == 1
    assert plan_row["tong"] == context["tong_nhiem_vu"] >= 4


def test_figures_workbook_holds_percent_numbers(cast, on_time_dossiers):
    sheet = workbook(sheets.figures_workbook(cast.department, 2024, today=date(2024, 11, 30))).active
    header = find_row(sheet, "Cơ quan, đơn vị")
    column = header.index("Hồ sơ đúng hạn (%)")
    assert find_row(sheet, "Sở Tài nguyên và Môi trường")[column] == 92.94


@time_machine.travel(dt.datetime(2024, 6, 3, 9, 0), tick=False)
def test_periodic_report_form_downloads_and_bad_input_gets_a_message(cast, client_for):
    make_plan(cast)
    client = client_for(cast.mai)
    department = cast.department.pk
    response = client.get("/documents/bao-cao-theo-ky/", {"unit": department, "kind": "quarter", "year": 2024,
                                                          "quarter": 1, "xuat": "bao-cao-dinh-ky.docx"})
    assert response.status_code == 200
    assert "quý I năm 2024" in docx_text(response.content)
    assert "filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20CCHC%20qu%C3%BD%20I%20n%C4%83m%202024" in response["Content-Disposition"]

    response = client.get("/documents/bao-cao-theo-ky/", {"unit": department, "kind": "quarter", "year": "hai nghìn",
                                                          "xuat": "bao-cao-dinh-ky.docx"}, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Năm phải là số, ví dụ 2024." in page and "Vui lòng chọn quý của báo cáo." in page

    response = client.get("/documents/bao-cao-theo-ky/", {"unit": "", "xuat": "bao-cao-dinh-ky.docx"}, follow=True)
    assert "Vui lòng chọn cơ quan, đơn vị của báo cáo." in response.content.decode()
    assert client.get("/documents/bao-cao-theo-ky/", {"unit": department, "kind": "year", "year": 2024,
                                                      "xuat": "khong-co.docx"}).status_code == 404
    assert client_for(cast.khoa).get("/documents/bao-cao-theo-ky/", {
        "unit": department, "kind": "year", "year": 2024, "xuat": "bao-cao-dinh-ky.docx"}).status_code == 403


def test_figures_workbook_counts_dossiers_per_handling_unit(cast):
    from dossiers.models import Dossier, Procedure

    procedure = Procedure.objects.create(code="1.004227", name="Đăng ký đất đai lần đầu", processing_days=10)
    office = cast.unit("vpdkdd")

    def dossier(code, received, due, settled, channel=Dossier.Channel.DIRECT):
        Dossier.objects.create(code=code, procedure=procedure, handling_unit=office, channel=channel,
                               received_at=dt.datetime(*received, 9, tzinfo=dt.UTC), received_on=date(*received),
                               due_on=date(*due), settled_on=date(*settled) if settled else None)

    dossier("H1", (2024, 3, 1), (2024, 3, 15), (2024, 3, 10), Dossier.Channel.FULLY_ONLINE)
    dossier("H2", (2024, 4, 1), (2024, 4, 15), (2024, 4, 15))
    dossier("H3", (2024, 5, 2), (2024, 5, 16), (2024, 5, 20))
    book = workbook(sheets.figures_workbook(cast.department, 2024, today=date(2024, 11, 30)))
    sheet = book["Hồ sơ TTHC"]
    row = find_row(sheet, "Văn phòng Đăng ký đất đai")
    assert row[1:9] == (3, 1, 3, 1, 1, 1, 0, 0)
    assert row[9] == pytest.approx(66.67)
    assert find_row(sheet, "Tổng cộng")[1] == 3


@pytest.mark.dates
def test_the_report_projects_the_years_score(cast, monkeypatch):
    """Section III, on the constructed year of assessments/tests/projection_year.py."""
    from assessments.tests import projection_year

    projection_year.register_metric(monkeypatch)
    with time_machine.travel(projection_year.TODAY, tick=False):
        projection_year.build(cast)
    context = contexts.periodic_context(cast.unit("qldd"), "quarter", 2024, 1, today=date(2024, 2, 19))
    assert context["co_du_bao"] is True
    assert (context["du_bao_chac_chan"], context["du_bao_nguy_co"], context["du_bao_da_mat"]) == ("1,5", "3", "3")
    assert (context["du_bao_dung_han"], context["du_bao_tien_do"]) == ("6", "4,5")
    assert context["du_bao_hang_dung_han"] == context["du_bao_hang_tien_do"] == "02/2"
    assert [c["ma"] for c in context["du_bao_tieu_chi"]] == ["2.1", "1.3", "1.2", "1.1"], "most points first"
    text = docx_text(builtin.periodic_document(context))
    for expected in ("III. DỰ BÁO ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024",
                     "Tính đến ngày 19/02/2024, theo Bộ tiêu chí thử năm 2024 (tối đa 9 điểm): đã chắc chắn 1,5 điểm; "
                     "có nguy cơ mất 3 điểm; đã mất 3 điểm. Nếu mọi nhiệm vụ đến hạn được hoàn thành đúng hạn, tổng "
                     "điểm dự báo đạt 6 điểm, xếp hạng 02/2; theo tiến độ hiện nay đạt 4,5 điểm, xếp hạng 02/2.",
                     "Công tác chỉ đạo, điều hành CCHC",
                     "1.2. Ban hành kế hoạch CCHC của đơn vị đúng hạn: có nguy cơ mất 0, đã mất 1 điểm (Đã quá thời "
                     "hạn 31/01/2024 mà chưa có tài liệu ký trước hạn hay nhiệm vụ hoàn thành đúng hạn); đơn vị: "
                     "Phòng QLĐĐ.", "IV. TỒN TẠI, HẠN CHẾ", "V. NHIỆM VỤ TRỌNG TÂM KỲ TỚI"):
        assert expected in text, expected


def test_without_a_framework_the_report_says_there_is_nothing_to_project(cast):
    context = contexts.periodic_context(cast.department, "year", 2024, today=date(2024, 12, 20))
    assert context["co_du_bao"] is False
    assert "Chưa có kỳ đánh giá hay bộ chỉ số của năm để dự báo điểm." in docx_text(builtin.periodic_document(context))
