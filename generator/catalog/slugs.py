"""Slugs: the stable names of papers and tags in file names and URLs, and the rule every slug and alias keeps."""

from __future__ import annotations

import re

from slugify import slugify

SLUG_MAX_LENGTH = 80
FALLBACK_SLUG = "paper"  # for a title with nothing slugify keeps, such as emoji only
SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Names of the site's own routes. Under papers/ and tags/ a paper or tag named `index` or `page` would be
# overwritten by the site's page (papers/index.md is the list of all papers, papers/page/2/ its second page);
# the names of the site's folders and files at its root (papers, tags, search, assets, feed.xml, ...) are
# kept free too, so that no slug can ever shadow one of them. The hand-written pages at the root (about,
# data, benchmarks) are not reserved: slugs never sit at the root, and "benchmarks" is a topic too.
RESERVED_SLUGS = frozenset(
    {
        "404",
        "assets",
        "feed",
        "index",
        "javascripts",
        "needs-tags",
        "page",
        "papers",
        "search",
        "sitemap",
        "stylesheets",
        "tags",
    }
)


def slug_problem(slug: str) -> str | None:
    """What is wrong with `slug` as the name of a paper or tag (or an alias of one), or None."""
    if not slug:
        return "is empty"
    if not SLUG_PATTERN.fullmatch(slug):
        return "must be lowercase letters, digits and single hyphens"
    if len(slug) > SLUG_MAX_LENGTH:
        return f"is {len(slug)} characters long; {SLUG_MAX_LENGTH} at most"
    if slug in RESERVED_SLUGS:
        return "is a name the site uses for its own pages; choose another"
    return None


def natural_slug(title: str) -> str:
    """The slug `title` makes on its own, before it is made unique."""
    return slugify(title, max_length=SLUG_MAX_LENGTH, word_boundary=True) or FALLBACK_SLUG


def make_slug(title: str, taken: set[str]) -> str:
    """A URL-safe slug for `title`, made unique against `taken` and the reserved names with a numeric suffix."""
    slug = natural_slug(title)
    number = 2
    while slug in taken or slug in RESERVED_SLUGS:
        suffix = f"-{number}"
        base = slugify(title, max_length=SLUG_MAX_LENGTH - len(suffix), word_boundary=True) or FALLBACK_SLUG
        slug, number = base + suffix, number + 1
    return slug


def title_key(title: str) -> str:
    """Titles that differ only in case, accents or punctuation name the same paper.

    A title with no letter or digit that slugify keeps (emoji, symbols) is its own key, folded.
    """
    return slugify(title) or " ".join(title.casefold().split())
