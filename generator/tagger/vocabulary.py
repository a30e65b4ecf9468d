"""Zero- and few-shot scores from the vocabulary: a tag's name and description, the centroid of its few
curated examples, and its regex rules, for the tags too rare for a classifier."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray
from scipy import sparse  # type: ignore[import-untyped]

from generator.catalog.model import Tag

if TYPE_CHECKING:
    from generator.tagger.model import Example


def unit_rows(matrix: NDArray[np.float64]) -> NDArray[np.float64]:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms > 0, norms, 1.0)


@dataclass(frozen=True, eq=False)
class VocabularyScorer:
    """Confidences for the tags in `columns`; the other tags' columns stay zero."""

    tags: tuple[Tag, ...]
    profiles: NDArray[np.float64]  # tags x words, unit rows
    columns: NDArray[np.int64]  # the tags scored here

    @classmethod
    def build(
        cls,
        tags: tuple[Tag, ...],
        papers: sparse.csr_matrix,
        tag_texts: sparse.csr_matrix,
        labels: NDArray[np.int8],
        wanted: NDArray[np.bool_],
    ) -> VocabularyScorer:
        """Profiles: a tag's own words plus, with equal weight, the mean of its curated examples."""
        columns = np.flatnonzero(wanted)
        own = unit_rows(tag_texts[columns].toarray())
        examples = np.zeros_like(own)
        for row, column in enumerate(columns):
            members = np.flatnonzero(labels[:, column])
            if len(members):
                examples[row] = np.asarray(papers[members].mean(axis=0)).ravel()
        return cls(tags, unit_rows(own + unit_rows(examples)), columns)

    def similarities(self, matrix: sparse.csr_matrix) -> NDArray[np.float64]:
        """Papers x tags: the cosine similarity to each profile (the rows of `matrix` are unit TF-IDF vectors)."""
        similarities = np.zeros((matrix.shape[0], len(self.tags)))
        if len(self.columns):
            similarities[:, self.columns] = np.asarray(matrix @ self.profiles.T)
        return similarities


def rule_scores(tags: tuple[Tag, ...], examples: Sequence[Example]) -> NDArray[np.float64]:
    """Papers x tags: 1 where a tag's regex rule matches. A curator wrote the rule, so it counts for every tag,
    learned or not."""
    scores = np.zeros((len(examples), len(tags)))
    for column, tag in enumerate(tags):
        if tag.rule.title or tag.rule.abstract:
            hits = [row for row, example in enumerate(examples) if tag.rule.matches(example.title, example.abstract)]
            scores[hits, column] = 1.0
    return scores
