"""Import never leaves a catalog that `check` refuses or `build` cannot build: any listing that `import`
accepts, of random titles and abstracts, gives data files that pass `check`, and a site."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, note, settings

from generator.__main__ import main
from tests.conftest import FIXTURES, copy_project, run_cli
from tests.test_properties import listings

IMPORTED = settings(
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("import-template") / "project", FIXTURES / "catalog" / "data")


def imported(template: Path, folder: Path, text: str) -> tuple[Path, int]:
    """A copy of the template project with the listing `text` imported, and import's exit status."""
    project = folder / "project"
    shutil.copytree(template, project)
    listing = folder / "listing.txt"
    listing.write_text(text, encoding="utf-8", newline="")
    return project, main(["--root", str(project), "import", str(listing), "--added", "2026-11-30"])


@settings(IMPORTED, max_examples=40)
@given(listings())
def test_an_accepted_import_passes_check(
    template: Path, tmp_path_factory: pytest.TempPathFactory, listing: tuple[str, object]
) -> None:
    project, status = imported(template, tmp_path_factory.mktemp("import"), listing[0])
    if status == 0:
        assert main(["--root", str(project), "check"]) == 0


@settings(IMPORTED, max_examples=4)
@given(listings())
def test_an_accepted_import_builds(
    template: Path, tmp_path_factory: pytest.TempPathFactory, listing: tuple[str, object]
) -> None:
    project, status = imported(template, tmp_path_factory.mktemp("import-build"), listing[0])
    note(f"import exit status {status}")
    if status == 0:
        result = run_cli(project, "build")
        assert result.returncode == 0, result.stderr
