"""Two builds of the same commit give byte-identical sites, but for the build date in the gzipped sitemap."""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import run_cli, snapshot

DAY = 24 * 60 * 60
# MkDocs writes the build date into the gzip header of sitemap.xml.gz; it honours SOURCE_DATE_EPOCH.
# The sitemap itself carries no date (overrides/sitemap.xml).
DATED = {"sitemap.xml.gz"}


def build(project: Path, site: Path, epoch: int) -> dict[str, bytes]:
    result = run_cli(project, "build", "--site-dir", str(site), env=os.environ | {"SOURCE_DATE_EPOCH": str(epoch)})
    assert result.returncode == 0, result.stderr
    return snapshot(site)


def test_two_builds_are_identical_but_for_the_build_date(fixture_project: Path, tmp_path: Path) -> None:
    first = build(fixture_project, tmp_path / "one", 1_800_000_000)
    again = build(fixture_project, tmp_path / "two", 1_800_000_000)
    later = build(fixture_project, tmp_path / "three", 1_800_000_000 + 3 * DAY)
    assert first == again
    assert sorted(path for path in first if first[path] != later.get(path)) == sorted(DATED)
    assert sorted(first) == sorted(later)
    assert any(path.startswith("search/") for path in first)  # the search index is compared too
