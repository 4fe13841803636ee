"""The object door (accounts.access.get_for): 404 to whoever may not know the object exists, 403 to whoever sees it."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.access import get_for
from accounts.models import User
from accounts.permissions import PERMISSIONS, VIEW_ACTION, view_action
from org.models import Unit


def test_every_action_has_a_view_action_in_the_table():
    for action in PERMISSIONS:
        assert view_action(action) in PERMISSIONS, action
    assert set(VIEW_ACTION) == {action.split(".")[0] for action in PERMISSIONS}
    assert view_action("plan.manage") == "plan.view" and view_action("task.report") == "plan.view"


def test_an_outsider_gets_404_and_someone_who_sees_it_gets_403(cast):
    people = User.objects.select_related("unit")
    assert get_for(cast.mai, people, cast.lan.pk, "people.manage") == cast.lan
    with pytest.raises(Http404):
        get_for(cast.khoa, people, cast.lan.pk, "people.manage")
    with pytest.raises(PermissionDenied):
        get_for(cast.manh, people, cast.lan.pk, "people.manage")
    with pytest.raises(Http404):
        get_for(cast.mai, people, 999_999, "people.manage")


def test_the_view_action_can_be_named(cast):
    people = User.objects.select_related("unit")
    with pytest.raises(Http404):
        get_for(cast.hung, people, cast.lan.pk, "people.manage")
    with pytest.raises(PermissionDenied):
        get_for(cast.hung, people, cast.lan.pk, "people.manage", view="org.view")


def test_a_unit_itself_is_known_to_everyone_who_sees_the_organisation(cast):
    units = Unit.objects.all()
    land = cast.unit("qldd")
    assert get_for(cast.mai, units, land.pk, "plan.manage", unit_of=lambda u: u) == land
    with pytest.raises(PermissionDenied):
        get_for(cast.khoa, units, land.pk, "plan.manage", unit_of=lambda u: u)
    with pytest.raises(Http404):
        get_for(cast.khoa, units, land.pk, "plan.manage", unit_of=lambda u: u, view="plan.view")


def test_a_person_without_a_unit_is_reached_only_from_every_unit(cast):
    loose = User.objects.create_user("khong-don-vi", password="x")
    with pytest.raises(Http404):
        get_for(cast.mai, User.objects.all(), loose.pk, "people.manage")
    assert get_for(cast.admin, User.objects.all(), loose.pk, "people.manage") == loose
