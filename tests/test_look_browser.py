"""One look across the site, in a real Chromium: the slim pages of papers and lists (overrides/slim.html)
beside Material's own (home, about, 404), on the bundled catalog served under a path."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from generator.site.serving import serve
from tests.conftest import REPOSITORY, built_site, copy_project

PAPER = "papers/mmlu-cf-a-contamination-free-multi-task-language-understanding-benchmark/"
SLIM = (PAPER, "papers/", "tags/rag/")
MATERIAL = ("", "about/", "404.html")
FOOTER = "Data and feeds · Contribute · About"

# What a page's header, tabs, footer and text look like, read from the styles the browser computed.
LOOK = """() => {
  const slim = document.querySelector(".ps-bar");
  const header = slim || document.querySelector(".md-header");
  const first = slim ? slim.querySelector(":scope > a") : document.querySelector(".md-header__inner");
  const tabs = slim ? [...slim.querySelectorAll("nav a")] : [...document.querySelectorAll(".md-tabs__link")];
  const footer = slim ? document.querySelector("body > main + footer") : document.querySelector(".md-copyright");
  const toggle = slim ? slim.querySelector(".ps-bar__scheme")
    : [...document.querySelectorAll("[data-md-component=palette] label")].find(label => label.offsetParent);
  const text = document.querySelector("article.md-typeset > p:not([class])");
  const style = element => getComputedStyle(element);
  return {
    header: style(header).backgroundColor,
    row: Math.round(first.getBoundingClientRect().height),
    tabs: tabs.map(tab => tab.textContent.trim()),
    tabSize: style(tabs[0]).fontSize,
    footer: footer.textContent.replace(/\\s+/g, " ").trim(),
    footerBackground: style(footer.closest("footer")).backgroundColor,
    toggle: toggle.getAttribute("title") || toggle.getAttribute("aria-label"),
    toggleIcon: Math.round(toggle.querySelector("svg").getBoundingClientRect().width),
    font: style(text).fontFamily,
    size: style(text).fontSize,
  };
}"""

# Characters a line of the page's abstract holds: its length over the lines it is drawn on.
MEASURE = """() => {
  const abstract = [...document.querySelectorAll("article.md-typeset > p")].find(p => p.textContent.length > 600);
  const range = document.createRange();
  range.selectNodeContents(abstract);
  const lines = new Set([...range.getClientRects()].map(rect => Math.round(rect.bottom))).size;
  return abstract.textContent.length / lines;
}"""


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_project(tmp_path_factory.mktemp("look") / "project", REPOSITORY / "data")
    with serve(built_site(project)) as url:
        yield url


def look(page: Page, url: str) -> dict[str, Any]:
    page.goto(url, wait_until="networkidle")
    found: dict[str, Any] = page.evaluate(LOOK)
    return found


def test_slim_pages_wear_the_header_tabs_footer_and_type_of_materials(base_url: str, page: Page) -> None:
    material = look(page, base_url)
    assert material["tabs"] == ["Home", "Tags", "All papers", "About"]
    assert material["footer"] == FOOTER
    assert material["toggle"] == "Switch to dark mode"
    for path in SLIM:
        assert look(page, base_url + path) == material, path


def test_material_pages_wear_one_look_too(base_url: str, page: Page) -> None:
    home = look(page, base_url)
    for path in MATERIAL[1:]:
        assert look(page, base_url + path) == home, path


@pytest.mark.parametrize("width", [1280, 1920, 1024])
def test_an_abstract_reads_at_about_75_characters_a_line(browser: Browser, base_url: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(base_url + PAPER)
    measure = page.evaluate(MEASURE)
    context.close()
    assert 65 <= measure <= 85, measure


def test_the_scheme_toggle_says_what_it_will_do(base_url: str, page: Page) -> None:
    page.goto(base_url + PAPER)
    toggle = page.locator("button.ps-bar__scheme")
    assert toggle.get_attribute("aria-label") == "Switch to dark mode"
    toggle.click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert toggle.get_attribute("title") == "Switch to light mode"
    assert toggle.get_attribute("aria-label") == "Switch to light mode"


def test_every_copy_button_says_what_it_copies(base_url: str, page: Page) -> None:
    page.goto(base_url + PAPER)
    assert page.locator("button.ps-permalink").inner_text() == "Copy permalink"
    assert page.locator(".ps-cite button.ps-copy").all_inner_texts() == ["Copy BibTeX", "Copy plain citation"]


def test_a_copy_that_succeeds_says_so(browser: Browser, base_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base_url + PAPER)
    copy = page.locator(".ps-cite button.ps-copy").last
    copy.click()
    said = copy.inner_text()
    copied = page.evaluate("navigator.clipboard.readText()")
    plain = page.locator(".ps-cite pre").last.inner_text()
    context.close()
    assert said == "Copied"
    assert copied == plain


def test_a_copy_the_browser_refuses_says_so_and_selects_the_text(base_url: str, page: Page) -> None:
    page.add_init_script(
        "Object.defineProperty(navigator, 'clipboard', {value: {writeText: () =>"
        " Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'))}})"
    )
    page.goto(base_url + PAPER)
    page.locator(".ps-cite button.ps-copy").first.click()
    status = page.locator(".ps-cite [role=status]").first
    status.wait_for()
    page.wait_for_function("() => document.querySelector('.ps-cite [role=status]').textContent !== ''")
    assert status.inner_text() == "Copying failed: the text is selected, press Ctrl+C (⌘C on a Mac) to copy it."
    selected = page.evaluate("window.getSelection().toString()")
    assert selected.rstrip() == page.locator(".ps-cite pre").first.inner_text().rstrip()
    page.locator("button.ps-permalink").click()
    permalink = page.locator(".ps-actions [role=status]")
    page.wait_for_function("() => document.querySelector('.ps-actions [role=status]').textContent !== ''")
    assert permalink.inner_text() == f"Copying failed: the permalink is https://papershelf.github.io/papershelf/{PAPER}"


def test_a_page_without_a_clipboard_says_copying_failed(base_url: str, page: Page) -> None:
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    page.goto(base_url + PAPER)
    page.locator(".ps-cite button.ps-copy").first.click()
    page.wait_for_function("() => document.querySelector('.ps-cite [role=status]').textContent !== ''")
    assert page.locator(".ps-cite [role=status]").first.inner_text().startswith("Copying failed")


def test_the_404_page_offers_search_tags_and_recent_papers(base_url: str, page: Page) -> None:
    answer = page.goto(base_url + "papers/a-paper-that-never-was/")
    assert answer is not None and answer.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    assert page.locator("#ps-search-input").is_visible()
    links = {link.inner_text(): link.evaluate("a => a.href") for link in page.locator("article li a").all()}
    assert links["Tags"] == base_url + "tags/"
    assert links["All papers"] == base_url + "papers/"
    recent = [href for text, href in links.items() if text not in ("Tags", "All papers", "Home")]
    assert len(recent) == 5
    feeds = page.locator("link[type='application/atom+xml']").evaluate_all("links => links.map(l => l.href)")
    assert feeds == [base_url + "feed.xml"]
    for href in recent:
        assert href.startswith(base_url + "papers/")
        shown = page.goto(href)
        assert shown is not None and shown.status == 200


@pytest.mark.parametrize(
    ("missing", "words"),
    [
        (
            "papers/mmlu-cf-contamination-free-language-understanding/",
            "mmlu cf contamination free language understanding",
        ),
        ("tags/retrieval_augmented%20generation.html", "retrieval augmented generation"),
    ],
)
def test_the_404_page_searches_for_the_words_of_the_missing_address(
    base_url: str, page: Page, missing: str, words: str
) -> None:
    answer = page.goto(base_url + missing, wait_until="networkidle")
    assert answer is not None and answer.status == 404
    offer = page.locator("[data-ps-guess] a")
    assert offer.inner_text() == f"Search the papers for \u201c{words}\u201d"
    offer.click()
    page.wait_for_function("() => /paper/.test(document.querySelector('.ps-search__status').textContent)")
    assert page.input_value("#ps-search-input") == words
    assert page.locator(".ps-search__panel").is_visible()
    assert page.evaluate("() => document.activeElement.id") == "ps-search-input"
    first = page.locator(".ps-search__results li a.ps-search__title").first
    if missing.startswith("papers/"):
        assert first.inner_text() == "MMLU-CF: A Contamination-free Multi-task Language Understanding Benchmark"
    assert page.url == base_url + missing + "?q=" + words.replace(" ", "%20")


@pytest.mark.parametrize("missing", ["404.html", "papers/page/99/"])
def test_the_404_page_offers_no_search_for_an_address_without_words(base_url: str, page: Page, missing: str) -> None:
    page.goto(base_url + missing, wait_until="networkidle")
    assert page.locator("h1").inner_text() == "Page not found"
    assert page.locator("[data-ps-guess]").is_hidden()
    assert page.locator("[data-ps-guess] a").count() == 0


@pytest.mark.parametrize("width", [1280, 390])
def test_data_tables_wrap_between_words(browser: Browser, base_url: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(base_url + "data/")
    broken = page.evaluate(
        """() => [...document.querySelectorAll("table code")].filter(code => {
          const range = document.createRange();
          range.selectNodeContents(code);
          const lines = new Set([...range.getClientRects()].map(rect => Math.round(rect.bottom))).size;
          return lines > code.textContent.trim().split(/\\s+/).length;
        }).map(code => code.textContent)"""
    )
    fields = page.locator("table code").count()
    context.close()
    assert fields > 20
    assert broken == []


def test_slim_pages_indent_lists_as_materials_own_do(base_url: str, page: Page) -> None:
    indent = "() => getComputedStyle(document.querySelector('article.md-typeset ul > li')).marginLeft"
    page.goto(base_url + "404.html")
    material = page.evaluate(indent)
    page.goto(base_url + PAPER)
    assert page.evaluate(indent) == material != "0px"


def test_the_tag_filter_label_stands_clear_of_any_icon(base_url: str, page: Page) -> None:
    page.goto(base_url + PAPER, wait_until="networkidle")
    page.fill("#ps-search-input", "language")
    summary = page.locator(".ps-search__tags > summary")
    summary.wait_for()
    drawn = summary.evaluate(
        """summary => {
          const range = document.createRange();
          range.selectNodeContents(summary);
          return {
            icon: getComputedStyle(summary, "::before").content,
            inset: range.getBoundingClientRect().left - summary.getBoundingClientRect().left,
          };
        }"""
    )
    assert drawn["icon"] == "none"
    assert drawn["inset"] > 4
