"""The decree's text rules, with the seed's own strings."""

from datetime import date
from decimal import Decimal

import pytest

from documents import layout


@pytest.mark.parametrize(("number", "symbol", "expected"), [
    (5, "KH-STNMT", "Số: 05/KH-STNMT"),
    ("5", "KH-STNMT", "Số: 05/KH-STNMT"),
    (152, "KH-UBND", "Số: 152/KH-UBND"),
    ("3626", "/QĐ-UBND", "Số: 3626/QĐ-UBND"),
    (None, "KH-STNMT", "Số:       /KH-STNMT"),
    ("", "BC-STNMT", "Số:       /BC-STNMT"),
    ("²", "KH-STNMT", "Số: ²/KH-STNMT"),  # a digit to Python, not to int(): written as typed
])
def test_number_line(number, symbol, expected):
    assert layout.document_number(number, symbol) == expected


@pytest.mark.parametrize(("day", "expected"), [
    (date(2024, 1, 5), "Bà Rịa – Vũng Tàu, ngày 05 tháng 01 năm 2024"),
    (date(2023, 12, 15), "Bà Rịa – Vũng Tàu, ngày 15 tháng 12 năm 2023"),
    (date(2024, 2, 9), "Bà Rịa – Vũng Tàu, ngày 09 tháng 02 năm 2024"),
    (date(2024, 6, 21), "Bà Rịa – Vũng Tàu, ngày 21 tháng 6 năm 2024"),
])
def test_date_line_pads_days_under_10_and_months_under_3(day, expected):
    assert layout.date_line("Bà Rịa – Vũng Tàu", day) == expected


def test_date_line_leaves_blanks_for_an_unsigned_draft():
    assert layout.date_line("Bà Rịa – Vũng Tàu", None, 2024) == "Bà Rịa – Vũng Tàu, ngày      tháng      năm 2024"


def test_upper_case_keeps_vietnamese_letters():
    assert layout.upper("Sở Tài nguyên và Môi trường") == "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"
    assert layout.upper("Độc lập - Tự do - Hạnh phúc") == "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"


def test_recipients_end_with_the_archive_line():
    lines = layout.recipient_lines(["UBND tỉnh (b/c);", "- Sở Nội vụ (b/c)", "Các phòng thuộc Sở", "Lưu: VT"], "VT, VP")
    assert lines == ["- UBND tỉnh (b/c);", "- Sở Nội vụ (b/c);", "- Các phòng thuộc Sở;", "- Lưu: VT, VP."]


@pytest.mark.parametrize(("title", "acting_for", "expected"), [
    ("Phó Giám đốc", "Giám đốc", ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]),
    ("Giám đốc", "", ["GIÁM ĐỐC"]),
])
def test_signature_lines(title, acting_for, expected):
    assert layout.signature_lines(title, acting_for) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (Decimal("9.376"), "9,376"), (Decimal("12.5"), "12,5"), (Decimal("6.000"), "6"), (87.225, "87,225"),
    (Decimal("1234.5"), "1.234,5"), (None, "–"), (Decimal("-0.5"), "-0,5"),
])
def test_score_text(value, expected):
    assert layout.score_text(value) == expected


def test_percent_and_rank_text():
    assert layout.percent_text(Decimal("88.64")) == "88,64%"
    assert layout.rank_text(5, 63) == "05/63"
    assert layout.rank_text(10, 21) == "10/21"
    assert layout.rank_text(None, 21) == "–"


@pytest.mark.parametrize(("kind", "quarter", "label", "bounds"), [
    ("quarter", 1, "quý I năm 2024", (date(2024, 1, 1), date(2024, 3, 31))),
    ("quarter", 2, "quý II năm 2024", (date(2024, 4, 1), date(2024, 6, 30))),
    ("quarter", 4, "quý IV năm 2024", (date(2024, 10, 1), date(2024, 12, 31))),
    ("half", None, "6 tháng đầu năm 2024", (date(2024, 1, 1), date(2024, 6, 30))),
    ("year", None, "năm 2024", (date(2024, 1, 1), date(2024, 12, 31))),
])
def test_report_periods(kind, quarter, label, bounds):
    assert layout.quarter_label(kind, 2024, quarter) == label
    assert layout.period_bounds(kind, 2024, quarter) == bounds


def test_download_name_keeps_diacritics_and_drops_forbidden_characters():
    assert layout.download_name("Kế hoạch 05/KH-STNMT", "docx") == "Kế hoạch 05-KH-STNMT.docx"
    assert layout.download_name("  ", "xlsx") == "van-ban.xlsx"


@pytest.mark.parametrize(("text", "expected"), [
    ("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", ("PHÓ GIÁM ĐỐC", "GIÁM ĐỐC")),
    ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", ("PHÓ GIÁM ĐỐC", "GIÁM ĐỐC")),
    ("PHÓ GIÁM ĐỐC", ("PHÓ GIÁM ĐỐC", "GIÁM ĐỐC")),
    ("Phó Giám đốc", ("Phó Giám đốc", "Giám đốc")),
    ("Giám đốc", ("Giám đốc", "")),
    ("", ("", "")),
])
def test_signer_title_as_plans_write_it(text, expected):
    assert layout.split_signer_title(text) == expected


def test_archive_line_is_taken_out_of_the_seed_recipients():
    seed = ["UBND tỉnh (b/c);", "Sở Nội vụ (b/c);", "Ban GD Sở (b/c);", "Các phòng thuộc Sở;", "ĐV thuộc Sở;",
            "Lưu: VT, VP."]
    assert layout.split_archive(seed) == (["UBND tỉnh (b/c)", "Sở Nội vụ (b/c)", "Ban GD Sở (b/c)",
                                           "Các phòng thuộc Sở", "ĐV thuộc Sở"], "VT, VP")
    assert layout.split_archive(["- Sở Nội vụ;"], "VT") == (["Sở Nội vụ"], "VT")
