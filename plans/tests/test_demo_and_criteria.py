"""The demo loads twice without duplicates; tasks link to the criteria they serve."""

import pytest
import time_machine

from frameworks import demo as frameworks_demo
from plans import demo
from plans.models import Extension, Plan, Task, TaskUpdate
from plans.tests.builders import make_plan, make_task
from workdays import demo as workdays_demo
from workdays.models import DayOverride


def _context(cast):
    people = {name: getattr(cast, name) for name in ("lan", "hung", "mai", "thu", "manh", "admin", "khoa")}
    context = {"units": cast.units, "people": people}
    frameworks_demo.load(context)
    return context


@pytest.mark.dates
@time_machine.travel("2026-11-23 08:00 +07:00", tick=False)
def test_demo_is_idempotent_and_holds_the_seed_plan(cast):
    for _ in range(2):
        workdays_demo.load(_context(cast))
        demo.load(_context(cast))
    # The cast has no Khánh Hòa: the seed department's 2024 plan and its plan of the current year.
    assert sorted(Plan.objects.values_list("year", flat=True)) == [2024, 2026]
    assert DayOverride.objects.count() == len(workdays_demo.OVERRIDES)
    seed = Plan.objects.get(year=2024)
    assert sorted(set(seed.sections.values_list("appendix_number", flat=True))) == ["1", "2", "3"]
    assert seed.sections.filter(appendix_number="1").count() == 7
    assert seed.tasks.filter(is_heading=False).count() == 116
    unresolved = seed.tasks.filter(is_heading=False, lead_units__isnull=True).exclude(lead_text="")
    assert not unresolved.exists(), list(unresolved.values_list("code", "lead_text"))
    relative = seed.tasks.get(deadline_text="Trong thời hạn 20 ngày kể từ khi nhận được văn bản.")
    assert relative.event_date is not None and relative.due_date is not None
    assert Extension.objects.filter(status="pending").exists()
    assert Task.objects.filter(plan__year=2026, due_date__lt="2026-11-23", status="not_started").exists()
    assert TaskUpdate.objects.filter(kind="contribution").exists()
    assert Task.objects.filter(criteria__isnull=False).exists(), "appendix 2 rows linked to the framework's criteria"


def test_office_links_a_task_to_criteria(cast, client_for):
    from frameworks.models import Criterion, Framework

    framework = Framework.objects.create(year=2026, title="Bộ chỉ số CCHC năm 2026", owner=cast.province)
    criterion = Criterion.objects.create(framework=framework, code="1.2",
                                         title="Thực hiện mệnh lệnh hành chính cấp trên")
    task = make_task(cast, make_plan(cast), lead="qldd")
    assert client_for(cast.lan).post(f"/plans/nhiem-vu/{task.pk}/tieu-chi/",
                                     {"criteria": [criterion.pk]}).status_code == 403
    client_for(cast.mai).post(f"/plans/nhiem-vu/{task.pk}/tieu-chi/", {"criteria": [criterion.pk]})
    assert list(task.criteria.all()) == [criterion]
    page = client_for(cast.lan).get(f"/plans/nhiem-vu/{task.pk}/").content.decode()
    assert "Thực hiện mệnh lệnh hành chính cấp trên" in page
