"""Comparing what the importer read with a hand-checked expected JSON, so that no way of being wrong goes unseen.

Pure, no ORM. Tasks are paired within each appendix by section numeral and code, then — for what is left — by the
likeness of their content; every task found and not paired lowers the precision, every task expected and not found
the recall (and its fields count wrong). The pairing key is no field of its own: code and section are scored only
for tasks paired by content. Header fields (number, symbol, date, year, title), appendix and section titles are
scored. Fields the expected file leaves empty are counted apart (the importer must leave them empty too), so that
"empty equals empty" never props up the figure. In strict mode texts must be equal with their diacritics and
punctuation, only runs of white space counting as one.

Units are compared as sets of keys given by `unit_keys(name_or_cell, strict) -> set[str]`: with a unit directory
the matched units' ids; without one, the names themselves.
"""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from imports.cells import is_vague
from imports.layout import ExtractedAppendix, ExtractedPlan, ExtractedTask
from org.names import normalize_name, split_unit_list

TASK_FIELDS = ("content", "lead_units", "coordinating_units", "monitoring_units", "outside_participants",
               "needs_units", "product", "deadline_text", "method", "note", "footnotes", "is_heading")
KEY_FIELDS = ("code", "section")
HEADER_FIELDS = ("number", "symbol", "issue_date", "year", "title")
STRUCTURE_FIELDS = ("appendix_title", "section_title")
FIELDS = TASK_FIELDS + KEY_FIELDS + HEADER_FIELDS + STRUCTURE_FIELDS
_UNIT_TEXT = {"lead_units": "lead_text", "coordinating_units": "coordinating_text",
              "monitoring_units": "monitoring_text"}
CONTENT_PAIRING = 0.6  # how alike two contents must be for a task left unpaired by its code

UnitKeys = Callable[[object, bool], set[str]]


def same_text(a, b, strict: bool = False) -> bool:
    """Equal texts: ignoring accents, case and punctuation, or (strict) exactly, white space aside."""
    if strict:
        return _spaces(a) == _spaces(b)
    return normalize_name(str(a or "")) == normalize_name(str(b or ""))


def _spaces(text) -> str:
    return " ".join(unicodedata.normalize("NFC", str(text or "")).split())


def plain_keys(cell_or_names, strict: bool = False) -> set[str]:
    """Unit names as keys, without a directory: accent-stripped (or, strict, as written), remarks left aside."""
    names = split_unit_list(cell_or_names) if isinstance(cell_or_names, str) else list(cell_or_names or [])
    keys = set()
    for name in names:
        name = re.sub(r"\([^)]*\)", " ", name)
        key = _spaces(name).strip(" ,.;:-") if strict else normalize_name(name)
        if key:
            keys.add(("?" if is_vague(name) else "") + key)
    return keys


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += 1 if ok else 0

    def __iadd__(self, other: "Tally") -> "Tally":
        self.right += other.right
        self.total += other.total
        return self


@dataclass
class Miss:
    """One field read wrong, for --verbose-misses."""

    appendix: str
    section: str
    code: str
    field: str
    expected: object
    got: object


@dataclass
class Score:
    name: str
    found: int = 0  # tasks the importer read
    expected: int = 0  # tasks the expected file holds
    paired: int = 0
    fields: dict[str, Tally] = field(default_factory=lambda: {name: Tally() for name in FIELDS})
    empty: Tally = field(default_factory=Tally)  # fields the expected file leaves empty
    misses: list[Miss] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.paired / self.found if self.found else None

    @property
    def recall(self) -> float | None:
        return self.paired / self.expected if self.expected else None

    @property
    def right(self) -> int:
        return sum(t.right for t in self.fields.values())

    @property
    def total(self) -> int:
        return sum(t.total for t in self.fields.values())

    def group(self, names: tuple[str, ...]) -> Tally:
        tally = Tally()
        for name in names:
            tally += self.fields[name]
        return tally

    def add(self, other: "Score") -> None:
        self.found += other.found
        self.expected += other.expected
        self.paired += other.paired
        for name in FIELDS:
            self.fields[name] += other.fields[name]
        self.empty += other.empty
        self.misses.extend(other.misses)


def _is_empty(value) -> bool:
    return value in (None, "", [], False) or value == {}


class _Scorer:
    def __init__(self, score: Score, unit_keys: UnitKeys, strict: bool):
        self.score = score
        self.unit_keys = unit_keys
        self.strict = strict

    def field(self, name: str, expected, got, ok: bool, where: tuple[str, str, str]) -> None:
        if _is_empty(expected) and name not in KEY_FIELDS:
            self.score.empty.add(ok)
        else:
            self.score.fields[name].add(ok)
        if not ok:
            self.score.misses.append(Miss(*where, name, expected, got))

    def text(self, name: str, expected, got, where) -> None:
        self.field(name, expected or "", got or "", same_text(expected or "", got or "", self.strict), where)

    def task(self, want: dict, got: ExtractedTask | None, where: tuple[str, str, str]) -> None:
        for name in TASK_FIELDS:
            expected = want.get(name, [] if name in _UNIT_TEXT or name in ("outside_participants", "footnotes")
                                else False if name in ("needs_units", "is_heading") else "")
            if got is None:
                self.field(name, expected, None, False, where)
                continue
            if name in _UNIT_TEXT:
                value = getattr(got, _UNIT_TEXT[name])
                ok = self.unit_keys(value, self.strict) == self.unit_keys(expected, self.strict)
                self.field(name, expected, value, ok, where)
            elif name == "outside_participants":
                value = got.outside_participants
                self.field(name, expected, value, self._participants(value) == self._participants(expected), where)
            elif name == "footnotes":
                value = got.footnotes
                self.field(name, expected, value, self._footnotes(value) == self._footnotes(expected), where)
            elif name in ("needs_units", "is_heading"):
                value = getattr(got, name)
                self.field(name, expected, value, bool(value) == bool(expected), where)
            else:
                self.text(name, expected, getattr(got, name), where)

    def _key(self, text: str) -> str:
        return _spaces(text) if self.strict else normalize_name(text)

    def _participants(self, rows) -> set[tuple[str, str]]:
        return {(r.get("role", ""), self._key(r.get("name", ""))) for r in rows or []}

    def _footnotes(self, rows) -> set[tuple[str, str]]:
        return {(str(r.get("mark", "")), self._key(r.get("text", ""))) for r in rows or []}


def _pair_appendices(expected: list[dict], found: list[ExtractedAppendix]) -> list[tuple[dict | None,
                                                                                        ExtractedAppendix | None]]:
    """By number first (the first unused one), then in order among those left."""
    left = list(range(len(found)))
    pairs: list[tuple[dict, int | None]] = []
    for want in expected:
        match = next((i for i in left if found[i].number == str(want.get("number", ""))), None)
        if match is not None:
            left.remove(match)
        pairs.append((want, match))
    result: list[tuple[dict | None, ExtractedAppendix | None]] = []
    for want, match in pairs:
        if match is None and left:
            match = left.pop(0)
        result.append((want, found[match] if match is not None else None))
    result.extend((None, found[i]) for i in left)
    return result


def _likeness(a: str, b: str) -> float:
    a, b = normalize_name(a), normalize_name(b)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def compare(name: str, plan: ExtractedPlan, expected: dict, unit_keys: UnitKeys = plain_keys,
            strict: bool = False) -> Score:
    score = Score(name)
    scorer = _Scorer(score, unit_keys, strict)
    header = dict(plan.header)
    if header.get("issue_date") is not None and hasattr(header["issue_date"], "isoformat"):
        header["issue_date"] = header["issue_date"].isoformat()
    wanted_header = expected.get("header", {})
    for field_name in HEADER_FIELDS:
        want, got = wanted_header.get(field_name), header.get(field_name)
        if field_name == "year":
            scorer.field(field_name, want, got, str(want or "") == str(got or ""), ("", "", "đầu văn bản"))
        else:
            scorer.text(field_name, want, got, ("", "", "đầu văn bản"))
    score.found = len(plan.tasks)
    for want_appendix, got_appendix in _pair_appendices(expected.get("appendices", []), plan.appendices):
        if want_appendix is None:
            continue  # its tasks are all extra: counted in `found`, never paired
        number = str(want_appendix.get("number", ""))
        scorer.text("appendix_title", want_appendix.get("title", ""), got_appendix.title if got_appendix else None,
                    (number, "", "tên phụ lục"))
        _compare_appendix(scorer, number, want_appendix, got_appendix)
    return score


def _compare_appendix(scorer: _Scorer, number: str, want: dict, got: ExtractedAppendix | None) -> None:
    score = scorer.score
    found = [(s.numeral, s.title, t) for s in (got.sections if got else []) for t in s.tasks]
    wanted = [(s.get("numeral", ""), s.get("title", ""), t) for s in want.get("sections", []) for t in s.get("tasks", [])]
    score.expected += len(wanted)
    # Section titles, paired by numeral, then by title.
    found_sections = list(got.sections if got else [])
    for section in want.get("sections", []):
        match = next((s for s in found_sections if s.numeral == section.get("numeral", "")), None)
        if match is None:
            match = next((s for s in found_sections if same_text(s.title, section.get("title", ""))), None)
        if match is not None:
            found_sections.remove(match)
        scorer.text("section_title", section.get("title", ""), match.title if match else None,
                    (number, section.get("numeral", ""), "tên mục"))
    paired: dict[int, int] = {}
    used: set[int] = set()
    for i, (numeral, _title, task) in enumerate(wanted):
        if not task.get("code"):
            continue
        j = next((j for j, (n, _t, f) in enumerate(found) if j not in used and n == numeral
                  and f.code == task["code"]), None)
        if j is not None:
            paired[i] = j
            used.add(j)
    by_content: set[int] = set()
    candidates = sorted(((_likeness(task.get("content", ""), found[j][2].content), i, j)
                         for i, (_n, _t, task) in enumerate(wanted) if i not in paired
                         for j in range(len(found)) if j not in used), reverse=True)
    for likeness, i, j in candidates:
        if likeness < CONTENT_PAIRING or i in paired or j in used:
            continue
        paired[i] = j
        used.add(j)
        by_content.add(i)
    score.paired += len(paired)
    for i, (numeral, _title, task) in enumerate(wanted):
        where = (number, numeral, task.get("code", ""))
        got_task = found[paired[i]][2] if i in paired else None
        if got_task is None:
            score.misses.append(Miss(*where, "task", task.get("content", "")[:80], None))
        scorer.task(task, got_task, where)
        if i in by_content:
            got_numeral = found[paired[i]][0]
            scorer.field("code", task.get("code", ""), got_task.code if got_task else None,
                         got_task is not None and got_task.code == task.get("code", ""), where)
            scorer.field("section", numeral, got_numeral, got_numeral == numeral, where)
    for j, (numeral, _title, task) in enumerate(found):
        if j not in used:
            score.misses.append(Miss(number, numeral, task.code, "extra task", None, task.content[:80]))


def percent(right: int | float | None, total: int | None = None) -> str:
    """'98,4 %' from a fraction (or right / total); '—' when there is nothing to count."""
    if total is not None:
        if not total:
            return "—"
        right = right / total if right is not None else None
    if right is None:
        return "—"
    return f"{100 * right:.1f}".replace(".", ",") + " %"
