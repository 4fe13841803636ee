"""The column-wise reader of large imports stages each row exactly as the careful row-by-row path would, and
leaves to that path every row it cannot read (which then gets its message and line number)."""

import random
from datetime import datetime

import pytest

from dossiers import importer
from dossiers.models import ImportRun
from dossiers.parsing import read_row
from dossiers.tables import Table
from dossiers.tests.helpers import HEADER, import_bytes, make_catalogue, upload

# (usual values, unusual or bad ones): most cells of a row are usual, one in twenty is not.
UNITS = (["Phòng Quản lý môi trường", "Văn phòng Đăng ký đất đai", "VPĐKĐĐ", "Phòng Biển đảo, TNN-KS"],
         ["", "Phòng Không Tồn Tại", "  Phòng Quản lý môi trường  "])
PROCEDURES = ([("1.010727", "Cấp giấy phép môi trường"), ("1.004227", "Đăng ký biến động quyền sử dụng đất"),
               ("", "Cấp giấy phép khai thác nước dưới đất")],
              [("", "Thủ tục không có"), ("9.000001", "Thủ tục mới"), ("", ""), ("1.010727 ", "")])
MOMENTS = (["07/02/2024 09:00", "07/02/2024 16:30", "29/02/2024 23:59", "10/03/2024 02:30", "03/11/2024 01:30",
            "10/11/2024 14:05", "31/12/2024 00:00"],
           ["7/2/2024", "07/02/2024", "2024-02-07T16:30:00", "16:30 07/02/2024", "07/02/2024 16h30",
            "07-02-2024 08:05:09", "32/01/2024 08:00", "07/02/2024 16:60", "07/02/2024 25:00", "07/02/2024 1:30",
            "07/02/2024 +1:30", "hôm qua", "", "  "])
DAYS = (["", "16/02/2024", "20/11/2024"], MOMENTS[0] + MOMENTS[1])
FEES = (["50.000", "1.250.000đ", "200000", "", "0"], ["-", "50,000 VNĐ", "năm mươi nghìn", "1.000.000.000.000.000"])
CHANNELS = (["Trực tiếp", "Trực tuyến một phần", "Trực tuyến toàn trình", "Bưu chính công ích", ""], ["Fax"])
YES_NO = (["Có", "Không", ""], ["x", "Đã gửi", "có lẽ"])
CODES = (["R{i:04d}", "R{i:04d}", "R{j:04d}"], ["", "X" * 81, " R{i:04d} "])
FIELDS = (["Đất đai", "", "Môi trường"], [" Đất đai"])
RECEIVING = (["", "Trung tâm PVHCC"], ["VPĐKĐĐ"])
STATUS = (["Đã trả kết quả", "", "Đang xử lý"], ["x" * 120])


def _rows(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)

    def pick(choices):
        usual, unusual = choices
        return rng.choice(unusual if rng.random() < 0.05 else usual)

    rows = []
    for i in range(count):
        code, name = pick(PROCEDURES)
        finished = pick(MOMENTS) if rng.random() < 0.8 else ""
        rows.append(";".join([
            pick(CODES).format(i=i, j=i % 7), code, name, pick(FIELDS), pick(RECEIVING), pick(UNITS), pick(MOMENTS),
            pick(DAYS), finished, pick(CHANNELS), pick(YES_NO), pick(FEES), pick(YES_NO), pick(STATUS),
            pick(YES_NO),
        ]))
    return rows


def _careful(job: importer._Job, line: int, values: list) -> tuple | None:
    row, problems = read_row(line, {key: values[i] if i < len(values) else None for key, i in job.positions.items()})
    staged = job._staged(row, problems) if row is not None else None
    return None if problems else staged


@pytest.mark.parametrize("zone", ["Asia/Ho_Chi_Minh", "Asia/Kathmandu", "America/New_York"])
def test_the_column_reader_stages_what_the_careful_path_stages(cast, settings, zone):
    settings.TIME_ZONE = zone  # whole-hour, quarter-hour and daylight-saving offsets
    make_catalogue()
    content = "\n".join([HEADER, *_rows(seed=len(zone), count=600)]) + "\n"
    run = upload(cast.mai, cast.department, "lon.csv", content.encode())
    with Table(run.file.path) as table:
        from dossiers.parsing import guess_mapping

        run.source.mapping = guess_mapping(table.headers)
        rows = list(table.rows())
        fast_job, careful_job = importer._Job(run, table), importer._Job(run, table)
        fast = importer._ColumnReader(fast_job).read(rows)
    declined = 0
    for (line, values), staged in zip(rows, fast, strict=True):
        expected = _careful(careful_job, line, values)
        if staged is None:
            declined += 1
            # Declined rows are bad ones, or name a procedure the catalogue lacks (added by the careful path).
            assert expected is None or expected[2] == "9.000001", (line, values)
        else:
            assert staged == expected, (line, values)
    assert 0 < declined < len(rows) * 0.6, declined


def test_an_import_through_the_column_reader_matches_one_read_row_by_row(cast, monkeypatch):
    make_catalogue()
    content = "\n".join([HEADER, *_rows(seed=3, count=300)]) + "\n"

    def stored():
        from dossiers.models import Dossier

        return sorted(Dossier.objects.values_list(
            "code", "procedure__code", "field", "receiving_unit", "receiving_text", "handling_unit", "received_at",
            "received_on", "due_on", "due_computed", "finished_at", "settled_on", "returned_at", "channel",
            "paid_online", "fee", "fee_bearing", "digitised", "status", "apology_sent"))

    fast = import_bytes(cast.mai, cast.department, content.encode(), mode=ImportRun.Mode.SKIP_BAD)
    fast_dossiers = stored()
    from dossiers.models import Dossier, Procedure

    Dossier.objects.all().delete()
    Procedure.objects.filter(code="9.000001").delete()
    monkeypatch.setattr(importer._ColumnReader, "read", lambda self, batch: [None] * len(batch))
    careful = import_bytes(cast.mai, cast.department, content.encode(), mode=ImportRun.Mode.SKIP_BAD)
    assert fast_dossiers == stored() and len(fast_dossiers) > 50
    assert (fast.created_count, fast.error_count, fast.errors) == (careful.created_count, careful.error_count,
                                                                   careful.errors)


def test_an_export_of_excel_dates_is_read_the_same_both_ways(cast, tmp_path):
    import openpyxl

    make_catalogue()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Số hồ sơ", "Mã TTHC", "Đơn vị xử lý", "Thời gian tiếp nhận", "Hạn xử lý", "Ngày hoàn thành", "Phí"])
    for i in range(30):
        sheet.append([f"E{i}", "1.010727", "Phòng QLMT", datetime(2024, 2, 1 + i % 28, 8 + i % 9, i), None,
                      datetime(2024, 3, 1, 9, 0) if i % 2 else None, 50000 if i % 3 else None])
    path = tmp_path / "bao-cao.xlsx"
    book.save(path)
    run = upload(cast.mai, cast.department, "bao-cao.xlsx", path.read_bytes())
    with Table(run.file.path) as table:
        from dossiers.parsing import guess_mapping

        run.source.mapping = guess_mapping(table.headers)
        rows = list(table.rows())
        fast_job, careful_job = importer._Job(run, table), importer._Job(run, table)
        fast = importer._ColumnReader(fast_job).read(rows)
    assert fast == [_careful(careful_job, line, values) for line, values in rows]
    assert None not in fast
