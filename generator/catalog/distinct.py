"""Papers a curator confirmed are different (`distinct_from`): never reported as duplicates, never merged by title.

A pair is distinct when either paper names the other: one line in one file silences it, whichever file the
curator was pointed at.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from generator.catalog.model import Location, Paper, PaperFields
from generator.errors import Problem


class DistinctPairs:
    """The pairs of slugs named by `distinct_from`, either way round."""

    def __init__(self, papers: Iterable[Paper]) -> None:
        self.pairs: set[frozenset[str]] = {
            frozenset((paper.slug, other)) for paper in papers for other in paper.distinct_from if other != paper.slug
        }

    def __contains__(self, pair: tuple[str, str]) -> bool:
        return frozenset(pair) in self.pairs


def distinct_hint(slug: str, path: str) -> str:
    """The end of a possible-duplicate message: how to say the two papers are different."""
    return f"; if they are different papers, add distinct_from: [{slug}] to {path}"


def check_distinct_from(entries: Sequence[tuple[PaperFields, Location]], slugs: Iterable[str]) -> list[Problem]:
    """Each slug of a paper's `distinct_from` is another paper's, listed once."""
    known = set(slugs)
    problems: list[Problem] = []
    for paper, location in entries:
        for index, other in enumerate(paper.distinct_from):
            line = location.of("distinct_from", index)
            if other == paper.slug:
                message = f"distinct_from names the paper itself ('{other}'); remove it"
            elif other not in known:
                close = difflib.get_close_matches(other, known, n=1)
                hint = f"did you mean '{close[0]}'?" if close else "give the slug of another paper"
                message = f"distinct_from names '{other}', which is no paper's slug; {hint}"
            elif other in paper.distinct_from[:index]:
                message = f"'{other}' is listed twice in distinct_from; keep one"
            else:
                continue
            problems.append(Problem(location.path, line, message))
    return problems
