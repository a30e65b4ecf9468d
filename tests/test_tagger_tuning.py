"""Nested tuning for `tags evaluate`: settings chosen on each training part alone, deterministically."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

import generator.tagger.evaluate as evaluating
from generator.tagger import Example, Settings, Tagger, baseline, train, tuning
from generator.tagger.evaluate import evaluate
from generator.tagger.report import render
from generator.tagger.splits import Protocol
from generator.tagger.tuning import Choice, Grid, tune
from tests.conftest import run_cli
from tests.test_tagger import VOCABULARY, catalog


def test_the_tuner_sees_the_training_part_and_never_the_test_part(monkeypatch: pytest.MonkeyPatch) -> None:
    papers = catalog()
    seen: list[set[str]] = []  # per outer split: every title the tuner's training and scoring were given
    tuning_now = False

    def watching(real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*arguments: Any) -> Any:
            if tuning_now:
                for argument in arguments:
                    if isinstance(argument, list) and argument and isinstance(argument[0], Example):
                        seen[-1].update(example.title for example in argument)
            return real(*arguments)

        return call

    def watched_tune(training: Sequence[Example], tags: Any, grid: Grid) -> Choice:
        nonlocal tuning_now
        seen.append(set())
        tuning_now = True
        try:
            return tune(training, tags, grid)
        finally:
            tuning_now = False

    monkeypatch.setattr(evaluating, "tune", watched_tune)
    monkeypatch.setattr(tuning, "train", watching(train))
    monkeypatch.setattr(Tagger, "evidence", watching(Tagger.evidence))
    monkeypatch.setattr(baseline, "probabilities", watching(baseline.probabilities))
    protocol = Protocol(folds=4)
    evaluate(papers, VOCABULARY, protocol, Grid())
    assert len({paper.title for paper in papers}) == len(papers)
    training_titles = [{papers[row].title for row in training} for training, _ in protocol.splits(len(papers))]
    assert seen == training_titles  # all of each training part, and nothing else


def test_the_first_of_equal_scores_wins() -> None:
    # Every candidate tags these clear topics perfectly, so the smallest C and the lowest threshold are chosen;
    # the baseline's inner micro-F1 is 0.98 at 0.3, so 0.4 is its first perfect threshold.
    choice = tune(catalog(), VOCABULARY, Grid(regularizations=(3.0, 10.0), thresholds=(0.3, 0.4)))
    assert choice == Choice(Settings(threshold=0.3, regularization=3.0), 1.0, 0.4, 1.0)


def test_the_choice_on_clear_topics() -> None:
    # Below 0.25 the tagger's inner micro-F1 falls (0.889 at 0.2); the baseline is first perfect at 0.35.
    assert tune(catalog(), VOCABULARY, Grid()) == Choice(Settings(threshold=0.25, regularization=3.0), 1.0, 0.35, 1.0)


def test_tuned_evaluation_is_deterministic() -> None:
    first, second = (evaluate(catalog(), VOCABULARY, Protocol(holdout=0.25), Grid()) for _ in range(2))
    assert first.choices == second.choices
    assert first.systems == second.systems


def test_report_of_a_tuned_evaluation() -> None:
    assert render(evaluate(catalog(), VOCABULARY, Protocol(folds=4), Grid()), "topics") == EXPECTED_TOPICS


def test_cli_evaluate_tunes_by_default(fixture_project: Path) -> None:
    result = run_cli(fixture_project, "tags", "evaluate", "--folds", "3")
    assert result.returncode == 0, result.stderr
    assert result.stdout == EXPECTED_FIXTURE_TUNED


EXPECTED_TOPICS = """\
topics: 24 papers, 24 with curated tags, 5 tags; 4-fold cross-validation (seed 0); settings chosen by inner \
3-fold cross-validation of each training part.

system          micro P micro R micro F1 macro P macro R macro F1 coverage
tagger            1.000   1.000    1.000   1.000   1.000    1.000   100.0%
baseline          1.000   0.833    0.909   1.000   0.833    0.905    83.3%
tuned baseline    1.000   1.000    1.000   1.000   1.000    1.000   100.0%
rules             0.000   0.000    0.000   0.000   0.000    0.000     0.0%

tagger: learned tagger, C and threshold chosen by the inner folds
baseline: TF-IDF + one-vs-rest logistic regression, p >= 0.5
tuned baseline: the same, its one threshold chosen by the inner folds
rules: vocabulary rules alone (suggest_tags)

split  tagger C  threshold  inner F1  baseline threshold  inner F1
1             3       0.35     1.000                0.35     0.824
2             3       0.35     1.000                0.35     0.667
3             3       0.45     1.000                0.35     0.788
4             3       0.40     1.000                0.35     0.647

tag      support    tagger P     R    F1  baseline P     R    F1  tuned baseline P     R    F1     rules P     R    F1
vision         8       1.000 1.000 1.000       1.000 1.000 1.000             1.000 1.000 1.000       0.000 0.000 0.000
speech         8       1.000 1.000 1.000       1.000 0.750 0.857             1.000 1.000 1.000       0.000 0.000 0.000
graphs         8       1.000 1.000 1.000       1.000 0.750 0.857             1.000 1.000 1.000       0.000 0.000 0.000
robotics       0       0.000 0.000 0.000       0.000 0.000 0.000             0.000 0.000 0.000       0.000 0.000 0.000
surveys        0       0.000 0.000 0.000       0.000 0.000 0.000             0.000 0.000 0.000       0.000 0.000 0.000
"""

EXPECTED_FIXTURE_TUNED = """\
data/papers: 3 papers, 3 with curated tags, 3 tags; 3-fold cross-validation (seed 0); settings chosen by inner \
3-fold cross-validation of each training part.

system          micro P micro R micro F1 macro P macro R macro F1 coverage
tagger            1.000   0.750    0.857   1.000   0.833    0.889    66.7%
baseline          0.200   0.250    0.222   0.333   0.167    0.222   100.0%
tuned baseline    0.333   0.500    0.400   0.333   0.333    0.333   100.0%
rules             1.000   0.750    0.857   1.000   0.833    0.889    66.7%

tagger: learned tagger, C and threshold chosen by the inner folds
baseline: TF-IDF + one-vs-rest logistic regression, p >= 0.5
tuned baseline: the same, its one threshold chosen by the inner folds
rules: vocabulary rules alone (suggest_tags)

split  tagger C  threshold  inner F1  baseline threshold  inner F1
1             3       0.10     1.000                0.10     0.000
2             3       0.10     0.800                0.10     0.000
3             3       0.10     0.667                0.10     0.000

tag              support    tagger P     R    F1  baseline P     R    F1  tuned baseline P     R    F1   \
  rules P     R    F1
masked-modelling       1       1.000 1.000 1.000       0.000 0.000 0.000             0.000 0.000 0.000     \
  1.000 1.000 1.000
speech                 2       1.000 0.500 0.667       1.000 0.500 0.667             1.000 1.000 1.000     \
  1.000 0.500 0.667
benchmarks             1       1.000 1.000 1.000       0.000 0.000 0.000             0.000 0.000 0.000     \
  1.000 1.000 1.000
"""
