"""Suggesting tags for a new paper: learned from the catalog's curated tags, or the vocabulary's match rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.model import Catalog, Tag

if TYPE_CHECKING:
    from generator.tagger import Tagger


def suggest_tags(vocabulary: tuple[Tag, ...], title: str, abstract: str) -> tuple[str, ...]:
    """Slugs of the tags whose rules match, in vocabulary order."""
    return tuple(tag.slug for tag in vocabulary if tag.rule.matches(title, abstract))


class Suggester:
    """The learned tagger (generator/tagger) when the catalog has curated papers, else the rules alone.

    It is trained on the first suggestion, so that an import that adds nothing never loads scikit-learn."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.tagger: Tagger | None = None

    def __call__(self, title: str, abstract: str) -> tuple[str, ...]:
        if not any(paper.tags for paper in self.catalog.papers):
            return suggest_tags(self.catalog.tags, title, abstract)
        if self.tagger is None:
            from generator.tagger import examples_of, train

            self.tagger = train(examples_of(self.catalog), self.catalog.tags)
        return self.tagger.suggest(title, abstract)
