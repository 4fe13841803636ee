from org.matching import UnitDirectory


def test_names_aliases_and_groups_resolve(cast):
    directory = UnitDirectory(cast.department)
    assert directory.match_one("TTCNTT TNMT").units == [cast.unit("ttcntt")]
    assert directory.match_one("van phong so").units == [cast.unit("vp")]
    assert directory.match_one("Phòng Kế hoạch - Tài chính").units == [cast.unit("khtc")]
    group = directory.match_one("Các phòng, đơn vị thuộc Sở")
    assert group.group is not None and len(group.units) == 11
    assert len(directory.match_one("Đơn vị thuộc Sở").units) == 5
    assert len(directory.match_one("Phòng, đơn vị có chức năng tham mưu giải quyết TTHC").units) == 6


def test_a_cell_with_several_units(cast):
    matches = UnitDirectory(cast.department).match_cell(
        "Văn phòng Sở; Trung tâm Công nghệ thông tin tài nguyên và môi trường."
    )
    assert [m.units for m in matches] == [[cast.unit("vp")], [cast.unit("ttcntt")]]


def test_unknown_names_stay_unmatched(cast):
    match = UnitDirectory(cast.department).match_one("Ban Quản lý dự án khu vực")
    assert not match.matched and match.text == "Ban Quản lý dự án khu vực"
