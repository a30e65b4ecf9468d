"""Turning the Hub's daily-papers items into papers, merged into the catalog as listing imports are."""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.catalog.model import Link, Listing
from generator.catalog.store import load_catalog
from generator.catalog.urls import arxiv_problem, url_problem
from generator.errors import Problem
from generator.listings.dating import MONTHS
from generator.listings.importer import ImportReport, Merger, oversized, write_papers
from generator.listings.links import classify_url
from generator.listings.parsing import ListingEntry
from generator.listings.text import clean_latex
from generator.output.outputs import CACHE
from generator.sources.hub import DailyList, fetch_day, source_name


@dataclass(frozen=True)
class DailyPaper:
    """One paper of a daily list, checked: what the catalog records of it."""

    listing: Listing
    entry: ListingEntry  # title and abstract as the Hub gave them; the line is the paper's place in the list
    arxiv: str | None
    authors: tuple[str, ...]
    published: datetime.date | None
    links: tuple[Link, ...]


def listing_date(day: datetime.date) -> str:
    """`day` as listings print it: 'Nov 3'."""
    return f"{MONTHS[day.month - 1][0][:3]} {day.day}"


def text_field(fields: dict[str, Any], name: str) -> str | None:
    """The text of a field on one line, or None for a field that is missing, empty or not text. The Hub keeps
    arXiv's line breaks in titles and abstracts; a listing joins its lines with spaces too."""
    value = fields.get(name)
    return (" ".join(value.split()) or None) if isinstance(value, str) else None


def read_link(where: str, position: int, url: str | None, kind: str) -> tuple[Link | None, list[Problem]]:
    """The link of `url` (a repository, or a project page whatever its host), or the problem that keeps it out."""
    if url is None:
        return None, []
    reason = url_problem(url, ("http", "https"))
    if reason is not None:
        return None, [Problem(where, position, f"the {kind} URL {url[:80]!r} {reason}; it was left out")]
    link = classify_url(url)
    return (link if kind == "repository" else dataclasses.replace(link, kind="project")), []


def read_item(where: str, listing: Listing, item: Any) -> tuple[DailyPaper | None, list[Problem], list[Problem]]:
    """The paper of one item, the problems that keep it out, and the notices of what was left out of it."""
    position = listing.position or 0
    paper = item.get("paper") if isinstance(item, dict) else None
    if not isinstance(paper, dict):
        return None, [Problem(where, position, "the item has no 'paper' object")], []
    title = text_field(paper, "title") or text_field(item, "title")
    abstract = text_field(paper, "summary")
    if title is None or abstract is None:
        missing = "title" if title is None else "summary"
        return None, [Problem(where, position, f"the paper has no {missing}")], []
    notices: list[Problem] = []
    arxiv = text_field(paper, "id")
    if arxiv is not None and (reason := arxiv_problem(arxiv)) is not None:
        notices.append(Problem(where, position, f"the paper id {arxiv[:40]!r} {reason}; it was left out"))
        arxiv = None
    authors = paper.get("authors")
    names = tuple(
        name
        for author in (authors if isinstance(authors, list) else [])
        if isinstance(author, dict) and (name := text_field(author, "name")) is not None
    )
    published = None
    if (stamp := text_field(paper, "publishedAt")) is not None:
        try:
            published = datetime.date.fromisoformat(stamp[:10])
        except ValueError:
            notices.append(Problem(where, position, f"publishedAt {stamp[:40]!r} is not a date; it was left out"))
    links: list[Link] = []
    for url, kind in ((text_field(paper, "githubRepo"), "repository"), (text_field(paper, "projectPage"), "project")):
        link, problems = read_link(where, position, url, kind)
        notices += problems
        if link is not None and link.url not in {known.url for known in links}:
            links.append(link)
    entry = ListingEntry(title, abstract, position, position)
    return DailyPaper(listing, entry, arxiv, names, published, tuple(links)), [], notices


def read_daily_list(daily: DailyList) -> tuple[list[DailyPaper], list[Problem], list[Problem]]:
    """The papers of one day's list in its order, the problems that stop the import, the notices to print."""
    where = source_name(daily.day)
    papers: list[DailyPaper] = []
    problems: list[Problem] = []
    notices: list[Problem] = []
    for position, item in enumerate(daily.items, start=1):
        listing = Listing(listing_date(daily.day), where, daily.day.year, position)
        paper, item_problems, item_notices = read_item(where, listing, item)
        problems += item_problems
        notices += item_notices
        if paper is not None:
            problems += oversized(where, paper.entry)
            papers.append(paper)
    return papers, problems, notices


def fold_daily(merger: Merger, daily: DailyPaper) -> None:
    """Merge `daily` into its paper (by arXiv id or title), or create it with its authors, date and arXiv id."""
    title = clean_latex(daily.entry.title)
    abstract = clean_latex(daily.entry.abstract)
    slug = merger.find(title, daily.arxiv, abstract)
    if slug is not None:
        merger.merge(slug, daily.links, daily.listing)
        if daily.arxiv is not None:  # a later day may list it under another title
            merger.by_arxiv.setdefault(daily.arxiv, slug)
        return
    paper = merger.create(title, abstract, daily.links, (daily.listing,))
    paper = dataclasses.replace(paper, arxiv=daily.arxiv, authors=daily.authors, published=daily.published)
    merger.papers[paper.slug] = paper
    if daily.arxiv is not None:
        merger.by_arxiv.setdefault(daily.arxiv, paper.slug)
    merger.notice_new(paper, daily.listing.source, daily.entry.line)


def import_daily(
    days: list[datetime.date],
    root: Path,
    added: datetime.date,
    fetch: Callable[[datetime.date], tuple[DailyList | None, Problem | None]] = fetch_day,
) -> tuple[ImportReport, list[Problem]]:
    """Fetch every day's list, then merge its papers into data/papers; nothing is written if anything fails."""
    papers: list[DailyPaper] = []
    problems: list[Problem] = []
    notices: list[Problem] = []
    counts: list[str] = []
    for day in days:
        daily, problem = fetch(day)
        if problem is not None:
            problems.append(problem)
        if daily is not None:
            day_papers, day_problems, day_notices = read_daily_list(daily)
            papers += day_papers
            problems += day_problems
            notices += day_notices
            listed = f"{len(day_papers)} paper{'s' if len(day_papers) != 1 else ''}"
            counts.append(f"{source_name(day)}: {listed} listed on {day.isoformat()} ({listing_date(day)})")
    if problems:
        return ImportReport(), problems
    loaded, catalog_problems = load_catalog(root / "data", root)
    if catalog_problems:
        return ImportReport(), catalog_problems
    merger = Merger(loaded.catalog, added, root / CACHE)
    for daily_paper in papers:
        fold_daily(merger, daily_paper)
    report = merger.report()
    report.notices = notices + report.notices
    report.years = counts
    write_papers(root, [merger.papers[slug] for slug in report.added + report.merged])
    return report, []
