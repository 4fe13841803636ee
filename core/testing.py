"""The test cast and small builders, shared by every app's tests (browser tests included).

The cast, one person per role, all in the seed department unless said:
- lan: specialist of the Land division (Phòng Quản lý đất đai)
- hung: head of the IT Centre (Trung tâm CNTT), also a specialist there
- mai: officer of the reform office (Văn phòng Sở), reform office over the whole department
- thu: appraiser of the province's council (Sở Nội vụ), appraises every unit of the province
- manh: leader (Phó Giám đốc Sở), reads the whole department
- admin: administrator
- khoa: an outsider, specialist of another department (Sở Tư pháp)
"""

from dataclasses import dataclass

from accounts.demo import build_people
from accounts.models import Role, RoleGrant, User
from org.demo import build_organisation
from org.models import Unit

PASSWORD = "cchc-test-2024"


@dataclass
class Cast:
    units: dict[str, Unit]
    lan: User
    hung: User
    mai: User
    thu: User
    manh: User
    admin: User
    khoa: User

    @property
    def department(self) -> Unit:
        return self.units["department"]

    @property
    def province(self) -> Unit:
        return self.units["province"]

    def unit(self, code: str) -> Unit:
        return self.units[code]


def make_cast() -> Cast:
    units = build_organisation()
    people = build_people(units, password=PASSWORD)
    return Cast(units=units, **people)


def make_user(username: str, unit: Unit, *roles: tuple[str, Unit], full_name: str = "") -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, unit=unit, full_name=full_name or username,
                                    email=f"{username}@example.vn")
    for role, scope in roles or [(Role.SPECIALIST, unit)]:
        RoleGrant.objects.create(user=user, role=role, unit=scope)
    return user
