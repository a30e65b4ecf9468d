"""Nothing lost: a killed import leaves every file whole, and published URLs are never dropped."""

from __future__ import annotations

import shutil
import signal
import subprocess
import time
from pathlib import Path

from generator.catalog.store import load_catalog
from tests.conftest import REPOSITORY, built_site, cli_command, run_cli

PAPERS = 3000


def big_listing(path: Path) -> Path:
    blocks = [
        f"A Study of Topic {number} in Speech\n\nWe study topic {number} " + "with many words " * 120 + "in speech.\n"
        for number in range(PAPERS)
    ]
    path.write_text("Mar 17\n\n" + "\n".join(blocks), encoding="utf-8")
    return path


def test_a_killed_import_leaves_every_file_whole(fixture_project: Path) -> None:
    """An import writes every new file beside its place first and puts them in place once all are written: killed
    meanwhile, it leaves the catalog as it was, and the next run removes what it left and does the job."""
    listing = big_listing(fixture_project / "big.txt")
    papers = fixture_project / "data" / "papers"
    command = cli_command(fixture_project, "import", str(listing))
    process = subprocess.Popen(command, cwd=REPOSITORY, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 600  # 3,000 new papers are suggested tags and checked for duplicates first
    while len(list(papers.glob(".*.tmp"))) < PAPERS // 10 and process.poll() is None:
        assert time.monotonic() < deadline, "the import wrote nothing in ten minutes"
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.wait()
    left = len(list(papers.glob(".*.tmp")))
    assert PAPERS // 10 <= left < PAPERS, "the import was not caught halfway; the test proves nothing"
    assert len(list(papers.glob("*.yml"))) == 3
    loaded, problems = load_catalog(fixture_project / "data", fixture_project)
    assert problems == []
    assert len(loaded.catalog.papers) == 3
    rerun = subprocess.run(command, cwd=REPOSITORY, capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert len(list(papers.glob("*.yml"))) == 3 + PAPERS
    assert list(papers.glob(".*.tmp")) == []


def test_the_manifest_keeps_urls_of_deleted_papers_only_with_an_alias(fixture_project: Path) -> None:
    built_site(fixture_project)
    manifest = (fixture_project / "data" / "published-urls.txt").read_text(encoding="utf-8")
    shutil.move(fixture_project / "data" / "papers" / "plain-paper-without-links.yml", fixture_project / "gone.yml")
    result = run_cli(fixture_project, "build")
    assert result.returncode == 1
    assert (fixture_project / "data" / "published-urls.txt").read_text(encoding="utf-8") == manifest
