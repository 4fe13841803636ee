"""Everyone changes their own password, re-entering the current one."""

from django.urls import reverse

from accounts.models import User
from audit.models import AuditEntry
from core.testing import PASSWORD

NEW = "Hoa-sen-no-2025"


def test_a_person_changes_their_own_password_and_stays_logged_in(cast, client_for):
    client = client_for(cast.lan)
    assert reverse("accounts:password_change") in client.get(reverse("accounts:profile")).content.decode()
    response = client.post(reverse("accounts:password_change"),
                           {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:profile")
    assert User.objects.get(pk=cast.lan.pk).check_password(NEW)
    assert client.get(reverse("core:home")).status_code == 200, "the session that changed it goes on"
    entry = AuditEntry.objects.for_object(cast.lan).get()
    assert entry.user == cast.lan and entry.note == "Tự đổi mật khẩu" and NEW not in str(entry.changes)


def test_a_wrong_current_password_is_refused(cast, client_for, unchanged):
    client = client_for(cast.lan)
    with unchanged():
        response = client.post(reverse("accounts:password_change"),
                               {"old_password": "khong-dung", "new_password1": NEW, "new_password2": NEW})
    assert response.status_code == 200
    assert "Mật khẩu hiện tại không đúng" in response.content.decode()


def test_a_weak_or_mistyped_new_password_is_refused_with_a_message(cast, client_for, unchanged):
    client = client_for(cast.lan)
    with unchanged():
        weak = client.post(reverse("accounts:password_change"),
                           {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"})
        mistyped = client.post(reverse("accounts:password_change"),
                               {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW + "x"})
    assert weak.status_code == 200 and 'class="errorlist"' in weak.content.decode()
    assert "không khớp" in mistyped.content.decode()


def test_logged_out_visitors_are_sent_to_log_in(db, client):
    response = client.get(reverse("accounts:password_change"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
