"""Site-wide rules: every page needs a log-in unless it is meant to be public; Vietnamese formats."""

import subprocess
import sys
from decimal import Decimal

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from core.templatetags.vn import percent, score, vn_number

PUBLIC_PREFIXES = ("accounts/login/", "i18n/", "healthz", "public/", "s/", "surveys/answer/", "surveys/a/", "media/")


def _walk(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _walk(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern)


def _sample(route: str) -> str:
    import re

    return "/" + re.sub(r"<(?:int:|slug:|str:|uuid:|path:)?[^>]+>", "1", route).replace("^", "").replace("$", "")


def test_every_page_requires_a_login_except_public_ones(db, client):
    routes = [r for r in _walk(get_resolver().url_patterns) if not r.startswith(PUBLIC_PREFIXES)]
    assert len(routes) > 5
    for route in routes:
        response = client.get(_sample(route))
        assert response.status_code in (302, 404, 405), route
        if response.status_code == 302:
            assert "/accounts/login/" in response["Location"], route


def test_home_answers_each_cast_member(cast, client_for):
    for person in (cast.lan, cast.hung, cast.mai, cast.thu, cast.manh, cast.admin, cast.khoa):
        page = client_for(person).get("/").content.decode()
        assert person.full_name in page


def test_vietnamese_is_the_default_language(cast, client_for):
    page = client_for(cast.lan).get("/").content.decode()
    assert 'lang="vi"' in page and "Đăng xuất" in page


def test_english_is_switchable(cast, client_for):
    client = client_for(cast.lan)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get("/").content.decode()
    assert 'lang="en"' in page and "Log out" in page


@pytest.mark.parametrize(("value", "expected"), [
    (2817, "2.817"), (Decimal("9.376"), "9,376"), (Decimal("12.500"), "12,5"), (Decimal("6.000"), "6"), (None, "–"),
])
def test_score_and_number_formats(value, expected, settings):
    from django.utils import translation

    with translation.override("vi"):
        if isinstance(value, int):
            assert vn_number(value) == expected
        else:
            assert score(value) == expected


def test_percent_format():
    from django.utils import translation

    with translation.override("vi"):
        assert percent(Decimal("0.9293")) == "92,9 %"


def test_production_mode_refuses_to_start_without_a_secret_key(tmp_path):
    env = {"CCHC_ENV": "production", "PATH": "/usr/bin:/bin", "CCHC_ALLOWED_HOSTS": "cchc.example.vn"}
    result = subprocess.run([sys.executable, "-c", "import cchc.settings"], env=env, capture_output=True, text=True)
    assert result.returncode != 0 and "CCHC_SECRET_KEY" in result.stderr


def test_an_unknown_cache_kind_is_refused_by_name():
    env = {"PATH": "/usr/bin:/bin", "CCHC_CACHE": "redis"}
    result = subprocess.run([sys.executable, "-c", "import cchc.settings"], env=env, capture_output=True, text=True)
    assert result.returncode != 0 and "CCHC_CACHE must be 'database' or 'memory'" in result.stderr


def test_production_mode_passes_the_deploy_check(tmp_path):
    env = {
        "CCHC_ENV": "production", "PATH": "/usr/bin:/bin", "CCHC_ALLOWED_HOSTS": "cchc.example.vn",
        "CCHC_SECRET_KEY": "k" * 20 + "-production-secret-with-enough-entropy-0123456789",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3", "DJANGO_SETTINGS_MODULE": "cchc.settings",
    }
    result = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
