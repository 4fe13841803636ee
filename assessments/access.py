"""Who may do what on an assessment, built on the one permission table.

- view, self_score (whole assessment), submit, appeal: asked over the assessed unit;
- appraise, manage (finalise, start), publish: asked over the framework's owner, the body that runs the assessment
  (the province for its departments, the department for its own units), so a department's office cannot
  appraise or publish its own department's score.
- self-scoring one item: whoever may self-score over the item's responsible unit, when that unit lies inside the
  assessed unit (a Land division specialist scores the department's items in the Land division's charge); items
  whose responsible unit lies outside fall to the assessed unit itself (in the Land division's own assessment,
  lan scores every item).

Four eyes (hai người, hai vai), on top of the table, checked by the actions themselves so no caller skips it:
- the appraisal council appraises, returns items, ends the appraisal and decides appeals, but none of its members
  on an assessment of their own unit (their home unit is the assessed unit or inside it: Sở Nội vụ's appraiser
  does not appraise Sở Nội vụ) nor on one they took part in (self-scored, explained, uploaded evidence, submitted,
  appealed);
- publishing is for the office of the body that runs the assessment or an administrator, never for someone who
  took part in the self-assessment; the office publishes only results of units it does not belong to (Văn phòng
  Sở publishes its divisions' results, not its own; the administrator publishes that one).
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _

from accounts.models import Role
from accounts.permissions import ALL, OWN, PERMISSIONS, TREE, can, grants_of, roles_of
from assessments.models import Assessment

OWNER_ACTIONS = {"assessment.appraise", "assessment.manage", "assessment.publish"}


def _inside(user, action: str, unit) -> bool:
    """The user holds the action over some unit inside `unit`'s subtree (a division of the assessed department)."""
    table = PERMISSIONS[action]
    return any(table.get(g.role) and g.unit_path.startswith(unit.path) for g in grants_of(user))


def allowed(user, assessment: Assessment, need: str) -> bool:
    if need in OWNER_ACTIONS:
        return can(user, need, assessment.framework.owner)
    if need == "assessment.view":
        return (can(user, need, assessment.unit) or can(user, "assessment.appraise", assessment.framework.owner)
                or _inside(user, "assessment.self_score", assessment.unit))
    if need == "assessment.self_score":
        return can(user, need, assessment.unit) or _inside(user, need, assessment.unit)
    return can(user, need, assessment.unit)


def get_assessment_for(user, pk, need: str = "assessment.view") -> Assessment:
    """The assessment if the user may `need` on it: 404 if absent, 403 if not allowed (the only door for views)."""
    queryset = Assessment.objects.select_related("framework", "framework__owner", "unit")
    try:
        assessment = queryset.get(pk=pk)
    except (Assessment.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not allowed(user, assessment, need):
        raise PermissionDenied(need)
    return assessment


def item_unit(assessment: Assessment, responsible_unit):
    """The unit answerable for an item within this assessment."""
    if responsible_unit is not None and responsible_unit.path.startswith(assessment.unit.path):
        return responsible_unit
    return assessment.unit


def may_self_score_item(user, assessment: Assessment, responsible_unit) -> bool:
    return can(user, "assessment.self_score", item_unit(assessment, responsible_unit))


class ConflictOfInterest(ValidationError):
    """The person may not take this decision on this assessment (four eyes); the message says why."""


def contributors(assessment: Assessment) -> set[int]:
    """Ids of everyone who took part in the unit's self-assessment (read once per assessment object)."""
    if not hasattr(assessment, "_contributors"):
        assessment._contributors = set(assessment.self_assessed_by.values_list("pk", flat=True))
    return assessment._contributors


def _reason(user_id, home_unit, is_admin: bool, assessment: Assessment, need: str) -> str | None:
    if user_id in contributors(assessment):
        if need == "assessment.publish":
            return _("Bạn đã tham gia tự đánh giá hoặc gửi kết quả này nên không công bố được.")
        return _("Bạn đã tham gia tự đánh giá, giải trình hoặc gửi kết quả này nên không thẩm định, không xem xét "
                 "phúc tra được.")
    own = home_unit is not None and home_unit.path.startswith(assessment.unit.path)
    if own and need == "assessment.appraise":
        return _("Bạn thuộc %(unit)s, đơn vị được đánh giá: không thẩm định kết quả của đơn vị mình.") % {
            "unit": home_unit}
    if own and need == "assessment.publish" and not is_admin:
        return _("Bạn thuộc %(unit)s, đơn vị được đánh giá: kết quả của đơn vị mình do cơ quan cấp trên hoặc quản "
                 "trị hệ thống công bố.") % {"unit": home_unit}
    return None


def conflict(user, assessment: Assessment, need: str) -> str | None:
    """Why this person may not take this decision (need: assessment.appraise or assessment.publish) on this
    assessment, in Vietnamese; None when nothing stands in the way besides the permission table."""
    if need not in ("assessment.appraise", "assessment.publish") or user is None:
        return None
    return _reason(user.pk, user.unit, Role.ADMIN in roles_of(user), assessment, need)


def check_independent(user, assessment: Assessment, need: str) -> None:
    """Raises ConflictOfInterest when the person may not decide on this assessment (called by the actions)."""
    reason = conflict(user, assessment, need)
    if reason:
        raise ConflictOfInterest(reason)


@dataclass
class Deciders:
    """Who may take each decision on an assessment, by name, as its page shows them."""

    appraise: list
    publish: list


def _reaches(scope: str | None, grant, unit) -> bool:
    if scope == ALL or (scope and getattr(grant, "everywhere", False)):
        return True
    if scope == OWN:
        return grant.unit_id == unit.pk
    return scope == TREE and unit.path.startswith(grant.unit.path)


def deciders(assessment: Assessment) -> Deciders:
    """The people who may appraise and who may publish this assessment (the permission table over the body that
    runs it, less conflicts of interest), in two queries whatever their number."""
    from accounts.models import RoleGrant

    owner = assessment.framework.owner
    grants = list(RoleGrant.objects.filter(role__in=[Role.APPRAISER, Role.REFORM_OFFICE, Role.ADMIN])
                  .select_related("user__unit", "unit").order_by("user__full_name", "user__username"))
    admins = {g.user_id for g in grants if g.role == Role.ADMIN}
    found: dict[str, dict[int, object]] = {"assessment.appraise": {}, "assessment.publish": {}}
    for grant in grants:
        for need, people in found.items():
            user = grant.user
            if (user.is_active and user.pk not in people and _reaches(PERMISSIONS[need].get(grant.role), grant, owner)
                    and _reason(user.pk, user.unit, user.pk in admins, assessment, need) is None):
                people[user.pk] = user
    return Deciders(list(found["assessment.appraise"].values()), list(found["assessment.publish"].values()))
