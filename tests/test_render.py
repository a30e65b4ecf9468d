"""Golden files for the rendered Markdown of the fixture catalog; `make golden` rewrites them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.catalog import load_catalog
from generator.render import render_site
from tests.conftest import FIXTURES

GOLDEN = Path(__file__).parent / "golden"
REFRESH = os.environ.get("REFRESH_GOLDEN") == "1"
PAGES = (
    "papers/masked-speech-with-a-star-search.md",
    "papers/a-benchmark-with-data-and-models.md",
    "papers/plain-paper-without-links.md",
    "tags/speech.md",
    "tags/index.md",
    "papers/index.md",
    "index.md",
    "feed.xml",
    "tags/speech/papers.bib",
)


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    catalog_dir = FIXTURES / "catalog"
    loaded, problems = load_catalog(catalog_dir / "data", catalog_dir)
    assert problems == []
    return render_site(loaded.catalog, "https://example.org/shelf/")


@pytest.mark.parametrize("page", PAGES)
def test_page_matches_its_golden_file(pages: dict[str, str], page: str) -> None:
    golden = GOLDEN / page
    if REFRESH:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(pages[page], encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}; run `make golden` and review it"
    assert pages[page] == golden.read_text(encoding="utf-8")


def test_every_page_of_the_fixture_catalog_is_rendered(pages: dict[str, str]) -> None:
    assert sorted(pages) == sorted(
        [
            "index.md",
            "papers/index.md",
            "tags/index.md",
            "papers/a-benchmark-with-data-and-models.md",
            "papers/masked-speech-with-a-star-search.md",
            "papers/plain-paper-without-links.md",
            "tags/benchmarks.md",
            "tags/masked-modelling.md",
            "tags/speech.md",
            "data.md",
            "feed.xml",
            "papers.json",
            "papers.bib",
            "tags/benchmarks/feed.xml",
            "tags/benchmarks/papers.bib",
            "tags/masked-modelling/feed.xml",
            "tags/masked-modelling/papers.bib",
            "tags/speech/feed.xml",
            "tags/speech/papers.bib",
        ]
    )
