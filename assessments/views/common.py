"""What the assessment pages share: the item view model, permission flags, error messages."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404

from assessments.access import allowed, item_unit, may_self_score_item
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


@dataclass
class Flags:
    """What this person may do on this assessment now (asked once per page)."""

    appraise: bool
    appeal: bool
    submit: bool
    manage: bool
    publish: bool

    @classmethod
    def of(cls, user, assessment: Assessment) -> "Flags":
        return cls(
            appraise=allowed(user, assessment, "assessment.appraise"),
            appeal=allowed(user, assessment, "assessment.submit"),
            submit=allowed(user, assessment, "assessment.submit"),
            manage=allowed(user, assessment, "assessment.manage"),
            publish=allowed(user, assessment, "assessment.publish"),
        )


def make_item(user, assessment: Assessment, score: Score, responsible_unit, evidence, flags: Flags) -> Item:
    item = Item(score, item_unit(assessment, responsible_unit), list(evidence))
    item.may_self = assessment.self_scoring_open and may_self_score_item(user, assessment, responsible_unit)
    item.may_appraise = assessment.appraisal_open and flags.appraise
    item.may_appeal = (assessment.phase == P.FINALISED and flags.appeal and item.appeal is None
                       and score.appraised_score is not None and score.self_score != score.appraised_score)
    item.may_decide = (assessment.phase == P.FINALISED and flags.appraise and item.appeal is not None
                       and item.appeal.status == Appeal.Status.PENDING)
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
        Score.objects.select_related("criterion__responsible_unit", "criterion__parent", "appeal", "assessment"),
        assessment=assessment, pk=score_pk,
    )
    score.assessment = assessment
    evidence = Evidence.objects.filter(score=score).select_related("uploaded_by")
    return make_item(user, assessment, score, responsible_of(score.criterion), evidence, Flags.of(user, assessment))
