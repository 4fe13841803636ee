"""The self-assessment page as a unit's staff works in it: grouped by area in collapsible blocks with a progress
line each, allowed levels offered as choices, rule texts without metric keys."""

import re

import lxml.html
import pytest

from assessments import actions
from assessments.tests.builders import internal_framework, open_assessment, score_of
from frameworks.demo import ILLUSTRATIVE

pytestmark = pytest.mark.django_db


@pytest.fixture
def land(cast):
    return open_assessment(cast, "qldd", internal_framework(cast))


def _progress(html, area_code):
    tree = lxml.html.fromstring(html)
    [summary] = tree.xpath(f"//details[contains(@class, 'area')]/summary[starts-with(normalize-space(strong), "
                           f"'{area_code}.')]")
    return summary.xpath(".//span[contains(@class, 'area-progress')]")[0].text_content().strip()


def test_areas_are_collapsible_blocks_with_their_progress(cast, client_for, land):
    actions.self_score(score_of(land, "1.1"), by=cast.lan, points="5")
    actions.add_evidence(score_of(land, "1.1"), by=cast.lan, name="ke-hoach.pdf", data=b"%PDF-1.4 ke hoach")
    actions.self_score(score_of(land, "1.2"), by=cast.lan, points="2.5", explanation="Báo cáo quý III gửi chậm.")
    html = client_for(cast.lan).get(f"/assessments/{land.pk}/").content.decode()
    tree = lxml.html.fromstring(html)
    # The demo framework says of each criterion the seed does not name that it is illustrative; the areas are these.
    areas = [s.text_content().split("·")[0].strip().removesuffix(ILLUSTRATIVE.strip()).strip()
             for s in tree.xpath("//details[contains(@class, 'area')]/summary")]
    assert areas == ["1. Công tác chỉ đạo, điều hành CCHC", "2. Cải cách thủ tục hành chính", "3. Chuyển đổi số",
                     "4. Sự hài lòng của người dân, tổ chức", "5. Sáng kiến, mô hình mới trong CCHC",
                     "6. Để xảy ra hồ sơ trễ hạn không có phiếu xin lỗi, hẹn lại"]
    assert _progress(html, "1") == "đã chấm 2/3 · có tài liệu kiểm chứng 1 · còn thiếu 1"
    assert _progress(html, "2") == "đã chấm 0/3 · có tài liệu kiểm chứng 0 · còn thiếu 3"
    first_area = tree.xpath("//details[contains(@class, 'area')]")[0]
    assert [tr.get("data-code") for tr in first_area.xpath(".//tr[@data-code]")] == ["1.1", "1.2", "1.3"]


def test_allowed_levels_are_choices_and_free_scores_a_box(cast, client_for, land):
    html = client_for(cast.lan).get(f"/assessments/{land.pk}/").content.decode()
    tree = lxml.html.fromstring(html)

    def field(code):
        return tree.xpath(f"//tr[@data-code='{code}']//form[contains(@class, 'self-form')]//*[@name='points']")[0]

    levels = field("1.2")
    assert levels.tag == "select"
    assert [o.text for o in levels.xpath("option")] == ["— chưa chấm —", "0", "2,5", "5"]
    assert [o.text for o in field("1.1").xpath("option")] == ["— chưa chấm —", "0", "5"], "đạt / không đạt"
    assert field("3.2").tag == "input", "any score from 0 to the max"


def test_choosing_a_level_updates_the_row_and_the_area_progress(cast, client_for, land):
    score = score_of(land, "1.2")
    response = client_for(cast.lan).post(f"/assessments/{land.pk}/items/{score.pk}/self/", {
        "points": "2,5", "explanation": "Báo cáo quý III gửi chậm.", "version": score.version},
        HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response["HX-Trigger"] == "scores-changed"
    assert re.search(r'<option value="2,5" selected>2,5</option>', html)
    oob = html.split("<template>")[1]
    assert 'hx-swap-oob="true"' in oob and "đã chấm 1/3 · có tài liệu kiểm chứng 0 · còn thiếu 2" in oob
    score.refresh_from_db()
    assert str(score.self_score) == "2.500"
    wrong = client_for(cast.lan).post(f"/assessments/{land.pk}/items/{score.pk}/self/", {
        "points": "3", "version": score.version}, HTTP_HX_REQUEST="true")
    assert "chỉ được chọn một trong các mức" in wrong.content.decode()


def test_rule_texts_never_show_a_metric_key(cast, client_for, land):
    html = client_for(cast.lan).get(f"/assessments/{land.pk}/").content.decode()
    visible = lxml.html.fromstring(html).text_content()
    assert not re.search(r"\b(?:dossiers|plans|surveys)\.[a-z_]+", visible)
    assert "số liệu: Tỷ lệ hồ sơ TTHC giải quyết đúng và trước hạn (%)" in visible
