"""The grant policy (accounts/grants.py), table by table: who grants what, over which unit, to whom; who manages whom."""

import pytest

from accounts import grants
from accounts.grants import (
    ABOVE_OWN,
    ADMIN,
    ADMIN_ONLY,
    APPRAISER,
    CREDENTIALS_ADMIN,
    EVERYWHERE_ADMIN,
    EVERYWHERE_ONLY,
    LEADER,
    NOT_A_GRANTER,
    OUT_OF_REACH,
    PERSON_ABOVE,
    REFORM_OFFICE,
    SELF,
    SPECIALIST,
    UNIT_HEAD,
    Holding,
)
from accounts.models import Role
from accounts.permissions import PERMISSIONS, TREE

# A province /1/ with two departments, /1/2/ (the seed department, its Land division /1/2/5/) and /1/3/.
PROVINCE, DEPT, LAND, OTHER = "/1/", "/1/2/", "/1/2/5/", "/1/3/"

OFFICE = [Holding(REFORM_OFFICE, DEPT)]
DEPT_ADMIN = [Holding(ADMIN, DEPT)]
GLOBAL_ADMIN = [Holding(ADMIN, PROVINCE, everywhere=True)]
PROVINCE_ADMIN = [Holding(ADMIN, PROVINCE)]
SPECIALIST_ONLY = [Holding(SPECIALIST, LAND)]
LEADER_ONLY = [Holding(LEADER, DEPT)]
OFFICE_HERE_ADMIN_THERE = [Holding(REFORM_OFFICE, DEPT), Holding(ADMIN, OTHER)]


@pytest.mark.parametrize(("granter", "role", "unit", "everywhere", "to_self", "expected"), [
    # The reform office grants up to its own role, inside its tree.
    (OFFICE, SPECIALIST, LAND, False, False, None),
    (OFFICE, UNIT_HEAD, LAND, False, False, None),
    (OFFICE, REFORM_OFFICE, DEPT, False, False, None),
    (OFFICE, LEADER, DEPT, False, False, ABOVE_OWN),
    (OFFICE, ADMIN, DEPT, False, False, ADMIN_ONLY),
    (OFFICE, APPRAISER, DEPT, False, False, ADMIN_ONLY),
    (OFFICE, SPECIALIST, OTHER, False, False, OUT_OF_REACH),
    (OFFICE, SPECIALIST, PROVINCE, False, False, OUT_OF_REACH),
    (OFFICE, ADMIN, DEPT, True, False, EVERYWHERE_ONLY),
    (OFFICE, SPECIALIST, LAND, False, True, SELF),
    (OFFICE, ADMIN, DEPT, False, True, SELF),
    # An administrator of a department grants every role, the council's too, inside the department only.
    (DEPT_ADMIN, ADMIN, LAND, False, False, None),
    (DEPT_ADMIN, APPRAISER, DEPT, False, False, None),
    (DEPT_ADMIN, LEADER, DEPT, False, False, None),
    (DEPT_ADMIN, ADMIN, OTHER, False, False, OUT_OF_REACH),
    (DEPT_ADMIN, ADMIN, PROVINCE, False, False, OUT_OF_REACH),
    (DEPT_ADMIN, ADMIN, DEPT, True, False, EVERYWHERE_ONLY),
    # The province's administrator reaches the province's tree, yet only a global one grants "everywhere".
    (PROVINCE_ADMIN, ADMIN, OTHER, False, False, None),
    (PROVINCE_ADMIN, ADMIN, PROVINCE, True, False, EVERYWHERE_ONLY),
    (GLOBAL_ADMIN, ADMIN, PROVINCE, True, False, None),
    (GLOBAL_ADMIN, ADMIN, "/9/", False, False, None),
    (GLOBAL_ADMIN, APPRAISER, OTHER, False, False, None),
    (GLOBAL_ADMIN, LEADER, PROVINCE, True, False, EVERYWHERE_ADMIN),
    (GLOBAL_ADMIN, ADMIN, PROVINCE, True, True, SELF),
    # Roles that do not manage people grant nothing, however high.
    (SPECIALIST_ONLY, SPECIALIST, LAND, False, False, NOT_A_GRANTER),
    (LEADER_ONLY, SPECIALIST, LAND, False, False, NOT_A_GRANTER),
    # Reach and rank come from the same grant: an office here and an administrator there is no administrator here.
    (OFFICE_HERE_ADMIN_THERE, ADMIN, DEPT, False, False, ADMIN_ONLY),
    (OFFICE_HERE_ADMIN_THERE, LEADER, DEPT, False, False, ABOVE_OWN),
    (OFFICE_HERE_ADMIN_THERE, LEADER, OTHER, False, False, None),
    # A unit whose path merely starts like the tree's is not inside it.
    ([Holding(REFORM_OFFICE, "/1/2/")], SPECIALIST, "/1/23/", False, False, OUT_OF_REACH),
])
def test_who_grants_what_where(granter, role, unit, everywhere, to_self, expected):
    assert grants.refuse_grant(granter, role, unit, to_self=to_self, everywhere=everywhere) == expected


@pytest.mark.parametrize(("granter", "expected"), [
    (OFFICE, [SPECIALIST, UNIT_HEAD, REFORM_OFFICE]),
    (DEPT_ADMIN, [SPECIALIST, UNIT_HEAD, REFORM_OFFICE, LEADER, ADMIN, APPRAISER]),
    (GLOBAL_ADMIN, [SPECIALIST, UNIT_HEAD, REFORM_OFFICE, LEADER, ADMIN, APPRAISER]),
    (SPECIALIST_ONLY, []),
    (LEADER_ONLY, []),
    ([], []),
])
def test_the_roles_a_granter_is_offered(granter, expected):
    assert grants.grantable_roles(granter) == expected


LAN = [Holding(SPECIALIST, LAND)]
DIRECTOR = [Holding(LEADER, DEPT)]
APPRAISER_OF_PROVINCE = [Holding(APPRAISER, PROVINCE)]
ADMINISTRATOR = [Holding(ADMIN, PROVINCE, everywhere=True)]
OFFICE_COLLEAGUE = [Holding(REFORM_OFFICE, DEPT)]
WORKS_ELSEWHERE_TOO = [Holding(SPECIALIST, LAND), Holding(SPECIALIST, OTHER)]


@pytest.mark.parametrize(("editor", "person", "unit", "is_self", "expected"), [
    (OFFICE, LAN, LAND, False, None),
    (OFFICE, [], LAND, False, None),
    (OFFICE, OFFICE_COLLEAGUE, DEPT, False, None),
    (OFFICE, DIRECTOR, DEPT, False, PERSON_ABOVE),
    (OFFICE, ADMINISTRATOR, DEPT, False, PERSON_ABOVE),
    (OFFICE, APPRAISER_OF_PROVINCE, DEPT, False, PERSON_ABOVE),
    (OFFICE, WORKS_ELSEWHERE_TOO, LAND, False, PERSON_ABOVE),
    (OFFICE, LAN, OTHER, False, OUT_OF_REACH),
    (OFFICE, [], None, False, OUT_OF_REACH),
    (OFFICE, OFFICE, DEPT, True, SELF),
    (DEPT_ADMIN, DIRECTOR, DEPT, False, None),
    (DEPT_ADMIN, ADMINISTRATOR, DEPT, False, PERSON_ABOVE),
    (DEPT_ADMIN, [Holding(ADMIN, DEPT)], DEPT, False, None),
    (GLOBAL_ADMIN, ADMINISTRATOR, DEPT, False, None),
    (GLOBAL_ADMIN, [], None, False, None),
    (GLOBAL_ADMIN, GLOBAL_ADMIN, DEPT, True, SELF),
    (LEADER_ONLY, LAN, LAND, False, NOT_A_GRANTER),
])
def test_who_manages_whose_account(editor, person, unit, is_self, expected):
    assert grants.refuse_manage(editor, person, unit, is_self=is_self) == expected


@pytest.mark.parametrize(("editor", "person", "unit", "expected"), [
    (OFFICE, LAN, LAND, CREDENTIALS_ADMIN),
    (OFFICE, DIRECTOR, DEPT, PERSON_ABOVE),
    (DEPT_ADMIN, LAN, LAND, None),
    (DEPT_ADMIN, LAN, OTHER, OUT_OF_REACH),
    (OFFICE_HERE_ADMIN_THERE, LAN, LAND, CREDENTIALS_ADMIN),
    (DEPT_ADMIN, ADMINISTRATOR, DEPT, PERSON_ABOVE),
    (GLOBAL_ADMIN, ADMINISTRATOR, DEPT, None),
])
def test_who_sends_a_password_link_or_a_temporary_password(editor, person, unit, expected):
    assert grants.refuse_credentials(editor, person, unit) == expected


def test_the_policy_names_the_roles_of_the_model_and_the_granters_of_the_table():
    assert set(grants.RANK) | {APPRAISER} == set(Role.values)
    assert set(PERMISSIONS["people.manage"]) == grants.GRANTERS
    assert set(PERMISSIONS["people.manage"].values()) == {TREE}, "the policy reaches a granter's tree"
    assert PERMISSIONS["people.credentials"] == {ADMIN: TREE}
