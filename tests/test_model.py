"""The catalog's models."""

from __future__ import annotations

import datetime

from generator.catalog.model import Catalog, Paper


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
