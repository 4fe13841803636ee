"""What finished results rest on stays as it is; two people editing the same criterion do not erase each other; a
copy proposes the next free year; metrics are named as people say them."""

import io
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from assessments.tests.builders import finalise_accepting_the_rest, open_assessment, score_everything
from frameworks import actions
from frameworks.demo import build_internal
from frameworks.models import Criterion, Framework

pytestmark = pytest.mark.django_db


def _rows(framework):
    return list(Criterion.objects.filter(framework=framework).order_by("pk").values_list(
        "code", "title", "max_points", "rule", "parent_id", "version"))


@pytest.fixture
def finished(cast):
    """The internal framework with the Land division's appraisal finished."""
    framework = build_internal(cast.mai, cast.units)
    land = open_assessment(cast, "qldd", framework)
    score_everything(land, cast.lan)
    from assessments import actions as assessments

    assessments.submit(land, by=cast.mai)
    finalise_accepting_the_rest(land, cast.thu)
    return framework


def test_a_framework_with_finished_results_refuses_every_change_to_its_scoring(cast, client_for, finished):
    client = client_for(cast.mai)
    before, bands = _rows(finished), finished.bands
    criterion = Criterion.objects.get(framework=finished, code="1.2")
    edit = {"parent": criterion.parent_id, "kind": "criterion", "code": "1.2", "title": criterion.title,
            "order": criterion.order, "max_points": "8", "rule_kind": "manual", "params": "", "metric": "",
            "version": criterion.version}
    refused = client.post(f"/frameworks/{finished.pk}/criteria/{criterion.pk}/", edit, follow=True)
    assert "không sửa, thêm, xóa tiêu chí" in refused.content.decode()
    client.post(f"/frameworks/{finished.pk}/criteria/new/", {**edit, "code": "1.9", "version": ""})
    client.post(f"/frameworks/{finished.pk}/criteria/{criterion.pk}/delete/", {"confirmed": "yes"})
    upload = io.BytesIO(client.get(f"/frameworks/{finished.pk}/export.xlsx").content)
    upload.name = "bo-chi-so.xlsx"
    client.post(f"/frameworks/{finished.pk}/import/", {"file": upload})
    details = {"year": 2030, "title": "Bộ tiêu chí (đã sửa tên)", "level": "internal", "owner": cast.province.pk,
               "decision": "Quyết định số 15/QĐ-STNMT", "bands_text": "Xuất sắc = 50", "version": finished.version}
    assert client.post(f"/frameworks/{finished.pk}/edit/", details).status_code == 302
    finished.refresh_from_db()
    assert _rows(finished) == before
    assert (finished.year, finished.owner, finished.bands) == (2024, cast.department, bands)
    assert (finished.title, finished.decision) == ("Bộ tiêu chí (đã sửa tên)", "Quyết định số 15/QĐ-STNMT"), \
        "what results do not rest on may still be corrected"
    with pytest.raises(ValidationError, match="sao chép thành phiên bản mới"):
        actions.update_criterion(criterion, by=cast.admin, max_points=Decimal(8))
    page = client.get(f"/frameworks/{finished.pk}/").content.decode()
    assert 'id="frozen"' in page and "Sao chép thành phiên bản mới" in page
    assert f"/frameworks/{finished.pk}/criteria/new/" not in page and "/delete/" not in page


def test_the_second_of_two_editors_is_told_and_overwrites_nothing(cast, client_for):
    framework = build_internal(cast.mai, cast.units)
    criterion = Criterion.objects.get(framework=framework, code="1.2")
    url = f"/frameworks/{framework.pk}/criteria/{criterion.pk}/"
    mai, admin = Client(), Client()
    mai.force_login(cast.mai)
    admin.force_login(cast.admin)
    seen = {}
    for name, client in (("mai", mai), ("admin", admin)):
        html = client.get(url).content.decode()
        seen[name] = re.search(r'name="version" value="(\d+)"', html).group(1)
    form = {"parent": criterion.parent_id, "kind": "criterion", "code": "1.2", "order": criterion.order,
            "max_points": "5", "rule_kind": "manual", "params": "0; 2,5; 5", "metric": ""}
    first = mai.post(url, {**form, "title": "Báo cáo CCHC quý, 6 tháng, năm đúng hạn", "version": seen["mai"]})
    assert first.status_code == 302
    second = admin.post(url, {**form, "title": "Báo cáo CCHC định kỳ (sửa)", "version": seen["admin"]})
    html = second.content.decode()
    assert second.status_code == 200 and 'id="stale"' in html
    assert "Lê Thị Mai đã lưu lúc" in html and "Báo cáo CCHC quý, 6 tháng, năm đúng hạn" in html
    assert "Báo cáo CCHC định kỳ (sửa)" in html, "what the second person typed is still in the form"
    criterion.refresh_from_db()
    assert criterion.title == "Báo cáo CCHC quý, 6 tháng, năm đúng hạn"
    current = re.search(r'name="version" value="(\d+)"', html).group(1)
    assert admin.post(url, {**form, "title": "Báo cáo CCHC định kỳ (sửa)", "version": current}).status_code == 302
    criterion.refresh_from_db()
    assert criterion.title == "Báo cáo CCHC định kỳ (sửa)", "having seen the other change, they may save theirs"


def test_two_people_editing_the_framework_details(cast):
    framework = build_internal(cast.mai, cast.units)
    url = f"/frameworks/{framework.pk}/edit/"
    mai, admin = Client(), Client()
    mai.force_login(cast.mai)
    admin.force_login(cast.admin)
    versions = [re.search(r'name="version" value="(\d+)"', c.get(url).content.decode()).group(1) for c in (mai, admin)]
    data = {"year": 2024, "title": framework.title, "level": "internal", "owner": cast.department.pk,
            "bands_text": "Hoàn thành xuất sắc = 90\nTốt = 80"}
    assert mai.post(url, {**data, "decision": "Quyết định số 12/QĐ-STNMT", "version": versions[0]}).status_code == 302
    stale = admin.post(url, {**data, "decision": "Quyết định số 99/QĐ-STNMT", "version": versions[1]})
    assert "Quyết định số 12/QĐ-STNMT" in stale.content.decode() and 'id="stale"' in stale.content.decode()
    framework.refresh_from_db()
    assert framework.decision == "Quyết định số 12/QĐ-STNMT"


def test_a_copy_proposes_the_next_free_year_with_the_title_in_step(cast, client_for):
    framework = build_internal(cast.mai, cast.units)
    client = client_for(cast.mai)
    assert client.post(f"/frameworks/{framework.pk}/copy/", {
        "year": 2025, "title": framework.title.replace("2024", "2025")}).status_code == 302
    page = client.get(f"/frameworks/{framework.pk}/copy/").content.decode()
    assert 'name="year" value="2026"' in page
    assert framework.title.replace("2024", "2026") in page
    mismatch = client.post(f"/frameworks/{framework.pk}/copy/", {"year": 2027, "title": framework.title})
    assert "Tên ghi năm 2024 nhưng bộ chỉ số mới là năm 2027" in mismatch.content.decode()
    again = client.post(f"/frameworks/{framework.pk}/copy/", {
        "year": 2025, "title": framework.title.replace("2024", "2025")})
    assert "đã có bộ chỉ số" in again.content.decode().lower()
    assert Framework.objects.filter(year=2025).count() == 1
    assert actions.retitle("Bộ tiêu chí nội bộ", 2024, 2026) == "Bộ tiêu chí nội bộ năm 2026"


def test_pages_name_metrics_as_people_say_them_never_by_key(cast, client_for):
    framework = build_internal(cast.mai, cast.units)
    client = client_for(cast.mai)
    keys = re.compile(r"\b(?:dossiers|plans|surveys)\.[a-z_0-9]+")
    for url in (f"/frameworks/{framework.pk}/", "/frameworks/help/",
                f"/frameworks/{framework.pk}/criteria/{Criterion.objects.get(framework=framework, code='2.1').pk}/"):
        html = client.get(url).content.decode()
        shown = re.sub(r'(value|name|href|id|class)="[^"]*"', "", html)
        assert not keys.search(shown), (url, keys.search(shown))
    page = client.get(f"/frameworks/{framework.pk}/").content.decode()
    assert "(số liệu: Tỷ lệ hồ sơ TTHC giải quyết đúng và trước hạn (%))" in page


def test_the_spreadsheet_names_metrics_and_reads_them_back(cast, client_for):
    from openpyxl import load_workbook

    framework = build_internal(cast.mai, cast.units)
    client = client_for(cast.mai)
    exported = client.get(f"/frameworks/{framework.pk}/export.xlsx").content
    sheet = load_workbook(io.BytesIO(exported)).worksheets[0]
    header = [c.value for c in sheet[1]]
    column = header.index("Số liệu")
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == "2.1")
    assert row[column].startswith("Tỷ lệ hồ sơ")
    target = Framework.objects.create(year=2025, title="Bộ tiêu chí nhập lại năm 2025", owner=cast.department)
    upload = io.BytesIO(exported)
    upload.name = "xuat.xlsx"
    assert client.post(f"/frameworks/{target.pk}/import/", {"file": upload}).status_code == 302
    assert Criterion.objects.get(framework=target, code="2.1").rule["metric"] == "dossiers.on_time_rate"
    sheet.cell(row=2, column=column + 1, value="Chỉ số không có thật")
    out = io.BytesIO()
    sheet.parent.save(out)
    out.seek(0)
    out.name = "loi.xlsx"
    other = Framework.objects.create(year=2026, title="Bộ tiêu chí năm 2026", owner=cast.department)
    html = client.post(f"/frameworks/{other.pk}/import/", {"file": out}).content.decode()
    assert "không có số liệu “Chỉ số không có thật”" in html
