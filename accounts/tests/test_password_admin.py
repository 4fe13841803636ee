"""An administrator helps someone who lost their password: a link by e-mail, or a temporary password to be changed."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Role, User
from audit.models import AuditEntry
from core.testing import PASSWORD, make_user

NEW = "Hoa-sen-no-2025"


def _link(message) -> str:
    return re.search(r"https?://[^/\s]+(/accounts/login/reset/\S+/)", message.body).group(1)


def _choose(client, link, password=NEW):
    """Follows a password link as a browser does (Django swaps the token for a session key) and chooses a password."""
    page = client.get(link, follow=True)
    assert page.status_code == 200 and 'name="new_password1"' in page.content.decode()
    url = page.redirect_chain[-1][0]
    return client.post(url, {"new_password1": password, "new_password2": password})


def test_the_administrator_sends_a_link_that_sets_a_new_password_once(cast, client_for, client):
    response = client_for(cast.admin).post(reverse("accounts:send_password_link", args=[cast.lan.pk]))
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [cast.lan.email]
    assert "Đặt lại mật khẩu" in mail.outbox[0].subject
    link = _link(mail.outbox[0])
    assert User.objects.get(pk=cast.lan.pk).check_password(PASSWORD), "the old password works until a new one is chosen"

    client.logout()
    done = _choose(client, link)
    assert done.status_code == 302 and done["Location"] == reverse("accounts:password_reset_complete")
    lan = User.objects.get(pk=cast.lan.pk)
    assert lan.check_password(NEW) and not lan.check_password(PASSWORD)
    again = client.get(link, follow=True).content.decode()
    assert "không còn dùng được" in again, "a link works once"

    notes = list(AuditEntry.objects.for_object(lan).order_by("pk").values_list("user__username", "note"))
    assert notes == [("admin", "Gửi liên kết đặt lại mật khẩu qua thư điện tử"),
                     ("lan", "Đặt mật khẩu mới qua liên kết gửi tới thư điện tử")]
    assert NEW not in str(list(AuditEntry.objects.values_list("changes", "note")))


def test_a_temporary_password_is_shown_once_and_ends_the_old_sessions(cast, client_for):
    from django.test import Client

    lans_browser = Client()
    lans_browser.force_login(cast.lan, backend="django.contrib.auth.backends.ModelBackend")
    response = client_for(cast.admin).post(reverse("accounts:temporary_password", args=[cast.lan.pk]))
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    temporary = re.search(r'id="temporary-password">([^<]+)<', response.content.decode()).group(1)
    lan = User.objects.get(pk=cast.lan.pk)
    assert lan.check_password(temporary) and lan.must_change_password
    assert lans_browser.get(reverse("core:home"))["Location"].startswith(reverse("accounts:login"))
    entry = AuditEntry.objects.for_object(lan).get()
    assert entry.user == cast.admin and temporary not in entry.note + str(entry.changes)


def test_a_temporary_password_leads_to_the_password_change_until_it_is_changed(cast, client, settings):
    temporary = "tam-thoi-2025-xyz"
    cast.lan.set_password(temporary)
    cast.lan.must_change_password = True
    cast.lan.save()
    response = client.post(reverse("accounts:login"), {"username": "lan", "password": temporary}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("accounts:password_change")
    assert "mật khẩu tạm thời" in response.content.decode()
    for url in (reverse("core:home"), reverse("accounts:profile"), "/plans/"):
        assert client.get(url)["Location"] == reverse("accounts:password_change"), url
    assert client.post(reverse("accounts:people"))["Location"] == reverse("accounts:password_change")
    htmx = client.get(reverse("core:home"), HTTP_HX_REQUEST="true")
    assert htmx["HX-Redirect"] == reverse("accounts:password_change")

    changed = client.post(reverse("accounts:password_change"), {
        "old_password": temporary, "new_password1": NEW, "new_password2": NEW})
    assert changed.status_code == 302
    lan = User.objects.get(pk=cast.lan.pk)
    assert not lan.must_change_password and lan.check_password(NEW)
    assert client.get(reverse("core:home")).status_code == 200


@pytest.mark.parametrize("url", ["accounts:send_password_link", "accounts:temporary_password"])
def test_the_office_neither_sends_links_nor_gives_temporary_passwords(cast, client_for, unchanged, url):
    client = client_for(cast.mai)
    with unchanged():
        for person in (cast.lan, cast.admin, cast.manh):
            assert client.post(reverse(url, args=[person.pk])).status_code == 403
        assert client.post(reverse(url, args=[cast.khoa.pk])).status_code == 404
    assert not mail.outbox
    page = client.get(reverse("accounts:person_edit", args=[cast.lan.pk])).content.decode()
    assert reverse(url, args=[cast.lan.pk]) not in page


@pytest.mark.parametrize("url", ["accounts:send_password_link", "accounts:temporary_password"])
def test_no_administrator_takes_over_a_higher_account_or_their_own(cast, client_for, unchanged, url):
    dept_admin = make_user("qt-so", cast.department, (Role.ADMIN, cast.department))
    with unchanged():
        assert client_for(dept_admin).post(reverse(url, args=[cast.admin.pk])).status_code == 403
        assert client_for(cast.admin).post(reverse(url, args=[cast.admin.pk])).status_code == 403
    assert not mail.outbox


def test_the_page_offers_the_administrator_both_ways(cast, client_for):
    page = client_for(cast.admin).get(reverse("accounts:person_edit", args=[cast.lan.pk])).content.decode()
    assert reverse("accounts:send_password_link", args=[cast.lan.pk]) in page
    assert reverse("accounts:temporary_password", args=[cast.lan.pk]) in page


def test_a_refused_mail_server_is_a_message_not_an_error(cast, client_for, monkeypatch, unchanged):
    import smtplib

    def refuse(*args, **kwargs):
        raise smtplib.SMTPException("451 try later")

    monkeypatch.setattr("accounts.mail.send_mail", refuse)
    with unchanged():
        response = client_for(cast.admin).post(reverse("accounts:send_password_link", args=[cast.lan.pk]), follow=True)
    assert response.status_code == 200 and "Chưa gửi được thư" in response.content.decode()
