"""The catalog as JSON: it round-trips, holds what the models hold, repeats byte for byte, is documented."""

from __future__ import annotations

import dataclasses
import datetime
import json
import re
from typing import Any

from generator.catalog.model import Catalog, Link, Listing, Paper, Tag
from generator.site.exports import PAPERS_JSON_SCHEMA_DOC, papers_json

SITE = "https://example.org/papershelf/"


def url_of(paper: Paper) -> str:
    return f"{SITE}papers/{paper.slug}/"


def tag_url_of(tag: Tag) -> str:
    return f"{SITE}tags/{tag.slug}/"


def test_bundled_catalog_round_trips_and_equals_the_models(bundled: Catalog) -> None:
    document = json.loads(papers_json(bundled, url_of))
    assert document["schema_version"] == 1
    papers = document["papers"]
    assert len(papers) == 111
    assert [paper["slug"] for paper in papers] == sorted(paper.slug for paper in bundled.papers)
    models = {paper.slug: paper for paper in bundled.papers}
    for data in papers:
        paper = models[data["slug"]]
        assert data["url"] == url_of(paper)
        assert data["title"] == paper.title
        assert data["abstract"] == paper.abstract
        assert data["tags"] == list(paper.tags)
        assert [Link(**link) for link in data["links"]] == list(paper.links)
        assert [Listing(**listing) for listing in data["listings"]] == list(paper.listings)
        assert datetime.date.fromisoformat(data["added"]) == paper.added
        assert tuple(data.get("aliases", ())) == paper.aliases
        assert tuple(data.get("authors", ())) == paper.authors
        assert data.get("year") == paper.year
        assert data.get("arxiv") == paper.arxiv
    assert document["tags"] == [
        {"slug": tag.slug, "name": tag.name, "description": tag.description} for tag in bundled.tags
    ]


def test_format_is_sorted_compact_utf8_a_record_a_line_with_a_trailing_newline(bundled: Catalog) -> None:
    text = papers_json(bundled, url_of)
    document = json.loads(text)
    lines = text.splitlines()
    compact = [
        json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":")) for record in document["papers"]
    ]
    tags = [
        json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":")) for record in document["tags"]
    ]
    assert lines == [
        "{",
        '"papers":[',
        *[f"{record}," for record in compact[:-1]],
        compact[-1],
        "],",
        '"schema_version":1,',
        '"tags":[',
        *[f"{record}," for record in tags[:-1]],
        tags[-1],
        "]",
        "}",
    ]
    assert text.endswith("]\n}\n")
    assert "γ-MoD" in text and "\\u" not in text


def test_an_empty_catalog_is_compact_json() -> None:
    assert papers_json(Catalog(papers=(), tags=()), url_of) == '{\n"papers":[],\n"schema_version":1,\n"tags":[]\n}\n'


def test_same_input_same_bytes(bundled: Catalog) -> None:
    reordered = dataclasses.replace(bundled, papers=tuple(reversed(bundled.papers)))
    assert papers_json(bundled, url_of) == papers_json(bundled, url_of) == papers_json(reordered, url_of)


def test_exact_document_of_a_fixture_paper(fixture_catalog: Catalog) -> None:
    document = json.loads(papers_json(fixture_catalog, url_of, tag_url_of=tag_url_of))
    masked = next(paper for paper in document["papers"] if paper["slug"] == "masked-speech-with-a-star-search")
    benchmark = next(paper for paper in document["papers"] if paper["slug"] == "a-benchmark-with-data-and-models")
    assert masked == {
        "slug": "masked-speech-with-a-star-search",
        "url": f"{SITE}papers/masked-speech-with-a-star-search/",
        "title": "Masked Speech with A* Search: [MASK] tokens & <brackets>",
        "abstract": "We predict [MASK] tokens with A* search and x^2 < y_1 costs, using `code` and *stars* "
        "(up to 11.6% better). Code: https://github.com/example/masked-speech.",
        "tags": ["masked-modelling", "speech"],
        "links": [{"kind": "code", "url": "https://github.com/example/masked-speech"}],
        "listings": [
            {"date": "Mar 17", "source": "hf-daily-papers-mar-17.txt"},
            {"date": "Mar 11", "source": "hf-daily-papers-mar-11.txt"},
        ],
        "added": "2026-11-22",
        "aliases": ["masked-speech"],
    }
    assert benchmark["links"][2] == {
        "kind": "code",
        "url": "https://github.com/example/tools",
        "original": "https://github.com/example/tools/blob/main/docs/bench.md",
    }
    assert [tag["url"] for tag in document["tags"]] == [tag_url_of(tag) for tag in fixture_catalog.tags]


def test_optional_fields_appear_when_the_paper_has_them() -> None:
    paper = Paper(
        slug="p",
        title="P",
        abstract="Word",
        tags=(),
        links=(),
        listings=(),
        added=datetime.date(2026, 1, 1),
        authors=("Ada Lovelace",),
        year=1991,
        arxiv="9108.00001",
        distinct_from=("q",),
    )
    text = papers_json(Catalog(papers=(paper,), tags=()), url_of)
    assert text == (
        '{\n"papers":[\n'
        '{"abstract":"Word","added":"2026-01-01","arxiv":"9108.00001","authors":["Ada Lovelace"],"distinct_from":["q"],'
        '"links":[],"listings":[],"slug":"p","tags":[],"title":"P","url":"https://example.org/papershelf/papers/p/","year":1991}\n'
        '],\n"schema_version":1,\n"tags":[]\n}\n'
    )


def documented_fields() -> set[str]:
    return set(re.findall(r"^\| `([^`]+)` \|", PAPERS_JSON_SCHEMA_DOC, re.MULTILINE))


def emitted_fields(value: Any, prefix: str = "") -> set[str]:
    """Every key path of a JSON value, arrays as `name[]`, the top-level arrays' items without a prefix."""
    fields: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{prefix}.{key}" if prefix else key
            fields.add(path)
            fields |= emitted_fields(item, path)
    elif isinstance(value, list):
        for item in value:
            fields |= emitted_fields(item, f"{prefix}[]")
    return fields


def test_the_schema_document_names_every_field(fixture_catalog: Catalog) -> None:
    full = Paper(
        slug="p",
        title="P",
        abstract="A.",
        tags=(),
        suggested_tags=("speech",),
        links=(Link("code", "https://github.com/a/b", "https://github.com/a/b/tree/main"),),
        listings=(Listing("Mar 17", "hf-daily-papers-mar-17.txt", 2025, 3),),
        added=datetime.date(2026, 1, 1),
        aliases=("q",),
        authors=("A",),
        year=2020,
        published=datetime.date(2020, 1, 2),
        arxiv="2001.00001",
        category="cs.CL",
        distinct_from=("q2",),
    )
    catalog = dataclasses.replace(fixture_catalog, papers=(*fixture_catalog.papers, full))
    emitted = emitted_fields(json.loads(papers_json(catalog, url_of, tag_url_of=tag_url_of)))
    # Items of `papers` and `tags` are documented in tables of their own, without the prefix.
    normalized = {re.sub(r"^(papers|tags)\[\]\.", "", field) for field in emitted}
    assert normalized == documented_fields()
    assert PAPERS_JSON_SCHEMA_DOC.startswith("## ") and PAPERS_JSON_SCHEMA_DOC.endswith("|\n")
