"""`enrich`: papers without an arXiv id found by their title, on the Hugging Face Hub and then on arXiv, and
given the arXiv id, authors, publication day and year a match brings; only an unambiguous match counts
(`matching.py`), and no field a curator wrote is ever replaced.

Answers are cached by service and title (`CACHE_FILE` under .cache/), so a second run asks nothing.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from generator.catalog.model import Catalog, Paper
from generator.catalog.urls import arxiv_problem
from generator.sources.http import ServiceError
from generator.sources.matching import Candidate, Match, match_paper

CACHE_FILE = "enrich-answers.json"


class Finder(Protocol):
    """A service that finds papers by title; raises ServiceError when it cannot answer."""

    name: str

    def search_title(self, title: str) -> list[Candidate]: ...


@dataclass(frozen=True)
class Outcome:
    """What enriching one paper found: the paper as it is now, the match and the service that gave it."""

    paper: Paper
    match: Match
    service: str | None = None
    note: str | None = None  # why a match was not used, or what a service failed with


@dataclass
class Enriched:
    filled: list[Outcome] = field(default_factory=list)
    unmatched: list[Outcome] = field(default_factory=list)
    stopped: str | None = None  # no network: nothing is written


class AnswerCache:
    """Services' answers by service and title, kept as JSON between runs."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.answers: dict[str, list[dict[str, Any]]] = {}
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            loaded = {}  # a cache that cannot be read is asked again
        if isinstance(loaded, dict):
            self.answers = {key: value for key, value in loaded.items() if isinstance(value, list)}
        self.changed = False

    def get(self, service: str, title: str) -> list[Candidate] | None:
        answer = self.answers.get(f"{service}\t{title}")
        if answer is None:
            return None
        try:
            return [_candidate(item) for item in answer]
        except (KeyError, TypeError, ValueError):
            return None

    def put(self, service: str, title: str, candidates: list[Candidate]) -> None:
        self.answers[f"{service}\t{title}"] = [_candidate_data(candidate) for candidate in candidates]
        self.changed = True

    def dump(self) -> str:
        return json.dumps(self.answers, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def _candidate_data(candidate: Candidate) -> dict[str, Any]:
    data = dataclasses.asdict(candidate)
    data["authors"] = list(candidate.authors)
    data["published"] = candidate.published.isoformat() if candidate.published else None
    return data


def _candidate(data: dict[str, Any]) -> Candidate:
    published = data.get("published")
    return Candidate(
        arxiv=str(data["arxiv"]),
        title=str(data["title"]),
        abstract=str(data.get("abstract", "")),
        authors=tuple(str(name) for name in data.get("authors", [])),
        published=datetime.date.fromisoformat(published) if published else None,
        category=str(data["category"]) if data.get("category") else None,
    )


def needing_identity(catalog: Catalog, limit: int | None = None) -> list[Paper]:
    """The papers without an arXiv id, newest first, `limit` of them at most."""
    papers = [paper for paper in catalog.by_recency if paper.arxiv is None]
    return papers if limit is None else papers[:limit]


def enrich_papers(papers: Iterable[Paper], catalog: Catalog, finders: Sequence[Finder], cache: AnswerCache) -> Enriched:
    """Find each paper on the services in turn (the next only when one finds no match), and fill its fields."""
    enriched = Enriched()
    owners = {paper.arxiv: paper.slug for paper in catalog.papers if paper.arxiv}
    for paper in papers:
        outcome = _find(paper, finders, cache)
        if isinstance(outcome, str):
            enriched.stopped = outcome
            return enriched
        candidate = outcome.match.candidate
        if candidate is None:
            enriched.unmatched.append(outcome)
            continue
        if arxiv_problem(candidate.arxiv) is not None:
            enriched.unmatched.append(dataclasses.replace(outcome, note=f"the id {candidate.arxiv!r} is not arXiv's"))
            continue
        owner = owners.get(candidate.arxiv)
        if owner is not None and owner != paper.slug:
            note = f"arXiv {candidate.arxiv} is already the paper '{owner}': a possible duplicate, for a curator"
            enriched.unmatched.append(dataclasses.replace(outcome, note=note))
            continue
        owners[candidate.arxiv] = paper.slug
        enriched.filled.append(dataclasses.replace(outcome, paper=filled(paper, candidate)))
    return enriched


def _find(paper: Paper, finders: Sequence[Finder], cache: AnswerCache) -> Outcome | str:
    """The first match of the services, or the last verdict; a string when there is no network."""
    outcome = Outcome(paper, Match("none"))
    failures: list[str] = []
    for finder in finders:
        candidates = cache.get(finder.name, paper.title)
        if candidates is None:
            try:
                candidates = finder.search_title(paper.title)
            except ServiceError as error:
                if error.unreachable:
                    return error.reason
                failures.append(error.reason)
                continue
            cache.put(finder.name, paper.title, candidates)
        match = match_paper(paper.title, paper.abstract, candidates)
        if match.candidate is not None:
            return Outcome(paper, match, finder.name)
        if match.verdict == "ambiguous" or outcome.match.verdict != "ambiguous":
            outcome = Outcome(paper, match, finder.name)
    return dataclasses.replace(outcome, note="; ".join(failures) or None)


def filled(paper: Paper, candidate: Candidate) -> Paper:
    """`paper` with the fields the candidate knows and the paper lacks; what a curator wrote stays."""
    published = paper.published or candidate.published
    return dataclasses.replace(
        paper,
        arxiv=paper.arxiv or candidate.arxiv,
        category=paper.category or candidate.category,
        authors=paper.authors or candidate.authors,
        published=published,
        year=paper.year or (published.year if published else None),
    )
