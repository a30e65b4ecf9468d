"""Slugs: the stable names of papers in file names and URLs."""

from __future__ import annotations

from slugify import slugify

SLUG_MAX_LENGTH = 80
FALLBACK_SLUG = "paper"  # for a title with nothing slugify keeps, such as emoji only


def make_slug(title: str, taken: set[str]) -> str:
    """A URL-safe slug for `title`, made unique against `taken` with a numeric suffix."""
    slug = slugify(title, max_length=SLUG_MAX_LENGTH, word_boundary=True) or FALLBACK_SLUG
    number = 2
    while slug in taken:
        suffix = f"-{number}"
        base = slugify(title, max_length=SLUG_MAX_LENGTH - len(suffix), word_boundary=True) or FALLBACK_SLUG
        slug, number = base + suffix, number + 1
    return slug


def title_key(title: str) -> str:
    """Titles that differ only in case, accents or punctuation name the same paper.

    A title with no letter or digit that slugify keeps (emoji, symbols) is its own key, folded.
    """
    return slugify(title) or " ".join(title.casefold().split())
