"""The Atom feed, read back with feedparser and with a strict XML parser."""

from __future__ import annotations

import dataclasses
import datetime
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any

import feedparser  # type: ignore[import-untyped]
import pytest

from generator.catalog.model import Catalog, Listing, Paper
from generator.catalog.store import load_catalog
from generator.site.feeds import atom_feed
from tests.conftest import FIXTURES, REPOSITORY

SITE = "https://example.org/papershelf/"
FEED_URL = SITE + "feed.xml"
ATOM = "{http://www.w3.org/2005/Atom}"


def url_of(paper: Paper) -> str:
    return f"{SITE}papers/{paper.slug}/"


def feed_of(papers: Sequence[Paper], **options: Any) -> str:
    return atom_feed(papers, title="PaperShelf: new papers", feed_url=FEED_URL, page_url=SITE, url_of=url_of, **options)


def parse(document: str) -> Any:
    """The feed as feedparser reads it; it must be well-formed XML (feedparser only flags that as `bozo`)."""
    ET.fromstring(document.encode("utf-8"))
    parsed = feedparser.parse(document.encode("utf-8"))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def make_paper(slug: str, added: datetime.date, **changes: Any) -> Paper:
    paper = Paper(
        slug=slug,
        title=f"Title of {slug}",
        abstract=f"Abstract of {slug}.",
        tags=("speech",),
        links=(),
        listings=(Listing(date="Mar 17", source="hf-daily-papers-mar-17.txt"),),
        added=added,
    )
    return dataclasses.replace(paper, **changes)


@pytest.fixture(scope="module")
def fixture_catalog() -> Catalog:
    loaded, problems = load_catalog(FIXTURES / "catalog" / "data", REPOSITORY)
    assert problems == []
    return loaded.catalog


@pytest.fixture(scope="module")
def bundled() -> Catalog:
    loaded, problems = load_catalog(REPOSITORY / "data", REPOSITORY)
    assert problems == []
    return loaded.catalog


def test_feed_metadata(fixture_catalog: Catalog) -> None:
    feed = parse(feed_of(fixture_catalog.papers)).feed
    assert feed.title == "PaperShelf: new papers"
    assert feed.id == FEED_URL
    assert [(link.rel, link.href) for link in feed.links] == [("self", FEED_URL), ("alternate", SITE)]
    assert feed.updated == "2026-11-22T00:00:00Z"
    assert feed.author == "PaperShelf"


def test_entries_newest_first_and_equal_to_the_data(fixture_catalog: Catalog) -> None:
    entries = parse(feed_of(fixture_catalog.papers)).entries
    by_slug = {paper.slug: paper for paper in fixture_catalog.papers}
    # Added 2026-11-22, 2026-11-21 and 2026-11-20 in the fixture data.
    expected = ["masked-speech-with-a-star-search", "a-benchmark-with-data-and-models", "plain-paper-without-links"]
    assert [entry.id for entry in entries] == [url_of(by_slug[slug]) for slug in expected]
    for entry, slug in zip(entries, expected, strict=True):
        paper = by_slug[slug]
        assert entry.link == url_of(paper)
        assert entry.title == paper.title
        assert entry.summary == paper.abstract
        assert entry.summary_detail.type == "text/plain"
        assert [tag.term for tag in entry.tags] == list(paper.tags)
        assert entry.published == entry.updated == f"{paper.added.isoformat()}T00:00:00Z"
        assert "authors" not in entry


def test_bundled_catalog_ties_are_broken_by_slug(bundled: Catalog) -> None:
    entries = parse(feed_of(bundled.papers)).entries
    newest = sorted(bundled.papers, key=lambda paper: (-paper.added.toordinal(), paper.slug))[:50]
    assert [entry.id for entry in entries] == [url_of(paper) for paper in newest]
    assert [entry.summary for entry in entries] == [paper.abstract for paper in newest]


def test_limit_keeps_the_most_recent() -> None:
    papers = [make_paper(f"p{day:02}", datetime.date(2026, 1, day)) for day in range(1, 21)]
    entries = parse(feed_of(list(reversed(papers)), limit=5)).entries
    assert [entry.id for entry in entries] == [url_of(paper) for paper in papers[:-6:-1]]
    assert len(parse(feed_of(papers)).entries) == 20
    nothing = parse(feed_of(papers, limit=0))
    assert nothing.entries == []
    assert nothing.feed.updated == "2026-01-20T00:00:00Z"
    with pytest.raises(ValueError, match="negative"):
        feed_of(papers, limit=-1)


def test_empty_feed_is_valid_and_dated_1970() -> None:
    document = feed_of([])
    parsed = parse(document)
    assert parsed.entries == []
    assert parsed.feed.updated == "1970-01-01T00:00:00Z"
    assert document == feed_of([])


@pytest.mark.parametrize(
    ("hostile", "expected"),
    [
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
        ("a ]]> b", "a ]]> b"),
        ("&amp; &lt; &#x41; & <", "&amp; &lt; &#x41; & <"),
        ("nul\x00 and bell\x07 and esc\x1b end", "nul and bell and esc end"),
        ("surrogate \ud800 and \ufffe", "surrogate and"),
        ("quotes \" and ' <![CDATA[x]]>", "quotes \" and ' <![CDATA[x]]>"),
        ("tab\tand\r\nlines", "tab and lines"),
    ],
)
def test_hostile_text_comes_back_as_the_same_text(hostile: str, expected: str) -> None:
    paper = make_paper("hostile", datetime.date(2026, 1, 1), title=hostile, abstract=hostile, authors=(hostile,))
    document = atom_feed([paper], title=hostile, feed_url=FEED_URL, page_url=SITE, url_of=url_of)
    parsed = parse(document)
    entry = parsed.entries[0]
    assert parsed.feed.title == expected
    assert entry.title == expected
    assert entry.summary == expected
    assert [author.name for author in entry.authors] == [expected]
    assert "<script>" not in document


def test_hostile_urls_and_tags_are_attribute_escaped() -> None:
    url = 'https://example.org/p?a=1&b="2"<x>\x01'
    paper = make_paper("p", datetime.date(2026, 1, 1), tags=('a"b<c>&d',))
    document = atom_feed([paper], title="t", feed_url=url, page_url=url, url_of=lambda _: url)
    parsed = parse(document)
    clean = url.replace("\x01", "")
    assert parsed.feed.id == clean
    assert [link.href for link in parsed.feed.links] == [clean, clean]
    assert parsed.entries[0].id == parsed.entries[0].link == clean
    assert parsed.entries[0].tags[0].term == 'a"b<c>&d'


def test_structure_is_atom_with_a_declaration(fixture_catalog: Catalog) -> None:
    document = feed_of(fixture_catalog.papers)
    assert document.startswith("<?xml version='1.0' encoding='utf-8'?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">")
    root = ET.fromstring(document.encode("utf-8"))
    assert root.tag == f"{ATOM}feed"
    assert [child.tag.removeprefix(ATOM) for child in root][:6] == ["id", "title", "link", "link", "updated", "author"]
    summaries = root.findall(f"{ATOM}entry/{ATOM}summary")
    assert [summary.get("type") for summary in summaries] == ["text"] * 3


def test_authors_when_present() -> None:
    paper = make_paper("p", datetime.date(2026, 1, 1), authors=("Ada Lovelace", "Søren Kierkegaard"))
    entry = parse(feed_of([paper])).entries[0]
    assert [author.name for author in entry.authors] == ["Ada Lovelace", "Søren Kierkegaard"]


def test_same_input_same_bytes(bundled: Catalog) -> None:
    first = feed_of(bundled.papers)
    assert first == feed_of(bundled.papers)
    assert first == feed_of(list(reversed(bundled.papers)))
    assert first.encode("utf-8") == feed_of(tuple(bundled.papers)).encode("utf-8")
