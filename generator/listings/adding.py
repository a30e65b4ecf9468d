"""Adding papers one at a time: from the command line or a listing, refusing any already in the catalog."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from generator.catalog.check import check_paper
from generator.catalog.duplicates import arxiv_in
from generator.catalog.model import Link, Listing, Location, Paper
from generator.catalog.schema import link_url_problems
from generator.catalog.store import display_path, load_catalog, paper_path
from generator.errors import Problem
from generator.listings.importer import Merger, empty_after_cleaning, read_listings, write_papers
from generator.listings.links import classify_url, extract_links
from generator.listings.text import clean_latex
from generator.output.outputs import CACHE

COMMAND_LINE = "command line"


@dataclass(frozen=True)
class Submission:
    """A paper to add, and where it was given (a listing's path and line, or the command line)."""

    title: str
    abstract: str
    links: tuple[str, ...] = ()
    tags: tuple[str, ...] | None = None
    listing: Listing | None = None
    origin: str = COMMAND_LINE
    line: int = 0


def submissions_from_listings(paths: list[Path], root: Path) -> tuple[list[Submission], list[Problem]]:
    entries, _, problems = read_listings(paths, root)
    submissions = [
        Submission(entry.title, entry.abstract, listing=listing, origin=listing.source, line=entry.line)
        for listing, entry, _ in entries
    ]
    return submissions, problems


def collect_links(submission: Submission, abstract: str) -> tuple[Link, ...]:
    links: dict[str, Link] = {link.url: link for link in extract_links(abstract)}
    for url in submission.links:
        link = classify_url(url.strip())
        links.setdefault(link.url, link)
    return tuple(links.values())


def _fields(submission: Submission, title: str, abstract: str) -> list[tuple[str, str, str]]:
    """(name, text as given, text cleaned) of the title and the abstract."""
    return [("title", submission.title, title), ("abstract", submission.abstract, abstract)]


@dataclass(frozen=True)
class Added:
    """The papers an `add` created, what it decided for the curator (a name the site uses, avoided), and the
    papers they may duplicate, at the line each was given."""

    papers: list[Paper]
    notes: list[str]
    notices: list[Problem] = field(default_factory=list)


def add_papers(submissions: list[Submission], root: Path, added: datetime.date) -> tuple[Added, list[Problem]]:
    """Create one data file per submission; if any is a duplicate or invalid, write nothing."""
    data_dir = root / "data"
    loaded, problems = load_catalog(data_dir, root)
    if problems:
        return Added([], []), problems
    merger = Merger(loaded.catalog, added, root / CACHE)
    known_tags = [tag.slug for tag in loaded.catalog.tags]
    created: list[Paper] = []
    for submission in submissions:
        title = clean_latex(submission.title)
        abstract = clean_latex(submission.abstract)
        empty = [(name, text) for name, text, clean in _fields(submission, title, abstract) if not clean.strip()]
        if empty:
            problems += [Problem(submission.origin, submission.line, empty_after_cleaning(*field)) for field in empty]
            continue
        arxiv = arxiv_in(abstract)
        existing = merger.find(title, arxiv, abstract)
        if existing is not None:
            where = display_path(paper_path(data_dir, existing), root)
            same = f" (arXiv {arxiv})" if arxiv is not None and merger.by_arxiv.get(arxiv) == existing else ""
            message = f"{title!r} is already in the catalog as {where}{same}; edit that file instead"
            problems.append(Problem(submission.origin, submission.line, message))
            continue
        listings = (submission.listing,) if submission.listing else ()
        paper = merger.create(title, abstract, collect_links(submission, abstract), listings, submission.tags)
        merger.notice_new(paper, submission.origin, submission.line)
        # Checked as the file it will become, reported where the paper was given.
        location = Location(display_path(paper_path(data_dir, paper.slug), root))
        found = check_paper(paper, location, known_tags)
        found += [problem for link in paper.links for problem in link_url_problems(location.path, 0, link)]
        problems += [Problem(submission.origin, submission.line, problem.message) for problem in found]
        created.append(paper)
    if problems:
        return Added([], []), problems
    write_papers(root, created)
    return Added(created, merger.notes, merger.notices), []
