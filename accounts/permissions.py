"""Who may do what, in one table, and the helpers every view and action uses to ask it.

A scope says how far a role granted over a unit reaches:
- OWN: that unit only;
- TREE: that unit and every unit under it;
- ALL: every unit.
A person may hold several grants; an action is allowed if any grant allows it.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from accounts.models import Role

OWN, TREE, ALL = "own", "tree", "all"

S, H, O, A, L, ADM = Role.SPECIALIST, Role.UNIT_HEAD, Role.REFORM_OFFICE, Role.APPRAISER, Role.LEADER, Role.ADMIN

EVERYONE_TREE = {S: OWN, H: OWN, O: TREE, A: TREE, L: TREE, ADM: ALL}

PERMISSIONS: dict[str, dict[str, str]] = {
    # Organisation and people
    "org.view": {S: ALL, H: ALL, O: ALL, A: ALL, L: ALL, ADM: ALL},
    "org.manage": {O: TREE, ADM: ALL},
    "people.view": {H: OWN, O: TREE, L: TREE, ADM: ALL},
    "people.manage": {O: TREE, ADM: ALL},
    "audit.view": {H: OWN, O: TREE, L: TREE, ADM: ALL},
    "calendar.manage": {O: TREE, ADM: ALL},
    # Criteria frameworks (the unit is the framework's owner)
    "framework.view": {S: ALL, H: ALL, O: ALL, A: ALL, L: ALL, ADM: ALL},
    "framework.manage": {O: TREE, ADM: ALL},
    # Assessments (the unit is the assessed unit)
    "assessment.view": EVERYONE_TREE,
    "assessment.self_score": {S: OWN, H: OWN, O: TREE},
    "assessment.submit": {H: OWN, O: TREE},
    "assessment.appraise": {A: TREE},
    "assessment.manage": {O: TREE, ADM: ALL},
    "assessment.publish": {O: TREE, ADM: ALL},
    # Plans and tasks (the unit is the plan's issuing unit, or the task's lead unit)
    "plan.view": EVERYONE_TREE,
    "plan.manage": {O: TREE, ADM: ALL},
    "task.report": {S: OWN, H: OWN, O: TREE},
    "task.monitor": {H: OWN, O: TREE, L: TREE, ADM: ALL},
    "task.approve_extension": {H: OWN, O: TREE, L: TREE},
    # Measured inputs
    "dossier.view": EVERYONE_TREE,
    "dossier.import": {O: TREE, ADM: ALL},
    "survey.view": {H: OWN, O: TREE, L: TREE, ADM: ALL},
    "survey.manage": {O: TREE, ADM: ALL},
    # Documents and publishing
    "document.export": {S: OWN, H: OWN, O: TREE, A: TREE, L: TREE, ADM: ALL},
    "document.template": {O: TREE, ADM: ALL},
    "publish.manage": {O: TREE, ADM: ALL},
    "dashboard.view": EVERYONE_TREE,
}


@dataclass(frozen=True)
class Grant:
    role: str
    unit_id: int
    unit_path: str


def grants_of(user) -> list[Grant]:
    """The user's grants, read once per request and kept on the user object."""
    if not user or not user.is_authenticated:
        return []
    cached = getattr(user, "_cchc_grants", None)
    if cached is None:
        cached = [Grant(g.role, g.unit_id, g.unit.path) for g in user.grants.select_related("unit")]
        if user.is_superuser:
            cached.append(Grant(Role.ADMIN, 0, "/"))
        user._cchc_grants = cached
    return cached


def roles_of(user) -> set[str]:
    return {g.role for g in grants_of(user)}


def _reaches(scope: str, grant: Grant, unit) -> bool:
    if scope == ALL:
        return True
    if scope == OWN:
        return unit.pk == grant.unit_id
    return unit.path.startswith(grant.unit_path)


def can(user, action: str, unit=None) -> bool:
    """May this user do the action on data of this unit? With unit=None: on some unit at all."""
    table = PERMISSIONS[action]
    for grant in grants_of(user):
        scope = table.get(grant.role)
        if scope and (unit is None or _reaches(scope, grant, unit)):
            return True
    return False


def require(user, action: str, unit=None) -> None:
    if not can(user, action, unit):
        raise PermissionDenied(action)


def unit_filter(user, action: str, field: str = "unit") -> Q:
    """A filter for querysets: rows whose `field` (a unit FK) the user may act on. Matches nothing if none."""
    table = PERMISSIONS[action]
    q = Q(pk__in=[])
    for grant in grants_of(user):
        scope = table.get(grant.role)
        if scope == ALL:
            return Q()
        if scope == OWN:
            q |= Q(**{f"{field}_id": grant.unit_id})
        elif scope == TREE:
            q |= Q(**{f"{field}__path__startswith": grant.unit_path})
    return q


def visible_units(user, action: str):
    """The units on whose data the user may do the action."""
    from org.models import Unit

    return Unit.objects.filter(_unit_q(user, action))


def _unit_q(user, action: str) -> Q:
    table = PERMISSIONS[action]
    q = Q(pk__in=[])
    for grant in grants_of(user):
        scope = table.get(grant.role)
        if scope == ALL:
            return Q()
        if scope == OWN:
            q |= Q(pk=grant.unit_id)
        elif scope == TREE:
            q |= Q(path__startswith=grant.unit_path)
    return q
