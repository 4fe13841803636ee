"""What the assessment pages share: the item view model, permission flags, error messages."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, render

from assessments.access import allowed, conflict, deciders, item_unit, may_self_score_item
from assessments.models import Appeal, Assessment, Evidence, Score

P = Assessment.Phase


def messages_of(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [m for msgs in error.message_dict.values() for m in msgs]
    return list(error.messages)


@dataclass
class Item:
    """One leaf criterion's row on the assessment page."""

    score: Score
    responsible_unit: object
    evidence: list[Evidence] = field(default_factory=list)
    may_self: bool = False
    may_appraise: bool = False
    may_appeal: bool = False
    may_decide: bool = False
    errors: list[str] = field(default_factory=list)

    @property
    def criterion(self):
        return self.score.criterion

    @property
    def appeal(self) -> Appeal | None:
        try:
            return self.score.appeal
        except Score.appeal.RelatedObjectDoesNotExist:
            return None

    @property
    def difference(self):
        if self.score.appraised_score is None or self.score.self_score is None:
            return None
        return self.score.appraised_score - self.score.self_score

    @property
    def needs_explanation(self) -> bool:
        return self.score.self_score is not None and not self.evidence and not self.score.explanation.strip()

    @property
    def levels(self) -> tuple:
        """The scores the rule allows, offered as choices instead of a number box; () for a free score."""
        try:
            return self.criterion.parsed_rule().choices(self.criterion.max_points)
        except ValueError:
            return ()


@dataclass
class Flags:
    """What this person may do on this assessment now (asked once per page). A role that the four-eyes rule sets
    aside keeps its reason, for the page to say why the buttons are not there."""

    appraise: bool
    appeal: bool
    submit: bool
    manage: bool
    publish: bool
    appraise_conflict: str | None = None
    publish_conflict: str | None = None

    @classmethod
    def of(cls, user, assessment: Assessment) -> "Flags":
        appraiser = allowed(user, assessment, "assessment.appraise")
        publisher = allowed(user, assessment, "assessment.publish")
        appraise_conflict = conflict(user, assessment, "assessment.appraise") if appraiser else None
        publish_conflict = conflict(user, assessment, "assessment.publish") if publisher else None
        return cls(
            appraise=appraiser and not appraise_conflict,
            appeal=allowed(user, assessment, "assessment.submit"),
            submit=allowed(user, assessment, "assessment.submit"),
            manage=allowed(user, assessment, "assessment.manage"),
            publish=publisher and not publish_conflict,
            appraise_conflict=appraise_conflict,
            publish_conflict=publish_conflict,
        )


def refused(request, assessment: Assessment, error: ValidationError):
    """403 with the reason (four eyes) and who may take the decision instead; nothing was written."""
    return render(request, "assessments/refused.html", {"assessment": assessment, "reasons": messages_of(error),
                                                        "deciders": deciders(assessment)}, status=403)


def make_item(user, assessment: Assessment, score: Score, responsible_unit, evidence, flags: Flags) -> Item:
    item = Item(score, item_unit(assessment, responsible_unit), list(evidence))
    item.may_self = assessment.self_scoring_open and may_self_score_item(user, assessment, responsible_unit)
    item.may_appraise = assessment.appraisal_open and flags.appraise
    item.may_appeal = (assessment.phase == P.FINALISED and flags.appeal and item.appeal is None
                       and score.appraised_score is not None and score.self_score != score.appraised_score)
    item.may_decide = (assessment.phase == P.FINALISED and flags.appraise and item.appeal is not None
                       and item.appeal.status == Appeal.Status.PENDING and item.appeal.created_by_id != user.pk)
    return item


def responsible_of(criterion):
    """The criterion's responsible unit, inherited from the nearest ancestor that names one."""
    node = criterion
    while node is not None:
        if node.responsible_unit_id:
            return node.responsible_unit
        node = node.parent
    return None


def load_item(user, assessment: Assessment, score_pk) -> Item:
    score = get_object_or_404(
        Score.objects.select_related("criterion__responsible_unit", "criterion__parent", "appeal", "assessment",
                                     "self_score_accepted_by"),
        assessment=assessment, pk=score_pk,
    )
    score.assessment = assessment
    evidence = Evidence.objects.filter(score=score).select_related("uploaded_by")
    return make_item(user, assessment, score, responsible_of(score.criterion), evidence, Flags.of(user, assessment))
