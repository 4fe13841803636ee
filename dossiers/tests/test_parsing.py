"""Reading export cells as one-stop systems write them (table-driven, no database)."""

from datetime import datetime
from decimal import Decimal

import pytest

from dossiers.parsing import (
    guess_mapping,
    missing_required,
    parse_channel,
    parse_fee,
    parse_when,
    parse_yes_no,
    read_row,
)


@pytest.mark.parametrize(("cell", "expected"), [
    ("07/02/2024 16:30", datetime(2024, 2, 7, 16, 30)),
    ("7/2/2024", datetime(2024, 2, 7)),
    ("07-02-2024 08:05:09", datetime(2024, 2, 7, 8, 5, 9)),
    ("07/02/2024 16h30", datetime(2024, 2, 7, 16, 30)),
    ("16:30 07/02/2024", datetime(2024, 2, 7, 16, 30)),
    ("2024-02-07", datetime(2024, 2, 7)),
    ("2024-02-07T16:30:00", datetime(2024, 2, 7, 16, 30)),
    ("2024-02-07 16:30:00.123+07:00", datetime(2024, 2, 7, 16, 30)),
    (datetime(2024, 2, 7, 16, 30), datetime(2024, 2, 7, 16, 30)),
    (45329.6875, datetime(2024, 2, 7, 16, 30)),
    ("", None),
    (None, None),
])
def test_dates_as_exports_write_them(cell, expected):
    assert parse_when(cell) == expected


@pytest.mark.parametrize("cell", ["32/01/2024", "29/02/2023", "Quý II/2024", "hôm qua"])
def test_impossible_or_unreadable_dates_are_refused_with_a_vietnamese_message(cell):
    with pytest.raises(ValueError, match="ngày|không đọc được"):
        parse_when(cell)


@pytest.mark.parametrize(("cell", "expected"), [
    ("Trực tuyến toàn trình", "fully_online"), ("DVC trực tuyến toàn trình", "fully_online"),
    ("Mức độ 4", "fully_online"), ("Trực tuyến một phần", "partly_online"), ("Mức độ 3", "partly_online"),
    ("Trực tuyến", "partly_online"), ("Trực tiếp", "direct"), ("Nộp trực tiếp tại Bộ phận một cửa", "direct"),
    ("Bưu chính công ích", "post"), ("Qua dịch vụ bưu chính", "post"), ("", "direct"),
])
def test_channels(cell, expected):
    assert parse_channel(cell) == expected


def test_an_unknown_channel_is_an_error():
    with pytest.raises(ValueError, match="hình thức nộp"):
        parse_channel("Fax")


@pytest.mark.parametrize(("cell", "expected"), [
    ("Có", True), ("x", True), ("Đã gửi", True), ("Đã số hóa", True), (1, True), ("TRUE", True),
    ("Không", False), ("", False), ("Chưa", False), (0, False), (None, False),
])
def test_yes_no(cell, expected):
    assert parse_yes_no(cell) is expected


@pytest.mark.parametrize(("cell", "expected"), [
    ("50.000", Decimal(50000)), ("1.250.000đ", Decimal(1250000)), ("50,000 VNĐ", Decimal(50000)),
    ("200000", Decimal(200000)), (75000, Decimal(75000)), ("", None), ("-", None),
])
def test_fees(cell, expected):
    assert parse_fee(cell) == expected


@pytest.mark.parametrize("cell", ["năm mươi nghìn", "1.000.000.000.000.000", -50000, float("nan"), float("inf")])
def test_fees_that_are_not_amounts_are_refused(cell):
    with pytest.raises(ValueError, match="phí, lệ phí"):
        parse_fee(cell)


def test_guessing_the_columns_of_a_vietnamese_export():
    headers = ["STT", "Số hồ sơ", "Mã TTHC", "Tên thủ tục hành chính", "Lĩnh vực", "Đơn vị xử lý",
               "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày hoàn thành", "Ngày trả kết quả", "Hình thức nộp",
               "Phiếu xin lỗi và hẹn lại ngày trả kết quả", "Phí, lệ phí (đồng)", "Trạng thái"]
    mapping = guess_mapping(headers)
    assert mapping == {
        "code": "Số hồ sơ", "procedure_code": "Mã TTHC", "procedure_name": "Tên thủ tục hành chính",
        "field": "Lĩnh vực", "handling_unit": "Đơn vị xử lý", "received_at": "Ngày tiếp nhận",
        "due_at": "Ngày hẹn trả", "finished_at": "Ngày hoàn thành", "returned_at": "Ngày trả kết quả",
        "channel": "Hình thức nộp", "apology_sent": "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
        "fee": "Phí, lệ phí (đồng)", "status": "Trạng thái",
    }
    assert missing_required(mapping) == []
    assert missing_required({"code": "Số hồ sơ"}) == ["Đơn vị giải quyết", "Ngày tiếp nhận",
                                                      "Mã thủ tục hoặc Tên thủ tục"]


def test_a_row_lists_every_problem_at_once():
    row, errors = read_row(7, {"code": "", "received_at": "31/04/2024", "channel": "Fax", "fee": "nhiều"})
    assert row is None
    assert len(errors) == 6
    assert "thiếu mã hồ sơ" in errors
    assert "thiếu đơn vị giải quyết" in errors
