"""The site when its writing fails: MkDocs builds it in a folder beside it, which replaces it only once whole,
and a failure of the system while MkDocs writes is told in one line, not as MkDocs' traceback.

A full disk is simulated in-process (MkDocs copies its assets with `shutil.copyfile`): mounting a small file
system needs privileges a CI runner does not give.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator import pipeline as build
from generator.mkdocs import command as mkdocs_run
from generator.pipeline import Project
from tests.conftest import built_site, snapshot


def test_a_failed_mkdocs_build_leaves_the_site_as_it_was(
    fixture_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = built_site(fixture_project)
    before = snapshot(site)
    real_run = subprocess.run

    def half_a_build(command: list[str], **options: Any) -> subprocess.CompletedProcess[str]:
        staged = Path(command[command.index("--site-dir") + 1])
        assert staged.parent == site.parent and staged.name.startswith(".site.")
        (staged / "papers").mkdir(parents=True)
        (staged / "index.html").write_text("half", encoding="utf-8")
        return subprocess.CompletedProcess(command, 1)

    monkeypatch.setattr(subprocess, "run", half_a_build)
    assert build.run_mkdocs(Project(fixture_project)) == 1
    monkeypatch.setattr(subprocess, "run", real_run)
    assert snapshot(site) == before
    assert sorted(path.name for path in fixture_project.iterdir() if path.name.startswith(".")) == []


def test_a_full_disk_while_mkdocs_writes_is_one_line(
    fixture_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        subprocess.run(
            [sys.executable, "-m", "generator", "--root", str(fixture_project), "build", "--markdown-only"],
            cwd=Path(__file__).resolve().parent.parent,
            capture_output=True,
            check=False,
        ).returncode
        == 0
    )
    real_copy = shutil.copyfile

    def copy(source: Any, target: Any, **options: Any) -> Any:
        if os.fspath(target).endswith(".js"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), os.fspath(source), None, os.fspath(target))
        return real_copy(source, target, **options)

    monkeypatch.setattr(shutil, "copyfile", copy)
    monkeypatch.chdir(fixture_project)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")  # as `run_mkdocs` runs it: no banner
    staged = f".site.{os.getpid()}.tmp"
    arguments = ["mkdocs", "build", "--strict", "--quiet", "--site-dir", staged, "--config-file", "mkdocs.yml"]
    monkeypatch.setattr(sys, "argv", arguments)
    # MkDocs' command line adds a handler to its logger each time it runs: this one goes when the test ends.
    logger = logging.getLogger("mkdocs")
    monkeypatch.setattr(logger, "handlers", list(logger.handlers))
    monkeypatch.setattr(logger, "propagate", logger.propagate)
    monkeypatch.setattr(logger, "level", logger.level)
    assert mkdocs_run.main() == mkdocs_run.SYSTEM_FAILURE
    stderr = capsys.readouterr().err
    assert stderr.count("\n") == 1 and "Traceback" not in stderr
    assert stderr.startswith("site/") and ".tmp" not in stderr
    assert stderr.endswith(".js:0: No space left on device; MkDocs stopped, and the site was left as it was\n")


def test_the_site_folder_being_built_is_named_as_the_site_it_becomes() -> None:
    assert mkdocs_run.shown("/srv/shelf/.site.1234.tmp/assets/x.js") == "/srv/shelf/site/assets/x.js"
    assert mkdocs_run.shown("/srv/.public.99.tmp") == "/srv/public"
    assert mkdocs_run.shown("/srv/.keep.tmp/x") == "/srv/.keep.tmp/x"
