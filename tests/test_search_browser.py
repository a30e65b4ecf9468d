"""Finding and citing papers in a real Chromium: the whole bundled catalog, served under a path."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page

from generator.site.serving import serve
from tests.conftest import REPOSITORY, built_site, copy_project, local_only

PAPER = "papers/mmlu-cf-a-contamination-free-multi-task-language-understanding-benchmark/"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_project(tmp_path_factory.mktemp("search") / "project", REPOSITORY / "data")
    with serve(built_site(project)) as url:
        yield url


def search(page: Page, query: str) -> list[str]:
    page.fill("#ps-search-input", query)
    page.wait_for_function(
        "q => document.querySelector('.ps-search__status').textContent.includes('paper')"
        " && document.querySelector('#ps-search-input').value === q",
        arg=query,
    )
    page.wait_for_timeout(400)  # the search runs 120 ms after the last key; let the newest one land
    return page.locator(".ps-search__results li a.ps-search__title").all_inner_texts()


def status_count(page: Page) -> int:
    return int(page.inner_text(".ps-search__status").split()[0])


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("WildDeepfake", "WildDeepfake: A Challenging Real-World Dataset for Deepfake Detection"),
        ("contamination", "Data Contamination Can Cross Language Barriers"),
        ("unlearning", "MUSE: Machine Unlearning Six-Way Evaluation for Language Models"),
    ],
)
def test_a_title_word_puts_its_papers_first(base_url: str, page: Page, query: str, first: str) -> None:
    page.goto(base_url)
    titles = search(page, query)
    assert first in titles
    in_title = [query.lower() in title.lower() for title in titles]
    assert in_title[0]
    assert in_title == sorted(in_title, reverse=True), titles  # every title match before any other


def test_two_tag_filters_narrow_the_results(base_url: str, page: Page) -> None:
    page.goto(base_url)
    search(page, "language")
    everything = status_count(page)
    page.click(".ps-search__tags summary")
    page.check(".ps-search__tag-list input[value='Datasets & Benchmarks']")
    page.wait_for_timeout(500)
    one_tag = status_count(page)
    page.check(".ps-search__tag-list input[value='Multilingual & Non-English']")
    page.wait_for_timeout(500)
    both_tags = status_count(page)
    page.check("input[name=ps-mode][value=any]")
    page.wait_for_timeout(500)
    either_tag = status_count(page)
    assert everything > one_tag > both_tags > 0
    assert either_tag > one_tag
    page.check("input[name=ps-code]")
    page.wait_for_timeout(500)
    assert status_count(page) < either_tag


def test_a_tag_chip_leads_to_its_tag_page(base_url: str, page: Page) -> None:
    page.goto(base_url + PAPER)
    page.click(".ps-chips a >> text=Data Contamination")
    page.wait_for_url(base_url + "tags/data-contamination/")
    assert page.locator("article a.ps-title").count() == 3


def test_the_copy_button_puts_bibtex_on_the_clipboard(base_url: str, browser: Browser) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    elsewhere = local_only(context)
    page = context.new_page()
    page.goto(base_url + PAPER)
    page.locator(".ps-cite button.ps-copy").first.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    page.locator("button.ps-permalink").click()
    permalink = page.evaluate("navigator.clipboard.readText()")
    context.close()
    assert elsewhere == []
    assert copied.startswith("@misc{")
    assert "title = {{MMLU-CF: A Contamination-free Multi-task Language Understanding Benchmark}}" in copied
    assert permalink.endswith("/" + PAPER)


def test_a_paper_page_logs_no_console_error(base_url: str, page: Page) -> None:
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: messages.append(str(error)))
    page.goto(base_url + PAPER, wait_until="networkidle")
    search(page, "masked")
    assert messages == []


def serious_violations(page: Page) -> list[dict[str, Any]]:
    results = Axe().run(page)
    violations: list[dict[str, Any]] = results.response["violations"]
    return [violation for violation in violations if violation["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["", "tags/hallucination/", PAPER])
def test_no_serious_accessibility_violation(base_url: str, browser: Browser, path: str, scheme: str) -> None:
    context = browser.new_context(color_scheme="dark" if scheme == "dark" else "light")
    elsewhere = local_only(context)
    page = context.new_page()
    page.goto(base_url + path, wait_until="networkidle")
    found = [(v["id"], [node["target"] for node in v["nodes"]][:3]) for v in serious_violations(page)]
    context.close()
    assert elsewhere == []
    assert found == []


def settled(page: Page, query: str) -> list[str]:
    """Types `query` key by key and waits until it counts as a search the reader settled on."""
    page.locator("#ps-search-input").press_sequentially(query, delay=30)
    titles = search(page, query)
    page.wait_for_timeout(1200)  # search.js's SETTLE: the next key starts a history entry of its own
    return titles


def shown_search(page: Page) -> tuple[str, str, list[str], list[str]]:
    """The box, the status, the tags ticked and the titles shown, once the newest search has landed."""
    page.wait_for_function("() => !document.querySelector('.ps-search__panel').hidden")
    page.wait_for_function("() => document.querySelector('.ps-search__status').textContent.includes('paper')")
    page.wait_for_timeout(400)
    ticked = page.locator(".ps-search__tag-list input:checked").evaluate_all("boxes => boxes.map(box => box.value)")
    return (
        page.input_value("#ps-search-input"),
        page.inner_text(".ps-search__status"),
        ticked,
        page.locator(".ps-search__results li a.ps-search__title").all_inner_texts(),
    )


def test_a_search_lives_in_the_address_and_opens_from_it(base_url: str, context: BrowserContext) -> None:
    page = context.new_page()
    page.goto(base_url)
    search(page, "language")
    page.click(".ps-search__tags summary")
    page.check(".ps-search__tag-list input[value='Multilingual & Non-English']")
    page.check(".ps-search__tag-list input[value='Datasets & Benchmarks']")
    page.check("input[name=ps-mode][value=any]")
    page.check("input[name=ps-code]")
    page.wait_for_timeout(500)
    address = base_url + "?q=language&tags=datasets-benchmarks,multilingual&mode=any&code=1"
    assert page.url == address
    expected = shown_search(page)
    assert expected[2] == ["Datasets & Benchmarks", "Multilingual & Non-English"]
    assert expected[1] == f"{len(expected[3])} papers" and len(expected[3]) > 1
    elsewhere = context.new_page()  # a reader the address is sent to, on a page of another kind
    elsewhere.goto(address.replace("?", PAPER + "?"))
    assert shown_search(elsewhere) == expected
    assert elsewhere.is_checked("input[name=ps-mode][value=any]")
    assert elsewhere.is_checked("input[name=ps-code]")


def test_back_and_forward_move_between_the_searches_settled_on(base_url: str, page: Page) -> None:
    page.goto(base_url)
    start = page.evaluate("history.length")
    settled(page, "unlearning")
    unlearning = shown_search(page)
    assert page.url == base_url + "?q=unlearning"
    assert page.evaluate("history.length") == start + 1  # one entry for the word, not one a letter
    page.fill("#ps-search-input", "")
    settled(page, "contamination")
    contamination = shown_search(page)
    assert page.evaluate("history.length") == start + 2
    page.click(".ps-search__tags summary")
    page.check(".ps-search__tag-list input[value='Data Contamination']")
    page.wait_for_timeout(500)
    assert page.url == base_url + "?q=contamination&tags=data-contamination"
    assert page.evaluate("history.length") == start + 3  # a filter changed is an entry of its own
    tagged = shown_search(page)
    assert tagged[2] == ["Data Contamination"]
    assert status_count(page) < int(contamination[1].split()[0])
    page.focus("#ps-search-input")
    page.keyboard.press("ArrowDown")  # on a result, which Back replaces: the focus goes back to the box
    page.go_back()
    assert page.url == base_url + "?q=contamination"
    assert shown_search(page) == contamination
    assert focused(page) == "ps-search-input"
    page.go_back()
    assert page.url == base_url + "?q=unlearning"
    assert shown_search(page) == unlearning
    page.go_forward()
    page.go_forward()
    assert shown_search(page) == tagged


def test_closing_the_search_takes_it_out_of_the_address(base_url: str, page: Page) -> None:
    page.goto(base_url + "?q=unlearning")
    found = shown_search(page)
    assert "MUSE: Machine Unlearning Six-Way Evaluation for Language Models" in found[3]
    page.keyboard.press("Escape")
    assert page.url == base_url
    assert page.locator(".ps-search__panel").is_hidden()
    assert page.evaluate("document.activeElement.id") == "ps-search-input"
    page.go_back()  # Back shows the search closed again
    assert page.url == base_url + "?q=unlearning"
    assert shown_search(page) == found


def focused(page: Page) -> str:
    """The focused element: the box's id, or a result link's text."""
    return str(page.evaluate("document.activeElement.id || document.activeElement.textContent"))


@pytest.mark.parametrize("path", ["", PAPER])  # a page of Material's, and a slim page
def test_slash_goes_to_the_box_unless_typing_in_another_field(base_url: str, page: Page, path: str) -> None:
    page.goto(base_url + path)
    page.keyboard.press("/")
    assert (focused(page), page.input_value("#ps-search-input")) == ("ps-search-input", "")
    assert page.locator(".ps-search__panel").is_visible()
    page.keyboard.press("Escape")
    assert page.locator(".ps-search__panel").is_hidden()
    page.evaluate("document.body.append(Object.assign(document.createElement('textarea'), {id: 'note'}))")
    page.focus("#note")
    page.keyboard.press("/")
    assert (focused(page), page.input_value("#note")) == ("note", "/")


def test_arrow_keys_walk_the_results_and_enter_opens_one(base_url: str, page: Page) -> None:
    page.goto(base_url)
    titles = search(page, "contamination")
    page.keyboard.press("ArrowDown")
    assert focused(page) == titles[0]
    page.keyboard.press("ArrowDown")
    assert focused(page) == titles[1]
    for _ in range(3):  # up past the first result: the box, which keeps the focus
        page.keyboard.press("ArrowUp")
    assert focused(page) == "ps-search-input"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    second = page.locator("a.ps-search__title").nth(1).get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url(str(second))
    page.go_back()  # the search it was opened from
    assert page.url == base_url + "?q=contamination"
    assert shown_search(page)[::3] == ("contamination", titles)


def test_focus_never_stays_behind_the_panel(base_url: str, page: Page) -> None:
    page.goto(base_url)
    search(page, "contamination")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Escape")  # from a result: back to the box, the panel closed
    assert (focused(page), page.url) == ("ps-search-input", base_url)
    assert page.locator(".ps-search__panel").is_hidden()
    page.keyboard.press("ArrowDown")  # opens the search again, and it is in the address again
    assert page.locator(".ps-search__panel").is_visible()
    assert page.url == base_url + "?q=contamination"
    page.keyboard.press("Shift+Tab")  # to the page's header, which the panel does not cover
    page.wait_for_function("() => document.querySelector('.ps-search__panel').hidden")
    assert not page.evaluate("document.querySelector('[data-ps-search]').contains(document.activeElement)")
    assert page.url == base_url
