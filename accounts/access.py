"""The doors to objects: fetch by id and check the permission table, or 404/403. Views use only these."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.permissions import can_on, view_action


def get_for(user, queryset, pk, need: str, unit_of=lambda obj: obj.unit, view: str | None = None):
    """The object with this pk if `user` may `need` on its unit.

    404 when there is no such object, or when the user may not even `view` it there (by default the view action of
    `need`'s kind, accounts.permissions.VIEW_ACTION; for a unit itself, `org.view`, as the unit tree is no secret):
    whoever may not see an object does not learn that it exists. 403 when they may see it but not do `need`.
    An object of no unit is reached only by a reach over every unit."""
    try:
        obj = queryset.get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    unit = unit_of(obj)
    if view is None:
        view = "org.view" if unit is obj else view_action(need)
    if not can_on(user, view, unit):
        raise Http404
    if not can_on(user, need, unit):
        raise PermissionDenied(need)
    return obj
