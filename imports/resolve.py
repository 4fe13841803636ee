"""Turning the unit names of a draft's cells into cchc's units, with the names the user mapped by hand.

A vague phrase ('các phòng, đơn vị có liên quan') resolves to no unit: it is shown as "to pick", never widened to
the group its first words happen to name.
"""

from imports.cells import is_vague
from org.matching import UnitDirectory
from org.models import Unit
from org.names import normalize_name

ROLES = (("lead", "lead_text"), ("coordinating", "coordinating_text"), ("monitoring", "monitoring_text"))


def known_names(directory: UnitDirectory) -> set[str]:
    """The normalised names, aliases and group phrases of the department's units (never outside bodies)."""
    return set(directory.by_key) | set(directory.groups)


class Resolver:
    """Resolves cells for one draft; the directory is loaded once (a constant number of queries)."""

    def __init__(self, issuing_unit: Unit, mappings: dict | None = None):
        self.directory = UnitDirectory(issuing_unit.department())
        self.units = sorted({u.pk: u for u in self.directory.by_key.values()}.values(), key=lambda u: (u.path, u.order))
        self.units_by_id = {u.pk: u for u in self.units}
        self.groups = sorted({g.pk: g for g in self.directory.groups.values()}.values(), key=lambda g: g.name)
        self.groups_by_id = {g.pk: g for g in self.groups}
        self.mappings = mappings or {}

    def mapped_units(self, mapping: dict) -> list[Unit]:
        """The units a hand mapping stands for: one unit, a group's members, or none (the name was left aside)."""
        if mapping.get("group") in self.groups_by_id:
            return [u for u in self.groups_by_id[mapping["group"]].members.all() if u.pk in self.units_by_id]
        unit = self.units_by_id.get(mapping.get("unit"))
        return [unit] if unit else []

    def outside_names(self, cell: str) -> list[str]:
        """The names of a cell the user marked as bodies outside the department."""
        names = []
        for match in self.directory.match_cell(cell):
            mapped = self.mappings.get(normalize_name(match.text))
            if mapped is not None and mapped.get("outside"):
                names.append(match.text)
        return names

    def mapping_label(self, mapping: dict) -> str:
        if mapping.get("outside"):
            return ""
        if mapping.get("group") in self.groups_by_id:
            return self.groups_by_id[mapping["group"]].name
        unit = self.units_by_id.get(mapping.get("unit"))
        return unit.name if unit else ""

    def resolve(self, cell: str) -> tuple[list[Unit], list[str]]:
        """The units a cell names and the fragments still unknown (neither matched nor mapped nor ignored)."""
        units: list[Unit] = []
        unknown: list[str] = []
        for match in self.directory.match_cell(cell):
            mapped = self.mappings.get(normalize_name(match.text))
            if mapped is not None:
                units.extend(u for u in self.mapped_units(mapped) if u not in units)
            elif is_vague(match.text):
                continue  # the user picks the units; the task keeps needs_units
            elif match.matched:
                units.extend(u for u in match.units if u not in units)
            else:
                unknown.append(match.text)
        return sorted(units, key=lambda u: (u.order, u.path)), unknown

    def chips(self, cell: str) -> list[dict]:
        """What the review shows for a cell: one chip per unit, one per group phrase, one per unknown name."""
        chips = []
        for match in self.directory.match_cell(cell):
            mapped = self.mappings.get(normalize_name(match.text))
            if mapped is not None and mapped.get("outside"):
                chips.append({"label": match.text, "title": "", "ok": True, "outside": True})
            elif mapped is not None:
                label = self.mapping_label(mapped)
                if label:
                    chips.append({"label": label, "title": f"{match.text} → {label}", "ok": True})
            elif is_vague(match.text):
                chips.append({"label": match.text, "title": "", "ok": False, "vague": True})
            elif match.group is not None:
                names = ", ".join(u.name for u in sorted(match.units, key=lambda u: (u.order, u.path)))
                chips.append({"label": f"{match.group.name} ({len(match.units)})", "title": names, "ok": True})
            elif match.matched:
                chips.extend({"label": u.display_short, "title": u.name, "ok": True} for u in match.units)
            else:
                chips.append({"label": match.text, "title": "", "ok": False})
        return chips

    def task_chips(self, task: dict) -> dict:
        """{"lead": chips, "coordinating": chips, "monitoring": chips} for one draft task, outside bodies last."""
        chips = {role: self.chips(task.get(attr, "")) for role, attr in ROLES}
        for participant in task.get("outside_participants", []):
            if participant.get("role") in chips:
                chips[participant["role"]].append({"label": participant.get("name", ""), "ok": True, "outside": True,
                                                   "title": ""})
        return chips
