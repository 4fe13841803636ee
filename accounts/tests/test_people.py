"""People management: adding people without choosing their password, editing only those below one's own role."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Role, RoleGrant, User
from audit.models import AuditEntry
from core.testing import make_user


def _new_person(client, **extra):
    return client.post(reverse("accounts:person_new"), {
        "username": "binh", "full_name": "Võ Thanh Bình", "position": "Chuyên viên", "unit": extra.pop("unit"),
        "email": "binh@example.vn", "is_active": "on", "first_password": "link", **extra,
    })


def _details(person, **changes):
    data = {"username": person.username, "full_name": person.full_name, "position": person.position,
            "unit": person.unit_id, "email": person.email, "phone": person.phone, "is_active": "on"}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_reform_office_adds_a_person_who_gets_a_link_to_choose_a_password(cast, client_for):
    client = client_for(cast.mai)
    response = _new_person(client, unit=cast.unit("khtc").pk, password="Mat-khau-cua-mai-2024")
    assert response.status_code == 302
    binh = User.objects.get(username="binh")
    assert not binh.check_password("Mat-khau-cua-mai-2024"), "a password the creator types is never the person's"
    assert not binh.must_change_password
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["binh@example.vn"]
    link = re.search(r"https?://\S+/accounts/login/reset/\S+/", mail.outbox[0].body).group(0)
    assert "Tài khoản của anh/chị" in mail.outbox[0].body
    client.post(reverse("accounts:grant_add", args=[binh.pk]), {"role": "specialist", "unit": cast.unit("khtc").pk})
    assert RoleGrant.objects.filter(user=binh, role="specialist").exists()
    assert AuditEntry.objects.for_object(binh).count() == 2
    assert link


def test_a_person_added_with_a_temporary_password_sees_it_once_and_must_change_it(cast, client_for):
    response = _new_person(client_for(cast.mai), unit=cast.unit("khtc").pk, first_password="temporary", email="")
    assert response.status_code == 200
    temporary = re.search(r'id="temporary-password">([^<]+)<', response.content.decode()).group(1)
    assert "no-store" in response["Cache-Control"]
    binh = User.objects.get(username="binh")
    assert binh.check_password(temporary) and binh.must_change_password
    assert not mail.outbox
    assert temporary not in str(list(AuditEntry.objects.values_list("changes", "note")))


def test_a_link_needs_an_address(cast, client_for):
    response = _new_person(client_for(cast.mai), unit=cast.unit("khtc").pk, email="")
    assert response.status_code == 200
    assert "Nhập địa chỉ thư điện tử" in response.content.decode()
    assert not User.objects.filter(username="binh").exists()


def test_the_edit_form_has_no_password_and_a_posted_one_changes_nothing(cast, client_for):
    client = client_for(cast.mai)
    page = client.get(reverse("accounts:person_edit", args=[cast.lan.pk])).content.decode()
    assert 'type="password"' not in page
    before = User.objects.get(pk=cast.lan.pk).password
    client.post(reverse("accounts:person_edit", args=[cast.lan.pk]),
                _details(cast.lan, password="Mat-khau-moi-2024", position="Chuyên viên chính"))
    lan = User.objects.get(pk=cast.lan.pk)
    assert lan.position == "Chuyên viên chính" and lan.password == before


@pytest.mark.parametrize("who", ["admin", "manh", "thu"])
def test_the_office_cannot_deactivate_or_rehome_someone_above_it(cast, client_for, unchanged, who):
    person = getattr(cast, who)
    if who == "thu":  # the council's member, living in the office's tree, is still not the office's to manage
        person.unit = cast.unit("qldd")
        person.save()
    client = client_for(cast.mai)
    page = client.get(reverse("accounts:person_edit", args=[person.pk]))
    assert page.status_code == 200 and "cao hơn" in page.content.decode()
    assert 'name="is_active"' not in page.content.decode()
    with unchanged():
        response = client.post(reverse("accounts:person_edit", args=[person.pk]),
                               _details(person, is_active=None, unit=cast.unit("qldd").pk))
    assert response.status_code == 403


def test_nobody_manages_their_own_account_through_people_management(cast, client_for, unchanged):
    with unchanged():
        response = client_for(cast.mai).post(reverse("accounts:person_edit", args=[cast.mai.pk]),
                                             _details(cast.mai, is_active=None))
    assert response.status_code == 403


def test_the_office_cannot_point_an_address_elsewhere(cast, client_for, unchanged):
    client = client_for(cast.mai)
    page = client.get(reverse("accounts:person_edit", args=[cast.lan.pk])).content.decode()
    assert re.search(r'<input[^>]*name="email"[^>]*disabled', page)
    with unchanged():
        client.post(reverse("accounts:person_edit", args=[cast.lan.pk]), _details(cast.lan, email="mai@example.vn"))
    assert User.objects.get(pk=cast.lan.pk).email == cast.lan.email


def test_the_administrator_corrects_an_address(cast, client_for):
    client_for(cast.admin).post(reverse("accounts:person_edit", args=[cast.lan.pk]),
                                _details(cast.lan, email="lan.moi@example.vn"))
    assert User.objects.get(pk=cast.lan.pk).email == "lan.moi@example.vn"


def test_the_office_deactivates_and_rehomes_people_below_it(cast, client_for):
    client_for(cast.mai).post(reverse("accounts:person_edit", args=[cast.lan.pk]),
                              _details(cast.lan, is_active=None, unit=cast.unit("khtc").pk))
    lan = User.objects.get(pk=cast.lan.pk)
    assert not lan.is_active and lan.unit == cast.unit("khtc")
    entry = AuditEntry.objects.for_object(lan).get()
    assert set(entry.changes) == {"is_active", "unit"} and entry.user == cast.mai


def test_the_office_cannot_move_someone_out_of_its_tree(cast, client_for, unchanged):
    with unchanged():
        response = client_for(cast.mai).post(reverse("accounts:person_edit", args=[cast.lan.pk]),
                                             _details(cast.lan, unit=cast.unit("stp").pk))
    assert response.status_code == 200


def test_specialist_cannot_manage_people(cast, client_for):
    assert client_for(cast.lan).get(reverse("accounts:person_new")).status_code == 403
    assert client_for(cast.lan).get(reverse("accounts:people")).status_code == 403


def test_reform_office_does_not_learn_of_people_outside_the_department(cast, client_for):
    assert client_for(cast.mai).get(reverse("accounts:person_edit", args=[cast.khoa.pk])).status_code == 404


def test_the_people_list_offers_to_edit_only_whom_one_may_manage(cast, client_for, django_assert_max_num_queries):
    client = client_for(cast.mai)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("accounts:people")).content.decode()
    assert reverse("accounts:person_edit", args=[cast.lan.pk]) in page
    assert reverse("accounts:person_edit", args=[cast.admin.pk]) not in page
    assert reverse("accounts:person_edit", args=[cast.manh.pk]) not in page
    assert reverse("accounts:person_edit", args=[cast.mai.pk]) not in page
    for i in range(15):
        make_user(f"cv{i}", cast.unit("qldd"), (Role.SPECIALIST, cast.unit("qldd")))
    with django_assert_max_num_queries(12):
        client.get(reverse("accounts:people"))
