"""Slugs: the stable names of papers in file names and URLs."""

from __future__ import annotations

from slugify import slugify

SLUG_MAX_LENGTH = 80


def make_slug(title: str, taken: set[str]) -> str:
    """A URL-safe slug for `title`, made unique against `taken` with a numeric suffix."""
    slug = slugify(title, max_length=SLUG_MAX_LENGTH, word_boundary=True) or "paper"
    number = 2
    while slug in taken:
        suffix = f"-{number}"
        base = slugify(title, max_length=SLUG_MAX_LENGTH - len(suffix), word_boundary=True) or "paper"
        slug, number = base + suffix, number + 1
    return slug


def title_key(title: str) -> str:
    """Titles that differ only in case, accents or punctuation name the same paper."""
    return slugify(title)
