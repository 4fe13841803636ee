"""Unit names as plans write them: normalising for accent- and case-insensitive matching.

Pure functions, no ORM. 'Phòng Kế hoạch – Tài chính', 'phong ke hoach - tai chinh' and
'PHÒNG KẾ HOẠCH-TÀI CHÍNH' all normalise to the same key.
"""

import re
import unicodedata

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_PUNCT = re.compile(r"[^\w\s]+", re.UNICODE)
_SPACES = re.compile(r"\s+")


def strip_accents(text: str) -> str:
    """Removes Vietnamese diacritics; đ/Đ become d/D."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def normalize_name(text: str) -> str:
    """The matching key of a unit name: no accents, lower case, punctuation as spaces."""
    text = unicodedata.normalize("NFC", text or "")
    for dash in _DASHES:
        text = text.replace(dash, "-")
    text = strip_accents(text).lower()
    text = _PUNCT.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


_LIST_SPLIT = re.compile(r"\s*(?:;|\n|\u2022)\s*")


def split_unit_list(cell: str) -> list[str]:
    """Splits a table cell naming several units ('- Thanh tra Sở; - Phòng Quản lý đất đai;')."""
    parts = [p.strip(" ,.;:-\t") for p in _LIST_SPLIT.split(cell or "")]
    return [p for p in parts if p]
