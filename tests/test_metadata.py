"""Scholar meta tags and JSON-LD of a paper page."""

from __future__ import annotations

import dataclasses
import datetime

from generator.catalog.model import Paper
from generator.site.metadata import json_ld, scholar_meta

PAPER = Paper(
    slug="a-paper",
    title="A </script> Paper & more",
    abstract="A first sentence that the page shows in full. A second one.",
    tags=("speech",),
    links=(),
    listings=(),
    added=datetime.date(2024, 3, 17),
    authors=("Ada Lovelace",),
    year=2023,
    arxiv="2401.01234",
)


def test_json_ld_is_compact_and_has_no_description_or_url() -> None:
    assert json_ld(PAPER, ["Speech"]) == (
        '{"@context":"https://schema.org","@type":"ScholarlyArticle",'
        '"name":"A \\u003c/script\\u003e Paper \\u0026 more",'
        '"keywords":["Speech"],"dateCreated":"2024-03-17",'
        '"author":[{"@type":"Person","name":"Ada Lovelace"}],"datePublished":"2023","identifier":"arXiv:2401.01234",'
        '"sameAs":"https://arxiv.org/abs/2401.01234"}'
    )


def test_scholar_meta_of_a_paper_with_every_field() -> None:
    assert scholar_meta(PAPER) == [
        ("citation_title", "A </script> Paper & more"),
        ("citation_author", "Ada Lovelace"),
        ("citation_publication_date", "2023"),
        ("citation_arxiv_id", "2401.01234"),
        ("citation_pdf_url", "https://arxiv.org/pdf/2401.01234"),
    ]


HOSTILE = dataclasses.replace(
    PAPER,
    authors=("<script>alert(1)</script>", 'Brace } and "Quote"'),
    year=None,
    published=datetime.date(2024, 5, 6),
)


def test_scholar_meta_gives_the_publication_day_and_every_author_as_written() -> None:
    assert scholar_meta(HOSTILE) == [
        ("citation_title", "A </script> Paper & more"),
        ("citation_author", "<script>alert(1)</script>"),
        ("citation_author", 'Brace } and "Quote"'),
        ("citation_publication_date", "2024/05/06"),
        ("citation_arxiv_id", "2401.01234"),
        ("citation_pdf_url", "https://arxiv.org/pdf/2401.01234"),
    ]


def test_json_ld_names_each_author_as_a_person_safely_inside_its_script() -> None:
    assert json_ld(HOSTILE, []) == (
        '{"@context":"https://schema.org","@type":"ScholarlyArticle",'
        '"name":"A \\u003c/script\\u003e Paper \\u0026 more","keywords":[],"dateCreated":"2024-03-17",'
        '"author":[{"@type":"Person","name":"\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"},'
        '{"@type":"Person","name":"Brace } and \\"Quote\\""}],"datePublished":"2024-05-06",'
        '"identifier":"arXiv:2401.01234","sameAs":"https://arxiv.org/abs/2401.01234"}'
    )


def test_a_paper_without_identity_has_only_its_title() -> None:
    bare = dataclasses.replace(PAPER, authors=(), year=None, arxiv=None)
    assert scholar_meta(bare) == [("citation_title", "A </script> Paper & more")]
    assert "author" not in json_ld(bare, []) and "sameAs" not in json_ld(bare, [])
