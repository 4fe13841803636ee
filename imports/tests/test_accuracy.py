"""`manage.py import_accuracy DIR`: precision, recall and fields right per file and in total — and a measure that
every way of being wrong lowers (extra or missing tasks, stripped accents, swapped sections, blanked unit cells,
a wrong code, a wrong header), with empty expected fields counted apart."""

import copy
import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from imports.accuracy import compare
from imports.docx_reader import read_docx, read_file
from imports.fixtures.build_held_out import HELD_OUT, HELD_OUT_CONVERTED, HELD_OUT_SHEETS
from imports.fixtures.build_plans import FIXTURES
from imports.fixtures.held_out_units import build_commune, build_district, build_home_affairs
from imports.layout import extract_plan
from imports.tests.builders import build_communication_plan_2025, build_plan_2025
from org.demo import build_khanh_hoa
from org.names import strip_accents
from plans import seed_004

ACCURACY = Path(__file__).resolve().parent.parent / "fixtures" / "accuracy"
PLAN_2025 = "ke-hoach-cchc-2025-bo-cuc-phan-cong"
SEED_004 = "ke-hoach-cchc-2025-stnmt-khanh-hoa"


def _run(*arguments) -> list[str]:
    out = StringIO()
    call_command("import_accuracy", *[str(a) for a in arguments], stdout=out)
    return out.getvalue().strip().splitlines()


def _expected(name=PLAN_2025) -> dict:
    return json.loads((ACCURACY / f"{name}.expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def plan():
    return extract_plan(read_docx((ACCURACY / f"{PLAN_2025}.docx").read_bytes()))


def _figures(score):
    return score.precision, score.recall, score.right, score.total


@pytest.fixture
def departments(cast):
    """The seed department and Khánh Hòa's (seed 004's), whose units the expected files name."""
    build_khanh_hoa(cast.units)
    return cast


@pytest.mark.parametrize("strict", [False, True])
def test_every_shipped_plan_is_read_whole(departments, strict):
    lines = _run(ACCURACY, *(["--strict"] if strict else []))
    files = sorted(p for p in ACCURACY.iterdir() if p.name.endswith(".expected.json"))
    assert len(lines) == len(files) + 1 and lines[-1].startswith("TOTAL: ")
    for line in lines:
        assert "độ chính xác 100,0 %, độ phủ 100,0 %" in line, line
        right, total = line.split("trường đúng ", 1)[1].split(" ", 1)[0].split("/")
        assert right == total, line
    (line,) = [line for line in lines if line.startswith(f"{PLAN_2025}.docx")]
    assert line.startswith(f"{PLAN_2025}.docx: đọc được 9 nhiệm vụ, cần có 9, khớp 9;")
    assert "trường đúng 56/56 (100,0 %)" in line and "trường để trống đúng 62/62" in line
    assert "đầu văn bản 5/5" in line and "tên phụ lục, mục 4/4" in line
    (line,) = [line for line in lines if line.startswith(f"{SEED_004}.docx")]
    assert line.startswith(f"{SEED_004}.docx: đọc được 35 nhiệm vụ, cần có 35, khớp 35;")
    assert lines[-1].startswith("TOTAL: đọc được 271 nhiệm vụ, cần có 271, khớp 271;")


def test_the_held_out_plans_are_read_whole_since_their_first_run(departments):
    """Their first runs (21 of 21 tasks and 91,5 % of fields; 26 of 26 and 95,5 %; 12 of 12 and 88,8 %; 16 of 22
    paired and 74,1 %) are in the folder's README; this keeps what was fixed. The one field left wrong is a judgement
    the README explains."""
    build_district()
    build_home_affairs()
    build_commune()
    lines = _run(ACCURACY.parent / "held-out", "--strict")
    assert lines[-1].startswith("TOTAL: đọc được 81 nhiệm vụ, cần có 81, khớp 81; độ chính xác 100,0 %, độ phủ 100,0 %;")
    assert "trường đúng 478/479 (99,8 %)" in lines[-1]
    fourth = [line for line in lines if line.startswith(("ke-hoach-cchc-2025-so-noi-vu", "ke-hoach-cchc-2025-xa-binh-ba",
                                                          "ke-hoach-cchc-2025-khanh-hoa-gach"))]
    assert len(fourth) == 3
    for line in fourth:
        right, total = line.split("trường đúng ", 1)[1].split(" ", 1)[0].split("/")
        assert "độ chính xác 100,0 %, độ phủ 100,0 %" in line and right == total, line


def test_the_measure_of_a_perfect_reading(plan):
    score = compare("2025", plan, _expected())
    # Without the unit directory names compare as written: only the abbreviation 'TTCNTT TNMT' differs.
    assert (score.found, score.expected, score.paired) == (9, 9, 9)
    assert (score.right, score.total) == (55, 56)
    assert [(m.section, m.code, m.field) for m in score.misses] == [("II", "2", "coordinating_units")]


def test_extra_tasks_lower_the_precision(plan):
    before = compare("2025", plan, _expected())
    plan.appendices[0].sections[0].tasks.append(copy.deepcopy(plan.appendices[0].sections[0].tasks[0]))
    plan.appendices[0].sections[1].tasks[0].code = "9"  # not in the expected file: an invented task …
    plan.appendices[0].sections[1].tasks[0].content = "Nhiệm vụ không có trong kế hoạch"
    after = compare("2025", plan, _expected())
    assert after.found == 10 and after.paired == 8
    assert after.precision < before.precision and after.recall < before.recall
    assert after.right < before.right  # … and the task it replaced is missing: its fields count wrong


def test_missing_tasks_lower_the_recall_and_their_fields_count_wrong(plan):
    before = compare("2025", plan, _expected())
    del plan.appendices[0].sections[2].tasks[1]
    after = compare("2025", plan, _expected())
    assert after.precision == 1 and after.recall == 8 / 9
    assert after.total == before.total and after.right == before.right - 6
    assert any(m.field == "task" and m.code == "2" for m in after.misses)


def test_stripped_accents_count_only_in_strict_mode(plan):
    for task in plan.tasks:
        task.content = strip_accents(task.content)
    assert compare("2025", plan, _expected()).fields["content"].right == 9
    strict = compare("2025", plan, _expected(), strict=True)
    assert strict.fields["content"].right == 0 and strict.right < strict.total - 9


def test_punctuation_counts_in_strict_mode(plan):
    plan.tasks[1].product = "Kế hoạch, Báo cáo"  # the plan writes 'Kế hoạch; Báo cáo'
    assert compare("2025", plan, _expected()).fields["product"].right == 9
    assert compare("2025", plan, _expected(), strict=True).fields["product"].right == 8


def test_swapped_sections_lower_the_figure(plan):
    before = compare("2025", plan, _expected())
    first, second = plan.appendices[0].sections[:2]
    first.numeral, second.numeral = second.numeral, first.numeral
    first.title, second.title = second.title, first.title
    after = compare("2025", plan, _expected())
    assert after.paired == 9  # their codes pair the tasks of one section with those of the other …
    assert after.fields["content"].right == 3  # … so six read wrong
    assert after.right / after.total < before.right / before.total


def test_a_task_in_the_wrong_section_pairs_by_content_and_its_section_counts_wrong(plan):
    before = compare("2025", plan, _expected())
    sections = plan.appendices[0].sections
    sections[2].tasks.append(sections[3].tasks.pop())  # IV.1 read into section III
    sections.pop()
    after = compare("2025", plan, _expected())
    assert after.paired == 9
    assert (after.fields["section"].right, after.fields["section"].total) == (0, 1)
    assert after.fields["section_title"].right == before.fields["section_title"].right - 1
    assert after.right / after.total < before.right / before.total


def test_blanked_unit_cells_lower_the_figure(plan):
    before = compare("2025", plan, _expected())
    for task in plan.tasks:
        task.lead_text = ""
    after = compare("2025", plan, _expected())
    assert after.fields["lead_units"].right == 0
    assert after.right == before.right - 9


def test_a_wrong_code_is_counted_once_the_task_pairs_by_content(plan):
    plan.tasks[0].code = "7"
    score = compare("2025", plan, _expected())
    assert score.paired == 9 and score.fields["code"].total == 1 and score.fields["code"].right == 0


def test_header_fields_and_titles_are_scored(plan):
    plan.header["number"] = "21"
    plan.header["title"] = "Kế hoạch khác"
    plan.appendices[0].sections[0].title = "THỂ CHẾ"
    score = compare("2025", plan, _expected())
    assert (score.fields["number"].right, score.fields["title"].right) == (0, 0)
    assert score.fields["symbol"].right == 1 and score.fields["issue_date"].right == 1
    assert score.fields["section_title"].right == 3 and score.fields["section_title"].total == 4


def test_empty_expected_fields_are_reported_apart(plan):
    before = compare("2025", plan, _expected())
    plan.tasks[0].method = "Cách thức không có trong kế hoạch"
    after = compare("2025", plan, _expected())
    assert (after.right, after.total) == (before.right, before.total)
    assert after.empty.right == before.empty.right - 1 and after.empty.total == before.empty.total


def test_a_wrong_expectation_is_counted_wrong_by_the_command(cast, tmp_path):
    shutil.copy(ACCURACY / f"{PLAN_2025}.docx", tmp_path / "a.docx")
    expected = _expected()
    first = expected["appendices"][0]["sections"][0]["tasks"][0]
    first["deadline_text"] = "Quý IV/2025"
    first["lead_units"] = ["Văn phòng Sở"]
    expected["appendices"][0]["sections"][0]["tasks"].append({"code": "4", "content": "Không có trong tệp",
                                                              "lead_units": ["Thanh tra Sở"]})
    (tmp_path / "a.expected.json").write_text(json.dumps(expected, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "lone.docx").write_bytes(b"no expected file beside me")
    lines = _run(tmp_path, "--verbose-misses")
    assert lines[0].startswith("a.docx: đọc được 9 nhiệm vụ, cần có 10, khớp 9; độ chính xác 100,0 %, độ phủ 90,0 %;")
    assert "chủ trì 8/10" in lines[0] and "thời hạn 8/9" in lines[0]
    misses = [line.strip() for line in lines if line.startswith("    ")]
    assert "PL — · mục I · 1 · thời hạn: cần 'Quý IV/2025' · đọc được 'Quý II/2025'" in misses
    assert "PL — · mục I · 4 · nhiệm vụ: cần 'Không có trong tệp' · đọc được None" in misses
    assert lines[-1].startswith("TOTAL: đọc được 9 nhiệm vụ, cần có 10, khớp 9;")


def test_an_unknown_department_is_an_error(cast, tmp_path):
    shutil.copy(ACCURACY / f"{PLAN_2025}.docx", tmp_path / "a.docx")
    (tmp_path / "a.expected.json").write_text(json.dumps({**_expected(), "department": "khong-co"}), encoding="utf-8")
    out = StringIO()
    with pytest.raises(CommandError, match="Không đo được 1 tệp: a.docx"):
        call_command("import_accuracy", str(tmp_path), stdout=out)
    assert "a.docx: LỖI: không có đơn vị “khong-co”" in out.getvalue()


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


@pytest.mark.parametrize("name", sorted([*HELD_OUT, *HELD_OUT_SHEETS]))
def test_the_held_out_plans_are_what_their_script_builds(name):
    suffix, build = (".xlsx", HELD_OUT_SHEETS[name]) if name in HELD_OUT_SHEETS else (".docx", HELD_OUT[name])
    shipped = (ACCURACY.parent / "held-out" / f"{name}{suffix}").read_bytes()
    built, shipped = (extract_plan(read_file(f"{name}{suffix}", data)) for data in (build(), shipped))
    assert built.as_dict() == shipped.as_dict()


@pytest.mark.parametrize("name", sorted(HELD_OUT_CONVERTED))
def test_the_converted_held_out_plans_read_as_the_word_file_they_were_saved_from(name):
    """The shipped .odt is LibreOffice's save of what the builder makes (rebuilt by the script, which needs soffice):
    it reads as that Word file does."""
    fmt, build = HELD_OUT_CONVERTED[name]
    shipped = extract_plan(read_file(f"{name}.{fmt}", (ACCURACY.parent / "held-out" / f"{name}.{fmt}").read_bytes()))
    built = extract_plan(read_docx(build()))
    assert _outline(shipped) == _outline(built) and shipped.header == built.header


def _outline(plan):
    return [(a.number, a.title, [(s.numeral, s.title, [(t.code, t.content, t.lead_text, t.deadline_text)
                                                       for t in s.tasks]) for s in a.sections]) for a in plan.appendices]


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_the_shipped_fixtures_are_what_their_script_builds(name):
    built = extract_plan(read_docx(FIXTURES[name]()))
    shipped = extract_plan(read_docx((ACCURACY / f"{name}.docx").read_bytes()))
    assert built.as_dict() == shipped.as_dict()


def test_the_shipped_2025_file_is_what_the_builder_makes():
    built = extract_plan(read_docx(build_plan_2025()))
    shipped = extract_plan(read_docx((ACCURACY / f"{PLAN_2025}.docx").read_bytes()))
    assert built.as_dict() == shipped.as_dict()
    assert built.header["number"] == "12" and built.header["issue_date"].isoformat() == _expected()["header"][
        "issue_date"]


def test_the_seed_004_fixture_is_the_demos_word_file():
    """The file the demo imports (built from the seed's text by plans/seed_004.py), measured as it is."""
    assert (ACCURACY / f"{SEED_004}.docx").read_bytes() == seed_004.DOCX_PATH.read_bytes()
