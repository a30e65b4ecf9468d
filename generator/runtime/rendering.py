"""Rendering the site on every core: helper processes render runs of paper pages while this process renders
the rest, and the parts make the same site as rendering it all in one process.

Each part depends only on the catalog, so helpers forked after it is read share it rather than copy it, and
send back only the text of their pages; or, given a folder to write to, write their pages there themselves and
send back what they wrote.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator.catalog.model import Catalog
from generator.output.writer import FileContent, WriteReport, commit, discard, merged, write_changed
from generator.runtime.executor import AUTOMATIC, Executor
from generator.runtime.progress import Progress
from generator.runtime.workers import can_fork, objects_frozen, runs_of
from generator.site.compression import gzipped
from generator.site.render import SiteRenderer, paper_page

Pages = dict[str, str]
Files = dict[str, FileContent]
# The pages of a run of papers (none once written), and what writing them did.
PaperPart = tuple[Pages, WriteReport]
# Files made by a caller, from the catalog, besides the rendered ones (the search index, say).
MoreFiles = Callable[[], Files]


@dataclass(frozen=True)
class Target:
    """The folder files are written to as soon as they are made, by the process that made them: 100,000 pages
    need not travel to one process to be written there on one core."""

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
    """The pages of papers [start, end) of the catalog, or what writing them to `target` did."""
    papers = renderer.catalog.papers[start:end]
    renderer.find_related(papers)
    pages = {paper_page(paper): renderer.render_paper(paper) for paper in papers}
    if target is None:
        return pages, WriteReport()
    return {}, write_changed(target.root, pages, target.durable, label=None, replace=False)


def render_site(catalog: Catalog, site_url: str, executor: Executor = AUTOMATIC, edit_base: str = "") -> Files:
    """Every generated file under docs/, as `generator.site.render.render_catalog` makes it, on as many processes
    as `executor` gives the catalog's papers. Where processes cannot be forked (Windows), in this process."""
    return _render(catalog, (site_url, edit_base), None, executor, None)[0]


def write_site(
    catalog: Catalog,
    site_url: str,
    target: Target,
    more: MoreFiles | None = None,
    executor: Executor = AUTOMATIC,
    edit_base: str = "",
) -> WriteReport:
    """Write the files `render_site` makes, and the `more` files, to `target`: only those that changed, each
    by the process that made it; nothing is removed. The report lists every file, written or not.

    No file is replaced until every one is written (see `write_changed`): when one cannot be (a full disk),
    the folder is left as it was, but for temporary files of helpers that had not sent theirs back, which
    `generator.output.writer.remove_temporaries` removes."""
    files, report = _render(catalog, (site_url, edit_base), target, executor, more)
    try:
        report = merged([report, write_changed(target.root, files, target.durable, replace=False)])
    except BaseException:
        discard(report.staged)
        raise
    commit(report.staged)
    report.staged = []
    return report


def _render(
    catalog: Catalog,
    addresses: tuple[str, str],
    target: Target | None,
    executor: Executor,
    more: MoreFiles | None,
) -> tuple[Files, WriteReport]:
    """The files not written yet, and what writing the others did; `addresses` are the site's URL and the
    base of its edit links."""
    workers = executor.processes(len(catalog.papers))
    with executor.running():
        renderer = SiteRenderer(catalog, *addresses, executor=executor)
        if workers < 2 or not can_fork():
            files: Files = {**renderer.render_all(), **renderer.render_files(), **(more() if more else {})}
            return files, WriteReport()
        context = multiprocessing.get_context("fork")
        # The garbage collector of a helper would write to every object it inherited, copying the parent's
        # memory into it; frozen, the inherited objects are left alone and stay shared as long as they are not
        # used. (Paused, it does not run at all, unless some caller enables it again.)
        with (
            objects_frozen(),
            ProcessPoolExecutor(workers - 1, mp_context=context, initializer=_adopt, initargs=(renderer,)) as pool,
        ):
            return _render_with(pool, workers - 1, renderer, target, more)


def _whole_catalog(renderer: SiteRenderer, more: MoreFiles | None) -> Iterator[Mapping[str, FileContent]]:
    """The files made from the whole catalog, in the order `render_site` gives them, in steps of a few seconds
    at most. The BibTeX entries are made here again rather than sent back by the helpers: that way the
    bibliographies need not wait for every paper page."""
    catalog = renderer.catalog
    for tag in catalog.tags:
        yield renderer.render_tag(tag)
    yield renderer.render_indexes()
    yield renderer.render_feeds()
    for path, text in (renderer.render_exports() | renderer.render_bibliographies()).items():
        yield gzipped({path: text})
    if more is not None:
        yield more()


def _render_with(
    pool: ProcessPoolExecutor, helpers: int, renderer: SiteRenderer, target: Target | None, more: MoreFiles | None
) -> tuple[Files, WriteReport]:
    """This process makes the files of the whole catalog while the helpers render runs of paper pages, then
    takes runs of papers too, from the other end, until none is left.

    This process is one of the workers rather than a parent waiting for them: each helper, once it has used
    the catalog, holds a copy of it, and the largest output (papers.json) is made where it is kept anyway."""
    catalog = renderer.catalog
    total = len(catalog.papers)
    parts = runs_of(total, helpers + 1)
    waiting = deque(range(len(parts)))  # helpers take parts from the left, this process from the right
    sent: dict[int, Future[PaperPart]] = {}
    done: dict[int, PaperPart] = {}
    shown = Progress(total, "Paper pages")

    def collect(index: int, part: PaperPart) -> None:
        done[index] = part
        start, end = parts[index]
        shown.advance(end - start)

    def keep_helpers_busy(queued: int) -> None:
        for index, future in list(sent.items()):
            if future.done():
                collect(index, future.result())
                del sent[index]
        while waiting and len(sent) < queued:
            index = waiting.popleft()
            sent[index] = pool.submit(_paper_pages, *parts[index], target)

    # While this process makes files, some of which take many seconds, every part is queued for the helpers.
    keep_helpers_busy(len(parts))
    whole: list[Mapping[str, FileContent]] = []
    reports: list[WriteReport] = []
    for files in _whole_catalog(renderer, more):
        if target is None:
            whole.append(files)
        else:
            reports.append(write_changed(target.root, files, target.durable, label=None, replace=False))
        keep_helpers_busy(len(parts))
    # Then the parts no helper has started come back, for this process to share.
    for index in sorted(sent, reverse=True):
        if sent[index].cancel():
            del sent[index]
            waiting.appendleft(index)
    while waiting:
        index = waiting.pop()
        collect(index, _render_part(renderer, *parts[index], target))
        keep_helpers_busy(2 * helpers)  # one part each to work on, one queued
    for index, future in sent.items():
        collect(index, future.result())
    pages: Files = {}
    for index in range(len(parts)):
        part_pages, report = done.pop(index)
        pages |= part_pages
        reports.append(report)
    for files in whole:
        pages |= files
    return pages, merged(reports)
