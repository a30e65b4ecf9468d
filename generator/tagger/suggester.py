"""Suggesting tags for a new paper: learned from the catalog's curated tags, and from the vocabulary itself."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from generator.catalog.model import Catalog, Tag

if TYPE_CHECKING:
    from generator.tagger import Tagger


def suggest_tags(vocabulary: tuple[Tag, ...], title: str, abstract: str) -> tuple[str, ...]:
    """Slugs of the tags whose rules match, in vocabulary order."""
    return tuple(tag.slug for tag in vocabulary if tag.rule.matches(title, abstract))


class Suggester:
    """The learned tagger (generator/tagger), trained on the catalog's curated papers.

    A catalog with none yet still gets suggestions: the tagger then scores every tag by the similarity of the
    paper to the tag's name and description, and its rules count as well (generator/tagger/vocabulary.py). It
    is trained on the first suggestion, so that an import that adds nothing never loads scikit-learn."""

    def __init__(self, catalog: Catalog, cache: Path | None = None) -> None:
        """`cache`: the folder where the trained tagger is kept between runs (saved.py); None keeps nothing."""
        self.catalog = catalog
        self.cache = cache
        self.tagger: Tagger | None = None

    def __call__(self, title: str, abstract: str) -> tuple[str, ...]:
        return self.suggest_all([(title, abstract)])[0]

    def suggest_all(self, papers: Sequence[tuple[str, str]]) -> list[tuple[str, ...]]:
        """The suggestions for each (title, abstract), in order: at once, which is much faster for many papers."""
        from generator.tagger import Example, examples_of
        from generator.tagger.saved import train_or_load

        if self.tagger is None:
            self.tagger = train_or_load(examples_of(self.catalog), self.catalog.tags, self.cache)
        return self.tagger.suggest_many([Example(title, abstract) for title, abstract in papers])
