"""manage.py export_document writes an export to a file (for scheduled reports)."""

import pytest
from django.core.management import CommandError, call_command

from documents.tests.builders import make_plan
from documents.tests.readback import docx_text, workbook

pytestmark = pytest.mark.django_db


def test_command_writes_the_plan_and_the_periodic_report(cast, tmp_path):
    plan = make_plan(cast)
    target = tmp_path / "ke-hoach.docx"
    call_command("export_document", "ke-hoach", str(plan.pk), "-o", str(target))
    assert "PHỤ LỤC 1" in docx_text(target.read_bytes())
    call_command("export_document", "nhiem-vu", str(plan.pk), "-o", str(tmp_path / "nv.xlsx"))
    assert workbook((tmp_path / "nv.xlsx").read_bytes()).sheetnames == ["Phụ lục 1", "Phụ lục 3"]
    report = tmp_path / "bc.docx"
    call_command("export_document", "bao-cao-dinh-ky", str(cast.department.pk), "--ky", "quarter", "--nam", "2024",
                 "--quy", "1", "-o", str(report))
    assert "quý I năm 2024" in docx_text(report.read_bytes())


def test_command_explains_what_is_wrong(cast):
    with pytest.raises(CommandError, match="Không tìm thấy"):
        call_command("export_document", "ke-hoach", "999999")
    with pytest.raises(CommandError, match="--quy"):
        call_command("export_document", "bao-cao-dinh-ky", str(cast.department.pk), "--ky", "quarter")
    plan = make_plan(cast)
    with pytest.raises(CommandError, match="Định dạng"):
        call_command("export_document", "ke-hoach", str(plan.pk), "--dinh-dang", "xlsx")
