"""The built site in a real Chromium, served under a path as on GitHub Pages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from generator.site.serving import serve
from tests.conftest import FIXTURES, built_site, copy_project

PAPER = "papers/masked-speech-with-a-star-search/"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_project(tmp_path_factory.mktemp("browser") / "project", FIXTURES / "catalog" / "data")
    with serve(built_site(project)) as url:
        yield url


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    opened = context.new_page()
    yield opened
    context.close()


def test_every_asset_of_a_paper_page_loads_under_the_path(base_url: str, page: Page) -> None:
    own: list[str] = []
    failures: list[str] = []
    page.on("request", lambda request: own.append(request.url) if request.url.startswith(base_url) else None)
    page.on("response", lambda response: failures.append(response.url) if response.status >= 400 else None)
    page.on("requestfailed", lambda request: failures.append(request.url))
    page.goto(base_url + PAPER, wait_until="networkidle")
    failures = [url for url in failures if url.startswith(base_url.split("/papershelf/")[0])]
    assert len(own) >= 4  # the page, its stylesheets and its scripts, all below the path
    title = "Masked Speech with A* Search: [MASK] tokens & <brackets>"
    assert page.title() == f"{title} - PaperShelf"
    assert page.locator("article h1").inner_text() == title
    preview = page.locator("meta[property='og:title']").get_attribute("content")
    assert preview == title
    assert failures == []


def test_a_tag_chip_leads_to_its_tag_page(base_url: str, page: Page) -> None:
    page.goto(base_url + PAPER)
    page.click(".ps-chips a >> text=Speech")
    page.wait_for_url(base_url + "tags/speech/")
    assert page.locator("article h1").inner_text().startswith("Speech")
    assert page.locator("article a.ps-title").count() == 2


def test_an_old_url_redirects_to_the_paper(base_url: str, page: Page) -> None:
    page.goto(base_url + "papers/masked-speech/")
    page.wait_for_url(base_url + PAPER)
    assert page.locator("article h1").inner_text().startswith("Masked Speech")


def test_the_edit_action_opens_the_data_file_in_the_web_editor(base_url: str, page: Page) -> None:
    page.goto(base_url + PAPER)
    edit = page.locator("a[rel=edit]")
    assert edit.inner_text() == "Edit this paper"
    expected = "https://github.com/papershelf/papershelf/edit/main/data/papers/masked-speech-with-a-star-search.yml"
    assert edit.get_attribute("href") == expected


def test_the_palette_toggle_switches_to_dark(base_url: str, page: Page) -> None:
    page.goto(base_url)
    before = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    after = page.locator("body").get_attribute("data-md-color-scheme")
    assert {before, after} == {"default", "slate"}


def test_a_phone_sees_the_paper_without_horizontal_scrolling(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    phone = context.new_page()
    phone.goto(base_url + PAPER)
    width = phone.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= 375


def test_a_paper_page_switches_scheme_and_remembers_it(base_url: str, page: Page) -> None:
    page.goto(base_url + PAPER)
    before = page.locator("body").get_attribute("data-md-color-scheme")
    page.click("button.ps-bar__scheme")
    after = page.locator("body").get_attribute("data-md-color-scheme")
    assert {before, after} == {"default", "slate"}
    page.goto(base_url + "tags/speech/")  # a Material page reads the same stored choice
    assert page.locator("body").get_attribute("data-md-color-scheme") == after
    page.goto(base_url + PAPER)
    assert page.locator("body").get_attribute("data-md-color-scheme") == after
