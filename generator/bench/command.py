"""`python -m generator bench`: build a synthetic catalog of N papers for real, and measure every stage."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from generator import pipeline
from generator.bench.browsing import first_visit, launched_chromium
from generator.bench.curation import measure_curation
from generator.bench.memory import TreeMemory
from generator.bench.parts import measure_parts
from generator.bench.sizes import PAPER_PAGE_BUDGET, measure_site
from generator.bench.synthetic import synthetic_catalog
from generator.catalog.model import Catalog
from generator.catalog.store import dump_paper, dump_tags, load_catalog
from generator.output.outputs import GENERATED
from generator.output.writer import write_files
from generator.pipeline import Project, load_and_check, write_pages
from generator.runtime.observer import Stopwatch
from generator.runtime.workers import worker_count

T = TypeVar("T")
SETUP_STAGES = ("synthesise", "write data files")
PROJECT_FILES = ("mkdocs.yml", "docs", "overrides", "CONTRIBUTING.md")
BARE_CONFIG = """\
site_name: Bare
site_url: https://example.org/bare/
docs_dir: {docs}
site_dir: {site}
theme:
  name: material
nav:
  - Home: index.md
  - Tags: tags/index.md
  - All papers: papers/index.md
not_in_nav: |
  /papers/*.md
  /tags/*.md
  /*.md
plugins: []
markdown_extensions: [attr_list, md_in_html, pymdownx.highlight, pymdownx.superfences, toc]
"""


@dataclass
class Report:
    papers: int
    stages: dict[str, float] = field(default_factory=dict)
    # Steps done inside a stage, alongside other work, by the stage they belong to: not added to the build time.
    within: dict[str, dict[str, float]] = field(default_factory=dict)
    peak_memory_mb: float = 0.0
    site_mb: float = 0.0
    site_breakdown_mb: dict[str, float] = field(default_factory=dict)
    site_files: int = 0
    pages_artifact_mb: float = 0.0
    pages_artifact_gzip_mb: float = 0.0
    paper_page_median_bytes: int = 0
    paper_page_max_bytes: int = 0
    paper_pages_over_budget: float = 0.0  # share of paper pages larger than PAPER_PAGE_BUDGET
    files_rewritten_by_second_run: int = -1
    search: dict[str, Any] = field(default_factory=dict)
    bare_mkdocs_seconds: float | None = None
    build_over_bare: float | None = None
    # Processor seconds of each part of loading, checking and writing the Markdown, run one after another.
    parts: dict[str, float] = field(default_factory=dict)
    cores: int = field(default_factory=worker_count)
    # Seconds of what a curator runs on the catalog once built: importing a day's listing, then `check`.
    curation: dict[str, float] = field(default_factory=dict)

    @property
    def build_seconds(self) -> float:
        """What `python -m generator build` does: every stage but making the synthetic data files."""
        return sum(seconds for stage, seconds in self.stages.items() if stage not in SETUP_STAGES)


@contextmanager
def stage(report: Report, name: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    report.stages[name] = round(time.perf_counter() - started, 3)
    say(f"{name}: {report.stages[name]} s")


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def timed(report: Report, name: str, action: Callable[[], T]) -> T:
    with stage(report, name):
        return action()


def make_project(root: Path, catalog: Catalog, repository: Path) -> Project:
    for name in PROJECT_FILES:
        source = repository / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns(*GENERATED, "__pycache__"))
        elif source.exists():
            shutil.copy2(source, root / name)
    (root / "generator").symlink_to(repository / "generator")
    files = {"data/tags.yml": dump_tags(catalog.tags)} | {
        f"data/papers/{p.slug}.yml": dump_paper(p) for p in catalog.papers
    }
    write_files(root, files, durable=False)  # throwaway data: no need to wait for the disk
    return Project(root)


def run_bare_mkdocs(project: Project, config: Path, site: Path) -> None:
    """MkDocs on the bare configuration: the build the generator's is compared with."""
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--quiet",
        "--config-file",
        str(config),
        "--site-dir",
        str(site),
    ]
    environment = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(command, cwd=project.root, env=environment, check=True)


def bare_markdown(docs: Path, target: Path) -> Path:
    """The generated Markdown as it is, but for the `template:` lines, which name overrides."""
    shutil.copytree(docs, target)
    for page in target.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(
            text.replace("template: paper.html\n", "").replace("template: list.html\n", ""), encoding="utf-8"
        )
    return target


def common_and_rare_words(catalog: Catalog) -> tuple[str, str]:
    from collections import Counter

    counts = Counter(word for paper in catalog.papers for word in set(paper.title.lower().split()) if word.isalpha())
    common = max((word for word in counts if len(word) > 5), key=lambda word: counts[word])
    rare = min((word for word in counts if len(word) > 7), key=lambda word: (counts[word], word))
    return common, rare


def measure_search(site: Path, words: tuple[str, str]) -> dict[str, Any]:
    """Bytes fetched and time to the first results, for a first search in a fresh Chromium."""
    from generator.site.serving import serve

    results: dict[str, Any] = {}
    with serve(site) as base, launched_chromium() as browser:
        for kind, word in zip(("common", "rare"), words, strict=True):
            with first_visit(browser, base) as visit:
                started = time.perf_counter()
                visit.page.fill("#ps-search-input", word)
                visit.page.wait_for_selector(".ps-search__results li", timeout=180_000)
                seconds = time.perf_counter() - started
                visit.page.wait_for_timeout(300)
                results[kind] = {"word": word, "seconds": round(seconds, 2), "kilobytes": round(visit.kilobytes, 1)}
    return results


def run_bench(repository: Path, papers: int, baseline: bool, browser: bool, parts: bool = False) -> Report:
    report = Report(papers)
    with tempfile.TemporaryDirectory(prefix="papershelf-bench-") as folder:
        # The synthetic catalog is dropped once written: from here on this process holds what the build holds.
        project, words = synthesise(report, repository, papers, Path(folder))
        with TreeMemory() as memory:
            build(report, project)
            report.files_rewritten_by_second_run = rebuild(project)
        report.peak_memory_mb = round(memory.peak_mb, 1)
        if parts:
            say("processor time by part, one part after another")
            report.parts = dict(measure_parts(project))
        site = project.root / "site"
        measure_site(report, site)
        if browser:
            report.search = measure_search(site, words)
        if baseline:
            bare = project.root / "bare.yml"
            bare_docs = bare_markdown(project.docs_dir, project.root / "bare-docs")
            bare.write_text(BARE_CONFIG.format(docs=bare_docs, site=project.root / "bare-site"))
            started = time.perf_counter()
            run_bare_mkdocs(project, bare, project.root / "bare-site")
            report.bare_mkdocs_seconds = round(time.perf_counter() - started, 2)
            report.build_over_bare = round(report.build_seconds / report.bare_mkdocs_seconds, 2)
        report.curation = measure_curation(project.root, bundled_catalog(repository))
        for name, seconds in report.curation.items():
            say(f"{name}: {seconds} s")
    return report


def bundled_catalog(repository: Path) -> Catalog:
    """The repository's own catalog, whose words and tags the synthetic papers are drawn from."""
    loaded, _ = load_catalog(repository / "data", repository)
    return loaded.catalog


def synthesise(report: Report, repository: Path, papers: int, folder: Path) -> tuple[Project, tuple[str, str]]:
    """A project of `papers` synthetic papers in `folder`, and a common and a rare word of their titles."""
    bundled = bundled_catalog(repository)
    synthetic = timed(report, "synthesise", lambda: synthetic_catalog(papers, bundled))
    project = timed(report, "write data files", lambda: make_project(folder, synthetic, repository))
    return project, common_and_rare_words(synthetic)


def build(report: Report, project: Project) -> None:
    """`python -m generator build`, its stages timed by the observer it is given."""

    def told(name: str, seconds: float, within: str | None) -> None:
        say(f"{name}: {seconds:.2f} s" if within is None else f"  of which {name}: {seconds:.2f} s")

    stopwatch = Stopwatch(told)
    built = pipeline.build(project, observer=stopwatch)
    if built.problems or built.mkdocs_status != 0:
        raise SystemExit("\n".join(map(str, built.problems[:20])) or "the MkDocs build failed")
    report.stages |= {name: round(seconds, 3) for name, seconds in stopwatch.seconds.items()}
    report.within = {
        stage: {name: round(s, 2) for name, s in steps.items()} for stage, steps in stopwatch.within.items()
    }


def rebuild(project: Project) -> int:
    """How many files a second generation with no data change writes or removes."""
    again = load_and_check(project)
    rewritten = write_pages(project, again.loaded.catalog)  # as `build` writes
    return len(rewritten.written) + len(rewritten.removed)


def render_report(report: Report) -> str:
    lines = [f"PaperShelf benchmark, {report.papers:,} papers"]
    for name, seconds in report.stages.items():
        lines.append(f"  {name:<25} {seconds:8.2f} s")
        parts = report.within.get(name, {})
        lines += [
            f"    {step:<23} {part:8.2f} s  (made alongside, within the stage above)" for step, part in parts.items()
        ]
    lines.append(f"  {'whole build':<25} {report.build_seconds:8.2f} s  (load and check to published URLs)")
    if report.bare_mkdocs_seconds is not None:
        bare, ratio = report.bare_mkdocs_seconds, report.build_over_bare
        lines.append(f"  {'bare MkDocs build':<25} {bare:8.2f} s  (ratio {ratio})")
    lines.append(f"  {'peak memory':<25} {report.peak_memory_mb:8.1f} MB  (this process and its children together)")
    lines.append(f"  {'site':<25} {report.site_mb:8.1f} MB  in {report.site_files:,} files")
    lines += [f"    {part:<23} {size:6.1f} MB" for part, size in report.site_breakdown_mb.items()]
    artifact, gzipped = report.pages_artifact_mb, report.pages_artifact_gzip_mb
    lines.append(f"  {'Pages artifact':<25} {artifact:8.1f} MB as a tar, {gzipped} MB gzipped as it is uploaded")
    lines.append(
        f"  {'paper page':<25} median {report.paper_page_median_bytes:,} B, largest {report.paper_page_max_bytes:,} B,"
        f" {report.paper_pages_over_budget:.1%} over {PAPER_PAGE_BUDGET:,} B"
    )
    lines.append(f"  second run rewrote {report.files_rewritten_by_second_run} files")
    if report.parts:
        lines.append("  processor time by part, one after another (this process and its helpers):")
        lines += [f"    {part:<35} {seconds:8.2f} s" for part, seconds in report.parts.items()]
        total = sum(report.parts.values())
        lines.append(f"    {'sum':<35} {total:8.2f} s, {total / report.cores:.2f} s at best on {report.cores} cores")
    for name, seconds in report.curation.items():
        lines.append(f"  {name:<25} {seconds:8.2f} s  (a curator's command, after the build)")
    for kind, figures in report.search.items():
        word, seconds, kilobytes = figures["word"], figures["seconds"], figures["kilobytes"]
        lines.append(f"  first search, {kind} word {word!r}: {seconds} s, {kilobytes} KB fetched")
    return "\n".join(lines)


def bench(
    repository: Path, papers: int, json_path: Path | None, baseline: bool, browser: bool, parts: bool = False
) -> int:
    report = run_bench(repository, papers, baseline, browser, parts)
    print(render_report(report))
    if json_path is not None:
        write_json(report, json_path)
    return 0


def write_json(report: Report, path: Path) -> None:
    data = asdict(report) | {"build_seconds": round(report.build_seconds, 2)}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
