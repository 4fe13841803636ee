"""The seed department, exactly as the plan's closing notes list it (shared by the demo and the tests); for the demo
also the province's other departments (ranked with it every year) and Khánh Hòa's department of seed 004."""

import datetime

from django.db import transaction

from org import actions
from org.models import ReorgEvent, Unit, UnitAlias, UnitGroup

K = Unit.Kind
PROVINCE = ("ubnd-brvt", "Ủy ban nhân dân tỉnh Bà Rịa – Vũng Tàu", "UBND tỉnh", K.PROVINCE)
DEPARTMENT = ("stnmt", "Sở Tài nguyên và Môi trường", "Sở TNMT", K.DEPARTMENT)
OTHER_DEPARTMENTS = [
    ("snv", "Sở Nội vụ", "SNV", ["Sở Nội vụ tỉnh"]),
    ("stp", "Sở Tư pháp", "STP", []),
    ("stttt", "Sở Thông tin và Truyền thông", "Sở TT&TT", []),
]
# (code, name, short name, kind, aliases), in the order of the plan's note.
DIVISIONS = [
    ("vp", "Văn phòng Sở", "VP Sở", K.DIVISION, ["Văn phòng", "VPS"]),
    ("tt", "Thanh tra Sở", "TTr Sở", K.DIVISION, ["Thanh tra"]),
    ("khtc", "Phòng Kế hoạch – Tài chính", "Phòng KH-TC", K.DIVISION, ["Phòng KHTC", "Kế hoạch – Tài chính"]),
    ("bdtnn", "Phòng Quản lý Biển đảo và Tài nguyên nước, Khoáng sản", "Phòng QLBĐ-TNN-KS", K.DIVISION,
     ["Phòng Quản lý Biển đảo và Tài nguyên nước", "Phòng Biển đảo, TNN-KS"]),
    ("qldd", "Phòng Quản lý đất đai", "Phòng QLĐĐ", K.DIVISION, ["Phòng Đất đai"]),
    ("qlmt", "Phòng Quản lý môi trường", "Phòng QLMT", K.DIVISION, ["Phòng Môi trường"]),
]
PUBLIC_SERVICE = [
    ("vpdkdd", "Văn phòng Đăng ký đất đai", "VPĐKĐĐ", K.PUBLIC_SERVICE, ["VP ĐKĐĐ", "Văn phòng ĐKĐĐ"]),
    ("ttcntt", "Trung tâm Công nghệ thông tin tài nguyên và môi trường", "TTCNTT TNMT", K.PUBLIC_SERVICE,
     ["Trung tâm Công nghệ thông tin", "Trung tâm CNTT", "TT CNTT", "Trung tâm Công nghệ thông tin tài nguyên"]),
    ("ttkt", "Trung tâm Kỹ thuật tài nguyên và môi trường", "TTKT TNMT", K.PUBLIC_SERVICE, ["Trung tâm Kỹ thuật"]),
    ("ttptqd", "Trung tâm Phát triển quỹ đất", "TTPTQĐ", K.PUBLIC_SERVICE, ["Trung tâm PTQĐ"]),
    ("ttqt", "Trung tâm Quan trắc tài nguyên và môi trường", "TTQT TNMT", K.PUBLIC_SERVICE, ["Trung tâm Quan trắc"]),
]
# Groups as the plan's note defines them, with the other ways the appendices write them.
GROUPS = [
    ("Phòng, đơn vị thuộc Sở", [c for c, *_ in DIVISIONS + PUBLIC_SERVICE],
     ["Các phòng, đơn vị thuộc Sở", "Các phòng, đơn vị trực thuộc", "Các phòng, đơn vị trực thuộc Sở",
      "Phòng, đơn vị trực thuộc Sở", "Tất cả các phòng, đơn vị thuộc sở", "Các Phòng, đơn vị trực thuộc Sở",
      "Phòng, đơn vị thuộc Sở báo cáo theo lĩnh vực phụ trách", "Các phòng, đơn vị thuộc Sở báo cáo theo lĩnh vực phụ trách",
      "Các phòng, đơn vị"]),
    ("Đơn vị thuộc Sở", [c for c, *_ in PUBLIC_SERVICE],
     ["Các đơn vị thuộc Sở", "Đơn vị trực thuộc Sở", "Các đơn vị trực thuộc Sở", "Đơn vị sự nghiệp thuộc Sở"]),
    ("Phòng, đơn vị có chức năng tham mưu giải quyết TTHC", ["tt", "bdtnn", "qldd", "qlmt", "vpdkdd", "ttcntt"],
     ["Các phòng, đơn vị có chức năng tham mưu giải quyết TTHC", "Phòng, đơn vị có chức năng giải quyết TTHC"]),
    ("Các phòng thuộc Sở", [c for c, *_ in DIVISIONS], ["Phòng thuộc Sở", "Các phòng chuyên môn"]),
    ("Phòng, đơn vị có chức năng tham mưu quản lý nhà nước theo chức năng", ["tt", "khtc", "bdtnn", "qldd", "qlmt"],
     ["Phòng, đơn vị có chức năng tham mưu quản lý nhà nước"]),
]


def _unit(code, name, short, kind, parent, order=0, aliases=(), **extra) -> Unit:
    unit, _ = Unit.objects.update_or_create(
        code=code, defaults={"name": name, "short_name": short, "kind": kind, "parent": parent, "order": order, **extra}
    )
    for alias in aliases:
        UnitAlias.objects.get_or_create(unit=unit, alias=alias)
    return unit


@transaction.atomic
def build_organisation() -> dict[str, Unit]:
    """Creates (or finds) the province, the seed department with its 11 units and groups. Idempotent."""
    units: dict[str, Unit] = {}
    code, name, short, kind = PROVINCE
    units["province"] = units["ubnd-brvt"] = province = _unit(code, name, short, kind, None, aliases=["UBND tỉnh Bà Rịa - Vũng Tàu"])
    code, name, short, kind = DEPARTMENT
    units["department"] = units["stnmt"] = dept = _unit(
        code, name, short, kind, province, order=1,
        aliases=["Sở TN&MT", "STNMT", "Sở Tài nguyên và Môi trường tỉnh Bà Rịa – Vũng Tàu"],
    )
    for i, (code, name, short, aliases) in enumerate(OTHER_DEPARTMENTS, start=2):
        units[code] = _unit(code, name, short, K.DEPARTMENT, province, order=i, aliases=aliases)
    for i, (code, name, short, kind, aliases) in enumerate(DIVISIONS + PUBLIC_SERVICE, start=1):
        units[code] = _unit(code, name, short, kind, dept, order=i, aliases=aliases, coordinates_reform=(code == "vp"))
    for name, members, phrases in GROUPS:
        group, _ = UnitGroup.objects.update_or_create(owner=dept, name=name, defaults={"phrases": "\n".join(phrases)})
        group.members.set([units[c] for c in members])
    return units


# The 2025 reorganisation as the demo records it: two of the province's departments merged into one
# (Sở Thông tin và Truyền thông went into Sở Khoa học và Công nghệ), so the units list shows a merge with its history.
REORG_DECISION = "Nghị quyết số 05/NQ-HĐND ngày 18/02/2025 của HĐND tỉnh"


@transaction.atomic
def record_reorganisation(units: dict[str, Unit], *, by) -> ReorgEvent:
    """Idempotent: the merge is recorded once, on the day it took effect."""
    existing = ReorgEvent.objects.filter(kind=ReorgEvent.Kind.MERGE, decision=REORG_DECISION).first()
    if existing:
        return existing
    science = _unit("skhcn", "Sở Khoa học và Công nghệ", "Sở KH&CN", K.DEPARTMENT, units["province"],
                    order=len(OTHER_DEPARTMENTS) + 2, aliases=["SKHCN"])
    units["skhcn"] = science
    return actions.merge_units([units["stttt"], science], into=science, effective_date=datetime.date(2025, 3, 1),
                               by=by, decision=REORG_DECISION)


# The province's 21 departments, boards and agencies (sở, ban, ngành) ranked together each year, as the seed's table
# 1.2 counts them ("10/21"): the four above, Sở Khoa học và Công nghệ (created by record_reorganisation) and these.
PROVINCE_DEPARTMENTS = [
    ("vpubnd", "Văn phòng UBND tỉnh", "VP UBND tỉnh"),
    ("skhdt", "Sở Kế hoạch và Đầu tư", "Sở KH&ĐT"),
    ("stc", "Sở Tài chính", "STC"),
    ("sct", "Sở Công Thương", "SCT"),
    ("snnptnt", "Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT"),
    ("sgtvt", "Sở Giao thông vận tải", "Sở GTVT"),
    ("sxd", "Sở Xây dựng", "SXD"),
    ("sldtbxh", "Sở Lao động – Thương binh và Xã hội", "Sở LĐ-TB&XH"),
    ("svhtt", "Sở Văn hóa và Thể thao", "Sở VH&TT"),
    ("sdl", "Sở Du lịch", "SDL"),
    ("sgddt", "Sở Giáo dục và Đào tạo", "Sở GD&ĐT"),
    ("syt", "Sở Y tế", "SYT"),
    ("sngv", "Sở Ngoại vụ", "SNgV"),
    ("thanhtra-tinh", "Thanh tra tỉnh", "TTr tỉnh"),
    ("bdt", "Ban Dân tộc", "BDT"),
    ("bqlkcn", "Ban Quản lý các Khu công nghiệp", "BQL các KCN"),
]
RANKED_DEPARTMENTS = ["stnmt", *(c for c, *_ in OTHER_DEPARTMENTS), "skhcn", *(c for c, *_ in PROVINCE_DEPARTMENTS)]


@transaction.atomic
def build_province_departments(units: dict[str, Unit]) -> list[Unit]:
    """The province's 21 ranked departments (the seed department first). Idempotent."""
    province = units["province"]
    if "skhcn" not in units:
        units["skhcn"] = _unit("skhcn", "Sở Khoa học và Công nghệ", "Sở KH&CN", K.DEPARTMENT, province,
                               order=len(OTHER_DEPARTMENTS) + 2, aliases=["SKHCN"])
    start = len(OTHER_DEPARTMENTS) + 3
    for i, (code, name, short) in enumerate(PROVINCE_DEPARTMENTS, start=start):
        units[code] = _unit(code, name, short, K.DEPARTMENT, province, order=i)
    return [units[code] for code in RANKED_DEPARTMENTS]


# Seed 004: Khánh Hòa's Sở Tài nguyên và Môi trường, in its own province, with the units its 2025 plan names.
KHANH_HOA_PROVINCE = ("ubnd-kh", "Ủy ban nhân dân tỉnh Khánh Hòa", "UBND tỉnh Khánh Hòa", K.PROVINCE)
KHANH_HOA_DEPARTMENT = ("kh-stnmt", "Sở Tài nguyên và Môi trường tỉnh Khánh Hòa", "Sở TNMT Khánh Hòa", K.DEPARTMENT,
                        ["Sở Tài nguyên và Môi trường", "Sở TN&MT Khánh Hòa"])
KHANH_HOA_UNITS = [
    ("kh-vp", "Văn phòng Sở", "VP Sở", K.DIVISION, ["Văn phòng"]),
    ("kh-ddbd", "Phòng Đo đạc Bản đồ", "Phòng ĐĐBĐ", K.DIVISION, ["Phòng Đo đạc, Bản đồ", "Phòng Đo đạc và Bản đồ"]),
    ("kh-ccqldd", "Chi cục Quản lý đất đai", "Chi cục QLĐĐ", K.SUB_DEPARTMENT, ["Chi cục Quản lý đất đai tỉnh"]),
    ("kh-vpdkdd", "Văn phòng Đăng ký đất đai Khánh Hòa", "VPĐKĐĐ Khánh Hòa", K.PUBLIC_SERVICE,
     ["Văn phòng Đăng ký đất đai", "VPĐKĐĐ"]),
    ("kh-ttcntt", "Trung tâm Công nghệ thông tin tài nguyên và môi trường", "TTCNTT TNMT", K.PUBLIC_SERVICE,
     ["Trung tâm Công nghệ thông tin", "Trung tâm CNTT"]),
]
KHANH_HOA_GROUPS = [
    ("Phòng, đơn vị thuộc Sở", [c for c, *_ in KHANH_HOA_UNITS],
     ["Các phòng, đơn vị thuộc Sở", "Các phòng, đơn vị", "Các phòng đơn vị", "Các phòng, đơn vị trực thuộc Sở",
      "Các chi cục, phòng chuyên môn và đơn vị thuộc Sở"]),
    ("Các phòng thuộc Sở", ["kh-vp", "kh-ddbd"], ["Phòng thuộc Sở"]),
]


@transaction.atomic
def build_khanh_hoa(units: dict[str, Unit]) -> dict[str, Unit]:
    """Khánh Hòa's province and its Sở Tài nguyên và Môi trường with the units seed 004 names. Idempotent."""
    code, name, short, kind = KHANH_HOA_PROVINCE
    units[code] = province = _unit(code, name, short, kind, None, aliases=["UBND tỉnh"])
    code, name, short, kind, aliases = KHANH_HOA_DEPARTMENT
    units[code] = department = _unit(code, name, short, kind, province, order=1, aliases=aliases)
    for i, (code, name, short, kind, aliases) in enumerate(KHANH_HOA_UNITS, start=1):
        units[code] = _unit(code, name, short, kind, department, order=i, aliases=aliases,
                            coordinates_reform=(code == "kh-vp"))
    for name, members, phrases in KHANH_HOA_GROUPS:
        group, _ = UnitGroup.objects.update_or_create(owner=department, name=name,
                                                      defaults={"phrases": "\n".join(phrases)})
        group.members.set([units[c] for c in members])
    return units
