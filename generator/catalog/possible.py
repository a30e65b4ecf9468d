"""Possible duplicates in a valid catalog, for `check` to list after its verdict: never problems, never merged.

Three kinds, each pair reported once, at the first paper of the pair: near-identical titles, unless their
abstracts are clearly different (generator/catalog/duplicates.py), near-identical abstracts
(generator/catalog/abstracts.py), and one normalised title with two clearly different abstracts (kept as
two papers). A pair named in either paper's `distinct_from` is never reported.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.catalog.abstracts import AbstractIndex, is_different
from generator.catalog.distinct import DistinctPairs, distinct_hint
from generator.catalog.duplicates import NearIndex, NearMatch
from generator.catalog.model import Location, Paper
from generator.errors import Problem


def abstract_message(slug: str, score: int, path: str) -> str:
    found = f"possible duplicate of '{slug}' (abstract score {score}); merge by hand if it is the same paper"
    return found + distinct_hint(slug, path)


def same_title_message(slug: str, score: int, path: str, new: bool = False) -> str:
    """What to say of two papers of one title and different abstracts; `new` when one was just imported."""
    found = f"same title as '{slug}' but a different abstract (score {score})"
    kept = ": imported as a separate paper" if new else "; kept as two papers"
    return found + kept + distinct_hint(slug, path)


def possible_duplicates(papers: Sequence[Paper], locations: Sequence[Location]) -> list[Problem]:
    """A notice for every pair of papers that may be one (see the module's docstring), sorted."""
    distinct = DistinctPairs(papers)
    reported: set[tuple[int, int]] = set()
    notices: list[Problem] = []

    def notice(first: int, second: int, field: str, message: str) -> None:
        pair = (min(first, second), max(first, second))
        if pair in reported or (papers[first].slug, papers[second].slug) in distinct:
            return
        reported.add(pair)
        notices.append(Problem(locations[first].path, locations[first].of(field), message))

    titles = NearIndex((paper.slug, paper.title) for paper in papers)
    for group in titles.same_keys():
        # A valid catalog holds one title twice only when the abstracts differ or a curator said so.
        for position, first in enumerate(group):
            for second in group[position + 1 :]:
                score = is_different(papers[first].abstract, papers[second].abstract)
                if score is not None:
                    path = locations[first].path
                    notice(first, second, "title", same_title_message(papers[second].slug, score, path))
    for first, second, score in titles.pairs():
        # Near titles with clearly different abstracts are two papers (generator/catalog/duplicates.py).
        if is_different(papers[first].abstract, papers[second].abstract) is None:
            message = NearMatch(papers[second].slug, score).message(locations[first].path)
            notice(first, second, "title", message)
    abstracts = AbstractIndex((paper.slug, paper.abstract) for paper in papers)
    number_of = {paper.slug: number for number, paper in enumerate(papers)}
    for first, second, score in abstracts.pairs():
        one, other = number_of[abstracts.slugs[first]], number_of[abstracts.slugs[second]]
        one, other = min(one, other), max(one, other)
        message = abstract_message(papers[other].slug, score, locations[one].path)
        notice(one, other, "abstract", message)
    return sorted(notices)
