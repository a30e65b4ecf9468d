"""Training and applying the learned tagger: TF-IDF over title and abstract, one logistic regression per tag
with enough curated examples, and the vocabulary (vocabulary.py) for the tags with fewer."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize

from generator.catalog.model import Catalog, Tag
from generator.tagger.vocabulary import VocabularyScorer, rule_scores

Scores = NDArray[np.float64]


@dataclass(frozen=True)
class Example:
    """A paper as the tagger sees it: its text and its curated tags (empty when it has none yet)."""

    title: str
    abstract: str
    tags: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return f"{self.title}\n{self.abstract}"


def examples_of(catalog: Catalog) -> tuple[Example, ...]:
    """The catalog's papers that have curated tags, in the catalog's (slug) order."""
    return tuple(Example(paper.title, paper.abstract, paper.tags) for paper in catalog.papers if paper.tags)


@dataclass(frozen=True)
class Settings:
    """C and the threshold are what `tags evaluate` chose on every training part of the LLM catalog (80/20 and
    5-fold), each by inner 3-fold cross-validation of that part alone; the similarity scale was picked on the
    bundled catalog's folds. See docs/benchmarks.md ("Tag suggestions")."""

    threshold: float = 0.25  # a tag is suggested at this confidence or more
    floor: float = 0.1  # a paper with no tag that confident still gets its best one if it reaches this
    min_examples: int = 5  # fewer curated examples than this: the vocabulary scores the tag
    regularization: float = 100.0  # LogisticRegression's C: TF-IDF rows are short, so weak regularization
    similarity: float = 0.25  # cosine similarity to a tag's profile that counts as `threshold` confidence
    min_df: int = 2  # a word in one paper only says nothing about a tag
    # Past this many curated papers, a tag's classifier learns from its papers and a weighted sample of the
    # others (training_rows): training time then grows with the tags' sizes, not with the whole catalog.
    sample_floor: int = 5000
    negatives_per_positive: int = 20


@dataclass(frozen=True, eq=False)
class Evidence:
    """What a tagger's confidences are made of before a threshold is applied, so that tuning can try several
    thresholds without vectorizing the papers or running the rules again."""

    probabilities: Scores  # papers x tags, from the classifiers (0.5 for the tags without one)
    similarities: Scores  # papers x tags, cosine to the vocabulary's profiles (0 for the learned tags)
    rules: Scores  # papers x tags, 1 where a tag's rule matches


@dataclass(frozen=True, eq=False)
class Tagger:
    """Suggests tags for new papers; `train` makes one."""

    tags: tuple[Tag, ...]
    vectorizer: TfidfVectorizer
    words: NDArray[np.int64]  # the vectorizer's columns kept
    weights: Scores  # words x tags; zero columns for the tags the vocabulary scores
    intercepts: Scores
    learned: NDArray[np.bool_]  # per tag: scored by its classifier, not by the vocabulary
    vocabulary: VocabularyScorer
    settings: Settings

    def evidence(self, examples: Sequence[Example]) -> Evidence:
        matrix = normalize(self.vectorizer.transform([example.text for example in examples])[:, self.words])
        logits = np.asarray(matrix @ self.weights) + self.intercepts
        probabilities = 1.0 / (1.0 + np.exp(-logits))
        return Evidence(probabilities, self.vocabulary.similarities(matrix), rule_scores(self.tags, examples))

    def combine(self, evidence: Evidence, threshold: float) -> Scores:
        """Papers x tags confidences in [0, 1]: classifier probabilities, or vocabulary similarities scaled so
        that `similarity` becomes `threshold`; and 1 where a tag's rule matches."""
        from_vocabulary = np.minimum(1.0, evidence.similarities * (threshold / self.settings.similarity))
        return np.maximum(np.where(self.learned, evidence.probabilities, from_vocabulary), evidence.rules)

    def scores(self, examples: Sequence[Example]) -> Scores:
        return self.combine(self.evidence(examples), self.settings.threshold)

    def suggest_many(self, examples: Sequence[Example]) -> list[tuple[str, ...]]:
        """The suggested tag slugs of each paper, in vocabulary order; one batch is much faster than many calls."""
        if not examples:
            return []
        return choose(self.scores(examples), self.tags, self.settings)

    def suggest(self, title: str, abstract: str) -> tuple[str, ...]:
        return self.suggest_many([Example(title, abstract)])[0]


def choose(scores: Scores, tags: tuple[Tag, ...], settings: Settings) -> list[tuple[str, ...]]:
    """Tags at `threshold` or more; a paper with none gets its best tag if that reaches `floor`."""
    chosen = scores >= settings.threshold
    best = scores.argmax(axis=1)  # argmax takes the first of equal scores: ties go to vocabulary order
    rows = np.arange(len(scores))
    fallback = ~chosen.any(axis=1) & (scores[rows, best] >= settings.floor)
    chosen[rows[fallback], best[fallback]] = True
    return [tuple(tags[column].slug for column in np.flatnonzero(row)) for row in chosen]


def label_matrix(examples: Sequence[Example], tags: tuple[Tag, ...]) -> NDArray[np.int8]:
    column = {tag.slug: index for index, tag in enumerate(tags)}
    labels = np.zeros((len(examples), len(tags)), dtype=np.int8)
    for row, example in enumerate(examples):
        for slug in example.tags:
            if slug in column:
                labels[row, column[slug]] = 1
    return labels


def make_vectorizer(vocabulary: dict[str, int] | None = None) -> TfidfVectorizer:
    """The tagger's TF-IDF: learned from the texts, or with a saved `vocabulary` (see saved.py)."""
    return TfidfVectorizer(sublinear_tf=True, stop_words="english", dtype=np.float64, vocabulary=vocabulary)


def training_rows(
    column: NDArray[np.int8], floor: int, negatives_per_positive: int
) -> tuple[NDArray[np.int64], Scores | None]:
    """The rows a tag's classifier learns from, and their weights: every row up to `floor` rows; beyond, every
    paper with the tag and a fixed sample of the others, each weighted by how many it stands for, so that the
    loss, and so the probabilities the threshold is set for, stay as with every row."""
    everything = np.arange(len(column))
    positives = np.flatnonzero(column)
    negatives = np.flatnonzero(column == 0)
    kept = max(floor - len(positives), negatives_per_positive * len(positives))
    if kept >= len(negatives):
        return everything, None
    # Seeded by the tag's size: the same catalog gives the same sample, and so the same suggestions.
    sample = np.sort(np.random.default_rng(len(positives)).choice(negatives, size=kept, replace=False))
    weight = np.concatenate([np.ones(len(positives)), np.full(kept, len(negatives) / kept)])
    return np.concatenate([positives, sample]), weight


def train(examples: Sequence[Example], tags: tuple[Tag, ...], settings: Settings | None = None) -> Tagger:
    """A tagger learned from `examples` (papers with curated tags) for the vocabulary `tags`.

    The same examples in the same order give the same tagger: liblinear's shuffling has a fixed seed."""
    settings = settings or Settings()
    curated = [example for example in examples if example.tags]
    # The tags' own words count as documents, so that a tag without examples still has a profile to match.
    tag_texts = [f"{tag.name}\n{tag.description}" for tag in tags]
    vectorizer = make_vectorizer()
    texts = [example.text for example in curated] + tag_texts
    try:
        everything = vectorizer.fit_transform(texts)
    except ValueError:  # not one word in any text: a placeholder word keeps the shapes right
        everything = vectorizer.fit_transform([*texts, "tag"])
    # Rare words are dropped, but never a tag's own words: a tag without examples has only those.
    frequency = np.bincount(everything.indices, minlength=everything.shape[1])
    words = np.flatnonzero((frequency >= settings.min_df) | (everything[len(curated) :].getnnz(axis=0) > 0))
    matrix = normalize(everything[:, words])
    papers, profiles = matrix[: len(curated)], matrix[len(curated) : len(curated) + len(tags)]
    labels = label_matrix(curated, tags)
    counts = labels.sum(axis=0)
    learned = counts >= settings.min_examples
    weights = np.zeros((len(words), len(tags)))
    intercepts = np.zeros(len(tags))
    for column in np.flatnonzero(learned):
        if counts[column] == len(curated):  # every paper has it: nothing to tell apart
            intercepts[column] = 10.0
            continue
        # The dual solver: on the LLM catalog's papers eight times faster than the primal one, to the same
        # optimum (docs/benchmarks.md, "Tag suggestions").
        model = LogisticRegression(
            C=settings.regularization, solver="liblinear", dual=True, max_iter=1000, random_state=0
        )
        rows, weight = training_rows(labels[:, column], settings.sample_floor, settings.negatives_per_positive)
        with warnings.catch_warnings():
            # liblinear's iteration cap is reached on some tags; its weights are still the best it found.
            warnings.simplefilter("ignore", ConvergenceWarning)
            if weight is None:
                model.fit(papers, labels[:, column])
            else:
                model.fit(papers[rows], labels[rows, column], sample_weight=weight)
        weights[:, column] = model.coef_[0]
        intercepts[column] = model.intercept_[0]
    vocabulary = VocabularyScorer.build(tags, papers, profiles, labels, ~learned)
    return Tagger(tags, vectorizer, words, weights, intercepts, learned, vocabulary, settings)
