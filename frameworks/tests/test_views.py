"""Building a framework through its pages: create, add criteria with rules, edit, copy to next year."""

import pytest

from assessments.tests.builders import open_assessment
from audit.models import AuditEntry
from frameworks.demo import build_internal
from frameworks.models import Criterion, Framework

pytestmark = pytest.mark.django_db


def test_office_builds_an_internal_framework(cast, client_for):
    client = client_for(cast.mai)
    response = client.post("/frameworks/new/", {
        "year": 2025, "title": "Bộ tiêu chí đánh giá CCHC các phòng, đơn vị thuộc Sở năm 2025", "level": "internal",
        "owner": cast.department.pk, "decision": "", "bands_text": "Hoàn thành xuất sắc = 90\nTốt = 80\nKhá = 65",
    })
    assert response.status_code == 302
    framework = Framework.objects.get(year=2025)
    assert framework.classify(66, 100) == "Khá" and framework.classify(64, 100) == ""
    area = {"kind": "area", "code": "1", "title": "Công tác chỉ đạo, điều hành CCHC", "order": 1, "max_points": "20",
            "rule_kind": "manual", "params": "", "metric": ""}
    assert client.post(f"/frameworks/{framework.pk}/criteria/new/", area).status_code == 302
    parent = Criterion.objects.get(framework=framework, code="1")
    bad = {"parent": parent.pk, "kind": "criterion", "code": "1.1", "order": 2, "max_points": "1,5",
           "title": "Thực hiện mệnh lệnh hành chính cấp trên", "rule_kind": "tiers", "params": "50", "metric": ""}
    response = client.post(f"/frameworks/{framework.pk}/criteria/new/", bad)
    assert response.status_code == 200 and "phải viết dạng ngưỡng=điểm" in response.content.decode()
    assert client.post(f"/frameworks/{framework.pk}/criteria/new/", {**bad, "max_points": "1.5",
                                                                    "params": "50=1,5"}).status_code == 302
    criterion = Criterion.objects.get(framework=framework, code="1.1")
    assert criterion.rule == {"kind": "tiers", "tiers": [{"min": 50, "points": 1.5}]}
    duplicate = client.post(f"/frameworks/{framework.pk}/criteria/new/", {**bad, "params": "50=1,5"})
    assert "đã có trong bộ chỉ số" in duplicate.content.decode()
    page = client.get(f"/frameworks/{framework.pk}/").content.decode()
    assert "Theo mức: từ 50 %: 1,5 điểm" in page
    assert AuditEntry.objects.filter(object_id=str(criterion.pk), action="create").exists()


def test_people_outside_the_office_cannot_change_frameworks(cast, client_for):
    framework = build_internal(cast.mai, cast.units)
    for person in (cast.lan, cast.hung, cast.thu, cast.khoa):
        assert client_for(person).get(f"/frameworks/{framework.pk}/edit/").status_code == 403
    assert client_for(cast.khoa).get(f"/frameworks/{framework.pk}/").status_code == 200, "frameworks are readable"


def test_copy_to_next_year_and_scored_criteria_cannot_be_deleted(cast, client_for):
    framework = build_internal(cast.mai, cast.units)
    client = client_for(cast.mai)
    response = client.post(f"/frameworks/{framework.pk}/copy/", {"year": 2025, "title": "Bộ tiêu chí năm 2025"})
    copy = Framework.objects.get(year=2025)
    assert response.status_code == 302 and copy.copied_from == framework
    assert Criterion.objects.filter(framework=copy).count() == Criterion.objects.filter(framework=framework).count()
    assert Criterion.objects.get(framework=copy, code="2.1").parent.code == "2"
    open_assessment(cast, "qldd", framework)
    scored = Criterion.objects.get(framework=framework, code="1.1")
    delete = f"/frameworks/{framework.pk}/criteria/{scored.pk}/delete/"
    asked = client.get(delete).content.decode()
    assert "không khôi phục được" in asked and scored.title in asked
    response = client.post(delete, {"confirmed": "yes", "version": scored.version}, follow=True)
    assert "không xóa được" in response.content.decode()
    assert Criterion.objects.filter(pk=scored.pk).exists()
    area = Criterion.objects.get(framework=copy, code="1")
    delete = f"/frameworks/{copy.pk}/criteria/{area.pk}/delete/"
    asked = client.get(delete).content.decode()
    assert "và 3 tiêu chí con bị xóa hẳn" in asked and "1.2. Báo cáo CCHC định kỳ đầy đủ, đúng hạn" in asked
    client.post(delete, {})
    assert Criterion.objects.filter(pk=area.pk).exists(), "nothing goes without the confirmation"
    client.post(delete, {"confirmed": "yes", "version": area.version})
    assert not Criterion.objects.filter(framework=copy, code__startswith="1").exists()
