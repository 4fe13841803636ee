"""What inspections measure for plan targets and criteria: the share of units inspected in the year ("kiểm tra ít
nhất 50 % đơn vị") and the share of fixes carried out."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine

from frameworks.metrics import compute_metric, metric_choices
from inspections import actions
from inspections.tests.builders import TODAY, make_fix, make_inspection, make_plan

pytestmark = [pytest.mark.django_db, pytest.mark.dates]
YEAR = (date(2026, 1, 1), date(2026, 12, 31))


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(TODAY, tick=False):
        yield


def test_both_figures_are_offered_to_targets_and_criteria():
    keys = dict(metric_choices())
    assert keys["inspections.inspected_share"] == "Tỷ lệ đơn vị trực thuộc được kiểm tra CCHC trong năm (%)"
    assert "inspections.fixes_done_share" in keys


def test_the_share_of_units_inspected_counts_each_unit_once_and_only_inspections_held(cast):
    plan = make_plan(cast)
    for code in ("ttcntt", "qldd", "vpdkdd", "ttkt", "ttqt"):
        make_inspection(cast, plan, code, actual=date(2026, 10, 5))
    make_inspection(cast, plan, "ttcntt", actual=date(2026, 11, 2), kind="unannounced")  # the same unit again
    make_inspection(cast, plan, "khtc", actual=None, planned_date=date(2026, 12, 10))  # not held yet
    value = compute_metric("inspections.inspected_share", cast.department, *YEAR)
    assert value.value == Decimal("45.45") and value.detail == "5/11 đơn vị đã được kiểm tra CCHC"
    assert value.evidence_url == "/inspections/?unit=stnmt&year=2026"
    make_inspection(cast, plan, "ttptqd", actual=date(2026, 11, 20), kind="unannounced")
    assert compute_metric("inspections.inspected_share", cast.department, *YEAR).value == Decimal("54.55")
    # The window is the criterion's: inspections after its end do not count.
    assert compute_metric("inspections.inspected_share", cast.department, date(2026, 1, 1),
                          date(2026, 10, 31)).value == Decimal("45.45")


def test_a_unit_without_units_under_it_has_no_share(cast):
    assert compute_metric("inspections.inspected_share", cast.unit("qldd"), *YEAR) is None


def test_the_share_of_fixes_carried_out(cast):
    plan = make_plan(cast)
    first = make_fix(cast, make_inspection(cast, plan, "ttcntt"))
    make_fix(cast, make_inspection(cast, plan, "qldd"))
    assert compute_metric("inspections.fixes_done_share", cast.department, *YEAR).value == 0
    actions.report_fix(first, by=cast.hung, note="Đã khắc phục.")
    assert compute_metric("inspections.fixes_done_share", cast.department, *YEAR).value == 0, "reported ≠ done"
    actions.verify_fix(first, by=cast.mai, accept=True)
    value = compute_metric("inspections.fixes_done_share", cast.department, *YEAR)
    assert value.value == 50 and value.detail == "1/2 yêu cầu khắc phục sau kiểm tra đã hoàn thành"
    assert compute_metric("inspections.fixes_done_share", cast.unit("ttcntt"), *YEAR).value == 100
    assert compute_metric("inspections.fixes_done_share", cast.unit("ttkt"), *YEAR) is None


def test_a_plan_target_measures_the_share_of_units_inspected(cast, client_for):
    """The seed's target as a plan target: "kiểm tra ít nhất 50 % đơn vị", measured on the plan's page."""
    from plans.actions import add_target
    from plans.tests.builders import make_plan as make_cchc_plan

    cchc_plan = make_cchc_plan(cast)
    add_target(by=cast.mai, plan=cchc_plan, label="Kiểm tra CCHC ít nhất 50 % đơn vị trực thuộc",
               metric_key="inspections.inspected_share", comparison="gte", value=Decimal(50))
    plan = make_plan(cast)
    for code in ("ttcntt", "qldd", "vpdkdd", "ttkt", "ttqt", "ttptqd"):
        make_inspection(cast, plan, code, actual=date(2026, 10, 5))
    page = client_for(cast.mai).get(f"/plans/{cchc_plan.pk}/").content.decode()
    assert "6/11 đơn vị đã được kiểm tra CCHC" in page
