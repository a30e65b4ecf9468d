"""`python -m generator bench --parts`: the processor time of each part of loading, checking and writing the
Markdown, one part after another.

The build runs these parts on every core at once, and alongside each other, so its stage times do not say
which part costs what. Here each part runs alone, and its processor time (this process's and that of the
helpers it forks) is what it costs whatever the number of cores: their sum, spread over every core with
nothing lost, is the least time the build's own stages can take on this machine.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from generator.catalog.check import check_catalog
from generator.catalog.store import load_catalog
from generator.output.writer import FileContent, write_changed
from generator.pipeline import Project, other_steps, read_site_url
from generator.related.neighbours import RelatedIndex
from generator.runtime.executor import AUTOMATIC
from generator.site.render import SiteRenderer, paper_page

T = TypeVar("T")


def processor_seconds() -> float:
    """User and system time of this process and of the helpers it has waited for."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


class PartTimes(dict[str, float]):
    """Processor seconds by part, in the order the parts ran."""

    def measure(self, name: str, action: Callable[[], T]) -> T:
        started = processor_seconds()
        result = action()
        self[name] = round(processor_seconds() - started, 2)
        return result


def measure_parts(project: Project) -> PartTimes:
    """Load, check, render and write `project`'s catalog as a build does, part by part, writing into a new
    folder rather than docs/ (writing a file costs more than finding it unchanged)."""
    parts = PartTimes()
    with AUTOMATIC.running():
        loaded, _ = parts.measure("load", lambda: load_catalog(project.data_dir, project.root))
        parts.measure("check", lambda: check_catalog(loaded))
        catalog = loaded.catalog
        site_url = read_site_url(project.config_file)
        index = parts.measure(
            "related-papers index, title order", lambda: RelatedIndex(catalog.papers, executor=AUTOMATIC)
        )
        related = parts.measure("related papers", lambda: index.related(index.slugs))
        renderer = SiteRenderer(catalog, site_url, related=related)
        files: dict[str, FileContent] = {}
        files |= parts.measure(
            "paper pages", lambda: {paper_page(paper): renderer.render_paper(paper) for paper in catalog.papers}
        )
        files |= parts.measure("tag and list pages", renderer.render_lists)
        files |= parts.measure("feeds", renderer.render_feeds)
        files |= parts.measure("exports and BibTeX, gzipped", renderer.render_downloads)
        steps = other_steps(project, catalog)
        files |= parts.measure("search index, redirects", lambda: {k: v for step in steps for k, v in step().items()})
        with tempfile.TemporaryDirectory(prefix="papershelf-parts-", dir=project.root) as folder:
            parts.measure("write into a new folder", lambda: write_changed(Path(folder), files, False, label=None))
    return parts
