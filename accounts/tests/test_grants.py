"""Granting and revoking roles through the pages: nobody above their own role, outside their tree, or to themselves."""

import lxml.html
import pytest
from django.urls import reverse

from accounts.models import Role, RoleGrant
from accounts.permissions import can
from core.testing import make_user


def _grant(client, person, role, unit, **extra):
    return client.post(reverse("accounts:grant_add", args=[person.pk]), {"role": role, "unit": unit.pk, **extra})


def _fresh(user):
    user._cchc_grants = None
    return user


@pytest.mark.parametrize("role", [Role.ADMIN, Role.APPRAISER, Role.LEADER, Role.SPECIALIST])
def test_the_office_grants_itself_nothing(cast, client_for, unchanged, role):
    client = client_for(cast.mai)
    with unchanged():
        response = _grant(client, cast.mai, role, cast.department)
    assert response.status_code == 302
    assert not can(_fresh(cast.mai), "assessment.appraise", cast.department)


@pytest.mark.parametrize("role", [Role.ADMIN, Role.APPRAISER, Role.LEADER])
def test_the_office_grants_nobody_a_role_above_its_own(cast, client_for, unchanged, role):
    with unchanged():
        response = _grant(client_for(cast.mai), cast.lan, role, cast.department)
    assert response.status_code == 302


def test_the_office_grants_nothing_outside_its_tree(cast, client_for, unchanged):
    client = client_for(cast.mai)
    with unchanged():
        _grant(client, cast.lan, Role.SPECIALIST, cast.unit("stp"))
        _grant(client, cast.lan, Role.SPECIALIST, cast.province)
        assert _grant(client, cast.khoa, Role.SPECIALIST, cast.department).status_code == 404


def test_the_office_grants_roles_up_to_its_own_in_its_tree(cast, client_for):
    client = client_for(cast.mai)
    response = _grant(client, cast.lan, Role.UNIT_HEAD, cast.unit("qldd"))
    assert response.status_code == 302
    assert RoleGrant.objects.filter(user=cast.lan, role=Role.UNIT_HEAD, unit=cast.unit("qldd")).exists()
    _grant(client, cast.lan, Role.REFORM_OFFICE, cast.department)
    assert RoleGrant.objects.filter(user=cast.lan, role=Role.REFORM_OFFICE).exists()


def test_the_form_offers_the_office_only_the_roles_it_may_grant(cast, client_for):
    page = client_for(cast.mai).get(reverse("accounts:person_edit", args=[cast.lan.pk]))
    doc = lxml.html.fromstring(page.content)
    offered = doc.xpath("//form[contains(@action, '/grants/')]//select[@name='role']/option/@value")
    assert offered == [Role.SPECIALIST, Role.UNIT_HEAD, Role.REFORM_OFFICE]
    units = set(doc.xpath("//form[contains(@action, '/grants/')]//select[@name='unit']/option/@value")) - {""}
    assert str(cast.unit("stp").pk) not in units and str(cast.unit("qldd").pk) in units
    assert not doc.xpath("//input[@name='everywhere']")


def test_the_office_revokes_neither_its_own_role_nor_a_higher_ones(cast, client_for, unchanged):
    client = client_for(cast.mai)
    own = cast.mai.grants.get()
    admins = cast.admin.grants.get()
    with unchanged():
        client.post(reverse("accounts:grant_remove", args=[cast.mai.pk, own.pk]))
        client.post(reverse("accounts:grant_remove", args=[cast.admin.pk, admins.pk]))
        client.post(reverse("accounts:grant_remove", args=[cast.manh.pk, cast.manh.grants.get().pk]))


def test_the_office_revokes_a_role_it_could_grant(cast, client_for):
    grant = cast.lan.grants.get()
    response = client_for(cast.mai).post(reverse("accounts:grant_remove", args=[cast.lan.pk, grant.pk]))
    assert response.status_code == 302
    assert not RoleGrant.objects.filter(pk=grant.pk).exists()


def test_a_grant_is_revoked_only_through_its_own_person(cast, client_for, unchanged):
    with unchanged():
        response = client_for(cast.mai).post(
            reverse("accounts:grant_remove", args=[cast.lan.pk, cast.admin.grants.get().pk]))
    assert response.status_code == 404


def test_the_administrator_grants_the_council_and_administrators(cast, client_for):
    client = client_for(cast.admin)
    _grant(client, cast.lan, Role.APPRAISER, cast.department)
    _grant(client, cast.hung, Role.ADMIN, cast.department)
    assert RoleGrant.objects.filter(user=cast.lan, role=Role.APPRAISER).exists()
    grant = RoleGrant.objects.get(user=cast.hung, role=Role.ADMIN)
    assert not grant.everywhere
    hung = _fresh(cast.hung)
    assert can(hung, "org.manage", cast.unit("qldd")), "an administrator grant reaches its unit's tree"
    assert not can(hung, "org.manage", cast.unit("stp")), "and no further"


def test_only_an_administrator_of_every_unit_grants_every_unit(cast, client_for):
    dept_admin = make_user("qt-so", cast.department, (Role.ADMIN, cast.department))
    page = client_for(dept_admin).get(reverse("accounts:person_edit", args=[cast.lan.pk])).content.decode()
    assert 'name="everywhere"' not in page
    _grant(client_for(dept_admin), cast.lan, Role.ADMIN, cast.department, everywhere="on")
    assert not RoleGrant.objects.filter(everywhere=True, user=cast.lan).exists()

    page = client_for(cast.admin).get(reverse("accounts:person_edit", args=[cast.lan.pk])).content.decode()
    assert 'name="everywhere"' in page
    _grant(client_for(cast.admin), cast.lan, Role.ADMIN, cast.province, everywhere="on")
    assert RoleGrant.objects.get(user=cast.lan, role=Role.ADMIN, unit=cast.province).everywhere
    assert can(_fresh(cast.lan), "org.manage", make_unit_outside_the_province())


def make_unit_outside_the_province():
    from org.models import Unit

    return Unit.objects.create(name="Tỉnh khác", code="tinh-khac", kind=Unit.Kind.PROVINCE)


def test_a_department_administrator_cannot_touch_the_global_administrator(cast, client_for, unchanged):
    dept_admin = make_user("qt-so", cast.department, (Role.ADMIN, cast.department))
    client = client_for(dept_admin)
    with unchanged():
        client.post(reverse("accounts:grant_remove", args=[cast.admin.pk, cast.admin.grants.get().pk]))
        _grant(client, cast.admin, Role.SPECIALIST, cast.department)
        client.post(reverse("accounts:person_edit", args=[cast.admin.pk]), {
            "username": "admin", "full_name": "x", "unit": cast.department.pk, "email": "qt@example.vn"})


def test_a_specialist_grants_nothing(cast, client_for, unchanged):
    with unchanged():
        assert _grant(client_for(cast.lan), cast.lan, Role.ADMIN, cast.unit("qldd")).status_code == 404
        assert _grant(client_for(cast.manh), cast.lan, Role.SPECIALIST, cast.unit("qldd")).status_code == 403


def test_a_grant_and_a_revocation_are_audited(cast, client_for):
    from audit.models import AuditEntry

    client = client_for(cast.mai)
    _grant(client, cast.lan, Role.UNIT_HEAD, cast.unit("qldd"))
    grant = RoleGrant.objects.get(user=cast.lan, role=Role.UNIT_HEAD)
    client.post(reverse("accounts:grant_remove", args=[cast.lan.pk, grant.pk]))
    changes = [e.changes for e in AuditEntry.objects.for_object(cast.lan).order_by("pk")]
    assert changes[0]["role"][0] is None and changes[1]["role"][1] is None
    assert all(e.user == cast.mai for e in AuditEntry.objects.for_object(cast.lan))
