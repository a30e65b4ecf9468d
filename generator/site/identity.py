"""What a paper page shows under the title: its authors, its date, and where to read the paper."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from generator.catalog.model import Paper
from generator.listings.text import normalize_space
from generator.site.citation import arxiv_abstract_url, arxiv_pdf_url

# Authors named under a paper's title; a longer list is shown in full on request.
AUTHORS_SHOWN = 10
HUGGING_FACE_PAPER = "https://huggingface.co/papers/{}"


def arxiv_title_search_url(title: str) -> str:
    return "https://arxiv.org/search/?" + urlencode({"query": normalize_space(title), "searchtype": "title"})


def scholar_title_search_url(title: str) -> str:
    """Google Scholar's search for the title as a phrase."""
    return "https://scholar.google.com/scholar?" + urlencode({"q": f'"{normalize_space(title)}"'})


def identity_of(paper: Paper) -> dict[str, Any]:
    """What the page shows under a paper's title: authors, date, and links to the paper on arXiv, or to a
    search for its title where its arXiv id is not known (yet: `enrich` finds it)."""
    date = paper.published.isoformat() if paper.published is not None else paper.year
    if paper.arxiv:
        links = [
            ("arXiv", arxiv_abstract_url(paper.arxiv)),
            ("PDF", arxiv_pdf_url(paper.arxiv)),
            ("Hugging Face", HUGGING_FACE_PAPER.format(paper.arxiv)),
        ]
    else:
        links = [
            ("Search arXiv", arxiv_title_search_url(paper.title)),
            ("Google Scholar", scholar_title_search_url(paper.title)),
        ]
    return {
        "authors": paper.authors[:AUTHORS_SHOWN],
        "hidden": len(paper.authors[AUTHORS_SHOWN:]),
        "date": date,
        "links": links,
    }
