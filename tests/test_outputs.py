"""The generator's outputs, listed once (generator/output/outputs.py), and what reads the list."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.output.outputs import ignored
from tests.conftest import REPOSITORY, run_cli

MARKER = "# written by the generator"


def tree(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*")}


def test_gitignore_ignores_what_the_generator_writes() -> None:
    lines = (REPOSITORY / ".gitignore").read_text(encoding="utf-8").splitlines()
    start = next(index for index, line in enumerate(lines) if line.startswith(MARKER)) + 1
    assert lines[start : start + len(ignored())] == ignored()


def test_make_clean_removes_what_a_build_wrote_and_nothing_else(fixture_project: Path) -> None:
    before = tree(fixture_project) - {"data/published-urls.txt"}
    result = run_cli(fixture_project, "build")
    assert result.returncode == 0, result.stderr
    assert tree(fixture_project) - before  # the build wrote something to remove
    command = ["make", "--no-print-directory", "-f", str(REPOSITORY / "Makefile"), "clean", f"PYTHON={sys.executable}"]
    subprocess.run(command, cwd=fixture_project, check=True, capture_output=True)
    left = {path for path in tree(fixture_project) - before if "__pycache__" not in path}
    assert left == {"data/published-urls.txt"}  # the manifest of published URLs is committed, not generated
