"""The static security scan of `make lint`: bandit over the project, less the findings reviewed as safe.

bandit reads its own settings from pyproject.toml ([tool.bandit]: what is not scanned, the checks skipped everywhere).
The findings reviewed file by file are in [tool.cchc.bandit-reviewed] ({file glob: {test id: why it is safe}}): this
script drops those, prints every other finding and fails on it, and fails too on a reviewed entry that matches no
finding any more, so the list never outlives the code it excuses.
"""

import fnmatch
import json
import subprocess  # nosec B404
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    reviewed = config["tool"]["cchc"]["bandit-reviewed"]
    scan = subprocess.run(  # nosec B603: bandit itself, fixed arguments
        [sys.executable, "-m", "bandit", "-q", "-c", "pyproject.toml", "-r", ".", "-f", "json"],
        cwd=ROOT, capture_output=True, text=True, check=False)
    try:
        report = json.loads(scan.stdout)
    except ValueError:
        print(scan.stdout, scan.stderr, sep="\n")
        return 2
    if report.get("errors"):
        print("bandit could not read:", *(f"  {e['filename']}: {e['reason']}" for e in report["errors"]), sep="\n")
        return 2
    used, left = set(), []
    for finding in report["results"]:
        path = finding["filename"].removeprefix("./")
        matched = [(glob, finding["test_id"]) for glob, tests in reviewed.items()
                   if fnmatch.fnmatch(path, glob) and finding["test_id"] in tests]
        used.update(matched)
        if not matched:
            left.append(finding)
    for finding in left:
        print(f"{finding['filename'].removeprefix('./')}:{finding['line_number']}: {finding['test_id']} "
              f"({finding['issue_severity'].lower()}) {finding['issue_text']}")
        print("    " + finding["code"].strip().replace("\n", "\n    "))
    stale = sorted((glob, test) for glob, tests in reviewed.items() for test in tests if (glob, test) not in used)
    for glob, test in stale:
        print(f"pyproject.toml [tool.cchc.bandit-reviewed] {glob} {test}: no such finding any more; delete the entry")
    scanned = report["metrics"]["_totals"]["loc"]
    print(f"bandit: {scanned} lines scanned, {len(report['results']) - len(left)} reviewed findings, "
          f"{len(left)} to fix or review")
    return 1 if left or stale else 0


if __name__ == "__main__":
    sys.exit(main())
