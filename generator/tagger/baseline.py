"""The plain baseline the learned tagger is measured against: TF-IDF and one-vs-rest logistic regression, all
scikit-learn's defaults, suggesting every tag whose probability reaches one threshold."""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier

from generator.catalog.model import Tag
from generator.tagger.model import Example, Scores, label_matrix

DEFAULT_THRESHOLD = 0.5  # what `predict` would use


def probabilities(training: Sequence[Example], test: Sequence[Example], tags: tuple[Tag, ...]) -> Scores:
    """Test papers x tags: each tag's probability, learned from the curated training papers; zero for the tags
    without both curated and uncurated papers, since a classifier needs both classes."""
    curated = [example for example in training if example.tags]
    labels = label_matrix(curated, tags)
    present = np.flatnonzero(labels.any(axis=0) & ~labels.all(axis=0))
    result = np.zeros((len(test), len(tags)))
    if not len(present) or not test:
        return result
    vectorizer = TfidfVectorizer()
    classifier = OneVsRestClassifier(LogisticRegression())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        classifier.fit(vectorizer.fit_transform([example.text for example in curated]), labels[:, present])
    found = classifier.predict_proba(vectorizer.transform([example.text for example in test]))
    if len(present) == 1:  # one label makes one-vs-rest a binary classifier: (no, yes) columns
        found = found[:, 1:]
    result[:, present] = found
    return result


def above(scores: Scores, tags: tuple[Tag, ...], threshold: float) -> list[tuple[str, ...]]:
    """The tags at `threshold` or more, in vocabulary order; no fallback, so a paper may get none."""
    return [tuple(tags[column].slug for column in np.flatnonzero(row)) for row in scores >= threshold]
