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

import resource
import signal
from contextlib import contextmanager
from dataclasses import dataclass

from accounts.demo import build_people
from accounts.models import Role, RoleGrant, User
from core.bounded import mapped_bytes
from org.demo import build_organisation
from org.models import Unit

PASSWORD = "cchc-test-2024"  # nosec B105: the test cast's password, never a real account's


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


MB = 1024 * 1024


class LimitExceeded(BaseException):
    """A test went past the CPU time or memory its harness allows. Not an Exception: no `except Exception` in the
    code under test can take it for an ordinary error and answer with a message."""


def _cpu_seconds(who) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _peak_resident() -> int | None:
    """The process's peak resident memory since the last reset (VmHWM), or None where /proc cannot tell."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def _reset_peak_resident() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")
        return True
    except OSError:
        return False


@contextmanager
def bounded_resources(cpu_seconds: float = 10, memory_bytes: int = 1024 * MB):
    """Runs a block (a hostile-file test's body) under limits the harness enforces and asserts, so that no test
    body measures time itself. LimitExceeded when it spends more than `cpu_seconds` of CPU time — this process's
    (an interval timer on its CPU time stops the block) and its children's, the bounded parsing and template filling
    of core.bounded, added up when they end — or when this process's peak resident memory grows by more than
    `memory_bytes`. An allocation far past that (four times) fails outright, so a runaway test cannot take the
    machine; where the peak cannot be read, that address-space limit is `memory_bytes` itself."""
    cpu_before = _cpu_seconds(resource.RUSAGE_SELF) + _cpu_seconds(resource.RUSAGE_CHILDREN)
    peak_known = _reset_peak_resident()
    resident_before = _peak_resident() or 0
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = mapped_bytes() + memory_bytes * (4 if peak_known else 1)
    if soft != resource.RLIM_INFINITY:
        limit = min(limit, soft)

    def out_of_time(signum, frame):
        raise LimitExceeded(f"more than {cpu_seconds} s of CPU time")

    previous = signal.signal(signal.SIGPROF, out_of_time)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    signal.setitimer(signal.ITIMER_PROF, cpu_seconds)
    try:
        yield
    except MemoryError:
        raise LimitExceeded(f"more than {memory_bytes // MB} MB of memory") from None
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    spent = _cpu_seconds(resource.RUSAGE_SELF) + _cpu_seconds(resource.RUSAGE_CHILDREN) - cpu_before
    if spent > cpu_seconds:
        raise LimitExceeded(f"{spent:.1f} s of CPU time (with child processes), more than {cpu_seconds} s")
    peak = _peak_resident()
    if peak_known and peak is not None and peak - resident_before > memory_bytes:
        raise LimitExceeded(f"{(peak - resident_before) // MB} MB more resident memory, more than "
                            f"{memory_bytes // MB} MB")
