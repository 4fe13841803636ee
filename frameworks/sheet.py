"""The framework spreadsheet (.xlsx): its documented columns, reading with row-by-row errors, and writing.

No ORM here: the caller passes a function that finds a unit from its name, and gets plain dicts back.

Columns (first sheet, first row = headers, in this order):
  Mã | Mã cha | Loại | Nội dung | Điểm tối đa | Cách chấm | Tham số | Số liệu | Tài liệu kiểm chứng |
  Đơn vị chịu trách nhiệm | Thời hạn
- Loại: Lĩnh vực, Tiêu chí, Tiêu chí thành phần, Điểm thưởng, Điểm trừ.
- Cách chấm: Thủ công, Đạt/Không đạt, Theo mức, Tuyến tính, Tỷ lệ (bỏ trống = Thủ công).
- Tham số: Thủ công "0; 0,5; 1" (các mức được chọn, bỏ trống = mọi điểm từ 0 đến tối đa);
  Theo mức "50=1,5; 70=3" (từ 50 được 1,5 điểm, từ 70 được 3 điểm); Tuyến tính "nhân=10; chia=100; trừ=0; sàn=50"
  (điểm = (giá trị − trừ) × nhân / chia, dưới sàn được 0).
- Số liệu: tên số liệu cchc tự tính, đúng như trang "Hướng dẫn" liệt kê (bỏ trống = nhập tay giá trị đo được).
- Thời hạn: dd/mm/yyyy.
"""

import io
import re
from collections.abc import Callable
from datetime import date, datetime

from django.utils.translation import gettext as _

from core import xlsx
from core.i18n import gettext_noop
from frameworks import rules
from frameworks.metrics import find_metric, metric_choices, metric_label

HEADERS = ["Mã", "Mã cha", "Loại", "Nội dung", "Điểm tối đa", "Cách chấm", "Tham số", "Số liệu",
           "Tài liệu kiểm chứng", "Đơn vị chịu trách nhiệm", "Thời hạn"]
# Files made before the column named the metric by its label still read.
HEADER_ALIASES = {"Mã số liệu": "Số liệu"}
KIND_LABELS = {"Lĩnh vực": "area", "Tiêu chí": "criterion", "Tiêu chí thành phần": "sub_criterion",
               "Điểm thưởng": "bonus", "Điểm cộng": "bonus", "Điểm trừ": "penalty"}
# The names a file writes stay Vietnamese; they are marked so the guide page can gloss them in English.
KIND_NAMES = {"area": gettext_noop("Lĩnh vực"), "criterion": gettext_noop("Tiêu chí"),
              "sub_criterion": gettext_noop("Tiêu chí thành phần"), "bonus": gettext_noop("Điểm thưởng"),
              "penalty": gettext_noop("Điểm trừ")}
RULE_LABELS = {"thủ công": "manual", "đạt/không đạt": "yes_no", "theo mức": "tiers", "tuyến tính": "linear",
               "tỷ lệ": "share", **{k: k for k in rules.KINDS}}
RULE_NAMES = {"manual": gettext_noop("Thủ công"), "yes_no": gettext_noop("Đạt/Không đạt"),
              "tiers": gettext_noop("Theo mức"), "linear": gettext_noop("Tuyến tính"), "share": gettext_noop("Tỷ lệ")}
LINEAR_KEYS = {"nhân": "multiply", "chia": "divide", "trừ": "offset", "sàn": "zero_below"}
MAX_ROWS = 2000


class SheetError(ValueError):
    pass


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


def read_workbook(data: bytes) -> list[tuple[int, dict[str, str]]]:
    """(line number, {header: text}) for every non-empty row; SheetError if the file is not the template."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for files that are not .xlsx
        raise SheetError(_("Tệp không phải bảng tính .xlsx đọc được. Hãy tải mẫu, điền rồi tải lên lại."))
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [HEADER_ALIASES.get(_text(v), _text(v)) for v in next(rows, ())]
    missing = [h for h in HEADERS[:5] if h not in header]
    if missing:
        raise SheetError(_("Thiếu cột: %(columns)s. Dòng đầu phải là tiêu đề cột theo mẫu.")
                         % {"columns": ", ".join(missing)})
    found = []
    for line, values in enumerate(rows, start=2):
        cells = {name: _text(values[i]) if i < len(values) else "" for i, name in enumerate(header) if name}
        if any(cells.values()):
            found.append((line, cells))
        if len(found) > MAX_ROWS:
            raise SheetError(_("Tệp có hơn %(count)s dòng; hãy kiểm tra lại.") % {"count": MAX_ROWS})
    return found


def parse_params(kind: str, text: str) -> dict:
    parts = [p.strip() for p in re.split(r"[;\n]", text or "") if p.strip()]
    if kind == "manual":
        return {"levels": [str(rules.parse_number(p)) for p in parts]} if parts else {}
    if kind == "tiers":
        tiers = []
        for part in parts:
            if "=" not in part:
                raise rules.RuleError(gettext_noop("Mức “%(part)s” phải viết dạng ngưỡng=điểm, ví dụ 50=1,5."), part=part)
            low, points = part.split("=", 1)
            tiers.append({"min": str(rules.parse_number(low)), "points": str(rules.parse_number(points))})
        return {"tiers": tiers}
    if kind == "linear":
        params = {}
        for part in parts:
            if "=" not in part:
                raise rules.RuleError(gettext_noop("Tham số “%(part)s” phải viết dạng tên=số, ví dụ nhân=10."), part=part)
            name, value = (s.strip().lower() for s in part.split("=", 1))
            if name not in LINEAR_KEYS:
                raise rules.RuleError(gettext_noop("Không hiểu tham số “%(name)s”; dùng: nhân, chia, trừ, sàn."), name=name)
            params[LINEAR_KEYS[name]] = str(rules.parse_number(value))
        return params
    return {}


def _date(text: str) -> date | None:
    if not text:
        return None
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d/%m/%y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise SheetError(_("Thời hạn “%(text)s” phải viết dd/mm/yyyy.") % {"text": text})


def parse_rows(raw: list[tuple[int, dict[str, str]]], find_unit: Callable[[str], object | None]):
    """Criteria rows ready to write (parents before children) and the list of errors 'Dòng n: …'."""
    rows, errors, seen = [], [], {}
    for line, cells in raw:
        problems = []
        code = cells.get("Mã", "")
        parent = cells.get("Mã cha", "")
        if not code:
            problems.append(_("thiếu mã"))
        elif code in seen:
            problems.append(_("mã “%(code)s” trùng với dòng %(line)s") % {"code": code, "line": seen[code]})
        if parent and parent not in seen:
            problems.append(_("mã cha “%(code)s” chưa có ở các dòng trên") % {"code": parent})
        kind = KIND_LABELS.get(cells.get("Loại", ""))
        if kind is None:
            problems.append(_("loại “%(kind)s” không hợp lệ (dùng: %(kinds)s)")
                            % {"kind": cells.get("Loại", ""), "kinds": ", ".join(KIND_NAMES.values())})
        title = cells.get("Nội dung", "")
        if not title:
            problems.append(_("thiếu nội dung"))
        maximum = None
        try:
            maximum = rules.parse_number(cells.get("Điểm tối đa", "")) or rules.parse_number("0")
            if maximum < 0:
                problems.append(_("điểm tối đa âm"))
        except rules.RuleError:
            problems.append(_("điểm tối đa “%(value)s” không phải số") % {"value": cells.get("Điểm tối đa")})
        rule_kind = RULE_LABELS.get((cells.get("Cách chấm") or "thủ công").strip().lower())
        rule = None
        if rule_kind is None:
            problems.append(_("cách chấm “%(rule)s” không hợp lệ (dùng: %(rules)s)")
                            % {"rule": cells.get("Cách chấm"), "rules": ", ".join(RULE_NAMES.values())})
        elif maximum is not None:
            try:
                rule = {"kind": rule_kind, **parse_params(rule_kind, cells.get("Tham số", ""))}
                if cells.get("Số liệu"):
                    metric = find_metric(cells["Số liệu"])
                    if metric is None:
                        raise rules.RuleError(gettext_noop("không có số liệu “%(name)s” (dùng: %(names)s)"),
                                              name=cells["Số liệu"][:80],
                                              names="; ".join(label for _key, label in metric_choices()))
                    rule["metric"] = metric
                rule = rules.parse_rule(rule, maximum).as_dict()
            except rules.RuleError as error:
                problems.append(str(error).rstrip("."))
        unit = None
        if cells.get("Đơn vị chịu trách nhiệm"):
            unit = find_unit(cells["Đơn vị chịu trách nhiệm"])
            if unit is None:
                problems.append(_("không tìm thấy đơn vị “%(name)s”") % {"name": cells["Đơn vị chịu trách nhiệm"]})
        deadline = None
        try:
            deadline = _date(cells.get("Thời hạn", ""))
        except SheetError as error:
            problems.append(str(error).rstrip("."))
        if code:
            seen.setdefault(code, line)
        if problems:
            errors.append(_("Dòng %(line)s: %(problems)s.") % {"line": line, "problems": "; ".join(problems)})
            continue
        rows.append({"code": code, "parent_code": parent, "kind": kind, "title": title, "max_points": maximum,
                     "rule": rule, "guidance": cells.get("Tài liệu kiểm chứng", ""), "responsible_unit": unit,
                     "deadline": deadline})
    if not raw:
        errors.append(_("Tệp không có dòng tiêu chí nào."))
    return rows, errors


def params_text(rule: dict) -> str:
    kind = rule.get("kind", "manual")
    if kind == "manual":
        return "; ".join(rules.format_points(v) for v in rule.get("levels", []))
    if kind == "tiers":
        return "; ".join(f"{rules.format_points(t['min'])}={rules.format_points(t['points'])}" for t in rule["tiers"])
    if kind == "linear":
        names = {v: k for k, v in LINEAR_KEYS.items()}
        return "; ".join(f"{names[k]}={rules.format_points(rule[k])}" for k in LINEAR_KEYS.values() if k in rule)
    return ""


def write_workbook(title: str, rows: list[dict]) -> bytes:
    """rows: {code, parent_code, kind, title, max_points, rule, guidance, unit_name, deadline}."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tiêu chí"
    xlsx.append(sheet, HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        rule = row["rule"] or {"kind": "manual"}
        xlsx.append(sheet, [
            row["code"], row["parent_code"], KIND_NAMES[row["kind"]], row["title"], float(row["max_points"]),
            RULE_NAMES[rule.get("kind", "manual")], params_text(rule), metric_label(rule.get("metric", "")),
            row["guidance"],
            row["unit_name"], row["deadline"].strftime("%d/%m/%Y") if row["deadline"] else "",
        ])
    for letter, width in zip("ABCDEFGHIJK", [8, 8, 18, 70, 10, 14, 26, 40, 40, 30, 12], strict=True):
        sheet.column_dimensions[letter].width = width
    for cells in sheet.iter_rows(min_row=2):
        cells[3].alignment = Alignment(wrap_text=True, vertical="top")
    info = workbook.create_sheet("Hướng dẫn")
    xlsx.append(info, [title])
    for line in (__doc__ or "").splitlines()[4:]:
        xlsx.append(info, [line])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
