"""The pipeline from data/ to site/: load, check, render, write, then MkDocs."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.catalog import load_catalog
from generator.check import check_catalog
from generator.errors import Problem
from generator.render import render_site
from generator.write import WriteReport, write_files

# Paths under docs/ that the generator owns; everything else in docs/ is written by hand.
GENERATED = ("index.md", "papers", "tags")


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


def check(project: Project) -> list[Problem]:
    loaded, problems = load_catalog(project.data_dir, project.root)
    return sorted(problems + check_catalog(loaded))


def generate(project: Project) -> tuple[WriteReport | None, list[Problem]]:
    """Load and check everything, then write the Markdown; nothing is written if anything is wrong."""
    loaded, problems = load_catalog(project.data_dir, project.root)
    problems = sorted(problems + check_catalog(loaded))
    if problems:
        return None, problems
    pages = render_site(loaded.catalog)
    return write_files(project.docs_dir, pages, owned=GENERATED), []


def mkdocs_command(project: Project, *arguments: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", *arguments, "--config-file", str(project.config_file)]


def run_mkdocs(project: Project, site_dir: Path | None = None) -> int:
    """A strict MkDocs build: any warning fails it."""
    arguments = ["build", "--strict"]
    if site_dir is not None:
        arguments += ["--site-dir", str(site_dir)]
    environment = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    command = mkdocs_command(project, *arguments)
    return subprocess.run(command, env=environment, cwd=project.root, check=False).returncode
