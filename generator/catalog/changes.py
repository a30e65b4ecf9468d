"""What a change does to the catalog, against a git revision, as Markdown for a pull request."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from generator.catalog.datafiles import SourceFile
from generator.catalog.model import Catalog, Paper
from generator.catalog.store import PAPERS_DIR, TAGS_FILE, LoadedCatalog, parse_catalog
from generator.errors import Problem
from generator.listings.escaping import escape_markdown
from generator.site.templating import template_environment


@dataclass(frozen=True)
class TagChange:
    paper: Paper
    added: tuple[str, ...]
    removed: tuple[str, ...]


@dataclass
class CatalogChanges:
    added: list[Paper] = field(default_factory=list)
    removed: list[Paper] = field(default_factory=list)
    moved: list[tuple[Paper, Paper]] = field(default_factory=list)  # old paper, paper whose aliases took its slug
    retitled: list[tuple[Paper, Paper]] = field(default_factory=list)  # before, after
    retagged: list[TagChange] = field(default_factory=list)
    tags_added: list[str] = field(default_factory=list)
    tags_removed: list[str] = field(default_factory=list)
    # Papers no curator has tagged yet, before and after: counted, whether or not this change moves them.
    needs_tags: tuple[int, int] = (0, 0)

    @property
    def is_empty(self) -> bool:
        return not any(value for name, value in vars(self).items() if name != "needs_tags")


def read_revision(root: Path, revision: str) -> tuple[LoadedCatalog | None, list[Problem]]:
    """The catalog as it was at `revision` of the git repository at `root`."""
    listing = subprocess.run(
        ["git", "ls-tree", "-r", "-z", revision, "--", f"data/{TAGS_FILE}", f"data/{PAPERS_DIR}/"],
        cwd=root,
        capture_output=True,
        check=False,
    )
    if listing.returncode != 0:
        return None, [
            Problem(revision, 0, f"'{revision}' is not a git revision of {root}; give a branch, tag or commit")
        ]
    blobs: list[tuple[str, str]] = []
    for record in listing.stdout.decode("utf-8").split("\0"):
        if record:
            meta, path = record.split("\t", 1)
            blobs.append((path, meta.split()[2]))
    contents = [read_blob(root, blob) for _, blob in blobs]
    files = [SourceFile(f"{revision}:{path}", data) for (path, _), data in zip(blobs, contents, strict=True)]
    tags = next((file for file in files if file.path.endswith(f":data/{TAGS_FILE}")), None)
    papers = [file for file in files if file.path.endswith(".yml") and file is not tags]
    return parse_catalog(tags, papers)


def read_blob(root: Path, blob: str) -> bytes:
    return subprocess.run(["git", "cat-file", "blob", blob], cwd=root, capture_output=True, check=True).stdout


def compare(before: Catalog, after: Catalog) -> CatalogChanges:
    changes = CatalogChanges(needs_tags=(count_needing_tags(before), count_needing_tags(after)))
    old = {paper.slug: paper for paper in before.papers}
    new = {paper.slug: paper for paper in after.papers}
    aliased = {alias: paper for paper in after.papers for alias in paper.aliases}
    for slug, paper in sorted(new.items()):
        if slug not in old and not any(alias in old for alias in paper.aliases):
            changes.added.append(paper)
    for slug, paper in sorted(old.items()):
        if slug in new:
            continue
        if slug in aliased:
            changes.moved.append((paper, aliased[slug]))
        else:
            changes.removed.append(paper)
    for slug in sorted(set(old) & set(new)):
        if old[slug].title != new[slug].title:
            changes.retitled.append((old[slug], new[slug]))
        added = tuple(tag for tag in new[slug].tags if tag not in old[slug].tags)
        removed = tuple(tag for tag in old[slug].tags if tag not in new[slug].tags)
        if added or removed:
            changes.retagged.append(TagChange(new[slug], added, removed))
    old_tags = {tag.slug for tag in before.tags}
    new_tags = {tag.slug for tag in after.tags}
    changes.tags_added = sorted(new_tags - old_tags)
    changes.tags_removed = sorted(old_tags - new_tags)
    return changes


def count_needing_tags(catalog: Catalog) -> int:
    return sum(paper.needs_tags for paper in catalog.papers)


def render_changes(changes: CatalogChanges, revision: str) -> str:
    environment = template_environment()
    environment.filters["md"] = escape_markdown
    return environment.get_template("changes.md.j2").render(changes=changes, revision=revision)
