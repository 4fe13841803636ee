"""Appeal through the pages (once, with new evidence, decided by the council), and measured values read from
cchc's own data over the assessment window."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from assessments import actions
from assessments.tests.builders import (
    finalise_accepting_the_rest,
    internal_framework,
    open_assessment,
    score_everything,
    score_of,
)
from frameworks import metrics

pytestmark = pytest.mark.django_db


def test_appeal_exchange_is_visible_per_item(cast, client_for):
    land = open_assessment(cast, "qldd", internal_framework(cast))
    score_everything(land, cast.lan)
    actions.submit(land, by=cast.mai)
    actions.appraise(score_of(land, "2.2"), by=cast.thu, points="0", comment="Chưa công khai đủ TTHC.")
    finalise_accepting_the_rest(land, cast.thu)
    score = score_of(land, "2.2")
    url = f"/assessments/{land.pk}/items/{score.pk}/"
    office = client_for(cast.mai)
    proof = SimpleUploadedFile("anh-chup-trang-tthc.png", b"\x89PNG\r\n\x1a\n fake", content_type="image/png")
    response = office.post(url + "appeal/", {"requested": "10", "reason": "Đã công khai từ 15/10/2024.", "file": proof},
                           HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "Chờ Hội đồng xem xét" in response.content.decode()
    again = office.post(url + "appeal/", {"requested": "10", "reason": "Lần hai"}, HTTP_HX_REQUEST="true")
    assert "một lần" in again.content.decode()
    assert office.post(url + "decide/", {"decision": "accept", "reason": "x"}).status_code == 403
    council = client_for(cast.thu)
    decided = council.post(url + "decide/", {"decision": "accept", "points": "10",
                                             "reason": "Ảnh chụp chứng minh đã công khai."}, HTTP_HX_REQUEST="true")
    html = decided.content.decode()
    assert "Chấp nhận" in html and "Ảnh chụp chứng minh" in html and "anh-chup-trang-tthc.png" in html
    assert "Chưa công khai đủ TTHC." in html, "the council's first comment stays visible"
    page = office.get(f"/assessments/{land.pk}/results/").content.decode()
    assert 'data-code="2.2"' not in page, "after the accepted appeal 2.2 is no longer a gap"


def test_measured_value_comes_from_the_registered_metric_over_the_window(cast, client_for, monkeypatch):
    seen = {}

    def on_time(unit, start, end):
        seen["args"] = (unit.code, start, end)
        return metrics.MetricValue(Decimal("92.94"), "2.618/2.817 hồ sơ đúng hạn", "/dossiers/")

    # Stands in for the dossiers app's metric, so the test does not depend on dossier data.
    monkeypatch.setitem(metrics._REGISTRY, "dossiers.on_time_rate",
                        metrics.Metric("dossiers.on_time_rate", "Tỷ lệ hồ sơ đúng hạn (%)", on_time))
    land = open_assessment(cast, "qldd", internal_framework(cast))
    score = score_of(land, "2.1")
    response = client_for(cast.lan).post(f"/assessments/{land.pk}/items/{score.pk}/measure/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    score.refresh_from_db()
    assert seen["args"] == ("qldd", date(2024, 1, 1), date(2024, 11, 30))
    assert score.measured_value == Decimal("92.94") and score.measured_detail == "2.618/2.817 hồ sơ đúng hạn"
    assert score.self_score == Decimal("17.176"), "(92,94 − 50) × 20 / 50"


def test_a_missing_metric_says_so_by_its_name(cast, client_for, monkeypatch):
    land = open_assessment(cast, "qldd", internal_framework(cast))
    monkeypatch.setitem(metrics._REGISTRY, "surveys.sipas_index",
                        metrics.Metric("surveys.sipas_index", "Chỉ số hài lòng SIPAS chung (%)", lambda *args: None))
    score = score_of(land, "4.1")
    response = client_for(cast.lan).post(f"/assessments/{land.pk}/items/{score.pk}/measure/", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "Chưa có số liệu “Chỉ số hài lòng SIPAS chung (%)” cho Phòng Quản lý đất đai" in html
    assert "surveys.sipas_index" not in html
