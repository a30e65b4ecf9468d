"""The catalog's models."""

from __future__ import annotations

import dataclasses
import datetime
from typing import Any

import pytest

from generator.catalog.model import LAST_YEAR, Catalog, InvalidPaperError, Paper


def paper(slug: str, title: str) -> Paper:
    return Paper(slug, title, "An abstract.", (), (), (), datetime.date(2024, 1, 1))


def test_the_title_order_ignores_case_accents_and_leading_punctuation_and_is_found_once() -> None:
    papers = (
        paper("b", "zebra finches"),
        paper("a", "Émile's attention"),
        paper("c", '"Attention" is all you need'),
        paper("d", "beta decay"),
    )
    catalog = Catalog(papers=papers, tags=())
    assert [each.slug for each in catalog.by_title] == ["c", "d", "a", "b"]
    assert catalog.by_title is catalog.by_title


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"slug": ""}, "a paper's 'slug' must be text that is not blank, not ''"),
        ({"title": "  "}, "a paper's 'title' must be text that is not blank, not '  '"),
        (
            {"added": datetime.datetime(2024, 1, 1, 12)},
            "a paper's 'added' must be a date without a time, not datetime.datetime(2024, 1, 1, 12, 0)",
        ),
        ({"published": "2024-13-45"}, "a paper's 'published' must be a date without a time, not '2024-13-45'"),
        ({"year": 1899}, f"a paper's 'year' must be a whole number from 1900 to {LAST_YEAR}, not 1899"),
        ({"tags": ["vision"]}, "a paper's 'tags' must be a tuple of str, not ['vision']"),
    ],
)
def test_a_paper_with_a_value_no_file_can_hold_cannot_be_built(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidPaperError) as raised:
        dataclasses.replace(paper("a", "A title"), **changes)
    assert str(raised.value) == message
    assert raised.value.field == next(iter(changes))
