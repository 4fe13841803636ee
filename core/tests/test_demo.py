"""`make demo` loads the demo on every run: the second run must neither fail nor duplicate anything."""

import pytest
from django.apps import apps
from django.core.management import call_command

from accounts.demo import DEMO_PASSWORD, PEOPLE
from org.models import ReorgEvent, Unit

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()
            if model._meta.app_label not in ("sessions", "axes", "admin", "contenttypes")}


def test_demo_loads_twice_without_duplicates(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    first = row_counts()
    call_command("load_demo", stdout=open("/dev/null", "w"))
    second = row_counts()

    assert {label: (first[label], second[label]) for label in first if first[label] != second[label]} == {}
    # Every app put something in: the demo shows each part of the cycle.
    for label in ("frameworks.Framework", "assessments.Assessment", "plans.Plan", "plans.Task", "dossiers.Dossier",
                  "surveys.Survey", "org.ReorgEvent"):
        assert first.get(label, 0) > 0, label

    # Each demo person logs in with the printed password.
    for username, *_ in PEOPLE:
        response = client.post("/accounts/login/", {"username": username, "password": DEMO_PASSWORD})
        assert response.status_code == 302, username
        client.post("/accounts/logout/")


def test_demo_records_the_2025_merge_and_the_units_list_shows_it(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    event = ReorgEvent.objects.get(kind=ReorgEvent.Kind.MERGE)
    information = Unit.objects.get(code="stttt")
    assert information.dissolved_on == event.effective_date
    assert [unit.code for unit in information.successors()] == ["skhcn"]

    client.force_login(Unit.objects.get(code="vp").people.get(username="mai"))
    page = client.get("/org/").content.decode()
    assert "Sở Thông tin và Truyền thông" in page and "Sở Khoa học và Công nghệ" in page
    assert "01/03/2025" in page
