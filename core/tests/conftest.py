"""The `hostile` marker: the test body runs under the CPU-time and memory limits of core.testing.bounded_resources,
enforced and asserted by the harness (10 s of CPU, 1 GB unless the marker says otherwise:
@pytest.mark.hostile(cpu_seconds=5, memory_mb=512))."""

import pytest

from core.testing import MB, bounded_resources


def pytest_configure(config):
    config.addinivalue_line("markers", "hostile(cpu_seconds=10, memory_mb=1024): the test body runs under CPU-time "
                                       "and memory limits the harness asserts (hostile files, hostile templates)")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    marker = item.get_closest_marker("hostile")
    if marker is None:
        return (yield)
    with bounded_resources(cpu_seconds=marker.kwargs.get("cpu_seconds", 10),
                           memory_bytes=marker.kwargs.get("memory_mb", 1024) * MB):
        return (yield)
