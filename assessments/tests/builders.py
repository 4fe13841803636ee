"""Small builders for assessment tests."""

from datetime import date
from decimal import Decimal

from assessments import actions
from assessments.models import Score
from frameworks.demo import build_2023, build_internal


def internal_framework(cast):
    return build_internal(cast.mai, cast.units)


def provincial_framework(cast):
    return build_2023(cast.admin, cast.units)


def open_assessment(cast, unit_code, framework, **extra):
    return actions.start_assessment(by=cast.mai, framework=framework, unit=cast.unit(unit_code),
                                    window_start=date(2024, 1, 1), window_end=date(2024, 11, 30), **extra)


def score_everything(assessment, by, points=None, explanation="Hồ sơ lưu tại đơn vị.", skip=()):
    """Full points (0 for bonus and penalty) on every item, each with an explanation."""
    for score in Score.objects.filter(assessment=assessment).select_related("criterion"):
        if score.criterion.code in skip:
            continue
        value = points.get(score.criterion.code) if points else None
        if value is None:
            value = Decimal(0) if score.criterion.is_extra else score.criterion.max_points
        actions.self_score(score, by=by, points=value, explanation=explanation)


def score_of(assessment, code) -> Score:
    return Score.objects.select_related("criterion", "assessment").get(assessment=assessment, criterion__code=code)


def finalise_accepting_the_rest(assessment, by):
    """Ends the appraisal, accepting the self-score of every item not appraised (as the confirmation page does)."""
    return actions.finalise(assessment, by=by, accepted=[s.pk for s in actions.unappraised_scores(assessment)])


def publish_as_scored(cast, assessment, lowered=None):
    """Submit, appraise `lowered` {code: (points, comment)}, finalise accepting the rest, and publish (by the
    administrator: the office took part in the self-assessment)."""
    actions.submit(assessment, by=cast.mai)
    for code, (points, comment) in (lowered or {}).items():
        actions.appraise(score_of(assessment, code), by=cast.thu, points=Decimal(points), comment=comment)
    finalise_accepting_the_rest(assessment, cast.thu)
    actions.publish(assessment, by=cast.admin)
    return assessment
