"""Reading the cells of a one-stop system's export (hệ thống một cửa điện tử). Pure functions, no ORM.

Exports differ between systems: headers are guessed from the usual Vietnamese wordings and confirmed by the
user; dates come as 'dd/mm/yyyy HH:MM', 'dd/mm/yyyy', ISO or Excel datetimes; yes/no as 'Có', 'x', 'Đã gửi'…
Every parser raises ValueError with a Vietnamese message saying what was expected.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache

from org.names import normalize_name


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    required: bool
    # Normalised header wordings seen in exports, matched exactly first, then as a prefix.
    headers: tuple[str, ...]


COLUMNS: tuple[Column, ...] = (
    Column("code", "Mã hồ sơ", True, ("ma ho so", "so ho so", "ma so ho so", "ma ho so tthc", "so bien nhan")),
    Column("procedure_code", "Mã thủ tục", False, ("ma thu tuc", "ma tthc", "ma thu tuc hanh chinh", "ma dvc")),
    Column("procedure_name", "Tên thủ tục", False, ("ten thu tuc", "thu tuc", "ten tthc", "thu tuc hanh chinh",
                                                   "ten thu tuc hanh chinh", "ten dich vu cong")),
    Column("field", "Lĩnh vực", False, ("linh vuc", "ten linh vuc", "linh vuc tthc")),
    Column("receiving_unit", "Nơi tiếp nhận", False, ("noi tiep nhan", "don vi tiep nhan", "co quan tiep nhan",
                                                      "bo phan tiep nhan")),
    Column("handling_unit", "Đơn vị giải quyết", True, ("don vi giai quyet", "co quan giai quyet", "don vi xu ly",
                                                        "phong ban xu ly", "don vi chu tri", "co quan thuc hien",
                                                        "don vi thuc hien")),
    Column("received_at", "Ngày tiếp nhận", True, ("ngay tiep nhan", "thoi gian tiep nhan", "ngay nhan",
                                                   "ngay nop", "ngay tiep nhan ho so")),
    Column("due_at", "Hạn trả kết quả", False, ("han tra ket qua", "ngay hen tra",
                                                "ngay hen tra ket qua", "han xu ly", "han giai quyet", "ngay hen")),
    Column("finished_at", "Ngày có kết quả", False, ("ngay co ket qua", "ngay hoan thanh", "ngay ket thuc",
                                                     "thoi gian hoan thanh", "ngay giai quyet xong",
                                                     "ngay xu ly xong")),
    Column("returned_at", "Ngày trả kết quả", False, ("ngay tra ket qua", "ngay tra", "thoi gian tra ket qua")),
    Column("channel", "Hình thức nộp", False, ("hinh thuc nop", "hinh thuc tiep nhan", "kenh tiep nhan",
                                               "hinh thuc", "muc do dvc", "muc do")),
    Column("paid_online", "Thanh toán trực tuyến", False, ("thanh toan truc tuyen", "thanh toan online",
                                                           "tt truc tuyen", "thanh toan qua mang")),
    Column("fee", "Phí, lệ phí", False, ("phi le phi", "le phi", "phi", "so tien", "phi le phi dong")),
    Column("digitised", "Số hóa", False, ("so hoa", "da so hoa", "so hoa ho so", "so hoa ket qua")),
    Column("status", "Trạng thái", False, ("trang thai", "tinh trang", "trang thai ho so")),
    Column("apology_sent", "Phiếu xin lỗi", False, ("phieu xin loi", "xin loi", "da xin loi",
                                                    "phieu xin loi va hen lai")),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)


def guess_mapping(headers: list[str]) -> dict[str, str]:
    """{column key: header} for the headers that read like one of ours; each header used once."""
    normalised = [(header, normalize_name(header)) for header in headers if header]
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for exact in (True, False):
        for column in COLUMNS:
            if column.key in mapping:
                continue
            for header, key in normalised:
                if header in used:
                    continue
                hit = key in column.headers if exact else any(key.startswith(h + " ") for h in column.headers)
                if hit:
                    mapping[column.key] = header
                    used.add(header)
                    break
    return mapping


@dataclass(frozen=True)
class Reconciled:
    """A saved column mapping brought up to date with a file's headers (ghép cột đã lưu, đối chiếu với tệp mới)."""

    mapping: dict[str, str]  # {column key: header of this file}; each header used once
    dropped: list[tuple[str, str]]  # (our column's label, the saved header the file no longer has)
    proposed: dict[str, str]  # the part of `mapping` guessed from header wording, for the user to check


def reconcile_mapping(saved: object, headers: list[str]) -> Reconciled:
    """The saved mapping where it still fits this file, and guesses only for what it leaves open.

    A saved header is kept when the file has it, or the same words in another case or spacing ('Ngày Tiếp Nhận');
    one the file lacks is dropped and reported, never moved to another column. Our columns left without a header
    are proposed from the headers nobody uses yet, by the usual wordings (guess_mapping), so a new column of the
    file never takes a field the user already mapped. Anything but a {key: header} dict counts as nothing saved.
    """
    saved = saved if isinstance(saved, dict) else {}
    by_words: dict[str, str] = {}
    for header in headers:
        if header:
            by_words.setdefault(normalize_name(header), header)
    mapping: dict[str, str] = {}
    dropped: list[tuple[str, str]] = []
    for column in COLUMNS:
        header = saved.get(column.key)
        if not isinstance(header, str) or not header:
            continue
        found = header if header in headers else by_words.get(normalize_name(header))
        if found is None or found in mapping.values():
            dropped.append((column.label, header))
        else:
            mapping[column.key] = found
    free = [h for h in headers if h not in mapping.values()]
    proposed = {key: header for key, header in guess_mapping(free).items() if key not in mapping}
    return Reconciled({**mapping, **proposed}, dropped, proposed)


def missing_required(mapping: dict[str, str]) -> list[str]:
    """Labels of the required columns the mapping lacks (a procedure needs its code or its name)."""
    missing = [c.label for c in COLUMNS if c.required and not mapping.get(c.key)]
    if not mapping.get("procedure_code") and not mapping.get("procedure_name"):
        missing.append("Mã thủ tục hoặc Tên thủ tục")
    return missing


_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?:[ T,]+(\d{1,2})[:hg](\d{2})(?::(\d{2}))?)?$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$")
_TIME_FIRST = re.compile(r"^(\d{1,2})[:hg](\d{2})(?::(\d{2}))?[ ,]+(\d{1,2})/(\d{1,2})/(\d{4})$")
_EXCEL_EPOCH = datetime(1899, 12, 30)


def parse_when(value) -> datetime | None:
    """A local date and time from a cell: '05/01/2024 14:30', '05/01/2024', '2024-01-05T14:30', Excel dates."""
    if value is None:
        return None
    if type(value) is str:
        # The one-stop systems' own layout, read by position: most of a large import's cells.
        if len(value) == 16 and value[2] == "/" and value[5] == "/" and value[10] == " " and value[13] == ":":
            try:
                return _day(value[:10]).replace(hour=int(value[11:13]), minute=int(value[14:16]))
            except ValueError:
                pass
        elif len(value) == 10 and value[2] == "/" and value[5] == "/":
            try:
                return _day(value)
            except ValueError:
                pass
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2958466:
            return _EXCEL_EPOCH + timedelta(days=float(value))
        raise ValueError(f"'{value}' không phải ngày tháng hợp lệ")
    text = str(value).strip()
    if not text:
        return None
    try:
        if m := _DMY.match(text):
            d, mo, y, h, mi, s = m.groups()
            return datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0))
        if m := _YMD.match(text):
            y, mo, d, h, mi, s = m.groups()
            return datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0))
        if m := _TIME_FIRST.match(text):
            h, mi, s, d, mo, y = m.groups()
            return datetime(int(y), int(mo), int(d), int(h), int(mi), int(s or 0))
    except ValueError:
        raise ValueError(f"ngày '{text}' không tồn tại") from None
    raise ValueError(f"'{text}' không đọc được là ngày (dùng dạng dd/mm/yyyy hoặc dd/mm/yyyy HH:MM)")


@lru_cache(maxsize=8192)
def _day(text: str) -> datetime:
    """'05/01/2024' → midnight of that day; ValueError for anything else (then read the long way, with its message)."""
    if not (text[:2].isdigit() and text[3:5].isdigit() and text[6:].isdigit()):
        raise ValueError(text)
    return datetime(int(text[6:]), int(text[3:5]), int(text[:2]))


_TRUE = {"co", "x", "1", "true", "yes", "y", "da", "da gui", "da so hoa", "da thanh toan", "dung", "co gui"}
_FALSE = {"", "khong", "0", "false", "no", "n", "chua", "chua gui", "chua so hoa", "chua thanh toan", "-"}


@lru_cache(maxsize=512)
def _bool_text(text: str) -> bool:
    key = normalize_name(text)
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise ValueError(f"'{text}' không phải Có/Không")


def parse_yes_no(value) -> bool:
    """'Có', 'x', 'Đã gửi', 1 → True; '', 'Không', 'Chưa', 0 → False."""
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value != 0
    return _bool_text(str(value).strip())


_CHANNELS = (
    ("toan trinh", "fully_online"), ("muc do 4", "fully_online"), ("muc 4", "fully_online"),
    ("fully", "fully_online"), ("mot phan", "partly_online"), ("muc do 3", "partly_online"),
    ("muc 3", "partly_online"), ("partly", "partly_online"), ("buu chinh", "post"), ("buu dien", "post"),
    ("post", "post"), ("truc tuyen", "partly_online"), ("online", "partly_online"), ("qua mang", "partly_online"),
    ("truc tiep", "direct"), ("tai quay", "direct"), ("tai bo phan mot cua", "direct"), ("direct", "direct"),
)


@lru_cache(maxsize=256)
def parse_channel(value: str) -> str:
    """'Trực tuyến toàn trình' → fully_online, 'Trực tuyến một phần' → partly_online, 'Trực tiếp' → direct…

    A bare 'Trực tuyến' counts as partly online: only an explicit 'toàn trình' claims the whole process.
    """
    key = normalize_name(str(value or ""))
    if not key:
        return "direct"
    for phrase, channel in _CHANNELS:
        if phrase in key:
            return channel
    raise ValueError(f"hình thức nộp '{value}' không rõ (Trực tiếp, Trực tuyến một phần, Trực tuyến toàn trình, "
                     "Bưu chính)")


_GROUPED = re.compile(r"^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$")
_DECIMAL = re.compile(r"^\d+(?:[.,]\d{1,2})?$")


# The database column holds 14 digits; a larger amount is a typing slip, reported on its line.
MAX_FEE = Decimal(10) ** 14 - 1


def parse_fee(value) -> Decimal | None:
    """'50.000', '50,000 đ', '1.250.000đ', 50000 → Decimal đồng; empty → None."""
    if type(value) is str:
        return _fee_text(value)
    return _checked_fee(value)


@lru_cache(maxsize=4096)
def _fee_text(value: str) -> Decimal | None:
    # A large export repeats a few amounts: each is read once.
    return _checked_fee(value)


def _checked_fee(value) -> Decimal | None:
    amount = _fee_amount(value)
    if amount is not None and not (0 <= amount <= MAX_FEE):
        raise ValueError(f"phí, lệ phí '{value}' không hợp lệ (từ 0 đến 99.999.999.999.999 đồng)")
    return amount


def _fee_amount(value) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"phí, lệ phí '{value}' không phải số tiền")
        return Decimal(round(value))
    text = str(value).strip().lower()
    for unit in ("vnđ", "vnd", "đồng", "đ", "d"):
        text = text.removesuffix(unit).strip()
    text = text.replace(" ", "")
    if not text or text == "-":
        return None
    if _GROUPED.match(text):
        return Decimal(re.sub(r"[.,]", "", text))
    if _DECIMAL.match(text):
        return Decimal(text.replace(",", ".")).quantize(Decimal(1))
    raise ValueError(f"phí, lệ phí '{value}' không phải số tiền")


@dataclass
class DossierRow:
    """One export line, read and checked, before it meets the database."""

    line: int
    code: str
    procedure_code: str
    procedure_name: str
    field: str
    receiving_text: str
    handling_text: str
    received_at: datetime
    due_at: datetime | None
    finished_at: datetime | None
    returned_at: datetime | None
    channel: str
    paid_online: bool
    fee: Decimal | None
    digitised: bool
    status: str
    apology_sent: bool


def _text(value) -> str:
    if type(value) is str:
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read_row(line: int, cells: dict[str, object]) -> tuple[DossierRow | None, list[str]]:
    """The row from its mapped cells ({column key: raw value}), or None with every problem found on it."""
    row = _read_good_row(line, cells)
    if row is not None:
        return row, []
    return _read_row_checked(line, cells)


def _read_good_row(line: int, cells: dict[str, object]) -> DossierRow | None:
    """The row when every cell reads (most rows of a large import), in one pass without collecting messages;
    None sends the row the careful way, which names each problem."""
    get = cells.get
    try:
        code, procedure_code, procedure_name = _text(get("code")), _text(get("procedure_code")), \
            _text(get("procedure_name"))
        handling = _text(get("handling_unit"))
        received_at = parse_when(get("received_at"))
        if not code or len(code) > 80 or not handling or received_at is None or not (procedure_code or procedure_name):
            return None
        finished_at = parse_when(get("finished_at"))
        if finished_at and finished_at < received_at - timedelta(days=1):
            return None
        return DossierRow(
            line=line, code=code, procedure_code=procedure_code[:80], procedure_name=procedure_name[:500],
            field=_text(get("field"))[:200], receiving_text=_text(get("receiving_unit"))[:255],
            handling_text=handling, received_at=received_at, due_at=parse_when(get("due_at")),
            finished_at=finished_at, returned_at=parse_when(get("returned_at")),
            channel=parse_channel(get("channel") or ""), paid_online=_yes_no(get("paid_online")),
            fee=parse_fee(get("fee")), digitised=_yes_no(get("digitised")), status=_text(get("status"))[:100],
            apology_sent=_yes_no(get("apology_sent")),
        )
    except (ValueError, TypeError):
        return None


def _yes_no(value) -> bool:
    if value is None or value == "":
        return False
    return _bool_text(value.strip()) if type(value) is str else parse_yes_no(value)


def _read_row_checked(line: int, cells: dict[str, object]) -> tuple[DossierRow | None, list[str]]:
    errors: list[str] = []

    def take(key, parse):
        try:
            return parse(cells.get(key))
        except ValueError as error:
            errors.append(f"{_label(key)}: {error}")
            return None

    code = _text(cells.get("code"))
    if not code:
        errors.append("thiếu mã hồ sơ")
    elif len(code) > 80:
        errors.append("mã hồ sơ dài quá 80 ký tự")
    procedure_code, procedure_name = _text(cells.get("procedure_code")), _text(cells.get("procedure_name"))
    if not procedure_code and not procedure_name:
        errors.append("thiếu mã hoặc tên thủ tục")
    handling = _text(cells.get("handling_unit"))
    if not handling:
        errors.append("thiếu đơn vị giải quyết")
    received_at = take("received_at", parse_when)
    if received_at is None and not any(e.startswith(_label("received_at")) for e in errors):
        errors.append("thiếu ngày tiếp nhận")
    due_at = take("due_at", parse_when)
    finished_at = take("finished_at", parse_when)
    returned_at = take("returned_at", parse_when)
    channel = take("channel", parse_channel)
    paid_online = take("paid_online", parse_yes_no)
    fee = take("fee", parse_fee)
    digitised = take("digitised", parse_yes_no)
    apology = take("apology_sent", parse_yes_no)
    if received_at and finished_at and finished_at < received_at - timedelta(days=1):
        errors.append("ngày có kết quả trước ngày tiếp nhận")
    if errors:
        return None, errors
    return DossierRow(
        line=line, code=code, procedure_code=procedure_code[:80], procedure_name=procedure_name[:500],
        field=_text(cells.get("field"))[:200], receiving_text=_text(cells.get("receiving_unit"))[:255],
        handling_text=handling, received_at=received_at, due_at=due_at, finished_at=finished_at,
        returned_at=returned_at, channel=channel, paid_online=paid_online, fee=fee, digitised=digitised,
        status=_text(cells.get("status"))[:100], apology_sent=apology,
    ), []


def _label(key: str) -> str:
    return next(c.label for c in COLUMNS if c.key == key)


# Reading a large export column by column (dossiers.importer): each distinct cell value of a column is parsed
# once; a cell that does not read sends its whole row to read_row, which names the problem.
UNREAD = object()
MINUTES = {f"{m:02d}": m for m in range(60)}


def cached(parse, limit: int = 100_000):
    """parse(value), remembered per value (the first `limit` distinct ones); UNREAD where it raises."""
    cache: dict = {}

    def read(value):
        try:
            return cache[value]
        except KeyError:
            pass
        except TypeError:  # an unhashable cell (never from csv or openpyxl)
            return UNREAD
        try:
            result = parse(value)
        except (ValueError, TypeError):
            result = UNREAD
        if len(cache) < limit:
            cache[value] = result
        return result

    return read


def text_cell(value) -> str:
    """A text cell as read_row reads it (stripped; whole numbers without '.0')."""
    return value.strip() if type(value) is str else _text(value)


def yes_no_cell(value) -> bool:
    """A yes/no cell as read_row reads it (an empty cell is no)."""
    return _yes_no(value)
