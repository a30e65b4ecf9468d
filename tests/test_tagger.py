"""The learned tagger on a small catalog with clear topics; its metrics on hand-checked examples; `tags evaluate`."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from generator.catalog.model import Tag, TagRule
from generator.catalog.patterns import Pattern, compile_pattern
from generator.tagger import Example, Settings, train
from generator.tagger.evaluate import evaluate
from generator.tagger.metrics import Counts, score
from generator.tagger.model import training_rows
from generator.tagger.splits import Protocol
from tests.conftest import run_cli


def pattern(source: str) -> Pattern:
    compiled, problem = compile_pattern(source)
    assert compiled is not None, problem
    return compiled


TOPICS = {
    "vision": ("images", "pixels", "convolutional", "segmentation", "camera", "photos"),
    "speech": ("speech", "audio", "spoken", "acoustic", "speakers", "recognition"),
    "graphs": ("graphs", "nodes", "edges", "message passing", "molecules", "neighbours"),
}
SHARED = ("model", "learning", "benchmark", "training", "results", "data")
VOCABULARY = (
    Tag("vision", "Computer vision", "Understanding images and video."),
    Tag("speech", "Speech", "Recognising and synthesising spoken audio."),
    Tag("graphs", "Graph learning", "Neural networks over graphs of nodes and edges."),
    Tag("robotics", "Robotics", "Robots that grasp and manipulate objects."),
    Tag("surveys", "Surveys", "Overviews of a field.", TagRule(title=(pattern(r"\bsurvey\b"),))),
)


def catalog() -> list[Example]:
    """Eight papers a topic, each naming four of its topic's words and two shared ones."""
    papers = []
    for slug, words in TOPICS.items():
        for index in range(8):
            mine = [words[(index + step) % len(words)] for step in range(4)]
            common = [SHARED[(index + step) % len(SHARED)] for step in range(2)]
            title = f"{mine[0].title()} {common[0]} number {index}"
            abstract = f"We study {mine[1]} and {mine[2]} with a {common[1]}; {mine[3]} matter for {mine[0]}."
            papers.append(Example(title, abstract, (slug,)))
    return papers


def test_suggests_each_topic() -> None:
    tagger = train(catalog(), VOCABULARY)
    assert tagger.suggest("Segmentation of photos", "Convolutional networks label the pixels of images.") == ("vision",)
    assert tagger.suggest("Spoken audio", "Acoustic models for speakers and speech recognition.") == ("speech",)
    assert tagger.suggest_many([Example("Molecules", "Message passing over nodes and edges of graphs.")]) == [
        ("graphs",)
    ]


def test_same_catalog_same_suggestions() -> None:
    new = [Example("Audio and images", "Speech and pixels."), Example("Graphs", "Nodes.")]
    first, second = train(catalog(), VOCABULARY), train(catalog(), VOCABULARY)
    assert np.array_equal(first.scores(new), second.scores(new))
    assert first.suggest_many(new) == second.suggest_many(new)


def test_up_to_the_floor_a_tag_learns_from_every_paper() -> None:
    column = np.array([1, 0, 0, 1, 0, 0], dtype=np.int8)
    rows, weight = training_rows(column, floor=6, negatives_per_positive=1)
    assert rows.tolist() == [0, 1, 2, 3, 4, 5] and weight is None


def test_past_the_floor_a_tag_learns_from_its_papers_and_a_weighted_sample_of_the_others() -> None:
    column = np.zeros(1000, dtype=np.int8)
    column[[3, 500, 998]] = 1
    rows, weight = training_rows(column, floor=50, negatives_per_positive=20)
    assert weight is not None
    assert rows[:3].tolist() == [3, 500, 998]  # every paper with the tag
    assert len(rows) == 3 + 60 and len(set(rows.tolist())) == 63  # 20 others for each, more than floor - 3 = 47
    assert not column[rows[3:]].any()
    # Each of the others stands for 997 / 60 of them: the loss weighs them as all 997 would.
    assert weight[:3].tolist() == [1.0, 1.0, 1.0]
    assert weight[3:].sum() == pytest.approx(997)
    again, _ = training_rows(column, floor=50, negatives_per_positive=20)
    assert again.tolist() == rows.tolist()


def test_a_sampled_tagger_suggests_what_the_full_one_does() -> None:
    new = [Example("Segmentation of photos", "Pixels of images."), Example("Spoken audio", "Acoustic speech.")]
    full = train(catalog(), VOCABULARY)
    sampled = train(catalog(), VOCABULARY, Settings(sample_floor=10, negatives_per_positive=1))
    assert sampled.suggest_many(new) == full.suggest_many(new) == [("vision",), ("speech",)]


def test_threshold_and_floor() -> None:
    paper = Example("Audio", "Speech audio of speakers, and some images.")
    assert train(catalog(), VOCABULARY, Settings(threshold=0.99, floor=0.0)).suggest_many([paper]) == [("speech",)]
    assert train(catalog(), VOCABULARY, Settings(threshold=1.01, floor=1.01)).suggest_many([paper]) == [()]
    assert train(catalog(), VOCABULARY, Settings(threshold=0.0)).suggest_many([paper]) == [
        tuple(tag.slug for tag in VOCABULARY)
    ]


def test_a_tag_without_examples_is_suggested_from_its_description() -> None:
    tagger = train(catalog(), VOCABULARY)
    assert not tagger.learned[3]
    assert tagger.suggest("Robots that grasp", "Robots manipulate objects.") == ("robotics",)


def test_a_rule_counts_for_any_tag() -> None:
    tagger = train(catalog(), VOCABULARY)
    assert tagger.suggest("A survey", "Speech audio of speakers.") == ("speech", "surveys")


def test_an_empty_catalog_still_suggests_from_the_vocabulary() -> None:
    tagger = train([], VOCABULARY)
    assert tagger.suggest("Robots", "Robots grasp and manipulate objects.") == ("robotics",)
    assert train([], (Tag("x", "The", "a"),)).suggest("Of", "the") == ()  # no word at all, only stop words


def test_metrics_by_hand() -> None:
    curated = [("a", "b"), ("a",), (), ("b",)]
    suggested = [("a",), ("a", "b"), ("b",), ()]
    scores = score(["a", "b", "c"], curated, suggested)
    # a: right twice. b: missed by papers 0 and 3, wrongly given to papers 1 and 2. c: never curated.
    assert scores.per_tag == (("a", Counts(2, 0, 0)), ("b", Counts(0, 2, 2)), ("c", Counts(0, 0, 0)))
    assert (scores.micro.precision, scores.micro.recall, scores.micro.f1) == (0.5, 0.5, 0.5)
    assert scores.macro == (0.5, 0.5, 0.5)  # over a and b, the tags with curated examples
    assert scores.coverage == 0.75


def test_folds_test_every_paper_once() -> None:
    splits = Protocol(folds=3).splits(10)
    assert sorted(row for _, test in splits for row in test) == list(range(10))
    assert [len(test) for _, test in splits] == [4, 3, 3]
    assert all(set(training) | set(test) == set(range(10)) for training, test in splits)
    (training, test), *rest = Protocol(holdout=0.2).splits(10)
    assert (len(training), len(test), rest) == (8, 2, [])


def test_evaluation_beats_the_baseline_on_clear_topics() -> None:
    evaluation = evaluate(catalog(), VOCABULARY, Protocol(folds=4), None)
    (name, tagger), (other, baseline), (rules, _) = evaluation.systems
    assert (name, other, rules) == ("tagger", "baseline", "rules")
    assert tagger.micro.f1 == 1.0
    assert baseline.micro.f1 < tagger.micro.f1


def test_cli_evaluate_the_defaults_on_the_fixture_project(fixture_project: Path) -> None:
    result = run_cli(fixture_project, "tags", "evaluate", "--folds", "3", "--no-tune")
    assert result.returncode == 0, result.stderr
    assert result.stdout == EXPECTED_FIXTURE


def test_cli_evaluate_a_jsonl_file(tmp_path: Path, fixture_project: Path) -> None:
    records = tmp_path / "papers.jsonl"
    lines = [
        f'{{"title": "{example.title}", "abstract": "{example.abstract}", "tags": ["{example.tags[0]}"]}}'
        for example in catalog()
    ]
    records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli(fixture_project, "tags", "evaluate", "--holdout", "0.25", "--jsonl", str(records))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:6] == [
        f"{records.as_posix()}: 24 papers, 24 with curated tags, 3 tags; "
        "25% held out, learned from the other 75% (seed 0); "
        "settings chosen by inner 3-fold cross-validation of each training part.",
        "",
        "system          micro P micro R micro F1 macro P macro R macro F1 coverage",
        "tagger            1.000   1.000    1.000   1.000   1.000    1.000   100.0%",
        "baseline          1.000   0.833    0.909   1.000   0.833    0.889    83.3%",
        "tuned baseline    1.000   1.000    1.000   1.000   1.000    1.000   100.0%",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"title": "T", "abstract": "A", "tags": ["x"]}\nnot json\n', "2: not a JSON object: Expecting value"),
        ('{"title": "T", "abstract": 3, "tags": "x"}\n', "1: 'abstract' must be a string"),
    ],
)
def test_cli_evaluate_reports_bad_records(tmp_path: Path, fixture_project: Path, text: str, message: str) -> None:
    records = tmp_path / "bad.jsonl"
    records.write_text(text, encoding="utf-8")
    result = run_cli(fixture_project, "tags", "evaluate", "--jsonl", str(records))
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == f"{records.as_posix()}:{message}"
    assert result.stdout == ""


EXPECTED_FIXTURE = """\
data/papers: 3 papers, 3 with curated tags, 3 tags; 3-fold cross-validation (seed 0).

system     micro P micro R micro F1 macro P macro R macro F1 coverage
tagger       1.000   0.750    0.857   1.000   0.833    0.889    66.7%
baseline     0.200   0.250    0.222   0.333   0.167    0.222   100.0%
rules        1.000   0.750    0.857   1.000   0.833    0.889    66.7%

tagger: learned tagger, the defaults (C = 100, threshold 0.25)
baseline: TF-IDF + one-vs-rest logistic regression, p >= 0.5
rules: vocabulary rules alone (suggest_tags)

tag              support    tagger P     R    F1  baseline P     R    F1     rules P     R    F1
masked-modelling       1       1.000 1.000 1.000       0.000 0.000 0.000       1.000 1.000 1.000
speech                 2       1.000 0.500 0.667       1.000 0.500 0.667       1.000 0.500 0.667
benchmarks             1       1.000 1.000 1.000       0.000 0.000 0.000       1.000 1.000 1.000
"""
