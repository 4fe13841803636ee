"""The doors to objects: fetch by id and check the permission table, or 404/403. Views use only these."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.permissions import can


def get_for(user, queryset, pk, need: str, unit_of=lambda obj: obj.unit):
    """The object with this pk if `user` may `need` on its unit; 404 if absent, 403 if not allowed."""
    try:
        obj = queryset.get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not can(user, need, unit_of(obj)):
        raise PermissionDenied(need)
    return obj
