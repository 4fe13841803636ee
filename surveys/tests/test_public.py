"""Answering without log-in: the page, the checks that hold off scripts, one-time codes; nothing who answered is kept."""

import re

import pytest
import time_machine
from django.urls import reverse

from audit.models import AuditEntry
from surveys import actions
from surveys.models import Answer, Invitation, Response, Survey
from surveys.tests.builders import filled, make_survey, open_and_answer


@pytest.fixture(autouse=True)
def _limits(settings, db):
    settings.CCHC_SURVEY_MIN_FILL_SECONDS = 3
    settings.CCHC_SURVEY_RATE_LIMIT = "20/3600"
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def counter(cast):
    survey = make_survey(cast)
    return actions.add_counter(by=cast.mai, survey=survey, name="Quầy Sở TN&MT – Trung tâm Phục vụ hành chính công")


def test_public_page_is_small_accessible_and_needs_no_login(client, counter):
    response = client.get(reverse("surveys:answer", args=[counter.token]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "<script" not in page and "htmx" not in page and 'rel="stylesheet"' not in page
    assert page.count("<fieldset") >= 17 and "<legend>" in page
    assert "Rất không hài lòng" in page and "Không có ý kiến" in page and "Tiếp cận dịch vụ" in page
    assert len(response.content) < 60_000
    compressed = client.get(reverse("surveys:answer", args=[counter.token]), HTTP_ACCEPT_ENCODING="gzip")
    assert compressed["Content-Encoding"] == "gzip" and len(compressed.content) < 8_000


def test_a_citizen_answers_and_only_the_answers_are_kept(client, counter):
    survey = counter.survey
    url = reverse("surveys:answer", args=[counter.token])
    response = open_and_answer(client, url, survey, suggestion="Cần thêm ghế chờ tại quầy.", gender="Nữ",
                                address="10.1.2.3")
    assert response.status_code == 302 and response["Location"] == reverse("surveys:thanks")
    stored = Response.objects.get()
    assert stored.counter == counter and stored.gender == "Nữ" and stored.follow_up == Response.FollowUp.RECEIVED
    assert stored.submitted_on.isoformat() == "2024-06-03"
    assert Answer.objects.filter(response=stored).count() == survey.questions.count()
    entry = AuditEntry.objects.get(content_type__model="response", object_id=str(stored.pk), action="create")
    assert entry.user is None and "10.1.2.3" not in str(entry.changes) + entry.note


def test_a_missing_answer_keeps_the_others(client, counter):
    survey = counter.survey
    url = reverse("surveys:answer", args=[counter.token])
    first, second = survey.questions.all()[:2]
    with time_machine.travel("2024-06-03 09:00 +0700", tick=False) as clock:
        page = client.get(url).content.decode()
        clock.shift(30)
        data = filled(survey, page, level="5", suggestion="Giữ lại góp ý này")
        del data[f"q{first.pk}"]
        response = client.post(url, data)
    page = response.content.decode()
    assert response.status_code == 200 and Response.objects.count() == 0
    assert "Xin Ông/Bà chọn một mức đánh giá cho câu này." in page
    assert re.search(rf'name="q{second.pk}" value="5"[^>]*checked', page), "the answers given stay ticked"
    assert not re.search(rf'name="q{first.pk}" value="\d"[^>]*checked', page)
    assert f'href="#f-q{first.pk}"' in page, "a link leads to the first question to fix"
    assert "Giữ lại góp ý này" in page


def test_a_form_sent_too_fast_is_held_but_answers_kept(client, counter):
    survey = counter.survey
    url = reverse("surveys:answer", args=[counter.token])
    page = client.get(url).content.decode()
    response = client.post(url, filled(survey, page, suggestion="nhanh quá"))
    assert response.status_code == 200 and Response.objects.count() == 0
    assert "quá nhanh" in response.content.decode() and "nhanh quá" in response.content.decode()


def test_a_forged_token_is_refused(client, counter):
    survey = counter.survey
    url = reverse("surveys:answer", args=[counter.token])
    page = client.get(url).content.decode()
    data = filled(survey, page)
    data["form_token"] = "giả-mạo"
    response = client.post(url, data)
    assert response.status_code == 200 and Response.objects.count() == 0


def test_the_honeypot_stores_nothing_but_looks_the_same(client, counter):
    response = open_and_answer(client, reverse("surveys:answer", args=[counter.token]), counter.survey,
                                website="http://spam.example")
    assert response.status_code == 302 and Response.objects.count() == 0


def test_rate_limit_per_client_and_lifted_by_setting(client, counter, settings):
    settings.CCHC_SURVEY_RATE_LIMIT = "2/3600"
    url = reverse("surveys:answer", args=[counter.token])
    codes = [open_and_answer(client, url, counter.survey).status_code for _ in range(3)]
    assert codes == [302, 302, 429] and Response.objects.count() == 2
    other = open_and_answer(client, url, counter.survey, address="10.9.9.9")
    assert other.status_code == 302, "another client is not held by the first one's limit"
    settings.CCHC_SURVEY_RATE_LIMIT = "0"
    assert open_and_answer(client, url, counter.survey).status_code == 302
    assert Response.objects.count() == 4


def test_behind_a_reverse_proxy_each_citizen_has_their_own_limit(client, counter, settings):
    settings.CCHC_SURVEY_RATE_LIMIT = "1/3600"
    settings.CCHC_PROXY_COUNT = 1
    url = reverse("surveys:answer", args=[counter.token])
    proxy = "127.0.0.1"
    assert open_and_answer(client, url, counter.survey, address=proxy, forwarded="203.0.113.7").status_code == 302
    assert open_and_answer(client, url, counter.survey, address=proxy, forwarded="203.0.113.8").status_code == 302
    again = open_and_answer(client, url, counter.survey, address=proxy, forwarded="203.0.113.7")
    assert again.status_code == 429, "the same citizen is held although the proxy's address is shared"
    forged = open_and_answer(client, url, counter.survey, address=proxy, forwarded="198.51.100.1, 203.0.113.7")
    assert forged.status_code == 429, "an address the citizen wrote into the header is not trusted"
    assert Response.objects.count() == 2


def test_the_limit_is_counted_in_the_shared_database(client, counter, settings):
    """Every gunicorn worker must see the same count, so the limit lives in a database table."""
    from surveys.models import RateWindow

    settings.CCHC_SURVEY_RATE_LIMIT = "1/3600"
    url = reverse("surveys:answer", args=[counter.token])
    assert open_and_answer(client, url, counter.survey).status_code == 302
    assert RateWindow.objects.get().count == 1
    assert open_and_answer(client, url, counter.survey).status_code == 429
    assert RateWindow.objects.get().count == 2


def test_one_time_code_answers_exactly_one_dossier_once(client, cast):
    survey = make_survey(cast)
    [(invitation, code)] = actions.create_codes(by=cast.mai, survey=survey, dossier_refs=["000.00.19.H04-240603-0012"])
    assert code not in invitation.code_hash and Invitation.objects.get().dossier_ref == "000.00.19.H04-240603-0012"
    url = reverse("surveys:answer_code", args=[code])
    with time_machine.travel("2024-06-03 09:00 +0700", tick=False) as clock:
        # The same code opened in two tabs: the first sheet sent counts, the second finds the code used.
        first_tab, second_tab = client.get(url).content.decode(), client.get(url).content.decode()
        clock.shift(60)
        assert client.post(url, filled(survey, first_tab)).status_code == 302
        late = client.post(url, filled(survey, second_tab))
    assert late.status_code == 200 and "đã được dùng" in late.content.decode()
    stored = Response.objects.get()
    assert stored.channel == Response.Channel.CODE
    again = client.get(url)
    assert again.status_code == 200 and "đã được dùng" in again.content.decode()
    assert Response.objects.count() == 1


def test_code_entry_page_accepts_spaces_and_lower_case(client, cast):
    survey = make_survey(cast)
    [(_, code)] = actions.create_codes(by=cast.mai, survey=survey, count=1)
    typed = f"{code[:4].lower()} {code[4:].lower()}"
    response = client.post(reverse("surveys:code"), {"code": typed})
    assert response["Location"] == reverse("surveys:answer_code", args=[code])
    assert client.get(response["Location"]).status_code == 200


def test_wrong_code_and_unknown_link_answer_kindly(client, cast):
    assert client.get(reverse("surveys:answer_code", args=["KHONGCO"])).status_code == 404
    assert client.get(reverse("surveys:answer", args=["khong-co"])).status_code == 404


def test_surveys_needing_a_code_send_the_public_link_to_the_code_page(client, cast):
    survey = make_survey(cast, require_code=True)
    response = client.get(reverse("surveys:answer", args=[survey.token]))
    assert response.status_code == 302 and response["Location"] == reverse("surveys:code")


def test_closed_survey_and_templates_take_no_answers(client, cast):
    closed = make_survey(cast, status=Survey.Status.CLOSED)
    assert client.get(reverse("surveys:answer", args=[closed.token])).status_code == 410
    template = Survey.objects.filter(is_template=True).first()
    assert client.get(reverse("surveys:answer", args=[template.token])).status_code == 404


@pytest.mark.parametrize("junk", [
    {"q1": "9"}, {"q1": "'; DROP TABLE x"}, {"form_token": "x" * 5000}, {"suggestion": "x" * 5000}, {"gender": "??"},
])
def test_junk_never_gives_a_server_error(client, counter, junk):
    url = reverse("surveys:answer", args=[counter.token])
    page = client.get(url).content.decode()
    data = filled(counter.survey, page)
    data.update(junk)
    assert client.post(url, data).status_code in (200, 302)


def test_officials_answer_the_opinion_survey_once_with_their_log_in(client_for, cast):
    survey = make_survey(cast, kind=Survey.Kind.OPINION, require_code=True)
    client = client_for(cast.lan)
    url = reverse("surveys:answer_logged_in", args=[survey.pk])
    assert open_and_answer(client, url, survey, level="5").status_code == 302
    stored = Response.objects.get()
    assert stored.channel == Response.Channel.LOGIN and stored.answers.count() == 18
    assert client.get(url).status_code == 302 and Response.objects.count() == 1


def test_an_outsider_cannot_answer_with_a_log_in(client_for, cast):
    survey = make_survey(cast, kind=Survey.Kind.OPINION)
    assert client_for(cast.khoa).get(reverse("surveys:answer_logged_in", args=[survey.pk])).status_code == 403


def test_a_code_claimed_in_between_is_refused_inside_the_transaction(cast):
    survey = make_survey(cast)
    [(invitation, _)] = actions.create_codes(by=cast.mai, survey=survey, count=1)
    levels = {q.pk: 5 for q in survey.questions.all()}
    actions.submit_response(survey=survey, levels=levels, invitation=invitation)
    # `invitation` is now stale (used_at still None in memory), as in a request that read it before the other one wrote.
    with pytest.raises(actions.AlreadyAnswered):
        actions.submit_response(survey=survey, levels=levels, invitation=invitation)
    assert Response.objects.count() == 1


def test_public_page_queries_do_not_grow_with_questions_or_answers(client, cast, django_assert_max_num_queries):
    survey = make_survey(cast)
    counter = actions.add_counter(by=cast.mai, survey=survey, name="Quầy một cửa")
    url = reverse("surveys:answer", args=[counter.token])
    with django_assert_max_num_queries(3) as small:
        client.get(url)
    baseline = len(small.captured_queries)  # read now: each request resets the query log
    for i in range(10):
        actions.save_question(by=cast.mai, survey=survey, aspect=3, order=100 + i, text=f"Câu bổ sung {i}")
    for _ in range(5):
        open_and_answer(client, url, survey, address=f"10.0.0.{_ + 2}")
    with django_assert_max_num_queries(baseline):
        assert "Câu bổ sung 9" in client.get(url).content.decode()


def test_a_double_tap_or_replayed_form_is_stored_once(client, counter):
    survey = counter.survey
    url = reverse("surveys:answer", args=[counter.token])
    with time_machine.travel("2024-06-03 09:00 +0700", tick=False) as clock:
        data = filled(survey, client.get(url).content.decode())
        clock.shift(20)
        first, second = client.post(url, data), client.post(url, data)
        clock.shift(3600)
        replay = client.post(url, data)
    assert [r.status_code for r in (first, second, replay)] == [302, 302, 302]
    assert second["Location"] == reverse("surveys:thanks")
    assert Response.objects.count() == 1


def test_two_people_served_in_the_same_instant_are_both_stored(client, counter):
    url = reverse("surveys:answer", args=[counter.token])
    with time_machine.travel("2024-06-03 09:00 +0700", tick=False) as clock:
        one, two = client.get(url).content.decode(), client.get(url).content.decode()
        clock.shift(30)
        assert client.post(url, filled(counter.survey, one)).status_code == 302
        assert client.post(url, filled(counter.survey, two, level="2")).status_code == 302
    assert Response.objects.count() == 2


@pytest.mark.parametrize(("raw", "expected"), [("60/3600", (60, 3600)), ("0", (0, 3600)), ("5/60", (5, 60))])
def test_rate_limit_setting(settings, raw, expected):
    from surveys.guard import rate_limit

    settings.CCHC_SURVEY_RATE_LIMIT = raw
    assert rate_limit() == expected


def test_a_sheet_is_stored_in_the_same_few_statements_however_many_questions(client, cast):
    """Lookup, questions, rate count, then one transaction: form claim, response, answers (one INSERT), audit."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def statements(extra_questions: int) -> list[str]:
        survey = make_survey(cast)
        for i in range(extra_questions):
            actions.save_question(by=cast.mai, survey=survey, aspect=3, order=100 + i, text=f"Câu bổ sung {i}")
        url = reverse("surveys:answer", args=[actions.add_counter(by=cast.mai, survey=survey, name="Quầy").token])
        with time_machine.travel("2024-06-03 09:00 +0700", tick=False) as clock:
            data = filled(survey, client.get(url).content.decode())
            clock.shift(20)
            with CaptureQueriesContext(connection) as queries:
                assert client.post(url, data).status_code == 302
        return [q["sql"].split()[0].upper() for q in queries.captured_queries]

    statements(0)  # the audit's content type is looked up once per process
    few, many = statements(0), statements(12)
    assert few == many
    # The test runs in a transaction, so the sheet's own is a savepoint: one, and no other around the form claim.
    assert few.count("SAVEPOINT") == 1 and few.count("INSERT") == 5, few
