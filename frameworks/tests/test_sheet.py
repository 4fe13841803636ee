"""The framework spreadsheet: export → import gives the same tree; a broken file lists every bad row and writes
nothing."""

import io

import pytest
from openpyxl import Workbook

from frameworks import sheet
from frameworks.demo import build_2023
from frameworks.models import Criterion, Framework

pytestmark = pytest.mark.django_db


def _xlsx(rows, headers=sheet.HEADERS) -> io.BytesIO:
    workbook = Workbook()
    sheet_ = workbook.active
    sheet_.append(headers)
    for row in rows:
        sheet_.append(row)
    out = io.BytesIO()
    workbook.save(out)
    out.seek(0)
    out.name = "bo-chi-so.xlsx"
    return out


def _tree(framework):
    return [(c.code, c.parent.code if c.parent else "", c.kind, c.title, c.max_points, c.rule,
             c.responsible_unit_id, c.deadline) for c in Criterion.objects.filter(framework=framework)
            .select_related("parent").order_by("order")]


def test_export_then_import_gives_the_same_framework(cast, client_for):
    source = build_2023(cast.admin, cast.units)
    client = client_for(cast.admin)
    exported = client.get(f"/frameworks/{source.pk}/export.xlsx")
    assert exported.status_code == 200
    target = Framework.objects.create(year=2024, title="Bộ chỉ số nhập lại", owner=cast.province)
    upload = io.BytesIO(exported.content)
    upload.name = "xuat.xlsx"
    response = client.post(f"/frameworks/{target.pk}/import/", {"file": upload})
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert _tree(target) == _tree(source)
    dti = Criterion.objects.get(framework=target, code="7.1")
    assert dti.rule == {"kind": "linear", "multiply": 10, "divide": 100, "offset": 0}


def test_a_broken_file_lists_row_errors_and_writes_nothing(cast, client_for):
    framework = Framework.objects.create(year=2024, title="Bộ tiêu chí thử", owner=cast.department)
    rows = [
        ["1", "", "Lĩnh vực", "Công tác chỉ đạo, điều hành CCHC", "20", "", "", "", "", "Văn phòng Sở", ""],
        ["1.1", "1", "Tiêu chí", "Ban hành kế hoạch CCHC", "5", "Đạt/Không đạt", "", "", "", "", "31/01/2024"],
        ["1.2", "9", "Tiêu chí", "Báo cáo định kỳ", "mười", "", "", "", "", "", ""],
        ["1.1", "1", "Nhóm", "", "2", "Bói toán", "", "", "", "Phòng Không Tồn Tại", "32/13/2024"],
        ["1.3", "1", "Tiêu chí", "Thực hiện mệnh lệnh hành chính", "1,5", "Theo mức", "50=3", "", "", "", ""],
    ]
    response = client_for(cast.mai).post(f"/frameworks/{framework.pk}/import/", {"file": _xlsx(rows)})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dòng 4: mã cha “9” chưa có ở các dòng trên; điểm tối đa “mười” không phải số" in html
    assert "Dòng 5: mã “1.1” trùng với dòng 3" in html
    assert "cách chấm “Bói toán” không hợp lệ" in html and "không tìm thấy đơn vị “Phòng Không Tồn Tại”" in html
    assert "Thời hạn “32/13/2024” phải viết dd/mm/yyyy" in html
    assert "Dòng 6: Điểm của mức (3) nằm ngoài khoảng 0 – 1,5" in html
    assert "Dòng 2" not in html and "Dòng 3:" not in html
    assert not Criterion.objects.filter(framework=framework).exists()


def test_the_row_errors_follow_the_language_of_the_page(cast, client_for):
    framework = Framework.objects.create(year=2024, title="Bộ tiêu chí thử", owner=cast.department)
    rows = [
        ["1", "", "Lĩnh vực", "Công tác chỉ đạo, điều hành CCHC", "20", "", "", "", "", "", ""],
        ["1.1", "9", "Tiêu chí", "Báo cáo định kỳ", "mười", "", "", "", "", "", ""],
        ["1.2", "1", "Tiêu chí", "Thực hiện mệnh lệnh hành chính", "1,5", "Theo mức", "50=3", "", "", "", ""],
        ["1.3", "1", "Tiêu chí", "Công bố TTHC", "2", "Thủ công", "0; 2,5", "", "", "", ""],
    ]
    client = client_for(cast.mai)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.post(f"/frameworks/{framework.pk}/import/", {"file": _xlsx(rows)})
    html = response.content.decode().replace("&quot;", '"')
    assert "Row 3: parent code “9” is not in the rows above; max points “mười” is not a number." in html
    assert "Row 4: Tier points (3) are outside 0 – 1,5." in html
    assert "Row 5: Score level 2,5 is outside 0 – 2." in html
    assert "Dòng" not in html and "nằm ngoài" not in html
    assert not Criterion.objects.filter(framework=framework).exists()


@pytest.mark.parametrize(("content", "message"), [
    (b"not a spreadsheet", "không phải bảng tính .xlsx"),
    (None, "Thiếu cột: Mã"),
])
def test_files_that_are_not_the_template(cast, client_for, content, message):
    framework = Framework.objects.create(year=2024, title="Bộ tiêu chí thử", owner=cast.department)
    upload = _xlsx([["x"]], headers=["Cột lạ"]) if content is None else io.BytesIO(content)
    upload.name = "tep.xlsx"
    response = client_for(cast.mai).post(f"/frameworks/{framework.pk}/import/", {"file": upload})
    assert message in response.content.decode()


def test_params_are_written_as_users_read_them():
    assert sheet.params_text({"kind": "tiers", "tiers": [{"min": 50, "points": 1.5}]}) == "50=1,5"
    assert sheet.params_text({"kind": "linear", "multiply": 10, "divide": 100, "offset": 0}) == "nhân=10; chia=100; trừ=0"
    assert sheet.parse_params("manual", "0; 0,5; 1") == {"levels": ["0", "0.5", "1"]}
