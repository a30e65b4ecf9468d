"""Rendering on several processes makes the same files, in the same order, as rendering in one."""

from __future__ import annotations

import pytest

from generator import parallel
from generator.model import Catalog
from generator.render import render_site
from generator.synthetic import synthetic_catalog

SITE_URL = "https://example.org/shelf/"


@pytest.mark.parametrize("workers", [2, 3])
def test_workers_render_the_bundled_catalog_as_one_process_does(
    bundled: Catalog, workers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "PART_MAX", 7)  # many parts, finished in any order
    expected = render_site(bundled, SITE_URL)
    pages = parallel.render_site(bundled, SITE_URL, workers=workers)
    assert list(pages) == list(expected)
    assert pages == expected


def test_workers_render_a_synthetic_catalog_as_one_process_does(bundled: Catalog) -> None:
    catalog = synthetic_catalog(600, bundled)
    assert parallel.render_site(catalog, SITE_URL, workers=2) == render_site(catalog, SITE_URL)


def test_small_catalogs_render_in_this_process(fixture_catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*arguments: object, **keywords: object) -> None:
        raise AssertionError("a small catalog started workers")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_pool)
    assert parallel.render_site(fixture_catalog, SITE_URL) == render_site(fixture_catalog, SITE_URL)
