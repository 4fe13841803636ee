"""Demo dossiers: the department's procedure catalogue and a generated one-stop export from 2023 up to yesterday.

2023 reproduces the seed's figure exactly: from 01/01/2023 to 30/11/2023 the department settled 2.817 dossiers,
2.618 of them early or on time. Each later year has its dossiers spread over the whole year, of which the export
holds those received up to the day before the demo is loaded (a dossier settled after that day is still open in it).
The data goes in through the real importer (a generated .csv export), so the demo also shows an import run with its
saved column mapping; loaded again on a later day, the new export updates the dossiers by their codes.
Deterministic: fixed random seeds, and every dossier's dates are the same whatever day the export is cut.
"""

import csv
import random
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.core.files import File

from core.demo_time import clock
from dossiers import actions
from dossiers.importer import execute
from dossiers.models import ImportRun, ImportSource
from dossiers.parsing import guess_mapping
from dossiers.stats import due_date, first_counted_day
from dossiers.workcal import get_calendar

SOURCE_NAME = "Hệ thống thông tin giải quyết TTHC tỉnh (dữ liệu mẫu)"
CUTOFF = 15
SEED_SETTLED, SEED_ON_TIME = 2817, 2618
FIRST_YEAR = 2023

# code, name, field, working days, fee-bearing, handling unit code, weight
CATALOGUE = [
    ("1.004227", "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", "Đất đai", 10, True,
     "vpdkdd", 30),
    ("1.004203", "Cấp Giấy chứng nhận quyền sử dụng đất lần đầu", "Đất đai", 15, True, "vpdkdd", 14),
    ("1.001990", "Đính chính Giấy chứng nhận đã cấp", "Đất đai", 10, False, "vpdkdd", 8),
    ("1.003010", "Giao đất, cho thuê đất cho tổ chức", "Đất đai", 15, False, "qldd", 6),
    ("1.010727", "Cấp giấy phép môi trường", "Môi trường", 15, True, "qlmt", 6),
    ("1.010728", "Cấp đổi, điều chỉnh giấy phép môi trường", "Môi trường", 10, True, "qlmt", 4),
    ("1.004253", "Cấp giấy phép khai thác, sử dụng nước dưới đất", "Tài nguyên nước", 10, True, "bdtnn", 5),
    ("1.004228", "Cấp giấy phép xả nước thải vào nguồn nước", "Tài nguyên nước", 10, True, "bdtnn", 3),
    ("1.000778", "Cấp giấy phép thăm dò khoáng sản", "Khoáng sản", 15, True, "bdtnn", 2),
    ("1.000975", "Cấp, gia hạn giấy phép hoạt động đo đạc và bản đồ", "Đo đạc và bản đồ", 5, False, "qldd", 3),
    ("1.001645", "Cung cấp thông tin, dữ liệu đo đạc và bản đồ", "Đo đạc và bản đồ", 3, True, "ttcntt", 5),
    ("1.004249", "Giao khu vực biển", "Biển và hải đảo", 15, False, "bdtnn", 1),
]
HEADERS = ["Mã hồ sơ", "Mã thủ tục", "Tên thủ tục", "Lĩnh vực", "Nơi tiếp nhận", "Đơn vị giải quyết", "Ngày tiếp nhận",
           "Ngày hẹn trả", "Ngày có kết quả", "Hình thức nộp", "Thanh toán trực tuyến", "Phí, lệ phí", "Số hóa",
           "Trạng thái", "Phiếu xin lỗi"]
CHANNEL_TEXT = {"direct": "Trực tiếp", "partly_online": "Trực tuyến một phần",
                "fully_online": "Trực tuyến toàn trình", "post": "Bưu chính công ích"}
# Channel shares by year: the online share grows as the plans ask.
CHANNELS = {2023: (0.55, 0.33, 0.10, 0.02), 2024: (0.42, 0.38, 0.18, 0.02), 2025: (0.30, 0.40, 0.28, 0.02),
            2026: (0.22, 0.40, 0.36, 0.02)}


def _channels(year: int) -> tuple[float, float, float, float]:
    return CHANNELS.get(year) or CHANNELS[min(max(year, FIRST_YEAR), max(CHANNELS))]


def export_name(last_day: date) -> str:
    return f"xuat-ho-so-den-{last_day:%Y-%m-%d}.csv"


def load(context: dict) -> None:
    last_day = clock(context).yesterday
    export = export_name(last_day)
    if ImportRun.objects.filter(source__name=SOURCE_NAME, status=ImportRun.Status.DONE, file_name=export).exists():
        return
    units, people = context["units"], context["people"]
    office = people.get("mai")
    for code, name, field, days, fee, *_ in CATALOGUE:
        actions.save_procedure(by=office, code=code, name=name, field=field, processing_days=days, fee_bearing=fee)
    source = ImportSource.objects.filter(unit=units["stnmt"], name=SOURCE_NAME).first()
    if source is None:
        source = actions.create_source(by=office, unit=units["stnmt"], name=SOURCE_NAME)
    unit_names = {code: units[code].name for *_, code, _ in CATALOGUE}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / export
        write_export(path, unit_names, last_day)
        with open(path, "rb") as f:
            run = actions.upload_export(by=office, source=source, uploaded_file=File(f, name=path.name))
    actions.confirm_columns(run, by=office, mapping=guess_mapping(HEADERS), mode=ImportRun.Mode.ALL_OR_NOTHING)
    execute(run)
    if run.status != ImportRun.Status.DONE:
        raise RuntimeError(f"demo dossiers did not import: {run.message} {run.errors[:3]}")


def write_export(path: Path, unit_names: dict[str, str], last_day: date) -> None:
    calendar = get_calendar()
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(HEADERS)
        for row in _rows(calendar, unit_names, last_day):
            writer.writerow(row)


def _rows(calendar, unit_names, last_day: date):
    """Every dossier received up to last_day; one settled after it is still open. A dossier's code and dates do
    not depend on last_day: each year is drawn whole, then cut."""
    seq = 0
    years = [(FIRST_YEAR, _year_2023(calendar))]
    years += [(y, _later_year(calendar, y)) for y in range(FIRST_YEAR + 1, last_day.year + 1)]
    for year, records in years:
        rng = random.Random(year * 7)
        for procedure, received, settled, due in records:
            seq += 1
            row = _row(rng, seq, year, procedure, received, settled if settled and settled <= last_day else None,
                       due, unit_names, calendar, last_day)
            if received.date() <= last_day:
                yield row


def _working_days(calendar, start: date, end: date) -> list[date]:
    days, d = [], start
    while d <= end:
        if calendar.is_working_day(d):
            days.append(d)
        d += timedelta(days=1)
    return days


def _received(rng, calendar, days: list[date]) -> datetime:
    return datetime.combine(rng.choice(days), time(rng.randint(7, 16), rng.choice((0, 15, 30, 45))))


def _pick_procedure(rng):
    return rng.choices(CATALOGUE, weights=[p[-1] for p in CATALOGUE])[0]


def _year_2023(calendar):
    """2.817 dossiers settled within 01/01–30/11/2023 (199 of them late), and December's."""
    rng = random.Random(2023)
    window_days = _working_days(calendar, date(2023, 1, 3), date(2023, 10, 31))
    late = set(rng.sample(range(SEED_SETTLED), SEED_SETTLED - SEED_ON_TIME))
    records = []
    for i in range(SEED_SETTLED):
        procedure = _pick_procedure(rng)
        received = _received(rng, calendar, window_days)
        due = due_date(received, procedure[3], calendar, CUTOFF)
        if i in late:
            settled = calendar.add_working_days(due, rng.randint(1, 5))
        else:
            start = first_counted_day(received, calendar, CUTOFF)
            settled = calendar.add_working_days(start, rng.randint(0, procedure[3]))
        records.append((procedure, received, settled, due))
    december = _working_days(calendar, date(2023, 12, 1), date(2023, 12, 29))
    for _ in range(190):
        procedure = _pick_procedure(rng)
        received = _received(rng, calendar, december)
        due = due_date(received, procedure[3], calendar, CUTOFF)
        extra = rng.randint(1, 3) if rng.random() < 0.06 else -rng.randint(0, 2)
        settled = max(calendar.add_working_days(due, extra), received.date())
        records.append((procedure, received, settled, due))
    records.sort(key=lambda r: r[1])
    return records


def _later_year(calendar, year: int):
    rng = random.Random(year)
    days = _working_days(calendar, date(year, 1, 2), date(year, 12, 31))
    records = []
    for _ in range(700):
        procedure = _pick_procedure(rng)
        received = _received(rng, calendar, days)
        due = due_date(received, procedure[3], calendar, CUTOFF)
        roll = rng.random()
        if roll < 0.05:
            settled = calendar.add_working_days(due, rng.randint(1, 4))
        else:
            start = first_counted_day(received, calendar, CUTOFF)
            settled = calendar.add_working_days(start, rng.randint(0, procedure[3]))
        records.append((procedure, received, settled, due))
    records.sort(key=lambda r: r[1])
    return records


def _row(rng, seq, year, procedure, received, settled, due, unit_names, calendar, last_day):
    """One export line. The random draws are the same whatever the dates, so a dossier reads the same in every
    export that holds it, open or settled."""
    code, name, field, _days, fee_bearing, unit_code, _weight = procedure
    direct, partly, fully, _post = _channels(year)
    roll, paid_roll, apology_roll, digitised_roll = rng.random(), rng.random(), rng.random(), rng.random()
    hour, fee = rng.randint(8, 16), rng.choice((25, 50, 100, 500))
    channel = ("direct" if roll < direct else "partly_online" if roll < direct + partly
               else "fully_online" if roll < direct + partly + fully else "post")
    online = channel in ("partly_online", "fully_online")
    paid_online = fee_bearing and online and paid_roll < min(0.5 + 0.1 * (year - FIRST_YEAR), 0.85)
    late = settled is not None and settled > due
    overdue_open = settled is None and due < last_day
    apology = (late or overdue_open) and apology_roll < 0.75
    digitised = digitised_roll < min(0.72 + 0.08 * (year - FIRST_YEAR), 0.97)
    finished = datetime.combine(settled, time(hour, 0)) if settled else None
    return [
        f"000.00.35.H05-{received:%y%m%d}-{seq:05d}", code, name, field, "Trung tâm Phục vụ hành chính công tỉnh",
        unit_names[unit_code], received.strftime("%d/%m/%Y %H:%M"), due.strftime("%d/%m/%Y"),
        finished.strftime("%d/%m/%Y %H:%M") if finished else "", CHANNEL_TEXT[channel],
        "Có" if paid_online else "Không", f"{fee * 1000:,}".replace(",", ".") if fee_bearing else "",
        "Có" if digitised else "Không", "Đã trả kết quả" if finished else "Đang giải quyết", "Có" if apology else "Không",
    ]
