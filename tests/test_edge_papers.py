"""Papers at the edges still get a correct page, citation and feed entry (issue: bad input)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import feedparser  # type: ignore[import-untyped]
from bs4 import BeautifulSoup

from tests.conftest import built_site

TITLE = "Costs {of} 100% & $5 for #1_a \\ b: the {} edge"
EDGE = f"""\
slug: edge
title: '{TITLE}'
tags: [benchmarks]
abstract: Edge.
added: 2026-11-24
"""


def brace_depths(text: str) -> list[int]:
    """The brace depth after each character, counting braces as BibTeX does (escaped or not)."""
    depth, depths = 0, []
    for character in text:
        depth += {"{": 1, "}": -1}.get(character, 0)
        depths.append(depth)
    return depths


def test_an_edge_paper_gets_page_citation_feed_entry_and_exports(fixture_project: Path) -> None:
    (fixture_project / "data" / "papers" / "edge.yml").write_text(EDGE, encoding="utf-8")
    site = built_site(fixture_project)
    soup = BeautifulSoup((site / "papers" / "edge" / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    assert article is not None and article.h1 is not None
    assert article.h1.get_text().rstrip("¶") == TITLE
    abstract = article.select_one("p.ps-abstract")
    assert abstract is not None and abstract.get_text() == "Edge."
    assert article.select("h2#code-and-data") == []
    bibtex = article.select(".ps-cite pre code")[0].get_text()
    depths = brace_depths(bibtex)
    assert min(depths) >= 0 and depths[-1] == 0
    assert "\\%" in bibtex and "\\&" in bibtex and "\\$" in bibtex and "\\#" in bibtex and "\\_" in bibtex
    assert article.select(".ps-cite pre code")[1].get_text().startswith(TITLE + ".")
    feed = feedparser.parse((site / "tags" / "benchmarks" / "feed.xml").read_bytes())
    assert not feed.bozo
    entry = next(entry for entry in feed.entries if entry.link.endswith("/papers/edge/"))
    assert (entry.title, entry.summary) == (TITLE, "Edge.")
    meta = soup.select_one("meta[name=citation_title]")
    assert meta is not None and meta["content"] == TITLE
    for export in ("papers.bib.gz", "tags/benchmarks/papers.bib.gz"):
        assert bibtex in gzip.decompress((site / export).read_bytes()).decode("utf-8")
    exported = json.loads(gzip.decompress((site / "papers.json.gz").read_bytes()))
    assert [paper["title"] for paper in exported["papers"] if paper["slug"] == "edge"] == [TITLE]
