"""Importing an export: figures against a hand-counted file, re-import, both error modes, formats."""

from datetime import date
from decimal import Decimal

import openpyxl
import pytest

from audit.models import AuditEntry
from dossiers.models import Dossier, ImportRun, Procedure
from dossiers.queries import Window, behind, total
from dossiers.stats import DossierFacts, tally
from dossiers.tests.helpers import HEADER, ROWS, SAMPLE, import_bytes, make_catalogue

WINDOW_2024 = Window(date(2024, 1, 1), date(2024, 11, 30))


@pytest.fixture
def imported(cast):
    make_catalogue(by=cast.mai)
    run = import_bytes(cast.mai, cast.department, SAMPLE.encode("utf-8-sig"))
    assert run.status == ImportRun.Status.DONE, run.errors
    return run


def test_the_hand_counted_file_gives_the_hand_counted_figures(imported):
    assert (imported.created_count, imported.updated_count, imported.error_count) == (9, 0, 0)
    t = total(Dossier.objects.all(), WINDOW_2024)
    # received in the window: all but H08 (received 15/12/2023)
    assert t.received == 8
    assert (t.partly_online, t.fully_online) == (2, 2)           # H03, H07 | H01, H05
    assert (t.fee_bearing, t.paid_online) == (5, 3)              # H03 H04 H05 H06 H07 | H03 H05 H07
    assert t.digitised == 5                                      # H01 H03 H04 H05 H07
    assert (t.open, t.overdue) == (3, 2)                         # H06 H07 H09 | H06 (27/11) H09 (28/11)
    # settled in the window: H01 H02 H03 H04 H05 and H08 (received in 2023, settled 04/01/2024)
    assert (t.settled, t.early, t.on_time, t.late) == (6, 2, 2, 2)
    assert str(t.on_time_rate) == "0.6667"
    assert str(t.online_rate) == "0.5000"
    assert str(t.payment_rate) == "0.6000"
    assert str(t.digitisation_rate) == "0.6250"


def test_due_dates_missing_in_the_export_are_counted_in_working_days_across_tet(imported):
    h01, h02, h03 = (Dossier.objects.get(code=c) for c in ("H01", "H02", "H03"))
    assert (h01.due_on, h01.due_computed) == (date(2024, 2, 19), True)
    assert (h02.due_on, h02.due_computed) == (date(2024, 2, 20), True), "after 15:00 counts from the next working day"
    assert (h03.due_on, h03.due_computed) == (date(2024, 1, 16), False)


def test_late_dossiers_without_apology_are_listed_by_code(imported):
    listed = behind(Dossier.objects.all(), WINDOW_2024, "late_no_apology")
    assert sorted(listed.values_list("code", flat=True)) == ["H04", "H06"]


def test_figures_per_unit_and_month(imported, cast):
    from dossiers.queries import tallies

    by_unit = tallies(Dossier.objects.all(), WINDOW_2024, "unit")
    vpdk = by_unit[cast.unit("vpdkdd").pk]
    assert (vpdk.received, vpdk.settled, vpdk.early, vpdk.late) == (3, 4, 2, 2)
    qlmt = by_unit[cast.unit("qlmt").pk]
    assert (qlmt.received, qlmt.settled, qlmt.on_time, qlmt.open, qlmt.overdue) == (3, 2, 2, 1, 1)
    by_month = tallies(Dossier.objects.all(), WINDOW_2024, "month")
    assert (by_month[date(2024, 1, 1)].received, by_month[date(2024, 1, 1)].settled) == (2, 3)
    assert (by_month[date(2024, 2, 1)].received, by_month[date(2024, 2, 1)].on_time) == (2, 2)


def test_every_grouping_read_at_once_is_each_grouping_read_on_its_own(imported, cast):
    from dossiers.queries import tallies, tallies_by

    groups = [None, "month", "unit", "procedure", "field"]
    for window in (WINDOW_2024, Window(date(2024, 2, 1), date(2024, 2, 29), cast.unit("vpdkdd")),
                   Window(date(2030, 1, 1), date(2030, 1, 31))):
        together = tallies_by(Dossier.objects.all(), window, groups)
        assert together == {group: tallies(Dossier.objects.all(), window, group) for group in groups}
    assert tallies_by(Dossier.objects.all(), WINDOW_2024, ["unit"])["unit"][cast.unit("vpdkdd").pk].received == 3


def test_the_database_counts_as_the_reference_definition(imported):
    records = [DossierFacts(d.received_on, d.due_on, d.settled_on, d.channel, d.fee_bearing, d.paid_online,
                            d.digitised, d.apology_sent) for d in Dossier.objects.all()]
    for window in (WINDOW_2024, Window(date(2024, 2, 1), date(2024, 2, 29)), Window(date(2023, 1, 1), date(2025, 1, 1))):
        assert total(Dossier.objects.all(), window) == tally(records, window.start, window.end, window.as_of)


def test_reimport_updates_by_code_and_never_duplicates(imported, cast):
    changed = SAMPLE.replace("27/11/2024;;Bưu chính công ích;Không;;Không;Đang xử lý;Không",
                             "27/11/2024;26/11/2024 10:00;Bưu chính công ích;Không;;Không;Đã trả kết quả;Không")
    again = import_bytes(cast.mai, cast.department, changed.encode())
    assert (again.created_count, again.updated_count) == (0, 9)
    assert Dossier.objects.count() == 9
    h06 = Dossier.objects.get(code="H06")
    assert (h06.settled_on, h06.status, h06.last_run_id) == (date(2024, 11, 26), "Đã trả kết quả", again.pk)
    t = total(Dossier.objects.all(), WINDOW_2024)
    assert (t.settled, t.early, t.open, t.overdue) == (7, 3, 2, 1)


def test_a_reimport_writes_what_differs_and_leaves_unchanged_dossiers_as_they_were(imported, cast):
    h03_before = Dossier.objects.get(code="H03")
    moved = SAMPLE.replace("H03;1.004227;Đăng ký biến động quyền sử dụng đất;Đất đai;;",
                           "H03;1.004227;Đăng ký biến động quyền sử dụng đất;Đất đai;Bưu cục Bà Rịa;")
    again = import_bytes(cast.mai, cast.department, moved.encode())
    assert (again.created_count, again.updated_count) == (0, 9)
    h03, h01 = Dossier.objects.get(code="H03"), Dossier.objects.get(code="H01")
    # Where it was received is not one of the audited figures, but it is written.
    assert (h03.receiving_text, h03.last_run_id, h03.received_at) == ("Bưu cục Bà Rịa", again.pk,
                                                                       h03_before.received_at)
    assert h01.last_run_id == imported.pk, "an unchanged dossier is not written again"
    assert not AuditEntry.objects.filter(content_type__model="dossier").exists()


def test_the_import_is_audited(imported, cast):
    entry = AuditEntry.objects.for_object(imported).filter(action="other").get()
    assert entry.user == cast.mai
    assert entry.changes["hồ sơ mới"] == 9


def test_a_reimport_that_changes_a_dossier_leaves_old_and_new_on_it(imported, cast):
    unchanged = import_bytes(cast.mai, cast.department, SAMPLE.encode("utf-8-sig"))
    assert unchanged.updated_count == 9
    assert not AuditEntry.objects.filter(content_type__model="dossier").exists(), "the same export again changes no dossier"

    changed = SAMPLE.replace("27/11/2024;;Bưu chính công ích;Không;;Không;Đang xử lý;Không",
                             "27/11/2024;26/11/2024 10:00;Bưu chính công ích;Không;;Không;Đã trả kết quả;Không")
    again = import_bytes(cast.mai, cast.department, changed.encode())
    h06 = Dossier.objects.get(code="H06")
    entry = AuditEntry.objects.for_object(h06).get()
    assert (entry.action, entry.user, entry.unit_id) == ("update", cast.mai, h06.handling_unit_id)
    assert entry.changes == {"finished_at": [None, "26/11/2024 10:00"], "status": ["Đang xử lý", "Đã trả kết quả"]}
    assert AuditEntry.objects.filter(content_type__model="dossier").count() == 1, "only the dossier that changed"
    assert AuditEntry.objects.for_object(again).filter(action="other").get().changes["hồ sơ thay đổi số liệu"] == 1
    assert "1 hồ sơ có số liệu thay đổi" in again.message


BROKEN = "\n".join([
    HEADER,
    ROWS[2],
    ROWS[3].replace("03/01/2024 08:00", "32/01/2024 08:00"),
    ROWS[4].replace("Văn phòng Đăng ký đất đai", "Phòng Không Tồn Tại"),
    ROWS[7],
]) + "\n"


def test_all_or_nothing_writes_nothing_and_reports_line_numbers(cast):
    make_catalogue()
    run = import_bytes(cast.mai, cast.department, BROKEN.encode(), mode=ImportRun.Mode.ALL_OR_NOTHING)
    assert run.status == ImportRun.Status.REJECTED
    assert Dossier.objects.count() == 0
    assert [e["line"] for e in run.errors] == [3, 4]
    assert "32/01/2024" in run.errors[0]["message"]
    assert "Phòng Không Tồn Tại" in run.errors[1]["message"]
    assert "không ghi hồ sơ nào" in run.message


def test_skip_bad_rows_commits_the_good_ones_and_lists_the_bad(cast):
    make_catalogue()
    run = import_bytes(cast.mai, cast.department, BROKEN.encode(), mode=ImportRun.Mode.SKIP_BAD)
    assert run.status == ImportRun.Status.DONE
    assert sorted(Dossier.objects.values_list("code", flat=True)) == ["H03", "H08"]
    assert [e["line"] for e in run.errors] == [3, 4]
    assert (run.created_count, run.error_count) == (2, 2)


def test_a_row_without_due_date_whose_procedure_has_no_processing_time_is_an_error(cast):
    rows = [HEADER, ROWS[0].replace("1.010727", "9.999999").replace("Cấp giấy phép môi trường", "Thủ tục mới")]
    run = import_bytes(cast.mai, cast.department, "\n".join(rows).encode())
    assert run.status == ImportRun.Status.REJECTED
    assert "chưa có thời hạn giải quyết" in run.errors[0]["message"]
    assert not Procedure.objects.filter(code="9.999999").exists(), "rolled back with the rest"


def test_xlsx_export_with_a_title_row_excel_dates_and_comma_csv(cast, tmp_path):
    from datetime import datetime

    make_catalogue()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ"])
    sheet.append(["Số hồ sơ", "Mã TTHC", "Tên thủ tục", "Đơn vị xử lý", "Thời gian tiếp nhận", "Hạn xử lý",
                  "Ngày hoàn thành", "Hình thức tiếp nhận", "Số hóa"])
    sheet.append(["X1", "1.010727", "Cấp giấy phép môi trường", "Phòng QLMT", datetime(2024, 2, 7, 9, 0), None,
                  datetime(2024, 2, 16, 9, 0), "Trực tuyến toàn trình", "x"])
    path = tmp_path / "bao-cao.xlsx"
    book.save(path)
    run = import_bytes(cast.mai, cast.department, path.read_bytes(), name="bao-cao.xlsx")
    assert run.status == ImportRun.Status.DONE, run.errors
    x1 = Dossier.objects.get(code="X1")
    assert (x1.due_on, x1.settled_on, x1.channel, x1.digitised) == (date(2024, 2, 19), date(2024, 2, 16),
                                                                   "fully_online", True)
    assert x1.handling_unit == cast.unit("qlmt")

    comma = "Mã hồ sơ,Tên thủ tục,Đơn vị giải quyết,Ngày tiếp nhận,Ngày hẹn trả\nC1,Cấp giấy phép môi trường," \
            "Phòng Quản lý môi trường,2024-02-07T09:00:00,2024-02-19\n"
    run = import_bytes(cast.mai, cast.department, comma.encode(), name="c.csv")
    assert run.status == ImportRun.Status.DONE, run.errors
    assert Dossier.objects.get(code="C1").procedure.code == "1.010727", "found by name when the code is absent"


def test_a_file_that_is_not_an_export_fails_with_a_message(cast):
    run = import_bytes(cast.mai, cast.department, b"\xff\xfe\x00garbage", name="x.csv", mapping={})
    assert run.status == ImportRun.Status.FAILED
    assert "UTF-8" in run.message


# Across Tết 2025 (Saturday 25/01 – Sunday 02/02 off); window 01/01–30/11/2025, counted by hand.
TET_2025 = "\n".join([
    HEADER,
    # 3 working days from Friday 24/01 09:00: 03/02, 04/02, 05/02 → due 05/02, settled that day: on time
    "T1;1.010727;Cấp giấy phép môi trường;Môi trường;;Phòng Quản lý môi trường;24/01/2025 09:00;;"
    "05/02/2025 10:00;Trực tuyến toàn trình;;;Có;Đã trả kết quả;",
    # the same after 15:00: counted from Monday 03/02 → due Thursday 06/02, settled 05/02: early
    "T2;1.010727;Cấp giấy phép môi trường;Môi trường;;Phòng Quản lý môi trường;24/01/2025 16:00;;"
    "05/02/2025 09:00;Trực tiếp;;;Không;Đã trả kết quả;",
    # 10 working days from Wednesday 22/01: 23, 24/01, 03–07/02, 10–12/02 → due 12/02, settled 13/02: late,
    # without an apology letter
    "T3;1.004227;Đăng ký biến động quyền sử dụng đất;Đất đai;;Văn phòng Đăng ký đất đai;22/01/2025 08:00;;"
    "13/02/2025 08:30;Trực tuyến một phần;Có;50.000;Có;Đã trả kết quả;Không",
    # received on the Saturday of Tết: 5 working days from 03/02 → due 10/02; still open, overdue, apology sent
    "T4;1.004253;Cấp giấy phép khai thác nước dưới đất;Tài nguyên nước;;Phòng Biển đảo, TNN-KS;"
    "25/01/2025 10:00;;;Bưu chính công ích;Không;100.000;Không;Đang xử lý;Có",
    # the export's own due date is kept: due 05/02, settled 04/02: early
    "T5;1.004227;Đăng ký biến động quyền sử dụng đất;Đất đai;;Văn phòng Đăng ký đất đai;20/01/2025 08:00;"
    "05/02/2025;04/02/2025 15:00;Trực tuyến toàn trình;Có;50.000;Không;Đã trả kết quả;",
]) + "\n"
WINDOW_2025 = Window(date(2025, 1, 1), date(2025, 11, 30))


def test_a_hand_counted_file_across_tet_2025(cast):
    from dossiers.queries import tallies

    make_catalogue()
    run = import_bytes(cast.mai, cast.department, TET_2025.encode())
    assert run.status == ImportRun.Status.DONE, run.errors
    due = {d.code: (d.due_on, d.due_computed) for d in Dossier.objects.all()}
    assert due == {"T1": (date(2025, 2, 5), True), "T2": (date(2025, 2, 6), True), "T3": (date(2025, 2, 12), True),
                   "T4": (date(2025, 2, 10), True), "T5": (date(2025, 2, 5), False)}
    t = total(Dossier.objects.all(), WINDOW_2025)
    assert (t.received, t.partly_online, t.fully_online) == (5, 1, 2)           # T3 | T1 T5
    assert (t.fee_bearing, t.paid_online, t.digitised) == (3, 2, 2)             # T3 T4 T5 | T3 T5 | T1 T3
    assert (t.open, t.overdue) == (1, 1)                                         # T4
    assert (t.settled, t.early, t.on_time, t.late) == (4, 2, 1, 1)              # T2 T5 | T1 | T3
    assert [str(r) for r in (t.on_time_rate, t.online_rate, t.payment_rate, t.digitisation_rate)] == \
        ["0.7500", "0.6000", "0.6667", "0.4000"]
    assert list(behind(Dossier.objects.all(), WINDOW_2025, "late_no_apology").values_list("code", flat=True)) == ["T3"]
    by_month = tallies(Dossier.objects.all(), WINDOW_2025, "month")
    assert (by_month[date(2025, 1, 1)].received, by_month[date(2025, 1, 1)].settled) == (5, 0)
    february = by_month[date(2025, 2, 1)]
    assert (february.received, february.settled, february.early, february.on_time, february.late) == (0, 4, 2, 1, 1)
    by_unit = tallies(Dossier.objects.all(), WINDOW_2025, "unit")
    assert by_unit[cast.unit("vpdkdd").pk].on_time_rate == Decimal("0.5")      # T5 early, T3 late
    by_field = tallies(Dossier.objects.all(), WINDOW_2025, "field")
    assert (by_field["Môi trường"].settled, by_field["Môi trường"].early_or_on_time) == (2, 2)
    land = Procedure.objects.get(code="1.004227")
    assert tallies(Dossier.objects.all(), WINDOW_2025, "procedure")[land.pk].late == 1
    february_land = total(Dossier.objects.all(), Window(date(2025, 2, 1), date(2025, 2, 28), procedure=land))
    assert (february_land.received, february_land.settled, february_land.early, february_land.late) == (0, 2, 1, 1)


def test_computed_due_dates_follow_the_days_the_administrator_announced(cast):
    from workdays.actions import add_override
    from workdays.models import DayOverride

    make_catalogue()
    add_override(by=cast.admin, day=date(2024, 2, 16), kind=DayOverride.Kind.OFF, note="Nghỉ bù (giả định)")
    add_override(by=cast.admin, day=date(2025, 2, 1), kind=DayOverride.Kind.WORKING, note="Làm bù (giả định)")
    rows = [HEADER, ROWS[0], TET_2025.splitlines()[1]]
    run = import_bytes(cast.mai, cast.department, "\n".join(rows).encode())
    assert run.status == ImportRun.Status.DONE, run.errors
    # H01: 15/02, (16/02 now off), 19/02, 20/02. T1: Saturday 01/02/2025 worked, then 03/02, 04/02.
    assert Dossier.objects.get(code="H01").due_on == date(2024, 2, 20)
    assert Dossier.objects.get(code="T1").due_on == date(2025, 2, 4)


def test_a_database_refusal_ends_the_run_as_failed_with_nothing_written(cast, monkeypatch):
    from django.db import OperationalError

    from dossiers import importer

    def refuse(**kwargs):
        raise OperationalError("database or disk is full")

    make_catalogue()
    # The last write of the transaction fails, after the dossiers were upserted: they go with it.
    monkeypatch.setattr(importer, "record", refuse)
    run = import_bytes(cast.mai, cast.department, SAMPLE.encode())
    assert run.status == ImportRun.Status.FAILED
    assert "không ghi hồ sơ nào" in run.message
    assert Dossier.objects.count() == 0
