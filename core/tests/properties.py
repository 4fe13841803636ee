"""What the property tests (hypothesis) feed the parsers and forms: the text, numbers, dates and ids people type, and
those nobody should (huge, negative, digits Python reads but int() refuses such as '²', control characters, lone
quotes), with the settings every property test shares: few examples for CI, no deadline, derandomized so a run is
the same run every time."""

import datetime

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Derandomized: the examples follow from the test itself, so CI sees the same ones on every run and every day.
PROPERTY = settings(max_examples=30, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
FEW = settings(PROPERTY, max_examples=15)

NASTY = [
    "", " ", "\t", "²", "³", "١٢", "٣", "𝟙𝟚", "¼", "Ⅻ", "\x00", "\x1f", "\x7f", "\u202e", "\ufeff", "\u00a0",
    "-1", "-0", "0", "1e400", "-1e400", "nan", "NaN", "inf", "-inf", "1,5", "1.5", "1.000.000", "9" * 40,
    str(10**20), str(-(10**20)), str(2**63), "0x10", "1_000", "31/02/2024", "29/02/2023", "00/00/0000",
    "01/01/0001", "31/12/9999", "01/01/10000", "2024-13-01", "15/11", "Quý V/2025", "Quý II/0", "Tháng 13/2025",
    "Trước ngày 32/13/2025", "Trong thời hạn -5 ngày kể từ khi nhận được văn bản", "Tuần 54/2025", "Năm 99999",
    "<script>alert(1)</script>", "'; DROP TABLE plans_task; --", "=HYPERLINK(\"http://x\")", "../../etc/passwd",
    "x" * 600, "Ủy ban nhân dân tỉnh Bà Rịa – Vũng Tàu", "Phòng Quản lý đất đai",
]

# Text a form can be sent: no lone surrogates (the client could not encode them, no browser sends them).
ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=80)
TEXT = st.one_of(st.sampled_from(NASTY), ANY_TEXT)
NUMBER_TEXT = st.one_of(
    st.sampled_from(NASTY),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-1000, max_value=1000).map(
        lambda d: str(d).replace(".", ",")),
)
DATES = st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31))
DATE_TEXT = st.one_of(
    st.sampled_from(NASTY),
    DATES.map(lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}"),
    DATES.map(lambda d: d.isoformat()),
    st.from_regex(r"\A\d{1,3}/\d{1,3}/\d{1,6}\Z"),
)
ID_TEXT = st.one_of(st.sampled_from(NASTY), st.integers(min_value=-(10**20), max_value=10**20).map(str))
# A cell of a workbook as openpyxl hands it back: text, numbers, dates, booleans, nothing.
CELL = st.one_of(
    st.none(), TEXT, st.booleans(), st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=True, allow_infinity=True),
    st.datetimes(min_value=datetime.datetime(1900, 3, 1), max_value=datetime.datetime(9999, 12, 31)),
)
