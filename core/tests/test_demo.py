"""`make demo` loads the demo on every run: the second run must neither fail nor duplicate anything; and whatever day
it runs, the demo holds a live cycle of the current year beside the seed years."""

import io
from datetime import date, timedelta

import pytest
import time_machine
from django.apps import apps
from django.core.management import call_command
from django.db import transaction

from accounts.demo import DEMO_PASSWORD, KHANH_HOA_PEOPLE, PEOPLE
from org.models import ReorgEvent, Unit

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()
            if model._meta.app_label not in ("sessions", "axes", "admin", "contenttypes")}


def load_demo():
    call_command("load_demo", stdout=io.StringIO())


@pytest.mark.dates
@time_machine.travel("2026-11-23 09:00 +07:00", tick=True)
def test_demo_loads_twice_without_duplicates(client):
    load_demo()
    first = row_counts()
    load_demo()
    second = row_counts()

    assert {label: (first[label], second[label]) for label in first if first[label] != second[label]} == {}
    # Every app put something in: the demo shows each part of the cycle.
    for label in ("frameworks.Framework", "assessments.Assessment", "plans.Plan", "plans.Task", "dossiers.Dossier",
                  "surveys.Survey", "org.ReorgEvent"):
        assert first.get(label, 0) > 0, label

    # Each demo person logs in with the printed password.
    for username, *_ in [*PEOPLE, *KHANH_HOA_PEOPLE]:
        response = client.post("/accounts/login/", {"username": username, "password": DEMO_PASSWORD})
        assert response.status_code == 302, username
        client.post("/accounts/logout/")


@pytest.mark.dates
@time_machine.travel("2026-11-23 09:00 +07:00", tick=True)
def test_demo_records_the_2025_merge_and_the_units_list_shows_it(client):
    load_demo()
    event = ReorgEvent.objects.get(kind=ReorgEvent.Kind.MERGE)
    information = Unit.objects.get(code="stttt")
    assert information.dissolved_on == event.effective_date
    assert [unit.code for unit in information.successors()] == ["skhcn"]

    client.force_login(Unit.objects.get(code="vp").people.get(username="mai"))
    page = client.get("/org/").content.decode()
    assert "Sở Thông tin và Truyền thông" in page and "Sở Khoa học và Công nghệ" in page
    assert "01/03/2025" in page


def assert_live_year(today: date):
    """What a newcomer finds on `today`: the current year's cycle under way, the seed years as history."""
    from assessments.models import Assessment
    from dossiers.models import Dossier
    from frameworks.models import Framework
    from plans.models import Extension, Notification, Plan, Task
    from plans.reminders import record_notifications
    from surveys.models import Survey

    year = today.year
    framework = Framework.objects.get(year=year, level=Framework.Level.DEPARTMENTS, owner__code="ubnd-brvt")
    assert framework.copied_from.year < year and framework.criteria.count() == framework.copied_from.criteria.count()

    own = Assessment.objects.get(framework=framework, unit__code="stnmt")
    assert own.phase == Assessment.Phase.SELF_ASSESSMENT and own.self_deadline >= today
    scored = own.scores.filter(self_score__isnull=False).count()
    assert 0 < scored < own.scores.count(), "some items scored, the rest still to do"
    returned = Assessment.objects.get(framework__year=year, framework__level=Framework.Level.INTERNAL,
                                      phase=Assessment.Phase.RETURNED)
    assert returned.scores.filter(returned=True).count() == 1

    plan = Plan.objects.get(issuing_unit__code="stnmt", year=year, status=Plan.Status.ISSUED, number="08")
    tasks = list(plan.tasks.filter(is_heading=False))
    open_states = (Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS)
    done = [t for t in tasks if t.status == Task.Status.DONE and t.completed_on < today]
    overdue = [t for t in tasks if t.status in open_states and t.effective_due and t.effective_due < today]
    week_end = today + timedelta(days=6 - today.weekday())
    this_week = [t for t in tasks if t.status in open_states and t.effective_due
                 and today <= t.effective_due <= week_end]
    later = [t for t in tasks if t.effective_due and t.effective_due > week_end]
    assert len(done) >= 2 and len(overdue) >= 2 and len(this_week) >= 2 and len(later) >= 2
    assert Extension.objects.filter(task__plan=plan, status=Extension.Status.PENDING).exists()
    assert not Task.objects.filter(plan__year__lt=year, status__in=open_states, due_date__lt=date(year, 1, 1)) \
        .exclude(lead_units__isnull=True).exists(), "no task of an earlier year is left overdue"

    survey = Survey.objects.get(unit__code="stnmt", period_label=f"Năm {year}", is_template=False)
    assert survey.status == Survey.Status.OPEN and survey.responses.count() >= 40
    assert max(survey.responses.values_list("submitted_on", flat=True)) <= today

    yesterday = today - timedelta(days=1)
    assert Dossier.objects.filter(received_on__year=year).exists()
    assert not Dossier.objects.filter(received_on__gt=yesterday).exists()
    assert not Dossier.objects.filter(settled_on__gt=yesterday).exists()

    with transaction.atomic():
        assert record_notifications(today) > 0, "reminders to send today"
        kinds = set(Notification.objects.filter(day=today).values_list("kind", flat=True))
        transaction.set_rollback(True)
    assert {Notification.Kind.DUE_SOON, Notification.Kind.OVERDUE} <= kinds


@pytest.mark.dates
def test_the_demo_is_alive_in_the_current_year_and_again_a_year_later():
    with time_machine.travel("2026-12-01 09:30 +07:00", tick=False):
        load_demo()
        assert_live_year(date(2026, 12, 1))
    with time_machine.travel("2027-12-01 09:30 +07:00", tick=False):
        load_demo()  # the same database, a year on: `make demo` run again
        assert_live_year(date(2027, 12, 1))


@pytest.mark.dates
@time_machine.travel("2028-02-29 09:30 +07:00", tick=False)
def test_the_demo_is_alive_early_in_a_leap_year():
    load_demo()
    assert_live_year(date(2028, 2, 29))
