"""Four eyes on plans (bốn mắt): who decides a unit's request, and who may not.

A unit asks for more time on a task (đề nghị gia hạn); a monitoring unit sends a progress update back (trả lại).
Nobody decides their own request: not the person who made it, nor anyone of the unit that made it. Who may approve
an extension is fixed when it is asked: the leaders of the task's monitoring unit (its head, or the reform office
over it) — or, when the unit asking is the only one monitoring, the leaders of the plan's issuing unit. The
issuing unit's leaders and reform office may always decide.

A request must also make sense: the task still open, the new date after the one that counts, not already past,
and no later than the end of the year after the plan's (what runs longer belongs in next year's plan).
"""

from datetime import date

from django.db.models import Q
from django.utils.translation import gettext as _

from accounts.models import Role, RoleGrant
from accounts.permissions import ALL, OWN, PERMISSIONS, TREE, can, grants_of, unit_filter
from plans.models import Extension, Task, TaskUpdate

APPROVE = "task.approve_extension"
# Roles that make a person part of a unit's own staff (granted over that unit only).
STAFF_ROLES = {Role.SPECIALIST, Role.UNIT_HEAD}


def latest_extension_date(task: Task) -> date:
    """The furthest a deadline may be moved: 31/12 of the year after the plan's."""
    return date(task.plan.year + 1, 12, 31)


def extension_problem(task: Task, new_due: date, today: date, *, deciding: bool = False) -> str:
    """Why moving the task's date to `new_due` is refused ('' when it is fine). When `deciding`, a date that has
    passed since the request was made is no reason to refuse."""
    if task.is_heading:
        return _("Dòng tiêu đề nhóm không có thời hạn để gia hạn.")
    if not task.is_open:
        return _("Nhiệm vụ đã hoàn thành hoặc không thực hiện: không gia hạn được.")
    current = task.effective_due
    if current and new_due <= current:
        return _("Hạn mới phải sau hạn hiện tại (%(d)s).") % {"d": f"{current:%d/%m/%Y}"}
    if not deciding and new_due < today:
        return _("Hạn mới không được trước ngày hôm nay (%(d)s).") % {"d": f"{today:%d/%m/%Y}"}
    latest = latest_extension_date(task)
    if new_due > latest:
        return _("Hạn mới không được sau %(d)s (hết năm liền sau năm kế hoạch); việc kéo dài hơn cần đưa vào kế "
                 "hoạch năm sau.") % {"d": f"{latest:%d/%m/%Y}"}
    return ""


def approver_unit_for(task: Task, asking_unit):
    """The unit whose leaders decide an extension of `task` asked by `asking_unit`."""
    for unit in sorted(task.monitoring_units.all(), key=lambda u: u.path):
        if unit.pk != asking_unit.pk:
            return unit
    return task.plan.issuing_unit


def member_unit_ids(user) -> set[int]:
    """The units the person belongs to: their home unit and the units they are staff or head of."""
    ids = {g.unit_id for g in grants_of(user) if g.role in STAFF_ROLES}
    if user.unit_id:
        ids.add(user.unit_id)
    return ids


def may_approve_for(user, extension: Extension) -> bool:
    """Holds the approving role over the request's approver unit or over the plan's issuing unit."""
    return can(user, APPROVE, extension.approver_unit) or can(user, APPROVE, extension.task.plan.issuing_unit)


def why_not_decide(user, extension: Extension) -> str:
    """Why this person may not decide this request ('' when they may)."""
    if extension.requested_by_id is not None and extension.requested_by_id == user.pk:
        return _("Bạn là người gửi đề nghị này nên không thể tự duyệt; người có thẩm quyền duyệt sẽ xem xét.")
    if extension.unit_id in member_unit_ids(user):
        return _("Bạn thuộc đơn vị đề nghị gia hạn nên không thể duyệt đề nghị của chính đơn vị mình.")
    if not may_approve_for(user, extension):
        return _("Bạn không có thẩm quyền duyệt đề nghị gia hạn này.")
    return ""


def why_not_return(user, update: TaskUpdate) -> str:
    """Why this person may not send this update back ('' when they may): not their own, nor their unit's."""
    if update.author_id is not None and update.author_id == user.pk:
        return _("Bạn là người gửi cập nhật này nên không thể tự trả lại.")
    if update.unit_id in member_unit_ids(user):
        return _("Cập nhật này của đơn vị bạn: đơn vị theo dõi khác hoặc đầu mối CCHC mới trả lại được.")
    return ""


def waiting_for(user):
    """Pending requests on open tasks this person may decide: the list each approver works from."""
    if not can(user, APPROVE):
        return Extension.objects.none()
    scope = unit_filter(user, APPROVE, field="approver_unit") | unit_filter(user, APPROVE,
                                                                             field="task__plan__issuing_unit")
    return (Extension.objects.filter(scope, status=Extension.Status.PENDING, task__is_heading=False,
                                     task__status__in=[Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS])
            .exclude(requested_by=user).exclude(unit_id__in=member_unit_ids(user)))


def approvers_of(extension: Extension) -> list[tuple]:
    """(person, role label) of everyone who may decide the request, the requester and the unit asking left out."""
    targets = [extension.approver_unit, extension.task.plan.issuing_unit]
    table = PERMISSIONS[APPROVE]
    ancestors = {int(p) for unit in targets for p in unit.path.strip("/").split("/") if p}
    wide = [role for role, scope in table.items() if scope == ALL]
    grants = (RoleGrant.objects.filter(Q(unit_id__in=ancestors) | Q(role__in=wide), role__in=list(table),
                                       user__is_active=True)
              .select_related("user", "unit").order_by("user__full_name", "user__username"))
    found: dict[int, tuple] = {}
    for grant in grants:
        scope = table[grant.role]
        reaches = any(scope == ALL or (scope == OWN and grant.unit_id == unit.pk)
                      or (scope == TREE and unit.path.startswith(grant.unit.path)) for unit in targets)
        person = grant.user
        if not reaches or person.pk == extension.requested_by_id or person.unit_id == extension.unit_id:
            continue
        found.setdefault(person.pk, (person, grant.get_role_display()))
    staff = set(RoleGrant.objects.filter(user_id__in=found, unit_id=extension.unit_id, role__in=STAFF_ROLES)
                .values_list("user_id", flat=True)) if found else set()
    return [entry for pk, entry in found.items() if pk not in staff]
