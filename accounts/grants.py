"""Who may grant which role to whom, over which unit, and who may manage whose account (cấp vai trò): one policy.

Plain Python over plain data, so every rule is table-tested (accounts/tests/test_grant_policy.py):
- Roles rank: specialist < unit head < reform office < leader < administrator. The appraiser (thành viên Hội đồng
  thẩm định) stands outside that ladder: the appraisal council is not the reform office's to appoint.
- Only the roles that manage people grant at all (GRANTERS, the roles of `people.manage` in the permission table).
- A role is granted over a unit inside the tree of one of the granter's granting roles, and that granting role ranks
  at least as high as the role granted: the office grants up to the reform office, over its own tree.
- The administrator and the appraiser roles are granted only by an administrator whose tree holds the unit.
- An administrator grant reaches its unit's tree, like every grant; one that reaches every unit ("everywhere") is a
  separate, explicit choice that only an administrator who already reaches every unit makes.
- Nobody grants to or revokes from themselves; revoking a grant takes what granting it would take.
- A person's account (details, unit, active or not) is managed only by someone who could have granted every role
  that person holds, from a granting role whose tree holds the person's unit; nobody manages their own account there.
- Sending a person a password link or a temporary password also takes an administrator whose tree holds their unit.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from core.i18n import gettext_noop

SPECIALIST, UNIT_HEAD, REFORM_OFFICE, APPRAISER, LEADER, ADMIN = (
    "specialist", "unit_head", "reform_office", "appraiser", "leader", "admin")

RANK = {SPECIALIST: 1, UNIT_HEAD: 2, REFORM_OFFICE: 3, LEADER: 4, ADMIN: 5}
GRANTERS = frozenset({REFORM_OFFICE, ADMIN})
ADMIN_GRANTS_ONLY = frozenset({ADMIN, APPRAISER})

SELF = gettext_noop("Không ai tự cấp, thu hồi vai trò hay quản lý tài khoản của chính mình ở đây.")
NOT_A_GRANTER = gettext_noop("Chỉ đầu mối CCHC và quản trị hệ thống cấp vai trò, quản lý người dùng.")
OUT_OF_REACH = gettext_noop("Đơn vị này nằm ngoài phạm vi bạn quản lý.")
ABOVE_OWN = gettext_noop("Không cấp được vai trò cao hơn vai trò của bạn.")
ADMIN_ONLY = gettext_noop("Vai trò quản trị hệ thống và thành viên Hội đồng thẩm định chỉ do quản trị hệ thống cấp.")
EVERYWHERE_ONLY = gettext_noop("Chỉ quản trị toàn hệ thống cấp quyền quản trị toàn hệ thống.")
EVERYWHERE_ADMIN = gettext_noop("Chỉ vai trò quản trị hệ thống được cấp trên toàn hệ thống.")
PERSON_ABOVE = gettext_noop(
    "Người này giữ vai trò cao hơn vai trò của bạn hoặc ngoài phạm vi bạn quản lý: chỉ người có thẩm quyền cao hơn "
    "được sửa tài khoản này.")
CREDENTIALS_ADMIN = gettext_noop("Chỉ quản trị hệ thống gửi liên kết đặt mật khẩu hoặc cấp mật khẩu tạm thời.")


class Held(Protocol):
    """A role someone holds: accounts.permissions.Grant, or grants.Holding in the tests."""

    @property
    def role(self) -> str: ...

    @property
    def unit_path(self) -> str: ...

    @property
    def everywhere(self) -> bool: ...


@dataclass(frozen=True)
class Holding:
    role: str
    unit_path: str
    everywhere: bool = False


def covers(held: Held, unit_path: str | None) -> bool:
    """Does this held role's reach hold the unit (its materialised path)? None is no unit: only everywhere holds it."""
    if held.everywhere:
        return True
    return unit_path is not None and unit_path.startswith(held.unit_path)


def refuse_grant(granter: Sequence[Held], role: str, unit_path: str | None, *, to_self: bool = False,
                 everywhere: bool = False) -> str | None:
    """Why the granter may not grant `role` over the unit (or everywhere); None when they may."""
    if to_self:
        return SELF
    if everywhere:
        if role != ADMIN:
            return EVERYWHERE_ADMIN
        return None if any(h.role == ADMIN and h.everywhere for h in granter) else EVERYWHERE_ONLY
    granting = [h for h in granter if h.role in GRANTERS]
    if not granting:
        return NOT_A_GRANTER
    reaching = [h for h in granting if covers(h, unit_path)]
    if not reaching:
        return OUT_OF_REACH
    if role in ADMIN_GRANTS_ONLY:
        return None if any(h.role == ADMIN for h in reaching) else ADMIN_ONLY
    return None if any(RANK[h.role] >= RANK[role] for h in reaching) else ABOVE_OWN


def grantable_roles(granter: Sequence[Held]) -> list[str]:
    """The roles the granter may grant over some unit, in ladder order (the appraiser after the ladder)."""
    order = [SPECIALIST, UNIT_HEAD, REFORM_OFFICE, LEADER, ADMIN, APPRAISER]
    return [role for role in order if any(refuse_grant(granter, role, h.unit_path) is None for h in granter)]


def refuse_manage(editor: Sequence[Held], person: Sequence[Held], person_unit_path: str | None, *,
                  is_self: bool = False) -> str | None:
    """Why the editor may not manage this person's account (who holds `person`, belongs to the unit); None if they may."""
    if is_self:
        return SELF
    granting = [h for h in editor if h.role in GRANTERS]
    if not granting:
        return NOT_A_GRANTER
    if not any(covers(h, person_unit_path) for h in granting):
        return OUT_OF_REACH
    if any(refuse_grant(editor, h.role, h.unit_path, everywhere=h.everywhere) for h in person):
        return PERSON_ABOVE
    return None


def refuse_credentials(editor: Sequence[Held], person: Sequence[Held], person_unit_path: str | None, *,
                       is_self: bool = False) -> str | None:
    """Why the editor may not send this person a password link or a temporary password; None if they may."""
    refused = refuse_manage(editor, person, person_unit_path, is_self=is_self)
    if refused:
        return refused
    if not any(h.role == ADMIN and covers(h, person_unit_path) for h in editor):
        return CREDENTIALS_ADMIN
    return None
