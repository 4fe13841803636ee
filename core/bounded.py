"""Running risky work — parsing an uploaded file, filling a user's Word template — in a child process with its own
CPU-time and memory limits, so that a hostile file costs seconds and a bounded amount of memory, never the server.

    plan = run_bounded(read_plan, upload.name, data)                   # its result, or its exception re-raised
    plan = run_bounded(read_plan, upload.name, data, bounds=Bounds(cpu_seconds=5))

The child is a fork of the caller, so its input needs no pickling; its result (or the exception it raised) comes
back pickled through a pipe. It never touches what it inherits (database connections, sockets) and leaves with
os._exit, running no clean-up of the parent's objects. The kernel enforces its limits: RLIMIT_CPU stops it after
its CPU seconds, RLIMIT_AS makes an allocation past its memory fail (MemoryError). The caller also waits at most
wall_seconds, for a child stuck without using CPU. Any of the three raises Exhausted. A limit set on the caller
(the test harness sets one) is never raised for the child. Plain Python, Linux (fork and /proc).
"""

import os
import pickle  # nosec B403: only the output of our own forked child is unpickled
import resource
import select
import signal
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

MB = 1024 * 1024


@dataclass(frozen=True)
class Bounds:
    cpu_seconds: int = 10
    memory_bytes: int = 1024 * MB  # on top of what the caller's process maps already
    wall_seconds: float = 30.0


class Exhausted(Exception):
    """The work went past a bound: `what` is "cpu", "memory" or "time"."""

    def __init__(self, what: str):
        super().__init__(what)
        self.what = what


def configured() -> Bounds:
    """The bounds the settings give (CCHC_BOUNDED_CPU_SECONDS, CCHC_BOUNDED_MEMORY_MB, CCHC_BOUNDED_WALL_SECONDS),
    or the defaults outside Django."""
    try:
        from django.conf import settings
    except ImportError:
        return Bounds()
    if not settings.configured:
        return Bounds()
    default = Bounds()
    return Bounds(cpu_seconds=getattr(settings, "CCHC_BOUNDED_CPU_SECONDS", default.cpu_seconds),
                  memory_bytes=getattr(settings, "CCHC_BOUNDED_MEMORY_MB", default.memory_bytes // MB) * MB,
                  wall_seconds=getattr(settings, "CCHC_BOUNDED_WALL_SECONDS", default.wall_seconds))


def mapped_bytes() -> int:
    """The address space this process maps now (what RLIMIT_AS counts)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * resource.getpagesize()


def _limit_child(bounds: Bounds) -> None:
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    cpu = max(1, int(bounds.cpu_seconds))
    _, cpu_hard = resource.getrlimit(resource.RLIMIT_CPU)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1 if cpu_hard == resource.RLIM_INFINITY else min(cpu + 1,
                                                                                                          cpu_hard)))
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = mapped_bytes() + bounds.memory_bytes
    if soft != resource.RLIM_INFINITY:
        wanted = min(wanted, soft)
    resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    # What the parent did on these signals (a server's graceful stop, a test harness's alarm) is not the child's.
    for number in (signal.SIGTERM, signal.SIGINT, signal.SIGPROF, signal.SIGALRM):
        signal.signal(number, signal.SIG_DFL)


def _child(write_fd: int, bounds: Bounds, func: Callable, args, kwargs) -> None:
    status = 0
    try:
        _limit_child(bounds)
        try:
            outcome: tuple[bool, Any] = (True, func(*args, **kwargs))
        except MemoryError:
            outcome = (False, Exhausted("memory"))
        except Exception as error:  # the caller gets it back, with where it came from as a note for the log
            error.add_note(traceback.format_exc())
            outcome = (False, error)
        except BaseException as error:  # SystemExit and the like end the child's work, not the caller
            outcome = (False, RuntimeError(f"{type(error).__name__}: {error}"))
        try:
            payload = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            payload, status = b"", 3
        except Exception as error:  # an exception or result that does not pickle: its text is enough
            payload = pickle.dumps((False, RuntimeError(f"{type(error).__name__}: {error}")))
        view = memoryview(payload)
        while view:
            written = os.write(write_fd, view)
            view = view[written:]
    except BaseException:
        status = 3
    finally:
        os._exit(status)


def run_bounded(func: Callable, *args, bounds: Bounds | None = None, **kwargs):
    """func(*args, **kwargs) in a bounded child: its result, or its exception re-raised here; Exhausted past a
    bound."""
    bounds = bounds or configured()
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read_fd)
        _child(write_fd, bounds, func, args, kwargs)
    os.close(write_fd)
    chunks: list[bytes] = []
    finished = False
    try:
        deadline = time.monotonic() + bounds.wall_seconds
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise Exhausted("time")
            ready, _, _ = select.select([read_fd], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(read_fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
        _, status, usage = os.wait4(pid, 0)
        finished = True
    finally:
        os.close(read_fd)
        if not finished:
            _kill(pid)
    if os.WIFSIGNALED(status):
        # SIGXCPU at the soft CPU limit, SIGKILL at the hard one (or from the kernel short of memory).
        spent = usage.ru_utime + usage.ru_stime
        raise Exhausted("cpu" if os.WTERMSIG(status) == signal.SIGXCPU or spent >= bounds.cpu_seconds else "memory")
    if os.WEXITSTATUS(status) != 0 or not chunks:
        raise Exhausted("memory")
    try:
        ok, value = pickle.loads(b"".join(chunks))  # nosec B301: written by our own child above
    except Exception:
        raise Exhausted("memory") from None
    if ok:
        return value
    raise value


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
