"""The documents page lists what each person may export, in a constant number of queries."""

import pytest

from documents.tests.builders import make_assessment, make_framework, make_plan

pytestmark = pytest.mark.django_db


def test_office_sees_plans_assessments_frameworks_and_units_with_download_links(cast, client_for):
    plan = make_plan(cast)
    framework = make_framework(cast)
    assessment = make_assessment(cast, framework)
    page = client_for(cast.mai).get("/documents/").content.decode()
    assert f'href="/documents/ke-hoach/{plan.pk}.docx"' in page
    assert f'href="/documents/nhiem-vu/{plan.pk}.pdf"' in page
    assert f'href="/documents/ket-qua-cham-diem/{assessment.pk}.xlsx"' in page
    assert f'href="/documents/thong-bao-ket-qua/{framework.pk}.docx"' in page
    assert f'href="/documents/ket-qua-cac-nam/{cast.unit("qldd").pk}.xlsx"' in page
    assert "Báo cáo định kỳ công tác CCHC (Word) · docx" in page
    assert "Quản lý mẫu văn bản" in page


def test_a_specialist_sees_only_their_unit_and_no_template_management(cast, client_for):
    make_plan(cast)
    page = client_for(cast.lan).get("/documents/").content.decode()
    assert "Chưa có kế hoạch nào bạn được xuất văn bản." in page
    assert 'data-unit="qldd"' in page and 'data-unit="vp"' not in page
    assert "Quản lý mẫu văn bản" not in page


def test_page_queries_stay_constant_as_plans_and_assessments_grow(cast, client_for, django_assert_max_num_queries):
    from plans.actions import create_plan
    from plans.models import Plan

    client = client_for(cast.mai)
    make_plan(cast)
    framework = make_framework(cast)
    make_assessment(cast, framework, cast.unit("vp"))
    with django_assert_max_num_queries(12) as small:
        client.get("/documents/")
    plan = Plan.objects.get()
    for n in range(8):
        create_plan(by=cast.mai, issuing_unit=cast.department, title=f"Kế hoạch tuyên truyền CCHC số {n}", year=2024,
                    number=str(10 + n), symbol="KH-STNMT")
    for code in ("qldd", "ttcntt", "tt"):
        make_assessment(cast, framework, cast.unit(code))
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get("/documents/")
    assert f'data-plan="{plan.pk}"' in response.content.decode()


def test_someone_without_any_role_is_refused(cast, client_for):
    from accounts.models import User

    nobody = User.objects.create_user(username="nobody", password="x")
    assert client_for(nobody).get("/documents/").status_code == 403
