"""The Content-Security-Policy: every response carries it, and no template needs what it refuses (inline scripts,
on…= handlers, style="…" attributes, <style> without the response's nonce)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from dashboards import charts
from surveys import actions as survey_actions
from surveys.tests.builders import make_survey

ROOT = Path(settings.BASE_DIR)
DIRECTIVES = {
    "default-src": "'self'", "script-src": "'self'", "img-src": "'self' data:", "object-src": "'none'",
    "base-uri": "'self'", "form-action": "'self'", "frame-ancestors": "'none'",
}


def templates() -> list[Path]:
    found = [p for p in ROOT.glob("**/templates/**/*.html") if ".venv" not in p.parts and "node_modules" not in p.parts]
    assert len(found) > 50
    return found


REFUSED = [
    (re.compile(r"""\sstyle\s*=\s*["']""", re.I), "a style=\"…\" attribute: use a class"),
    (re.compile(r"""<[a-z][^>]*\son[a-z]+\s*=""", re.I), "an on…= handler: bind it in a static script"),
    (re.compile(r"""\shx-on[:-]""", re.I), "an hx-on handler (evaluated code): bind it in a static script"),
    (re.compile(r"""<script(?![^>]*\ssrc=)[^>]*>""", re.I), "an inline <script>: load a static file"),
    (re.compile(r"""<style(?![^>]*\snonce=)[^>]*>""", re.I), "a <style> without the nonce: move it to a .css file"),
    (re.compile(r"""javascript:""", re.I), "a javascript: link"),
]


def test_no_template_needs_what_the_policy_refuses():
    problems = []
    for path in templates():
        text = path.read_text(encoding="utf-8")
        for pattern, why in REFUSED:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                problems.append(f"{path.relative_to(ROOT)}:{line}: {why}")
    assert not problems, "\n".join(problems)


def policy(response) -> dict[str, str]:
    header = response.headers.get("Content-Security-Policy", "")
    return dict((part.strip().split(" ", 1) + [""])[:2] for part in header.split(";") if part.strip())


@pytest.mark.django_db
def test_pages_answer_with_the_policy_and_the_nonce_they_use(cast, client, client_for):
    survey = make_survey(cast)
    counter = survey_actions.add_counter(by=cast.mai, survey=survey, name="Quầy Sở TN&MT")
    for url in ("/accounts/login/", "/khong-co-trang-nay/", reverse("surveys:code")):
        response = client.get(url)
        found = policy(response)
        assert {k: found.get(k) for k in DIRECTIVES} == DIRECTIVES, url
        assert found["style-src"].startswith("'self'")

    response = client.get(reverse("surveys:answer", args=[counter.token]))
    nonce = re.search(r"'nonce-([^']+)'", policy(response)["style-src"]).group(1)
    page = response.content.decode()
    assert page.count(f'<style nonce="{nonce}">') == 1, "the citizens' page style carries this response's nonce"
    assert client.get(reverse("surveys:answer", args=[counter.token])).content.decode().count(nonce) == 0

    office = client_for(cast.mai)
    for url in ("/", reverse("dashboards:index"), reverse("dossiers:index"), reverse("org:units")):
        response = office.get(url)
        assert response.status_code == 200 and policy(response)["script-src"] == "'self'", url
        styles = re.findall(r"<style([^>]*)>", response.content.decode())
        nonce = re.search(r"'nonce-([^']+)'", policy(response)["style-src"])
        assert all(f'nonce="{nonce.group(1)}"' in attributes for attributes in styles), url


def test_charts_carry_no_style_attribute_and_take_the_nonce():
    from decimal import Decimal

    chart = charts.ranking([charts.RankedUnit(1, "Văn phòng Sở", Decimal("91.5"), highlight=True),
                            charts.RankedUnit(2, "Trung tâm CNTT", Decimal("88"))])
    assert " style=" not in chart.svg
    # The highlighted bar keeps its colour, now a rule of the chart's own stylesheet under two ids.
    assert re.search(r"#chart-[\w-]+ #chart-[\w-]+-s\d+\{fill: #a31d24; stroke: #a31d24\}", chart.svg)
    assert charts.with_nonce(chart.svg, "abc+/=").count('<style nonce="abc+/=" type="text/css">') == 1
    assert charts.with_nonce(chart.svg, "") == chart.svg


@pytest.mark.django_db
def test_every_page_without_parameters_answers_with_the_policy(cast):
    """A quick walk beside the robustness walk (which needs the whole demo): each named route that takes no
    parameter, as the reform office and as a visitor, whatever the status (redirects, 403, 404 included)."""
    from django.test import Client

    from core.tests.test_robustness import SKIPPED, _routes

    office, visitor = Client(raise_request_exception=False), Client(raise_request_exception=False)
    office.force_login(cast.mai, backend="django.contrib.auth.backends.ModelBackend")
    missing, seen = [], 0
    for route in _routes():
        if route.converters or route.name in SKIPPED or "logout" in route.name:
            continue
        url = reverse(route.name)
        for who, client in (("mai", office), ("visitor", visitor)):
            seen += 1
            response = client.get(url)
            if "script-src 'self'" not in response.get("Content-Security-Policy", ""):
                missing.append(f"{url} as {who} → {response.status_code}")
    assert seen > 60 and not missing, missing
