"""Rendering the site on every core: helper processes render runs of paper pages while this process renders
the rest, and the parts make the same site as rendering it all in one process.

Each part depends only on the catalog, so helpers forked after it is read share it rather than copy it, and
send back only the text of their pages, with the papers' BibTeX entries for the bibliographies; or, given a
folder to write to, write their pages there themselves and send back what they wrote.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator.compression import gzipped
from generator.model import Catalog
from generator.progress import Progress
from generator.render import SiteRenderer, paper_page
from generator.write import FileContent, WriteReport, merged, write_changed

# Below this many papers the site renders in well under a second or two: starting workers is not worth it.
PARALLEL_FROM = 2000
PARTS_PER_WORKER = 8  # paper parts per worker: enough to keep every worker busy to the end
PART_MAX = 2000  # papers in one part at most, so that progress is seen and no worker holds many pages at once

Pages = dict[str, str]
# The pages of a run of papers (none once written), what writing them did, and the papers' BibTeX entries.
PaperPart = tuple[Pages, WriteReport, dict[str, str]]


@dataclass(frozen=True)
class Target:
    """The folder paper pages are written to as soon as they are rendered, by the process that rendered them:
    100,000 pages need not travel to one process to be written there on one core."""

    root: Path
    durable: bool = False


# The renderer of this process, when it is a helper: inherited from the parent, which made it.
_renderer: SiteRenderer | None = None


def _adopt(renderer: SiteRenderer) -> None:
    global _renderer  # one renderer per worker process, handed over at the fork
    _renderer = renderer


def _worker_renderer() -> SiteRenderer:
    if _renderer is None:
        raise RuntimeError("not in a rendering helper")
    return _renderer


def _paper_pages(start: int, end: int, target: Target | None) -> PaperPart:
    return _render_part(_worker_renderer(), start, end, target)


def _render_part(renderer: SiteRenderer, start: int, end: int, target: Target | None) -> PaperPart:
    """The pages of papers [start, end) of the catalog, or what writing them to `target` did, and their BibTeX
    entries for the bibliographies."""
    papers = renderer.catalog.papers[start:end]
    renderer.find_related(papers)
    pages = {paper_page(paper): renderer.render_paper(paper) for paper in papers}
    bibtex = {paper.slug: renderer.bibtex_of(paper) for paper in papers}
    if target is None:
        return pages, WriteReport(), bibtex
    return {}, write_changed(target.root, pages, target.durable, label=None), bibtex


def worker_count() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def render_site(catalog: Catalog, site_url: str, workers: int | None = None) -> dict[str, FileContent]:
    """Every generated file under docs/, as `generator.render.render_site` makes it, on `workers` processes:
    by default one per core, for a catalog large enough to be worth it. Where processes cannot be forked
    (Windows), the site is rendered in this process."""
    return render_and_write(catalog, site_url, None, workers)[0]


def render_and_write(
    catalog: Catalog, site_url: str, target: Target | None, workers: int | None = None
) -> tuple[dict[str, FileContent], WriteReport]:
    """As `render_site`; with a `target`, the helpers write the paper pages there (only those that changed) and
    what they wrote is reported, while the other files are returned for the caller to write. Rendered in this
    process alone, every file is returned."""
    if workers is None:
        workers = worker_count() if len(catalog.papers) >= PARALLEL_FROM else 1
    renderer = SiteRenderer(catalog, site_url)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return renderer.render_all() | renderer.render_files(), WriteReport()
    context = multiprocessing.get_context("fork")
    # The garbage collector of a helper would write to every object it inherited, copying the parent's memory
    # into it; frozen, the inherited objects are left alone and stay shared as long as they are not used.
    gc.freeze()
    try:
        with ProcessPoolExecutor(workers - 1, mp_context=context, initializer=_adopt, initargs=(renderer,)) as pool:
            return _render_with(pool, workers - 1, renderer, target)
    finally:
        gc.unfreeze()


def _render_with(
    pool: ProcessPoolExecutor, helpers: int, renderer: SiteRenderer, target: Target | None
) -> tuple[dict[str, FileContent], WriteReport]:
    """This process renders the pages made from the whole catalog while the helpers render runs of paper
    pages, then takes runs of papers too, from the other end, until none is left.

    This process is one of the workers rather than a parent waiting for them: each helper, once it has used
    the catalog, holds a copy of it, and the largest output (papers.json) is made where it is kept anyway."""
    catalog = renderer.catalog
    total = len(catalog.papers)
    size = max(1, min(PART_MAX, -(-total // ((helpers + 1) * PARTS_PER_WORKER))))
    parts = [(start, min(start + size, total)) for start in range(0, total, size)]
    waiting = deque(range(len(parts)))  # helpers take parts from the left, this process from the right
    sent: dict[int, Future[PaperPart]] = {}
    done: dict[int, PaperPart] = {}
    shown = Progress(total, "Paper pages")

    def collect(index: int, part: PaperPart) -> None:
        done[index] = part
        start, end = parts[index]
        shown.advance(end - start)

    def keep_helpers_busy() -> None:
        for index, future in list(sent.items()):
            if future.done():
                collect(index, future.result())
                del sent[index]
        while waiting and len(sent) < 2 * helpers:  # one part each to work on, one queued
            index = waiting.popleft()
            sent[index] = pool.submit(_paper_pages, *parts[index], target)

    keep_helpers_busy()
    pages_of_tags: Pages = {}
    for tag in catalog.tags:
        pages_of_tags |= renderer.render_tag(tag)
        keep_helpers_busy()
    whole_catalog: list[Pages] = []
    for render in (renderer.render_indexes, renderer.render_feeds):
        whole_catalog.append(render())
        keep_helpers_busy()
    exports = renderer.render_exports()
    keep_helpers_busy()
    while waiting:
        index = waiting.pop()
        collect(index, _render_part(renderer, *parts[index], target))
        keep_helpers_busy()
    for index, future in sent.items():
        collect(index, future.result())
    pages: Pages = {}
    reports: list[WriteReport] = []
    for index in range(len(parts)):
        part_pages, report, bibtex = done.pop(index)
        pages |= part_pages
        reports.append(report)
        renderer.bibtex |= bibtex
    pages |= pages_of_tags
    for files in whole_catalog:
        pages |= files
    return pages | gzipped(exports | renderer.render_bibliographies()), merged(reports)
