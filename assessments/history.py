"""Reading a published year-over-year table (like the seed plan's section 1.2) into per-year results.

Plain functions over rows of cell texts, no ORM. The layout:
    TT | Chỉ số thành phần | Năm 2019 | Năm 2020 | …
    1  | Công tác chỉ đạo điều hành CCHC | 8/11,5 | 10.14/11.5 | …
    …  | Điểm cộng | 1,5 | 1 | …
    …  | Điểm trừ  | 2   | 2 | …
       | Tổng điểm | 81,659 | 85,625 | …
       | Xếp hạng  | 9/21 | 10/21 | …
A cell that is not "score/max" (e.g. "Gộp vào Cải cách thủ tục hành chính") is kept as a note. Scores stay below
1000, so both "10.14" and "10,14" read as ten point one four.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from org.names import normalize_name

YEAR = re.compile(r"(19|20)\d\d")
SPECIAL = {"diem cong": "bonus", "diem thuong": "bonus", "diem tru": "penalty", "tong diem": "total",
           "xep hang": "rank"}


@dataclass
class YearResult:
    year: int
    areas: list[dict] = field(default_factory=list)
    bonus: Decimal = Decimal(0)
    penalty: Decimal = Decimal(0)
    total: Decimal | None = None
    rank: int | None = None
    out_of: int | None = None


def _number(text: str) -> Decimal:
    return Decimal(text.strip().replace(",", "."))


def parse_table(rows: list[list[str]]) -> tuple[list[YearResult], list[str]]:
    """Results per year and the errors 'Dòng n: …' (nothing is usable when there are errors)."""
    errors: list[str] = []
    if not rows:
        return [], ["Bảng trống."]
    header = [str(c or "").strip() for c in rows[0]]
    columns = {i: int(YEAR.search(h).group()) for i, h in enumerate(header) if YEAR.search(h)}
    if not columns:
        return [], ["Dòng 1: không thấy cột năm nào (ví dụ “Năm 2023”)."]
    label_column = min(columns) - 1
    results = {year: YearResult(year) for year in columns.values()}
    for line, row in enumerate(rows[1:], start=2):
        cells = [str(c or "").strip() for c in row]
        label = cells[label_column] if label_column < len(cells) else ""
        if not label and not any(cells):
            continue
        if not label:
            errors.append(f"Dòng {line}: thiếu tên chỉ số thành phần.")
            continue
        special = SPECIAL.get(normalize_name(label))
        for index, year in columns.items():
            text = cells[index] if index < len(cells) else ""
            result = results[year]
            try:
                if special == "rank":
                    if text:
                        rank, out_of = text.split("/")
                        result.rank, result.out_of = int(rank), int(out_of)
                elif special:
                    setattr(result, special, _number(text) if text else Decimal(0))
                elif "/" in text:
                    score, maximum = text.split("/")
                    result.areas.append({"title": label, "score": _number(score), "max_points": _number(maximum)})
                elif text:
                    result.areas.append({"title": label, "note": text})
            except (ValueError, InvalidOperation):
                errors.append(f"Dòng {line}, năm {year}: không đọc được “{text}” (viết điểm/tối đa, ví dụ 9,5/12,5).")
    for result in results.values():
        if result.total is None:
            errors.append(f"Năm {result.year}: thiếu dòng “Tổng điểm”.")
    return [results[y] for y in sorted(results)], errors
