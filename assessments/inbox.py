"""What assessments put in each person's to-do list (core.inbox): items the council sent back to them for
explanation, assessments waiting for their appraisal, appeals for them to decide, and their unit's assessment in
progress with how far the items in their charge have come.

Read-only, and reading only the models and the permission table (the workflow lives in assessments.actions): an
item is in someone's charge as assessments.access has it — the item's responsible unit when it lies inside the
assessed unit, else the assessed unit — and someone appraises what `assessment.appraise` over the body running
the assessment allows, never their own unit's (nor their own department's) assessment.
"""

from datetime import date

from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.permissions import can, unit_filter
from assessments.models import Appeal, Assessment, Evidence, Score
from core.inbox import Item, source

SELF = "assessment.self_score"
APPRAISE = "assessment.appraise"
APPRAISAL_PHASES = [Assessment.Phase.SUBMITTED, Assessment.Phase.APPRAISAL, Assessment.Phase.RESUBMITTED]


def _in_charge(user) -> Q:
    """Scores the person answers for."""
    inside = Q(criterion__responsible_unit__path__startswith=F("assessment__unit__path"))
    return ((inside & unit_filter(user, SELF, field="criterion__responsible_unit"))
            | ((Q(criterion__responsible_unit__isnull=True) | ~inside) & unit_filter(user, SELF, field="assessment__unit")))


def _own_units(user) -> list[int]:
    """The person's unit and those above it: assessments of these are never theirs to appraise."""
    unit = getattr(user, "unit", None)
    return [int(p) for p in unit.path.strip("/").split("/") if p] if unit is not None else []


def _returned(user):
    return Score.objects.filter(_in_charge(user), returned=True, reply="", assessment__phase=Assessment.Phase.RETURNED)


def _count_returned(user, today):
    return _returned(user) if can(user, SELF) else None


@source("returned", count=_count_returned, nav="assessments:index")
def assessment_returned_items(user, today: date) -> list[Item]:
    if not can(user, SELF):
        return []
    rows = (_returned(user).select_related("criterion", "assessment__unit", "assessment__framework")
            .order_by("assessment_id", "criterion__order", "pk"))
    return [Item(title=f"{s.criterion.code}. {s.criterion.title}"[:200],
                 link=reverse("assessments:item", args=[s.assessment_id, s.pk]),
                 due=s.assessment.appraisal_deadline, badge=_("Hội đồng yêu cầu giải trình"), tone="warn",
                 detail=_("%(unit)s, năm %(year)s: %(note)s") % {
                     "unit": s.assessment.unit.display_short, "year": s.assessment.framework.year,
                     "note": s.return_note})
            for s in rows]


def _to_appraise(user):
    return (Assessment.objects.filter(unit_filter(user, APPRAISE, field="framework__owner"), phase__in=APPRAISAL_PHASES)
            .exclude(unit_id__in=_own_units(user)))


def _count_appraisals(user, today):
    return _to_appraise(user) if can(user, APPRAISE) else None


@source("appraise", count=_count_appraisals, nav="assessments:index")
def appraisals_waiting(user, today: date) -> list[Item]:
    if not can(user, APPRAISE):
        return []
    rows = _to_appraise(user).select_related("unit", "framework__owner").order_by("appraisal_deadline", "unit__path")
    return [Item(title=_("Thẩm định: %(unit)s — %(framework)s") % {"unit": a.unit.name, "framework": a.framework.title},
                 link=reverse("assessments:detail", args=[a.pk]), due=a.appraisal_deadline,
                 badge=a.get_phase_display(), tone="warn")
            for a in rows if can(user, APPRAISE, a.framework.owner)]


def _appeals(user):
    return (Appeal.objects.filter(unit_filter(user, APPRAISE, field="score__assessment__framework__owner"),
                                  status=Appeal.Status.PENDING)
            .exclude(score__assessment__unit_id__in=_own_units(user)))


def _count_appeals(user, today):
    return _appeals(user) if can(user, APPRAISE) else None


@source("decide", count=_count_appeals, nav="assessments:index")
def appeals_to_decide(user, today: date) -> list[Item]:
    if not can(user, APPRAISE):
        return []
    rows = _appeals(user).select_related("score__criterion", "score__assessment__unit").order_by("created_at", "pk")
    return [Item(title=_("Đề nghị phúc tra: %(unit)s — %(criterion)s") % {
                     "unit": a.score.assessment.unit.display_short, "criterion": a.score.criterion.code},
                 link=reverse("assessments:item", args=[a.score.assessment_id, a.score_id]),
                 badge=_("Chờ Hội đồng xem xét"), tone="warn",
                 detail=a.reason[:200])
            for a in rows]


@source("assessment")
def my_unit_assessments(user, today: date) -> list[Item]:
    """The open assessments of the person's unit and the units above it, with the progress of their items in the
    person's charge (all items for those who only read): scored, evidenced (a file or a written explanation),
    missing (not yet both)."""
    own = _own_units(user)
    if not own or not (can(user, SELF) or can(user, "assessment.view")):
        return []
    assessments = list(Assessment.objects.filter(unit_id__in=own).exclude(phase=Assessment.Phase.PUBLISHED)
                       .select_related("unit", "framework").order_by("-framework__year", "unit__path"))
    if not assessments:
        return []
    scores = Score.objects.filter(assessment__in=assessments)
    if can(user, SELF):
        scores = scores.filter(_in_charge(user))
    rows = scores.annotate(has_file=Exists(Evidence.objects.filter(score=OuterRef("pk")))).values_list(
        "assessment_id", "self_score", "explanation", "has_file")
    progress = {a.pk: {"total": 0, "scored": 0, "evidenced": 0, "missing": 0} for a in assessments}
    for assessment_id, self_score, explanation, has_file in rows:
        counts = progress[assessment_id]
        evidenced = bool(has_file or explanation.strip())
        counts["total"] += 1
        counts["scored"] += self_score is not None
        counts["evidenced"] += evidenced
        counts["missing"] += not (self_score is not None and evidenced)
    items = []
    for a in assessments:
        counts = progress[a.pk]
        if not counts["total"]:
            continue
        open_for_self = a.phase in (Assessment.Phase.SELF_ASSESSMENT, Assessment.Phase.RETURNED)
        items.append(Item(
            title=_("%(unit)s — %(framework)s") % {"unit": a.unit.name, "framework": a.framework.title},
            link=reverse("assessments:detail", args=[a.pk]), due=a.self_deadline if open_for_self else None,
            badge=a.get_phase_display(), tone="warn" if open_for_self and counts["missing"] else "info",
            progress=counts))
    return items
