"""Every change to the organisation goes through here: one transaction, one audit entry each.

Reorganisation never deletes a unit: the old unit keeps its past data and is marked dissolved,
and a ReorgEvent links it to its successors so today's views can follow them.
"""

from django.db import transaction
from django.utils.text import slugify

from accounts.models import User
from audit.log import diff, record, record_create, snapshot
from org.models import ReorgEvent, Unit, UnitAlias, UnitGroup

UNIT_FIELDS = ["name", "short_name", "code", "kind", "parent", "coordinates_reform", "established_on", "dissolved_on"]


def _unique_code(name: str) -> str:
    base = slugify(name.replace("đ", "d").replace("Đ", "D"))[:50] or "don-vi"
    code, n = base, 2
    while Unit.objects.filter(code=code).exists():
        code, n = f"{base}-{n}", n + 1
    return code


@transaction.atomic
def create_unit(*, by, name, kind, parent=None, short_name="", code="", aliases=(), **extra) -> Unit:
    unit = Unit.objects.create(
        name=name, kind=kind, parent=parent, short_name=short_name, code=code or _unique_code(name), **extra
    )
    for alias in aliases:
        UnitAlias.objects.get_or_create(unit=unit, alias=alias)
    record_create(by=by, obj=unit, fields=UNIT_FIELDS, unit=unit)
    return unit


@transaction.atomic
def update_unit(unit: Unit, *, by, **fields) -> Unit:
    parent = fields.get("parent")
    if parent is not None and unit.pk and parent.path.startswith(unit.path):
        raise ValueError("a unit cannot move under itself or one of its own units")
    before = snapshot(unit, UNIT_FIELDS)
    for name, value in fields.items():
        setattr(unit, name, value)
    unit.save()
    record(by=by, obj=unit, action="update", changes=diff(before, snapshot(unit, UNIT_FIELDS)), unit=unit)
    return unit


@transaction.atomic
def add_alias(unit: Unit, alias: str, *, by) -> UnitAlias:
    """Remembers another way of writing a unit's name (used when an importer's user maps a name)."""
    obj, created = UnitAlias.objects.get_or_create(unit=unit, normalized=_norm(alias), defaults={"alias": alias})
    if created:
        record(by=by, obj=unit, action="update", changes={"alias": [None, alias]}, unit=unit)
    return obj


def _norm(text: str) -> str:
    from org.names import normalize_name

    return normalize_name(text)


@transaction.atomic
def rename_unit(unit: Unit, *, new_name: str, new_short_name: str = "", effective_date, by, decision="") -> ReorgEvent:
    old_name = unit.name
    event = ReorgEvent.objects.create(
        kind=ReorgEvent.Kind.RENAME,
        effective_date=effective_date,
        decision=decision,
        old_name=old_name,
        new_name=new_name,
        renamed_unit=unit,
        created_by=by,
    )
    event.sources.add(unit)
    event.targets.add(unit)
    # The old name keeps matching in imported plans written before the rename.
    UnitAlias.objects.get_or_create(unit=unit, normalized=_norm(old_name), defaults={"alias": old_name})
    update_unit(unit, by=by, name=new_name, short_name=new_short_name or unit.short_name)
    return event


@transaction.atomic
def merge_units(
    sources: list[Unit], *, effective_date, by, into: Unit | None = None, new_name="", new_short_name="", kind="",
    decision="",
) -> ReorgEvent:
    """A + B → C. C is an existing unit (A is absorbed into B) or a new one named new_name."""
    if len(sources) < 2 and into is None:
        raise ValueError("Cần ít nhất hai đơn vị để hợp nhất.")
    if into is None:
        parent = sources[0].parent
        into = create_unit(by=by, name=new_name, short_name=new_short_name, kind=kind or sources[0].kind, parent=parent,
                           established_on=effective_date)
    event = ReorgEvent.objects.create(kind=ReorgEvent.Kind.MERGE, effective_date=effective_date, decision=decision,
                                      created_by=by, new_name=into.name)
    event.targets.add(into)
    for source in sources:
        if source.pk == into.pk:
            continue
        event.sources.add(source)
        _hand_over(source, into, by=by)
        update_unit(source, by=by, dissolved_on=effective_date)
    record(by=by, obj=into, action="update", unit=into,
           changes={"merged_from": [None, [s.name for s in sources if s.pk != into.pk]]})
    return event


def _hand_over(source: Unit, target: Unit, *, by) -> None:
    """Children, people, group memberships and names of a dissolved unit go to its successor."""
    for child in source.children.all():
        if child.pk != target.pk:
            update_unit(child, by=by, parent=target)
    for person in User.objects.filter(unit=source):
        record(by=by, obj=person, action="update", changes={"unit": [source.name, target.name]}, unit=target)
    User.objects.filter(unit=source).update(unit=target)
    for group in UnitGroup.objects.filter(members=source):
        group.members.add(target)
    UnitAlias.objects.get_or_create(unit=target, normalized=_norm(source.name), defaults={"alias": source.name})


@transaction.atomic
def split_unit(source: Unit, *, parts: list[dict], effective_date, by, decision="") -> ReorgEvent:
    """A → B + C. Each part is {"name", "short_name", "kind"}; people stay to be reassigned by hand."""
    if len(parts) < 2:
        raise ValueError("Cần ít nhất hai đơn vị mới khi chia tách.")
    event = ReorgEvent.objects.create(kind=ReorgEvent.Kind.SPLIT, effective_date=effective_date, decision=decision,
                                      created_by=by, old_name=source.name)
    event.sources.add(source)
    for part in parts:
        unit = create_unit(by=by, name=part["name"], short_name=part.get("short_name", ""),
                           kind=part.get("kind") or source.kind, parent=source.parent, established_on=effective_date)
        event.targets.add(unit)
    update_unit(source, by=by, dissolved_on=effective_date)
    return event


@transaction.atomic
def move_unit(unit: Unit, *, new_parent: Unit, effective_date, by, decision="") -> ReorgEvent:
    if new_parent.path.startswith(unit.path):
        raise ValueError("Không thể chuyển một đơn vị vào đơn vị cấp dưới của chính nó.")
    event = ReorgEvent.objects.create(kind=ReorgEvent.Kind.MOVE, effective_date=effective_date, decision=decision,
                                      created_by=by, old_parent=unit.parent, new_parent=new_parent)
    event.sources.add(unit)
    event.targets.add(unit)
    update_unit(unit, by=by, parent=new_parent)
    return event
