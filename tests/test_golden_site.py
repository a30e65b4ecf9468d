"""The whole site of a frozen copy of the bundled catalog, built for real, against a golden copy: a change to
the generator that changes any byte of the site shows here, file by file. `make golden` rewrites it.

Our own generated files (pages, feeds, sitemaps, search index) are kept as text in tests/golden/site/,
so that a diff shows what changed; every file, the theme's assets and compressed ones included, is listed with
its SHA-256 in tests/golden/site.sha256.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import shutil
from pathlib import Path

import pytest

from generator.output.outputs import GENERATED
from tests.conftest import FIXTURES, REPOSITORY, copy_project, run_cli, snapshot

GOLDEN = Path(__file__).parent / "golden"
GOLDEN_SITE = GOLDEN / "site"
GOLDEN_HASHES = GOLDEN / "site.sha256"
REFRESH = os.environ.get("REFRESH_GOLDEN") == "1"
EPOCH = "1800000000"  # the build date MkDocs writes into sitemap.xml.gz's gzip header
TEXT_SUFFIXES = {".html", ".xml", ".txt", ".json", ".js", ".css", ".svg", ".bib"}
THEME_ASSETS = "assets/"  # Material's own files: pinned with the package, so their hashes are enough
# Pages written by hand (docs/about.md, docs/benchmarks.md, CONTRIBUTING.md): their text is not the generator's.
HAND_WRITTEN = {"contributing/index.html"} | {
    f"{page.stem}/index.html" for page in (REPOSITORY / "docs").glob("*.md") if page.name not in GENERATED
}


def kept_as_text(path: str) -> bool:
    """Our own files, but not the scripts and styles MkDocs copies unchanged from docs/: their text is there."""
    copied = path.split("/", 1)[0] not in GENERATED and (REPOSITORY / "docs" / path).is_file()
    return not path.startswith(THEME_ASSETS) and not copied and Path(path).suffix in TEXT_SUFFIXES


def hashes_of(files: dict[str, bytes]) -> str:
    return "".join(f"{hashlib.sha256(data).hexdigest()}  {path}\n" for path, data in sorted(files.items()))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    project = copy_project(tmp_path_factory.mktemp("golden") / "project", FIXTURES / "bundled" / "data")
    environment = {name: value for name, value in os.environ.items() if name not in {"SITE_URL", "REPO_URL"}}
    result = run_cli(project, "build", env=environment | {"SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stderr
    return {path: data for path, data in snapshot(project / "site").items() if path not in HAND_WRITTEN}


def refresh(files: dict[str, bytes]) -> None:
    shutil.rmtree(GOLDEN_SITE, ignore_errors=True)
    for path, data in files.items():
        if kept_as_text(path):
            target = GOLDEN_SITE / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    GOLDEN_HASHES.write_text(hashes_of(files), encoding="utf-8")


def test_the_site_is_the_golden_site_byte_for_byte(site: dict[str, bytes]) -> None:
    if REFRESH:
        refresh(site)
    expected = GOLDEN_HASHES.read_text(encoding="utf-8")
    actual = hashes_of(site)
    if actual == expected:
        return
    listed = {line.split("  ", 1)[1] for line in expected.splitlines()}
    shown: list[str] = []
    for path in sorted(set(site) - listed):
        shown.append(f"new file: {path}")
    for path in sorted(listed - set(site)):
        shown.append(f"missing file: {path}")
    for path in sorted(set(site) & listed):
        golden = GOLDEN_SITE / path
        if kept_as_text(path) and golden.exists() and golden.read_bytes() != site[path]:
            before = golden.read_text(encoding="utf-8").splitlines()
            after = site[path].decode("utf-8").splitlines()
            diff = difflib.unified_diff(before, after, f"golden/{path}", f"built/{path}", n=1, lineterm="")
            shown.append("\n".join(list(diff)[:40]))
    changed = list(difflib.unified_diff(expected.splitlines(), actual.splitlines(), lineterm=""))
    shown.append("hashes:\n" + "\n".join(changed[:40]))
    pytest.fail("the site differs from tests/golden/site (`make golden` rewrites it):\n" + "\n".join(shown[:30]))


def test_the_golden_copy_holds_the_text_of_every_file_it_lists() -> None:
    listed = {line.split("  ", 1)[1]: line.split("  ", 1)[0] for line in GOLDEN_HASHES.read_text().splitlines()}
    kept = {path.relative_to(GOLDEN_SITE).as_posix() for path in GOLDEN_SITE.rglob("*") if path.is_file()}
    assert kept == {path for path in listed if kept_as_text(path)}
    for path in kept:
        assert hashlib.sha256((GOLDEN_SITE / path).read_bytes()).hexdigest() == listed[path], path
