"""Which papers are held out and which are learned from: K folds, or one held-out share, with a fixed seed."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SEED = 0


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
