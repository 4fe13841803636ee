"""How far a self-assessment is, area by area (scored / evidenced / missing), and what still stops it being sent.

An item is ready when it has a self-score, evidence or a written explanation, and, if the council returned it, the
unit's reply. The page's progress lines, the submit confirmation and the submit action all read this one module.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from assessments.models import Assessment, Evidence
from assessments.results import Line, totals_for

UNSCORED, NO_EVIDENCE, NO_REPLY = "unscored", "no_evidence", "no_reply"


def problem_of(score, has_evidence: bool) -> str | None:
    """What the item still lacks before the self-assessment can be sent, or None."""
    if score.self_score is None:
        return UNSCORED
    if not has_evidence and not score.explanation.strip():
        return NO_EVIDENCE
    if score.returned and not score.reply.strip():
        return NO_REPLY
    return None


def problem_text(line: Line, problem: str) -> str:
    """One Vietnamese line naming the whole criterion and what to do."""
    criterion = f"{line.criterion.code}. {line.criterion.title}"
    if problem == UNSCORED:
        return _("%(criterion)s: chưa chấm điểm tự đánh giá.") % {"criterion": criterion}
    if problem == NO_EVIDENCE:
        return _("%(criterion)s: chưa có tài liệu kiểm chứng — hãy tải tài liệu lên hoặc ghi giải trình.") % {
            "criterion": criterion}
    return _("%(criterion)s: Hội đồng yêu cầu giải trình — hãy ghi nội dung giải trình.") % {"criterion": criterion}


@dataclass
class Missing:
    line: Line
    problem: str

    @property
    def text(self) -> str:
        return problem_text(self.line, self.problem)


@dataclass
class AreaProgress:
    """One area's items (the area itself when it is a leaf, such as a bonus), counted for its progress line."""

    area: object
    lines: list[Line] = field(default_factory=list)
    scored: int = 0
    evidenced: int = 0
    missing: list[Missing] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.lines)

    @property
    def done(self) -> bool:
        return not self.missing


def evidenced_ids(assessment: Assessment) -> set[int]:
    """The ids of the scores with at least one evidence file (one query)."""
    return set(Evidence.objects.filter(score__assessment=assessment).values_list("score_id", flat=True).distinct())


def area_progress(lines: list[Line], evidenced: set[int]) -> list[AreaProgress]:
    """Progress of each top-level area in framework order, from the totals' lines (no query)."""
    areas: dict[int, AreaProgress] = {}
    for line in lines:
        progress = areas.setdefault(line.area.pk, AreaProgress(line.area))
        if not line.is_leaf or line.score is None:
            continue
        progress.lines.append(line)
        has_evidence = line.score.pk in evidenced
        progress.scored += line.score.self_score is not None
        progress.evidenced += has_evidence
        problem = problem_of(line.score, has_evidence)
        if problem:
            progress.missing.append(Missing(line, problem))
    return list(areas.values())


def progress_of(assessment: Assessment) -> list[AreaProgress]:
    return area_progress(totals_for([assessment])[assessment.pk].lines, evidenced_ids(assessment))


def submission_problems(assessment: Assessment) -> list[str]:
    """Why the self-assessment cannot be submitted yet, one Vietnamese line per item, whole criterion names."""
    return [m.text for area in progress_of(assessment) for m in area.missing]
