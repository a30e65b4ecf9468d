"""Scholar meta tags and JSON-LD of a paper page."""

from __future__ import annotations

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
