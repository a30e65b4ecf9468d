"""Shared fixtures: throwaway copies of a project, so tests never touch the working tree."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parent.parent
FIXTURES = REPOSITORY / "tests" / "fixtures"
PROJECT_FILES = ("mkdocs.yml", "docs", "overrides", "generator", "CONTRIBUTING.md")


def copy_project(target: Path, data: Path) -> Path:
    """A project in `target` with the repository's site configuration and the given data folder."""
    target.mkdir(parents=True)
    for name in PROJECT_FILES:
        source = REPOSITORY / name
        if not source.exists():
            continue
        if source.is_dir():
            ignored = shutil.ignore_patterns("index.md", "papers", "tags", "contributing.md", "__pycache__")
            shutil.copytree(source, target / name, ignore=ignored)
        else:
            shutil.copy2(source, target / name)
    shutil.copytree(data, target / "data")
    return target


@pytest.fixture
def fixture_project(tmp_path: Path) -> Path:
    """The three-paper fixture catalog in a project of its own."""
    return copy_project(tmp_path / "project", FIXTURES / "catalog" / "data")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()
    }
