"""A reader's first visit in Chromium, as the benchmarks measure it: nothing cached, nothing fetched off the
site, every byte the page receives after it has loaded counted."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Response


@contextlib.contextmanager
def launched_chromium() -> Iterator[Browser]:
    """Debian's Chromium, started for one run and closed after it."""
    from playwright.sync_api import sync_playwright

    from generator.site.serving import CHROMIUM, CHROMIUM_ARGUMENTS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGUMENTS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Visit:
    """A page opened in a fresh context, and the sizes of the answers it received since it loaded."""

    page: Page
    fetched: list[int] = field(default_factory=list)

    @property
    def kilobytes(self) -> float:
        return sum(self.fetched) / 1000

    def count(self, response: Response) -> None:
        if response.ok:
            self.fetched.append(len(response.body()))


@contextlib.contextmanager
def first_visit(browser: Browser, url: str) -> Iterator[Visit]:
    """`url` opened as by a reader's first visit: a fresh context, off-site requests refused."""
    context: BrowserContext = browser.new_context()
    try:
        context.route("https://**", lambda route: route.abort())
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        visit = Visit(page)
        page.on("response", visit.count)
        yield visit
    finally:
        context.close()
