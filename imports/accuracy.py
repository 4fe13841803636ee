"""Comparing what the importer read with a hand-checked expected JSON, field by field (pure, no ORM).

Units are compared as sets of keys given by `unit_keys(name_or_cell) -> set[str]` — with a unit directory
that is the matched units' ids, without one the accent-stripped names.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from imports.layout import ExtractedPlan
from org.names import normalize_name, split_unit_list

FIELDS = ("code", "content", "lead_units", "coordinating_units", "monitoring_units", "product", "deadline_text")
_TEXT_CELL = {"lead_units": "lead_text", "coordinating_units": "coordinating_text", "monitoring_units": "monitoring_text"}


def plain_keys(cell_or_names) -> set[str]:
    names = split_unit_list(cell_or_names) if isinstance(cell_or_names, str) else cell_or_names
    return {normalize_name(re.sub(r"\([^)]*\)", " ", n)) for n in names if normalize_name(n)}


@dataclass
class Score:
    name: str
    found: int = 0
    expected: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[str] = field(default_factory=list)

    @property
    def fields_total(self) -> int:
        return self.expected * len(FIELDS)

    @property
    def fields_right(self) -> int:
        return sum(self.right.values())


def _same_text(a: str, b: str) -> bool:
    return normalize_name(a) == normalize_name(b)


def compare(name: str, plan: ExtractedPlan, expected: dict, unit_keys: Callable = plain_keys) -> Score:
    """Tasks are paired in document order within each appendix, by (section numeral, code)."""
    score = Score(name)
    for number, appendix in enumerate(expected.get("appendices", [])):
        found_appendix = plan.appendices[number] if number < len(plan.appendices) else None
        found: dict[tuple[str, str], list] = {}
        if found_appendix:
            for section in found_appendix.sections:
                for task in section.tasks:
                    found.setdefault((section.numeral, task.code), []).append(task)
                    score.found += 1
        for section in appendix.get("sections", []):
            for want in section.get("tasks", []):
                score.expected += 1
                candidates = found.get((section.get("numeral", ""), want["code"]))
                if not candidates:
                    score.misses.append(f"PL{appendix.get('number')} {section.get('numeral')} {want['code']}: không thấy")
                    continue
                got = candidates.pop(0)
                score.right["code"] += 1
                for name_ in ("content", "product", "deadline_text"):
                    if _same_text(getattr(got, name_), want.get(name_, "")):
                        score.right[name_] += 1
                    else:
                        score.misses.append(f"PL{appendix.get('number')} {want['code']} {name_}")
                for name_, attr in _TEXT_CELL.items():
                    if unit_keys(getattr(got, attr)) == unit_keys(want.get(name_, [])):
                        score.right[name_] += 1
                    else:
                        score.misses.append(f"PL{appendix.get('number')} {want['code']} {name_}: "
                                            f"{getattr(got, attr)!r} ≠ {want.get(name_)}")
    if plan.appendices and len(plan.appendices) > len(expected.get("appendices", [])):
        score.found += sum(len(a.tasks) for a in plan.appendices[len(expected.get("appendices", [])):])
    return score


def percent(right: int, total: int) -> str:
    return f"{100 * right / total:.1f}".replace(".", ",") + " %" if total else "—"
