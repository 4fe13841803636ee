"""The dashboard, the drill-down list and the Excel exports, as each person of the cast sees them."""

from datetime import date, datetime, timedelta
from io import BytesIO

import openpyxl
import pytest
from django.utils import timezone

from dossiers.models import Dossier, Procedure
from dossiers.tests.helpers import SAMPLE, import_bytes, make_catalogue

WINDOW = "start=01/01/2024&end=30/11/2024"


@pytest.fixture
def imported(cast):
    make_catalogue()
    import_bytes(cast.mai, cast.department, SAMPLE.encode())


def test_the_dashboard_shows_the_hand_counted_figures(imported, cast, client_for):
    page = client_for(cast.manh).get(f"/dossiers/?{WINDOW}")
    assert page.status_code == 200
    overall = page.context["overall"]
    assert (overall.settled, overall.early_or_on_time, overall.received) == (6, 4, 8)
    html = page.content.decode()
    assert "66,7 %" in html and "50,0 %" in html and "60,0 %" in html and "62,5 %" in html
    split = html.split('id="online-split"', 1)[1].split("</small>", 1)[0]
    assert "một phần" in split and "25,0 %" in split and "toàn trình" in split, "2 partly and 2 fully online of 8"
    assert "<svg" in html and "Tỷ lệ theo tháng" in html
    assert "http://kozea" not in html and "<script" not in html.split("<svg", 1)[1].split("</svg>")[0]
    late_codes = [d.code for d in page.context["late_list"]]
    assert sorted(late_codes) == ["H04", "H06"]
    unit_rows = {r["label"]: r["tally"] for r in page.context["unit_rows"]}
    assert unit_rows["Văn phòng Đăng ký đất đai"].late == 2
    months = {r["label"]: r["tally"] for r in page.context["month_rows"]}
    assert months["02/2024"].on_time == 2


def test_a_specialist_sees_only_the_dossiers_of_their_unit_and_an_outsider_none(imported, cast, client_for):
    lan_page = client_for(cast.lan).get(f"/dossiers/?{WINDOW}")
    assert lan_page.context["overall"].received == 0, "Phòng Quản lý đất đai handles none of these"
    client = client_for(cast.khoa)
    assert client.get(f"/dossiers/?{WINDOW}").context["overall"].received == 0
    listed = client.get(f"/dossiers/list/?{WINDOW}&outcome=received")
    assert listed.status_code == 200 and listed.context["page"].paginator.count == 0
    assert client.get(f"/dossiers/list/?{WINDOW}&unit={cast.unit('vpdkdd').pk}").context["form"].errors


def test_drilling_down_lists_the_dossiers_behind_a_number(imported, cast, client_for):
    client = client_for(cast.mai)
    late = client.get(f"/dossiers/list/?{WINDOW}&outcome=late")
    assert sorted(d.code for d in late.context["page"]) == ["H04", "H05"]
    overdue = client.get(f"/dossiers/list/?{WINDOW}&outcome=overdue&unit={cast.unit('qlmt').pk}")
    assert [d.code for d in overdue.context["page"]] == ["H09"]
    february = client.get("/dossiers/list/?start=01/02/2024&end=29/02/2024&outcome=on_time")
    assert sorted(d.code for d in february.context["page"]) == ["H01", "H02"]
    assert "quá hạn" in overdue.content.decode()


@pytest.mark.parametrize("query", [
    "start=31/02/2024", "start=hôm qua&end=1", "start=30/11/2024&end=01/01/2024", "unit=abc&procedure=-1&field=x",
    "outcome=<script>&page=999", "page=abc",
])
def test_bad_filters_never_break_the_pages(imported, cast, client_for, query):
    client = client_for(cast.mai)
    for url in ("/dossiers/", "/dossiers/list/", "/dossiers/xlsx/", "/dossiers/list/xlsx/"):
        assert client.get(f"{url}?{query}").status_code == 200


def test_the_excel_export_has_real_numbers_and_a_frozen_header(imported, cast, client_for):
    response = client_for(cast.mai).get(f"/dossiers/xlsx/?{WINDOW}")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = openpyxl.load_workbook(BytesIO(response.content))
    sheet = book["Theo tháng"]
    assert sheet.freeze_panes == "B2"
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["Tháng", "Tiếp nhận", "Trực tuyến một phần"]
    total_row = [c.value for c in sheet[sheet.max_row]]
    assert total_row[0] == "Tổng cộng"
    assert total_row[header.index("Tiếp nhận")] == 8
    assert total_row[header.index("Tỷ lệ đúng và trước hạn")] == pytest.approx(0.6667)
    assert total_row[header.index("Tỷ lệ trực tuyến toàn trình")] == pytest.approx(0.25)
    listed = openpyxl.load_workbook(BytesIO(client_for(cast.mai).get(f"/dossiers/list/xlsx/?{WINDOW}&outcome=late").content))
    rows = list(listed["Hồ sơ"].values)
    assert rows[0][0] == "Mã hồ sơ" and sorted(r[0] for r in rows[1:]) == ["H04", "H05"]
    assert isinstance(rows[1][5], datetime)


def test_the_list_export_stops_at_its_limit_and_says_so(imported, cast, client_for, monkeypatch):
    from dossiers.views import figures

    monkeypatch.setattr(figures, "LIST_EXPORT_LIMIT", 3)
    content = client_for(cast.mai).get(f"/dossiers/list/xlsx/?{WINDOW}&outcome=received").content
    rows = list(openpyxl.load_workbook(BytesIO(content))["Hồ sơ"].values)
    assert len(rows) == 1 + 3 + 1
    assert rows[-1][0].startswith("Chỉ xuất 3 hồ sơ đầu tiên")


def _many_dossiers(cast, n: int) -> None:
    procedures = list(Procedure.objects.all())
    units = [cast.unit(c) for c in ("vpdkdd", "qlmt", "bdtnn", "qldd")]
    tz = timezone.get_default_timezone()
    start = datetime(2024, 1, 2, 8, 0, tzinfo=tz)
    Dossier.objects.bulk_create([
        Dossier(code=f"N{i}", procedure=procedures[i % 3], field=procedures[i % 3].field, handling_unit=units[i % 4],
                received_at=start + timedelta(days=i % 300), received_on=(start + timedelta(days=i % 300)).date(),
                due_on=(start + timedelta(days=i % 300 + 10)).date(),
                settled_on=(start + timedelta(days=i % 300 + i % 14)).date() if i % 5 else None,
                channel=["direct", "partly_online", "fully_online"][i % 3], fee_bearing=bool(i % 2))
        for i in range(n)])


def test_query_counts_stay_constant_as_data_grows(imported, cast, client_for, django_assert_max_num_queries):
    client = client_for(cast.mai)
    pages = (f"/dossiers/?{WINDOW}", f"/dossiers/list/?{WINDOW}&outcome=received",
             f"/dossiers/list/?{WINDOW}&outcome=late_no_apology", f"/dossiers/xlsx/?{WINDOW}")
    counts = {}
    for url in pages:
        client.get(url)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        counts[url] = len(ctx.captured_queries)
    _many_dossiers(cast, 600)
    for url in pages:
        with django_assert_max_num_queries(counts[url]):
            assert client.get(url).status_code == 200
    assert counts[pages[0]] <= 22  # 20, and 2 for the navigation's to-do counts (core.inbox)


def test_the_dossier_page_is_in_the_navigation(cast, client_for):
    home = client_for(cast.lan).get("/")
    assert "/dossiers/" in home.content.decode()


def test_the_window_defaults_to_this_year(cast, client_for):
    page = client_for(cast.mai).get("/dossiers/")
    assert page.context["window"].start == date(timezone.localdate().year, 1, 1)
