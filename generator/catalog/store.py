"""Loading data/ into a Catalog, and writing a paper back as YAML."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.catalog.datafiles import SourceFile, folder_problem, read_file, read_tags_file, scan_papers
from generator.catalog.declaration import paper_to_yaml
from generator.catalog.model import BrokenPaper, Catalog, Location, Paper, Tag, TagRule
from generator.catalog.schema import parse_paper, parse_tags
from generator.catalog.stars import STARS_FILE, read_stars
from generator.catalog.yamlfile import dump_yaml, read_yaml
from generator.errors import Problem
from generator.runtime.executor import AUTOMATIC, Executor

PAPERS_DIR = "papers"
TAGS_FILE = "tags.yml"


PaperEntry = tuple[Paper, Location]
BrokenEntry = tuple[BrokenPaper, Location]


@dataclass(frozen=True)
class LoadedCatalog:
    """The catalog with where each paper and tag came from, for messages that point at a line."""

    catalog: Catalog
    paper_locations: tuple[Location, ...] = ()  # in the order of catalog.papers
    # What the paper files read with problems still hold: no Paper, but checked for the rest of their problems.
    broken: tuple[BrokenEntry, ...] = ()
    vocabulary_loaded: bool = True
    tag_locations: tuple[Location, ...] = ()  # in the order of catalog.tags
    tags_path: str = f"data/{TAGS_FILE}"
    paper_files: tuple[str, ...] = ()  # every paper file read, loaded or not, as curators see its path


def display_path(path: Path, root: Path) -> str:
    """`path` as the curator sees it in the repository: relative to the project root when inside it."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


# The tag vocabulary's file: read, missing (None), or kept from being read by a problem.
TagsSource = SourceFile | Problem | None


def load_tags(source: TagsSource) -> tuple[tuple[tuple[Tag, Location], ...], list[Problem]]:
    if source is None:
        return (), [Problem(f"data/{TAGS_FILE}", 0, "the tag vocabulary is missing; create it")]
    if isinstance(source, Problem):
        return (), [source]
    data, problems = read_yaml(source.path, source.data, expected="a YAML list of tags")
    return parse_tags(source.path, data) if not problems else ((), problems)


@dataclass(frozen=True)
class PapersRead:
    """What a run of paper files holds: the papers read whole, what the files read with problems still hold,
    and the problems, each in the order of the files."""

    papers: list[PaperEntry]
    broken: list[BrokenEntry]
    problems: list[Problem]


def read_papers(sources: Iterable[SourceFile | Problem]) -> PapersRead:
    """The papers in the given files, each read and checked against the schema (or the problem that kept a
    file from being read)."""
    read = PapersRead([], [], [])
    for source in sources:
        if isinstance(source, Problem):
            read.problems.append(source)
            continue
        data, read_problems = read_yaml(source.path, source.data)
        parsed, parse_problems = parse_paper(source.path, data) if not read_problems else (None, read_problems)
        read.problems.extend(parse_problems)
        if parsed is None:
            continue
        paper, location = parsed
        if isinstance(paper, Paper):
            read.papers.append((paper, location))
        else:
            read.broken.append((paper, location))
    return read


def load_catalog(data_dir: Path, root: Path, executor: Executor = AUTOMATIC) -> tuple[LoadedCatalog, list[Problem]]:
    """Every paper and the tag vocabulary; entries with problems are left out and their problems returned.

    The paper files are read in runs, as `executor` runs them. Only plain files are read (see
    `generator.catalog.datafiles`)."""
    with executor.running():
        refused = folder_problem(data_dir, display_path(data_dir, root), root)
        tags_path = data_dir / TAGS_FILE
        tags_shown = display_path(tags_path, root)
        tags = refused or read_tags_file(tags_path, tags_shown, root)
        folder = data_dir / PAPERS_DIR
        shown, on_disk = display_path(folder, root), os.fspath(folder)
        names, problems = scan_papers(folder, shown, root) if refused is None else ([], [])

        def read_run(start: int, end: int) -> PapersRead:
            return read_papers(read_file(f"{on_disk}/{name}", f"{shown}/{name}", root) for name in names[start:end])

        refused_files = [problem.path for problem in problems]
        loaded, more = _catalog(tags, [f"{shown}/{name}" for name in names], read_run, executor, tags_shown)
        stars, star_problems = (
            ((), [])
            if refused
            else read_stars(data_dir / STARS_FILE, f"{display_path(data_dir, root)}/{STARS_FILE}", root)
        )
        catalog = dataclasses.replace(loaded.catalog, stars=stars)
        loaded = dataclasses.replace(loaded, catalog=catalog, paper_files=(*loaded.paper_files, *refused_files))
        return loaded, problems + more + star_problems


def parse_catalog(
    tags_file: TagsSource, paper_sources: list[SourceFile], executor: Executor = AUTOMATIC
) -> tuple[LoadedCatalog, list[Problem]]:
    """The catalog held in the given files, wherever they were read from (disk, or a git revision)."""
    with executor.running():
        paths = [source.path for source in paper_sources]
        return _catalog(tags_file, paths, lambda start, end: read_papers(paper_sources[start:end]), executor)


def _catalog(
    tags_file: TagsSource,
    paper_files: list[str],
    read_run: Callable[[int, int], PapersRead],
    executor: Executor,
    tags_shown: str = f"data/{TAGS_FILE}",
) -> tuple[LoadedCatalog, list[Problem]]:
    """The catalog of the tag vocabulary and the paper files, whose runs [start, end) `read_run` reads."""
    tags, problems = load_tags(tags_file)
    vocabulary_loaded = not problems
    tags_shown = tags_file.path if tags_file is not None else tags_shown
    papers: list[PaperEntry] = []
    broken: list[BrokenEntry] = []
    for run in executor.map_runs(read_run, len(paper_files)):
        papers += run.papers
        broken += run.broken
        problems += run.problems
    papers.sort(key=lambda pair: pair[0].slug)
    catalog = Catalog(papers=tuple(paper for paper, _ in papers), tags=tuple(tag for tag, _ in tags))
    loaded = LoadedCatalog(
        catalog=catalog,
        paper_locations=tuple(location for _, location in papers),
        tag_locations=tuple(location for _, location in tags),
        tags_path=tags_shown,
        broken=tuple(broken),
        vocabulary_loaded=vocabulary_loaded,
        paper_files=tuple(paper_files),
    )
    return loaded, problems


def paper_to_data(paper: Paper) -> dict[str, Any]:
    """The YAML mapping of a paper, in the order a curator reads it; empty optional fields left out."""
    return paper_to_yaml(paper)


def dump_paper(paper: Paper) -> str:
    return dump_yaml(paper_to_data(paper))


def tag_to_data(tag: Tag) -> dict[str, Any]:
    """The YAML mapping of a tag, as `parse_tags` reads it back: the description, rules and aliases only when it
    has them (the schema refuses an empty description, and reads a missing one as empty)."""
    data: dict[str, Any] = {"slug": tag.slug, "name": tag.name}
    data |= {"description": tag.description} if tag.description else {}
    if tag.rule != TagRule():
        patterns = {"title": tag.rule.title, "abstract": tag.rule.abstract, "ignore": tag.rule.ignore}
        rule: dict[str, Any] = {name: [pattern.source for pattern in kept] for name, kept in patterns.items() if kept}
        data["match"] = rule | {"min_hits": tag.rule.min_hits}
    return data | ({"aliases": list(tag.aliases)} if tag.aliases else {})


def dump_tags(tags: Iterable[Tag]) -> str:
    """The tag vocabulary as the YAML list data/tags.yml holds."""
    return dump_yaml([tag_to_data(tag) for tag in tags])


def paper_path(data_dir: Path, slug: str) -> Path:
    return data_dir / PAPERS_DIR / f"{slug}.yml"
