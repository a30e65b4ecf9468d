"""Whether a paper found by its title on a service is the catalog's paper: only an unambiguous match counts.

A candidate matches when its normalised title equals the paper's (as duplicates are found: case, accents,
punctuation, hyphenation, plurals and spelling folded), or when its title is near (rapidfuzz's `fuzz.ratio`
of NEAR_THRESHOLD or more, the threshold duplicates are reported at) and its abstract agrees with the
paper's. Two candidates with different arXiv ids that both qualify, or a near title within AMBIGUITY_MARGIN
of another, make the paper ambiguous: it is reported, never filled.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

from generator.catalog.duplicates import NEAR_THRESHOLD, fuzzy_text, same_title_key

ABSTRACT_AGREEMENT = 0.5  # share of the shorter abstract's distinct words found in the other
AMBIGUITY_MARGIN = 3  # fuzz.ratio points
ABSTRACT_WORD = re.compile(r"[^\W\d_]{4,}")  # words of 4+ letters: what two abstracts of one paper share


@dataclass(frozen=True)
class Candidate:
    """A paper a service returned for a title: its arXiv id and what it says of the paper."""

    arxiv: str
    title: str
    abstract: str = ""
    authors: tuple[str, ...] = ()
    published: datetime.date | None = None
    category: str | None = None  # arXiv's primary category, where the service gives it


Verdict = Literal["title", "near title and abstract", "none", "ambiguous"]


@dataclass(frozen=True)
class Match:
    verdict: Verdict
    candidate: Candidate | None = None  # only for a match
    others: tuple[str, ...] = ()  # the arXiv ids of an ambiguous match


def abstracts_agree(first: str, second: str) -> bool:
    """Most distinct words of the shorter abstract are in the other (arXiv's abstract and a listing's copy of
    it differ in markup and line breaks, not in words)."""
    words = [set(ABSTRACT_WORD.findall(text.casefold())) for text in (first, second)]
    shorter = min(words, key=len)
    return bool(shorter) and len(words[0] & words[1]) / len(shorter) >= ABSTRACT_AGREEMENT


def match_paper(title: str, abstract: str, candidates: Sequence[Candidate]) -> Match:
    """The one candidate that is the paper titled `title`, if there is exactly one."""
    key = same_title_key(title)
    exact = _distinct([candidate for candidate in candidates if same_title_key(candidate.title) == key])
    if len(exact) > 1:
        return Match("ambiguous", others=tuple(candidate.arxiv for candidate in exact))
    if exact:
        return Match("title", exact[0])
    text = fuzzy_text(title)
    scored = sorted(
        ((fuzz.ratio(text, fuzzy_text(candidate.title)), candidate) for candidate in _distinct(candidates)),
        key=lambda pair: -pair[0],
    )
    near = [(score, candidate) for score, candidate in scored if score >= NEAR_THRESHOLD - AMBIGUITY_MARGIN]
    agreeing = [(score, candidate) for score, candidate in near if abstracts_agree(abstract, candidate.abstract)]
    if not agreeing or agreeing[0][0] < NEAR_THRESHOLD:
        return Match("none")
    best_score, best = agreeing[0]
    rivals = [
        candidate.arxiv for score, candidate in near if candidate is not best and score >= best_score - AMBIGUITY_MARGIN
    ]
    if rivals:
        return Match("ambiguous", others=(best.arxiv, *rivals))
    return Match("near title and abstract", best)


def _distinct(candidates: Sequence[Candidate]) -> list[Candidate]:
    """The candidates, one per arXiv id (the first given: services list a paper once, but two services may
    both give it)."""
    seen: dict[str, Candidate] = {}
    for candidate in candidates:
        seen.setdefault(candidate.arxiv, candidate)
    return list(seen.values())
