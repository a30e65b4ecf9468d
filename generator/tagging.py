"""Suggesting tags for a new paper from the vocabulary's match rules."""

from __future__ import annotations

from generator.model import Tag


def suggest_tags(vocabulary: tuple[Tag, ...], title: str, abstract: str) -> tuple[str, ...]:
    """Slugs of the tags whose rules match, in vocabulary order."""
    return tuple(tag.slug for tag in vocabulary if tag.rule.matches(title, abstract))
