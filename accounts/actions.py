from django.db import transaction

from accounts.models import RoleGrant, User
from audit.log import diff, record, record_create, record_delete, snapshot

PERSON_FIELDS = ["username", "full_name", "position", "unit", "email", "phone", "is_active"]


@transaction.atomic
def save_person(form, *, by) -> User:
    """Creates or updates a person from a valid PersonForm, with an audit entry."""
    person = form.instance
    before = snapshot(User.objects.get(pk=person.pk), PERSON_FIELDS) if person.pk else {}
    person = form.save(commit=False)
    if form.cleaned_data.get("password"):
        person.set_password(form.cleaned_data["password"])
    created = person.pk is None
    person.save()
    if created:
        record_create(by=by, obj=person, fields=PERSON_FIELDS, unit=person.unit)
    else:
        changes = diff(before, snapshot(person, PERSON_FIELDS))
        if form.cleaned_data.get("password"):
            changes["password"] = ["***", "***"]
        record(by=by, obj=person, action="update", changes=changes, unit=person.unit)
    return person


@transaction.atomic
def grant_role(person: User, role: str, unit, *, by) -> RoleGrant:
    grant, created = RoleGrant.objects.get_or_create(user=person, role=role, unit=unit)
    if created:
        record(by=by, obj=person, action="update", unit=person.unit, changes={"role": [None, str(grant)]})
    return grant


@transaction.atomic
def revoke_role(grant: RoleGrant, *, by) -> None:
    record_delete(by=by, obj=grant, fields=["user", "role", "unit"], unit=grant.user.unit)
    record(by=by, obj=grant.user, action="update", unit=grant.user.unit, changes={"role": [str(grant), None]})
    grant.delete()
