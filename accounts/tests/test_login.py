from django.urls import reverse

from core.testing import PASSWORD


def test_login_with_the_real_form(cast, client):
    response = client.post(reverse("accounts:login"), {"username": "lan", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("core:home")).status_code == 200


def test_wrong_password_gets_a_vietnamese_message(cast, client):
    response = client.post(reverse("accounts:login"), {"username": "lan", "password": "sai-mat-khau"})
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()


def test_repeated_failures_lock_the_account(cast, client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("accounts:login"), {"username": "lan", "password": "sai"})
    response = client.post(reverse("accounts:login"), {"username": "lan", "password": PASSWORD})
    assert response.status_code == 429
    assert "tạm thời bị khóa" in response.content.decode()


def test_password_spraying_from_one_address_locks_that_address_only(cast, client, settings):
    settings.CCHC_LOGIN_ADDRESS_FAILURE_LIMIT = 10
    here, elsewhere = {"REMOTE_ADDR": "198.51.100.20"}, {"REMOTE_ADDR": "198.51.100.21"}
    login = reverse("accounts:login")
    for i in range(9):  # one guess per user name: no name comes near its own limit of 5
        assert client.post(login, {"username": f"nguoi-{i}", "password": "Mua-thu-2024"}, **here).status_code == 200
    assert client.post(login, {"username": "lan", "password": PASSWORD}, **here).status_code == 302
    client.post(reverse("accounts:logout"), **here)
    client.post(login, {"username": "nguoi-9", "password": "Mua-thu-2024"}, **here)
    locked = client.post(login, {"username": "lan", "password": PASSWORD}, **here)
    assert locked.status_code == 429, "ten failures from one address lock it, whatever the user names"
    assert "tạm thời bị khóa" in locked.content.decode()
    assert client.post(login, {"username": "lan", "password": PASSWORD}, **elsewhere).status_code == 302


def test_behind_a_reverse_proxy_the_lock_out_holds_the_address_that_failed(cast, client, settings):
    settings.CCHC_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("accounts:login"), {"username": "lan", "password": "sai"},
                    HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    forged = client.post(reverse("accounts:login"), {"username": "lan", "password": PASSWORD},
                         HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.7", **proxy)
    assert forged.status_code == 429, "an address written into the header does not lift the lock"
    elsewhere = client.post(reverse("accounts:login"), {"username": "lan", "password": PASSWORD},
                            HTTP_X_FORWARDED_FOR="203.0.113.8", **proxy)
    assert elsewhere.status_code == 302, "the real lan, at another address behind the same proxy, still logs in"


def test_passwords_are_hashed_strongly_in_production_settings():
    from cchc import settings as production_like

    assert production_like.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_an_overlong_user_name_is_refused_by_the_form_before_any_attempt_is_logged(cast, client):
    from axes.models import AccessAttempt

    response = client.post(reverse("accounts:login"), {"username": "l" * 10_000, "password": "sai"})
    assert response.status_code == 200
    assert "150" in response.content.decode()
    assert not AccessAttempt.objects.exists()
