"""Unit names written together without a semicolon, and remarks after or around them (the seed's own cells)."""

import pytest

from org.matching import UnitDirectory


@pytest.mark.parametrize("cell, codes", [
    ("Văn phòng Sở, đơn vị thuộc Sở", ["vp", "vpdkdd", "ttcntt", "ttkt", "ttptqd", "ttqt"]),
    ("Văn phòng Sở Các phòng, đơn vị trực thuộc Sở",
     ["vp", "tt", "khtc", "bdtnn", "qldd", "qlmt", "vpdkdd", "ttcntt", "ttkt", "ttptqd", "ttqt"]),
    ("Văn phòng Sở, Trung tâm Công nghệ thông tin tài nguyên và môi trường", ["vp", "ttcntt"]),
    ("Văn phòng Sở triển khai, tổng hợp", ["vp"]),
    ("Trung tâm Công nghệ thông tin tài nguyên và môi trường chủ trì theo dõi đôn đốc", ["ttcntt"]),
    ("Tất cả các phòng, đơn vị thuộc sở (lưu ý đảm bảo thời gian thực hiện và báo cáo đầy đủ nội dung)",
     ["vp", "tt", "khtc", "bdtnn", "qldd", "qlmt", "vpdkdd", "ttcntt", "ttkt", "ttptqd", "ttqt"]),
])
def test_run_on_names_resolve(cast, cell, codes):
    matches = UnitDirectory(cast.department).match_cell(cell)
    assert all(m.matched for m in matches)
    assert sorted(u.code for m in matches for u in m.units) == sorted(codes)


def test_a_body_that_is_no_unit_stays_unmatched(cast):
    (match,) = UnitDirectory(cast.department).match_cell("phối hợp cùng Tổ kiểm tra công vụ Sở kiểm tra báo cáo")
    assert not match.matched
