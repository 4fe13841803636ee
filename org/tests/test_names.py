import pytest

from org.names import normalize_name, split_unit_list


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Phòng Kế hoạch – Tài chính", "phong ke hoach tai chinh"),
        ("PHÒNG KẾ HOẠCH-TÀI CHÍNH", "phong ke hoach tai chinh"),
        ("Văn phòng Đăng ký đất đai", "van phong dang ky dat dai"),
        ("  Trung tâm Công nghệ thông tin tài nguyên và môi trường. ", "trung tam cong nghe thong tin tai nguyen va moi truong"),
        ("TTCNTT TNMT", "ttcntt tnmt"),
        ("VPĐKĐĐ", "vpdkdd"),
    ],
)
def test_normalize_name(text, expected):
    assert normalize_name(text) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Văn phòng Sở; Trung tâm Công nghệ thông tin tài nguyên và môi trường.",
         ["Văn phòng Sở", "Trung tâm Công nghệ thông tin tài nguyên và môi trường"]),
        ("- Thanh tra Sở;\n- Phòng Quản lý đất đai;", ["Thanh tra Sở", "Phòng Quản lý đất đai"]),
        ("Phòng Kế hoạch – Tài chính", ["Phòng Kế hoạch – Tài chính"]),
        ("", []),
    ],
)
def test_split_unit_list(cell, expected):
    assert split_unit_list(cell) == expected
