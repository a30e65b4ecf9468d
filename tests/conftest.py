"""Shared fixtures: throwaway copies of a project, so tests never touch the working tree."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright

from generator.catalog.model import Catalog
from generator.catalog.patterns import Pattern, compile_pattern
from generator.catalog.store import load_catalog
from generator.site.serving import CHROMIUM, CHROMIUM_ARGUMENTS

REPOSITORY = Path(__file__).resolve().parent.parent
FIXTURES = REPOSITORY / "tests" / "fixtures"
PROJECT_FILES = ("mkdocs.yml", "docs", "overrides", "generator", "CONTRIBUTING.md")


def patterns(*sources: str) -> tuple[Pattern, ...]:
    """Tag rule patterns that must compile."""
    compiled = [compile_pattern(source) for source in sources]
    assert all(reason is None for _, reason in compiled), compiled
    return tuple(pattern for pattern, _ in compiled if pattern is not None)


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


def cli_command(project: Path, *arguments: str) -> list[str]:
    return [sys.executable, "-m", "generator", "--root", str(project), *arguments]


def run_cli(project: Path, *arguments: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m generator --root PROJECT ARGUMENTS...`, as a curator runs it."""
    command = cli_command(project, *arguments)
    return subprocess.run(command, capture_output=True, text=True, check=False, cwd=REPOSITORY, env=env)


def built_site(project: Path) -> Path:
    """Build `project` and return its site folder; a failed build fails the test with its messages."""
    result = run_cli(project, "build")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, driven by Playwright; a missing browser fails the tests, never skips them."""
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing at /usr/bin/chromium: install it with `apt-get install chromium`")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGUMENTS)
        yield launched
        launched.close()


def load_clean(data_dir: Path) -> Catalog:
    """The catalog in `data_dir`, which must load without a problem."""
    loaded, problems = load_catalog(data_dir, REPOSITORY)
    assert problems == []
    return loaded.catalog


@pytest.fixture(scope="session")
def bundled() -> Catalog:
    """The 111 papers of the bundled listings."""
    return load_clean(REPOSITORY / "data")


@pytest.fixture(scope="session")
def fixture_catalog() -> Catalog:
    """The three-paper fixture catalog."""
    return load_clean(FIXTURES / "catalog" / "data")


def local_only(context: BrowserContext) -> list[str]:
    """Every request of `context` to another host than the site's, refused and listed: readers' browsers ask
    none (no badge images, no repository facts from api.github.com)."""
    elsewhere: list[str] = []

    def refuse(route: Route) -> None:
        if route.request.url.startswith("http://127.0.0.1"):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", refuse)
    return elsewhere


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A desktop browser context (1280 by 900, light) that asks no host but the local site's."""
    opened = browser.new_context(viewport={"width": 1280, "height": 900})
    elsewhere = local_only(opened)
    yield opened
    opened.close()
    assert elsewhere == []


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()
