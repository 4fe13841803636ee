"""A forgotten password, from the log-in page, by e-mail: the same answer whether or not the address is known."""

import re
import smtplib

from django.core import mail
from django.urls import reverse

from accounts.models import User
from audit.models import AuditEntry
from core.testing import PASSWORD

NEW = "Hoa-sen-no-2025"


def _page(response) -> str:
    """The page as the visitor reads it: without the CSRF token, which differs on every answer."""
    return re.sub(r'(csrfmiddlewaretoken" value=|X-CSRFToken": )"[^"]+"', "", response.content.decode())


def _ask(client, email, **extra):
    return client.post(reverse("accounts:password_reset"), {"email": email}, **extra)


def test_the_log_in_page_leads_to_the_forgotten_password_page(db, client):
    page = client.get(reverse("accounts:login")).content.decode()
    assert "Quên mật khẩu?" in page and reverse("accounts:password_reset") in page
    assert client.get(reverse("accounts:password_reset")).status_code == 200


def test_a_forgotten_password_is_replaced_through_a_link_by_e_mail(cast, client, settings):
    settings.SITE_URL = "https://cchc.stnmt.example.gov.vn"
    response = _ask(client, "LAN@stnmt.example.vn", HTTP_HOST="localhost")
    assert response.status_code == 302 and response["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [cast.lan.email]
    message = mail.outbox[0]
    assert message.subject == "[CCHC] Đặt lại mật khẩu" and "Kính gửi Nguyễn Thị Lan" in message.body
    link = re.search(r"(\S+/accounts/login/reset/\S+/)", message.body).group(1)
    assert link.startswith("https://cchc.stnmt.example.gov.vn/"), "the link never follows the asker's Host header"

    page = client.get(link.removeprefix(settings.SITE_URL), follow=True)
    done = client.post(page.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    assert done["Location"] == reverse("accounts:password_reset_complete")
    assert client.post(reverse("accounts:login"), {"username": "lan", "password": NEW}).status_code == 302
    assert not User.objects.get(pk=cast.lan.pk).check_password(PASSWORD)
    notes = list(AuditEntry.objects.for_object(cast.lan).order_by("pk").values_list("user__username", "note"))
    assert notes == [(None, "Yêu cầu liên kết đặt lại mật khẩu (quên mật khẩu)"),
                     ("lan", "Đặt mật khẩu mới qua liên kết gửi tới thư điện tử")]


def test_nobody_learns_whether_an_address_has_an_account(cast, client):
    known = _ask(client, cast.lan.email, follow=True)
    unknown = _ask(client, "khong-co-ai@example.vn", follow=True)
    cast.hung.is_active = False
    cast.hung.save()
    inactive = _ask(client, cast.hung.email, follow=True)
    assert known.redirect_chain == unknown.redirect_chain == inactive.redirect_chain
    assert _page(known) == _page(unknown) == _page(inactive)
    assert [m.to for m in mail.outbox] == [[cast.lan.email]]


def test_the_e_mail_is_in_vietnamese_whatever_the_page_language(cast, client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    assert "Forgot" in client.get(reverse("accounts:login")).content.decode()
    _ask(client, cast.lan.email)
    assert mail.outbox[0].subject == "[CCHC] Đặt lại mật khẩu"


def test_a_mail_server_that_refuses_changes_nothing_in_the_answer(cast, client, monkeypatch):
    def refuse(*args, **kwargs):
        raise smtplib.SMTPException("451 try later")

    monkeypatch.setattr("accounts.mail.send_mail", refuse)
    response = _ask(client, cast.lan.email)
    assert response.status_code == 302 and response["Location"] == reverse("accounts:password_reset_done")
    assert not AuditEntry.objects.exists()


def test_a_broken_or_forged_link_says_so(cast, client):
    page = client.get(reverse("accounts:password_reset_confirm", args=["MQ", "khong-phai-ma"]), follow=True)
    assert page.status_code == 200 and "không còn dùng được" in page.content.decode()
    page = client.get(reverse("accounts:password_reset_confirm", args=["<script>", "x" * 300]), follow=True)
    assert page.status_code == 200
