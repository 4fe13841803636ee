"""Walks the whole permission table: every action, every role, every reach (own unit, subtree, outside)."""

import pytest

from accounts.models import Role, RoleGrant
from accounts.permissions import ALL, OWN, PERMISSIONS, TREE, can
from core.testing import make_user
from org.models import Unit

EXPECTED_REACH = {
    # scope → (own unit, a unit below it, a unit elsewhere)
    OWN: (True, False, False),
    TREE: (True, True, False),
    ALL: (True, True, True),
    None: (False, False, False),
}


@pytest.mark.django_db
def test_every_action_and_role_reaches_exactly_its_scope(cast):
    dept, land, other = cast.department, cast.unit("qldd"), cast.unit("stp")
    for role in Role.values:
        user = make_user(f"u-{role}", dept, (role, dept))
        for action, table in PERMISSIONS.items():
            got = (can(user, action, dept), can(user, action, land), can(user, action, other))
            assert got == EXPECTED_REACH[table.get(role)], (action, role)
            visible = set(Unit.objects.filter(_units_q(user, action)))
            assert (dept in visible, land in visible, other in visible) == EXPECTED_REACH[table.get(role)], (action, role)


def _units_q(user, action):
    from accounts.permissions import _unit_q

    return _unit_q(user, action)


def test_every_action_names_known_roles_and_scopes():
    for action, table in PERMISSIONS.items():
        assert set(table) <= set(Role.values), action
        assert set(table.values()) <= {OWN, TREE, ALL}, action


def test_the_cast_reads_like_sentences(cast):
    land, it_centre, dept, outside = cast.unit("qldd"), cast.unit("ttcntt"), cast.department, cast.unit("stp")
    assert can(cast.lan, "assessment.self_score", land)
    assert not can(cast.lan, "assessment.self_score", it_centre), "Lan edits only her own unit's data"
    assert can(cast.hung, "assessment.submit", it_centre) and not can(cast.hung, "assessment.submit", land)
    assert can(cast.manh, "assessment.view", land) and not can(cast.manh, "assessment.self_score", land)
    assert can(cast.mai, "plan.manage", dept) and not can(cast.mai, "plan.manage", outside)
    assert can(cast.thu, "assessment.appraise", dept), "the province's appraiser appraises the department"
    assert not can(cast.khoa, "assessment.view", land), "an outsider sees nothing of the department"
    assert can(cast.admin, "org.manage", outside)


def test_a_person_with_several_grants_gets_the_union(cast):
    RoleGrant.objects.create(user=cast.lan, role=Role.APPRAISER, unit=cast.unit("ttcntt"))
    cast.lan._cchc_grants = None
    assert can(cast.lan, "assessment.appraise", cast.unit("ttcntt"))
    assert not can(cast.lan, "assessment.appraise", cast.unit("qldd"))


@pytest.mark.django_db
def test_an_administrator_reaches_the_tree_of_the_grant_unless_granted_everywhere(cast):
    dept, other = cast.department, cast.unit("stp")
    scoped = make_user("qt-so", dept, (Role.ADMIN, dept))
    everywhere = make_user("qt-toan", dept, (Role.ADMIN, dept))
    everywhere.grants.update(everywhere=True)
    superuser = make_user("goc", dept, (Role.SPECIALIST, dept))
    superuser.is_superuser = True
    for action, table in PERMISSIONS.items():
        if Role.ADMIN not in table:
            continue
        assert can(scoped, action, dept) and (can(scoped, action, other) == (table[Role.ADMIN] == ALL)), action
        assert can(everywhere, action, other) and can(superuser, action, other), action
        assert Unit.objects.filter(_units_q(everywhere, action)).count() == Unit.objects.count(), action


def test_the_demo_administrator_reaches_every_unit(cast):
    assert cast.admin.grants.get().everywhere
    assert can(cast.admin, "people.manage", cast.unit("stp"))
