"""Text as users paste it (control characters, ampersands, angle brackets) and growing data do not break exports."""

from datetime import date

import pytest

from documents import builtin, contexts, sheets, templating
from documents.tests.builders import make_assessment, make_framework, make_plan
from documents.tests.readback import docx_text, find_row, workbook
from documents.tests.test_user_templates import docx_with

pytestmark = pytest.mark.django_db

PASTED = "Phòng Kế hoạch & Tài chính <KH-TC>\x0bbáo cáo\x07 trước ngày 15/11"


def test_pasted_text_survives_word_excel_and_user_templates(cast):
    plan = make_plan(cast)
    plan.tasks.filter(code="3.6").update(content=PASTED)
    context = contexts.plan_context(plan, date(2024, 6, 3))
    assert "Phòng Kế hoạch & Tài chính <KH-TC>\nbáo cáo trước ngày 15/11" in docx_text(builtin.plan_document(context))
    sheet = workbook(sheets.plan_workbook(plan, date(2024, 6, 3)))["Phụ lục 1"]
    assert find_row(sheet, "3.6")[1] == "Phòng Kế hoạch & Tài chính <KH-TC>\nbáo cáo trước ngày 15/11"
    filled = templating.fill(docx_with("{% for nv in nhiem_vu %}{{ nv.noi_dung }}|{% endfor %}"), context)
    assert "Phòng Kế hoạch & Tài chính <KH-TC>" in docx_text(filled)


@pytest.mark.parametrize("export", ["ke-hoach/{plan}.docx", "nhiem-vu/{plan}.xlsx", "nhiem-vu-qua-han/{unit}.xlsx",
                                    "ket-qua-cham-diem/{assessment}.xlsx", "bao-cao-tu-danh-gia/{assessment}.docx",
                                    "xep-hang/{framework}.xlsx", "bo-chi-so/{framework}.xlsx",
                                    "bao-cao-dinh-ky/{unit}.docx?kind=year&year=2024"])
def test_download_queries_do_not_grow_with_tasks_and_units(cast, client_for, django_assert_max_num_queries, export):
    client = client_for(cast.mai)
    plan = make_plan(cast)
    framework = make_framework(cast)
    assessment = make_assessment(cast, framework, cast.unit("vp"))
    ids = {"plan": plan.pk, "unit": cast.department.pk, "assessment": assessment.pk, "framework": framework.pk}
    url = "/documents/" + export.format(**ids)
    with django_assert_max_num_queries(60) as small:
        assert client.get(url).status_code == 200
    make_plan(cast, extra_tasks=25)
    for code in ("qldd", "ttcntt", "tt", "khtc"):
        make_assessment(cast, framework, cast.unit(code))
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", [
    "/documents/ke-hoach/99999999999999999999999.docx",
    "/documents/mau/99999999999999999999999/tep/",
    "/documents/bao-cao-theo-ky/?unit=99999999999999999999999&xuat=bao-cao-dinh-ky.docx&kind=year&year=2024",
    "/documents/bao-cao-theo-ky/?unit=abc&xuat=.",
    "/documents/bao-cao-theo-ky/?xuat=so-lieu.xlsx&kind=year&year=2024&unit=",
    "/documents/tep/99999999999999999999999/",
    "/documents/tep/99999999999999999999999/tai-ve/",
    "/documents/tep/0/?page=abc&unit=%00",
])
def test_odd_addresses_get_404_or_a_message_never_a_500(cast, client_for, url):
    response = client_for(cast.mai).get(url)
    assert response.status_code in (302, 404)
