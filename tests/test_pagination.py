"""Cutting long lists of papers into pages."""

from __future__ import annotations

import datetime

import pytest

from generator.catalog.model import Paper
from generator.site.pagination import page_paths, paginate


def papers(count: int) -> list[Paper]:
    added = datetime.date(2024, 3, 17)
    return [Paper(f"p{number}", f"P{number}", "Abstract.", (), (), (), added) for number in range(count)]


def test_a_short_list_is_one_page_at_the_first_address() -> None:
    [page] = paginate(papers(3), "papers/index.md", "papers", size=5)
    assert (page.path, page.number, page.count, page.previous, page.next) == ("papers/index.md", 1, 1, None, None)
    assert (page.start, page.end, page.total) == (1, 3, 3)


def test_an_empty_list_is_one_empty_page() -> None:
    [page] = paginate([], "tags/speech.md", "tags/speech")
    assert (page.path, page.papers, page.total, page.count) == ("tags/speech.md", (), 0, 1)


def test_pages_hold_size_papers_and_link_to_their_neighbours() -> None:
    pages = paginate(papers(11), "tags/speech.md", "tags/speech", size=5)
    assert [page.path for page in pages] == ["tags/speech.md", "tags/speech/page/2.md", "tags/speech/page/3.md"]
    assert [[paper.slug for paper in page.papers] for page in pages] == [
        ["p0", "p1", "p2", "p3", "p4"],
        ["p5", "p6", "p7", "p8", "p9"],
        ["p10"],
    ]
    assert [(page.previous, page.next) for page in pages] == [
        (None, "tags/speech/page/2.md"),
        ("tags/speech.md", "tags/speech/page/3.md"),
        ("tags/speech/page/2.md", None),
    ]
    assert [(page.start, page.end) for page in pages] == [(1, 5), (6, 10), (11, 11)]


def test_a_list_that_fills_its_pages_exactly_has_no_empty_last_page() -> None:
    assert page_paths("papers/index.md", "papers", 10, size=5) == ("papers/index.md", "papers/page/2.md")


def test_a_page_holds_at_least_one_paper() -> None:
    with pytest.raises(ValueError, match="a page holds at least one paper, not 0"):
        paginate(papers(1), "papers/index.md", "papers", size=0)
