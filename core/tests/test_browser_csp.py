"""The main pages work under the Content-Security-Policy: Chromium reports no refusal (no inline script, handler or
style attribute left) and what the pages draw with the allowed means (charts' nonce'd styles) still applies."""

from datetime import date
from pathlib import Path

import pytest
import time_machine

from dashboards import actions as dashboard_actions
from dashboards.models import Publication
from dashboards.tests.builders import TODAY, load_assessments, make_dossiers, make_plan, make_sipas
from surveys import actions as survey_actions

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WATCH = Path(__file__).with_name("csp_watch.js")


@pytest.fixture
def department_year(cast):
    with time_machine.travel(TODAY, tick=True):
        frameworks = load_assessments(cast)
        plan = make_plan(cast)
        survey = make_sipas(cast)
        make_dossiers(cast.unit("vpdkdd"), [(date(2024, 1, 1), 10, 1), (date(2024, 2, 1), 5, 2)])
        yield {"frameworks": frameworks, "plan": plan, "survey": survey}


def watch(page) -> list[str]:
    """Console messages about the policy, and the violation events the init script collects."""
    seen: list[str] = []
    page.on("console", lambda message: seen.append(message.text) if "Content Security Policy" in message.text else None)
    page.add_init_script(path=str(WATCH))
    return seen


def visit(page, url: str, console: list[str]) -> None:
    response = page.goto(url)
    assert response.ok, f"{url}: {response.status}"
    policy = response.header_value("content-security-policy") or ""
    assert "script-src 'self'" in policy and "object-src 'none'" in policy, url
    page.wait_for_load_state("load")
    violations = page.evaluate("window.__cspViolations")
    assert not violations and not console, f"{url}: {violations or console}"


def test_main_pages_raise_no_policy_violation(department_year, cast, page, login_as, live_server):
    from assessments.models import Assessment

    data = department_year
    console = watch(page)
    counter = survey_actions.add_counter(by=cast.mai, survey=data["survey"], name="Quầy Sở TN&MT")
    publication = dashboard_actions.publish(by=cast.mai, kind=Publication.Kind.ASSESSMENT,
                                            target=data["frameworks"]["internal"])
    assessment = Assessment.objects.filter(unit=cast.department).order_by("-framework__year").first()
    base = live_server.url

    visit(page, f"{base}/accounts/login/", console)
    visit(page, f"{base}/surveys/a/{counter.token}/", console)
    visit(page, f"{base}/public/", console)
    visit(page, f"{base}/public/{publication.pk}/", console)
    with time_machine.travel(TODAY, tick=True):
        login_as(cast.mai)
        for path in ("/", f"/plans/{data['plan'].pk}/", f"/assessments/{assessment.pk}/", "/dashboards/",
                     "/dossiers/", f"/surveys/{data['survey'].pk}/", f"/surveys/counters/{counter.pk}/print/",
                     "/org/", f"/frameworks/{data['frameworks']['internal'].pk}/"):
            visit(page, f"{base}{path}", console)
        # What the policy must not break: the language menu's script, and the charts' own styles (the nonce).
        page.goto(f"{base}/dashboards/")
        bar = page.locator("figure[data-chart] svg .plot .background").first
        assert bar.evaluate("e => getComputedStyle(e).fill") == "rgb(255, 255, 255)", "pygal's stylesheet applies"
        page.select_option("#lang", "en")
        page.wait_for_selector("html[lang=en]")
    violations = page.evaluate("window.__cspViolations")
    assert not violations and not console, violations or console
