"""Precision, recall and F1 of suggested tags against curated ones: micro, macro and per tag, and coverage."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Counts:
    """One tag's (or all tags') true positives, false positives and false negatives."""

    true: int = 0
    false: int = 0
    missed: int = 0

    @property
    def support(self) -> int:
        return self.true + self.missed

    @property
    def precision(self) -> float:
        return self.true / (self.true + self.false) if self.true + self.false else 0.0

    @property
    def recall(self) -> float:
        return self.true / self.support if self.support else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(frozen=True)
class Scores:
    """How a tagger's suggestions compare with the curated tags of the same papers."""

    per_tag: tuple[tuple[str, Counts], ...]  # every tag of the vocabulary, in its order
    covered: int  # papers given at least one tag
    papers: int

    @property
    def micro(self) -> Counts:
        counts = [counts for _, counts in self.per_tag]
        return Counts(sum(c.true for c in counts), sum(c.false for c in counts), sum(c.missed for c in counts))

    @property
    def macro(self) -> tuple[float, float, float]:
        """Mean precision, recall and F1 over the tags that have curated examples among these papers."""
        present = [counts for _, counts in self.per_tag if counts.support]
        if not present:
            return (0.0, 0.0, 0.0)
        count = len(present)
        return (
            sum(counts.precision for counts in present) / count,
            sum(counts.recall for counts in present) / count,
            sum(counts.f1 for counts in present) / count,
        )

    @property
    def coverage(self) -> float:
        return self.covered / self.papers if self.papers else 0.0


def score(tags: Sequence[str], curated: Sequence[tuple[str, ...]], suggested: Sequence[tuple[str, ...]]) -> Scores:
    """Suggestions against curated tags, paper by paper; tags outside `tags` are not counted."""
    true = dict.fromkeys(tags, 0)
    false = dict.fromkeys(tags, 0)
    missed = dict.fromkeys(tags, 0)
    for gold, guess in zip(curated, suggested, strict=True):
        wanted, given = set(gold), set(guess)
        for tag in wanted & given & true.keys():
            true[tag] += 1
        for tag in (given - wanted) & false.keys():
            false[tag] += 1
        for tag in (wanted - given) & missed.keys():
            missed[tag] += 1
    per_tag = tuple((tag, Counts(true[tag], false[tag], missed[tag])) for tag in tags)
    return Scores(per_tag, sum(1 for guess in suggested if guess), len(suggested))
