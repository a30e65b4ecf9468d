"""Every kind of page checked by axe-core in a real Chromium: light and dark, wide and narrow, with the
search panel closed and open. Any serious or critical violation fails, listed with where it is."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from generator.site.serving import serve
from tests.conftest import FIXTURES, REPOSITORY, built_site, copy_project, local_only

AXE = REPOSITORY / "node_modules" / "axe-core" / "axe.min.js"
PAGES = {
    "home": "",
    "paper": "papers/masked-speech-with-a-star-search/",
    "tag": "tags/speech/",
    "tags": "tags/",
    "list": "papers/",
    "about": "about/",
    "data": "data/",
    "contributing": "contributing/",
    "benchmarks": "benchmarks/",
    "needs tags": "tags/needs-tags/",
    "404": "papers/a-paper-that-never-was/",
}
SCHEMES = {"light": "default", "dark": "slate"}
WIDTHS = (1280, 390)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_project(tmp_path_factory.mktemp("accessibility") / "project", FIXTURES / "catalog" / "data")
    with serve(built_site(project)) as url:
        yield url


def violations(page: Page) -> list[str]:
    """The page's serious and critical violations, each as its rule, its help and the first elements it names."""
    if not AXE.exists():
        pytest.fail(f"{AXE.relative_to(REPOSITORY)} is missing: run `npm ci`")
    page.add_script_tag(path=str(AXE))
    found: list[dict[str, Any]] = page.evaluate("async () => (await axe.run(document)).violations")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"][:4])
        for violation in found
        if violation["impact"] in ("serious", "critical")
    ]


def open_search(page: Page) -> None:
    page.fill("#ps-search-input", "speech")
    page.wait_for_function("document.querySelector('.ps-search__status').textContent.includes('paper')")
    page.wait_for_timeout(300)  # the search runs 120 ms after the last key, then draws its results


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("kind", PAGES)
def test_no_serious_accessibility_violation(
    browser: Browser, base_url: str, kind: str, scheme: str, width: int
) -> None:
    context = browser.new_context(
        viewport={"width": width, "height": 800},
        color_scheme="dark" if scheme == "dark" else "light",
    )
    elsewhere = local_only(context)
    page = context.new_page()
    page.goto(base_url + PAGES[kind], wait_until="networkidle")
    drawn = page.locator("body").get_attribute("data-md-color-scheme")
    closed = violations(page)
    open_search(page)
    assert page.locator(".ps-search__results li").count() > 0
    opened = violations(page)
    context.close()
    assert elsewhere == []
    assert drawn == SCHEMES[scheme]
    found = [f"search panel closed: {line}" for line in closed] + [f"search panel open: {line}" for line in opened]
    assert found == []
