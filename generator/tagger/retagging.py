"""`retag`: suggestions made again for every paper, after the vocabulary or the curated tags changed.

Only `suggested_tags` changes: `tags` is what curators wrote, and no command touches it."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from generator.catalog.model import Catalog, Paper
from generator.catalog.store import display_path, load_catalog, paper_path
from generator.errors import Problem
from generator.listings.importer import write_papers
from generator.output.outputs import CACHE
from generator.runtime.progress import progress
from generator.tagger.suggester import Suggester


@dataclass(frozen=True)
class Retagged:
    """What retagging changed in one paper's suggestions."""

    paper: Paper
    added: tuple[str, ...]
    removed: tuple[str, ...]


def resuggest(
    catalog: Catalog, only: str | None = None, everyone: bool = False, cache: Path | None = None
) -> list[Retagged]:
    """Each paper whose suggestions change, with its new `suggested_tags`; `only` limits the change to one tag.

    The papers no curator has tagged, unless `everyone`: a curator who tagged a paper has decided its tags, and
    suggestions beside them would only crowd its page."""
    papers = [paper for paper in catalog.papers if everyone or paper.needs_tags]
    fresh = Suggester(catalog, cache).suggest_all(
        [(paper.title, paper.abstract) for paper in progress(papers, "Suggesting tags")]
    )
    changed: list[Retagged] = []
    for paper, suggested in zip(papers, fresh, strict=True):
        wanted = tuple(tag for tag in suggested if tag not in paper.tags)
        if only is not None:
            kept = tuple(tag for tag in paper.suggested_tags if tag != only)
            wanted = kept + ((only,) if only in wanted else ())
        if wanted == paper.suggested_tags:
            continue
        added = tuple(tag for tag in wanted if tag not in paper.suggested_tags)
        removed = tuple(tag for tag in paper.suggested_tags if tag not in wanted)
        changed.append(Retagged(dataclasses.replace(paper, suggested_tags=wanted), added, removed))
    return changed


def retag(
    root: Path, only: str | None = None, dry_run: bool = False, everyone: bool = False
) -> tuple[list[Retagged], list[Problem]]:
    """Suggest tags again for every paper of the catalog under `root` and write the papers whose suggestions
    changed (unless `dry_run`); nothing is written if the catalog has a problem or `only` is not a tag."""
    loaded, problems = load_catalog(root / "data", root)
    if problems:
        return [], problems
    if only is not None and only not in {tag.slug for tag in loaded.catalog.tags}:
        return [], [Problem(loaded.tags_path, 0, f"there is no tag '{only}' to retag; add it to the vocabulary first")]
    changed = resuggest(loaded.catalog, only, everyone, root / CACHE)
    if not dry_run:
        write_papers(root, [change.paper for change in changed])
    return changed, []


def describe(change: Retagged, root: Path) -> str:
    """One line for the curator: the paper's file, then the suggestions added (+) and removed (−)."""
    path = display_path(paper_path(root / "data", change.paper.slug), root)
    signs = [f"+{tag}" for tag in change.added] + [f"−{tag}" for tag in change.removed]
    return f"{path}: {' '.join(signs)}"
