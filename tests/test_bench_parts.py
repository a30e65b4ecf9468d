"""The processor time of each part of the Markdown stages, measured on a real project."""

from __future__ import annotations

import time
from pathlib import Path

from generator.bench.command import make_project
from generator.bench.parts import PartTimes, measure_parts
from generator.bench.synthetic import synthetic_catalog
from generator.catalog.model import Catalog
from generator.pipeline import Project
from generator.runtime.workers import map_runs

REPOSITORY = Path(__file__).resolve().parent.parent
PARTS = [
    "load",
    "check",
    "related-papers index, title order",
    "related papers",
    "paper pages",
    "tag and list pages",
    "feeds",
    "exports and BibTeX, gzipped",
    "search index, redirects",
    "write into a new folder",
]


def spin(start: int, end: int) -> int:
    """Keep a processor busy for 0.3 s a run."""
    until = time.process_time() + 0.3 * (end - start)
    while time.process_time() < until:
        pass
    return end - start


def test_a_part_counts_the_processor_time_of_the_helpers_it_forks() -> None:
    parts = PartTimes()
    # Two runs on two processes: one here, one in a forked helper, each busy for 0.3 s.
    assert parts.measure("spin", lambda: map_runs(spin, 2, 2)) == [1, 1]
    assert parts["spin"] >= 0.55


def test_every_part_is_measured_and_nothing_is_written_to_docs(tmp_path: Path, bundled: Catalog) -> None:
    project: Project = make_project(tmp_path, synthetic_catalog(60, bundled), REPOSITORY)
    docs_before = sorted(path.relative_to(project.root) for path in project.docs_dir.rglob("*"))
    parts = measure_parts(project)
    assert list(parts) == PARTS
    assert all(seconds >= 0 for seconds in parts.values())
    assert sum(parts.values()) > 0
    assert sorted(path.relative_to(project.root) for path in project.docs_dir.rglob("*")) == docs_before
    assert not list(project.root.glob("papershelf-parts-*"))
