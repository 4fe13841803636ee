"""The plan's own header as Vietnamese administrative documents write it (Nghị định 30/2020): number and symbol
('Số: 05/KH-STNMT'), place and date, kind and title, recipients ('Nơi nhận:') and signer. Pure functions."""

import re
from datetime import date

from org.names import normalize_name, strip_accents

_NUMBER = re.compile(r"^So\s*[:.]?\s*(\d*)\s*/\s*([A-Z0-9Đ][A-Z0-9Đ&\-–/]*)", re.I)
_DATE_LINE = re.compile(r"^(?P<place>[^,\n]{2,60}),\s*ngay\s*(?P<d>\d{1,2})?\s*thang\s*(?P<m>\d{1,2})?\s*nam\s*(?P<y>\d{4})", re.I)
_KINDS = ("KẾ HOẠCH", "CHƯƠNG TRÌNH", "QUYẾT ĐỊNH", "PHƯƠNG ÁN")


def read_header(lines: list[str], header: dict) -> None:
    """Fills `header` from the lines before the appendices (paragraphs and the header table's cells)."""
    plain_lines = [strip_accents(line) for line in lines]
    for i, (line, plain) in enumerate(zip(lines, plain_lines, strict=True)):
        if "symbol" not in header and (m := _NUMBER.match(plain)):
            header["number"] = m.group(1)
            header["symbol"] = line[m.start(2):m.end(2)].strip("/ ")
        elif "place" not in header and (m := _DATE_LINE.match(plain)):
            header["place"] = line[: m.end("place")].strip()
            header["year"] = int(m.group("y"))
            if m.group("d") and m.group("m"):
                try:
                    header["issue_date"] = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
                except ValueError:
                    header.setdefault("warnings", []).append(f"Ngày ban hành không hợp lệ: {line}")
        elif "kind" not in header and line.upper() == line and line.startswith(_KINDS):
            kind = next(k for k in _KINDS if line.startswith(k))
            header["kind"] = kind.capitalize()
            rest = line[len(kind):].strip()
            title = rest or (lines[i + 1] if i + 1 < len(lines) else "")
            # A summary line broken in two ('Cải cách hành chính năm 2025' / 'của Sở Tài nguyên và Môi trường').
            for follow in lines[i + (1 if rest else 2):i + 4]:
                if not follow[:1].islower():
                    break
                title = f"{title} {follow}"
            header["title"] = title
            header["summary"] = title
        elif plain.lower().startswith("noi nhan"):
            recipients = []
            for follow in lines[i + 1:]:
                if not follow.startswith(("-", "–", "+")):
                    break
                recipients.append(follow.lstrip("-–+ ").rstrip(";,. "))
            header["recipients"] = recipients
            signature = lines[i + 1 + len(recipients):]
            titles = [r for r in signature[:4] if r.upper() == r and any(ch.isalpha() for ch in r)]
            names = [r for r in signature[len(titles):len(titles) + 1] if r.upper() != r and len(r.split()) <= 6]
            if titles:
                header["signer_title"] = "\n".join(titles)
            if names:
                header["signer_name"] = names[0]
    if "year" not in header and (m := re.search(r"nam (\d{4})", strip_accents(header.get("title", "")))):
        header["year"] = int(m.group(1))


def guess_plan_kind(title: str) -> str:
    """The plans app's kind of plan from its title: 'yearly', 'index', 'communication', 'inspection' or 'other'."""
    key = normalize_name(title)
    if any(w in key for w in ("chi so", "par index", "sipas")):
        return "index"
    if "tuyen truyen" in key:
        return "communication"
    if "kiem tra" in key:
        return "inspection"
    if "cai cach hanh chinh" in key:
        return "yearly"
    return "other"
