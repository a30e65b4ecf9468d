"""Rendering the site on every core: forked workers render parts of it, and the parts make the same site.

Each part (a run of paper pages with their related papers, a tag page, the indexes, the feeds, the exports)
depends only on the catalog, so workers forked after the catalog is read share it without copying it, and
each sends back only the text of its pages. The bibliographies are joined at the end from the BibTeX entries
the paper parts send back with their pages.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor

from generator.model import Catalog
from generator.progress import Progress
from generator.render import SiteRenderer, paper_page, tag_page

# Below this many papers the site renders in well under a second or two: starting workers is not worth it.
PARALLEL_FROM = 2000
PARTS_PER_WORKER = 8  # paper parts per worker: enough to keep every worker busy to the end
PART_MAX = 2000  # papers in one part at most, so that progress is seen and no worker holds many pages at once

Pages = dict[str, str]

# The renderer of this process, when it is a worker: forked from the parent, which made it.
_renderer: SiteRenderer | None = None


def _adopt(renderer: SiteRenderer) -> None:
    global _renderer  # one renderer per worker process, handed over at the fork
    _renderer = renderer


def _worker_renderer() -> SiteRenderer:
    if _renderer is None:
        raise RuntimeError("not in a rendering worker")
    return _renderer


def _paper_pages(start: int, end: int) -> tuple[Pages, dict[str, str]]:
    """The pages of papers [start, end) of the catalog, and their BibTeX entries for the bibliographies."""
    renderer = _worker_renderer()
    papers = renderer.catalog.papers[start:end]
    renderer.find_related(papers)
    pages = {paper_page(paper): renderer.render_paper(paper) for paper in papers}
    return pages, {paper.slug: renderer.bibtex_of(paper) for paper in papers}


def _tag_page(index: int) -> str:
    renderer = _worker_renderer()
    return renderer.render_tag(renderer.catalog.tags[index])


def _call(method: Callable[[SiteRenderer], Pages]) -> Pages:
    return method(_worker_renderer())


def worker_count() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def render_site(catalog: Catalog, site_url: str, workers: int | None = None) -> Pages:
    """Every generated file under docs/, as `generator.render.render_site` makes it, on `workers` processes:
    by default one per core, for a catalog large enough to be worth it. Where processes cannot be forked
    (Windows), the site is rendered in this process."""
    if workers is None:
        workers = worker_count() if len(catalog.papers) >= PARALLEL_FROM else 1
    renderer = SiteRenderer(catalog, site_url)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return renderer.render_all() | renderer.render_files()
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_adopt, initargs=(renderer,)) as pool:
        return _render_in(pool, renderer, workers)


def _render_in(pool: ProcessPoolExecutor, renderer: SiteRenderer, workers: int) -> Pages:
    catalog = renderer.catalog
    # The longest parts first, so that no worker starts one when the others are nearly done.
    exports = pool.submit(_call, SiteRenderer.render_exports)
    indexes = pool.submit(_call, SiteRenderer.render_indexes)
    feeds = pool.submit(_call, SiteRenderer.render_feeds)
    by_size = sorted(range(len(catalog.tags)), key=lambda i: -len(renderer.papers_by_tag.get(catalog.tags[i].slug, [])))
    tags: dict[int, Future[str]] = {index: pool.submit(_tag_page, index) for index in by_size}
    total = len(catalog.papers)
    size = max(1, min(PART_MAX, -(-total // (workers * PARTS_PER_WORKER))))
    parts = [(start, min(start + size, total)) for start in range(0, total, size)]
    papers = [pool.submit(_paper_pages, start, end) for start, end in parts]
    pages: Pages = {}
    shown = Progress(total, "Paper pages")
    for (start, end), part in zip(parts, papers, strict=True):
        part_pages, bibtex = part.result()
        pages |= part_pages
        renderer.bibtex |= bibtex
        shown.advance(end - start)
    pages |= {tag_page(tag): tags[index].result() for index, tag in enumerate(catalog.tags)}
    pages |= indexes.result()
    return pages | feeds.result() | exports.result() | renderer.render_bibliographies()
