"""Markdown converted to HTML on every core during `mkdocs build`, through MkDocs' public events only.

MkDocs converts its pages one after another, and from a few thousand papers that conversion is most of the
build (docs/benchmarks.md). When MkDocs is about to read its pages (`on_nav`), helper processes forked from
MkDocs' own start reading each page's file as `Page.read_source` reads it and converting it with MkDocs' own
`Page.render`, page after page in MkDocs' order. MkDocs meanwhile builds every page as it always does, each
event once and in its order, asking for a page's conversion when it reaches the page (and converting pages from
the end while it waits, `Executor.map_runs_ahead`); when the
Markdown that reaches `on_page_markdown` is the Markdown converted, the hook hands Python-Markdown an empty page
instead, and
`on_page_content` hands MkDocs the finished HTML and sets the page's documented attributes (table of contents,
title, anchors, Markdown) as converting it would have. What converting a page logged (a broken link, say) is
logged then, in page order, so that `--strict` counts it as before. A page whose Markdown differs (a plugin
changed it) or whose conversion failed is converted by MkDocs in the usual way.

tests/test_mkdocs_contract.py holds MkDocs to what this relies on.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import meta

from generator.runtime.executor import AUTOMATIC, Executor
from generator.runtime.workers import can_fork

LOGGER = "mkdocs"  # MkDocs' loggers are all below this one, and its handlers (console, --strict count) on it
# What Python-Markdown is given instead of a page converted already: nothing to convert.
EMPTY = ""


@dataclass(frozen=True)
class Record:
    logger: str
    level: int
    message: str


@dataclass(frozen=True)
class Converted:
    """A page as `Page.render` left it, and what converting it logged."""

    digest: bytes  # of the Markdown converted; the text itself would double what the build holds
    content: str
    toc: Any
    title: str | None
    present_anchor_ids: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None  # keyed by the src_uri of the page linked to
    records: tuple[Record, ...]


def digest(markdown: str) -> bytes:
    return hashlib.blake2b(markdown.encode(), digest_size=16).digest()


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[Record] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(Record(record.name, record.levelno, record.getMessage()))


@contextmanager
def _collected() -> Iterator[list[Record]]:
    """What MkDocs logs meanwhile, kept instead of shown or counted."""
    logger = logging.getLogger(LOGGER)
    collector = _Collector()
    handlers, propagate = logger.handlers, logger.propagate
    logger.handlers, logger.propagate = [collector], False
    try:
        yield collector.records
    finally:
        logger.handlers, logger.propagate = handlers, propagate


def convert(file: File, config: MkDocsConfig, files: Files) -> Converted:
    """The page of `file` converted as MkDocs converts it when no plugin changes its source or Markdown.

    Run in a helper: the page it makes, or the one it finds on the file, is the helper's copy."""
    page = file.page if file.page is not None else Page(None, file, config)
    page.markdown, page.meta = meta.get_data(file.content_string)
    converted_from = digest(page.markdown)
    with _collected() as records:
        page.render(config, files)
    assert page.content is not None  # render sets it
    links = page.links_to_anchors
    return Converted(
        converted_from,
        page.content,
        page.toc,
        page.title,
        page.present_anchor_ids,
        None if links is None else {target.src_uri: anchors for target, anchors in links.items()},
        tuple(records),
    )


def attempt(file: File, config: MkDocsConfig, files: Files) -> Converted | None:
    """The page converted, or None if converting it failed: MkDocs then converts it in its own loop and
    reports the failure as it always does, naming the page."""
    try:
        return convert(file, config, files)
    except Exception:  # reported by MkDocs itself, when it converts the page
        return None


@dataclass
class Conversions:
    """The pages of one `mkdocs build` converted ahead of MkDocs, by src_uri, and the ones taking theirs."""

    ready: dict[str, Converted] = field(default_factory=dict)
    taking: dict[str, tuple[Converted, str]] = field(default_factory=dict)  # with the Markdown handed over
    # The helpers' runs of conversions; the conversions still to come, in MkDocs' order of pages, and where each
    # page is in that order.
    runs: Iterator[list[Converted | None]] = field(default_factory=lambda: iter(()))
    coming: Iterator[tuple[File, Converted | None]] = field(default_factory=lambda: iter(()))
    position: dict[str, int] = field(default_factory=dict)
    received: int = 0

    def convert_pages(self, config: MkDocsConfig, files: Files, executor: Executor = AUTOMATIC) -> None:
        """Start converting the pages `mkdocs build` includes on every core (`on_nav`), in the order MkDocs
        builds them; each conversion is waited for when MkDocs reaches its page.

        Nothing is done for few pages, or where processes cannot be forked: MkDocs converts them as usual."""
        self.clear()
        included = list(files.documentation_pages(inclusion=InclusionLevel.is_included))
        if executor.processes(len(included)) < 2 or not can_fork():
            return

        def work(start: int, end: int) -> list[Converted | None]:
            return [attempt(file, config, files) for file in included[start:end]]

        # Python-Markdown leaves cycles behind with every page it converts, so the collector must run (the
        # executor freezes the objects made so far, which helpers then leave shared rather than copy).
        self.runs = executor.map_runs_ahead(work, len(included))
        self.coming = zip(included, chain.from_iterable(self.runs), strict=True)
        self.position = {file.src_uri: index for index, file in enumerate(included)}

    def converted(self, page: Page) -> Converted | None:
        """The page's conversion, once the helpers have made it; None for a page they were not given."""
        index = self.position.get(page.file.src_uri, -1)
        for file, result in _taken(self.coming, index + 1 - self.received):
            self.received += 1
            if result is not None:
                self.ready[file.src_uri] = result
        return self.ready.pop(page.file.src_uri, None)

    def markdown_for(self, markdown: str, page: Page) -> str:
        """What Python-Markdown is to convert (`on_page_markdown`): nothing, if the page was converted already."""
        converted = self.converted(page)
        if converted is None or converted.digest != digest(markdown):
            return markdown
        self.taking[page.file.src_uri] = (converted, markdown)
        return EMPTY

    def content_for(self, html: str, page: Page, files: Files) -> str:
        """The page's HTML (`on_page_content`), with the attributes converting it sets, and its log replayed."""
        taken = self.taking.pop(page.file.src_uri, None)
        if taken is None:
            return html
        converted, markdown = taken
        for record in converted.records:
            logging.getLogger(record.logger).log(record.level, record.message)
        page.markdown = markdown
        page.toc = converted.toc
        if page.title != converted.title:
            page.title = converted.title
        page.present_anchor_ids = converted.present_anchor_ids
        if converted.links_to_anchors is not None:
            found = ((files.get_file_from_path(uri), anchors) for uri, anchors in converted.links_to_anchors.items())
            page.links_to_anchors = {target: anchors for target, anchors in found if target is not None}
        return converted.content

    def clear(self) -> None:
        """Forget every conversion, and stop the helpers of a build that ended before they did."""
        close = getattr(self.runs, "close", None)  # a generator's: it shuts the helpers down
        if close is not None:
            close()
        self.runs = iter(())
        self.coming = iter(())
        self.position = {}
        self.received = 0
        self.ready.clear()
        self.taking.clear()


def _taken(items: Iterator[Any], count: int) -> Iterator[Any]:
    """The next `count` items, fewer if there are not so many."""
    for _ in range(count):
        item = next(items, None)
        if item is None:
            return
        yield item
