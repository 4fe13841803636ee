"""`manage.py import_accuracy DIR`: per file and in total, tasks found and expected and fields right per field."""

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from imports.accuracy import compare
from imports.docx_reader import read_docx
from imports.layout import extract_plan
from imports.tests.builders import build_communication_plan_2025, build_plan_2025

ACCURACY = Path(__file__).resolve().parent.parent / "fixtures" / "accuracy"


def _run(directory) -> list[str]:
    out = StringIO()
    call_command("import_accuracy", str(directory), stdout=out)
    return out.getvalue().strip().splitlines()


def test_shipped_folder_reports_each_file_and_one_total_line_last(cast):
    lines = _run(ACCURACY)
    assert len(lines) == 4 and lines[-1].startswith("TOTAL: ")
    assert lines[0].startswith("ke-hoach-cchc-2025-bo-cuc-phan-cong.docx: tìm thấy 9 nhiệm vụ, cần có 9;")
    assert "đúng 63/63 trường (100,0 %)" in lines[0]
    assert lines[1].startswith("ke-hoach-nang-cao-par-sipas-2024.docx: tìm thấy 145 nhiệm vụ, cần có 145;")
    # Two honest misses: a body that is no cchc unit, and a footnote mark after a deadline.
    assert "theo dõi 144/145" in lines[1] and "thời hạn 144/145" in lines[1] and "số TT 145/145" in lines[1]
    assert lines[2].startswith("ke-hoach-tuyen-truyen-2025-tieu-de-hai-dong.docx: tìm thấy 5 nhiệm vụ, cần có 5;")
    assert "đúng 35/35 trường (100,0 %)" in lines[2]
    assert "TOTAL: tìm thấy 159 nhiệm vụ, cần có 159;" in lines[-1] and "đúng 1111/1113 trường" in lines[-1]


def test_a_wrong_expectation_is_counted_wrong(cast, tmp_path):
    shutil.copy(ACCURACY / "ke-hoach-cchc-2025-bo-cuc-phan-cong.docx", tmp_path / "a.docx")
    expected = json.loads((ACCURACY / "ke-hoach-cchc-2025-bo-cuc-phan-cong.expected.json").read_text(encoding="utf-8"))
    first = expected["appendices"][0]["sections"][0]["tasks"][0]
    first["deadline_text"] = "Quý IV/2025"
    first["lead_units"] = ["Văn phòng Sở"]
    expected["appendices"][0]["sections"][0]["tasks"].append({"code": "4", "content": "Không có trong tệp",
                                                              "lead_units": [], "coordinating_units": [],
                                                              "monitoring_units": [], "product": "",
                                                              "deadline_text": ""})
    (tmp_path / "a.expected.json").write_text(json.dumps(expected, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "lone.docx").write_bytes(b"no expected file beside me")
    lines = _run(tmp_path)
    assert len(lines) == 2
    assert "tìm thấy 9 nhiệm vụ, cần có 10" in lines[0]
    assert "số TT 9/10" in lines[0] and "chủ trì 8/10" in lines[0] and "thời hạn 8/10" in lines[0]


def test_empty_or_missing_folder(tmp_path):
    with pytest.raises(CommandError):
        call_command("import_accuracy", str(tmp_path / "none"))
    with pytest.raises(CommandError):
        call_command("import_accuracy", str(tmp_path))


def test_the_shipped_communication_plan_is_what_the_builder_makes():
    built = extract_plan(read_docx(build_communication_plan_2025()))
    name = "ke-hoach-tuyen-truyen-2025-tieu-de-hai-dong"
    shipped = extract_plan(read_docx((ACCURACY / f"{name}.docx").read_bytes()))
    assert built.as_dict() == shipped.as_dict()
    assert built.header["number"] == "07" and built.appendices[0].number == "I"


def test_the_shipped_2025_file_is_what_the_builder_makes():
    built = extract_plan(read_docx(build_plan_2025()))
    shipped = extract_plan(read_docx((ACCURACY / "ke-hoach-cchc-2025-bo-cuc-phan-cong.docx").read_bytes()))
    assert built.as_dict() == shipped.as_dict()
    expected = json.loads((ACCURACY / "ke-hoach-cchc-2025-bo-cuc-phan-cong.expected.json").read_text(encoding="utf-8"))
    score = compare("2025", built, expected)
    # Without the unit directory names compare as written: only the abbreviation 'TTCNTT TNMT' differs.
    assert (score.found, score.expected, score.fields_right, score.fields_total) == (9, 9, 62, 63)
    assert len(score.misses) == 1 and "TTCNTT TNMT" in score.misses[0]
    assert built.header["number"] == "12" and built.header["issue_date"].isoformat() == expected["header"]["issue_date"]
