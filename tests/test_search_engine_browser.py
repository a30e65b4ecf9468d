"""The search box's engine (docs/javascripts/search.js) in Chromium, on an index with tiny limits.

The index is built in-process with `TOP_POSTINGS` and `CHUNK_BYTES` shrunk, so that a 32-paper
catalog already has common words whose papers are split across files (more than the 10 a first
page shows, fewer than all), and words across many chunks:
what a 100,000-paper catalog does at full size.
"""

from __future__ import annotations

import datetime
import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from generator.catalog.model import Catalog, Link, Paper, Tag, TagRule
from generator.output.writer import write_files
from generator.search import index as search_index
from generator.search.index import search_files
from generator.site.serving import serve
from tests.conftest import REPOSITORY

TAGS = (Tag("speech", "Speech", "Spoken.", TagRule()), Tag("vision", "Vision", "Seen.", TagRule()))
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search</title></head><body>
<div class="ps-search" data-ps-search></div><script src="javascripts/search.js"></script></body></html>"""


def catalog() -> Catalog:
    papers = [
        Paper(
            f"study-{number:02d}",
            f"Study {number:02d} of Widgets",
            "Common " * (1 + number % 4) + ("graph " if number % 2 else "") + "filler text.",
            ("speech",) if number % 3 == 0 else ("vision",),
            (Link("code", f"https://github.com/lab/study-{number}"),) if number % 5 == 0 else (),
            (),
            datetime.date(2026, 1, 1),
        )
        for number in range(30)
    ]
    papers.append(Paper("common-sense", "Common Sense Reasoning", "Nothing.", ("speech",), (), (), papers[0].added))
    papers.append(Paper("frechet", "Fréchet Distances", "On ﬁne tuning.", ("vision",), (), (), papers[0].added))
    more = [
        ("Agents Everywhere", "Many agents."),
        ("Agent Planning Benchmarks", "An agentic agent plans."),
        ("Hallucination in Captioning", "Models hallucinate."),
        ("Manga Colouring", "Code at https://github.com/lab/rag-manga and www.rag.org."),
        ("大規模言語モデルの評価", "日本語の評価."),
        ("Prompting by Chain of Thought", "Steps."),
        ("Thought and Chain", "A chain of links."),
        ("Reasoning Steps", "We study the chain of thought in models. More."),
    ]
    papers += [
        Paper(f"extra-{n}", title, text, ("vision",), (), (), papers[0].added) for n, (title, text) in enumerate(more)
    ]
    return Catalog(papers=tuple(papers), tags=TAGS)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("engine")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_index, "TOP_POSTINGS", 12)
        patch.setattr(search_index, "CHUNK_BYTES", 120)
        files = search_files(catalog())
    assert sum(path.startswith("search/") and "/m/" in path for path in files) >= 2  # common words split
    assert sum("/w/" in path for path in files) >= 5  # and words spread over chunks
    write_files(site, files | {"index.html": PAGE}, durable=False)
    (site / "javascripts").mkdir()  # where the site has it: search.js finds the index from its own address
    shutil.copy(REPOSITORY / "docs" / "javascripts" / "search.js", site / "javascripts" / "search.js")
    with serve(site) as url:
        yield url


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    context = browser.new_context()
    opened = context.new_page()
    opened.goto(base_url)
    yield opened
    context.close()


def search(page: Page, query: str) -> tuple[str, list[str]]:
    page.fill("#ps-search-input", query)
    page.wait_for_function(
        "() => document.querySelector('.ps-search__status').textContent.includes('paper')"
        " && document.querySelectorAll('.ps-search__results li').length > 0"
    )
    page.wait_for_timeout(300)  # the search runs 120 ms after the last key; let the newest one land
    return page.inner_text(".ps-search__status"), page.locator("a.ps-search__title").all_inner_texts()


def test_a_common_word_shows_its_best_papers_and_a_lower_bound(page: Page) -> None:
    status, titles = search(page, "common")
    assert status == "at least 31 papers"
    assert titles[0] == "Common Sense Reasoning"
    assert page.locator("a.ps-search__title").first.locator("mark").inner_text() == "Common"
    assert len(titles) == 10
    page.click(".ps-search__more")  # more than the word's chunk holds (12): the rest is fetched
    page.wait_for_function("() => document.querySelectorAll('.ps-search__results li').length === 20")
    assert page.inner_text(".ps-search__status") == "31 papers"
    assert page.locator("a.ps-search__title").all_inner_texts()[:10] == titles
    page.click(".ps-search__more")
    page.wait_for_function("() => document.querySelectorAll('.ps-search__results li').length === 30")
    page.click(".ps-search__more")
    page.wait_for_function("() => document.querySelectorAll('.ps-search__results li').length === 31")
    assert page.locator(".ps-search__more").is_hidden()


def test_a_filter_makes_a_common_word_exact(page: Page) -> None:
    search(page, "common")
    page.click(".ps-search__tags summary")
    page.check(".ps-search__tag-list input[value='Speech']")
    page.wait_for_function("() => document.querySelector('.ps-search__status').textContent === '11 papers'")
    page.check("input[name=ps-code]")
    # Speech papers are study 00, 03, ... 27; with code, 00, 15: 2 papers.
    page.wait_for_function("() => document.querySelector('.ps-search__status').textContent === '2 papers'")


def test_two_common_words_give_exactly_the_papers_with_both(page: Page) -> None:
    status, titles = search(page, "common graph")
    assert status == "15 papers"
    assert len(titles) == 10
    assert set(titles) <= {f"Study {number:02d} of Widgets" for number in range(1, 30, 2)}


def test_a_word_begun_finds_the_words_it_begins(page: Page) -> None:
    status, titles = search(page, "comm")
    assert status == "at least 31 papers"
    assert titles[0] == "Common Sense Reasoning"


@pytest.mark.parametrize("query", ["FRÉCHET", "fréchet", "frechet", "Fre\u0301chet", "fine", "ﬁne"])
def test_queries_are_read_as_the_index_reads_text(page: Page, query: str) -> None:
    status, titles = search(page, query)
    assert (status, titles) == ("1 paper", ["Fréchet Distances"])


def test_tags_alone_list_their_papers_by_title(page: Page) -> None:
    page.focus("#ps-search-input")
    page.click(".ps-search__tags summary")
    page.check(".ps-search__tag-list input[value='Speech']")
    page.wait_for_function("() => document.querySelector('.ps-search__status').textContent === '11 papers'")
    page.wait_for_function("() => document.querySelectorAll('.ps-search__results li').length === 10")
    titles = page.locator("a.ps-search__title").all_inner_texts()
    assert titles == ["Common Sense Reasoning", *[f"Study {number:02d} of Widgets" for number in range(0, 27, 3)]]


def test_a_word_in_no_paper_finds_nothing(page: Page) -> None:
    page.fill("#ps-search-input", "zzzz")
    page.wait_for_function("() => document.querySelector('.ps-search__status').textContent === '0 papers'")
    assert page.locator(".ps-search__results li").count() == 0


def test_a_word_finds_the_words_of_its_stem_below_itself(page: Page) -> None:
    status, titles = search(page, "agents")
    assert (status, titles) == ("2 papers", ["Agents Everywhere", "Agent Planning Benchmarks"])


def test_a_long_word_with_a_typing_slip_finds_the_word(page: Page) -> None:
    assert search(page, "halucination") == ("1 paper", ["Hallucination in Captioning"])
    assert search(page, "hallucinatoin") == ("1 paper", ["Hallucination in Captioning"])


def test_words_of_web_addresses_are_not_searched(page: Page) -> None:
    assert search(page, "manga") == ("1 paper", ["Manga Colouring"])
    page.fill("#ps-search-input", "rag")
    page.wait_for_function("() => document.querySelector('.ps-search__status').textContent === '0 papers'")


def test_tag_names_are_words_of_their_papers(page: Page) -> None:
    status, titles = search(page, "speech")
    assert status == "11 papers"
    assert titles[0] == "Common Sense Reasoning"


@pytest.mark.parametrize("query", ["言語", "言語モデル", "評価"])
def test_cjk_text_is_searched_by_pairs_of_characters(page: Page, query: str) -> None:
    assert search(page, query) == ("1 paper", ["大規模言語モデルの評価"])


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("the", '"the" is too common a word to search for.'),
        ("of the", '"of", "the" are too common words to search for.'),
        ("x", "Search words need two letters or more."),
    ],
)
def test_a_query_with_no_word_to_search_says_why(page: Page, query: str, message: str) -> None:
    page.fill("#ps-search-input", query)
    page.wait_for_function(
        "(message) => document.querySelector('.ps-search__status').textContent === message", arg=message
    )
    assert page.locator(".ps-search__results li").count() == 0


def test_a_quoted_phrase_needs_its_words_side_by_side(page: Page) -> None:
    status, titles = search(page, "chain thought")
    assert status == "3 papers"
    status, titles = search(page, '"chain of thought"')
    assert (status, sorted(titles)) == ("2 papers", ["Prompting by Chain of Thought", "Reasoning Steps"])


def test_more_results_is_a_button_the_arrow_keys_reach(page: Page) -> None:
    titles = search(page, "common")[1]
    for _ in range(len(titles) + 2):  # past the ten results: the button, which keeps the focus
        page.keyboard.press("ArrowDown")
    assert page.evaluate("[document.activeElement.tagName, document.activeElement.textContent]") == [
        "BUTTON",
        "More results",
    ]
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelectorAll('.ps-search__results li').length === 20")
    page.keyboard.press(" ")
    page.wait_for_function("() => document.querySelectorAll('.ps-search__results li').length === 30")
    page.keyboard.press("Enter")  # the last: the button goes, the focus goes on to the result it added
    page.wait_for_function("() => document.querySelectorAll('.ps-search__results li').length === 31")
    assert page.locator(".ps-search__more").is_hidden()
    last = page.locator("a.ps-search__title").nth(30).inner_text()
    assert page.evaluate("document.activeElement.textContent") == last
    assert page.locator(".ps-search__panel").is_visible()
