"""The seed plan as a Word file: every task of its three appendices, checked row by row against the
hand-checked expected JSON (written from the seed's text, not from this importer)."""

import json
from pathlib import Path

import pytest

from imports.docx_reader import read_docx
from imports.layout import extract_plan
from org.matching import UnitDirectory

ACCURACY = Path(__file__).resolve().parent.parent / "fixtures" / "accuracy"
SEED = ACCURACY / "ke-hoach-nang-cao-par-sipas-2024.docx"
EXPECTED = json.loads((ACCURACY / "ke-hoach-nang-cao-par-sipas-2024.expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def plan():
    return extract_plan(read_docx(SEED.read_bytes()))


def test_count_per_appendix(plan):
    assert [(a.number, len(a.tasks)) for a in plan.appendices] == [("1", 31), ("2", 106), ("3", 8)]
    assert [len(a.sections) for a in plan.appendices] == [7, 3, 1]
    assert [s.numeral for s in plan.appendices[0].sections] == ["I", "II", "III", "IV", "V", "VI", "VII"]
    # 116 tasks to carry out, and Phụ lục 2's 29 group headings ('1 CÔNG TÁC CHỈ ĐẠO…', '1.1 Xây dựng …').
    work = [[t for t in s.tasks if not t.is_heading] for a in plan.appendices for s in a.sections]
    assert [len(tasks) for tasks in work] == [9, 2, 6, 3, 5, 3, 3, 10, 57, 10, 8]
    assert sum(t.is_heading for t in plan.appendices[1].tasks) == 29


def test_header_and_appendix_titles(plan):
    assert plan.header["symbol"] == "KH-STNMT" and plan.header["number"] == ""
    assert plan.header["place"] == "Bà Rịa – Vũng Tàu" and plan.header["year"] == 2024
    assert plan.header["title"] == EXPECTED["header"]["title"]
    assert plan.header["signer_name"] == "Phan Văn Mạnh" and "PHÓ GIÁM ĐỐC" in plan.header["signer_title"]
    assert plan.header["recipients"][0] == "UBND tỉnh (b/c)"
    titles = [a.title for a in plan.appendices]
    assert titles == [a["title"] for a in EXPECTED["appendices"]]
    assert all(a.issued_with.startswith("(Ban hành kèm theo") for a in plan.appendices)


def _rows(expected_appendix):
    for section in expected_appendix["sections"]:
        for task in section["tasks"]:
            yield section["numeral"], task


def test_codes_units_and_deadlines_row_by_row(plan, cast):
    directory = UnitDirectory(cast.department)

    def units_of(names_or_cell):
        names = [names_or_cell] if isinstance(names_or_cell, str) else names_or_cell
        matches = [m for name in names for m in directory.match_cell(name)]
        return {u.code for m in matches for u in m.units}, [m.text for m in matches if not m.matched]

    for appendix, wanted in zip(plan.appendices, EXPECTED["appendices"], strict=True):
        found = [(s.numeral, t) for s in appendix.sections for t in s.tasks]
        expected = list(_rows(wanted))
        assert len(found) == len(expected)
        for (numeral, task), (want_numeral, want) in zip(found, expected, strict=True):
            where = f"PL{appendix.number} {numeral} {task.code}"
            assert (numeral, task.code) == (want_numeral, want["code"]), where
            assert " ".join(task.deadline_text.split()) == want["deadline_text"], where
            for role in ("lead", "coordinating", "monitoring"):
                got_units, unknown = units_of(getattr(task, f"{role}_text"))
                want_units, _ = units_of(want[f"{role}_units"])
                assert got_units == want_units, f"{where} {role}"
                assert not unknown or want[f"{role}_units"] == [], f"{where} {role}: {unknown}"
            assert task.outside_participants == want.get("outside_participants", []), where
            assert task.method == want.get("method", ""), where


def test_outside_bodies_footnotes_and_method(plan):
    monitored = next(t for t in plan.appendices[1].sections[0].tasks if t.code == "1.2")
    assert monitored.monitoring_text == "Trung tâm Công nghệ thông tin tài nguyên và môi trường"
    assert monitored.outside_participants == [{"role": "monitoring", "name": "Tổ kiểm tra công vụ Sở"}]
    assert monitored.method == "kiểm tra báo cáo"
    reorganise = plan.appendices[0].sections[3].tasks[0]
    assert "theo quy định, đảm bảo thực hiện lộ trình" in reorganise.content and "²" not in reorganise.content
    (footnote,) = reorganise.footnotes
    assert footnote["mark"] == "2" and footnote["text"].startswith("Quyết định số 3315/QĐ-UBND ngày 26/10/2022")
    yearly = next(t for t in plan.appendices[1].sections[1].tasks if t.code == "1.1.2")
    assert yearly.deadline_text == "Báo cáo năm trước ngày 15/11/2024" and yearly.footnotes == [{"mark": "4",
                                                                                                 "text": ""}]


def test_some_rows_exactly(plan, cast):
    appendix2 = plan.appendices[1]
    maintain = appendix2.sections[1]
    row = next(t for t in maintain.tasks if t.code == "1.2.1")
    assert row.deadline_text == "BC năm trước 15/11"
    assert row.lead_text.startswith("Tất cả các phòng, đơn vị thuộc sở")
    assert row.content.startswith("Đầy đủ số lượng báo cáo định kỳ về cải cách hành chính")
    assert "- Báo cáo Quý III: thời hạn gửi báo cáo đến ngày 10/9/2024." in row.content
    split = next(t for t in maintain.tasks if t.code == "5.1.2")
    assert split.lead_text == "" and "Thiếu cơ quan chủ trì." in split.warnings
    group = UnitDirectory(cast.department).match_cell(row.lead_text)
    assert len(group[0].units) == 11
    appendix3 = plan.appendices[2]
    assert appendix3.tasks[6].content.endswith("Đẩy mạnh việc số hóa kết quả giải quyết TTHC tạo điều kiện thuận lợi "
                                               "để người dân, doanh nghiệp thực hiện TTHC.")
    assert appendix3.tasks[0].product == ""  # appendix 3 has no product column
