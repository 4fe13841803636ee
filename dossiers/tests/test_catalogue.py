"""The procedure catalogue: processing times drive computed due dates; the home block shows this year's rates."""

from datetime import date

import time_machine

from audit.models import AuditEntry
from dossiers.models import Dossier, Procedure
from dossiers.tests.helpers import ROWS, SAMPLE, import_bytes, make_catalogue


def test_the_administrator_sets_a_processing_time_and_the_next_import_counts_with_it(cast, client_for):
    client = client_for(cast.admin)
    created = client.post("/dossiers/procedures/", {"code": "1.010727", "name": "Cấp giấy phép môi trường",
                                                     "field": "Môi trường", "processing_days": ""})
    assert created.status_code == 302
    procedure = Procedure.objects.get(code="1.010727")
    header = SAMPLE.splitlines()[0]
    rejected = import_bytes(cast.mai, cast.department, f"{header}\n{ROWS[0]}\n".encode())
    assert "chưa có thời hạn giải quyết" in rejected.errors[0]["message"]

    bad = client.post("/dossiers/procedures/", {"id": procedure.pk, "code": procedure.code, "name": procedure.name,
                                                 "processing_days": "-3"})
    assert bad.status_code == 400 and "Chưa lưu thủ tục" in bad.content.decode()
    client.post("/dossiers/procedures/", {"id": procedure.pk, "code": procedure.code, "name": procedure.name,
                                          "field": procedure.field, "processing_days": "3"})
    procedure.refresh_from_db()
    assert procedure.processing_days == 3
    assert AuditEntry.objects.for_object(procedure).filter(action="update").get().changes == {"processing_days": [None, 3]}
    done = import_bytes(cast.mai, cast.department, f"{header}\n{ROWS[0]}\n".encode())
    assert done.status == "done"
    assert Dossier.objects.get(code="H01").due_on == date(2024, 2, 19)


def test_the_catalogue_is_read_only_for_a_specialist(cast, client_for):
    make_catalogue()
    client = client_for(cast.lan)
    page = client.get("/dossiers/procedures/")
    assert page.status_code == 200 and "Cấp giấy phép môi trường" in page.content.decode()
    assert "procedure-form" not in page.content.decode()
    assert client.post("/dossiers/procedures/", {"code": "X", "name": "Y"}).status_code == 403
    assert not Procedure.objects.filter(code="X").exists()


def test_the_home_page_shows_this_years_rates(cast, client_for):
    make_catalogue()
    import_bytes(cast.mai, cast.department, SAMPLE.encode())
    with time_machine.travel(date(2024, 11, 30)):
        html = client_for(cast.manh).get("/").content.decode()
    assert 'id="home-dossiers"' in html and "66,7 %" in html
    assert 'id="home-dossiers"' not in client_for(cast.khoa).get("/").content.decode()


def test_one_departments_office_cannot_change_the_provinces_procedure_catalogue(cast, client_for):
    response = client_for(cast.mai).post("/dossiers/procedures/", {"code": "1.010727", "name": "Thủ tục thử",
                                                                    "field": "Môi trường", "processing_days": "5"})
    assert response.status_code == 403 and not Procedure.objects.filter(code="1.010727").exists()
