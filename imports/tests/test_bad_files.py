"""Whatever file a user sends, the upload page answers with a Vietnamese message and creates nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from imports.models import ImportSession
from imports.tests.builders import broken_docx, build_docx, ole_file, zip_not_docx

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _upload(client, cast, name, data):
    upload = SimpleUploadedFile(name, data, content_type=DOCX)
    return client.post(reverse("imports:index"), {"issuing_unit": cast.department.pk, "file": upload})


@pytest.mark.parametrize("name, data, message", [
    ("anh-chup.docx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "không phải là tệp Word"),
    ("ke-hoach.docx", zip_not_docx(), "không phải tài liệu Word (.docx) hợp lệ"),
    ("ke-hoach.docx", broken_docx(), "tệp có thể bị hỏng"),
    ("ke-hoach.docx", b"PK\x03\x04 cut short", "bị hỏng hoặc tải lên chưa hết"),
    ("ke-hoach.docx", ole_file(encrypted=True), "bảo vệ bằng mật khẩu"),
    ("ke-hoach.doc", ole_file(encrypted=False), "tệp Word cũ (.doc)"),
    ("ke-hoach.docx", ole_file(encrypted=False), "tệp Word cũ (.doc)"),
    ("ke-hoach.pdf", b"%PDF-1.7", "Chỉ nhận tệp Word (.docx, .doc), OpenDocument (.odt) hoặc Excel (.xlsx)"),
    ("ke-hoach.docx", build_docx(["KẾ HOẠCH", "Không có bảng nào"]), "Không tìm thấy bảng nhiệm vụ"),
    ("ke-hoach.docx", build_docx(["Bảng điểm"], [[["TT", "Chỉ số thành phần", "Năm 2023"], ["1", "Cải cách thể chế", "6,5/6,5"]]]),
     "Không tìm thấy bảng nhiệm vụ"),
    ("danh-sach.xlsx", build_docx(["KẾ HOẠCH"]), "không phải bảng tính Excel"),
])
def test_bad_file_gets_a_clear_message(cast, client_for, name, data, message):
    response = _upload(client_for(cast.mai), cast, name, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert ImportSession.objects.count() == 0


def test_empty_file(cast, client_for):
    client = client_for(cast.mai)
    upload = SimpleUploadedFile("ke-hoach.docx", b"", content_type=DOCX)
    response = client.post(reverse("imports:index"), {"issuing_unit": cast.department.pk, "file": upload})
    assert response.status_code == 400
    assert "tệp" in response.content.decode().lower() and ImportSession.objects.count() == 0


def test_huge_file(cast, client_for):
    response = _upload(client_for(cast.mai), cast, "ke-hoach.docx", b"PK" + b"\x00" * (21 * 1024 * 1024))
    assert response.status_code == 400
    assert "Tệp quá lớn" in response.content.decode()
    assert ImportSession.objects.count() == 0


def test_no_file_at_all(cast, client_for):
    response = client_for(cast.mai).post(reverse("imports:index"), {"issuing_unit": cast.department.pk})
    assert response.status_code == 400 and ImportSession.objects.count() == 0


def test_a_unit_outside_ones_reach_is_refused(cast, client_for):
    response = _upload(client_for(cast.mai), cast, "ke-hoach.docx", build_docx(["KẾ HOẠCH"]))
    other = client_for(cast.mai).post(reverse("imports:index"), {"issuing_unit": cast.unit("stp").pk,
                                                                  "file": SimpleUploadedFile("a.docx", b"x")})
    assert response.status_code == 400 and other.status_code == 400
    assert ImportSession.objects.count() == 0
