"""Markdown converted to HTML on every core during `mkdocs build`.

MkDocs converts its pages one after another, and from a few thousand papers that conversion is most of the
build (docs/benchmarks.md). Before MkDocs reads its pages, the `on_nav` hook has helper processes, forked from
MkDocs' own, convert runs of them as MkDocs would, with MkDocs' own `Page.render`; each page then takes its
result when MkDocs asks it to render, as long as its Markdown is still the one converted. What a conversion
logs (broken links, say) is logged again here, in page order, so that `--strict` counts it as before.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page

from generator.runtime.executor import AUTOMATIC
from generator.runtime.workers import can_fork, objects_frozen

LOGGER = "mkdocs"  # MkDocs' loggers are all below this one, and its handlers (console, --strict count) on it


@dataclass(frozen=True)
class Record:
    logger: str
    level: int
    message: str


@dataclass(frozen=True)
class Converted:
    """What `Page.render` sets on a page, and what it logged."""

    markdown_hash: int
    content: str | None
    toc: Any
    title: str | None
    present_anchor_ids: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None  # keyed by the src_uri of the page linked to
    records: tuple[Record, ...]


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


def convert(page: Page, config: MkDocsConfig, files: Files) -> Converted:
    """A page converted as MkDocs' `_populate_page` converts it, left without its Markdown and HTML after."""
    config._current_page = page
    try:
        # MkDocs reads the page again before it renders it, and logs what reading it logs then.
        with _collected():
            page.read_source(config)
            assert page.markdown is not None  # read_source sets it
            page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        with _collected() as records:
            Page.render(page, config, files)
        links = page.links_to_anchors
        converted = Converted(
            hash(page.markdown),
            page.content,
            page.toc,
            page._title_from_render,
            page.present_anchor_ids,
            None if links is None else {file.src_uri: anchors for file, anchors in links.items()},
            tuple(records),
        )
    finally:
        config._current_page = None
    # A helper keeps every page it inherited: it should not keep their text as well.
    page.markdown = page.content = None
    return converted


def attempt(page: Page, config: MkDocsConfig, files: Files) -> Converted | None:
    """The page converted, or None if converting it failed: MkDocs then converts it in its own loop and
    reports the failure as it always does, naming the page."""
    try:
        return convert(page, config, files)
    except Exception:  # reported by MkDocs itself, when it converts the page again
        page.markdown = page.content = None
        return None


def take(page: Page, converted: Converted, files: Files) -> None:
    """Have the page take its converted HTML the next time MkDocs asks it to render."""

    def render(config: MkDocsConfig, files_now: Files) -> None:
        del page.render  # back to the class's method, for any later build
        if page.markdown is None or hash(page.markdown) != converted.markdown_hash:
            page.render(config, files_now)  # changed since (by a plugin, say): converted again
            return
        page.content = converted.content
        page.toc = converted.toc
        page._title_from_render = converted.title
        page.present_anchor_ids = converted.present_anchor_ids
        if converted.links_to_anchors is not None:
            found = (
                (files_now.get_file_from_path(uri), anchors) for uri, anchors in converted.links_to_anchors.items()
            )
            page.links_to_anchors = {file: anchors for file, anchors in found if file is not None}

    page.render = render  # type: ignore[method-assign,assignment]  # this one page's, until it has rendered once


def convert_pages(config: MkDocsConfig, files: Files) -> None:
    """Convert the pages `mkdocs build` includes on every core, for MkDocs to take.

    Nothing is done for few pages, or where processes cannot be forked: MkDocs converts them as usual."""
    included = files.documentation_pages(inclusion=InclusionLevel.is_included)
    if AUTOMATIC.processes(len(included)) < 2 or not can_fork():
        return
    pages: list[Page] = []
    for file in included:
        if file.page is None:
            Page(None, file, config)  # as MkDocs makes the pages of files out of the navigation
        assert file.page is not None
        pages.append(file.page)

    def work(start: int, end: int) -> list[Converted | None]:
        return [attempt(page, config, files) for page in pages[start:end]]

    # Python-Markdown leaves cycles behind with every page it converts, so the collector must run; frozen,
    # the objects made so far are left out of its passes, and helpers leave them shared rather than copy them.
    with objects_frozen():
        runs = AUTOMATIC.map_runs(work, len(pages))
    converted = (each for run in runs for each in run)
    for page, result in zip(pages, converted, strict=True):
        if result is not None:
            for record in result.records:
                logging.getLogger(record.logger).log(record.level, record.message)
            take(page, result, files)
