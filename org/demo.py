"""The seed department, exactly as the plan's closing notes list it (shared by the demo and the tests)."""

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
