"""Takes the README's screenshot of a paper page from the built site: `make screenshot`."""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from generator.site.serving import CHROMIUM, CHROMIUM_ARGUMENTS, serve

REPOSITORY = Path(__file__).resolve().parent.parent
PAPER = "papers/mmlu-cf-a-contamination-free-multi-task-language-understanding-benchmark/"
TARGET = REPOSITORY / "docs" / "assets" / "paper-page.png"


def main() -> int:
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    with serve(REPOSITORY / "site") as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGUMENTS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + PAPER, wait_until="networkidle")
        page.screenshot(path=str(TARGET))
        browser.close()
    print(f"Wrote {TARGET.relative_to(REPOSITORY)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
