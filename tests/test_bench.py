"""The benchmark run end to end on a small synthetic catalog: real files, the real MkDocs build, Chromium."""

from __future__ import annotations

import datetime
import json
import random
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from generator.bench.command import Report, render_report, run_bench, write_json
from generator.bench.curation import LISTING_PAPERS, daily_listing
from generator.bench.synthetic import synthetic_catalog, with_identity
from generator.catalog.model import LAST_YEAR, Catalog, Paper
from generator.catalog.slugs import title_key
from generator.listings.parsing import parse_listing
from generator.pipeline import MARKDOWN_STAGE
from generator.site.serving import CHROMIUM

REPOSITORY = Path(__file__).resolve().parent.parent
PAPERS = 60


@pytest.fixture(scope="module")
def report() -> Report:
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing at /usr/bin/chromium: install it with `apt-get install chromium`")
    # On a thread of its own: once pytest-playwright's browser fixture has run, this thread has an event
    # loop, and the benchmark's own Playwright (sync API) refuses to start inside one.
    with ThreadPoolExecutor(max_workers=1) as executor:
        return executor.submit(run_bench, REPOSITORY, PAPERS, baseline=True, browser=True, parts=True).result()


def test_every_stage_is_timed(report: Report) -> None:
    assert list(report.stages) == [
        "synthesise",
        "write data files",
        "load and check",
        MARKDOWN_STAGE,
        "MkDocs",
        "published URLs",
    ]
    assert all(seconds > 0 for seconds in report.stages.values())
    assert report.build_seconds == pytest.approx(sum(list(report.stages.values())[2:]))


def test_the_search_index_has_its_own_time_within_the_markdown_stage(report: Report) -> None:
    search = report.within[MARKDOWN_STAGE]["search index"]
    assert 0 < search <= report.stages[MARKDOWN_STAGE]
    assert "    search index" in render_report(report)


def test_site_and_pages_are_measured(report: Report) -> None:
    assert report.peak_memory_mb > 0
    assert report.site_files > PAPERS
    assert report.site_breakdown_mb["paper pages"] > 0
    assert report.pages_artifact_mb > report.site_mb > 0
    assert 0 < report.paper_page_median_bytes <= report.paper_page_max_bytes
    assert 0 <= report.paper_pages_over_budget <= 1
    assert (report.paper_pages_over_budget > 0) == (report.paper_page_max_bytes > 8 * 1024)
    assert report.files_rewritten_by_second_run == 0


def test_the_bare_build_is_compared(report: Report) -> None:
    assert report.bare_mkdocs_seconds is not None
    assert report.bare_mkdocs_seconds > 0
    assert report.build_over_bare == round(report.build_seconds / report.bare_mkdocs_seconds, 2)


def test_first_searches_found_results_and_counted_bytes(report: Report) -> None:
    assert set(report.search) == {"common", "rare"}
    for figures in report.search.values():
        assert 0 < figures["seconds"] < 30
        assert figures["kilobytes"] > 0


def test_the_report_is_written_as_json(tmp_path: Path, report: Report) -> None:
    written = tmp_path / "bench.json"
    write_json(report, written)
    data = json.loads(written.read_text(encoding="utf-8"))
    assert data["papers"] == PAPERS
    assert data["within"][MARKDOWN_STAGE]["search index"] == report.within[MARKDOWN_STAGE]["search index"]
    assert data["build_seconds"] == round(report.build_seconds, 2)


def test_synthetic_titles_are_distinct_and_no_longer_than_the_bundled_ones(bundled: Catalog) -> None:
    papers = synthetic_catalog(5000, bundled).papers
    assert len({title_key(paper.title) for paper in papers}) == len(papers)
    assert max(len(paper.title) for paper in papers) <= max(len(paper.title) for paper in bundled.papers)
    assert max(len(paper.abstract) for paper in papers) <= max(len(paper.abstract) for paper in bundled.papers)


def test_each_part_of_the_markdown_stages_is_timed_alone(report: Report) -> None:
    assert {"load", "paper pages", "write into a new folder"} <= set(report.parts)
    total = sum(report.parts.values())
    assert total > 0
    assert f"{total / report.cores:.2f} s at best on {report.cores} cores" in render_report(report)


def test_a_curators_import_and_check_are_timed_after_the_build(report: Report) -> None:
    assert list(report.curation) == ["import 60 papers", "import 60 more, tagger kept", "check"]
    assert all(seconds > 0 for seconds in report.curation.values())
    assert "  import 60 papers" in render_report(report) and "(a curator's command, after the build)" in render_report(
        report
    )


def test_the_days_listing_holds_new_papers_with_pasted_latex_and_links(bundled: Catalog) -> None:
    parsed, problems = parse_listing("listing.txt", daily_listing(bundled))
    assert problems == [] and parsed is not None
    assert parsed.date == "Dec 1" and len(parsed.entries) == LISTING_PAPERS
    catalog_titles = {title_key(paper.title) for paper in synthetic_catalog(PAPERS, bundled).papers}
    assert not catalog_titles & {title_key(entry.title) for entry in parsed.entries}
    assert sum("pass@$k$" in entry.abstract for entry in parsed.entries) == LISTING_PAPERS // 3


def test_papers_added_past_the_last_year_keep_a_publication_date_a_paper_may_have() -> None:
    plain = Paper("p", "P", "Word.", (), (), (), datetime.date(LAST_YEAR + 3, 6, 1))
    identified = with_identity(plain, 99_999, random.Random(1))
    assert identified.published == datetime.date(LAST_YEAR, 12, 31) and identified.year == LAST_YEAR
    assert identified.arxiv == f"{LAST_YEAR % 100}12.99999"
