"""Every change to people, their roles and their passwords: checked against the grant policy, audited.

The views check first, to answer with a message; these functions check again, so no other caller can skip a rule.
A password itself is never written to the audit trail, only that it was set and how.
"""

import secrets

from django.core.exceptions import PermissionDenied
from django.db import transaction

from accounts import grants, mail
from accounts.models import RoleGrant, User
from accounts.permissions import Grant, grants_of
from audit.log import diff, record, record_create, record_delete, snapshot
from audit.models import AuditEntry

PERSON_FIELDS = ["username", "full_name", "position", "unit", "email", "phone", "is_active"]
LINK, TEMPORARY = "link", "temporary"
# No 0/O, 1/l/I: a temporary password is read off a screen and typed in.
TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def held_by(person: User) -> list[Grant]:
    """The roles a person holds, as the grant policy reads them (a superuser holds every unit's administrator)."""
    held = [Grant(g.role, g.unit_id, g.unit.path, g.everywhere) for g in person.grants.all()]
    if person.is_superuser:
        held.append(Grant(grants.ADMIN, 0, "/", everywhere=True))
    return held


def _path(unit) -> str | None:
    return unit.path if unit is not None else None


def refuse_manage(by, person: User) -> str | None:
    """Why `by` may not manage this person's account (grants.refuse_manage); None if they may."""
    return grants.refuse_manage(grants_of(by), held_by(person), _path(person.unit), is_self=by.pk == person.pk)


def refuse_credentials(by, person: User) -> str | None:
    """Why `by` may not send this person a password link or a temporary password; None if they may."""
    return grants.refuse_credentials(grants_of(by), held_by(person), _path(person.unit), is_self=by.pk == person.pk)


def refuse_grant(by, person: User, role: str, unit, everywhere: bool = False) -> str | None:
    """Why `by` may not grant this role over the unit to this person; None if they may."""
    return (grants.refuse_grant(grants_of(by), role, _path(unit), to_self=by.pk == person.pk, everywhere=everywhere)
            or refuse_manage(by, person))


def refuse_revoke(by, grant: RoleGrant) -> str | None:
    """Revoking takes what granting that very grant would take."""
    return refuse_grant(by, grant.user, grant.role, grant.unit, grant.everywhere)


def may_change_email(by, person: User) -> bool:
    """The address a password link goes to is a credential: once set, only whoever may send the person such a link
    changes it (else an office could point the director's address at itself, then ask for a link)."""
    return not person.email or refuse_credentials(by, person) is None


def _check(refused: str | None) -> None:
    if refused:
        raise PermissionDenied(refused)


def new_temporary_password() -> str:
    groups = ["".join(secrets.choice(TEMPORARY_ALPHABET) for _ in range(4)) for _ in range(4)]
    return "-".join(groups)


@transaction.atomic
def create_person(form, *, by, first_password: str) -> tuple[User, str]:
    """Creates a person from a valid NewPersonForm. The creator never chooses a password: the person gets a link by
    e-mail to choose one (LINK), or a temporary password, returned here to be shown once, that they must change at
    their first log-in (TEMPORARY). Returns the person and that temporary password ("" with a link)."""
    person = form.save(commit=False)
    _check(grants.refuse_manage(grants_of(by), [], _path(person.unit)))
    temporary = ""
    if first_password == TEMPORARY:
        temporary = new_temporary_password()
        person.set_password(temporary)
        person.must_change_password = True
    else:
        # A usable password nobody knows, so the link (which needs one) can replace it.
        person.set_password(secrets.token_urlsafe(32))
    person.save()
    note = ("Cấp mật khẩu tạm thời, phải đổi khi đăng nhập lần đầu" if temporary
            else "Gửi liên kết đặt mật khẩu qua thư điện tử")
    record_create(by=by, obj=person, fields=PERSON_FIELDS, unit=person.unit, note=note)
    if not temporary:
        mail.send_password_link(person, reason=mail.NEW)
    return person, temporary


@transaction.atomic
def update_person(form, *, by) -> User:
    """Saves a valid PersonForm for a person `by` may manage, to a unit `by` may manage too."""
    before_person = User.objects.select_related("unit").prefetch_related("grants__unit").get(pk=form.instance.pk)
    _check(refuse_manage(by, before_person))
    before = snapshot(before_person, PERSON_FIELDS)
    person = form.save(commit=False)
    if person.unit_id != before_person.unit_id:
        _check(grants.refuse_manage(grants_of(by), held_by(before_person), _path(person.unit)))
    if person.email != before_person.email and not may_change_email(by, before_person):
        raise PermissionDenied(grants.CREDENTIALS_ADMIN)
    changes = diff(before, snapshot(person, PERSON_FIELDS))
    if changes:
        person.save()
        record(by=by, obj=person, action=AuditEntry.Action.UPDATE, unit=person.unit, changes=changes)
    return person


@transaction.atomic
def grant_role(person: User, role: str, unit, *, by, everywhere: bool = False) -> RoleGrant:
    _check(refuse_grant(by, person, role, unit, everywhere))
    grant, created = RoleGrant.objects.get_or_create(user=person, role=role, unit=unit,
                                                     defaults={"everywhere": everywhere})
    if not created and grant.everywhere != everywhere:
        before = str(grant)
        grant.everywhere = everywhere
        grant.save(update_fields=["everywhere"])
        record(by=by, obj=person, action=AuditEntry.Action.UPDATE, unit=person.unit, changes={"role": [before, str(grant)]})
    elif created:
        record(by=by, obj=person, action=AuditEntry.Action.UPDATE, unit=person.unit, changes={"role": [None, str(grant)]})
    return grant


@transaction.atomic
def revoke_role(grant: RoleGrant, *, by) -> None:
    _check(refuse_revoke(by, grant))
    record_delete(by=by, obj=grant, fields=["user", "role", "unit", "everywhere"], unit=grant.user.unit)
    record(by=by, obj=grant.user, action=AuditEntry.Action.UPDATE, unit=grant.user.unit,
           changes={"role": [str(grant), None]})
    grant.delete()


@transaction.atomic
def issue_temporary_password(person: User, *, by) -> str:
    """A new password for someone who lost theirs, to be shown once and changed at their first log-in. Whatever
    session the person had ends with their old password."""
    _check(refuse_credentials(by, person))
    temporary = new_temporary_password()
    person.set_password(temporary)
    person.must_change_password = True
    person.save(update_fields=["password", "must_change_password"])
    record(by=by, obj=person, action=AuditEntry.Action.OTHER, unit=person.unit,
           note="Cấp mật khẩu tạm thời, phải đổi khi đăng nhập lần đầu")
    return temporary


@transaction.atomic
def send_password_link(person: User, *, by) -> None:
    """An administrator sends the person a link to choose a new password (their current one keeps working until
    then). Raises mail.MailNotSent, and records nothing, when the mail server refuses."""
    _check(refuse_credentials(by, person))
    record(by=by, obj=person, action=AuditEntry.Action.OTHER, unit=person.unit,
           note="Gửi liên kết đặt lại mật khẩu qua thư điện tử")
    mail.send_password_link(person, reason=mail.ISSUED)


@transaction.atomic
def send_forgotten_password_link(person: User) -> None:
    """Someone asked, on the log-in page, for a link to the address of this person."""
    record(by=None, obj=person, action=AuditEntry.Action.OTHER, unit=person.unit,
           note="Yêu cầu liên kết đặt lại mật khẩu (quên mật khẩu)")
    mail.send_password_link(person, reason=mail.FORGOTTEN)


@transaction.atomic
def set_own_password(form, *, how: str) -> User:
    """Saves a valid PasswordChangeForm (the person re-entered their current password) or SetPasswordForm reached
    through a link from their mailbox: the person chose it, so no change is forced any more."""
    person = form.save(commit=False)
    person.must_change_password = False
    person.save()
    note = {"change": "Tự đổi mật khẩu", "link": "Đặt mật khẩu mới qua liên kết gửi tới thư điện tử"}[how]
    record(by=person, obj=person, action=AuditEntry.Action.OTHER, unit=person.unit, note=note)
    return person
