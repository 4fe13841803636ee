"""Importing the seed's own table 1.2 (copied as text) gives the seed's year table back."""

import io

import pytest
from django.core.management import CommandError, call_command

from assessments.actions import save_history
from assessments.demo import peer_totals
from assessments.history import parse_table
from assessments.results import year_table
from org.demo import build_province_departments

SEED_TABLE = """TT\tChỉ số thành phần\tNăm 2019\tNăm 2020\tNăm 2021\tNăm 2022\tNăm 2023
1\tCông tác chỉ đạo điều hành CCHC\t8/11,5\t10.14/11.5\t10/12.5\t10/13.5\t9.5/12.5
2\tCải cách thể chế\t6/7\t7/7\t6/6\t5.5/6.5\t6.5/6.5
3\tCải cách thủ tục hành chính\t5/5\t5/5\t5/5,5\t5/5\t9.729/11.5
4\tCải cách tổ chức bộ máy HCNN\t3,5/4\t2,5/4\t3,5/3,5\t5.5/6.5\t6.5/6.5
5\tCải cách chế độ công vụ\t11,5/11,5\t11,5/11,5\t9/10\t7/8\t7/9
6\tCải cách tài chính công\t6,5/6,5\t6,5/6,5\t6,5/6,5\t8.5/8.5\t8/8
7\tChính quyền điện tử, chính quyền số\t9,851/11\t9,731/11\t10,107/11,5\t7.421/10\t9.376/11
8\tThực hiện cơ chế một cửa, một cửa liên thông\t8,389/8,5\t7,368/8,5\t8,986/9,5\t6.395/7\tGộp vào Cải cách thủ tục hành chính
9\tĐiều tra xã hội học\t23,419/35\t26,886/35\t26,362/35\t28.859/35\t30.620/35
10\tĐiểm cộng\t1,5\t1\t1\t2\t1
11\tĐiểm trừ\t2\t2\t1,5\t0.5\t1
\tTổng điểm\t81,659\t85,625\t84,955\t85.675\t87.225
\tXếp hạng\t9/21\t10/21\t12/21\t12/21\t10/21
"""


def _rows(text):
    return [line.split("\t") for line in text.strip("\n").split("\n")]


def test_the_seed_table_parses_year_by_year():
    results, errors = parse_table(_rows(SEED_TABLE))
    assert errors == []
    assert [r.year for r in results] == [2019, 2020, 2021, 2022, 2023]
    assert [str(r.total) for r in results] == ["81.659", "85.625", "84.955", "85.675", "87.225"]
    assert (results[-1].rank, results[-1].out_of) == (10, 21)
    assert results[-1].areas[7] == {"title": "Thực hiện cơ chế một cửa, một cửa liên thông",
                                    "note": "Gộp vào Cải cách thủ tục hành chính"}


@pytest.mark.parametrize(("text", "error"), [
    ("TT\tChỉ số\n1\tA\t1/2", "không thấy cột năm"),
    ("TT\tChỉ số\tNăm 2023\n1\tCải cách thể chế\tsáu/7\n\tTổng điểm\t6", "Dòng 2, năm 2023: không đọc được “sáu/7”"),
    ("TT\tChỉ số\tNăm 2023\n1\tCải cách thể chế\t6/7", "Năm 2023: thiếu dòng “Tổng điểm”"),
])
def test_broken_tables_are_refused_with_the_line(text, error):
    _results, errors = parse_table(_rows(text))
    assert any(error in e for e in errors), errors


@pytest.mark.django_db
def test_the_command_imports_and_the_year_table_matches(cast, tmp_path):
    path = tmp_path / "bang-1-2.tsv"
    path.write_text(SEED_TABLE, encoding="utf-8")
    out = io.StringIO()
    call_command("import_history", str(path), unit="stnmt", source="3626/QĐ-UBND", stdout=out)
    table = year_table(cast.department)
    assert table.total == ["81,659", "85,625", "84,955", "85,675", "87,225"]
    assert table.notes == []
    # The rank is computed from the totals of the units ranked together, never stored: alone, the department is 1/1,
    # and the command says where the file's rank differs.
    assert table.rank == ["1/1"] * 5
    assert "Năm 2023: tệp ghi xếp hạng 10/21, cchc tính từ tổng điểm các đơn vị cùng nhóm được 1/1" in out.getvalue()

    # With the other 20 departments' totals in, the computed ranks are the file's, and the check is silent.
    others = build_province_departments(cast.units)[1:]
    for result in parse_table(_rows(SEED_TABLE))[0]:
        for unit, total in zip(others, peer_totals(result.year, result.total, result.rank, 21), strict=True):
            save_history(by=cast.admin, unit=unit, year=result.year, areas=[], bonus=0, penalty=0, total=total)
    out = io.StringIO()
    call_command("import_history", str(path), unit="stnmt", source="3626/QĐ-UBND", stdout=out)
    assert year_table(cast.department).rank == ["9/21", "10/21", "12/21", "12/21", "10/21"]
    assert "tệp ghi xếp hạng" not in out.getvalue()
    broken = tmp_path / "hong.tsv"
    broken.write_text("TT\tChỉ số\tNăm 2024\n1\tCải cách thể chế\t6/7\n", encoding="utf-8")
    with pytest.raises(CommandError, match="thiếu dòng “Tổng điểm”"):
        call_command("import_history", str(broken), unit="stnmt")
    assert year_table(cast.department).years == [2019, 2020, 2021, 2022, 2023], "nothing written"
