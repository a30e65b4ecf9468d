"""Loading data/ into a Catalog, and writing a paper back as YAML."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import Problem
from generator.model import Catalog, Location, Paper, Tag
from generator.schema import parse_paper, parse_tags
from generator.yamlfile import dump_yaml, read_yaml

PAPERS_DIR = "papers"
TAGS_FILE = "tags.yml"


@dataclass(frozen=True)
class LoadedCatalog:
    """The catalog with where each paper and tag came from, for messages that point at a line."""

    catalog: Catalog
    paper_locations: tuple[Location, ...] = ()  # in the order of catalog.papers
    # Papers read with problems: never built, but checked for the rest of their problems.
    partial: tuple[tuple[Paper, Location], ...] = ()
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


def paper_file_names(folder: Path) -> list[str]:
    """The sorted names of the paper files in `folder`: what `folder.glob("*.yml")` finds, at a fraction of
    the cost for a catalog of 100,000 files (no Path object for each)."""
    try:
        with os.scandir(folder) as entries:
            return sorted(entry.name for entry in entries if entry.name.endswith(".yml"))
    except (FileNotFoundError, NotADirectoryError, PermissionError):  # glob finds nothing there either
        return []


def paper_display_paths(data_dir: Path, root: Path) -> list[tuple[str, Path]]:
    """Each paper file's path as curators see it (see `display_path`), with its path on disk."""
    folder = data_dir / PAPERS_DIR
    shown = display_path(folder, root)
    return [(f"{shown}/{name}", folder / name) for name in paper_file_names(folder)]


@dataclass(frozen=True)
class SourceFile:
    """The bytes of one data file and its path as curators see it (relative to the project root)."""

    path: str
    data: bytes


def read_data_files(data_dir: Path, root: Path) -> tuple[SourceFile | None, list[SourceFile]]:
    """The tag vocabulary (None when missing) and every paper file of a data folder on disk."""
    tags_path = data_dir / TAGS_FILE
    tags = SourceFile(display_path(tags_path, root), tags_path.read_bytes()) if tags_path.exists() else None
    return tags, [SourceFile(shown, path.read_bytes()) for shown, path in paper_display_paths(data_dir, root)]


def load_tags(source: SourceFile | None) -> tuple[tuple[tuple[Tag, Location], ...], list[Problem]]:
    if source is None:
        return (), [Problem(f"data/{TAGS_FILE}", 0, "the tag vocabulary is missing; create it")]
    data, problems = read_yaml(source.path, source.data, expected="a YAML list of tags")
    return parse_tags(source.path, data) if not problems else ((), problems)


@contextmanager
def collection_paused() -> Iterator[None]:
    """No garbage collection while a catalog is read and checked: it makes no garbage the collector would
    find (no cycles), but each of the collector's passes walks every object read so far, and for 100,000
    papers they took a quarter of the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_catalog(data_dir: Path, root: Path) -> tuple[LoadedCatalog, list[Problem]]:
    """Every paper and the tag vocabulary; entries with problems are left out and their problems returned."""
    with collection_paused():
        return parse_catalog(*read_data_files(data_dir, root))


def parse_catalog(tags_file: SourceFile | None, paper_sources: list[SourceFile]) -> tuple[LoadedCatalog, list[Problem]]:
    """The catalog held in the given files, wherever they were read from (disk, or a git revision)."""
    tags, problems = load_tags(tags_file)
    vocabulary_loaded = not problems
    tags_shown = tags_file.path if tags_file is not None else f"data/{TAGS_FILE}"
    papers: list[tuple[Paper, Location]] = []
    partial: list[tuple[Paper, Location]] = []
    for source in paper_sources:
        data, read_problems = read_yaml(source.path, source.data)
        parsed, parse_problems = parse_paper(source.path, data) if not read_problems else (None, read_problems)
        problems += parse_problems
        if parsed is not None:
            (partial if parse_problems else papers).append(parsed)
    papers.sort(key=lambda pair: pair[0].slug)
    catalog = Catalog(papers=tuple(paper for paper, _ in papers), tags=tuple(tag for tag, _ in tags))
    loaded = LoadedCatalog(
        catalog=catalog,
        paper_locations=tuple(location for _, location in papers),
        tag_locations=tuple(location for _, location in tags),
        tags_path=tags_shown,
        partial=tuple(partial),
        vocabulary_loaded=vocabulary_loaded,
        paper_files=tuple(source.path for source in paper_sources),
    )
    return loaded, problems


def paper_to_data(paper: Paper) -> dict[str, Any]:
    """The YAML mapping of a paper, in the order a curator reads it; empty optional fields left out."""
    data: dict[str, Any] = {
        "slug": paper.slug,
        "title": paper.title,
        "tags": list(paper.tags),
        "abstract": paper.abstract,
    }
    if paper.links:
        data["links"] = [
            {"kind": link.kind, "url": link.url} | ({"original": link.original} if link.original else {})
            for link in paper.links
        ]
    data["listings"] = [{"date": listing.date, "source": listing.source} for listing in paper.listings]
    data["added"] = paper.added
    optional = {
        "aliases": list(paper.aliases),
        "authors": list(paper.authors),
        "year": paper.year,
        "arxiv": paper.arxiv,
    }
    data.update({key: value for key, value in optional.items() if value})
    return data


def dump_paper(paper: Paper) -> str:
    return dump_yaml(paper_to_data(paper))


def paper_path(data_dir: Path, slug: str) -> Path:
    return data_dir / PAPERS_DIR / f"{slug}.yml"
