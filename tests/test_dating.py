"""Listing dates get a year: from --year, the file name, or the import date; papers sort by them."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path

import pytest
import yaml

from generator.catalog.model import Catalog, Listing, Paper, newest_first
from generator.listings.dating import ListingYear, year_of_listing
from tests.conftest import run_cli

TODAY = datetime.date(2026, 3, 20)


@pytest.mark.parametrize(
    ("name", "date", "given", "expected"),
    [
        ("hf-daily-papers-mar-17.txt", "Mar 17", 2024, ListingYear(2024, "given with --year")),
        ("hf-daily-papers-2025-03-17.txt", "Mar 17", None, ListingYear(2025, "from the file name")),
        ("hf-daily-papers-mar-17.txt", "Mar 17", None, ListingYear(2026, "the import date's year")),
        (
            "hf-daily-papers-dec-30.txt",
            "Dec 30",
            None,
            ListingYear(2025, "the last year up to the import date with that day"),
        ),
        ("listing-12025.txt", "Mar 17", None, ListingYear(2026, "the import date's year")),
        ("leap.txt", "Feb 29", None, ListingYear(2024, "the last year up to the import date with that day")),
    ],
)
def test_year_of_listing(name: str, date: str, given: int | None, expected: ListingYear) -> None:
    assert year_of_listing(name, date, given, TODAY) == expected


def listing(folder: Path, name: str, date: str, titles: list[str]) -> Path:
    path = folder / name
    path.write_text(f"{date}\n\n" + "".join(f"{title}\n\nWe study {title.lower()}.\n\n" for title in titles))
    return path


def test_import_records_the_year_and_the_place_in_the_listing(fixture_project: Path, tmp_path: Path) -> None:
    path = listing(tmp_path, "daily-2025-03-18.txt", "Mar 18", ["First Speech Paper", "Second Speech Paper"])
    result = run_cli(fixture_project, "import", str(path), "--added", "2026-11-30")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        "daily-2025-03-18.txt: 'Mar 18' read as Mar 18 2025 (from the file name; --year sets another)\n"
    )
    second = yaml.safe_load((fixture_project / "data" / "papers" / "second-speech-paper.yml").read_text())
    assert second["listings"] == [{"date": "Mar 18", "source": "daily-2025-03-18.txt", "year": 2025, "position": 2}]
    assert run_cli(fixture_project, "check").returncode == 0
    again = run_cli(fixture_project, "import", str(path), "--added", "2026-12-01")
    assert "0 papers added, 0 merged, 5 unchanged." in again.stdout


def test_a_leap_day_in_a_year_without_one_is_refused(fixture_project: Path, tmp_path: Path) -> None:
    path = listing(tmp_path, "leap.txt", "Feb 29", ["A Leap Paper"])
    result = run_cli(fixture_project, "import", str(path), "--year", "2025")
    assert result.returncode == 1
    assert result.stderr.endswith(
        "leap.txt:3: the listing date 'Feb 29' is not a day of 2025 (given with --year); give --year\n"
        "1 problem found; nothing was written.\n"
    )
    assert run_cli(fixture_project, "import", str(path), "--year", "2024").returncode == 0


def test_a_year_out_of_range_is_refused(fixture_project: Path, tmp_path: Path) -> None:
    result = run_cli(fixture_project, "import", str(listing(tmp_path, "l.txt", "Mar 1", ["P"])), "--year", "1850")
    assert result.returncode == 2
    assert "'1850' is not a year from 1900 to next year" in result.stderr


def paper(slug: str, added: datetime.date, *listings: Listing) -> Paper:
    return Paper(slug, slug.title(), "An abstract.", (), (), listings, added)


def test_newest_first_by_day_added_then_listing_day_then_place() -> None:
    day = datetime.date(2026, 11, 30)
    papers = [
        paper("zeta", day, Listing("Mar 18", "a.txt", 2025, 1)),
        paper("alpha", day, Listing("Mar 18", "a.txt", 2025, 2)),
        paper("older", day, Listing("Mar 17", "b.txt", 2025, 1)),
        paper("added-before", datetime.date(2026, 11, 1), Listing("Mar 19", "c.txt", 2025, 1)),
        paper("undated", datetime.date(2024, 1, 1), Listing("Mar 19", "c.txt")),
        paper("newest", day, Listing("Mar 19", "c.txt", 2025, 7)),
    ]
    assert [p.slug for p in newest_first(papers)] == ["newest", "zeta", "alpha", "older", "added-before", "undated"]
    # A paper listed twice counts from its first listing.
    relisted = dataclasses.replace(papers[2], listings=(*papers[2].listings, Listing("Mar 20", "d.txt", 2025, 1)))
    assert [p.slug for p in newest_first([relisted, papers[0]])] == ["zeta", "older"]


def test_the_lists_order_is_newest_first_then_by_title() -> None:
    day = datetime.date(2026, 11, 30)
    papers = (
        paper("b-newest", day, Listing("Mar 19", "c.txt", 2025, 2)),
        paper("zebra-undated", day),
        paper("apple-undated", day),
        paper("c-older", datetime.date(2026, 11, 1), Listing("Mar 19", "c.txt", 2025, 1)),
    )
    catalog = Catalog(papers, ())
    # Undated papers added on the day count from that day, so they come before the listing of March 2025.
    assert [p.slug for p in catalog.by_recency] == ["apple-undated", "zebra-undated", "b-newest", "c-older"]
    assert newest_first(reversed(catalog.by_recency)) == catalog.by_recency
