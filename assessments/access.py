"""Who may do what on an assessment, built on the one permission table.

- view, self_score (whole assessment), submit, appeal: asked over the assessed unit;
- appraise, manage (finalise, start), publish: asked over the framework's owner, the body that runs the assessment
  (the province for its departments, the department for its own units), so a department's office cannot
  appraise or publish its own department's score.
- self-scoring one item: whoever may self-score over the item's responsible unit, when that unit lies inside the
  assessed unit (a Land division specialist scores the department's items in the Land division's charge); items
  whose responsible unit lies outside fall to the assessed unit itself (in the Land division's own assessment,
  lan scores every item).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.permissions import PERMISSIONS, can, grants_of
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
