"""One person per role, in the seed department: the demo log-ins and the test cast."""

from accounts.models import Role, RoleGrant, User

DEMO_PASSWORD = "cchc-demo-2024"
EVERYWHERE = "everywhere"  # an administrator grant reaching every unit, not only its scope's tree

# (username, full name, position, unit code, [(role, scope unit code[, EVERYWHERE])])
PEOPLE = [
    ("lan", "Nguyễn Thị Lan", "Chuyên viên Phòng Quản lý đất đai", "qldd", [(Role.SPECIALIST, "qldd")]),
    ("hung", "Trần Văn Hùng", "Giám đốc Trung tâm Công nghệ thông tin", "ttcntt",
     [(Role.UNIT_HEAD, "ttcntt"), (Role.SPECIALIST, "ttcntt")]),
    ("mai", "Lê Thị Mai", "Chuyên viên Văn phòng Sở, đầu mối CCHC", "vp", [(Role.REFORM_OFFICE, "stnmt")]),
    ("thu", "Phạm Minh Thư", "Thành viên Tổ thẩm định CCHC (Sở Nội vụ)", "snv", [(Role.APPRAISER, "ubnd-brvt")]),
    ("manh", "Phan Văn Mạnh", "Phó Giám đốc Sở", "stnmt", [(Role.LEADER, "stnmt")]),
    ("admin", "Quản trị hệ thống", "Quản trị hệ thống", "stnmt", [(Role.ADMIN, "ubnd-brvt", EVERYWHERE)]),
    ("khoa", "Đỗ Văn Khoa", "Chuyên viên Sở Tư pháp", "stp", [(Role.SPECIALIST, "stp")]),
]


def build_people(units: dict, password: str = DEMO_PASSWORD) -> dict[str, User]:
    """Idempotent: existing people keep their password."""
    people = {}
    for username, full_name, position, unit_code, grants in PEOPLE:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"full_name": full_name, "position": position, "unit": units[unit_code],
                      "email": f"{username}@stnmt.example.vn"},
        )
        if created:
            user.set_password(password)
            user.save()
        for role, scope, *reach in grants:
            RoleGrant.objects.get_or_create(user=user, role=role, unit=units[scope],
                                            defaults={"everywhere": EVERYWHERE in reach})
        people[username] = user
    return people


# Khánh Hòa's department (seed 004), in its own province: its reform office. The administrator administers it too.
KHANH_HOA_PEOPLE = [
    ("hoa", "Võ Thị Hoa", "Chuyên viên Văn phòng Sở TNMT Khánh Hòa, đầu mối CCHC", "kh-vp",
     [(Role.REFORM_OFFICE, "kh-stnmt")]),
]


def build_khanh_hoa_people(units: dict, people: dict, password: str = DEMO_PASSWORD) -> dict[str, User]:
    """Idempotent, like build_people; needs org.demo.build_khanh_hoa's units."""
    for username, full_name, position, unit_code, grants in KHANH_HOA_PEOPLE:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"full_name": full_name, "position": position, "unit": units[unit_code],
                      "email": f"{username}@stnmt-kh.example.vn"},
        )
        if created:
            user.set_password(password)
            user.save()
        for role, scope in grants:
            RoleGrant.objects.get_or_create(user=user, role=role, unit=units[scope])
        people[username] = user
    if "admin" in people:
        RoleGrant.objects.get_or_create(user=people["admin"], role=Role.ADMIN, unit=units["ubnd-kh"])
    return people
