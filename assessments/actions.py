"""Every write of the assessment cycle: one transaction each, with its audit entry (who, when, old → new).

Actions check the phase (what may happen now) and the four eyes (assessments.access.check_independent: nobody
appraises or publishes what they took part in); views check the person's role through assessments.access. Edits
that a person read first carry the version they read (core.versions): a stale save is refused, nothing written.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments import evidence as evidence_reader
from assessments.access import ConflictOfInterest, check_independent
from assessments.models import Appeal, Assessment, Evidence, HistoricalArea, HistoricalResult, Score
from assessments.progress import submission_problems
from audit.log import diff, record, record_create, record_delete, snapshot
from core.versions import claim
from frameworks import rules
from frameworks.metrics import compute_metric, metric_label
from frameworks.models import Criterion

P = Assessment.Phase
SELF_FIELDS = ["self_score", "explanation", "measured_value", "measured_detail", "measured_link", "reply"]
APPRAISAL_FIELDS = ["appraised_score", "appraisal_comment"]
ACCEPT_FIELDS = ["appraised_score", "self_score_accepted_by", "self_score_accepted_at"]


class NotAllowedNow(ValidationError):
    """The phase does not allow this; the message says why in Vietnamese."""


def _lock(assessment: Assessment) -> Assessment:
    return Assessment.objects.select_for_update().select_related("framework", "unit").get(pk=assessment.pk)


def _set_phase(assessment: Assessment, by, phase: str, note: str = "", **stamps) -> None:
    old = assessment.get_phase_display()
    assessment.phase = phase
    for name, value in stamps.items():
        setattr(assessment, name, value)
    assessment.save()
    record(by=by, obj=assessment, action="status", changes={"phase": [old, assessment.get_phase_display()]}, note=note)


def leaf_criteria(framework) -> list[Criterion]:
    criteria = list(Criterion.objects.filter(framework=framework))
    parents = {c.parent_id for c in criteria}
    return [c for c in criteria if c.pk not in parents]


@transaction.atomic
def start_assessment(*, by, framework, unit, window_start: date, window_end: date, self_deadline=None,
                     appraisal_deadline=None, appeal_deadline=None, start_from: Assessment | None = None) -> Assessment:
    """Opens an assessment with one score row per leaf criterion. Starting from last year's assessment carries
    forward the evidence still valid on the new window (its covered period does not end before the window)."""
    if window_end < window_start:
        raise ValidationError(_("Ngày kết thúc kỳ số liệu phải sau ngày bắt đầu."))
    if Assessment.objects.filter(framework=framework, unit=unit).exists():
        raise ValidationError(_("%(unit)s đã có kỳ đánh giá theo bộ chỉ số này.") % {"unit": unit})
    assessment = Assessment.objects.create(
        framework=framework, unit=unit, window_start=window_start, window_end=window_end, self_deadline=self_deadline,
        appraisal_deadline=appraisal_deadline, appeal_deadline=appeal_deadline, started_from=start_from,
    )
    leaves = leaf_criteria(framework)
    Score.objects.bulk_create([Score(assessment=assessment, criterion=c) for c in leaves])
    carried = 0
    if start_from is not None:
        carried = _carry_forward(assessment, start_from)
    record_create(by=by, obj=assessment, fields=["framework", "unit", "window_start", "window_end", "self_deadline"],
                  note=f"Mang sang {carried} tài liệu kiểm chứng còn hiệu lực" if carried else "")
    return assessment


def _carry_forward(assessment: Assessment, source: Assessment) -> int:
    new_scores = {s.criterion.code: s for s in assessment.scores.select_related("criterion")}
    carried = 0
    for item in Evidence.objects.filter(score__assessment=source, for_appeal=False).select_related("score__criterion"):
        target = new_scores.get(item.score.criterion.code)
        if target is None or (item.period_end and item.period_end < assessment.window_start):
            continue
        Evidence.objects.create(
            score=target, file=item.file.name, name=item.name, size=item.size, sha256=item.sha256,
            uploaded_by=item.uploaded_by, period_start=item.period_start, period_end=item.period_end, note=item.note,
            signer=item.signer, signed_at=item.signed_at, signature_intact=item.signature_intact,
            signature_trusted=item.signature_trusted, signature_modified=item.signature_modified,
            signature_timestamped=item.signature_timestamped, carried_from=item,
        )
        carried += 1
    return carried


def _took_part(assessment: Assessment, by) -> None:
    """Remembers who worked on the unit's side: they may not appraise or publish this assessment later."""
    if by is not None and by.is_authenticated:
        assessment.self_assessed_by.add(by)
        if hasattr(assessment, "_contributors"):
            assessment._contributors.add(by.pk)


def _check_open_for_self(assessment: Assessment) -> None:
    if not assessment.self_scoring_open:
        raise NotAllowedNow(_("Kỳ đánh giá đang ở giai đoạn “%(phase)s”: không sửa được điểm tự đánh giá.")
                            % {"phase": assessment.get_phase_display()})


@transaction.atomic
def self_score(score: Score, *, by, points=None, explanation: str | None = None, measured=None,
               measured_detail: str | None = None, reply: str | None = None, measured_link: str = "",
               version: int | None = None) -> Score:
    """Enters the unit's self-score (điểm tự đánh giá), explanation and measured value of one item.
    points=None leaves the score as it is (or, with a measured value, lets the rule score it); "" clears it.
    `version`: the one the person's form was read at (a stale save raises core.versions.StaleEdit)."""
    _check_open_for_self(score.assessment)
    claim(score, version)
    rule = score.criterion.parsed_rule()
    before = snapshot(score, SELF_FIELDS)
    if measured is not None:
        score.measured_value = None if measured == "" else rules.parse_number(measured)
        score.measured_link = measured_link  # a value typed in has no list behind it
    if measured_detail is not None:
        score.measured_detail = measured_detail
    if points is None and measured is not None and rule.is_measured:
        score.self_score = rules.score_from_measure(rule, score.criterion.max_points, score.measured_value)
    elif points == "":
        score.self_score = None
    elif points is not None:
        try:
            score.self_score = rules.check_score(rule, score.criterion.max_points, points)
        except rules.RuleError as error:
            raise ValidationError({"self_score": str(error)})
    if explanation is not None:
        score.explanation = explanation.strip()
    if reply is not None:
        score.reply = reply.strip()
    score.scored_by = by
    score.save()
    _took_part(score.assessment, by)
    changes = diff(before, snapshot(score, SELF_FIELDS))
    if changes:
        record(by=by, obj=score, action="update", changes=changes)
    return score


@transaction.atomic
def measure(score: Score, *, by) -> Score:
    """Reads the criterion's metric from cchc's own data over the assessment window and scores it."""
    rule = score.criterion.parsed_rule()
    if not rule.metric:
        raise ValidationError(_("Tiêu chí này không lấy số liệu tự động; hãy nhập giá trị đo được."))
    assessment = score.assessment
    value = compute_metric(rule.metric, assessment.unit, assessment.window_start, assessment.window_end)
    if value is None:
        raise ValidationError(_("Chưa có số liệu “%(metric)s” cho %(unit)s trong kỳ %(start)s–%(end)s.") % {
            "metric": metric_label(rule.metric, _) or _("tự động"), "unit": assessment.unit, "start": f"{assessment.window_start:%d/%m/%Y}",
            "end": f"{assessment.window_end:%d/%m/%Y}"})
    return self_score(score, by=by, measured=value.value, measured_detail=value.detail[:300],
                      measured_link=value.evidence_url if value.evidence_url.startswith("/") else "")


@transaction.atomic
def add_evidence(score: Score, *, by, name: str, data: bytes, period_start=None, period_end=None, note: str = "",
                 for_appeal: bool = False) -> Evidence:
    """Attaches an evidence file, keeping its SHA-256 and what its PDF signature says."""
    if for_appeal:
        if score.assessment.phase != P.FINALISED:
            raise NotAllowedNow(_("Chỉ bổ sung tài liệu phúc tra khi đã có kết quả thẩm định."))
    else:
        _check_open_for_self(score.assessment)
    problem = evidence_reader.check_upload(name, len(data))
    if problem:
        raise ValidationError(problem)
    if period_start and period_end and period_end < period_start:
        raise ValidationError(_("Thời gian áp dụng: ngày kết thúc phải sau ngày bắt đầu."))
    signatures = evidence_reader.read_signatures(data, evidence_reader.load_trust_roots(settings.CCHC_TRUSTED_CA_DIR))
    first = signatures[0] if signatures else None
    item = Evidence(
        score=score, name=name[:255], size=len(data), sha256=evidence_reader.sha256_of(data), uploaded_by=by,
        period_start=period_start, period_end=period_end, note=note[:300], for_appeal=for_appeal,
        signer=first.signer[:300] if first else "", signed_at=first.signed_at if first else None,
        signature_intact=first.intact if first else None, signature_trusted=first.trusted if first else None,
        signature_modified=first.modified if first else None,
        signature_timestamped=first.timestamped if first else None,
    )
    item.file.save(name, ContentFile(data), save=False)
    item.save()
    _took_part(score.assessment, by)
    record_create(by=by, obj=item, fields=["name", "sha256", "period_start", "period_end", "signer", "signed_at"],
                  note=f"Tài liệu kiểm chứng tiêu chí {score.criterion.code}")
    return item


@transaction.atomic
def remove_evidence(item: Evidence, *, by) -> None:
    _check_open_for_self(item.score.assessment)
    _took_part(item.score.assessment, by)
    record_delete(by=by, obj=item, fields=["name", "sha256"], note=f"Tiêu chí {item.score.criterion.code}")
    item.delete()


@transaction.atomic
def submit(assessment: Assessment, *, by) -> Assessment:
    """Sends the self-assessment (or the explanations asked for) to the appraisal council."""
    assessment = _lock(assessment)
    _check_open_for_self(assessment)
    problems = submission_problems(assessment)
    if problems:
        raise ValidationError(problems)
    _took_part(assessment, by)
    if assessment.phase == P.RETURNED:
        _set_phase(assessment, by, P.RESUBMITTED, note="Gửi lại sau khi giải trình")
    else:
        _set_phase(assessment, by, P.SUBMITTED, submitted_at=timezone.now())
    return assessment


@transaction.atomic
def appraise(score: Score, *, by, points, comment: str = "", version: int | None = None) -> Score:
    """The council's appraised score (điểm thẩm định) and comment for one item."""
    assessment = _lock(score.assessment)
    if not assessment.appraisal_open:
        raise NotAllowedNow(_("Kỳ đánh giá đang ở giai đoạn “%(phase)s”: chưa (hoặc không còn) thẩm định được.")
                            % {"phase": assessment.get_phase_display()})
    check_independent(by, assessment, "assessment.appraise")
    claim(score, version)
    try:
        value = rules.check_score(score.criterion.parsed_rule(), score.criterion.max_points, points)
    except rules.RuleError as error:
        raise ValidationError({"appraised_score": str(error)})
    if value != score.self_score and not comment.strip():
        raise ValidationError({"appraisal_comment": _("Điểm thẩm định khác điểm tự đánh giá: hãy ghi nhận xét, lý do.")})
    before = snapshot(score, APPRAISAL_FIELDS)
    score.appraised_score = value
    score.appraisal_comment = comment.strip()
    score.appraised_by = by
    score.self_score_accepted_by = score.self_score_accepted_at = None
    score.save()
    record(by=by, obj=score, action="update", changes=diff(before, snapshot(score, APPRAISAL_FIELDS)))
    if assessment.phase != P.APPRAISAL:
        _set_phase(assessment, by, P.APPRAISAL)
    return score


@transaction.atomic
def return_for_explanation(assessment: Assessment, *, by, notes: dict[int, str]) -> Assessment:
    """Sends items back to the unit for explanation (trả lại để giải trình): {score id: what to explain}."""
    assessment = _lock(assessment)
    if not assessment.appraisal_open:
        raise NotAllowedNow(_("Chỉ trả lại để giải trình trong khi thẩm định."))
    check_independent(by, assessment, "assessment.appraise")
    notes = {pk: text.strip() for pk, text in notes.items() if text and text.strip()}
    if not notes:
        raise ValidationError(_("Hãy ghi nội dung cần giải trình cho ít nhất một tiêu chí."))
    for score in Score.objects.filter(assessment=assessment, pk__in=notes):
        before = snapshot(score, ["returned", "return_note"])
        score.returned, score.return_note, score.reply = True, notes[score.pk], ""
        score.version += 1
        score.save()
        record(by=by, obj=score, action="update", changes=diff(before, snapshot(score, ["returned", "return_note"])))
    _set_phase(assessment, by, P.RETURNED, note=f"{len(notes)} tiêu chí cần giải trình")
    return assessment


def unappraised_scores(assessment: Assessment):
    """The items the council has not scored yet, in framework order."""
    return (Score.objects.filter(assessment=assessment, appraised_score__isnull=True).select_related("criterion")
            .order_by("criterion__order", "criterion__pk"))


def _label(score: Score) -> str:
    return f"{score.criterion.code}. {score.criterion.title}"


@transaction.atomic
def finalise(assessment: Assessment, *, by, accepted=()) -> Assessment:
    """Closes the appraisal (kết thúc thẩm định). An item the council did not score keeps its self-score only by
    the council's explicit decision: `accepted` holds the ids of the scores whose self-score the appraiser accepts
    (chấp nhận điểm tự chấm), each then recorded with who and when; any other unappraised item refuses the end."""
    assessment = _lock(assessment)
    if not assessment.appraisal_open:
        raise NotAllowedNow(_("Không kết thúc thẩm định được ở giai đoạn “%(phase)s”.")
                            % {"phase": assessment.get_phase_display()})
    check_independent(by, assessment, "assessment.appraise")
    pending = list(unappraised_scores(assessment))
    accepted = {int(pk) for pk in accepted}
    problems = [_("%(criterion)s: chưa có điểm tự đánh giá — hãy chấm điểm thẩm định.") % {"criterion": _label(s)}
                for s in pending if s.self_score is None]
    problems += [_("%(criterion)s: chưa thẩm định — hãy chấm điểm thẩm định hoặc chấp nhận điểm tự chấm.")
                 % {"criterion": _label(s)} for s in pending if s.self_score is not None and s.pk not in accepted]
    if problems:
        raise ValidationError(problems)
    now = timezone.now()
    for score in pending:
        before = snapshot(score, ACCEPT_FIELDS)
        score.appraised_score, score.appraised_by = score.self_score, by
        score.self_score_accepted_by, score.self_score_accepted_at = by, now
        score.version += 1
        score.save(update_fields=["appraised_score", "appraised_by", "self_score_accepted_by",
                                  "self_score_accepted_at", "version"])
        record(by=by, obj=score, action="update", changes=diff(before, snapshot(score, ACCEPT_FIELDS)),
               note="Chấp nhận điểm tự chấm")
    _set_phase(assessment, by, P.FINALISED, finalised_at=now,
               note=f"Chấp nhận điểm tự chấm của {len(pending)} tiêu chí" if pending else "")
    return assessment


@transaction.atomic
def file_appeal(score: Score, *, by, reason: str, requested, upload=None) -> Appeal:
    """The unit disputes an appraised score once (đề nghị phúc tra), with a reason and, if any, new evidence."""
    assessment = score.assessment
    if assessment.phase != P.FINALISED:
        raise NotAllowedNow(_("Chỉ đề nghị phúc tra sau khi có kết quả thẩm định và trước khi công bố."))
    if assessment.appeal_deadline and timezone.localdate() > assessment.appeal_deadline:
        raise NotAllowedNow(_("Đã quá hạn phúc tra (%(date)s).") % {"date": f"{assessment.appeal_deadline:%d/%m/%Y}"})
    if Appeal.objects.filter(score=score).exists():
        raise ValidationError(_("Tiêu chí này đã được đề nghị phúc tra một lần."))
    if not reason.strip():
        raise ValidationError({"reason": _("Hãy ghi lý do đề nghị phúc tra.")})
    try:
        value = rules.check_score(score.criterion.parsed_rule(), score.criterion.max_points, requested)
    except rules.RuleError as error:
        raise ValidationError({"requested_score": str(error)})
    appeal = Appeal.objects.create(score=score, reason=reason.strip(), requested_score=value, created_by=by)
    _took_part(assessment, by)
    record_create(by=by, obj=appeal, fields=["reason", "requested_score"])
    if upload is not None:
        add_evidence(score, by=by, name=upload.name, data=upload.read(), note="Tài liệu bổ sung khi phúc tra",
                     for_appeal=True)
    return appeal


@transaction.atomic
def decide_appeal(appeal: Appeal, *, by, accept: bool, reason: str, points=None) -> Appeal:
    if appeal.status != Appeal.Status.PENDING:
        raise ValidationError(_("Đề nghị phúc tra này đã được xem xét."))
    if appeal.score.assessment.phase != P.FINALISED:
        raise NotAllowedNow(_("Kết quả đã công bố, không xem xét phúc tra được nữa."))
    if by is not None and appeal.created_by_id == by.pk:
        raise ConflictOfInterest(_("Bạn là người đề nghị phúc tra nên không tự xem xét đề nghị của mình."))
    check_independent(by, appeal.score.assessment, "assessment.appraise")
    if not reason.strip():
        raise ValidationError({"decision_reason": _("Hãy ghi lý do chấp nhận hoặc không chấp nhận.")})
    before = snapshot(appeal, ["status", "decided_score", "decision_reason"])
    criterion = appeal.score.criterion
    if accept:
        chosen = appeal.requested_score if points in (None, "") else points
        try:
            appeal.decided_score = rules.check_score(criterion.parsed_rule(), criterion.max_points, chosen)
        except rules.RuleError as error:
            raise ValidationError({"decided_score": str(error)})
    appeal.status = Appeal.Status.ACCEPTED if accept else Appeal.Status.REJECTED
    appeal.decision_reason = reason.strip()
    appeal.decided_by, appeal.decided_at = by, timezone.now()
    appeal.save()
    record(by=by, obj=appeal, action="update", changes=diff(before, snapshot(appeal, ["status", "decided_score",
                                                                                     "decision_reason"])))
    return appeal


@transaction.atomic
def publish(assessment: Assessment, *, by) -> Assessment:
    """Publishes the result (công bố); from now on it is read-only."""
    assessment = _lock(assessment)
    if assessment.phase != P.FINALISED:
        raise NotAllowedNow(_("Chỉ công bố kết quả đã thẩm định xong."))
    check_independent(by, assessment, "assessment.publish")
    pending = Appeal.objects.filter(score__assessment=assessment, status=Appeal.Status.PENDING).count()
    if pending:
        raise ValidationError(_("Còn %(count)s đề nghị phúc tra chưa được Hội đồng xem xét.") % {"count": pending})
    _set_phase(assessment, by, P.PUBLISHED, published_at=timezone.now())
    return assessment


@transaction.atomic
def save_history(*, by, unit, year: int, areas: list[dict], bonus, penalty, total, framework_title: str = "",
                 source: str = "") -> HistoricalResult:
    """Stores (or replaces) a published result from before cchc: areas [{title, score, max_points, note}].
    The rank is not stored: assessments.results computes it from the totals of the units ranked together."""
    result, created = HistoricalResult.objects.update_or_create(
        unit=unit, year=year,
        defaults={"bonus": bonus, "penalty": penalty, "total": total, "framework_title": framework_title,
                  "source": source},
    )
    result.areas.all().delete()
    HistoricalArea.objects.bulk_create([
        HistoricalArea(result=result, order=i, title=a["title"], score=a.get("score"), max_points=a.get("max_points"),
                       note=a.get("note", ""))
        for i, a in enumerate(areas, start=1)
    ])
    record(by=by, obj=result, action="create" if created else "update", changes={"total": [None, str(total)]},
           note=f"Kết quả năm {year} ({len(areas)} chỉ số thành phần)")
    return result
