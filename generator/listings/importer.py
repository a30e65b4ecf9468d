"""Importing listings into data/papers: one YAML file per paper, merged, never duplicated."""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass, field
from pathlib import Path

from generator.catalog.abstracts import AbstractIndex, is_different
from generator.catalog.check import MAX_LENGTHS
from generator.catalog.distinct import DistinctPairs
from generator.catalog.duplicates import NearIndex, arxiv_in, same_title_key
from generator.catalog.model import Catalog, Link, Listing, Paper
from generator.catalog.possible import abstract_message, same_title_message
from generator.catalog.slugs import RESERVED_SLUGS, make_slug, natural_slug, title_key
from generator.catalog.store import PAPERS_DIR, display_path, dump_paper, load_catalog, paper_path
from generator.errors import Problem
from generator.listings.dating import describe_year, listing_day, year_of_listing
from generator.listings.links import extract_links
from generator.listings.parsing import ListingEntry, decode_listing, parse_listing
from generator.listings.text import clean_latex
from generator.output.outputs import CACHE
from generator.output.writer import write_files
from generator.runtime.progress import progress
from generator.tagger.suggester import Suggester


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the import decided for the curator, said in its output
    years: list[str] = field(default_factory=list)  # the year each listing's date was read in, and why
    notices: list[Problem] = field(default_factory=list)  # possible duplicates, at their listing's line: not merged
    suggested: int = 0  # new papers with suggested tags to confirm (every new paper has no curated tag)
    needing_tags: int = 0  # papers of the whole catalog, after the import, that no curator has tagged


def oversized(path: str, entry: ListingEntry) -> list[Problem]:
    """A problem for a title or abstract longer than a paper file may hold (see check.MAX_LENGTHS), or empty."""
    problems: list[Problem] = []
    for name, text, line in (("title", entry.title, entry.line), ("abstract", entry.abstract, entry.abstract_line)):
        cleaned = clean_latex(text)
        length, limit = len(cleaned), MAX_LENGTHS[name]
        if length > limit:
            message = f"the {name} is {length:,} characters long; {limit:,} at most: shorten it"
            problems.append(Problem(path, line, message))
        elif not cleaned.strip():
            problems.append(Problem(path, line, empty_after_cleaning(name, text)))
    return problems


def empty_after_cleaning(name: str, text: str) -> str:
    """What to say of a title or abstract that LaTeX clean-up (`~` is a space) leaves empty."""
    return f"the {name} {text[:60]!r} is empty once its LaTeX is cleaned up; write the {name} out"


def read_listings(
    paths: list[Path], root: Path, year: int | None = None, today: datetime.date | None = None
) -> tuple[list[tuple[Listing, ListingEntry, str]], list[str], list[Problem]]:
    """Each entry of every listing with the Listing it is in (the date with its year, the entry's place) and the
    listing's path as shown; the lines saying which year each listing's date was read in; the problems found."""
    entries: list[tuple[Listing, ListingEntry, str]] = []
    years: list[str] = []
    problems: list[Problem] = []
    for path in paths:
        shown = display_path(path.resolve(), root)
        if not path.is_file():
            problems.append(Problem(shown, 0, "no such listing file"))
            continue
        text, found = decode_listing(shown, path.read_bytes())
        parsed, parse_problems = parse_listing(shown, text) if text is not None else (None, found)
        problems += parse_problems
        if parsed is None:
            continue
        chosen = year_of_listing(path.name, parsed.date, year, today or datetime.date.today())
        if listing_day(parsed.date, chosen.year) is None:
            line = parsed.entries[0].line if parsed.entries else 0
            message = f"the listing date '{parsed.date}' is not a day of {chosen.year} ({chosen.reason}); give --year"
            problems.append(Problem(shown, line, message))
            continue
        years.append(describe_year(path.name, parsed.date, chosen))
        for position, entry in enumerate(parsed.entries, start=1):
            entries.append((Listing(parsed.date, path.name, chosen.year, position), entry, shown))
        problems += [problem for entry in parsed.entries for problem in oversized(shown, entry)]
    return entries, years, problems


class Merger:
    """Folds listing entries into the papers already in the catalog: the same paper (its arXiv id, or its
    normalised title, generator/catalog/duplicates.py, unless the abstracts differ) is merged; a near title or
    abstract, or one title with another abstract, is a new paper and a notice."""

    def __init__(self, catalog: Catalog, added: datetime.date, cache: Path | None = None) -> None:
        """`cache`: where the trained tagger is kept between runs (generator/tagger/saved.py)."""
        self.catalog = catalog
        self.added = added
        self.papers: dict[str, Paper] = {paper.slug: paper for paper in catalog.papers}
        self.originals = dict(self.papers)
        self.by_title: dict[str, list[str]] = {}  # the papers of each normalised title
        self.by_name: dict[str, str] = {}  # each paper's slug and aliases
        self.by_arxiv: dict[str, str] = {}
        self.notes: list[str] = []
        self.notices: list[Problem] = []
        self.suggest = Suggester(catalog, cache)
        self.near = NearIndex((paper.slug, paper.title) for paper in catalog.papers)
        self.abstracts = AbstractIndex((paper.slug, paper.abstract) for paper in catalog.papers)
        self.distinct = DistinctPairs(catalog.papers)
        for paper in catalog.papers:
            self.by_title.setdefault(same_title_key(paper.title), []).append(paper.slug)
            for name in (paper.slug, *paper.aliases):
                self.by_name.setdefault(name, paper.slug)
            if (arxiv := paper.arxiv or arxiv_in(paper.abstract)) is not None:
                self.by_arxiv.setdefault(arxiv, paper.slug)

    def fold(self, listing: Listing, entry: ListingEntry, shown: str | None = None) -> None:
        """Merge `entry` into its paper, or create one; a near match is noticed at `shown` (the listing's path)."""
        title = clean_latex(entry.title)
        abstract = clean_latex(entry.abstract)
        slug = self.find(title, arxiv_in(abstract), abstract)
        if slug is None:
            paper = self.create(title, abstract, extract_links(abstract), (listing,))
            self.notice_new(paper, shown or listing.source, entry.line)
        else:
            self.merge(slug, extract_links(abstract), listing)

    def find(self, title: str, arxiv: str | None = None, abstract: str | None = None) -> str | None:
        """The slug of the paper `title` (with arXiv id `arxiv`) names: by its arXiv id, its normalised title,
        or its slug or one of its aliases (a retitled paper), unless `abstract` says it is another paper
        (`is_different`). A near match is not the same paper."""
        if arxiv is not None and arxiv in self.by_arxiv:
            return self.by_arxiv[arxiv]
        different = dict(self.same_titled(title, abstract))
        return next((slug for slug in self.titled(title) if slug not in different), None)

    def titled(self, title: str) -> list[str]:
        """The papers of `title`'s normalised title, then the one it is the slug or an alias of."""
        slugs = list(self.by_title.get(same_title_key(title), ()))
        if (named := self.by_name.get(title_key(title))) is not None and named not in slugs:
            slugs.append(named)
        return slugs

    def same_titled(self, title: str, abstract: str | None) -> list[tuple[str, int]]:
        """(slug, abstract score) of each paper `title` names whose abstract is clearly not `abstract`."""
        if abstract is None:
            return []
        scored = ((slug, is_different(abstract, self.papers[slug].abstract)) for slug in self.titled(title))
        return [(slug, score) for slug, score in scored if score is not None]

    def notice_new(self, paper: Paper, path: str, line: int) -> None:
        """Say which papers `paper`, just created from `path`:`line`, may duplicate: one title and another
        abstract, a near title, a near abstract; each paper once, none named in `distinct_from`."""
        file = f"data/{PAPERS_DIR}/{paper.slug}.yml"
        apart = {other for other in self.papers if (paper.slug, other) in self.distinct} | {paper.slug}
        messages: dict[str, str] = {}
        for slug, score in self.same_titled(paper.title, paper.abstract):
            if slug not in apart:
                messages.setdefault(slug, same_title_message(slug, score, file, new=True))
        match = self.near.best(paper.title, exclude=paper.slug)
        # A near title whose abstract is clearly another paper's names another paper (generator/catalog/duplicates.py).
        told_apart = match is not None and is_different(paper.abstract, self.papers[match.slug].abstract) is not None
        if match is not None and match.slug not in apart and not told_apart:
            messages.setdefault(match.slug, match.message(file))
        found = self.abstracts.best(paper.abstract, exclude=apart | set(messages))
        if found is not None:
            messages[found[0]] = abstract_message(*found, file)
        self.notices += [Problem(path, line, message) for message in messages.values()]

    def create(
        self,
        title: str,
        abstract: str,
        links: tuple[Link, ...],
        listings: tuple[Listing, ...],
        tags: tuple[str, ...] | None = None,
    ) -> Paper:
        """A new paper with a fresh slug. `tags` are the curator's, when given (`add --tag`); otherwise the paper
        has none, and the vocabulary's suggestions go to `suggested_tags`, for a curator to confirm."""
        taken = set(self.papers) | {alias for paper in self.papers.values() for alias in paper.aliases}
        slug = make_slug(title, taken)
        if (natural := natural_slug(title)) in RESERVED_SLUGS:
            self.notes.append(f"{title!r} would be named '{natural}', a name the site uses; it is '{slug}' instead")
        suggested = () if tags is not None else self.suggest(title, abstract)
        paper = Paper(
            slug=slug,
            title=title,
            abstract=abstract,
            tags=tags or (),
            suggested_tags=suggested,
            links=links,
            listings=listings,
            added=self.added,
        )
        self.papers[slug] = paper
        self.by_title.setdefault(same_title_key(title), []).append(slug)
        self.by_name[slug] = slug
        if (arxiv := arxiv_in(abstract)) is not None:
            self.by_arxiv.setdefault(arxiv, slug)
        self.near.add(slug, title)
        self.abstracts.add(slug, abstract)
        return paper

    def merge(self, slug: str, links: tuple[Link, ...], listing: Listing) -> None:
        """Append the links and the listing a paper does not have yet; nothing else changes."""
        paper = self.papers[slug]
        known_urls = {link.url for link in paper.links}
        new_links = tuple(link for link in links if link.url not in known_urls)
        # The same listing file and date is the same listing, whether or not an earlier import knew its year.
        seen = any((known.date, known.source) == (listing.date, listing.source) for known in paper.listings)
        new_listings = () if seen else (listing,)
        if new_links or new_listings:
            self.papers[slug] = dataclasses.replace(
                paper, links=paper.links + new_links, listings=paper.listings + new_listings
            )

    def report(self) -> ImportReport:
        report = ImportReport(notes=list(self.notes), notices=list(self.notices))
        report.needing_tags = sum(paper.needs_tags for paper in self.papers.values())
        for slug, paper in sorted(self.papers.items()):
            before = self.originals.get(slug)
            target = report.added if before is None else report.unchanged if before == paper else report.merged
            target.append(slug)
        report.suggested = sum(bool(self.papers[slug].suggested_tags) for slug in report.added)
        return report


def import_listings(
    paths: list[Path], root: Path, added: datetime.date, year: int | None = None
) -> tuple[ImportReport, list[Problem]]:
    """Parse every listing, then merge them into data/papers; nothing is written if anything fails. A listing's
    date is read in `year`, or as `year_of_listing` decides with `added` as the import date."""
    data_dir = root / "data"
    entries, years, problems = read_listings(paths, root, year, added)
    loaded, catalog_problems = load_catalog(data_dir, root)
    problems += catalog_problems
    if problems:
        return ImportReport(), problems
    merger = Merger(loaded.catalog, added, root / CACHE)
    for listing, entry, shown in progress(entries, "Listing entries"):
        merger.fold(listing, entry, shown)
    report = merger.report()
    report.years = years
    write_papers(root, [merger.papers[slug] for slug in report.added + report.merged])
    return report, []


def write_papers(root: Path, papers: list[Paper]) -> None:
    data_dir = root / "data"
    write_files(root, {display_path(paper_path(data_dir, paper.slug), root): dump_paper(paper) for paper in papers})
