"""Machine-readable descriptions of a paper page: Google Scholar's citation_* meta tags and JSON-LD."""

from __future__ import annotations

import json
from collections.abc import Sequence

from generator.catalog.model import Paper
from generator.site.citation import arxiv_abstract_url, arxiv_pdf_url


def publication_date(paper: Paper, separator: str) -> str | None:
    """The day the paper came out as YYYY<sep>MM<sep>DD, else its year alone, else None."""
    if paper.published is not None:
        return paper.published.strftime(f"%Y{separator}%m{separator}%d")
    return str(paper.year) if paper.year is not None else None


def scholar_meta(paper: Paper) -> list[tuple[str, str]]:
    """(name, content) pairs for Google Scholar, from whatever the data holds; never an invented date.

    The page's address is its canonical link; Scholar reads that, so it is not repeated here."""
    meta = [("citation_title", paper.title)]
    meta += [("citation_author", author) for author in paper.authors]
    date = publication_date(paper, "/")
    if date is not None:
        meta.append(("citation_publication_date", date))
    if paper.arxiv:
        meta += [("citation_arxiv_id", paper.arxiv), ("citation_pdf_url", arxiv_pdf_url(paper.arxiv))]
    return meta


def json_ld(paper: Paper, tag_names: Sequence[str]) -> str:
    """A schema.org ScholarlyArticle, safe to place inside <script type="application/ld+json">.

    No `url` and no description: the page's canonical link and og:url give its address, and its meta
    description and abstract say what it is; a paper page has its weight counted (docs/benchmarks.md)."""
    article: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "name": paper.title,
        "keywords": list(tag_names),
        "dateCreated": paper.added.isoformat(),
    }
    if paper.authors:
        article["author"] = [{"@type": "Person", "name": author} for author in paper.authors]
    date = publication_date(paper, "-")
    if date is not None:
        article["datePublished"] = date
    if paper.arxiv:
        article["identifier"] = f"arXiv:{paper.arxiv}"
        article["sameAs"] = arxiv_abstract_url(paper.arxiv)
    present = {key: value for key, value in article.items() if value is not None}
    text = json.dumps(present, ensure_ascii=False, separators=(",", ":"))
    # Inside a <script> element only "</" can end it early; escaping <, > and & in JSON strings is harmless.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
