"""The papers the 404 page offers, read from the site's feed (generator/mkdocs/notfound.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from generator.catalog.model import Paper
from generator.mkdocs.notfound import OfferedPaper, offered_papers
from generator.site.feeds import atom_feed
from tests.test_feeds import make_paper

SITE = "https://papershelf.github.io/papershelf/"


def build_feed(papers: Sequence[Paper], site: str) -> str:
    return atom_feed(
        papers, title="Papers", feed_url=f"{site}feed.xml", page_url=site, url_of=lambda p: f"{site}papers/{p.slug}/"
    )


def test_the_newest_papers_of_the_feed_are_offered_with_their_paths(tmp_path: Path) -> None:
    papers = [make_paper(f"paper-{n}", date(2026, 11, n), title=f"Paper <{n}> & co") for n in range(1, 8)]
    feed = tmp_path / "feed.xml"
    feed.write_text(build_feed(papers, SITE), encoding="utf-8")
    assert offered_papers(feed, SITE, limit=3) == [
        OfferedPaper("Paper <7> & co", "papers/paper-7/"),
        OfferedPaper("Paper <6> & co", "papers/paper-6/"),
        OfferedPaper("Paper <5> & co", "papers/paper-5/"),
    ]


def test_a_site_without_a_readable_feed_offers_none(tmp_path: Path) -> None:
    assert offered_papers(tmp_path / "feed.xml", SITE) == []
    (tmp_path / "feed.xml").write_text("<feed", encoding="utf-8")
    assert offered_papers(tmp_path / "feed.xml", SITE) == []


def test_entries_of_another_site_are_not_offered(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(
        build_feed([make_paper("elsewhere", date(2026, 11, 1))], "https://other.example/"), encoding="utf-8"
    )
    assert offered_papers(feed, SITE) == []
