"""Takes the README's screenshots from a running demo (make demo), in headless Chromium.

    .venv/bin/python scripts/screenshots.py http://127.0.0.1:8000
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent.parent / "docs/screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
PAGES = [
    ("mai", "/", "home.png"),
    ("mai", "/assessments/years/", "year-table.png"),
    ("mai", "/dashboards/", "dashboard.png"),
    ("mai", "/plans/", "plans.png"),
    ("mai", "/org/", "units.png"),
]


def main(base: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for username, path, name in PAGES:
            page = browser.new_page(viewport={"width": 1280, "height": 860}, locale="vi-VN")
            page.goto(f"{base}/accounts/login/")
            page.fill("input[name=username]", username)
            page.fill("input[name=password]", "cchc-demo-2024")
            page.click("button[type=submit]")
            page.goto(f"{base}{path}")
            page.screenshot(path=str(OUT / name), full_page=False)
            page.close()
            print(OUT / name)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
