"""Cross-validation of the learned tagger and of a plain baseline on a catalog's curated tags."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.catalog.model import Tag
from generator.tagger import baseline
from generator.tagger.metrics import Scores, score
from generator.tagger.model import Example, Settings, train
from generator.tagger.splits import Protocol
from generator.tagger.suggester import suggest_tags
from generator.tagger.tuning import Choice, Grid, tune


def rules(test: Sequence[Example], tags: tuple[Tag, ...]) -> list[tuple[str, ...]]:
    """The vocabulary's regex rules alone, as `suggest_tags` applies them; they learn nothing."""
    return [suggest_tags(tags, example.title, example.abstract) for example in test]


@dataclass(frozen=True)
class Evaluation:
    protocol: Protocol
    grid: Grid | None  # None: the tagger's `Settings` defaults and the baseline at 0.5 only
    papers: int
    curated: int
    tags: tuple[Tag, ...]
    systems: tuple[tuple[str, Scores], ...]  # name, scores; the learned tagger first
    choices: tuple[Choice, ...]  # per outer split, in order, when tuned


def evaluate(examples: Sequence[Example], tags: tuple[Tag, ...], protocol: Protocol, grid: Grid | None) -> Evaluation:
    """Every system learns from the curated papers outside each test share and suggests for the share; the
    test papers without curated tags count too (a suggestion for them is a false positive).

    With `grid`, the tagger's C and threshold and the baseline's threshold are chosen on each training part
    alone (tuning.py), then learned from all of it; the baseline is also scored at 0.5, its default."""
    has_rules = any(tag.rule.title or tag.rule.abstract for tag in tags)
    names = ["tagger", "baseline", *(["tuned baseline"] if grid else []), *(["rules"] if has_rules else [])]
    suggested: dict[str, list[tuple[str, ...]]] = {name: [] for name in names}
    tested: list[int] = []
    choices: list[Choice] = []
    for training_rows, test_rows in protocol.splits(len(examples)):
        training = [examples[row] for row in training_rows]
        test = [examples[row] for row in test_rows]
        tested += test_rows
        choice = tune(training, tags, grid) if grid else None
        suggested["tagger"] += train(training, tags, choice.settings if choice else Settings()).suggest_many(test)
        probabilities = baseline.probabilities(training, test, tags)
        suggested["baseline"] += baseline.above(probabilities, tags, baseline.DEFAULT_THRESHOLD)
        if choice:
            choices.append(choice)
            suggested["tuned baseline"] += baseline.above(probabilities, tags, choice.baseline_threshold)
        if has_rules:
            suggested["rules"] += rules(test, tags)
    slugs = [tag.slug for tag in tags]
    curated = [examples[row].tags for row in tested]
    results = tuple((name, score(slugs, curated, suggested[name])) for name in names)
    count = sum(1 for example in examples if example.tags)
    return Evaluation(protocol, grid, len(examples), count, tags, results, tuple(choices))
