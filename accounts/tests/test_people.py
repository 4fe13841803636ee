from django.urls import reverse

from accounts.models import RoleGrant, User
from audit.models import AuditEntry


def test_reform_office_adds_a_person_with_a_role(cast, client_for):
    client = client_for(cast.mai)
    response = client.post(reverse("accounts:person_new"), {
        "username": "binh", "full_name": "Võ Thanh Bình", "position": "Chuyên viên", "unit": cast.unit("khtc").pk,
        "email": "binh@example.vn", "password": "Mat-khau-manh-2024", "is_active": "on",
    })
    assert response.status_code == 302
    binh = User.objects.get(username="binh")
    client.post(reverse("accounts:grant_add", args=[binh.pk]), {"role": "specialist", "unit": cast.unit("khtc").pk})
    assert RoleGrant.objects.filter(user=binh, role="specialist").exists()
    assert AuditEntry.objects.for_object(binh).count() == 2


def test_weak_password_is_refused_with_a_message(cast, client_for):
    response = client_for(cast.mai).post(reverse("accounts:person_new"), {
        "username": "yeu", "full_name": "Yếu", "unit": cast.unit("khtc").pk, "password": "12345678",
    })
    assert response.status_code == 200
    assert not User.objects.filter(username="yeu").exists()


def test_specialist_cannot_manage_people(cast, client_for):
    assert client_for(cast.lan).get(reverse("accounts:person_new")).status_code == 403
    assert client_for(cast.lan).get(reverse("accounts:people")).status_code == 403


def test_reform_office_cannot_edit_people_outside_the_department(cast, client_for):
    assert client_for(cast.mai).get(reverse("accounts:person_edit", args=[cast.khoa.pk])).status_code == 403
