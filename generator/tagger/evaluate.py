"""Cross-validation of the learned tagger and of a plain baseline on a catalog's curated tags."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier

from generator.catalog.model import Tag
from generator.tagger.metrics import Scores, score
from generator.tagger.model import Example, label_matrix, train
from generator.tagger.suggester import suggest_tags

SEED = 0
Suggest = Callable[[Sequence[Example], Sequence[Example], tuple[Tag, ...]], list[tuple[str, ...]]]


@dataclass(frozen=True)
class Protocol:
    """K-fold cross-validation, or one held-out share when `holdout` is set; the shuffle has a fixed seed."""

    folds: int = 5
    holdout: float | None = None

    def describe(self) -> str:
        if self.holdout is not None:
            return f"{self.holdout:.0%} held out, learned from the other {1 - self.holdout:.0%} (seed {SEED})"
        return f"{self.folds}-fold cross-validation (seed {SEED})"

    def splits(self, count: int) -> list[tuple[list[int], list[int]]]:
        """(training, test) paper indices, each sorted; with folds, every paper is tested exactly once."""
        order = np.random.default_rng(SEED).permutation(count)
        if self.holdout is not None:
            cut = round(count * self.holdout)
            parts = [order[:cut]]
        else:
            parts = np.array_split(order, self.folds)
        return [(sorted(set(range(count)) - set(part.tolist())), sorted(part.tolist())) for part in parts if len(part)]


def learned(training: Sequence[Example], test: Sequence[Example], tags: tuple[Tag, ...]) -> list[tuple[str, ...]]:
    return train(training, tags).suggest_many(test)


def baseline(training: Sequence[Example], test: Sequence[Example], tags: tuple[Tag, ...]) -> list[tuple[str, ...]]:
    """Plain TF-IDF and one-vs-rest logistic regression, all defaults, probability 0.5 or more."""
    curated = [example for example in training if example.tags]
    labels = label_matrix(curated, tags)
    present = np.flatnonzero(labels.any(axis=0) & ~labels.all(axis=0))  # a classifier needs both classes
    if not len(present) or not test:
        return [() for _ in test]
    vectorizer = TfidfVectorizer()
    classifier = OneVsRestClassifier(LogisticRegression())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        classifier.fit(vectorizer.fit_transform([example.text for example in curated]), labels[:, present])
    probabilities = classifier.predict_proba(vectorizer.transform([example.text for example in test]))
    if len(present) == 1:  # one label makes one-vs-rest a binary classifier: (no, yes) columns
        probabilities = probabilities[:, 1:]
    chosen = probabilities >= 0.5
    return [tuple(tags[present[column]].slug for column in np.flatnonzero(row)) for row in chosen]


def rules(training: Sequence[Example], test: Sequence[Example], tags: tuple[Tag, ...]) -> list[tuple[str, ...]]:
    """The vocabulary's regex rules alone, as `suggest_tags` applies them; they learn nothing."""
    return [suggest_tags(tags, example.title, example.abstract) for example in test]


@dataclass(frozen=True)
class Evaluation:
    protocol: Protocol
    papers: int
    curated: int
    tags: tuple[Tag, ...]
    systems: tuple[tuple[str, Scores], ...]  # name, scores; the learned tagger first


def evaluate(examples: Sequence[Example], tags: tuple[Tag, ...], protocol: Protocol) -> Evaluation:
    """Every system learns from the curated papers outside each test share and suggests for the share; the
    test papers without curated tags count too (a suggestion for them is a false positive)."""
    systems: dict[str, Suggest] = {"tagger": learned, "baseline": baseline}
    if any(tag.rule.title or tag.rule.abstract for tag in tags):
        systems["rules"] = rules
    tested: list[int] = []
    suggested: dict[str, list[tuple[str, ...]]] = {name: [] for name in systems}
    for training_rows, test_rows in protocol.splits(len(examples)):
        training = [examples[row] for row in training_rows]
        test = [examples[row] for row in test_rows]
        tested += test_rows
        for name, suggest in systems.items():
            suggested[name] += suggest(training, test, tags)
    slugs = [tag.slug for tag in tags]
    curated = [examples[row].tags for row in tested]
    results = tuple((name, score(slugs, curated, suggested[name])) for name in systems)
    return Evaluation(protocol, len(examples), sum(1 for e in examples if e.tags), tags, results)
