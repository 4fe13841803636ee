"""The office's results: index per aspect with counts, trend, target, query counts, permissions, metrics, exports."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from audit.models import AuditEntry
from frameworks.metrics import compute_metric
from surveys import actions
from surveys.models import Response, Survey
from surveys.tests.builders import answer_all, make_survey


@pytest.fixture
def survey_2024(cast):
    survey = make_survey(cast)
    counter = actions.add_counter(by=cast.mai, survey=survey, name="Quầy VPĐKĐĐ")
    # 3 sheets: aspect 1 gets 5, 4, 2 → 2/3 = 66.67 %; everything else 4, 4, 4 → 100 %; the overall
    # is (66.67 + 100 × 4) / 5 = 93.33 %.
    answer_all(survey, 4, per_aspect={1: 5}, counter=counter)
    answer_all(survey, 4, counter=counter)
    answer_all(survey, 4, per_aspect={1: 2}, suggestion="Bãi giữ xe quá chật")
    return survey


def test_detail_shows_index_per_aspect_with_counts_and_target(client_for, cast, survey_2024):
    page = client_for(cast.mai).get(reverse("surveys:detail", args=[survey_2024.pk])).content.decode()
    assert 'id="overall-index">93,33 %' in page
    assert 'id="response-count">3<' in page
    aspect_row = page.split('data-aspect="1"')[1].split("</tr>")[0]
    assert "66,67 %" in aspect_row and ">9<" in aspect_row  # 3 questions × 3 sheets
    assert "đạt chỉ tiêu" in page


def test_detail_queries_stay_constant_as_answers_grow(client_for, cast, survey_2024, django_assert_max_num_queries):
    client = client_for(cast.mai)
    url = reverse("surveys:detail", args=[survey_2024.pk])
    client.get(url)
    with django_assert_max_num_queries(25) as small:
        client.get(url)
    baseline = len(small.captured_queries)  # read now: each request resets the query log
    for level in (1, 2, 3, 5, 5, 5, 0, 4):
        answer_all(survey_2024, level, suggestion="góp ý")
    make_survey(cast, period="Năm 2025", start=date(2025, 1, 1), end=date(2025, 12, 31))
    with django_assert_max_num_queries(baseline):
        client.get(url)


def test_list_queries_stay_constant(client_for, cast, survey_2024, django_assert_max_num_queries):
    answer_all(make_survey(cast, kind=Survey.Kind.OPINION, period="Ý kiến 2024"), 5)
    client = client_for(cast.mai)
    client.get(reverse("surveys:index"))
    with django_assert_max_num_queries(20) as small:
        client.get(reverse("surveys:index"))
    baseline = len(small.captured_queries)  # read now: each request resets the query log
    for year in (2021, 2022, 2023):
        answer_all(make_survey(cast, period=f"Năm {year}", start=date(year, 1, 1), end=date(year, 12, 31)), 5)
        answer_all(make_survey(cast, kind=Survey.Kind.OPINION, period=f"Ý kiến {year}"), 4)
    with django_assert_max_num_queries(baseline):
        page = client.get(reverse("surveys:index")).content.decode()
    assert "Năm 2021" in page and "93,33 %" in page
    assert page.count("18/18 điểm") == 4


def test_trend_over_periods(client_for, cast, survey_2024):
    older = make_survey(cast, period="Năm 2023", start=date(2023, 1, 1), end=date(2023, 12, 31))
    answer_all(older, 3, on=date(2023, 5, 1))
    answer_all(older, 5, on=date(2023, 5, 2))  # every aspect 1/2 = 50 %
    page = client_for(cast.mai).get(reverse("surveys:detail", args=[survey_2024.pk])).content.decode()
    trend = page.split('id="trend-table"')[1].split("</table>")[0]
    assert trend.index("Năm 2023") < trend.index("Năm 2024")
    assert "50,00 %" in trend and "93,33 %" in trend


def test_weighted_mean_method_is_a_setting(client_for, cast, survey_2024):
    actions.update_survey(by=cast.mai, survey=survey_2024, method="weighted_mean")
    page = client_for(cast.mai).get(reverse("surveys:detail", args=[survey_2024.pk])).content.decode()
    # aspect 1: (5 + 4 + 2)/3 = 3.667 → 66.67 %; other aspects all 4 → 75 %; overall (66.67 + 4 × 75)/5 = 73.33 %.
    assert 'id="overall-index">73,33 %' in page
    entry = AuditEntry.objects.filter(content_type__model="survey", object_id=str(survey_2024.pk), action="update").last()
    assert entry.changes["method"] == ["share_satisfied", "weighted_mean"]


# Who may not see the department's surveys does not learn that one exists (404, accounts.access.get_for).
@pytest.mark.parametrize(("person", "status"), [("mai", 200), ("manh", 200), ("hung", 404), ("lan", 404),
                                                ("khoa", 404)])
def test_who_sees_the_results(client_for, cast, survey_2024, person, status):
    assert client_for(getattr(cast, person)).get(reverse("surveys:detail", args=[survey_2024.pk])).status_code == status


def test_only_the_office_manages(client_for, cast, survey_2024):
    assert client_for(cast.manh).get(reverse("surveys:edit", args=[survey_2024.pk])).status_code == 403
    assert client_for(cast.manh).post(reverse("surveys:codes", args=[survey_2024.pk]), {"count": 2}).status_code == 403


def test_office_creates_a_survey_from_the_shipped_template(client_for, cast):
    actions.ensure_templates()  # shipped by a data migration; a browser test's flush may have removed them
    client = client_for(cast.mai)
    assert client.get(reverse("surveys:new")).status_code == 200
    template = Survey.objects.get(is_template=True, kind=Survey.Kind.SIPAS)
    response = client.post(reverse("surveys:new"), {
        "unit": cast.unit("vpdkdd").pk, "source": template.pk, "title": "Khảo sát SIPAS tại VPĐKĐĐ",
        "period_label": "6 tháng đầu năm 2025", "start_date": "01/01/2025", "end_date": "30/06/2025",
        "method": "share_satisfied", "target_percent": "90",
    })
    survey = Survey.objects.get(title="Khảo sát SIPAS tại VPĐKĐĐ")
    assert response["Location"] == reverse("surveys:detail", args=[survey.pk])
    assert survey.questions.count() == template.questions.count() and survey.unit.code == "vpdkdd"
    assert survey.start_date == date(2025, 1, 1)
    # Editing the copy leaves the template alone.
    question = survey.questions.first()
    client.post(reverse("surveys:question_edit", args=[question.pk]),
                {"aspect": 1, "order": 1, "text": "Nơi chờ có đủ ghế, quạt mát", "points": "1"})
    assert template.questions.first().text != "Nơi chờ có đủ ghế, quạt mát"
    assert survey.questions.filter(text="Nơi chờ có đủ ghế, quạt mát").exists()


def test_bad_survey_input_is_explained(client_for, cast, survey_2024):
    response = client_for(cast.mai).post(reverse("surveys:edit", args=[survey_2024.pk]), {
        "title": "x", "period_label": "2024", "start_date": "31/12/2024", "end_date": "01/01/2024", "status": "open",
        "method": "share_satisfied", "target_percent": "120",
    })
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ngày kết thúc phải sau ngày bắt đầu." in page and "Chỉ tiêu là một tỷ lệ từ 0 đến 100 %." in page


def test_answered_questions_cannot_be_deleted(client_for, cast, survey_2024):
    question = survey_2024.questions.first()
    client_for(cast.mai).post(reverse("surveys:question_edit", args=[question.pk]), {"delete": "1"})
    assert survey_2024.questions.filter(pk=question.pk).exists()


def test_suggestion_follow_up_is_audited_with_who_answered(client_for, cast, survey_2024):
    response = Response.objects.get(suggestion="Bãi giữ xe quá chật")
    client = client_for(cast.mai)
    client.post(reverse("surveys:follow_up", args=[response.pk]), {"status": "handling"})
    refused = client.post(reverse("surveys:follow_up", args=[response.pk]), {"status": "answered", "reply": ""})
    response.refresh_from_db()
    assert response.follow_up == "handling" and refused.status_code == 302
    client.post(reverse("surveys:follow_up", args=[response.pk]),
                {"status": "answered", "reply": "Đã bố trí thêm bãi xe phía sau Trung tâm."})
    response.refresh_from_db()
    assert response.follow_up == "answered" and response.replied_by == cast.mai
    changes = [e.changes for e in AuditEntry.objects.filter(content_type__model="response", object_id=str(response.pk),
                                                            action="update").order_by("pk")]
    assert changes[0]["follow_up"] == ["received", "handling"]
    assert changes[1]["follow_up"] == ["handling", "answered"] and changes[1]["replied_by"][1] == str(cast.mai)
    page = client.get(reverse("surveys:suggestions", args=[survey_2024.pk])).content.decode()
    assert "Đã bố trí thêm bãi xe" in page
    assert client_for(cast.manh).post(reverse("surveys:follow_up", args=[response.pk]),
                                      {"status": "received"}).status_code == 403


def test_counter_print_page_has_the_qr_of_the_public_link(client_for, cast, survey_2024):
    counter = survey_2024.counters.get()
    page = client_for(cast.mai).get(reverse("surveys:counter_print", args=[counter.pk])).content.decode()
    assert "<svg" in page and f"/surveys/a/{counter.token}/" in page


def test_codes_are_shown_once_and_stored_hashed(client_for, cast, survey_2024):
    client = client_for(cast.mai)
    page = client.post(reverse("surveys:codes", args=[survey_2024.pk]),
                       {"dossier_refs": "H04-0001\nH04-0002"}).content.decode()
    codes = [inv for inv in survey_2024.invitations.all()]
    assert len(codes) == 2 and page.count('class="code"') == 2 and "H04-0002" in page
    again = client.get(reverse("surveys:codes", args=[survey_2024.pk])).content.decode()
    assert 'class="code"' not in again


def test_metrics_feed_the_framework(cast, survey_2024):
    value = compute_metric("surveys.sipas_index", cast.department, date(2024, 1, 1), date(2024, 11, 30))
    assert value.value == Decimal("93.33") and "3 phiếu" in value.detail
    assert value.evidence_url == reverse("surveys:detail", args=[survey_2024.pk])
    aspect = compute_metric("surveys.sipas_aspect_1", cast.department, date(2024, 1, 1), date(2024, 11, 30))
    assert aspect.value == Decimal("66.67")
    assert compute_metric("surveys.sipas_index", cast.department, date(2025, 1, 1), date(2025, 11, 30)) is None
    assert compute_metric("surveys.sipas_index", cast.unit("stp"), date(2024, 1, 1), date(2024, 11, 30)) is None


def test_opinion_metric_from_the_18_items(cast):
    survey = make_survey(cast, kind=Survey.Kind.OPINION)
    assert survey.questions.count() == 18
    answer_all(survey, 5)
    answer_all(survey, 4)
    first = survey.questions.order_by("order").first()
    actions.submit_response(survey=survey, levels={first.pk: 2}, on=date(2024, 6, 3))
    # 17 items at 2/2 satisfied = 17 points; the first item 2/3 = 66.67 % → 0.667: 17.667/18 = 98.15 %.
    value = compute_metric("surveys.opinion_index", cast.department, date(2024, 1, 1), date(2024, 11, 30))
    assert value.value == Decimal("98.15") and value.detail.startswith("17.667/18")


def test_exports_hold_real_numbers_and_vietnamese_headers(client_for, cast, survey_2024):
    client = client_for(cast.mai)
    results = load_workbook(io.BytesIO(client.get(reverse("surveys:export_results", args=[survey_2024.pk])).content))
    sheet = results["Kết quả"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows.index(next(r for r in rows if r[0] == "Yếu tố"))
    assert rows[header][:3] == ("Yếu tố", "Chỉ số hài lòng", "Số ý kiến")
    assert rows[header + 1][1] == pytest.approx(0.6667) and rows[header + 1][2] == 9
    overall = next(r for r in rows if r[0] == "Chỉ số hài lòng chung")
    assert overall[1] == pytest.approx(0.9333) and overall[2] == 3
    answers = load_workbook(io.BytesIO(client.get(reverse("surveys:export_answers", args=[survey_2024.pk])).content))
    rows = list(answers["Phiếu trả lời"].iter_rows(values_only=True))
    assert rows[0][:2] == ("Số phiếu", "Ngày trả lời") and len(rows) == 4
    assert isinstance(rows[1][8], int)
    assert client_for(cast.khoa).get(reverse("surveys:export_answers", args=[survey_2024.pk])).status_code == 404


def test_the_plan_target_on_the_sipas_index_is_compared(client_for, cast, survey_2024):
    from plans.actions import add_target, create_plan_with_tasks

    plan = create_plan_with_tasks(by=cast.mai, issuing_unit=cast.department, appendices=[],
                                  header={"number": "05", "symbol": "KH-STNMT", "title": "Nâng cao PAR INDEX, SIPAS",
                                          "year": 2024})
    target = add_target(by=cast.mai, plan=plan, label="Mức độ hài lòng của người dân đạt trên 95 %", value=Decimal("95"),
                        metric_key="surveys.sipas_index", comparison="gt")
    page = client_for(cast.mai).get(reverse("surveys:detail", args=[survey_2024.pk])).content.decode()
    block = page.split(f'id="plan-target-{target.pk}"')[1].split("</div>")[0]
    assert "05/KH-STNMT" in block and "&gt; 95 %" in block and "chưa đạt chỉ tiêu" in block  # 93,33 % ≤ 95 %


def test_results_per_counter_and_per_question(client_for, cast, survey_2024):
    page = client_for(cast.mai).get(reverse("surveys:detail", args=[survey_2024.pk])).content.decode()
    counters = page.split('id="counters"')[1].split("</table>")[0]
    vpdkdd = counters.split("Quầy VPĐKĐĐ")[1].split("</tr>")[0]
    # The counter's two sheets: aspect 1 → 2/2 satisfied, all others 100 %: 100 %.
    assert ">2<" in vpdkdd and "100,00 %" in vpdkdd
    general = counters.split("Đường dẫn chung")[1].split("</tr>")[0]
    # The third sheet alone: aspect 1 at 0 %, the four others 100 %: 80 %.
    assert ">1<" in general and "80,00 %" in general
    first_question = page.split('id="question-table"')[1].split("<tbody>")[1].split("</tr>")[0]
    assert "66,67 %" in first_question


def test_codes_for_the_dossiers_received_in_a_window(client_for, cast, survey_2024):
    from datetime import UTC, datetime

    from dossiers.models import Dossier, Procedure

    procedure = Procedure.objects.create(code="1.004227", name="Đăng ký biến động quyền sử dụng đất")
    for day, code, unit in ((3, "H04-0603-01", "vpdkdd"), (4, "H04-0604-02", "qldd"), (20, "H04-0620-03", "vpdkdd"),
                            (5, "STP-0605-01", "stp")):
        Dossier.objects.create(code=code, procedure=procedure, handling_unit=cast.unit(unit), due_on=date(2024, 6, 30),
                               received_at=datetime(2024, 6, day, 2, tzinfo=UTC), received_on=date(2024, 6, day))
    client = client_for(cast.mai)
    url = reverse("surveys:codes", args=[survey_2024.pk])
    page = client.post(url, {"received_from": "01/06/2024", "received_to": "10/06/2024"}).content.decode()
    assert sorted(survey_2024.invitations.values_list("dossier_ref", flat=True)) == ["H04-0603-01", "H04-0604-02"]
    assert page.count('class="code"') == 2
    again = client.post(url, {"received_from": "01/06/2024", "received_to": "10/06/2024"}).content.decode()
    assert "Không có hồ sơ nào" in again and survey_2024.invitations.count() == 2
    wrong = client.post(url, {"received_from": "10/06/2024", "received_to": "01/06/2024"}).content.decode()
    assert "ngày sau không trước ngày đầu" in wrong


def test_results_in_a_date_window_and_who_answered(client_for, cast):
    survey = make_survey(cast)
    answer_all(survey, 5, on=date(2024, 3, 1), details={"gender": "Nữ"})
    answer_all(survey, 1, on=date(2024, 12, 10), details={"gender": "Nam"})
    client = client_for(cast.mai)
    url = reverse("surveys:detail", args=[survey.pk])
    assert 'id="overall-index">50,00 %' in client.get(url).content.decode()
    page = client.get(url, {"tu": "01/01/2024", "den": "30/11/2024"}).content.decode()
    assert 'id="overall-index">100,00 %' in page and "đến 30/11/2024" in page
    assert "Nữ: 1" in page and "Nam: 1" in page
    wrong = client.get(url, {"tu": "30/11/2024", "den": "01/01/2024"})
    assert wrong.status_code == 200 and "Ngày cuối không được trước ngày đầu." in wrong.content.decode()
    assert client.get(url, {"tu": "ngày xưa"}).status_code == 200


def test_opinion_survey_page_shows_points_per_item(client_for, cast):
    survey = make_survey(cast, kind=Survey.Kind.OPINION)
    answer_all(survey, 5)
    answer_all(survey, 4)
    first = survey.questions.order_by("order").first()
    actions.submit_response(survey=survey, levels={first.pk: 2}, on=date(2024, 6, 3))
    page = client_for(cast.manh).get(reverse("surveys:detail", args=[survey.pk])).content.decode()
    assert 'id="opinion-points">17,667/18<' in page
    first_row = page.split('id="question-table"')[1].split("<tbody>")[1].split("</tr>")[0]
    assert "0,667/1" in first_row and "66,67 %" in first_row
