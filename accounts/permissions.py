"""Who may do what, in one table, and the helpers every view and action uses to ask it.

A scope says how far a role granted over a unit reaches:
- OWN: that unit only;
- TREE: that unit and every unit under it;
- ALL: every unit.
A person may hold several grants; an action is allowed if any grant allows it. The administrator's actions reach
the tree of the unit the role was granted over, like everyone's; an administrator grant marked "everywhere" (and a
superuser) reaches every unit. Who may grant which role is the grant policy's (accounts/grants.py).
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from accounts.models import Role

OWN, TREE, ALL = "own", "tree", "all"

S, H, O, A, L, ADM = Role.SPECIALIST, Role.UNIT_HEAD, Role.REFORM_OFFICE, Role.APPRAISER, Role.LEADER, Role.ADMIN

EVERYONE_TREE = {S: OWN, H: OWN, O: TREE, A: TREE, L: TREE, ADM: TREE}

PERMISSIONS: dict[str, dict[str, str]] = {
    # Organisation and people
    "org.view": {S: ALL, H: ALL, O: ALL, A: ALL, L: ALL, ADM: ALL},
    "org.manage": {O: TREE, ADM: TREE},
    "people.view": {H: OWN, O: TREE, L: TREE, ADM: TREE},
    "people.manage": {O: TREE, ADM: TREE},
    # Sending a person a password link or a temporary password (the grant policy adds: never above one's own role)
    "people.credentials": {ADM: TREE},
    "audit.view": {H: OWN, O: TREE, L: TREE, ADM: TREE},
    "calendar.manage": {O: TREE, ADM: TREE},
    # Criteria frameworks (the unit is the framework's owner)
    "framework.view": {S: ALL, H: ALL, O: ALL, A: ALL, L: ALL, ADM: ALL},
    "framework.manage": {O: TREE, ADM: TREE},
    # Assessments (the unit is the assessed unit)
    "assessment.view": EVERYONE_TREE,
    "assessment.self_score": {S: OWN, H: OWN, O: TREE},
    "assessment.submit": {H: OWN, O: TREE},
    "assessment.appraise": {A: TREE},
    "assessment.manage": {O: TREE, ADM: TREE},
    "assessment.publish": {O: TREE, ADM: TREE},
    # Plans and tasks (the unit is the plan's issuing unit, or the task's lead unit)
    "plan.view": EVERYONE_TREE,
    # A unit head drafts and issues the unit's own plan (seed 004, IV.3: each unit sends its plan within 30 days).
    "plan.manage": {H: OWN, O: TREE, ADM: TREE},
    "task.report": {S: OWN, H: OWN, O: TREE},
    "task.monitor": {H: OWN, O: TREE, L: TREE, ADM: TREE},
    "task.approve_extension": {H: OWN, O: TREE, L: TREE},
    # Inspections (kiểm tra CCHC; the unit is the plan's issuing unit, or the inspected unit): the reform office
    # inspects its tree, leaders read; the inspected unit's head reports the fixes done
    "inspection.view": {S: OWN, H: OWN, O: TREE, L: TREE, ADM: TREE},
    "inspection.manage": {O: TREE, ADM: TREE},
    "inspection.report": {H: OWN, O: TREE},
    # Measured inputs
    "dossier.view": EVERYONE_TREE,
    "dossier.import": {O: TREE, ADM: TREE},
    "survey.view": {H: OWN, O: TREE, L: TREE, ADM: TREE},
    "survey.manage": {O: TREE, ADM: TREE},
    # Documents and publishing
    "document.export": {S: OWN, H: OWN, O: TREE, A: TREE, L: TREE, ADM: TREE},
    "document.template": {O: TREE, ADM: TREE},
    "publish.manage": {O: TREE, ADM: TREE},
    "dashboard.view": EVERYONE_TREE,
}

# The action that lets a person know an object exists, for each kind of action: an object door answers 404 to whoever
# may not even view it there, 403 to whoever sees it but may not do what they asked (accounts.access.get_for).
VIEW_ACTION: dict[str, str] = {
    "org": "org.view",
    "people": "people.view",
    "audit": "audit.view",
    "calendar": "org.view",
    "framework": "framework.view",
    "assessment": "assessment.view",
    "plan": "plan.view",
    "task": "plan.view",
    "inspection": "inspection.view",
    "dossier": "dossier.view",
    "survey": "survey.view",
    "document": "document.export",
    "publish": "dashboard.view",
    "dashboard": "dashboard.view",
}


def view_action(action: str) -> str:
    """The action that sees what `action` acts on: `plan.manage` → `plan.view`."""
    return VIEW_ACTION[action.split(".", 1)[0]]


@dataclass(frozen=True)
class Grant:
    role: str
    unit_id: int
    unit_path: str
    everywhere: bool = False


def grants_of(user) -> list[Grant]:
    """The user's grants, read once per request and kept on the user object."""
    if not user or not user.is_authenticated:
        return []
    cached = getattr(user, "_cchc_grants", None)
    if cached is None:
        cached = [Grant(g.role, g.unit_id, g.unit.path, g.everywhere) for g in user.grants.select_related("unit")]
        if user.is_superuser:
            cached.append(Grant(Role.ADMIN, 0, "/", everywhere=True))
        user._cchc_grants = cached
    return cached


def roles_of(user) -> set[str]:
    return {g.role for g in grants_of(user)}


def _reaches(scope: str, grant: Grant, unit) -> bool:
    if scope == ALL or grant.everywhere:
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


def require_everywhere(user, action: str) -> None:
    """For data every unit shares (the working-day calendar, the procedure catalogue): only a reach over every unit
    may change it, so one department's office cannot move another department's deadlines."""
    if not can_everywhere(user, action):
        raise PermissionDenied(action)


def can_everywhere(user, action: str) -> bool:
    """May this user do the action on every unit, and so on data that belongs to no unit (a person without one)?"""
    table = PERMISSIONS[action]
    return any(table.get(g.role) == ALL or (table.get(g.role) and g.everywhere) for g in grants_of(user))


def can_on(user, action: str, unit) -> bool:
    """As can(), but unit=None is data of no unit, which only a reach over every unit holds (not "some unit")."""
    return can_everywhere(user, action) if unit is None else can(user, action, unit)


def unit_filter(user, action: str, field: str = "unit") -> Q:
    """A filter for querysets: rows whose `field` (a unit FK) the user may act on. Matches nothing if none."""
    table = PERMISSIONS[action]
    q = Q(pk__in=[])
    for grant in grants_of(user):
        scope = table.get(grant.role)
        if scope == ALL or (scope and grant.everywhere):
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
        if scope == ALL or (scope and grant.everywhere):
            return Q()
        if scope == OWN:
            q |= Q(pk=grant.unit_id)
        elif scope == TREE:
            q |= Q(path__startswith=grant.unit_path)
    return q
