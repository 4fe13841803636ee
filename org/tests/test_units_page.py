import pytest
from django.urls import reverse

from org.models import Unit


def test_everyone_sees_the_tree(cast, client_for):
    response = client_for(cast.lan).get(reverse("org:units"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Trung tâm Công nghệ thông tin tài nguyên và môi trường" in html
    assert "Sắp xếp tổ chức</h2>" not in html, "a specialist may not reorganise"


def test_reform_office_merges_through_the_form(cast, client_for):
    client = client_for(cast.mai)
    response = client.post(reverse("org:reorganise", args=["merge"]), {
        "merge-sources": [cast.unit("ttkt").pk, cast.unit("ttqt").pk],
        "merge-new_name": "Trung tâm Kỹ thuật và Quan trắc tài nguyên và môi trường",
        "merge-effective_date": "01/03/2025",
    })
    assert response.status_code == 302
    merged = Unit.objects.get(name="Trung tâm Kỹ thuật và Quan trắc tài nguyên và môi trường")
    assert merged.parent == cast.department
    page = client.get(reverse("org:units") + "?history=1").content.decode()
    assert "hình thành từ" in page and "01/03/2025" in page


def test_bad_merge_gets_a_message_not_an_error(cast, client_for):
    response = client_for(cast.mai).post(reverse("org:reorganise", args=["merge"]), {"merge-effective_date": "31/02/2025"})
    assert response.status_code == 400
    assert "Nhập một ngày hợp lệ" in response.content.decode() or "ngày hợp lệ" in response.content.decode()


def test_outsider_cannot_reorganise(cast, client_for):
    response = client_for(cast.lan).post(reverse("org:reorganise", args=["rename"]), {})
    assert response.status_code == 403


@pytest.mark.parametrize("extra_units", [0, 30])
def test_tree_query_count_is_constant(cast, client_for, django_assert_max_num_queries, extra_units):
    for i in range(extra_units):
        Unit.objects.create(name=f"Đơn vị thử {i}", code=f"thu-{i}", kind="division", parent=cast.department)
    client = client_for(cast.mai)
    with django_assert_max_num_queries(16):  # 14, and 2 for the navigation's to-do counts (core.inbox)
        assert client.get(reverse("org:units")).status_code == 200


def test_a_unit_cannot_move_under_its_own_child(cast, client_for):
    """The edit form refused nothing and the path rebuild looped for seconds before a 500 (issue 13)."""
    department = cast.department
    child = cast.unit("vp")
    before = Unit.objects.get(pk=department.pk).parent_id
    response = client_for(cast.admin).post(reverse("org:unit", args=[department.pk]), {
        "name": department.name, "short_name": department.short_name, "kind": department.kind,
        "parent": child.pk, "order": department.order, "email": department.email,
    })
    assert response.status_code == 200
    assert "trực thuộc chính nó hoặc đơn vị cấp dưới" in response.content.decode()
    assert Unit.objects.get(pk=department.pk).parent_id == before
    response = client_for(cast.admin).post(reverse("org:unit", args=[department.pk]), {
        "name": department.name, "kind": department.kind, "parent": department.pk, "order": department.order})
    assert "trực thuộc chính nó hoặc đơn vị cấp dưới" in response.content.decode()
