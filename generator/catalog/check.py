"""Validation of a loaded catalog: every problem, each with the file and line to fix."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Collection, Sequence
from pathlib import PurePosixPath

from generator.catalog.abstracts import is_different
from generator.catalog.distinct import DistinctPairs, check_distinct_from
from generator.catalog.duplicates import same_title_key
from generator.catalog.model import Location, Paper, PaperFields
from generator.catalog.slugs import slug_problem
from generator.catalog.store import LoadedCatalog
from generator.errors import Problem
from generator.runtime.executor import AUTOMATIC, Executor


def check_catalog(loaded: LoadedCatalog, executor: Executor = AUTOMATIC) -> list[Problem]:
    """Problems that span files or need the vocabulary: the schema itself is checked while loading. The
    papers are checked in runs, as `executor` runs them."""
    with executor.running():
        problems = check_vocabulary(loaded)
        # A dict: looked up as fast as a set, listed in vocabulary order as a list.
        known_tags = dict.fromkeys(tag.slug for tag in loaded.catalog.tags) if loaded.vocabulary_loaded else None
        papers = loaded.catalog.papers
        # The checks of one file look at broken files too; those comparing papers, at built papers only.
        entries: list[tuple[PaperFields, Location]] = [*zip(papers, loaded.paper_locations, strict=True)]
        entries += loaded.broken

        def check_run(start: int, end: int) -> tuple[list[Problem], list[str]]:
            """The problems of entries [start, end), and the normalised titles of the built papers among them."""
            found: list[Problem] = []
            for paper, location in entries[start:end]:
                found += check_paper(paper, location, known_tags)
            return found, [same_title_key(paper.title) for paper in papers[start:end]]

        title_keys: list[str] = []
        for found, keys in executor.map_runs(check_run, len(entries)):
            problems += found
            title_keys += keys
        problems += check_unique(loaded, title_keys)
        # Few papers name others they are not: only those are looked at, in this process.
        naming = [(paper, location) for paper, location in entries if paper.distinct_from]
        if naming:
            slugs = [paper.slug for paper, _ in entries if paper.slug is not None]
            problems += check_distinct_from(naming, slugs)
        return sorted(problems)


def check_vocabulary(loaded: LoadedCatalog) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[str] = set()
    for tag, location in zip(loaded.catalog.tags, loaded.tag_locations, strict=True):
        if (wrong := slug_problem(tag.slug)) is not None:
            problems.append(Problem(location.path, location.of("slug"), f"tag slug {tag.slug!r} {wrong}"))
        if tag.slug in seen:
            problems.append(Problem(location.path, location.of("slug"), f"tag '{tag.slug}' is defined twice; keep one"))
        if not tag.description.strip():
            problems.append(
                Problem(
                    location.path,
                    location.line,
                    f"tag '{tag.slug}' has no description; add one sentence saying what its papers are about",
                )
            )
        seen.add(tag.slug)
        problems += check_aliases(tag.slug, tag.aliases, location)
    return problems + check_tag_names(loaded)


def check_tag_names(loaded: LoadedCatalog) -> list[Problem]:
    """A tag's alias names no other tag: neither another tag's slug nor another tag's alias."""
    owners: dict[str, list[str]] = defaultdict(list)
    for tag in loaded.catalog.tags:
        for name in dict.fromkeys((tag.slug, *tag.aliases)):
            owners[name].append(tag.slug)
    problems: list[Problem] = []
    for tag, location in zip(loaded.catalog.tags, loaded.tag_locations, strict=True):
        for index, alias in enumerate(tag.aliases):
            others = [other for other in owners[alias] if other != tag.slug]
            if others:
                message = f"alias '{alias}' also names the tag '{others[0]}'; an old URL can lead to one tag only"
                problems.append(Problem(location.path, location.of("aliases", index), message))
    return problems


# Far above any real title or abstract, far below what would bloat a page, a feed or the search index.
MAX_LENGTHS = {"title": 500, "abstract": 10_000}


def check_lengths(paper: PaperFields, location: Location) -> list[Problem]:
    problems: list[Problem] = []
    for field, limit in MAX_LENGTHS.items():
        text = getattr(paper, field)
        length = 0 if text is None else len(text)
        if length > limit:
            message = f"the {field} is {length:,} characters long; {limit:,} at most: shorten it"
            problems.append(Problem(location.path, location.of(field), message))
    return problems


def file_name(path: str) -> str:
    """`PurePosixPath(path).name`, without making a path object for each of 100,000 papers."""
    name = path.rpartition("/")[2]
    return name if name not in ("", ".") else PurePosixPath(path).name


def check_paper(paper: PaperFields, location: Location, known_tags: Collection[str] | None) -> list[Problem]:
    """The problems of one paper file, leaving out fields that could not be read (already reported).

    `known_tags` is None when the vocabulary itself could not be read: its problem is reported, and
    calling every tag unknown would only bury it.
    """
    problems = check_lengths(paper, location)
    path = location.path
    if paper.slug is not None:
        problems += check_slug(paper.slug, location)
    problems += check_tag_list(paper.tags, "tags", location, known_tags)
    problems += check_tag_list(paper.suggested_tags, "suggested_tags", location, known_tags)
    for index, tag in enumerate(paper.suggested_tags):
        if tag in paper.tags:
            message = f"tag '{tag}' is both in tags and in suggested_tags; a confirmed tag stays in tags only"
            problems.append(Problem(path, location.of("suggested_tags", index), message))
    return problems + check_aliases(paper.slug, paper.aliases, location)


def check_slug(slug: str, location: Location) -> list[Problem]:
    """The slug is a valid one, and the file is named for it."""
    if (wrong := slug_problem(slug)) is not None:
        return [Problem(location.path, location.of("slug"), f"slug {slug!r} {wrong}")]
    if file_name(location.path) != f"{slug}.yml":
        message = f"the file name does not match the slug '{slug}'; rename the file to {slug}.yml"
        return [Problem(location.path, location.of("slug"), message)]
    return []


def check_tag_list(
    tags: Sequence[str], field: str, location: Location, known_tags: Collection[str] | None
) -> list[Problem]:
    """Each tag of `tags` (the paper's `field`) is in the vocabulary and listed once. An empty list is fine: a
    paper without tags is listed on the Needs tags page for curators."""
    problems: list[Problem] = []
    for index, tag in enumerate(tags):
        line = location.of(field, index)
        if known_tags is not None and tag not in known_tags:
            close = difflib.get_close_matches(tag, known_tags, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else "; add it to data/tags.yml or pick a known tag"
            problems.append(Problem(location.path, line, f"unknown tag '{tag}'{hint}"))
        if tag in tags[:index]:
            problems.append(Problem(location.path, line, f"tag '{tag}' is listed twice; keep one"))
    return problems


def check_aliases(slug: str | None, aliases: Sequence[str], location: Location) -> list[Problem]:
    """Each alias is a slug of its own: valid, not the entry's own slug, listed once."""
    problems: list[Problem] = []
    for index, alias in enumerate(aliases):
        line = location.of("aliases", index)
        if (wrong := slug_problem(alias)) is not None:
            problems.append(Problem(location.path, line, f"alias {alias!r} {wrong}"))
        elif alias == slug:
            problems.append(Problem(location.path, line, f"alias '{alias}' is the slug itself; remove it"))
        elif alias in aliases[:index]:
            problems.append(Problem(location.path, line, f"alias '{alias}' is listed twice; keep one"))
    return problems


def check_unique(loaded: LoadedCatalog, title_keys: Sequence[str] | None = None) -> list[Problem]:
    """Slugs (with aliases), titles (normalised: generator/catalog/duplicates.py) and arXiv ids must each belong to one
    paper; a title may belong to two papers with clearly different abstracts, or named in `distinct_from`.

    `title_keys` holds the `same_title_key` of each paper's title, when already found."""
    # Where each value is held: the paper, and the field (and item) whose line a duplicate is reported at.
    owners: dict[tuple[str, str], list[tuple[Paper, Location, str, int | None]]] = defaultdict(list)
    papers = loaded.catalog.papers
    if title_keys is None:
        title_keys = [same_title_key(paper.title) for paper in papers]
    for paper, location, key in zip(papers, loaded.paper_locations, title_keys, strict=True):
        owners[("slug", paper.slug)].append((paper, location, "slug", None))
        for index, alias in enumerate(paper.aliases):
            owners[("slug", alias)].append((paper, location, "aliases", index))
        # Several papers may share a repository (WizardLM and WizardCoder share nlpxucan/WizardLM): not checked.
        owners[("title", key)].append((paper, location, "title", None))
        if paper.arxiv is not None:
            owners[("arXiv id", paper.arxiv)].append((paper, location, "arxiv", None))
    distinct = DistinctPairs(papers)

    def separate(paper: Paper, other: Paper) -> bool:
        """One title, two papers: a curator said so, or their abstracts do (generator/catalog/abstracts.py)."""
        return (paper.slug, other.slug) in distinct or is_different(paper.abstract, other.abstract) is not None

    problems: list[Problem] = []
    for (kind, value), holders in owners.items():
        if len(holders) < 2:  # the one paper holding it, as for almost every value
            continue
        for paper, location, field, item in holders:
            paths = {
                other_location.path
                for other, other_location, _, _ in holders
                if other_location.path != location.path and not (kind == "title" and separate(paper, other))
            }
            if not paths:
                continue
            others = ", ".join(sorted(paths))
            shown = paper.title if kind == "title" else value
            message = f"duplicate {kind} {shown!r}, also in {others}; merge the papers or change one"
            problems.append(Problem(location.path, location.of(field, item), message))
    return problems
