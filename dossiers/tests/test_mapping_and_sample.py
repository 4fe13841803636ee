"""A saved column mapping meets a file whose columns changed; the sample file imports as it is; the figures'
date filters show the days they count."""

import csv
import io

import openpyxl
import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from dossiers.models import Dossier, ImportRun, ImportSource
from dossiers.parsing import COLUMNS, reconcile_mapping
from dossiers.tests.helpers import make_catalogue

SAVED = {"code": "Mã hồ sơ", "procedure_code": "Mã thủ tục", "handling_unit": "Đơn vị giải quyết",
         "received_at": "Ngày tiếp nhận", "fee": "Lệ phí"}


@pytest.mark.parametrize(("saved", "headers", "mapping", "dropped", "proposed"), [
    # Nothing changed: the saved mapping as it was, nothing proposed.
    (SAVED, ["Mã hồ sơ", "Mã thủ tục", "Đơn vị giải quyết", "Ngày tiếp nhận", "Lệ phí"], SAVED, [], {}),
    # A column vanished: dropped and reported, never moved to another header.
    (SAVED, ["Mã hồ sơ", "Mã thủ tục", "Đơn vị giải quyết", "Ngày tiếp nhận"],
     {k: v for k, v in SAVED.items() if k != "fee"}, [("Phí, lệ phí", "Lệ phí")], {}),
    # The file renamed a column: the old one is dropped, the new wording proposed for the free field.
    (SAVED, ["Mã hồ sơ", "Mã thủ tục", "Đơn vị giải quyết", "Ngày nhận", "Lệ phí"],
     {**SAVED, "received_at": "Ngày nhận"}, [("Ngày tiếp nhận", "Ngày tiếp nhận")], {"received_at": "Ngày nhận"}),
    # A new column is proposed for a field the mapping left open, from its wording.
    (SAVED, ["Mã hồ sơ", "Mã thủ tục", "Đơn vị giải quyết", "Ngày tiếp nhận", "Lệ phí", "Ngày hẹn trả"],
     {**SAVED, "due_at": "Ngày hẹn trả"}, [], {"due_at": "Ngày hẹn trả"}),
    # Same words in another case and spacing: kept.
    (SAVED, ["MÃ HỒ SƠ", "Mã thủ tục", "Đơn vị  giải quyết", "Ngày tiếp nhận", "Lệ phí"],
     {**SAVED, "code": "MÃ HỒ SƠ", "handling_unit": "Đơn vị  giải quyết"}, [], {}),
    # A new column whose wording fits a field already mapped never takes it over.
    (SAVED, ["Mã hồ sơ", "Mã thủ tục", "Đơn vị giải quyết", "Ngày tiếp nhận", "Lệ phí", "Số hồ sơ"], SAVED, [], {}),
    # A header the user mapped by hand stays, even though its wording would guess another field.
    ({"code": "Ngày nhận"}, ["Ngày nhận", "Mã hồ sơ"], {"code": "Ngày nhận"}, [], {}),
    # Nothing usable saved (junk in the JSON field): everything is guessed.
    (["Mã hồ sơ"], ["Mã hồ sơ", "Ngày tiếp nhận"], {"code": "Mã hồ sơ", "received_at": "Ngày tiếp nhận"}, [],
     {"code": "Mã hồ sơ", "received_at": "Ngày tiếp nhận"}),
    ({"code": 7, "fee": None, "unknown_key": "Mã hồ sơ"}, ["Mã hồ sơ"], {"code": "Mã hồ sơ"}, [], {"code": "Mã hồ sơ"}),
])
def test_a_saved_mapping_is_brought_up_to_date_with_the_file(saved, headers, mapping, dropped, proposed):
    fitted = reconcile_mapping(saved, headers)
    assert fitted.mapping == mapping and fitted.dropped == dropped and fitted.proposed == proposed
    assert len(set(fitted.mapping.values())) == len(fitted.mapping), "each header used once"
    assert set(fitted.mapping.values()) <= set(headers)


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows([header, *rows])
    return buffer.getvalue().encode("utf-8-sig")


def _upload(client, content: bytes, name: str, **fields):
    return client.post("/dossiers/import/", {"file": SimpleUploadedFile(name, content), **fields})


@pytest.mark.django_db
def test_a_changed_export_keeps_the_saved_mapping_valid_and_says_what_changed(cast, client_for):
    make_catalogue()
    client = client_for(cast.mai)
    first = _csv(["Mã hồ sơ", "Mã thủ tục", "Đơn vị giải quyết", "Ngày tiếp nhận", "Lệ phí"],
                 [["K1", "1.010727", "Phòng Quản lý môi trường", "07/02/2024 09:00", "50.000"]])
    columns = _upload(client, first, "ky-1.csv", new_source="Một cửa tỉnh", unit=cast.department.pk)["Location"]
    assert client.post(columns, {**SAVED, "mode": "all"}).status_code == 302
    source = ImportSource.objects.get()
    assert source.mapping == SAVED

    # The next export lost its fee column and gained a due date.
    second = _csv(["Mã hồ sơ", "Mã thủ tục", "Đơn vị giải quyết", "Ngày tiếp nhận", "Hạn xử lý"],
                  [["K2", "1.010727", "Phòng Quản lý môi trường", "08/02/2024 09:00", "15/02/2024"]])
    columns = _upload(client, second, "ky-2.csv", source=source.pk)["Location"]
    page = client.get(columns)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Phí, lệ phí: cột “Lệ phí”" in html and 'id="mapping-dropped"' in html
    assert "Hạn trả kết quả: cột “Hạn xử lý”" in html and 'id="mapping-proposed"' in html
    form = page.context["form"]
    assert form.fields["fee"].initial == "" and form.fields["due_at"].initial == "Hạn xử lý"
    assert form.fields["code"].initial == "Mã hồ sơ" and not form.fields["code"].help_text
    assert "Đề xuất" in str(form.fields["due_at"].help_text)

    # Sent as shown, it imports; a header that is not in the file is refused with a message, never a 500.
    shown = {name: field.initial for name, field in form.fields.items() if name != "mode" and field.initial}
    refused = client.post(columns, {**shown, "fee": "Lệ phí", "mode": "all"})
    assert refused.status_code == 400 and "errorlist" in refused.content.decode()
    assert client.post(columns, {**shown, "mode": "all"}).status_code == 302
    assert Dossier.objects.get(code="K2").due_on.isoformat() == "2024-02-15"
    source.refresh_from_db()
    assert "fee" not in source.mapping and source.mapping["due_at"] == "Hạn xử lý"


@pytest.mark.django_db
def test_junk_saved_as_a_mapping_does_not_break_the_page(cast, client_for):
    client = client_for(cast.mai)
    content = _csv(["Mã hồ sơ", "Ngày tiếp nhận"], [["K1", "07/02/2024"]])
    columns = _upload(client, content, "x.csv", new_source="Nguồn lạ", unit=cast.department.pk)["Location"]
    ImportSource.objects.update(mapping=["không phải", "một bảng ghép"])
    assert client.get(columns).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_the_sample_file_has_every_column_and_imports_as_it_is(cast, client_for, fmt):
    client = client_for(cast.mai)
    response = client.get(f"/dossiers/import/mau.{fmt}")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    if fmt == "xlsx":
        rows = list(openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    else:
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert list(rows[0]) == [c.label for c in COLUMNS] and len(rows) == 3
    assert "Trực tuyến toàn trình" in rows[1] and "05/01/2024 14:30" in rows[1]

    columns = _upload(client, response.content, f"mau.{fmt}", new_source=f"Mẫu {fmt}", unit=cast.department.pk)
    preview = client.get(columns["Location"])
    form = preview.context["form"]
    assert all(form.fields[c.key].initial == c.label for c in COLUMNS), "every column is recognised"
    shown = {c.key: c.label for c in COLUMNS}
    assert client.post(columns["Location"], {**shown, "mode": "all"}).status_code == 302
    run = ImportRun.objects.get(file_name=f"mau.{fmt}")
    assert run.status == ImportRun.Status.DONE and run.created_count == 2, run.message
    late = Dossier.objects.get(code="000.00.12.H47-240108-0002")
    assert late.apology_sent and late.channel == "direct"


def test_only_importers_get_the_sample(cast, client_for):
    assert client_for(cast.lan).get("/dossiers/import/mau.xlsx").status_code == 403


@pytest.mark.django_db
@pytest.mark.dates
@time_machine.travel("2026-11-23 09:00 +07:00", tick=True)
def test_date_filters_show_the_days_the_figures_count(cast, client_for):
    client = client_for(cast.mai)
    html = client.get("/dossiers/").content.decode()
    assert 'name="start" value="01/01/2026"' in html and 'name="end" value="23/11/2026"' in html
    assert "placeholder" not in html.split('class="filters"')[1].split("</form>")[0]
    assert 'aria-describedby="id_start_helptext"' in html and "để trống là từ đầu năm" in html
    given = client.get("/dossiers/list/?start=01/02/2026&outcome=received").content.decode()
    assert 'name="start" value="01/02/2026"' in given and 'name="end" value="23/11/2026"' in given
    wrong = client.get("/dossiers/?start=31/02/2026").content.decode()
    assert 'name="start" value="31/02/2026"' in wrong and "errorlist" in wrong, "a wrong day stays to be fixed"
