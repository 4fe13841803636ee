"""Task codes as plans write them (1, 1.2, 3.1.1): which row is whose parent. Pure."""

import re

_CODE = re.compile(r"^\d+(?:\.\d+)*$")


def normalize_code(code: str) -> str:
    """'1.1.2.' → '1.1.2'; other codes (letters, roman numerals) are kept as written."""
    return (code or "").strip().rstrip(".")


def parent_code(code: str) -> str:
    """'1.1.2' → '1.1'; '1' → '' (a top-level row has no parent)."""
    code = normalize_code(code)
    if not _CODE.match(code) or "." not in code:
        return ""
    return code.rsplit(".", 1)[0]


def sort_key(code: str) -> tuple:
    """Numeric order of codes: 1.2 before 1.10."""
    code = normalize_code(code)
    if _CODE.match(code):
        return tuple(int(p) for p in code.split("."))
    return (10**6, code)
