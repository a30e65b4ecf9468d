"""Rendering on several processes makes the same files, in the same order, as rendering in one."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path
from typing import BinaryIO

import pytest

from generator.bench.synthetic import synthetic_catalog
from generator.catalog.model import Catalog
from generator.output import site as parallel
from generator.output import writer as write
from generator.output.writer import encoded
from generator.pipeline import Project, render_pages, write_pages
from generator.runtime import workers as runs
from generator.runtime.executor import SERIAL, Forking
from generator.site.render import SiteRenderer, paper_page, render_catalog

ROOT = Path(__file__).resolve().parent.parent

SITE_URL = "https://example.org/shelf/"


@pytest.mark.parametrize("workers", [2, 3])
def test_workers_render_the_bundled_catalog_as_one_process_does(
    bundled: Catalog, workers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runs, "PART_MAX", 7)  # many parts, finished in any order
    expected = render_catalog(bundled, SITE_URL)
    pages = parallel.render_site(SiteRenderer(bundled, SITE_URL), executor=Forking(workers))
    assert list(pages) == list(expected)
    assert pages == expected


def test_workers_render_a_synthetic_catalog_as_one_process_does(bundled: Catalog) -> None:
    catalog = synthetic_catalog(600, bundled)
    assert parallel.render_site(SiteRenderer(catalog, SITE_URL), executor=Forking(2)) == render_catalog(
        catalog, SITE_URL
    )


def test_small_catalogs_render_in_this_process(fixture_catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*arguments: object, **keywords: object) -> None:
        raise AssertionError("a small catalog started workers")

    monkeypatch.setattr(runs, "ProcessPoolExecutor", no_pool)
    assert parallel.render_site(SiteRenderer(fixture_catalog, SITE_URL)) == render_catalog(fixture_catalog, SITE_URL)


def written_files(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*") if path.is_file()}


def test_every_process_writes_the_files_it_makes_and_reports_them(
    bundled: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(runs, "PART_MAX", 7)
    expected = render_catalog(bundled, SITE_URL) | {"more.md": "made by the caller\n"}
    stale = tmp_path / paper_page(bundled.papers[0])
    stale.parent.mkdir()
    stale.write_text("old\n", encoding="utf-8")
    target = parallel.Target(tmp_path)
    renderer = SiteRenderer(bundled, SITE_URL)
    report = parallel.write_site(renderer, target, [lambda: {"more.md": "made by the caller\n"}], Forking(2))
    assert report.written == sorted(expected)
    assert written_files(tmp_path) == {path: encoded(content) for path, content in expected.items()}
    again = parallel.write_site(renderer, target, [lambda: {"more.md": "made by the caller\n"}], Forking(2))
    assert (again.written, again.unchanged) == ([], sorted(expected))


def test_written_in_parts_the_site_is_the_site_written_at_once(bundled: Catalog, tmp_path: Path) -> None:
    project = Project(tmp_path)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path)
    catalog = synthetic_catalog(2100, bundled)  # past PARALLEL_FROM: helpers write
    stale = tmp_path / "docs" / "papers" / "gone.md"
    stale.parent.mkdir(parents=True)
    stale.write_text("a paper that left\n", encoding="utf-8")
    report = write_pages(project, catalog, search=False)
    pages = render_pages(project, catalog, search=False)
    assert written_files(project.docs_dir) == {path: encoded(content) for path, content in pages.items()}
    assert report.written == sorted(pages) and report.removed == ["papers/gone.md"]
    again = write_pages(project, catalog, search=False)
    assert (again.written, again.unchanged, again.removed) == ([], sorted(pages), [])


def test_a_full_disk_in_a_helper_replaces_no_file(
    fixture_catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Helpers stage their pages as this process does: when one cannot write, no page is replaced, and what
    they staged is removed by `remove_temporaries`, as a build does then."""
    catalog = synthetic_catalog(40, fixture_catalog)
    parallel.write_site(SiteRenderer(catalog, SITE_URL), parallel.Target(tmp_path), executor=SERIAL)
    before = {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()}
    real_fill = write._fill

    def fill(stream: BinaryIO, content: bytes, durable: bool) -> None:
        if b"Related papers" in content or os.getpid() != parent:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fill(stream, content, durable)

    parent = os.getpid()
    monkeypatch.setattr(write, "_fill", fill)
    with pytest.raises(OSError, match="No space left on device"):
        other = SiteRenderer(catalog, "https://example.org/other/")
        parallel.write_site(other, parallel.Target(tmp_path), executor=Forking(2))
    write.remove_temporaries(tmp_path, recursive=True)
    assert {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()} == before
