"""The reform office uploads its own .docx template; cchc checks it, fills it, and falls back when it is bad."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from audit.models import AuditEntry
from documents import catalog, templating
from documents.models import DocumentTemplate
from documents.tests.builders import make_plan
from documents.tests.readback import docx_text

pytestmark = pytest.mark.django_db


def docx_with(*paragraphs: str, table_rows: list[list[str]] | None = None) -> bytes:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table_rows:
        table = document.add_table(rows=0, cols=len(table_rows[0]))
        for values in table_rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, values, strict=True):
                cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


OFFICE_PLAN_TEMPLATE = docx_with(
    "{{ co_quan|upper }}", "{{ so_ky_hieu }}", "{{ dong_ngay_thang }}", "KẾ HOẠCH RIÊNG CỦA VĂN PHÒNG",
    "{{ trich_yeu }}",
    table_rows=[["TT", "Nhiệm vụ", "Chủ trì"], ["{%tr for nv in nhiem_vu %}", "", ""],
                ["{{ nv.tt }}", "{{ nv.noi_dung }}", "{{ nv.chu_tri }}"], ["{%tr endfor %}", "", ""]],
)


def upload(client, data: bytes, name="mau.docx", title="Mẫu kế hoạch của Văn phòng", **fields):
    post = {"kind": catalog.PLAN, "name": title, "file": SimpleUploadedFile(name, data)}
    post.update(fields)
    return client.post("/documents/mau/", post)


def test_office_uploads_a_default_template_and_the_plan_comes_out_filled_with_it(cast, client_for):
    plan = make_plan(cast)
    client = client_for(cast.mai)
    response = upload(client, OFFICE_PLAN_TEMPLATE, applies_to=f"unit:{cast.department.pk}")
    assert response.status_code == 302
    template = DocumentTemplate.objects.get()
    assert template.unit == cast.department and template.target_type == "unit"
    assert {"co_quan", "nhiem_vu", "so_ky_hieu"} <= set(template.variables)
    assert AuditEntry.objects.filter(object_id=str(template.pk), action="create").exists()

    text = docx_text(client.get(f"/documents/ke-hoach/{plan.pk}.docx").content)
    assert "KẾ HOẠCH RIÊNG CỦA VĂN PHÒNG" in text
    assert "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG" in text and "Số: 05/KH-STNMT" in text
    assert "Cử công chức, viên chức đến làm việc tại Trung tâm Phục vụ hành chính công tỉnh" in text
    assert "Trung tâm Công nghệ thông tin tài nguyên và môi trường" in text

    builtin_text = docx_text(client.get(f"/documents/ke-hoach/{plan.pk}.docx?mau=0").content)
    assert "KẾ HOẠCH RIÊNG CỦA VĂN PHÒNG" not in builtin_text and "Độc lập - Tự do - Hạnh phúc" in builtin_text


def test_a_template_for_one_plan_wins_over_the_unit_default(cast, client_for):
    plan = make_plan(cast)
    client = client_for(cast.mai)
    upload(client, OFFICE_PLAN_TEMPLATE, applies_to=f"unit:{cast.department.pk}")
    response = upload(client, docx_with("MẪU RIÊNG CHO KẾ HOẠCH {{ so_ky_hieu }}"), applies_to=f"plan:{plan.pk}",
                      title="Mẫu riêng")
    assert response.status_code == 302, response.content.decode()[-3000:]
    text = docx_text(client.get(f"/documents/ke-hoach/{plan.pk}.docx").content)
    assert "MẪU RIÊNG CHO KẾ HOẠCH Số: 05/KH-STNMT" in text


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"plain text, not Word", "mau.docx", "không phải văn bản Word (.docx)"),
    (docx_with("{{ co_quan "), "mau.docx", "Mẫu có lỗi cú pháp"),
    (docx_with("{% for nv in nhiem_vu %}{{ nv.tt }}"), "mau.docx", "Mẫu có lỗi cú pháp"),
    (docx_with("{{ co_quan }}"), "mau.pdf", "Vui lòng tải lên tệp Word dạng .docx"),
])
def test_bad_templates_are_refused_with_a_clear_message(cast, client_for, data, name, message):
    response = upload(client_for(cast.mai), data, name=name, applies_to=f"unit:{cast.department.pk}")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not DocumentTemplate.objects.exists()


def test_unknown_placeholders_are_accepted_with_a_warning(cast, client_for):
    response = upload(client_for(cast.mai), docx_with("{{ co_quan }} {{ ten_giam_doc }}"),
                      applies_to=f"unit:{cast.department.pk}")
    assert response.status_code == 302
    page = client_for(cast.mai).get(response["Location"]).content.decode()
    assert "Biến “ten_giam_doc” không có trong dữ liệu" in page


def test_a_template_that_breaks_on_real_data_gives_a_message_not_a_500(cast, client_for):
    plan = make_plan(cast)
    template, _ = templating_upload(cast, docx_with("{{ nhiem_vu[0].tt }}"))
    # The sample data fills it; empty real data would not: simulate a plan without tasks.
    plan.tasks.all().delete()
    response = client_for(cast.mai).get(f"/documents/ke-hoach/{plan.pk}.docx", follow=True)
    assert response.status_code == 200
    assert f"Mẫu “{template.name}” không dùng được" in response.content.decode()


def templating_upload(cast, data):
    from documents.actions import upload_template

    return upload_template(by=cast.mai, kind=catalog.PLAN, unit=cast.department, name="Mẫu thử", data=data,
                           filename="mau.docx")


def test_only_the_reform_office_manages_templates_and_deleting_is_audited(cast, client_for):
    assert client_for(cast.lan).get("/documents/mau/").status_code == 403
    assert client_for(cast.manh).get("/documents/mau/").status_code == 403
    template, _ = templating_upload(cast, OFFICE_PLAN_TEMPLATE)
    assert client_for(cast.khoa).post(f"/documents/mau/{template.pk}/xoa/").status_code == 404
    assert client_for(cast.khoa).get(f"/documents/mau/{template.pk}/tep/").status_code == 404
    assert client_for(cast.mai).get(f"/documents/mau/{template.pk}/tep/").content == OFFICE_PLAN_TEMPLATE
    response = client_for(cast.mai).post(f"/documents/mau/{template.pk}/xoa/")
    assert response.status_code == 302
    assert not DocumentTemplate.objects.exists()
    assert AuditEntry.objects.filter(object_id=str(template.pk), action="delete").exists()


def test_a_plan_template_cannot_be_attached_to_an_assessment_kind(cast, client_for):
    plan = make_plan(cast)
    response = upload(client_for(cast.mai), OFFICE_PLAN_TEMPLATE, kind=catalog.ANNOUNCEMENT,
                      applies_to=f"plan:{plan.pk}")
    assert response.status_code == 400
    assert "không áp dụng cho đối tượng đã chọn" in response.content.decode()


def test_help_page_documents_every_variable_of_every_kind(cast, client_for):
    page = client_for(cast.lan).get("/documents/mau/huong-dan/").content.decode()
    for kind in catalog.KINDS.values():
        assert kind.label in page
        for variable in kind.variables:
            assert f"<code>{variable.name}</code>" in page
    assert "{%tr for nv in nhiem_vu %}" in page


def test_every_sample_fills_a_template_using_all_its_variables():
    for kind in catalog.KINDS.values():
        template = docx_with(*[f"{{{{ {v.name} }}}}" for v in kind.variables])
        used, warnings = templating.check(template, catalog.SAMPLES[kind.key], kind.names)
        assert set(used) == kind.names and warnings == []
        assert set(catalog.SAMPLES[kind.key]) >= kind.names, kind.key


def test_starter_template_has_every_variable_and_fills_with_real_data(cast, client_for):
    plan = make_plan(cast)
    response = client_for(cast.mai).get(f"/documents/mau/goi-y/{catalog.PLAN}.docx")
    assert response.status_code == 200
    used = set(templating.placeholders(response.content))
    names = catalog.KINDS[catalog.PLAN].names
    assert used <= names
    assert names - used <= {name for name, _ in catalog.HEADING_VARIABLES}, "every plan variable is in the starter"
    assert client_for(cast.mai).get("/documents/mau/goi-y/khong-co.docx").status_code == 404

    templating_upload(cast, response.content)
    text = docx_text(client_for(cast.mai).get(f"/documents/ke-hoach/{plan.pk}.docx").content)
    assert "Cử công chức, viên chức đến làm việc tại Trung tâm Phục vụ hành chính công tỉnh" in text
    assert "Số: 05/KH-STNMT" in text and "- Lưu: VT, VP." in text


def test_demo_loads_the_office_template_once(cast):
    from documents import demo

    context = {"units": cast.units | {"stnmt": cast.department}, "people": {"mai": cast.mai}}
    demo.load(context)
    demo.load(context)
    template = DocumentTemplate.objects.get()
    assert template.kind == catalog.PERIODIC and template.unit == cast.department
