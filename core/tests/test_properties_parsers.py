"""Property tests of the parsers (hypothesis): whatever a plan, a criteria sheet or a paper answer sheet says, the
parser answers with what it understood and the errors it found, and never raises."""

import datetime
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from core.tests.properties import CELL, DATES, FEW, NASTY, PROPERTY, TEXT
from frameworks import rules, sheet
from surveys.paper import read_sheets
from workdays.calendar import vietnam_calendar
from workdays.deadlines import parse_deadline

CALENDAR = vietnam_calendar([2024, 2025, 2026])

# Pieces of real deadline phrases (the seeds), put together in any order with anything between.
DEADLINE_WORDS = [
    "Báo cáo", "trước ngày", "Trước ngày", "15/11", "10/12/2024", "Quý II/2025", "Quý", "I", "IV", "Tháng 6/2025",
    "tháng", "Trong năm 2025", "Năm 2024", "Thường xuyên", "Hằng tháng", "hằng quý", "Theo chỉ đạo của UBND tỉnh",
    "Trong thời hạn 20 ngày kể từ khi nhận được văn bản", "ngày làm việc", "kể từ", "Sau khi Đề án được phê duyệt",
    "Tuần 2", "6 tháng đầu năm", "Trước Tết Nguyên đán 2026", "từ", "đến", "-", "–", ";", "/", "và",
]
PHRASE = st.one_of(st.lists(st.sampled_from(DEADLINE_WORDS + NASTY), max_size=8).map(" ".join), TEXT)


@PROPERTY
@given(text=PHRASE, year=st.one_of(st.none(), st.integers(min_value=1, max_value=9999)),
       calendar=st.sampled_from([None, CALENDAR]), issued=st.one_of(st.none(), DATES))
def test_any_deadline_phrase_is_understood_or_flagged(text, year, calendar, issued):
    deadline = parse_deadline(text, year, calendar, issued)
    assert deadline.text == (text or "").strip()
    for day in (deadline.due, deadline.stated_due, deadline.period_start, deadline.period_end, *deadline.occurrences):
        assert day is None or isinstance(day, datetime.date)
    if deadline.due and deadline.stated_due and calendar is None:
        assert deadline.due == deadline.stated_due


@PROPERTY
@given(kind=st.sampled_from(["manual", "tiers", "linear", "yes_no", "share", "khác"]),
       text=st.one_of(TEXT, st.lists(st.sampled_from(["50=1,5", "nhân=10", "chia=100", "=", "x=", "0,5", "sàn=-1",
                                                      *NASTY[:30]]), max_size=5).map(";".join)))
def test_rule_parameters_are_read_or_refused_with_a_rule_error(kind, text):
    try:
        params = sheet.parse_params(kind, text)
    except rules.RuleError:
        return
    assert isinstance(params, dict)


ROW = st.fixed_dictionaries({name: st.one_of(TEXT, st.sampled_from(["1", "1.1", "Lĩnh vực", "Tiêu chí", "thủ công",
                                                                      "theo mức", "2,5", ""])) for name in sheet.HEADERS})


@PROPERTY
@given(rows=st.lists(ROW, max_size=8))
def test_criteria_rows_give_criteria_or_line_errors(rows):
    raw = [(line, cells) for line, cells in enumerate(rows, start=2)]
    parsed, errors = sheet.parse_rows(raw, lambda text: None)
    assert all(isinstance(e, str) and e for e in errors), errors
    assert all(e.startswith("Dòng ") for e in errors) or not raw
    if not errors:
        assert len(parsed) == len(raw)


def _workbook(rows) -> bytes:
    """The rows as an .xlsx; characters a workbook cannot hold (control characters) are left out, as Excel does."""
    workbook = Workbook()
    for row in rows:
        workbook.active.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@FEW
@given(header=st.one_of(st.just(sheet.HEADERS), st.permutations(sheet.HEADERS), st.lists(TEXT, max_size=12)),
       rows=st.lists(st.lists(CELL, max_size=12), max_size=6))
def test_a_criteria_workbook_is_read_or_refused_with_a_sheet_error(header, rows):
    try:
        raw = sheet.read_workbook(_workbook([list(header), *rows]))
    except sheet.SheetError:
        return
    parsed, errors = sheet.parse_rows(raw, lambda text: None)
    assert isinstance(parsed, list) and isinstance(errors, list)


@FEW
@given(data=st.one_of(st.binary(max_size=300), st.just(b"PK\x03\x04" + b"\x00" * 200)))
def test_bytes_that_are_not_a_workbook_are_a_sheet_error(data):
    with pytest.raises(sheet.SheetError):
        sheet.read_workbook(data)


PAPER_HEADER = ["Số phiếu", "Ngày trả lời", "Quầy / điểm khảo sát", "Giới tính", "Độ tuổi", "1. Nơi ngồi chờ",
                "2. Trang thiết bị", "3. Thông tin", "Góp ý", "câu 4", "99. ngoài phiếu", "0. không"]


@PROPERTY
@given(header=st.one_of(st.lists(st.sampled_from(PAPER_HEADER), max_size=10), st.lists(CELL, max_size=8)),
       rows=st.lists(st.lists(st.one_of(CELL, st.sampled_from(["Hài lòng", "rất  hài lòng", "5", "4.0", "6", "0"])),
                              max_size=12), max_size=6),
       questions=st.integers(min_value=0, max_value=20))
def test_paper_sheets_give_answers_or_line_errors(header, rows, questions):
    sheets, errors = read_sheets(header, rows, questions)
    assert all(isinstance(e, str) and e.startswith("Dòng ") for e in errors), errors
    for answer in sheets:
        assert all(isinstance(level, int) for level in answer.levels.values())
