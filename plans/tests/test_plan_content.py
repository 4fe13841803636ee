"""What a plan holds beyond its tasks, on its pages: legal bases, free sections in a safe markup, the province's
results, compound and relative targets measured from cchc's data or typed with evidence, targets given to units."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from org.models import Unit
from plans import actions, measure
from plans.content import LegalBasis, ProvinceResult
from plans.models import Plan, Target
from plans.targets import evaluate
from plans.tests.builders import make_plan, make_task

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def plan(cast):
    plan = make_plan(cast, year=2025, status="draft")
    make_task(cast, plan)
    return plan


def test_a_legal_basis_naming_the_plan_above_links_the_two(cast, plan, client_for):
    province = actions.create_plan(by=cast.admin, issuing_unit=cast.province, number="152", symbol="KH-UBND",
                                   title="Kế hoạch nâng cao PAR INDEX, SIPAS 2024", year=2024, status="issued")
    # The department sees the province's plan through the task it gives the department.
    actions.add_task(by=cast.admin, plan=province, section=None, code="1", content="Nâng cao PAR INDEX của Sở",
                     lead_units=[cast.department])
    client = client_for(cast.mai)
    response = client.post(reverse("plans:basis_add", args=[plan.pk]), {
        "kind": "Kế hoạch", "number": "152/KH-UBND", "issued_on": "2024-06-21", "issuer": "UBND tỉnh",
        "summary": "Duy trì, cải thiện và nâng cao Chỉ số PAR INDEX", "is_parent": "on"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.parent_plan == province
    assert LegalBasis.objects.get().sentence == ("Kế hoạch số 152/KH-UBND ngày 21/06/2024 của UBND tỉnh về việc duy "
                                                 "trì, cải thiện và nâng cao Chỉ số PAR INDEX")
    page = client.get(reverse("plans:plan", args=[plan.pk])).content.decode()
    assert "Căn cứ Kế hoạch số 152/KH-UBND ngày 21/06/2024" in page and "Thực hiện kế hoạch:" in page
    assert client.post(reverse("plans:basis_add", args=[plan.pk]), {"kind": "Kế hoạch"}).status_code == 400
    hidden = actions.create_plan(by=cast.admin, issuing_unit=cast.province, number="99", symbol="KH-UBND",
                                 title="Kế hoạch mật của tỉnh", year=2024, status="issued")
    client.post(reverse("plans:basis_add", args=[plan.pk]), {"number": "99/KH-UBND", "is_parent": "on"})
    plan.refresh_from_db()
    assert plan.parent_plan == province and hidden.pk != plan.parent_plan_id  # never linked to a plan not theirs


def test_free_sections_are_formatted_but_never_raw_html(cast, plan, client_for):
    client = client_for(cast.mai)
    response = client.post(reverse("plans:plan_texts", args=[plan.pk]), {
        "version": plan.version, "purpose_text": "**1. Mục đích**\n- Khắc phục <script>alert(1)</script>",
        "organisation_text": "Văn phòng Sở *đôn đốc*", "results_text": "", "solutions_text": "", "budget_text": "",
        "unit_plan_days": "30"})
    assert response.status_code == 302
    page = client.get(reverse("plans:plan", args=[plan.pk])).content.decode()
    assert "<strong>1. Mục đích</strong>" in page and "<li>Khắc phục &lt;script&gt;alert(1)&lt;/script&gt;</li>" in page
    assert "<script>alert(1)</script>" not in page and "<em>đôn đốc</em>" in page
    assert Plan.objects.get(pk=plan.pk).unit_plan_days == 30
    stale = client.post(reverse("plans:plan_texts", args=[plan.pk]), {"version": plan.version, "budget_text": "x"})
    assert stale.status_code == 409


def test_only_the_office_edits_a_plans_content(cast, plan, client_for):
    assert client_for(cast.lan).get(reverse("plans:plan_texts", args=[plan.pk])).status_code == 403
    assert client_for(cast.khoa).get(reverse("plans:plan_texts", args=[plan.pk])).status_code in (403, 404)
    assert client_for(cast.lan).post(reverse("plans:basis_add", args=[plan.pk]), {"number": "1/KH"}).status_code == 403


def test_the_province_results_are_recorded_once_per_year_and_index(cast, client_for):
    client = client_for(cast.mai)
    url = reverse("plans:province_results")
    data = {"year": 2023, "index": "par", "score": "91.03", "score_unit": "điểm", "rank": 5, "out_of": 63,
            "decision_number": "273/QĐ-BNV", "decision_date": "2024-04-10", "decision_issuer": "Bộ Nội vụ"}
    assert client.post(url, data).status_code == 302
    assert client.post(url, {**data, "score": "91.30"}).status_code == 302
    assert ProvinceResult.objects.get().score == Decimal("91.30")
    assert client.post(url, {**data, "rank": 70}).status_code == 400
    page = client.get(url).content.decode()
    assert "91,3 điểm" in page and "05/63" in page
    assert client_for(cast.lan).post(url, data).status_code == 403


@pytest.mark.parametrize("comparison, value, change, current, baseline, met, compared", [
    ("gte", Decimal(70), "level", Decimal(72), None, True, Decimal(72)),
    ("gt", Decimal("87.225"), "level", Decimal("87.225"), None, False, Decimal("87.225")),
    ("lt", Decimal(10), "level", Decimal(8), None, True, Decimal(8)),
    ("gte", Decimal(10), "decrease", Decimal(9), Decimal(10), True, Decimal("10.00")),
    ("gte", Decimal(15), "decrease", Decimal(10), Decimal(11), False, Decimal("9.09")),
    ("gte", Decimal(0), "increase", Decimal(88), Decimal("87.225"), True, Decimal("0.89")),
    ("gte", Decimal(10), "decrease", Decimal(9), None, None, None),
    ("gte", Decimal(10), "level", None, None, None, None),
])
def test_targets_are_met_as_plans_write_them(comparison, value, change, current, baseline, met, compared):
    result = evaluate(comparison=comparison, value=value, change=change, current=current, baseline=baseline)
    assert (result.met, result.compared) == (met, compared)


@time_machine.travel("2025-06-30 09:00 +07:00", tick=False)
@pytest.mark.dates
def test_fewer_internal_units_than_the_baseline_year_is_measured_from_the_unit_tree(cast, plan):
    units = list(Unit.objects.filter(parent=cast.department).order_by("path"))
    assert len(units) == 11
    for unit in units[-2:]:
        unit.dissolved_on = date(2025, 3, 1)
        unit.save()
    target = actions.add_target(by=cast.mai, plan=plan, label="Giảm 15 % đầu mối bên trong so với năm 2024",
                                value=Decimal(15), metric_key="org.internal_units", change="decrease",
                                baseline_year=2024)
    row = next(r for r in measure.target_rows(plan, date(2025, 6, 30)) if r.target == target)
    assert (row.measured.evaluation.baseline, row.measured.evaluation.current) == (Decimal(11), Decimal(9))
    assert row.measured.evaluation.compared == Decimal("18.18") and row.measured.evaluation.met is True


def test_a_target_without_data_takes_a_typed_value_with_evidence(cast, plan, client_for):
    target = actions.add_target(by=cast.mai, plan=plan, label="Rút ngắn 40–45 % thời gian giải quyết", value=40,
                                value_to=45, scope_share=40, scope_label="tổng số TTHC")
    client = client_for(cast.mai)
    page = client.get(reverse("plans:plan", args=[plan.pk])).content.decode()
    assert "Không có nguồn số liệu trong hệ thống" in page and "≥ 40–45 %" in page
    response = client.post(reverse("plans:target_value", args=[target.pk]), {
        "version": target.version, "manual_value": "42", "manual_note": "Quyết định 1234/QĐ-UBND phê duyệt phương án",
        "manual_file": SimpleUploadedFile("quyet-dinh.pdf", PDF, content_type="application/pdf")})
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.manual_value == Decimal(42) and target.manual_file
    page = client.get(reverse("plans:plan", args=[plan.pk])).content.decode()
    assert "Nhập tay" in page and "Quyết định 1234/QĐ-UBND" in page and "Đạt" in page
    download = client.get(reverse("plans:target_file", args=[target.pk]))
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment")
    bad = client.post(reverse("plans:target_value", args=[target.pk]), {
        "version": target.version, "manual_value": "42", "manual_note": "x",
        "manual_file": SimpleUploadedFile("trang.pdf", b"<html><script></script></html>")})
    assert bad.status_code == 400


def test_a_target_given_to_units_rolls_up_on_the_plan(cast, plan, client_for):
    target = actions.add_target(by=cast.mai, plan=plan, label="Hồ sơ trực tuyến toàn trình", value=60)
    client = client_for(cast.mai)
    for code, value, reached in (("qldd", "60", "65"), ("vpdkdd", "70", "50")):
        assert client.post(reverse("plans:target_assign", args=[target.pk]), {
            "unit": cast.unit(code).pk, "value": value, "manual_value": reached}).status_code == 302
    row = next(r for r in measure.target_rows(plan, date(2025, 6, 30)) if r.target == target)
    assert [(a.unit.code, m.evaluation.met) for a, m in row.assignments] == [("qldd", True), ("vpdkdd", False)]
    assert "Giao cho các đơn vị: 1/2 đơn vị đạt" in client.get(reverse("plans:plan", args=[plan.pk])).content.decode()
    assert Target.objects.get(pk=target.pk).assignments.count() == 2
