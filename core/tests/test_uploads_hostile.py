"""Hostile files on every upload form: a clear message within bounds, and nothing written.

Each file is built here with zipfile (core/tests/hostile_files.py): zip bombs unpacking to a gigabyte, a 150 MB
shared string, a cell longer than Excel holds, a declared range of 17 billion cells, a cell in the last row and
column, 20,000 entries, broken XML, entity bombs, a zip directory that lies about sizes, programs and web pages
named like documents. The tests marked `hostile` run under the CPU-time and memory limits the harness asserts
(core/tests/conftest.py: 10 s of CPU, parent and children together, and 1 GB), never under a clock of their own.
"""

import io
from dataclasses import dataclass
from datetime import date

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from core import uploads
from core.bounded import Bounds, Exhausted, run_bounded
from core.tests import hostile_files as h

pytestmark = pytest.mark.django_db
NOW = "2026-11-23 09:00 +07:00"


# --- the checks themselves (no database) ---------------------------------------------------------------------

@pytest.mark.parametrize(("head", "kind"), [
    (h.PDF, "pdf"), (h.PNG, "png"), (b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpeg"), (b"GIF89a\x01\x00", "gif"),
    (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "webp"), (b"II*\x00\x08\x00", "tiff"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"PK\x03\x04", "zip"), (h.HTML, None), (h.SVG, None), (h.EXE, None), (b"#!/bin/sh\nrm -rf /", None),
    (b"  %PDF-1.4 after spaces", None),
])
def test_a_file_is_known_by_its_first_bytes(head, kind):
    assert uploads.sniff(head[:16]) == kind


@pytest.mark.parametrize(("name", "data", "kind"), [
    ("Báo cáo DTI năm 2024.pdf", h.PDF, "pdf"), ("anh-chup.png", h.PNG, "png"), ("bao-cao.docx", h.real_docx(), "docx"),
    ("ho-so.zip", h.zip_of({"quyet-dinh.pdf": h.PDF, "anh.png": h.PNG, "bao-cao.docx": h.real_docx()}), "zip"),
])
def test_evidence_of_accepted_kinds_passes(name, data, kind):
    assert uploads.check_evidence(io.BytesIO(data), name, uploads.PROFILES["evidence"]).key == kind


@pytest.mark.parametrize(("name", "data", "message"), [
    ("bao-cao.pdf", h.HTML, "không phải loại tài liệu kiểm chứng được nhận"),
    ("so-do.svg", h.SVG, "không phải loại tài liệu kiểm chứng được nhận"),
    ("so-do.png", h.SVG, "không phải loại tài liệu kiểm chứng được nhận"),
    ("cai-dat.exe", h.EXE, "không phải loại tài liệu kiểm chứng được nhận"),
    ("bao-cao.docx", h.EXE, "không phải loại tài liệu kiểm chứng được nhận"),
    ("bao-cao.pdf", h.real_docx(), "là Word nhưng tên tệp có đuôi khác"),
    ("trang.zip", h.zip_of({"trang.html": h.HTML}), "có tệp “trang.html” không phải tài liệu"),
    ("trang.zip", h.zip_of({"bao-cao.pdf": h.HTML}), "có tệp “bao-cao.pdf” không phải tài liệu"),
    ("long.zip", h.zip_of({"trong.zip": h.zip_of({"a.pdf": h.PDF})}), "có tệp “trong.zip” không phải tài liệu"),
    ("rong.pdf", b"", "rỗng"),
])
def test_evidence_is_refused_by_its_content(name, data, message):
    with pytest.raises(uploads.UploadProblem, match=message) as refused:
        uploads.check_evidence(io.BytesIO(data), name, uploads.PROFILES["evidence"])
    assert refused.value.code in ("content", "format")


def test_limits_can_be_changed_in_the_settings(settings):
    from django.core.exceptions import ValidationError

    from core.forms import check_upload

    small = SimpleUploadedFile("phieu.xlsx", h.xlsx('<row r="1"><c r="A1" t="s"><v>0</v></c></row>' * 1,
                                                    shared=["Góp ý " * 100]))
    assert check_upload(small, "survey", ("xlsx",)) == "xlsx"
    settings.CCHC_UPLOAD_LIMITS = {"survey": {"max_shared_strings": 200}}
    with pytest.raises(ValidationError, match="phần chữ lớn hơn"):
        check_upload(small, "survey", ("xlsx",))
    settings.CCHC_UPLOAD_LIMITS = {"survey": {"max_text": 100}}
    with pytest.raises(ValidationError, match="quá giới hạn 100 ký tự"):
        check_upload(small, "survey", ("xlsx",))


def test_a_real_export_passes_the_checks_of_its_form():
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Hồ sơ")
    for n in range(5_000):
        sheet.append([f"H{n:05d}", "1.004227", "Đăng ký biến động quyền sử dụng đất", "02/01/2024 08:00", n * 1.5])
    buffer = io.BytesIO()
    book.save(buffer)
    assert uploads.check(buffer, "ho-so.xlsx", uploads.PROFILES["dossiers"], ("xlsx", "csv")) == "xlsx"
    assert buffer.tell() == 0


# --- the bounded runner --------------------------------------------------------------------------------------

def _spin():
    while True:
        pass


def _eat():
    return b"x" * (3 * 1024 * 1024 * 1024)


@pytest.mark.hostile
def test_the_bounded_runner_stops_work_past_its_cpu_time_and_memory():
    assert run_bounded(sum, [1, 2, 3]) == 6
    with pytest.raises(Exhausted) as stopped:
        run_bounded(_spin, bounds=Bounds(cpu_seconds=1))
    assert stopped.value.what == "cpu"
    with pytest.raises(Exhausted) as stopped:
        run_bounded(_eat, bounds=Bounds(memory_bytes=256 * 1024 * 1024))
    assert stopped.value.what == "memory"
    with pytest.raises(ZeroDivisionError):
        run_bounded(lambda: 1 / 0)


# --- every upload form ---------------------------------------------------------------------------------------

@dataclass
class UploadForm:
    url: object  # (world) -> url
    fields: object  # (world, file) -> POST data
    rows: object  # () -> rows the upload would write
    formats: tuple[str, ...]
    # Messages of a reader with its own advice, where it gives it instead of core.uploads (plan import).
    reader_messages: dict | None = None


def _count(*models):
    return lambda: tuple(m.objects.count() for m in models)


def _forms():
    from assessments.models import Evidence as ScoreEvidence
    from documents import catalog
    from documents.models import DocumentTemplate
    from dossiers.models import Dossier, ImportRun, ImportSource
    from frameworks.models import Criterion
    from imports.models import ImportSession
    from plans.models import Evidence as TaskEvidence
    from plans.models import PeriodReport, TaskUpdate
    from surveys.models import Response

    return {
        "plan import": UploadForm(
            lambda w: "/imports/", lambda w, f: {"issuing_unit": w["cast"].department.pk, "file": f},
            _count(ImportSession), ("docx", "xlsx"),
            reader_messages={"broken XML": "có thể bị hỏng", "entity bomb": "có thể bị hỏng",
                             "lying sizes": "có thể bị hỏng", "a program named like it": "không phải là tệp Word",
                             "a web page named like it": "không phải là tệp Word"}),
        "dossier import": UploadForm(
            lambda w: "/dossiers/import/",
            lambda w, f: {"new_source": "Phần mềm một cửa", "unit": w["cast"].department.pk, "file": f},
            _count(ImportRun, ImportSource, Dossier), ("xlsx", "csv")),
        "survey paper sheets": UploadForm(
            lambda w: f"/surveys/{w['survey'].pk}/import/", lambda w, f: {"file": f}, _count(Response), ("xlsx",)),
        "framework import": UploadForm(
            lambda w: f"/frameworks/{w['framework'].pk}/import/", lambda w, f: {"file": f}, _count(Criterion),
            ("xlsx",)),
        "document template": UploadForm(
            lambda w: "/documents/mau/",
            lambda w, f: {"kind": catalog.PLAN, "name": "Mẫu thử", "applies_to": f"unit:{w['cast'].department.pk}",
                          "file": f}, _count(DocumentTemplate), ("docx",)),
        "assessment evidence": UploadForm(
            lambda w: f"/assessments/{w['assessment'].pk}/items/{w['score'].pk}/evidence/",
            lambda w, f: {"file": f}, _count(ScoreEvidence), ("evidence",)),
        "task progress evidence": UploadForm(
            lambda w: f"/plans/nhiem-vu/{w['task'].pk}/tien-do/",
            lambda w, f: {"unit": w["cast"].unit("qldd").pk, "status": "in_progress", "percent": 50,
                          "note": "Đã ban hành quy trình", "files": [f], "version": w["task"].version},
            _count(TaskUpdate, TaskEvidence),
            ("evidence",)),
        "period report file": UploadForm(
            lambda w: f"/plans/{w['task'].plan_id}/bao-cao/{w['period'].pk}/gui/",
            lambda w, f: {"unit": w["cast"].unit("qldd").pk, "text": "Kết quả quý III", "file": f},
            _count(PeriodReport), ("evidence",)),
    }


# (name, file name without extension, builder, message, the formats it is sent as)
HOSTILE = [
    ("zip bomb", "ke-hoach", {"docx": h.docx_bomb, "xlsx": h.xlsx_bomb, "evidence": h.docx_bomb},
     "khi giải nén lớn hơn|nén bất thường"),
    ("20,000 entries", "ke-hoach", {"xlsx": h.many_entries, "docx": h.many_entries}, "quá nhiều thành phần"),
    ("150 MB shared string", "ke-hoach", {"xlsx": h.huge_shared_string}, "nén bất thường|phần chữ lớn hơn"),
    ("a cell longer than Excel holds", "ke-hoach", {"xlsx": h.long_cell}, "ký tự một ô của Excel"),
    ("declared range A1:XFD1048576", "ke-hoach", {"xlsx": h.declared_range}, "khai báo vùng dữ liệu A1:XFD1048576"),
    ("a cell in the last row and column", "ke-hoach", {"xlsx": h.far_cell}, "có dữ liệu đến"),
    ("a sheet under another name", "ke-hoach", {"xlsx": h.renamed_sheet}, "khai báo vùng dữ liệu A1:XFD1048576"),
    ("broken XML", "ke-hoach", {"xlsx": h.broken_xml_xlsx, "docx": h.broken_xml_docx}, "bị hỏng"),
    ("entity bomb", "ke-hoach", {"xlsx": h.entity_bomb_xlsx, "docx": h.entity_bomb_docx}, "bị hỏng"),
    ("lying sizes", "ke-hoach", {"xlsx": h.lying_sizes}, "bị hỏng"),
    ("a program named like it", "ke-hoach", {"xlsx": lambda: h.EXE, "docx": lambda: h.EXE, "evidence": lambda: h.EXE},
     "không phải bảng tính .xlsx|không phải văn bản Word|không phải loại tài liệu kiểm chứng"),
    ("a web page named like it", "ke-hoach", {"docx": lambda: h.HTML, "evidence": lambda: h.HTML},
     "không phải văn bản Word|không phải loại tài liệu kiểm chứng"),
    ("an SVG image", "so-do", {"evidence": lambda: h.SVG}, "không phải loại tài liệu kiểm chứng"),
    ("a zip of a web page", "ho-so", {"evidence": lambda: h.zip_of({"trang.html": h.HTML})}, "có tệp “trang.html”"),
    ("binary named .csv", "ho-so", {"csv": lambda: h.EXE}, "không phải tệp CSV dạng văn bản"),
]
EVIDENCE_NAMES = {"zip bomb": "ho-so.zip", "a program named like it": "bao-cao.pdf",
                  "a web page named like it": "bao-cao.pdf", "an SVG image": "so-do.svg", "a zip of a web page": "ho-so.zip"}


def _cases():
    forms = {
        "plan import": ("docx", "xlsx"), "dossier import": ("xlsx", "csv"), "survey paper sheets": ("xlsx",),
        "framework import": ("xlsx",), "document template": ("docx",), "assessment evidence": ("evidence",),
        "task progress evidence": ("evidence",), "period report file": ("evidence",),
    }
    for form, formats in forms.items():
        for what, stem, builders, message in HOSTILE:
            for fmt in formats:
                if fmt in builders:
                    name = EVIDENCE_NAMES[what] if fmt == "evidence" else f"{stem}.{fmt}"
                    yield pytest.param(form, what, name, builders[fmt], message, id=f"{form}: {what} ({name})")


@pytest.fixture
def world(cast):
    from assessments.tests.builders import internal_framework, open_assessment, score_of
    from frameworks.models import Framework
    from plans import actions as plan_actions
    from plans.tests.builders import make_plan, make_task
    from surveys.tests.builders import make_survey

    assessment = open_assessment(cast, "qldd", internal_framework(cast))
    task = make_task(cast, make_plan(cast), lead="qldd")
    period = plan_actions.add_report_period(by=cast.mai, plan=task.plan, label="Quý III", stated_due=date(2026, 12, 10))
    return {"cast": cast, "assessment": assessment, "score": score_of(assessment, "1.1"), "task": task,
            "period": period, "survey": make_survey(cast),
            "framework": Framework.objects.create(year=2024, title="Bộ tiêu chí thử", owner=cast.department)}


USERS = {"assessment evidence": "lan", "task progress evidence": "lan", "period report file": "lan"}


@pytest.fixture
def data(build):
    """The file, built before the test body: the bombs take seconds to pack, outside the limits."""
    return build()


@pytest.mark.hostile
@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(("form", "what", "name", "build", "message"), list(_cases()))
def test_a_hostile_file_gets_a_message_and_writes_nothing(form, what, name, build, message, data, world, client_for):
    import re

    spec = _forms()[form]
    before = spec.rows()
    user = getattr(world["cast"], USERS.get(form, "mai"))
    response = client_for(user).post(spec.url(world), spec.fields(world, SimpleUploadedFile(name, data)),
                                     HTTP_HX_REQUEST="true" if form == "assessment evidence" else "")
    assert response.status_code < 500
    page = response.content.decode()
    expected = (spec.reader_messages or {}).get(what, message)
    assert re.search(expected, page), f"no message matching {expected!r} in {page[-3000:]}"
    assert spec.rows() == before


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(("form", "name", "data"), [
    ("assessment evidence", "Báo cáo DTI năm 2024.pdf", h.PDF),
    ("assessment evidence", "ho-so-kiem-chung.zip", h.zip_of({"quyet-dinh.pdf": h.PDF, "anh.png": h.PNG})),
    ("task progress evidence", "anh-chup.png", h.PNG),
    ("period report file", "bao-cao-quy-3.docx", h.real_docx()),
])
def test_real_documents_are_still_accepted(form, name, data, world, client_for):
    spec = _forms()[form]
    before = spec.rows()
    response = client_for(getattr(world["cast"], USERS[form])).post(
        spec.url(world), spec.fields(world, SimpleUploadedFile(name, data)),
        HTTP_HX_REQUEST="true" if form == "assessment evidence" else "")
    assert response.status_code in (200, 302)
    assert spec.rows() != before


# --- parsing stays bounded whatever a stored file declares ---------------------------------------------------

@pytest.mark.hostile
@pytest.mark.parametrize("build", [h.declared_range, h.far_cell], ids=["declared range", "a cell far away"])
def test_the_dossier_column_preview_reads_only_what_a_file_holds(build, data, cast, client_for):
    """A file stored before the upload checks (or by the command line) still previews within bounds."""
    from dossiers import actions
    from dossiers.tables import MAX_COLUMNS

    source = actions.create_source(by=cast.mai, unit=cast.department, name="Phần mềm một cửa")
    run = actions.upload_export(by=cast.mai, source=source, uploaded_file=SimpleUploadedFile("ho-so.xlsx", data))
    response = client_for(cast.mai).get(f"/dossiers/import/{run.pk}/columns/")
    assert response.status_code in (200, 400)
    headers = response.context.get("headers") or []
    assert len(headers) <= MAX_COLUMNS


HOSTILE_TEMPLATES = [
    ("{% for i in range(10**4) %}{% for j in range(10**4) %}x{% endfor %}{% endfor %}", "lặp hoặc tính toán quá nhiều"),
    ("{{ 'A'*10**8 }}", "chuỗi hoặc danh sách quá dài"),
    ("{{ [1]*10**8 }}", "chuỗi hoặc danh sách quá dài"),
    ("{{ 9**99999999 }}", "chuỗi hoặc danh sách quá dài"),
    ("{% macro f(n) %}{% if n %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}{{ f(40) }}",
     "lặp hoặc tính toán quá nhiều"),
    ("{{ 'A'|center(10**9) }}", "chuỗi hoặc danh sách quá dài"),
    ("{% set a = 'A'*100000 %}{% set b = a~a~a~a~a~a~a~a~a~a %}{% set c = b~b~b~b~b~b~b~b~b~b %}"
     "{% set d = c~c~c~c~c~c~c~c~c~c %}{{ d~d~d~d~d~d~d~d~d~d }}", "quá nhiều bộ nhớ|quá lớn"),
    ("{{ 1/0 }}", "Không điền được dữ liệu vào mẫu"),
]


@pytest.mark.hostile
@pytest.mark.parametrize(("text", "message"), HOSTILE_TEMPLATES)
def test_a_hostile_template_is_refused_within_bounds(text, message, cast, client_for):
    import re

    from documents import catalog
    from documents.models import DocumentTemplate

    upload = SimpleUploadedFile("mau.docx", h.real_docx(text))
    response = client_for(cast.mai).post("/documents/mau/", {
        "kind": catalog.PLAN, "name": "Mẫu thử", "applies_to": f"unit:{cast.department.pk}", "file": upload})
    assert response.status_code == 400
    assert re.search(message, response.content.decode())
    assert not DocumentTemplate.objects.exists()


@pytest.mark.hostile
def test_a_template_that_runs_too_long_is_stopped_by_its_bounds(settings):
    """What the budget does not foresee, the child process's CPU limit stops."""
    from documents import templating

    settings.CCHC_BOUNDED_CPU_SECONDS = 1
    # Loops with no range(), no call and no attribute: only the CPU limit can stop them.
    text = "{% for a in x %}{% for b in x %}{% for c in x %}{% for d in x %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}"
    with pytest.raises(templating.TemplateProblem, match="quá 1 giây"):
        templating.fill(h.real_docx(text), {"x": list(range(300))})
