"""The text rules of Nghị định 30/2020/NĐ-CP (thể thức văn bản hành chính), as plain functions.

No Django, no python-docx: the Word builder and the templates' context both use these, so a number line
or a date line reads the same in every document cchc writes.
"""

import re
from calendar import monthrange
from datetime import date
from decimal import Decimal

DOCUMENT_KINDS = {
    # Abbreviations of appendix I of the decree, for the kinds cchc writes.
    "KH": "Kế hoạch",
    "BC": "Báo cáo",
    "TB": "Thông báo",
    "QĐ": "Quyết định",
    "CV": "Công văn",
}


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Text with the control characters XML (and so .docx and .xlsx) cannot hold removed; a vertical tab, as Word
    pastes a line break, becomes a new line."""
    return _CONTROL.sub("", str(text).replace("\x0b", "\n"))


def document_number(number, symbol: str) -> str:
    """'Số: 05/KH-STNMT'. Numbers under 10 get a leading zero; a missing number leaves the blank the signer fills."""
    symbol = (symbol or "").strip().lstrip("/")
    text = str(number).strip() if number not in (None, "") else ""
    if text.isascii() and text.isdigit():
        text = f"{int(text):02d}"
    if not text:
        text = " " * 6
    return f"Số: {text}/{symbol}" if symbol else f"Số: {text}"


def date_line(place: str, day: date | None, year: int | None = None) -> str:
    """'Bà Rịa – Vũng Tàu, ngày 05 tháng 01 năm 2024'.

    The decree pads days under 10 and months under 3 with a zero (ngày 05, tháng 01, tháng 02, but tháng 5).
    Without a date the blanks stay for the day of signing, as drafts are written.
    """
    place = (place or "").strip()
    if day is None:
        tail = f"ngày      tháng      năm {year or ''}".rstrip()
    else:
        month = f"{day.month:02d}" if day.month < 3 else str(day.month)
        tail = f"ngày {day.day:02d} tháng {month} năm {day.year}"
    return f"{place}, {tail}" if place else tail.capitalize()


def upper(text: str) -> str:
    """Upper case that keeps Vietnamese letters whole ('đ' → 'Đ', 'ữ' → 'Ữ')."""
    return (text or "").upper()


def recipient_lines(recipients: list[str], archive: str = "VT") -> list[str]:
    """The 'Nơi nhận' lines: '- UBND tỉnh (b/c);' … ending with '- Lưu: VT, VP.'."""
    lines = []
    for item in recipients:
        item = item.strip().lstrip("-–").strip().rstrip(";.,")
        if item and not item.lower().startswith("lưu"):
            lines.append(f"- {item};")
    lines.append(f"- Lưu: {archive.strip() or 'VT'}.")
    return lines


def signature_lines(signer_title: str, acting_for: str = "") -> list[str]:
    """The authority lines above the signature: ('KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC') or ('GIÁM ĐỐC',).

    acting_for is the head's title when a deputy signs on the head's behalf (ký thay, KT.).
    """
    title = upper(signer_title.strip())
    if acting_for:
        return [f"KT. {upper(acting_for.strip())}", title]
    return [title]


def split_signer_title(text: str) -> tuple[str, str]:
    """The signer's title and, when a deputy signs on the head's behalf (ký thay), the head's title.

    Plans write it as 'KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC', on two lines, or just 'Phó Giám đốc' (a deputy always signs KT.).
    """
    parts = [p.strip() for p in (text or "").replace(" / ", "\n").splitlines() if p.strip()]
    if not parts:
        return "", ""
    title = parts[-1]
    if len(parts) > 1 and parts[0].upper().startswith("KT."):
        return title, parts[0][3:].strip()
    if title.lower().startswith("phó "):
        return title, title[4:].strip()
    return title, ""


def split_archive(recipients: list[str], default: str = "VT") -> tuple[list[str], str]:
    """Recipients without the 'Lưu: VT, VP.' line, and what that line says ('VT, VP')."""
    kept, archive = [], default
    for item in recipients:
        cleaned = item.strip().lstrip("-–").strip().rstrip(";.,")
        if cleaned.lower().startswith("lưu"):
            archive = cleaned.split(":", 1)[1].strip() if ":" in cleaned else default
        elif cleaned:
            kept.append(cleaned)
    return kept, archive or default


def score_text(value) -> str:
    """A score as score sheets write it: '9,376', '12,5', '6' ('–' when absent)."""
    if value is None or value == "":
        return "–"
    number = Decimal(str(value)).quantize(Decimal("0.001")).normalize()
    if number == number.to_integral():
        number = number.quantize(Decimal(1))
    sign = "-" if number < 0 else ""
    whole, _, frac = f"{abs(number):f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{grouped},{frac}" if frac else f"{sign}{grouped}"


def percent_text(value, places: int = 2) -> str:
    """A percent 0–100 as '92,94%' ('–' when absent)."""
    if value is None or value == "":
        return "–"
    number = Decimal(str(value)).quantize(Decimal(1).scaleb(-places))
    return f"{number:f}".replace(".", ",") + "%"


def rank_text(rank: int | None, total: int | None) -> str:
    """'10/21' (ranks under 10 padded as the seed writes them: '05/63')."""
    if not rank:
        return "–"
    return f"{rank:02d}/{total}" if total else f"{rank:02d}"


def quarter_label(kind: str, year: int, quarter: int | None = None) -> str:
    """The period a periodic report covers: 'quý I năm 2024', '6 tháng đầu năm 2024', 'năm 2024'."""
    if kind == "quarter":
        numerals = {1: "I", 2: "II", 3: "III", 4: "IV"}
        return f"quý {numerals[quarter or 1]} năm {year}"
    if kind == "half":
        return f"6 tháng đầu năm {year}"
    if kind == "nine_months":
        return f"9 tháng năm {year}"
    return f"năm {year}"


def period_bounds(kind: str, year: int, quarter: int | None = None) -> tuple[date, date]:
    """First and last day a periodic report covers."""
    if kind == "quarter":
        q = quarter or 1
        last_month = 3 * q
        return date(year, last_month - 2, 1), date(year, last_month, monthrange(year, last_month)[1])
    if kind == "half":
        return date(year, 1, 1), date(year, 6, 30)
    if kind == "nine_months":
        return date(year, 1, 1), date(year, 9, 30)
    return date(year, 1, 1), date(year, 12, 31)


def download_name(title: str, extension: str) -> str:
    """A file name users recognise, in Vietnamese, without characters file systems refuse."""
    cleaned = "".join("-" if ch in '\\/:*?"<>|\r\n\t' else ch for ch in title).strip(" .-")
    cleaned = " ".join(cleaned.split())[:150] or "van-ban"
    return f"{cleaned}.{extension.lstrip('.')}"
