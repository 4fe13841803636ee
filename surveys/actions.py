"""Every write of the surveys app, each in one transaction with its audit entry."""

import secrets
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone

from audit.log import diff, record, record_create, record_delete, snapshot
from surveys import questionnaire as q
from surveys.models import (
    Answer,
    Counter,
    Invitation,
    Participation,
    Question,
    Response,
    SubmittedForm,
    Survey,
    hash_code,
)

SURVEY_FIELDS = ["unit", "kind", "title", "intro", "period_label", "start_date", "end_date", "status", "method",
                 "target_percent", "allow_no_opinion", "ask_respondent", "require_code"]
QUESTION_FIELDS = ["aspect", "order", "text", "points"]
FOLLOW_UP_FIELDS = ["follow_up", "reply", "replied_by", "replied_at"]

# Letters and digits that cannot be misread on a printed receipt (no 0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


class AlreadyAnswered(Exception):
    """The one-time code was used, or this person already answered."""


class AlreadySent(Exception):
    """This very form was already stored (a double tap, a resent page)."""


def _insert_once(model, conflict: list[str], values: dict) -> bool:
    """Inserts the row unless one with the same `conflict` columns exists; whether it went in. One statement
    (INSERT … ON CONFLICT DO NOTHING RETURNING, SQLite and PostgreSQL): no savepoint around a failing insert."""
    q = connection.ops.quote_name
    fields = [model._meta.get_field(name) for name in values]
    columns = ", ".join(q(f.column) for f in fields)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {q(model._meta.db_table)} ({columns}) VALUES ({', '.join(['%s'] * len(fields))}) "
            f"ON CONFLICT ({', '.join(q(model._meta.get_field(n).column) for n in conflict)}) DO NOTHING "
            f"RETURNING 1", [f.get_db_prep_save(values[f.name], connection) for f in fields])
        return cursor.fetchone() is not None


def _claim_form(digest: str) -> None:
    today = timezone.localdate()
    if not _insert_once(SubmittedForm, ["digest"], {"digest": digest, "used_on": today}):
        raise AlreadySent
    # Pruning now and then keeps the table small without a timer; tokens expire long before two days.
    if secrets.randbelow(200) == 0:
        SubmittedForm.objects.filter(used_on__lt=today - timedelta(days=2)).delete()


@transaction.atomic
def ensure_templates(by=None) -> list[Survey]:
    """The shipped template questionnaires (SIPAS and leaders' opinions); created once, never duplicated."""
    made = []
    for kind, title, intro, items in (
        (Survey.Kind.SIPAS, q.SIPAS_TITLE, q.SIPAS_INTRO, q.SIPAS_QUESTIONS),
        (Survey.Kind.OPINION, q.OPINION_TITLE, q.OPINION_INTRO, [(0, text) for text in q.OPINION_ITEMS]),
    ):
        survey = Survey.objects.filter(is_template=True, kind=kind).first()
        if survey is None:
            survey = Survey.objects.create(is_template=True, kind=kind, title=title, intro=intro,
                                           period_label="Mẫu", require_code=(kind == Survey.Kind.OPINION))
            Question.objects.bulk_create(
                Question(survey=survey, aspect=aspect, order=i, text=text) for i, (aspect, text) in enumerate(items, 1)
            )
            record_create(by=by, obj=survey, fields=SURVEY_FIELDS, note="Mẫu phiếu cchc cung cấp")
        made.append(survey)
    return made


@transaction.atomic
def create_survey(*, by, unit, source: Survey | None = None, **fields) -> Survey:
    """A new survey of `unit`, copying the questions of `source` (usually a template) so it can be edited freely."""
    if source is not None:
        for name in ("kind", "intro", "method", "allow_no_opinion", "ask_respondent", "require_code"):
            fields.setdefault(name, getattr(source, name))
    survey = Survey.objects.create(unit=unit, **fields)
    if source is not None:
        Question.objects.bulk_create(
            Question(survey=survey, aspect=x.aspect, order=x.order, text=x.text, points=x.points)
            for x in source.questions.all()
        )
    record_create(by=by, obj=survey, fields=SURVEY_FIELDS, note=f"Sao chép từ: {source}" if source else "")
    return survey


@transaction.atomic
def update_survey(*, by, survey: Survey, **fields) -> Survey:
    before = snapshot(survey, SURVEY_FIELDS)
    for name, value in fields.items():
        setattr(survey, name, value)
    survey.save()
    changes = diff(before, snapshot(survey, SURVEY_FIELDS))
    if changes:
        record(by=by, obj=survey, action="update", changes=changes)
    return survey


@transaction.atomic
def save_question(*, by, survey: Survey, question: Question | None = None, **fields) -> Question:
    if question is None:
        question = Question.objects.create(survey=survey, **fields)
        record_create(by=by, obj=question, fields=QUESTION_FIELDS, unit=survey.unit)
        return question
    before = snapshot(question, QUESTION_FIELDS)
    for name, value in fields.items():
        setattr(question, name, value)
    question.save()
    changes = diff(before, snapshot(question, QUESTION_FIELDS))
    if changes:
        record(by=by, obj=question, action="update", changes=changes, unit=survey.unit)
    return question


@transaction.atomic
def delete_question(*, by, question: Question) -> None:
    """Refused once answered: deleting it would silently change published indexes."""
    if question.answers.exists():
        raise ValueError("Câu hỏi đã có người trả lời, không thể xóa.")
    record_delete(by=by, obj=question, fields=QUESTION_FIELDS, unit=question.survey.unit)
    question.delete()


@transaction.atomic
def add_counter(*, by, survey: Survey, name: str, place: str = "") -> Counter:
    counter = Counter.objects.create(survey=survey, name=name, place=place)
    record_create(by=by, obj=counter, fields=["survey", "name", "place"], unit=survey.unit)
    return counter


def _new_code(length: int = 8) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


@transaction.atomic
def create_codes(*, by, survey: Survey, count: int = 1, label: str = "", dossier_refs: list[str] | None = None
                 ) -> list[tuple[Invitation, str]]:
    """One-time codes, returned in clear only now (only their hash is kept): one per dossier ref, else `count`."""
    kind = Invitation.Kind.DOSSIER if dossier_refs else Invitation.Kind.INVITATION
    targets = dossier_refs or [""] * count
    made = []
    for ref in targets:
        code = _new_code()
        invitation = Invitation.objects.create(survey=survey, kind=kind, label=label, dossier_ref=ref,
                                               code_hash=hash_code(code))
        made.append((invitation, code))
    record(by=by, obj=survey, action="update", note=f"Tạo {len(made)} mã trả lời dùng một lần"
           + (f" cho hồ sơ {', '.join(dossier_refs)}" if dossier_refs else (f" ({label})" if label else "")))
    return made


def find_code(code: str) -> Invitation | None:
    return Invitation.objects.select_related("survey", "survey__unit").filter(code_hash=hash_code(code or "")).first()


@transaction.atomic
def submit_response(*, survey: Survey, levels: dict[int, int], counter: Counter | None = None,
                    details: dict | None = None, suggestion: str = "", channel: str = Response.Channel.PUBLIC,
                    invitation: Invitation | None = None, user=None, on=None, form_digest: str = "") -> Response:
    """Stores one anonymous answer sheet: the response row, its answers in one INSERT, the audit entry.

    With a one-time code, the code is marked used in the same transaction (a second use finds it used);
    with a log-in, only the fact that this person answered is kept, never a link to the answers.
    """
    if form_digest:
        _claim_form(form_digest)
    if invitation is not None:
        claimed = Invitation.objects.filter(pk=invitation.pk, used_at__isnull=True).update(used_at=timezone.now())
        if not claimed:
            raise AlreadyAnswered
    if user is not None and not _insert_once(Participation, ["survey", "user"], {"survey": survey.pk, "user": user.pk}):
        raise AlreadyAnswered
    suggestion = suggestion.strip()
    response = Response.objects.create(
        survey=survey, counter=counter, channel=channel, submitted_on=on or timezone.localdate(),
        suggestion=suggestion, follow_up=Response.FollowUp.RECEIVED if suggestion else "", **(details or {}),
    )
    Answer.objects.bulk_create(Answer(response=response, question_id=qid, level=level) for qid, level in levels.items())
    record(by=None, obj=response, action="create", unit=survey.unit,
           note=f"Phiếu trả lời {survey.get_kind_display().lower()}" + (f" tại {counter}" if counter else ""))
    return response


@transaction.atomic
def follow_up(*, by, response: Response, status: str, reply: str = "") -> Response:
    """Theo dõi xử lý góp ý: received → being handled → answered, with who answered and when."""
    before = snapshot(response, FOLLOW_UP_FIELDS)
    response.follow_up = status
    if reply.strip():
        response.reply = reply.strip()
    if status == Response.FollowUp.ANSWERED:
        response.replied_by = by
        response.replied_at = timezone.now()
    response.save(update_fields=FOLLOW_UP_FIELDS)
    changes = diff(before, snapshot(response, FOLLOW_UP_FIELDS))
    if changes:
        record(by=by, obj=response, action="update", changes=changes)
    return response


@transaction.atomic
def import_paper(*, by, survey: Survey, sheets: list, on_default=None) -> tuple[int, list[str]]:
    """Stores typed-in paper sheets (surveys.paper.PaperSheet), all or nothing; returns (stored, errors)."""
    questions = list(survey.questions.all())
    counters = {" ".join(c.name.lower().split()): c for c in survey.counters.all()}
    errors = []
    for sheet in sheets:
        if sheet.counter and " ".join(sheet.counter.lower().split()) not in counters:
            errors.append(f"Dòng {sheet.line}: không có quầy “{sheet.counter}” trong khảo sát này; "
                          "hãy thêm quầy trước hoặc để trống ô này.")
    if errors:
        return 0, errors
    for sheet in sheets:
        levels = {questions[number - 1].pk: level for number, level in sheet.levels.items()}
        counter = counters.get(" ".join(sheet.counter.lower().split())) if sheet.counter else None
        submit_response(survey=survey, levels=levels, counter=counter, details=sheet.details,
                        suggestion=sheet.suggestion, channel=Response.Channel.IMPORT, on=sheet.on or on_default)
    record(by=by, obj=survey, action="update", note=f"Nhập {len(sheets)} phiếu khảo sát giấy")
    return len(sheets), []
