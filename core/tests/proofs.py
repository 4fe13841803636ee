"""The proofs' summary lines: tests of issue 13's proofs record their counts with `record_proof`, and the end of the
run prints one line per proof ("mutation matrix: 142 URLs (78 that write) × 7 roles and an anonymous visitor …").

A plugin the root conftest names (pytest_plugins), not a conftest of core/tests: under xdist the controller, which
prints the summary, never loads the conftest files below the root. The counts travel to it on each report's
user_properties."""

import json
from collections import defaultdict

import pytest

PROOF = "cchc-proof"

# How each proof's summed counts read; a proof without a line here prints its counts as they are.
LINES = {
    "mutation matrix": "{urls} URLs ({writing_urls} that write) × 7 roles and an anonymous visitor, on objects of the "
                       "Land division, the IT Centre and Sở Tư pháp: {requests} requests, {writes} changes by those "
                       "allowed, {refused} refused without a change, {holes} disallowed changes",
    "hostile files": "{passed} of {cases} hostile files and templates (zip bombs, huge shared strings and ranges, broken "
                     "XML, wrong types by name and content, runaway template expressions) refused with a message "
                     "within the CPU and memory bounds the harness asserts",
    "property tests": "{passed} of {tests} property tests passed (hypothesis, derandomized, 15–30 generated inputs "
                      "each: text, numbers, dates and ids, huge, negative, '²', control characters): no 500, refused "
                      "imports changed nothing",
    "backup and restore": "backup → wipe → restore into a new database found {scores} scores, {tasks} tasks, "
                          "{files} evidence files (same SHA-256) and {audit_entries} audit entries again",
}


@pytest.fixture
def record_proof(request):
    """record_proof("mutation matrix", urls=1, requests=24, …): counts summed over the run for its summary line."""

    def record(proof: str, **counts: int) -> None:
        request.node.user_properties.append((PROOF, json.dumps({"proof": proof, "counts": counts})))

    return record


# Summed counts per proof, in the process that prints the summary (the xdist controller, or the only process).
TOTALS: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))


def pytest_runtest_logreport(report):
    if report.when != "call":
        return
    if "hostile" in report.keywords:  # the hostile-file tests (@pytest.mark.hostile) are counted as they run
        TOTALS["hostile files"]["cases"] += 1
        TOTALS["hostile files"]["passed"] += int(report.passed)
    if "/test_properties_" in report.nodeid.split("::")[0]:
        TOTALS["property tests"]["tests"] += 1
        TOTALS["property tests"]["passed"] += int(report.passed)
    for key, value in report.user_properties:
        if key == PROOF:
            data = json.loads(value)
            for name, count in data["counts"].items():
                TOTALS[data["proof"]][name] += count


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    proofs = TOTALS
    if not proofs:
        return
    terminalreporter.section("proofs (issue 13)")
    for proof, counts in sorted(proofs.items()):
        line = LINES.get(proof)
        text = line.format_map(counts) if line else ", ".join(f"{v} {k}" for k, v in counts.items())
        terminalreporter.write_line(f"{proof}: {text}")
