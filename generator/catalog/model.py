"""The catalog's models: frozen, typed, and free of I/O."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, Protocol

from generator.catalog.patterns import Pattern
from generator.catalog.slugs import title_key
from generator.listings.dating import listing_day

LinkKind = Literal["code", "dataset", "model", "project"]
LINK_KINDS: tuple[LinkKind, ...] = ("code", "dataset", "model", "project")
# The first year a paper's `year` may be; the last is next year (a paper accepted for a future issue).
FIRST_YEAR = 1900
LAST_YEAR = datetime.date.today().year + 1


class InvalidPaperError(ValueError):
    """A value the Paper constructor refuses; `field` names it, so a reader can point at its line."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"a paper's '{field}' {message}")
        self.field = field


@dataclass(frozen=True)
class Link:
    """A URL found for a paper, classified; `original` keeps the URL as first seen when it differs."""

    kind: LinkKind
    url: str
    original: str | None = None

    @property
    def github_repository(self) -> str | None:
        """`owner/repo` for a GitHub repository link, else None."""
        prefix = "https://github.com/"
        if self.kind != "code" or not self.url.startswith(prefix):
            return None
        return self.url[len(prefix) :]

    @property
    def label(self) -> str:
        """A short human label: the path of the URL without its scheme and host."""
        without_scheme = self.url.split("://", 1)[-1]
        host, _, path = without_scheme.partition("/")
        path = path.rstrip("/")
        for prefix in ("datasets/", "spaces/"):
            path = path.removeprefix(prefix) if host.endswith("huggingface.co") else path
        return path or host


@dataclass(frozen=True)
class Listing:
    """One appearance of a paper in a listing: the date as printed (no year), the source file, and when the
    importer knew them, the year of that date and the paper's place in the listing (1 for its first paper)."""

    date: str
    source: str
    year: int | None = None
    position: int | None = None

    @property
    def day(self) -> datetime.date | None:
        """The listing's date with its year, when the year is known."""
        return None if self.year is None else listing_day(self.date, self.year)


# The kind of each item of a paper's lists, which the constructor checks.
PAPER_ITEM_KINDS: tuple[tuple[str, type], ...] = (
    ("tags", str),
    ("suggested_tags", str),
    ("aliases", str),
    ("authors", str),
    ("distinct_from", str),
    ("links", Link),
    ("listings", Listing),
)


@dataclass(frozen=True)
class Paper:
    slug: str
    title: str
    abstract: str
    tags: tuple[str, ...]
    links: tuple[Link, ...]
    listings: tuple[Listing, ...]
    added: datetime.date
    aliases: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    year: int | None = None
    published: datetime.date | None = None  # the day of the paper's first public version
    arxiv: str | None = None
    category: str | None = None  # arXiv's primary category, such as "cs.CL"
    # What the tooling suggests; `tags` holds only what a curator wrote, and no command ever changes it.
    suggested_tags: tuple[str, ...] = ()
    # Papers a curator confirmed are not this one, though a title or an abstract says they may be.
    distinct_from: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        """Refuse what no paper file can hold, so that a paper read in part can never be built."""
        for name in ("slug", "title", "abstract"):
            text = getattr(self, name)
            if not isinstance(text, str) or not text.strip():
                raise InvalidPaperError(name, f"must be text that is not blank, not {text!r}")
        for name in ("added", "published"):
            day = getattr(self, name)
            if day is None and name == "published":
                continue
            if not isinstance(day, datetime.date) or isinstance(day, datetime.datetime):
                raise InvalidPaperError(name, f"must be a date without a time, not {day!r}")
        if self.year is not None and (
            not isinstance(self.year, int) or isinstance(self.year, bool) or not FIRST_YEAR <= self.year <= LAST_YEAR
        ):
            raise InvalidPaperError(
                "year", f"must be a whole number from {FIRST_YEAR} to {LAST_YEAR}, not {self.year!r}"
            )
        for name in ("arxiv", "category"):
            text = getattr(self, name)
            if text is not None and (not isinstance(text, str) or not text.strip()):
                raise InvalidPaperError(name, f"must be text that is not blank, not {text!r}")
        for name, kind in PAPER_ITEM_KINDS:
            items = getattr(self, name)
            # Most lists are empty; 100,000 papers are built on every load.
            if not isinstance(items, tuple) or (items and not all(isinstance(item, kind) for item in items)):
                raise InvalidPaperError(name, f"must be a tuple of {kind.__name__}, not {items!r}")

    @property
    def all_tags(self) -> tuple[str, ...]:
        """The curated tags, then the suggested ones not among them: every tag page the paper is listed on."""
        if not self.suggested_tags:
            return self.tags
        return self.tags + tuple(tag for tag in self.suggested_tags if tag not in self.tags)

    @property
    def recency(self) -> tuple[int, int, int]:
        """Newest first when sorted: the day it was added; among papers added the same day, the day of its first
        dated listing (else the day it was added), then its place in that listing."""
        dated = [(listing.day, listing.position or 0) for listing in self.listings if listing.day is not None]
        day, position = min(dated) if dated else (self.added, 0)
        return (-self.added.toordinal(), -day.toordinal(), position)

    @property
    def needs_tags(self) -> bool:
        """No curator has tagged the paper yet (it may have suggestions to confirm)."""
        return not self.tags

    @property
    def code_links(self) -> tuple[Link, ...]:
        return tuple(link for link in self.links if link.kind == "code")

    @property
    def has_code(self) -> bool:
        return bool(self.code_links)


@dataclass(frozen=True)
class BrokenPaper:
    """What the checks of one file can still look at in a paper file read with problems: each text None when
    it could not be read, each list empty. It is no Paper: nothing is built from it."""

    slug: str | None
    title: str | None
    abstract: str | None
    tags: tuple[str, ...] = ()
    suggested_tags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    distinct_from: tuple[str, ...] = ()


class PaperFields(Protocol):
    """The fields the checks of one paper file read: a Paper's, or what a broken file still holds."""

    @property
    def slug(self) -> str | None: ...
    @property
    def title(self) -> str | None: ...
    @property
    def abstract(self) -> str | None: ...
    @property
    def tags(self) -> tuple[str, ...]: ...
    @property
    def suggested_tags(self) -> tuple[str, ...]: ...
    @property
    def aliases(self) -> tuple[str, ...]: ...
    @property
    def distinct_from(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class TagRule:
    """How the importer suggests a tag: any title pattern matches, or abstract patterns hit often enough.

    The text the `ignore` patterns match is left out of the title and the abstract first."""

    title: tuple[Pattern, ...] = ()
    abstract: tuple[Pattern, ...] = ()
    min_hits: int = 2
    ignore: tuple[Pattern, ...] = ()

    def matches(self, title: str, abstract: str) -> bool:
        for pattern in self.ignore:
            title, abstract = pattern.blank(title), pattern.blank(abstract)
        if any(pattern.search(title) for pattern in self.title):
            return True
        if not self.abstract:
            return False
        hits = sum(pattern.count(abstract) for pattern in self.abstract)
        return hits >= self.min_hits


@dataclass(frozen=True)
class Tag:
    slug: str
    name: str
    description: str
    rule: TagRule = field(default_factory=TagRule)
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Location:
    """Where a paper or tag was read from: its file, its own line, and the lines of its fields and items."""

    path: str
    line: int = 1
    field_lines: dict[str, int] = field(default_factory=dict)
    item_lines: dict[str, list[int]] = field(default_factory=dict)

    def of(self, name: str, index: int | None = None) -> int:
        """The line of field `name` (or of its item `index`), falling back to the entry's own line."""
        items = self.item_lines.get(name, [])
        if index is not None and index < len(items):
            return items[index]
        return self.field_lines.get(name, self.line)


@dataclass(frozen=True)
class StarCount:
    """A GitHub repository's stars as GitHub counted them on the day `checked`; `etag` asks GitHub next time
    whether the count changed without spending the rate limit."""

    repository: str  # owner/name
    stars: int
    checked: datetime.date
    etag: str | None = None


@dataclass(frozen=True)
class Catalog:
    """Everything the site is built from, sorted: papers by slug, tags as the vocabulary orders them, and the
    last snapshot of their repositories' stars (by repository)."""

    papers: tuple[Paper, ...]
    tags: tuple[Tag, ...]
    stars: tuple[StarCount, ...] = ()

    @cached_property
    def stars_of(self) -> dict[str, StarCount]:
        """The snapshot's counts by `owner/name`, lowercased as GitHub compares names."""
        return {count.repository.lower(): count for count in self.stars}

    def papers_tagged(self, tag_slug: str) -> tuple[Paper, ...]:
        """The papers on the tag's page: those a curator gave the tag, and those it is suggested for."""
        return tuple(paper for paper in self.papers if tag_slug in paper.all_tags)

    @cached_property
    def by_title(self) -> tuple[Paper, ...]:
        """The papers alphabetically by title, found once for every part of the build that needs it."""
        return tuple(sorted(self.papers, key=sort_key))

    @cached_property
    def by_recency(self) -> tuple[Paper, ...]:
        """The papers in the lists' order: newest first, found once for every part of the build that needs it."""
        return newest_first(self.papers)


def newest_first(papers: Iterable[Paper]) -> tuple[Paper, ...]:
    """`papers` newest first (see `Paper.recency`), by title among papers added and listed together: one order
    whatever the order given."""
    return tuple(sorted(papers, key=lambda paper: (paper.recency, sort_key(paper))))


def sort_key(paper: Paper) -> tuple[str, str]:
    """Alphabetical by title, ignoring case, accents and leading punctuation."""
    return (title_key(paper.title), paper.slug)
