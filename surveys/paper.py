"""Reading paper answer sheets typed into the answers workbook (the same layout as the answers export).

Plain rows in, sheets or row-by-row Vietnamese errors out; nothing is stored unless every row is fine.
A level is written 1–5 or as its words ("Hài lòng"); an empty cell means "Không có ý kiến".
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime

from surveys.index import LEVEL_LABELS, NO_OPINION

DETAIL_COLUMNS = {
    "giới tính": "gender", "độ tuổi": "age_group", "nghề nghiệp": "occupation", "người trả lời là": "respondent_kind",
}
QUESTION_HEADER = re.compile(r"^\s*(?:câu\s*)?(\d{1,3})[.)]?(?:\s|$)", re.IGNORECASE)


def _normal(text) -> str:
    return " ".join(unicodedata.normalize("NFC", str(text or "")).lower().split())


WORDS = {_normal(label): level for level, label in LEVEL_LABELS.items()}


@dataclass
class PaperSheet:
    line: int
    levels: dict[int, int]
    on: date | None = None
    counter: str = ""
    suggestion: str = ""
    details: dict[str, str] = field(default_factory=dict)


@dataclass
class Layout:
    questions: dict[int, int]  # column index → question number (1-based, in questionnaire order)
    date: int | None = None
    counter: int | None = None
    suggestion: int | None = None
    details: dict[int, str] = field(default_factory=dict)


def read_header(header: list) -> tuple[Layout | None, list[str]]:
    layout = Layout(questions={})
    for index, title in enumerate(header):
        name = _normal(title)
        if not name:
            continue
        if name.startswith("ngày"):
            layout.date = index
        elif name.startswith("quầy"):
            layout.counter = index
        elif name.startswith("góp ý"):
            layout.suggestion = index
        elif name in DETAIL_COLUMNS:
            layout.details[index] = DETAIL_COLUMNS[name]
        elif match := QUESTION_HEADER.match(name):
            layout.questions[index] = int(match.group(1))
    if not layout.questions:
        return None, ["Dòng 1: không thấy cột câu hỏi nào. Tiêu đề cột câu hỏi bắt đầu bằng số thứ tự, ví dụ “1. Nơi ngồi "
                      "chờ…”; hãy dùng tệp mẫu tải từ trang khảo sát."]
    return layout, []


def _level(value) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return NO_OPINION
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
        return int(value) if 1 <= int(value) <= 5 else None
    text = _normal(value)
    if text.isascii() and text.isdigit():
        return int(text) if 1 <= int(text) <= 5 else None
    return WORDS.get(text)


def _date(value) -> date | None | str:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return datetime.strptime(str(value).strip(), "%d/%m/%Y").date()
    except ValueError:
        return "bad"


def read_sheets(header: list, rows: list, question_count: int, first_line: int = 2
                ) -> tuple[list[PaperSheet], list[str]]:
    """Sheets from the rows under the header; errors name the line and the cell, saying what is accepted."""
    layout, errors = read_header(header)
    if layout is None:
        return [], errors
    for number in sorted(set(layout.questions.values())):
        if number > question_count:
            errors.append(f"Dòng 1: phiếu chỉ có {question_count} câu hỏi, không có câu {number}.")
    sheets = []
    for line, row in enumerate(rows, start=first_line):
        cells = list(row) + [None] * (len(header) - len(row))
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            continue
        levels: dict[int, int] = {}
        for index, number in layout.questions.items():
            level = _level(cells[index])
            if level is None:
                errors.append(f"Dòng {line}: câu {number} ghi “{cells[index]}”; chỉ nhận 1–5, tên mức (ví dụ “Hài lòng”) "
                              "hoặc để trống nếu không có ý kiến.")
            elif number <= question_count:
                levels[number] = level
        on = _date(cells[layout.date]) if layout.date is not None else None
        if on == "bad":
            errors.append(f"Dòng {line}: ngày trả lời “{cells[layout.date]}” không đúng dạng ngày/tháng/năm (15/06/2024).")
            on = None
        if levels and all(v == NO_OPINION for v in levels.values()):
            errors.append(f"Dòng {line}: phiếu không có câu nào được đánh giá.")
        sheets.append(PaperSheet(
            line=line, levels=levels, on=on,
            counter=str(cells[layout.counter] or "").strip() if layout.counter is not None else "",
            suggestion=str(cells[layout.suggestion] or "").strip() if layout.suggestion is not None else "",
            details={name: str(cells[i] or "").strip()[:60] for i, name in layout.details.items()},
        ))
    if not sheets and not errors:
        errors.append("Tệp không có phiếu nào dưới dòng tiêu đề.")
    return sheets, errors
