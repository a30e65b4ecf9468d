"""The rendered site, made and written under docs/ on as many processes as an executor gives: runs of paper
pages wherever the executor runs them, while this process makes the files of the whole catalog and the ones
the caller adds (the search index, say); each process writes what it made.

Every page depends only on the catalog, so helpers forked after it is read share it rather than copy it, and
send back only what they wrote; 100,000 pages need not travel to one process to be written there on one core.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.output.writer import FileContent, WriteReport, commit, merged, write_changed
from generator.runtime.executor import AUTOMATIC, Executor
from generator.runtime.progress import Progress
from generator.site.render import SiteRenderer

Files = dict[str, FileContent]
# Files the caller makes from the catalog besides the rendered ones: made in steps, each a few seconds at most.
Step = Callable[[], Mapping[str, FileContent]]


@dataclass(frozen=True)
class Target:
    """The folder files are written to, by the process that made them."""

    root: Path
    durable: bool = False


def render_site(renderer: SiteRenderer, steps: Sequence[Step] = (), executor: Executor = AUTOMATIC) -> Files:
    """Every file `renderer` makes, and those of `steps`, in memory: the paper pages on as many processes as
    `executor` gives them."""
    papers = renderer.catalog.papers
    with executor.running():
        runs, made = executor.map_runs_alongside(
            lambda start, end: renderer.render_papers(papers[start:end]),
            len(papers),
            [*renderer.catalog_steps(), *steps],
        )
    files: Files = {}
    for part in [*runs, *made]:
        files |= part
    return files


def write_site(
    renderer: SiteRenderer, target: Target, steps: Sequence[Step] = (), executor: Executor = AUTOMATIC
) -> WriteReport:
    """Write the files `render_site` makes to `target`: only those that changed, each by the process that made
    it; nothing is removed. The report lists every file, written or not.

    No file is replaced until every one is written (see `write_changed`): when one cannot be (a full disk),
    the folder is left as it was, but for temporary files of helpers that had not sent theirs back, which
    `generator.output.writer.remove_temporaries` removes."""
    papers = renderer.catalog.papers

    def written(files: Mapping[str, FileContent]) -> WriteReport:
        return write_changed(target.root, files, target.durable, label=None, replace=False)

    def paper_run(start: int, end: int) -> WriteReport:
        return written(renderer.render_papers(papers[start:end]))

    def step_written(step: Step) -> Callable[[], WriteReport]:
        return lambda: written(step())

    pages_done = Progress(len(papers), "Paper pages")
    with executor.running():
        reports, more = executor.map_runs_alongside(
            paper_run,
            len(papers),
            [step_written(step) for step in [*renderer.catalog_steps(), *steps]],
            lambda start, end: pages_done.advance(end - start),
        )
    report = merged([*reports, *more])
    commit(report.staged)
    report.staged = []
    return report
