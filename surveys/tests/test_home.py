"""The home page block lists open surveys with their index for those who follow them."""

from django.urls import reverse

from surveys.tests.builders import answer_all, make_survey


def test_home_shows_open_surveys_to_the_office_not_to_a_specialist(client_for, cast):
    survey = make_survey(cast, period="Năm 2024")
    answer_all(survey, 5)
    page = client_for(cast.mai).get(reverse("core:home")).content.decode()
    assert "Khảo sát đang nhận phiếu" in page and "100,00 %" in page
    assert "Khảo sát đang nhận phiếu" not in client_for(cast.lan).get(reverse("core:home")).content.decode()


def test_officials_find_the_opinion_survey_to_answer_until_they_did(client_for, cast):
    from surveys.models import Survey
    from surveys.tests.builders import open_and_answer

    survey = make_survey(cast, kind=Survey.Kind.OPINION)
    client = client_for(cast.lan)
    home = client.get(reverse("core:home")).content.decode()
    assert "Phiếu lấy ý kiến chờ Anh/Chị trả lời" in home
    assert reverse("surveys:answer_logged_in", args=[survey.pk]) in home
    open_and_answer(client, reverse("surveys:answer_logged_in", args=[survey.pk]), survey, level="5")
    assert "Phiếu lấy ý kiến chờ Anh/Chị trả lời" not in client.get(reverse("core:home")).content.decode()
    assert "Phiếu lấy ý kiến chờ Anh/Chị trả lời" not in client_for(cast.khoa).get(reverse("core:home")).content.decode()
