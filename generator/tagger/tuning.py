"""Settings chosen by inner cross-validation of one training part alone, so that the papers an evaluation holds
out never influence what is measured on them: the tagger's C and threshold, and the baseline's threshold."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from generator.catalog.model import Tag
from generator.tagger import baseline
from generator.tagger.metrics import score
from generator.tagger.model import Example, Settings, choose, train
from generator.tagger.splits import Protocol


@dataclass(frozen=True)
class Grid:
    """The candidates, tried in this order; of equal scores the first wins, so the smaller C and the lower
    threshold. Both systems get the same thresholds, over the same inner folds."""

    regularizations: tuple[float, ...] = (3.0, 10.0, 30.0, 100.0)
    thresholds: tuple[float, ...] = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
    folds: int = 3

    def describe(self) -> str:
        return f"inner {self.folds}-fold cross-validation of each training part"


@dataclass(frozen=True)
class Choice:
    """What the inner folds of one training part chose, with the micro-F1 each choice had there (the inner
    folds' held-out papers pooled)."""

    settings: Settings  # the tagger's: `Settings()` but for C and the threshold
    tagger_f1: float
    baseline_threshold: float
    baseline_f1: float


def tune(training: Sequence[Example], tags: tuple[Tag, ...], grid: Grid) -> Choice:
    """The best of `grid` for each system by the micro-F1 of inner K-fold cross-validation on `training`."""
    inner = [
        ([training[row] for row in learn], [training[row] for row in held])
        for learn, held in Protocol(folds=grid.folds).splits(len(training))
    ]
    slugs = [tag.slug for tag in tags]
    curated = [example.tags for _, held in inner for example in held]

    def best(suggested: dict[float, dict[float, list[tuple[str, ...]]]]) -> tuple[float, float, float]:
        """(key, threshold, micro-F1) of the first best in grid order."""
        found = (0.0, 0.0, -1.0)
        for key, by_threshold in suggested.items():
            for threshold in grid.thresholds:
                f1 = score(slugs, curated, by_threshold[threshold]).micro.f1
                if f1 > found[2]:
                    found = (key, threshold, f1)
        return found

    tagger: dict[float, dict[float, list[tuple[str, ...]]]] = {}
    for regularization in grid.regularizations:
        tagger[regularization] = {threshold: [] for threshold in grid.thresholds}
        for learn, held in inner:
            model = train(learn, tags, Settings(regularization=regularization))
            evidence = model.evidence(held)
            for threshold in grid.thresholds:
                # The vocabulary's confidences scale with the threshold, so they are combined again for each.
                settings = dataclasses.replace(model.settings, threshold=threshold)
                tagger[regularization][threshold] += choose(model.combine(evidence, threshold), tags, settings)
    plain: dict[float, list[tuple[str, ...]]] = {threshold: [] for threshold in grid.thresholds}
    for learn, held in inner:
        found = baseline.probabilities(learn, held, tags)
        for threshold in grid.thresholds:
            plain[threshold] += baseline.above(found, tags, threshold)
    regularization, threshold, tagger_f1 = best(tagger)
    _, baseline_threshold, baseline_f1 = best({0.0: plain})
    settings = Settings(threshold=threshold, regularization=regularization)
    return Choice(settings, tagger_f1, baseline_threshold, baseline_f1)
