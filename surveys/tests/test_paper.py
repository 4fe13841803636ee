"""Paper sheets typed into the workbook: read row by row with clear errors, stored all or nothing."""

import io
from datetime import date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from surveys import actions
from surveys.index import NO_OPINION
from surveys.models import Response
from surveys.paper import read_sheets
from surveys.tests.builders import answer_all, make_survey

HEADER = ["Số phiếu", "Ngày trả lời", "Quầy / điểm khảo sát", "Giới tính", "1. Nơi ngồi chờ tại Bộ phận Một cửa có đủ "
          "chỗ ngồi", "2. Trang thiết bị …", "3. Dễ dàng tìm hiểu thông tin …", "Góp ý"]


@pytest.mark.parametrize(("row", "levels", "on"), [
    ([1, "15/06/2024", "", "Nữ", 5, 4, 3, ""], {1: 5, 2: 4, 3: 3}, date(2024, 6, 15)),
    ([2, datetime(2024, 7, 1), None, None, "Rất hài lòng", "hài  lòng", None, None], {1: 5, 2: 4, 3: NO_OPINION},
     date(2024, 7, 1)),
    ([3, None, None, None, "4", 4.0, "Không có ý kiến", "Cần thêm ghế"], {1: 4, 2: 4, 3: NO_OPINION}, None),
])
def test_rows_become_sheets(row, levels, on):
    sheets, errors = read_sheets(HEADER, [row], question_count=3)
    assert errors == []
    assert sheets[0].levels == levels and sheets[0].on == on and sheets[0].line == 2


@pytest.mark.parametrize(("row", "message"), [
    ([1, "15/06/2024", "", "", 7, 4, 3, ""], "Dòng 2: câu 1 ghi “7”; chỉ nhận 1–5"),
    ([1, "15/06/2024", "", "", "Tốt", 4, 3, ""], "Dòng 2: câu 1 ghi “Tốt”"),
    ([1, "31/02/2024", "", "", 5, 4, 3, ""], "Dòng 2: ngày trả lời “31/02/2024” không đúng dạng"),
    ([1, "", "", "", None, "", None, "chỉ góp ý"], "Dòng 2: phiếu không có câu nào được đánh giá."),
])
def test_bad_rows_are_named_with_their_line(row, message):
    _, errors = read_sheets(HEADER, [row], question_count=3)
    assert any(e.startswith(message) for e in errors), errors


def test_header_without_questions_and_extra_questions_are_refused():
    assert read_sheets(["Ngày", "Ghi chú"], [["x", "y"]], 3)[1][0].startswith("Dòng 1: không thấy cột câu hỏi")
    assert "không có câu 3" in read_sheets(HEADER, [], question_count=2)[1][0]


def test_blank_rows_are_skipped():
    sheets, errors = read_sheets(HEADER, [[None] * 8, [1, "", "", "", 5, 5, 5, ""]], 3)
    assert errors == [] and [s.line for s in sheets] == [3]


def _xlsx(rows) -> SimpleUploadedFile:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("phieu-giay.xlsx", buffer.getvalue())


def test_export_then_import_round_trip(client_for, cast):
    source = make_survey(cast)
    counter = actions.add_counter(by=cast.mai, survey=source, name="Quầy VPĐKĐĐ")
    answer_all(source, 4, per_aspect={2: 5, 5: 0}, counter=counter, suggestion="Góp ý trên giấy")
    answer_all(source, 2)
    client = client_for(cast.mai)
    exported = client.get(reverse("surveys:export_answers", args=[source.pk])).content
    target = make_survey(cast, period="Năm 2024 – phiếu giấy")
    actions.add_counter(by=cast.mai, survey=target, name="Quầy VPĐKĐĐ")
    upload = SimpleUploadedFile("phieu.xlsx", exported)
    response = client.post(reverse("surveys:import_paper", args=[target.pk]), {"file": upload})
    assert response.status_code == 302
    stored = list(target.responses.order_by("pk"))
    assert len(stored) == 2 and all(r.channel == Response.Channel.IMPORT for r in stored)
    assert stored[0].counter.name == "Quầy VPĐKĐĐ" and stored[0].suggestion == "Góp ý trên giấy"
    from surveys.results import sipas_of

    assert [a.index for a in sipas_of(target).aspects] == [a.index for a in sipas_of(source).aspects]


def test_one_bad_row_stores_nothing_and_lists_every_error(client_for, cast):
    survey = make_survey(cast)
    n = survey.questions.count()
    header = ["Ngày trả lời", "Quầy / điểm khảo sát", *[f"{i}. câu" for i in range(1, n + 1)]]
    rows = [header, ["01/06/2024", "", *[5] * n], ["02/06/2024", "Quầy không có", *[4] * n],
            ["03/06/2024", "", 9, *[4] * (n - 1)]]
    page = client_for(cast.mai).post(reverse("surveys:import_paper", args=[survey.pk]),
                                     {"file": _xlsx(rows)}).content.decode()
    assert "Dòng 4: câu 1 ghi “9”" in page and Response.objects.count() == 0
    rows[3][2] = 3
    page = client_for(cast.mai).post(reverse("surveys:import_paper", args=[survey.pk]),
                                     {"file": _xlsx(rows)}).content.decode()
    assert "Dòng 3: không có quầy “Quầy không có”" in page and Response.objects.count() == 0


def test_not_an_excel_file_is_explained(client_for, cast):
    survey = make_survey(cast)
    client = client_for(cast.mai)
    fake = SimpleUploadedFile("phieu.xlsx", b"not a zip at all")
    page = client.post(reverse("surveys:import_paper", args=[survey.pk]), {"file": fake}).content.decode()
    assert "Không đọc được tệp" in page
    csv = SimpleUploadedFile("phieu.csv", b"a,b")
    assert "Chỉ nhận tệp Excel .xlsx." in client.post(reverse("surveys:import_paper", args=[survey.pk]),
                                                      {"file": csv}).content.decode()
    assert client_for(cast.manh).get(reverse("surveys:import_paper", args=[survey.pk])).status_code == 403
