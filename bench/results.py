"""One measured figure of the bench, the table it prints and the results.json it writes."""

import json
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass
class Result:
    """name, value and unit; goal: what it must reach (the same unit); floor: the bare baseline measured beside it
    in the same run (None where there is none); met: whether the goal is reached; note: why, where it is not."""

    name: str
    value: float
    unit: str
    goal: str
    floor: float | None = None
    met: bool = False
    note: str = ""


def at_least(name: str, value: float, unit: str, *, minimum: float | None = None, floor: float | None = None,
             share: float | None = None, note: str = "") -> Result:
    """A throughput: met when ≥ minimum and ≥ share × floor (each where given)."""
    parts, met = [], True
    if share is not None and floor is not None:
        parts.append(f"≥ {share:.0%} of floor ({share * floor:,.0f})")
        met &= value >= share * floor
    if minimum is not None:
        parts.append(f"≥ {minimum:,.0f}")
        met &= value >= minimum
    return Result(name, round(value, 3), unit, " and ".join(parts), floor and round(floor, 3), met, note)


def at_most(name: str, value: float, unit: str, maximum: float, note: str = "") -> Result:
    return Result(name, round(value, 3), unit, f"≤ {maximum:g}", None, value <= maximum, note)


def measured(name: str, value: float, unit: str, note: str = "") -> Result:
    """A figure shown for reading the others (a count, a size), with no goal of its own."""
    return Result(name, round(value, 3), unit, "", None, True, note)


def print_table(results: list[Result]) -> None:
    width = max(len(r.name) for r in results)
    print(f"{'figure':<{width}}  {'value':>14}  {'unit':<9} {'floor':>12}  {'goal':<34} met")
    for r in results:
        floor = "" if r.floor is None else f"{r.floor:,.1f}"
        flag = "yes" if r.met else "NO"
        print(f"{r.name:<{width}}  {r.value:>14,.1f}  {r.unit:<9} {floor:>12}  {r.goal:<34} {flag}"
              + (f"  ({r.note})" if r.note else ""))


def write(results: list[Result], path: Path, meta: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({**meta, "results": [asdict(r) for r in results]}, ensure_ascii=False, indent=2)
                    + "\n", encoding="utf-8")
