"""Excel exports: the answers (one row per sheet, one column per question) and the results, as real numbers."""

import io
from decimal import Decimal

from django.http import HttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from accounts.permissions import can_on
from core import xlsx
from core.http import in_vietnamese
from documents.jobs import too_large
from documents.views.jobs import hand_over
from surveys import results
from surveys.index import ASPECTS, LEVEL_LABELS, LEVELS, METHODS, NO_OPINION
from surveys.models import Answer, Survey
from surveys.views.access import get_survey_for

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOLD = Font(bold=True)


def _header(sheet, titles: list[str]) -> None:
    xlsx.append(sheet, titles)
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = f"A{sheet.max_row + 1}"


def _percent(value: Decimal | None):
    """Stored as a ratio with a percent format, so Excel computes with it."""
    return None if value is None else float(value / 100)


def _name(survey: Survey, what: str) -> str:
    return f"{slugify(f'{what}-{survey.title[:40]}-{survey.period_label}') or what}.xlsx"


def _bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _download(workbook: Workbook, survey: Survey, what: str) -> HttpResponse:
    response = HttpResponse(_bytes(workbook), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{_name(survey, what)}"'
    return response


@in_vietnamese
def export_answers(request, pk):
    survey = get_survey_for(request.user, pk)
    if too_large(survey.responses.count()):
        return hand_over(request, kind="phieu-tra-loi", params={"survey": survey.pk}, unit=survey.unit,
                         file_name=_name(survey, "phieu-tra-loi"))
    return _download(_answers_workbook(survey), survey, "phieu-tra-loi")


def answers_export(job, progress) -> bytes:
    """The answers prepared by the background worker (documents.jobs), for a survey too large for the request."""
    from documents.jobs import JobProblem

    survey = Survey.objects.select_related("unit").filter(pk=job.params.get("survey"), is_template=False).first()
    if survey is None or not can_on(job.requested_by, "survey.view", survey.unit):
        raise JobProblem(_("Không còn khảo sát này, hoặc Anh/Chị không còn quyền xem các phiếu trả lời của nó."))
    return _bytes(_answers_workbook(survey, lambda rows: progress.over(rows, survey.responses.count())))


def _answers_workbook(survey: Survey, follow=lambda rows: rows) -> Workbook:
    """One row per answer sheet (`follow` wraps the rows as they are written, to report progress)."""
    questions = list(survey.questions.all())
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Phiếu trả lời"
    _header(sheet, ["Số phiếu", "Ngày trả lời", "Quầy / điểm khảo sát", "Hình thức", "Giới tính", "Độ tuổi",
                    "Nghề nghiệp", "Người trả lời là", *[f"{i}. {q.text}" for i, q in enumerate(questions, 1)],
                    "Góp ý", "Xử lý góp ý"])
    column = {q.pk: i for i, q in enumerate(questions)}
    levels: dict[int, list] = {}
    for response_id, question_id, level in (Answer.objects.filter(response__survey=survey)
                                            .values_list("response_id", "question_id", "level").iterator()):
        row = levels.setdefault(response_id, [None] * len(questions))
        if question_id in column:
            # 0 means "Không có ý kiến": left empty so averages in Excel skip it.
            row[column[question_id]] = level or None
    for r in follow(survey.responses.select_related("counter").order_by("pk").iterator()):
        xlsx.append(sheet, [r.pk, r.submitted_on, r.counter.name if r.counter else "", r.get_channel_display(), r.gender,
                      r.age_group, r.occupation, r.respondent_kind, *levels.get(r.pk, [None] * len(questions)),
                      r.suggestion, r.get_follow_up_display() if r.follow_up else ""])
        sheet.cell(row=sheet.max_row, column=2).number_format = "DD/MM/YYYY"
    legend = workbook.create_sheet("Thang đo")
    _header(legend, ["Mức", "Ý nghĩa"])
    for level in LEVELS:
        xlsx.append(legend, [level, LEVEL_LABELS[level]])
    xlsx.append(legend, ["(trống)", LEVEL_LABELS[NO_OPINION]])
    return workbook


@in_vietnamese
def export_results(request, pk):
    survey = get_survey_for(request.user, pk)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Kết quả"
    xlsx.append(sheet, [survey.title])
    xlsx.append(sheet, [f"Đơn vị: {survey.unit}", f"Kỳ: {survey.period_label}", f"Cách tính: {METHODS[survey.method]}"])
    level_titles = [LEVEL_LABELS[level] for level in (*LEVELS, NO_OPINION)]
    dists = results.question_distributions(survey)
    if survey.kind == Survey.Kind.SIPAS:
        result = results.sipas_of(survey)
        _header(sheet, ["Yếu tố", "Chỉ số hài lòng", "Số ý kiến", *level_titles])
        for row in result.aspects:
            d = row.distribution
            xlsx.append(sheet, [row.label, _percent(row.index), row.answers, *[d.count(level) for level in (*LEVELS, NO_OPINION)]])
            sheet.cell(row=sheet.max_row, column=2).number_format = "0.00%"
        xlsx.append(sheet, ["Chỉ số hài lòng chung", _percent(result.overall), result.responses])
        sheet.cell(row=sheet.max_row, column=2).number_format = "0.00%"
        sheet.cell(row=sheet.max_row, column=1).font = BOLD
        if survey.target_percent is not None:
            xlsx.append(sheet, ["Chỉ tiêu", _percent(survey.target_percent)])
            sheet.cell(row=sheet.max_row, column=2).number_format = "0.00%"
    else:
        outcome = results.opinion_of(survey)
        if outcome:
            xlsx.append(sheet, ["Tổng điểm", float(outcome[0]), float(outcome[1]), _percent(outcome[2])])
            sheet.cell(row=sheet.max_row, column=4).number_format = "0.00%"
    questions = workbook.create_sheet("Theo câu hỏi")
    _header(questions, ["STT", "Yếu tố", "Câu hỏi", "Điểm tối đa", "Số ý kiến", *level_titles])
    for i, q in enumerate(survey.questions.all(), 1):
        d = dists.get(q.pk)
        counts = [d.count(level) if d else 0 for level in (*LEVELS, NO_OPINION)]
        xlsx.append(questions, [i, ASPECTS.get(q.aspect, ""), q.text, float(q.points),
                          d.with_opinion if d else 0, *counts])
    for ws in (sheet, questions):
        for index in range(1, ws.max_column + 1):
            ws.column_dimensions[get_column_letter(index)].width = 48 if index in (1, 3) else 14
    return _download(workbook, survey, "ket-qua")
