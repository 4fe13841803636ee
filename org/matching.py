"""Finding cchc's units from the words a plan uses for them.

'Văn phòng Sở; Trung tâm Công nghệ thông tin tài nguyên và môi trường.' → two units;
'Các phòng, đơn vị thuộc Sở' → the group's members; anything else is returned unmatched
so the user can map it (and the mapping becomes an alias).
"""

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from org.models import Unit, UnitAlias, UnitGroup
from org.names import normalize_name, split_unit_list


@dataclass
class Match:
    text: str
    units: list[Unit] = field(default_factory=list)
    group: UnitGroup | None = None

    @property
    def matched(self) -> bool:
        return bool(self.units)


class UnitDirectory:
    """Every name, alias and group phrase of a department's units, loaded once (three queries)."""

    def __init__(self, department: Unit):
        units = list(Unit.objects.subtree_of(department).active())
        self.by_key: dict[str, Unit] = {}
        for unit in units:
            for name in (unit.name, unit.short_name):
                if name:
                    self.by_key.setdefault(normalize_name(name), unit)
        unit_ids = {u.pk: u for u in units}
        for alias in UnitAlias.objects.filter(unit__in=units):
            self.by_key.setdefault(alias.normalized, unit_ids[alias.unit_id])
        self.groups: dict[str, UnitGroup] = {}
        for group in UnitGroup.objects.filter(owner=department).prefetch_related("members"):
            for phrase in group.normalized_phrases():
                self.groups[phrase] = group

    def match_one(self, text: str) -> Match:
        key = normalize_name(text)
        for suffix in (" chu tri tham muu noi dung theo chuc nang duoc giao", " theo chuc nang duoc giao"):
            key = key.removesuffix(suffix)
        if not key:
            return Match(text)
        if key in self.groups:
            group = self.groups[key]
            return Match(text, list(group.members.all()), group)
        if key in self.by_key:
            return Match(text, [self.by_key[key]])
        for group_key, group in self.groups.items():
            if key.startswith(group_key):
                return Match(text, list(group.members.all()), group)
        best, best_ratio = None, 0.0
        for name_key, unit in self.by_key.items():
            ratio = SequenceMatcher(None, key, name_key).ratio()
            if ratio > best_ratio:
                best, best_ratio = unit, ratio
        if best is not None and best_ratio >= 0.9:
            return Match(text, [best])
        return self._match_run_on(text, key)

    def _match_run_on(self, text: str, key: str) -> Match:
        """Names run together without a semicolon ('Văn phòng Sở, đơn vị thuộc Sở', 'Văn phòng Sở Các phòng, …'),
        possibly followed by what the unit does ('… chủ trì theo dõi đôn đốc'). Matched only if every name is known."""
        words = key.split()
        units: list[Unit] = []
        start = 0
        while start < len(words):
            for end in range(len(words), start, -1):
                piece = " ".join(words[start:end])
                if piece in self.groups:
                    units.extend(u for u in self.groups[piece].members.all() if u not in units)
                    break
                if piece in self.by_key:
                    if self.by_key[piece] not in units:
                        units.append(self.by_key[piece])
                    break
            else:
                rest = " ".join(words[start:])
                if units and rest.startswith(_ROLE_WORDS):
                    break
                return Match(text)
            start = end
        return Match(text, units)

    def match_cell(self, cell: str) -> list[Match]:
        """All the units a table cell names, one Match per fragment (remarks in brackets left aside)."""
        parts = (_BRACKETS.sub(" ", part).strip(" ,.;:-") for part in split_unit_list(cell))
        return [self.match_one(part) for part in parts if part]


_BRACKETS = re.compile(r"\([^)]*\)")
# What a cell may say after the units' names about their role, accent-stripped.
_ROLE_WORDS = ("chu tri", "theo chuc nang", "trien khai", "bao cao theo", "tong hop", "theo doi")
