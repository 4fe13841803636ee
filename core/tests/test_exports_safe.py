"""No Excel export writes a formula: what people typed is written as text, exactly, on every export of the site.

Hostile text — a citizen's suggestion "=HYPERLINK(...)", a dossier code "+1", a task "-2+3", "@SUM(A1)", a tab or a
carriage return before "=1" — is put into real objects through the apps, every .xlsx export URL of the URL
configuration is downloaded, and each file is read back with openpyxl: no cell is a formula, the hostile texts are
there exactly as typed (with Excel's quote prefix, so editing the cell keeps it text), and numbers stay numbers.
"""

import io
from datetime import date
from decimal import Decimal

import pytest
import time_machine
from openpyxl import Workbook, load_workbook
from openpyxl.cell import Cell

from core import xlsx

HYPERLINK = '=HYPERLINK("http://x","y")'
HOSTILE = [HYPERLINK, "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
NOW = "2026-11-23 09:00 +07:00"


def cells_of(data: bytes) -> list[Cell]:
    book = load_workbook(io.BytesIO(data))
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def assert_safe(data: bytes, exact=(), inside=()) -> list[Cell]:
    """No formula anywhere; each of `exact` is a whole cell, each of `inside` part of one; text that starts like a
    formula carries the quote prefix."""
    cells = cells_of(data)
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    texts = [c.value for c in cells if isinstance(c.value, str)]
    for text in exact:
        assert text in texts, f"{text!r} not written as it was typed"
    for text in inside:
        assert any(text in t for t in texts), f"{text!r} not found"
    risky = [c for c in cells if isinstance(c.value, str) and xlsx.looks_like_formula(c.value)]
    assert all(c.data_type == "s" and c.quotePrefix for c in risky)
    return cells


# --- the helper itself ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("write_only", [False, True])
def test_the_helper_writes_text_as_text_and_numbers_as_numbers(write_only):
    book = Workbook(write_only=write_only)
    sheet = book.create_sheet("Dữ liệu") if write_only else book.active
    when = date(2024, 11, 15)
    xlsx.append(sheet, [*HOSTILE, "#N/A", "Báo cáo\x0bquý III\x01", 12, Decimal("9.376"), 0.929, when, True, None])
    if not write_only:
        xlsx.put(sheet, 2, 1, "=1+1")
    buffer = io.BytesIO()
    book.save(buffer)
    cells = assert_safe(buffer.getvalue(), exact=[*HOSTILE, "#N/A", "Báo cáo\nquý III"])
    by_value = {c.value: c for c in cells if c.value is not None}
    assert by_value["#N/A"].data_type == "s"
    assert by_value[12].data_type == "n" and by_value[9.376].data_type == "n" and by_value[0.929].data_type == "n"
    assert any(c.is_date for c in cells)
    assert by_value[True].data_type == "b"
    if not write_only:
        assert by_value["=1+1"].data_type == "s"


# --- every export of the site ----------------------------------------------------------------------------------

@pytest.fixture
def world(cast):
    """Hostile text in a plan, an assessment, a framework, a unit, dossiers and a survey."""
    from assessments.models import Score
    from documents.tests.builders import make_assessment, make_framework, make_plan
    from dossiers.models import Dossier, Procedure
    from dossiers.tests.helpers import SAMPLE, import_bytes, make_catalogue
    from frameworks.models import Criterion
    from org.models import Unit
    from surveys import actions as survey_actions
    from surveys.tests.builders import answer_all, make_survey

    plan = make_plan(cast)
    plan.tasks.filter(code="3.6").update(content=HYPERLINK, product="+1", lead_text="-2+3",
                                         coordinating_text="@SUM(A1)", monitoring_text="\t=1", deadline_text="\r=1")
    framework = make_framework(cast)
    Criterion.objects.filter(framework=framework, code="1.1").update(title=HYPERLINK, guidance="@SUM(A1)")
    assessment = make_assessment(cast, framework, publish=True)
    Score.objects.filter(assessment=assessment, criterion__code="7.1").update(explanation="-2+3")
    Score.objects.filter(assessment=assessment, criterion__code="1.1").update(appraisal_comment="\t=1")
    Unit.objects.filter(pk=cast.unit("vp").pk).update(name="+1 Văn phòng Sở")

    make_catalogue()
    import_bytes(cast.mai, cast.department, SAMPLE.encode())
    Dossier.objects.filter(code="H04").update(code=HYPERLINK, field="@SUM(A1)")
    Procedure.objects.filter(code="1.004227").update(name="-2+3")

    survey = make_survey(cast)
    counter = survey_actions.add_counter(by=cast.mai, survey=survey, name="\r=1")
    answer_all(survey, 4, counter=counter, suggestion=HYPERLINK)
    survey.questions.filter(pk=survey.questions.order_by("pk").first().pk).update(text="@SUM(A1)")
    return {"plan": plan, "framework": framework, "assessment": assessment, "department": cast.department,
            "office": cast.unit("vp"), "survey": survey}


WINDOW = "start=01/01/2024&end=30/11/2024"
# Every .xlsx export: (URL from the world, texts that are whole cells, texts inside a cell).
EXPORTS = {
    "documents:nhiem-vu": (lambda w: f"/documents/nhiem-vu/{w['plan'].pk}.xlsx",
                           [HYPERLINK, "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"], []),
    "documents:ket-qua-cham-diem": (lambda w: f"/documents/ket-qua-cham-diem/{w['assessment'].pk}.xlsx",
                                    ["-2+3", "\t=1"], [HYPERLINK]),
    "documents:bo-chi-so": (lambda w: f"/documents/bo-chi-so/{w['framework'].pk}.xlsx", ["@SUM(A1)"], [HYPERLINK]),
    "documents:xep-hang": (lambda w: f"/documents/xep-hang/{w['framework'].pk}.xlsx", ["+1 Văn phòng Sở"], []),
    "documents:ket-qua-cac-nam": (lambda w: f"/documents/ket-qua-cac-nam/{w['office'].pk}.xlsx",
                                  ["+1 Văn phòng Sở"], []),
    "documents:nhiem-vu-qua-han": (lambda w: f"/documents/nhiem-vu-qua-han/{w['department'].pk}.xlsx",
                                   [HYPERLINK, "-2+3"], []),
    "documents:so-lieu": (lambda w: f"/documents/so-lieu/{w['department'].pk}.xlsx?kind=year&year=2024",
                          ["+1 Văn phòng Sở"], []),
    "dossiers:export": (lambda w: f"/dossiers/xlsx/?{WINDOW}", ["@SUM(A1)"], ["-2+3"]),
    "dossiers:list_export": (lambda w: f"/dossiers/list/xlsx/?{WINDOW}&outcome=received",
                             [HYPERLINK, "-2+3", "@SUM(A1)"], []),
    "surveys:export_answers": (lambda w: f"/surveys/{w['survey'].pk}/export/answers.xlsx", [HYPERLINK, "\r=1"],
                               ["@SUM(A1)"]),
    "surveys:export_results": (lambda w: f"/surveys/{w['survey'].pk}/export/results.xlsx", ["@SUM(A1)"], []),
    "frameworks:export": (lambda w: f"/frameworks/{w['framework'].pk}/export.xlsx", [HYPERLINK, "@SUM(A1)"], []),
    "frameworks:template": (lambda w: "/frameworks/template.xlsx", [], []),
    "imports:template": (lambda w: "/imports/mau-danh-sach-nhiem-vu.xlsx", [], []),
}


def _xlsx_routes() -> set[str]:
    """Every route that answers an .xlsx file: named so in the URL configuration, or an Excel export of documents."""
    from django.urls import URLPattern, URLResolver, get_resolver

    from documents import services

    found = set()

    def walk(patterns, namespace=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, f"{namespace}:{p.namespace}" if namespace and p.namespace else
                     (p.namespace or namespace))
            elif isinstance(p, URLPattern) and "xlsx" in str(p.pattern):
                found.add(f"{namespace}:{p.name}")

    walk(get_resolver().url_patterns)
    found |= {f"documents:{e.key}" for e in services.EXPORTS.values() if e.base == "xlsx"}
    return found


def test_every_excel_export_of_the_site_is_covered():
    assert _xlsx_routes() == set(EXPORTS)


@pytest.mark.dates
@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_the_export_writes_what_people_typed_as_text(name, world, cast, client_for):
    url, exact, inside = EXPORTS[name]
    response = client_for(cast.mai).get(url(world))
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    cells = assert_safe(response.content, exact=exact, inside=inside)
    assert any(isinstance(c.value, str) for c in cells)


@pytest.mark.dates
@time_machine.travel(NOW, tick=False)
def test_numbers_stay_numbers_in_the_exports(world, cast, client_for):
    client = client_for(cast.mai)
    listed = cells_of(client.get(EXPORTS["dossiers:list_export"][0](world)).content)
    assert any(c.data_type == "n" and c.value == 50000 for c in listed)  # the fee
    tasks = cells_of(client.get(EXPORTS["documents:nhiem-vu"][0](world)).content)
    assert any(c.data_type == "n" and c.value == 40 for c in tasks)  # progress of task 3.6
