"""Property tests of the forms and importers through their pages (hypothesis): whatever a person types or uploads,
the answer is a page (a message, the form with its errors, a redirect), never a 500; and an import that is refused
leaves the database exactly as it was (row counts and checksums of every table, core/tests/dbstate.py).

Each example is sent in a savepoint rolled back afterwards, so examples never see each other's writes; every test
runs on a fixed day, so the dates typed are judged against the same today.
"""

import io
import traceback

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import event, given
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from accounts.models import Role
from core.testing import PASSWORD
from core.tests.dbstate import changed_tables, database_state, describe
from core.tests.properties import CELL, DATE_TEXT, FEW, ID_TEXT, NUMBER_TEXT, PROPERTY, TEXT
from frameworks import sheet

pytestmark = pytest.mark.django_db

TODAY = "2026-11-23 09:00 +07:00"


@pytest.fixture(autouse=True)
def _fixed_day():
    with time_machine.travel(TODAY, tick=True):
        yield


@pytest.fixture
def scene(cast):
    """A plan with a task and a relative one, an assessment being self-scored and one being appraised, a framework
    to import criteria into, a survey to import paper sheets into: made once per test, shared by its examples."""
    from core.tests.mutation_world import World, assessment_in, framework_of
    from plans import actions as plans
    from surveys.tests.builders import make_survey

    world = World(units=dict(cast.units), people={name: getattr(cast, name) for name in
                                                  ("lan", "hung", "mai", "thu", "manh", "admin", "khoa")})
    plan = plans.create_plan(by=cast.mai, issuing_unit=cast.department, title="Kế hoạch CCHC năm 2026", year=2026,
                             status="issued", number="05", symbol="KH-STNMT")
    section = plans.add_section(by=cast.mai, plan=plan, numeral="I", title="CẢI CÁCH THỂ CHẾ")
    common = {"by": cast.mai, "plan": plan, "section": section, "lead_units": [cast.unit("qldd")],
              "monitoring_units": [cast.unit("vp")]}
    task = plans.add_task(code="1", content="Rà soát thủ tục", deadline_text="Trước ngày 15/12", **common)
    relative = plans.add_task(code="2", content="Triển khai văn bản", **common,
                              deadline_text="Trong thời hạn 20 ngày kể từ khi nhận được văn bản")
    department_fw = framework_of(world, cast.department, "Bộ tiêu chí các phòng (thuộc tính)", by=cast.mai,
                                 measured=True)
    appraised_fw = framework_of(world, cast.department, "Bộ tiêu chí các phòng (thẩm định)", by=cast.mai)
    head = cast.hung
    return {
        "world": world, "plan": plan, "section": section, "task": task, "relative": relative,
        "self": assessment_in(world, department_fw, cast.unit("ttcntt"), "self", scorer=head, submitter=head,
                              appraiser=cast.thu),
        "appraisal": assessment_in(world, appraised_fw, cast.unit("ttcntt"), "appraisal", scorer=head,
                                   submitter=head, appraiser=cast.thu),
        "framework": framework_of(world, cast.department, "Bộ tiêu chí để nhập", by=cast.mai),
        "survey": make_survey(cast),
        "unit_ids": [str(u.pk) for u in cast.units.values()],
    }


def _client(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def _cause(response) -> str:
    if not getattr(response, "exc_info", None):
        return ""
    kind, value, tb = response.exc_info
    return "".join(traceback.format_exception(kind, value, tb)[-6:])


def send(client, url: str, data: dict, *, htmx: bool = False):
    """Posts in a savepoint rolled back afterwards; (response, tables changed). A 500 fails the example."""
    before = database_state()
    savepoint = transaction.savepoint()
    try:
        response = client.post(url, data, **({"HTTP_HX_REQUEST": "true"} if htmx else {}))
        after = database_state()
    finally:
        transaction.savepoint_rollback(savepoint)
    assert response.status_code < 500, f"POST {url} {data!r} → {response.status_code}\n{_cause(response)}"
    return response, changed_tables(before, after), describe(before, after)


def ids(real: list[str]):
    """An id a form can be sent: a real one, or anything."""
    return st.one_of(st.sampled_from(real), ID_TEXT) if real else ID_TEXT


# --- accounts --------------------------------------------------------------------------------------------------

@PROPERTY
@given(data=st.data())
def test_person_forms_answer_a_page_whatever_is_typed(cast, scene, data):
    draw = data.draw
    body = {"username": draw(TEXT), "full_name": draw(TEXT), "position": draw(TEXT),
            "unit": draw(ids(scene["unit_ids"])), "email": draw(st.one_of(TEXT, st.just("moi@example.vn"))),
            "phone": draw(TEXT), "is_active": draw(st.sampled_from(["on", "", "x"])),
            "first_password": draw(st.sampled_from(["link", "temporary", "", "khác"]))}
    send(_client(cast.admin), reverse("accounts:person_new"), body)
    send(_client(cast.mai), reverse("accounts:person_edit", args=[cast.lan.pk]), body)


@PROPERTY
@given(data=st.data())
def test_the_grant_form_answers_a_page_whatever_is_sent(cast, scene, data):
    draw = data.draw
    body = {"role": draw(st.one_of(st.sampled_from([r for r, _ in Role.choices]), TEXT)),
            "unit": draw(ids(scene["unit_ids"])), "everywhere": draw(st.sampled_from(["on", "", "1", "\x00"]))}
    for granter in (cast.admin, cast.mai):
        send(_client(granter), reverse("accounts:grant_add", args=[cast.lan.pk]), body)


@FEW
@given(old=st.one_of(st.just(PASSWORD), TEXT), new1=TEXT, new2=TEXT, same=st.booleans())
def test_the_password_form_answers_a_page_whatever_is_typed(cast, old, new1, new2, same):
    body = {"old_password": old, "new_password1": new1, "new_password2": new1 if same else new2}
    send(_client(cast.lan), reverse("accounts:password_change"), body)


# --- org -------------------------------------------------------------------------------------------------------

KINDS = ["province", "department", "division", "sub_department", "public_service", "commune", "other"]


@PROPERTY
@given(data=st.data())
def test_unit_forms_answer_a_page_whatever_is_typed(cast, scene, data):
    draw = data.draw
    unit_id = ids(scene["unit_ids"])
    body = {"name": draw(TEXT), "short_name": draw(TEXT), "kind": draw(st.one_of(st.sampled_from(KINDS), TEXT)),
            "parent": draw(unit_id), "order": draw(NUMBER_TEXT), "email": draw(TEXT),
            "coordinates_reform": draw(st.sampled_from(["on", ""]))}
    mai = _client(cast.mai)
    send(mai, reverse("org:unit_new"), body)
    send(mai, reverse("org:unit", args=[cast.unit("qldd").pk]), body)
    kind = draw(st.sampled_from(["rename", "merge", "split", "move"]))
    reorganisation = {f"{kind}-unit": draw(unit_id), f"{kind}-new_name": draw(TEXT),
                      f"{kind}-sources": draw(st.lists(unit_id, max_size=3)), f"{kind}-into": draw(unit_id),
                      f"{kind}-parts": draw(TEXT), f"{kind}-new_parent": draw(unit_id),
                      f"{kind}-effective_date": draw(DATE_TEXT), f"{kind}-decision": draw(TEXT)}
    send(mai, reverse("org:reorganise", args=[kind]), reorganisation)


# --- plans: the task form and the dates people type -----------------------------------------------------------

DEADLINES = st.one_of(TEXT, st.sampled_from(["Trước ngày 15/11", "Quý II/2026", "Tháng 6/2026", "Thường xuyên",
                                             "Theo chỉ đạo của UBND tỉnh", "Trong năm 2026",
                                             "Trong thời hạn 20 ngày kể từ khi nhận được văn bản"]))


@PROPERTY
@given(data=st.data())
def test_the_task_form_answers_a_page_and_keeps_the_deadline_as_written(cast, scene, data):
    draw = data.draw
    unit_id = ids(scene["unit_ids"])
    deadline = draw(DEADLINES)
    body = {"section": draw(ids([str(scene["section"].pk)])), "code": draw(TEXT), "content": draw(TEXT),
            "product": draw(TEXT), "deadline_text": deadline, "lead_units": draw(st.lists(unit_id, max_size=3)),
            "coordinating_units": draw(st.lists(unit_id, max_size=2)),
            "monitoring_units": draw(st.lists(unit_id, max_size=2)), "is_heading": draw(st.sampled_from(["", "on"]))}
    response, changed, _ = send(_client(cast.mai), reverse("plans:task_add", args=[scene["plan"].pk]), body)
    if response.status_code == 302:
        assert "plans_task" in changed


@PROPERTY
@given(data=st.data())
def test_dates_typed_into_plans_answer_a_page(cast, scene, data):
    draw = data.draw
    task, relative = scene["task"], scene["relative"]
    versions = st.one_of(st.just(str(task.version)), ID_TEXT)
    send(_client(cast.mai), reverse("plans:period_add", args=[scene["plan"].pk]),
         {"label": draw(TEXT), "stated_due": draw(DATE_TEXT)})
    lan = _client(cast.lan)
    send(lan, reverse("plans:request_extension", args=[task.pk]),
         {"unit": draw(ids([str(cast.unit("qldd").pk)])), "new_due": draw(DATE_TEXT), "reason": draw(TEXT)})
    send(lan, reverse("plans:record_event", args=[relative.pk]),
         {"event_date": draw(DATE_TEXT), "version": draw(st.one_of(st.just(str(relative.version)), ID_TEXT))})
    send(lan, reverse("plans:post_progress", args=[task.pk]),
         {"unit": draw(ids([str(cast.unit("qldd").pk)])), "status": draw(st.one_of(
             st.sampled_from(["not_started", "in_progress", "done", "cancelled"]), TEXT)),
          "percent": draw(NUMBER_TEXT), "note": draw(TEXT), "version": draw(versions)})


# --- assessments: the score forms ------------------------------------------------------------------------------

@PROPERTY
@given(data=st.data())
def test_the_score_forms_answer_a_page_whatever_is_typed(cast, scene, data):
    draw = data.draw
    for code in ("1.2", "1.3"):
        score = scene["self"].scores.get(criterion__code=code)
        body = {"points": draw(NUMBER_TEXT), "measured": draw(st.one_of(st.just(""), NUMBER_TEXT)),
                "measured_detail": draw(TEXT), "explanation": draw(TEXT), "reply": draw(TEXT),
                "version": draw(st.one_of(st.just(str(score.version)), ID_TEXT))}
        send(_client(cast.hung), reverse("assessments:self_score", args=[score.assessment_id, score.pk]), body,
             htmx=draw(st.booleans()))
    score = scene["appraisal"].scores.get(criterion__code="1.1")
    body = {"points": draw(NUMBER_TEXT), "comment": draw(TEXT),
            "version": draw(st.one_of(st.just(str(score.version)), ID_TEXT))}
    send(_client(cast.thu), reverse("assessments:appraise", args=[score.assessment_id, score.pk]), body,
         htmx=draw(st.booleans()))


# --- importers: a refused import leaves the database as it was ---------------------------------------------------

def _workbook(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


CRITERIA_HEADER = list(sheet.HEADERS)
# A sheet as the template is filled; the examples change a cell of it, or write anything.
CRITERIA_ROWS = [["1", "", "Lĩnh vực", "Công tác chỉ đạo", "3", "thủ công", "", "", "", "", ""],
                 ["1.1", "1", "Tiêu chí", "Ban hành kế hoạch", "1,5", "theo mức", "50=1,5", "", "", "", "15/11/2026"],
                 ["1.2", "1", "Tiêu chí", "Báo cáo đúng hạn", "1,5", "thủ công", "", "", "", "Văn phòng Sở", ""]]
CRITERIA_CELL = st.one_of(CELL, st.sampled_from(["1", "1.1", "2", "Lĩnh vực", "Tiêu chí", "Điểm thưởng", "thủ công",
                                                 "theo mức", "50=1,5", "2,5", "Phòng Quản lý đất đai", "15/11/2026"]))


def _one_cell_changed(rows):
    return st.tuples(st.integers(0, len(rows) - 1), st.integers(0, len(rows[0]) - 1), CRITERIA_CELL).map(
        lambda change: [[change[2] if (r, c) == change[:2] else v for c, v in enumerate(row)]
                        for r, row in enumerate(rows)])


CRITERIA_FILES = st.one_of(
    _one_cell_changed(CRITERIA_ROWS).map(lambda rows: _workbook([CRITERIA_HEADER, *rows])),
    st.tuples(st.lists(st.sampled_from(CRITERIA_HEADER), max_size=11),
              st.lists(st.lists(CRITERIA_CELL, min_size=4, max_size=11), max_size=6)).map(
        lambda sheet_: _workbook([sheet_[0], *sheet_[1]])),
    st.binary(max_size=200),
)


@FEW
@given(content=CRITERIA_FILES)
def test_a_refused_criteria_import_changes_nothing(cast, scene, content):
    framework = scene["framework"]
    response, changed, what = send(_client(cast.mai), reverse("frameworks:import", args=[framework.pk]),
                                   {"file": SimpleUploadedFile("bo-chi-so.xlsx", content)})
    event("imported" if response.status_code == 302 else "refused")  # --hypothesis-show-statistics counts them
    if response.status_code != 302:
        assert not changed, f"a refused import changed {what}"


PAPER_CELL = st.one_of(CELL, st.sampled_from(["5", "Hài lòng", "6", "0", "4.0", "01/06/2024", "31/02/2024",
                                              "Quầy không có"]))


@FEW
@given(data=st.data())
def test_a_refused_paper_import_changes_nothing(cast, scene, data):
    survey = scene["survey"]
    count = survey.questions.count()
    header = ["Ngày trả lời", "Quầy / điểm khảo sát", *[f"{i}. câu" for i in range(1, count + 1)], "Góp ý"]
    filled = [[f"0{day}/06/2024", "", *[4] * count, "Cần thêm ghế"] for day in (1, 2)]
    changed_cell = st.tuples(st.integers(0, 1), st.integers(0, len(header) - 1), PAPER_CELL).map(
        lambda change: [[change[2] if (r, c) == change[:2] else v for c, v in enumerate(row)]
                        for r, row in enumerate(filled)])
    content = data.draw(st.one_of(
        changed_cell.map(lambda rows: _workbook([header, *rows])),
        st.tuples(st.lists(st.sampled_from([*header[:4], "99. câu", "Giới tính"]), max_size=8),
                  st.lists(st.lists(PAPER_CELL, max_size=len(header) + 2), max_size=5)).map(
            lambda sheet_: _workbook([sheet_[0], *sheet_[1]])),
        st.binary(max_size=200)))
    response, changed, what = send(_client(cast.mai), reverse("surveys:import_paper", args=[survey.pk]),
                                   {"file": SimpleUploadedFile("phieu-giay.xlsx", content)})
    event("imported" if response.status_code == 302 else "refused")
    if response.status_code != 302:
        assert not changed, f"a refused import changed {what}"
