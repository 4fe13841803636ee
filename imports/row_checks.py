"""What the import review checks and edits on a task read from a plan: the outside participants' text box, the
vague unit cells the user must turn into units, and the warnings a row shows (missing content, lead or deadline, a
method still naming a unit). Pure functions, no ORM; the reading of the cells themselves is imports.cells."""

import re

from core.i18n import gettext_noop
from imports.cells import COORDINATING, LEAD, MONITORING, is_vague, names_text
from org.names import normalize_name

_ROLE_WORDS = {LEAD: "Chủ trì", COORDINATING: "Phối hợp", MONITORING: "Theo dõi"}


def participants_text(participants: list[dict]) -> str:
    """Outside participants as the review's text box shows them: one 'Phối hợp: Sở Nội vụ' per line."""
    return "\n".join(f"{_ROLE_WORDS.get(p.get('role', ''), 'Phối hợp')}: {p.get('name', '')}" for p in participants)


def parse_participants(text: str) -> list[dict]:
    """The text box back into participants; a line without a role word coordinates."""
    found: list[dict] = []
    for line in (text or "").splitlines():
        line = line.strip(" -–+•;")
        if not line:
            continue
        role, _, name = line.partition(":")
        key = normalize_name(role)
        chosen = next((r for r, word in _ROLE_WORDS.items() if normalize_name(word) == key), None)
        if chosen is None or not name.strip():
            chosen, name = COORDINATING, line
        entry = {"role": chosen, "name": name.strip()}
        if entry not in found:
            found.append(entry)
    return found


def needs_units(*cells: str) -> bool:
    """Whether any of these unit cells still holds a vague phrase the user must turn into units."""
    return any(is_vague(name) for cell in cells for name in re.split(r"\s*;\s*|\n+", cell or ""))


def replace_vague(cell: str, names: list[str]) -> str:
    """The cell with its vague phrases replaced by the names the user picked ('; '-separated)."""
    parts = [p.strip() for p in re.split(r"\s*;\s*|\n+", cell or "") if p.strip()]
    if not any(is_vague(p) for p in parts):
        return cell
    kept: list[str] = []
    for part in parts:
        for name in (names if is_vague(part) else [part]):
            if name not in kept:
                kept.append(name)
    return names_text(kept)


MISSING_CONTENT = gettext_noop("Thiếu nội dung nhiệm vụ.")
MISSING_LEAD = gettext_noop("Thiếu cơ quan chủ trì.")
MISSING_DEADLINE = gettext_noop("Thiếu thời gian thực hiện.")
METHOD_NAMES_UNITS = gettext_noop("Cách thức thực hiện còn nêu vai trò hoặc tên đơn vị; kiểm tra lại các đơn vị của "
                                  "dòng.")
FIELD_WARNINGS = (MISSING_CONTENT, MISSING_LEAD, MISSING_DEADLINE, METHOD_NAMES_UNITS)

# What a method read right never holds: a role word, or a unit's name at its start ('Phòng Tài chính – Kế hoạch
# thẩm định …' is a partner left in the method).
_ROLE_IN_METHOD = re.compile(r"\b(?:chu tri|phoi hop|theo doi|don doc)\b")
_UNIT_HEADS = ("van phong", "thanh tra", "phong", "trung tam", "chi cuc", "chi nhanh", "so", "ubnd", "uy ban",
               "doan", "cong an", "cac phong", "cac don vi", "cac co quan")


def method_names_units(method: str) -> bool:
    """Whether a method of execution still holds what looks like a unit's part of the cell ('phối hợp các cơ quan
    chuyên môn …'): a split the user should check."""
    key = normalize_name(method)
    if _ROLE_IN_METHOD.search(key):
        return True
    return method.strip()[:1].isupper() and any(key.startswith(head + " ") for head in _UNIT_HEADS)


def field_warnings(content: str, lead: str, deadline: str, is_heading: bool, lead_outside: bool = False,
                   method: str = "") -> list[str]:
    """What a task misses or may hold wrongly: shown on the review (translated there), recomputed after every edit."""
    warnings = []
    if not (content or "").strip():
        warnings.append(MISSING_CONTENT)
    if not is_heading:
        if not (lead or "").strip() and not lead_outside:
            warnings.append(MISSING_LEAD)
        if not (deadline or "").strip():
            warnings.append(MISSING_DEADLINE)
    if any(method_names_units(part) for part in (method or "").split(";") if part.strip()):
        warnings.append(METHOD_NAMES_UNITS)
    return warnings
