"""The pipeline from data/ to site/: load, check, render, write, then MkDocs (`build`)."""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urljoin

import yaml
from mkdocs.utils.yaml import get_yaml_loader

from generator.catalog.changes import read_revision
from generator.catalog.check import check_catalog
from generator.catalog.model import Catalog
from generator.catalog.store import PAPERS_DIR, LoadedCatalog, load_catalog
from generator.errors import Problem
from generator.output.outputs import GENERATED, SITE
from generator.output.site import Target, render_site, write_site
from generator.output.writer import FileContent, WriteReport, remove_stale, remove_temporaries, write_files
from generator.related.neighbours import find_related
from generator.runtime.executor import AUTOMATIC, Executor
from generator.runtime.observer import UNOBSERVED, Observer
from generator.search.index import search_files
from generator.site.permalinks import (
    MANIFEST,
    ManifestEntry,
    check_manifest,
    published_at,
    read_manifest,
    render_manifest,
    render_redirects,
)
from generator.site.render import SiteRenderer

CONTRIBUTING = "CONTRIBUTING.md"
# The folders `run_mkdocs` builds the site in and moves the old site to, beside it: `.site.PID.tmp`,
# `.site.old.PID.tmp`.
STAGED_SITE = r"\.{name}\.(?:old\.)?[0-9]+\.tmp"
# The stages `build` names to its observer.
LOAD_STAGE = "load and check"
MARKDOWN_STAGE = "Markdown and search index"
SEARCH_INDEX = "search index"  # within the Markdown stage
MKDOCS_STAGE = "MkDocs"
PUBLISHED_STAGE = "published URLs"


@dataclass(frozen=True)
class Project:
    """Where a PaperShelf project keeps its parts."""

    root: Path

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"


@dataclass(frozen=True)
class Checked:
    """A catalog that was loaded and checked, with the published-URL manifest it was checked against."""

    loaded: LoadedCatalog
    manifest: list[ManifestEntry]
    problems: list[Problem]


def load_and_check(project: Project, since: str | None = None, executor: Executor = AUTOMATIC) -> Checked:
    """Load and check the catalog; with `since`, the pages at that git revision count as published too."""
    with executor.running():
        loaded, problems = load_catalog(project.data_dir, project.root, executor)
        manifest, manifest_problems = read_manifest(project.root)
        if since is not None:
            before, revision_problems = read_revision(project.root, since)
            if before is None:
                return Checked(loaded, manifest, revision_problems)
            recorded = {entry.url for entry in manifest}
            manifest += [entry for entry in published_at(since, before.catalog) if entry.url not in recorded]
        unreadable = unreadable_urls(loaded, manifest)
        problems += manifest_problems + check_catalog(loaded, executor)
        problems += check_manifest(manifest, loaded.catalog, unreadable)
        return Checked(loaded, manifest, sorted(problems))


def unreadable_urls(loaded: LoadedCatalog, manifest: list[ManifestEntry]) -> set[str]:
    """URLs of pages whose data file is there but could not be loaded (a broken vocabulary hides every tag)."""
    loaded_files = {location.path for location in loaded.paper_locations}
    urls = {f"papers/{PurePosixPath(shown).stem}/" for shown in loaded.paper_files if shown not in loaded_files}
    if not loaded.catalog.tags:
        urls |= {entry.url for entry in manifest if entry.url.startswith("tags/")}
    return urls


def check(project: Project, since: str | None = None) -> list[Problem]:
    return load_and_check(project, since).problems


def read_config(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml, with SITE_URL and REPO_URL from the environment as MkDocs itself reads them."""
    with config_file.open(encoding="utf-8") as stream:
        config = yaml.load(stream, Loader=get_yaml_loader())  # noqa: S506 - MkDocs' loader: safe plus !ENV
    return config if isinstance(config, dict) else {}


def read_site_url(config_file: Path) -> str:
    """The site's URL from mkdocs.yml."""
    return str(read_config(config_file).get("site_url") or "/")


def read_addresses(config_file: Path) -> tuple[str, str]:
    """The site's URL and the base of its edit links (`edit_base`), from one reading of mkdocs.yml."""
    config = read_config(config_file)
    return str(config.get("site_url") or "/"), edit_base(config)


def edit_base(config: dict[str, Any]) -> str:
    """The address that opens a file of the repository in GitHub's editor once its path is added, from mkdocs.yml's
    `repo_url` and `edit_uri` (which leads to docs_dir, as MkDocs joins them); empty without a repository."""
    repository, edit_uri = str(config.get("repo_url") or ""), str(config.get("edit_uri") or "")
    if not repository or not edit_uri:
        return ""
    to_root = posixpath.relpath(".", str(config.get("docs_dir") or "docs"))
    return urljoin(f"{repository.rstrip('/')}/{edit_uri.strip('/')}/", f"{to_root}/")


def renderer_of(project: Project, catalog: Catalog, related: dict[str, tuple[str, ...]] | None = None) -> SiteRenderer:
    """The renderer of the site's pages, at the addresses mkdocs.yml gives."""
    site_url, edit_from = read_addresses(project.config_file)
    return SiteRenderer(catalog, site_url, edit_from, related)


def render_pages(project: Project, catalog: Catalog, *, search: bool = True) -> dict[str, FileContent]:
    """Every generated file under docs/, in memory: catalog pages, redirects for old URLs, the contributing
    guide, and the search index unless `search` is false. `write_pages` makes and writes the same files."""
    return render_site(renderer_of(project, catalog), other_steps(project, catalog, search=search))


def other_steps(
    project: Project, catalog: Catalog, *, search: bool = True, observer: Observer = UNOBSERVED
) -> list[Callable[[], dict[str, FileContent]]]:
    """The generated files that are not rendered from templates, in steps: redirects and the contributing guide,
    then the search index unless `search` is false (the observer hears of it as a stage)."""

    def copied() -> dict[str, FileContent]:
        pages: dict[str, FileContent] = dict(render_redirects(catalog))
        contributing = project.root / CONTRIBUTING
        if contributing.exists():
            pages["contributing.md"] = contributing.read_text(encoding="utf-8")
        return pages

    def search_index() -> dict[str, FileContent]:
        with observer.stage(SEARCH_INDEX):
            return dict(search_files(catalog))

    return [copied, search_index] if search else [copied]


def write_pages(
    project: Project,
    catalog: Catalog,
    related: dict[str, tuple[str, ...]] | None = None,
    *,
    search: bool = True,
    observer: Observer = UNOBSERVED,
    executor: Executor = AUTOMATIC,
) -> WriteReport:
    """Render every generated file and write it under docs/ as `write_files` would (only files that changed,
    stale ones removed), each by the process that made it (see `generator.output.site`)."""
    docs = project.docs_dir
    renderer = renderer_of(project, catalog, related)
    steps = other_steps(project, catalog, search=search, observer=observer)
    try:
        report = write_site(renderer, Target(docs), steps, executor)
    except OSError:  # nothing was replaced: the new contents waiting beside their files go too
        remove_leftovers(project)
        raise
    report.removed = remove_stale(docs, GENERATED, set(report.written).union(report.unchanged))
    return report


def remove_leftovers(project: Project, site_dir: Path | None = None) -> list[str]:
    """Remove the temporary files and folders a killed or failed run left wherever the generator writes:
    beside the data files, the generated pages and the site. Only under the project's lock (see
    `generator.output.locking`), so that they cannot be another run's."""
    removed = remove_temporaries(project.root / "data") + remove_temporaries(project.data_dir / PAPERS_DIR)
    removed += remove_temporaries(project.docs_dir)
    removed += [path for owned in GENERATED for path in remove_temporaries(project.docs_dir / owned, recursive=True)]
    site = site_dir or project.root / SITE
    for leftover in _names_like(site.parent, STAGED_SITE.format(name=re.escape(site.name))):
        shutil.rmtree(leftover, ignore_errors=True)
        removed.append(os.fspath(leftover))
    return removed


def _names_like(folder: Path, pattern: str) -> list[Path]:
    try:
        return sorted(path for path in folder.iterdir() if re.fullmatch(pattern, path.name) and path.is_dir())
    except OSError:
        return []


def generate(
    project: Project, observer: Observer = UNOBSERVED, executor: Executor = AUTOMATIC
) -> tuple[WriteReport | None, Checked]:
    """Load and check everything, then write the Markdown; nothing is written if anything is wrong."""
    with observer.stage(LOAD_STAGE):
        checked = load_and_check(project, executor=executor)
    if checked.problems:
        return None, checked
    catalog = checked.loaded.catalog
    with observer.stage(MARKDOWN_STAGE):
        related = find_related(catalog.papers, executor)
        return write_pages(project, catalog, related, observer=observer, executor=executor), checked


@dataclass(frozen=True)
class Built:
    """What a build did: the problems that stopped it, or the Markdown written, MkDocs' exit status (None when
    it was not run) and the record of published URLs."""

    problems: list[Problem]
    markdown: WriteReport | None = None
    mkdocs_status: int | None = None
    manifest: WriteReport | None = None


def build(
    project: Project,
    *,
    site_dir: Path | None = None,
    markdown_only: bool = False,
    observer: Observer = UNOBSERVED,
    executor: Executor = AUTOMATIC,
) -> Built:
    """The pipeline: load and check the catalog; render the pages, related papers and search index and write
    them under docs/ (nothing is written if anything is wrong); build the site with MkDocs; record the URLs it
    published, which `check` keeps alive from then on. `executor` decides how the work runs (on every core, or
    in this process alone), `observer` hears of each stage."""
    markdown, checked = generate(project, observer, executor)
    if markdown is None:
        return Built(checked.problems)
    if markdown_only:
        return Built([], markdown)
    with observer.stage(MKDOCS_STAGE):
        status = run_mkdocs(project, site_dir)
    if status != 0:
        return Built([], markdown, status)
    with observer.stage(PUBLISHED_STAGE):
        manifest = publish_manifest(project, checked)
    return Built([], markdown, status, manifest)


def publish_manifest(project: Project, checked: Checked) -> WriteReport:
    """Record the URLs of this build as published: from now on `check` keeps them alive."""
    text = render_manifest(checked.manifest, checked.loaded.catalog)
    return write_files(project.root, {MANIFEST: text})


def mkdocs_command(project: Project, *arguments: str) -> list[str]:
    return [sys.executable, "-m", "generator.mkdocs.command", *arguments, "--config-file", str(project.config_file)]


def run_mkdocs(project: Project, site_dir: Path | None = None) -> int:
    """A strict MkDocs build: any warning fails it.

    MkDocs builds the site in a new folder beside it, which replaces the site only once it is whole: a build
    that fails (a warning, a full disk) leaves the site as it was."""
    site = project.root / (site_dir or SITE)  # a relative folder is relative to the project, where MkDocs runs
    staged = site.parent / f".{site.name}.{os.getpid()}.tmp"
    environment = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    command = mkdocs_command(project, "build", "--strict", "--site-dir", str(staged))
    try:
        status = subprocess.run(command, env=environment, cwd=project.root, check=False).returncode
        if status == 0:
            _replace_folder(site, staged)
    finally:
        shutil.rmtree(staged, ignore_errors=True)
    return status


def _replace_folder(folder: Path, new: Path) -> None:
    """Put the folder `new` in the place of `folder`, which is removed."""
    old = folder.parent / f".{folder.name}.old.{os.getpid()}.tmp"
    if folder.exists():
        folder.rename(old)
    try:
        new.rename(folder)
    except OSError:
        if old.exists():
            old.rename(folder)
        raise
    shutil.rmtree(old, ignore_errors=True)
