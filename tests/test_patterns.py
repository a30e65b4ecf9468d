"""Tag rule patterns run on RE2: matching time stays linear in the text, whatever the pattern."""

from __future__ import annotations

import time

from generator.catalog.model import Tag, TagRule
from generator.catalog.patterns import MAX_PROGRAM_SIZE, compile_pattern
from generator.catalog.store import load_catalog
from generator.tagger.suggester import suggest_tags
from tests.conftest import REPOSITORY, patterns


def test_catastrophic_backtracking_pattern_matches_at_once() -> None:
    # Python's re takes about 2**34 steps on this title; RE2 reads it once.
    rule = TagRule(title=patterns("^(a+)+$"), abstract=patterns("(x+x+)+y", "(a|aa)+$"), min_hits=1)
    title = "a" * 34 + "!"
    start = time.perf_counter()
    assert not rule.matches(title, "x" * 5_000 + "!" + "a" * 5_000 + "!")
    assert suggest_tags((Tag("a", "A", "A.", rule),), "a" * 34, "") == ("a",)
    assert time.perf_counter() - start < 1


def test_largest_allowed_pattern_stays_fast_on_the_longest_abstract() -> None:
    source = "(?:[ab]{0,100}){0,9}x"
    pattern, reason = compile_pattern(source)
    assert pattern is not None, reason
    assert pattern.regexp.programsize <= MAX_PROGRAM_SIZE
    start = time.perf_counter()
    assert pattern.count("a" * 10_000) == 0
    assert pattern.count("x" * 10_000) == 10_000
    assert time.perf_counter() - start < 1


def test_matching_is_case_insensitive_with_case_sensitive_parts() -> None:
    rule = TagRule(title=patterns(r"\bspeech\b", r"(?-i:\bASR\b)"))
    assert rule.matches("SPEECH models", "") and rule.matches("Better ASR", "") and not rule.matches("Better asr", "")


def test_ignore_leaves_text_out_of_the_bundled_vocabulary() -> None:
    """The vocabulary's 'ignore' patterns keep a rule off the senses of its words that are another topic."""
    loaded, problems = load_catalog(REPOSITORY / "data", REPOSITORY)
    assert problems == []
    tags = loaded.catalog.tags
    assert "datasets-benchmarks" not in suggest_tags(tags, "Dataset Distillation for Images", "")
    assert "datasets-benchmarks" in suggest_tags(tags, "A Dataset of Speech", "")
    assert "multilingual" not in suggest_tags(tags, "A Multilingual Benchmark for Code Generation", "")
    assert "multilingual" in suggest_tags(tags, "A Multilingual Benchmark for Question Answering", "")
    assert "code-generation" not in suggest_tags(tags, "Dynamic Programming for Alignment", "")
    assert "code-generation" in suggest_tags(tags, "Programming with Language Models", "")
    assert "speech" not in suggest_tags(tags, "Hate Speech Classifiers", "")
    assert "speech" in suggest_tags(tags, "Speech Classifiers", "")
    assert "law" not in suggest_tags(tags, "Scaling Laws for Transformers", "")
