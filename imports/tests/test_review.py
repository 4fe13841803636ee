"""Upload → review: every task with its section, code, units, product and deadline; fixing rows and names;
nothing is written to plans before the confirmation; only the reform office of the unit gets in."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from imports.models import ImportSession
from imports.tests.builders import build_docx
from plans.models import Plan, Task

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "accuracy" / "ke-hoach-nang-cao-par-sipas-2024.docx"
HEADER = ["STT", "Nhiệm vụ / Nội dung thực hiện", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]


def upload(client, cast, data=None, name="ke-hoach-nang-cao-par-sipas-2024.docx"):
    data = SEED.read_bytes() if data is None else data
    response = client.post(reverse("imports:index"),
                           {"issuing_unit": cast.department.pk, "file": SimpleUploadedFile(name, data)})
    assert response.status_code == 302, response.content.decode()[:2000]
    return ImportSession.objects.latest("pk")


def test_upload_shows_every_task_for_review_and_saves_no_plan(cast, client_for):
    client = client_for(cast.mai)
    session = upload(client, cast)
    assert len(session.tasks()) == 145
    page = client.get(reverse("imports:review", args=[session.pk])).content.decode()
    assert "Phụ lục 1" in page and "Phụ lục 3" in page
    assert "CẢI CÁCH TỔ CHỨC BỘ MÁY" in page
    assert "BC năm trước 15/11" in page and "Trong thời hạn 20 ngày kể từ khi nhận được văn bản." in page
    assert "phối hợp cùng Tổ kiểm tra công vụ Sở kiểm tra báo cáo" in page  # highlighted for mapping
    assert "Thiếu thời gian thực hiện." in page
    assert Plan.objects.count() == 0 and Task.objects.count() == 0


def _docx_with(n):
    rows = [HEADER, ["I", "CẢI CÁCH THỂ CHẾ", "", "", ""]]
    rows += [[str(i), f"Nhiệm vụ số {i}", f"Văn phòng Sở; Đơn vị lạ {i % 3}", "Các phòng, đơn vị thuộc Sở",
              "Quý II/2025"] for i in range(1, n + 1)]
    return build_docx(["KẾ HOẠCH", "Cải cách hành chính năm 2025"], [rows])


def test_review_queries_do_not_grow_with_rows(cast, client_for, django_assert_max_num_queries):
    client = client_for(cast.mai)
    counts = []
    for n in (3, 60):
        session = upload(client, cast, _docx_with(n), name=f"ke-hoach-{n}.docx")
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("imports:review", args=[session.pk]))
        assert response.status_code == 200 and f"Nhiệm vụ số {n}" in response.content.decode()
        counts.append(len(queries))
    assert counts[0] == counts[1]
    with django_assert_max_num_queries(counts[1]):
        client.get(reverse("imports:review", args=[session.pk]))


def test_edit_a_row_and_remove_another(cast, client_for):
    client = client_for(cast.mai)
    session = upload(client, cast, _docx_with(3))
    first, second = session.tasks()[:2]
    form = client.get(reverse("imports:task", args=[session.pk, first["id"]]), HTTP_HX_REQUEST="true")
    assert form.status_code == 200 and "Lưu dòng này" in form.content.decode()
    response = client.post(reverse("imports:task", args=[session.pk, first["id"]]), {
        "code": "1", "content": "Nhiệm vụ đã sửa", "lead_text": "Thanh tra Sở", "deadline_text": "Tháng 6/2025"})
    assert response.status_code == 302
    client.post(reverse("imports:task", args=[session.pk, second["id"]]),
                {"code": "2", "content": second["content"], "removed": "on"})
    session.refresh_from_db()
    edited, removed = session.tasks()[:2]
    assert (edited["content"], edited["lead_text"], edited["deadline_text"]) == ("Nhiệm vụ đã sửa", "Thanh tra Sở",
                                                                                   "Tháng 6/2025")
    assert removed["removed"] is True
    empty = client.post(reverse("imports:task", args=[session.pk, first["id"]]), {"code": "1", "content": ""})
    assert empty.status_code == 400
    assert client.get(reverse("imports:task", args=[session.pk, 999])).status_code == 404


def test_header_form_takes_vietnamese_dates(cast, client_for):
    client = client_for(cast.mai)
    session = upload(client, cast, _docx_with(1))
    data = {"number": "05", "symbol": "KH-STNMT", "title": "Cải cách hành chính năm 2025", "place": "Bà Rịa – Vũng Tàu",
            "issue_date": "31/02/2025", "year": "2025", "kind": "yearly"}
    bad = client.post(reverse("imports:header", args=[session.pk]), data)
    assert bad.status_code == 400 and "ngày/tháng/năm" in bad.content.decode()
    good = client.post(reverse("imports:header", args=[session.pk]), {**data, "issue_date": "05/01/2025"})
    assert good.status_code == 302
    session.refresh_from_db()
    assert session.payload["header"]["issue_date"] == "2025-01-05" and session.payload["header"]["number"] == "05"


def test_mapping_an_unknown_name(cast, client_for):
    client = client_for(cast.mai)
    session = upload(client, cast, _docx_with(3))
    page = client.get(reverse("imports:review", args=[session.pk])).content.decode()
    assert "Đơn vị lạ 1" in page
    client.post(reverse("imports:map", args=[session.pk]), {"text": "Đơn vị lạ 1", "unit": cast.unit("ttkt").pk})
    client.post(reverse("imports:map", args=[session.pk]), {"text": "Đơn vị lạ 2", "unit": ""})
    session.refresh_from_db()
    assert session.payload["mappings"]["don vi la 1"]["unit"] == cast.unit("ttkt").pk
    assert session.payload["mappings"]["don vi la 2"]["unit"] is None
    bad = client.post(reverse("imports:map", args=[session.pk]), {"text": "Đơn vị lạ 0", "unit": "99999"})
    assert bad.status_code == 302  # back to the review with a message, nothing stored
    session.refresh_from_db()
    assert "don vi la 0" not in session.payload["mappings"]


# 404 to whoever may not even see the department's plans (accounts.access.get_for), 403 to whoever sees them.
@pytest.mark.parametrize(("who", "refused"), [("lan", 404), ("hung", 404), ("thu", 403), ("khoa", 404)])
def test_others_cannot_upload_or_see_a_draft(cast, client_for, who, refused):
    session = upload(client_for(cast.mai), cast, _docx_with(1))
    client = client_for(getattr(cast, who))
    assert client.get(reverse("imports:index")).status_code == 403
    assert client.get(reverse("imports:review", args=[session.pk])).status_code == refused
    assert client.post(reverse("imports:confirm", args=[session.pk])).status_code == refused
    assert client.get(reverse("imports:review", args=[99999])).status_code == 404


def test_template_download_is_read_back(cast, client_for):
    client = client_for(cast.mai)
    response = client.get(reverse("imports:template"))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxmlformats")
    session = upload(client, cast, response.content, name="mau.xlsx")
    tasks = session.tasks()
    assert [t["code"] for t in tasks] == ["1", "2"]
    assert tasks[0]["deadline_text"] == "Quý I/2025" and tasks[1]["lead_text"] == "Văn phòng Sở; Thanh tra Sở"


def test_a_units_own_plan_resolves_names_in_its_department(cast, client_for):
    client = client_for(cast.mai)
    response = client.post(reverse("imports:index"), {"issuing_unit": cast.unit("qldd").pk,
                                                      "file": SimpleUploadedFile("ke-hoach-qldd.docx", _docx_with(2))})
    assert response.status_code == 302
    session = ImportSession.objects.get()
    assert session.issuing_unit == cast.unit("qldd")
    page = client.get(reverse("imports:review", args=[session.pk])).content.decode()
    assert "Phòng, đơn vị thuộc Sở (11)" in page
