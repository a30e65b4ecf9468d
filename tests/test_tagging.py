"""Tag rules: a title pattern matches, or abstract patterns hit at least min_hits times."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from generator.catalog.model import Tag, TagRule
from generator.catalog.store import load_catalog
from generator.tagger.suggester import Suggester, suggest_tags
from tests.conftest import REPOSITORY, load_clean, patterns

RULE = TagRule(title=patterns(r"\bspeech\b"), abstract=patterns(r"\baudio\b", r"\basr\b"), min_hits=2)


@pytest.mark.parametrize(
    ("title", "abstract", "matches"),
    [
        ("Masked Speech Modeling", "Nothing relevant.", True),
        ("Speechless", "Nothing relevant.", False),
        ("A Model", "Audio in, audio out.", True),
        ("A Model", "Audio and ASR.", True),
        ("A Model", "Only audio here.", False),
        ("A Model", "", False),
    ],
)
def test_rule_matches(title: str, abstract: str, matches: bool) -> None:
    assert RULE.matches(title, abstract) is matches


def test_min_hits() -> None:
    rule = TagRule(abstract=patterns("mask"), min_hits=3)
    assert not rule.matches("T", "mask mask")
    assert rule.matches("T", "mask mask masked")


def test_rule_without_abstract_patterns_needs_a_title_match() -> None:
    assert not TagRule(min_hits=0).matches("anything", "anything")
    assert not TagRule(title=patterns("vision"), min_hits=0).matches("Speech", "anything")


def test_suggest_tags_in_vocabulary_order() -> None:
    vocabulary = (
        Tag("vision", "Vision", "Images.", TagRule(title=patterns("image"))),
        Tag("speech", "Speech", "Speech.", RULE),
        Tag("masking", "Masking", "Masks.", TagRule(abstract=patterns("mask"), min_hits=1)),
        Tag("untagged", "Untagged", "No rule."),
    )
    assert suggest_tags(vocabulary, "Masked Speech Modeling", "We mask audio frames.") == ("speech", "masking")
    assert suggest_tags(vocabulary, "Image Masks", "Nothing.") == ("vision",)
    assert suggest_tags(vocabulary, "Other", "Nothing.") == ()


@pytest.fixture(scope="module")
def vocabulary() -> tuple[Tag, ...]:
    loaded, problems = load_catalog(REPOSITORY / "data", REPOSITORY)
    assert problems == []
    return loaded.catalog.tags


def test_the_bundled_vocabulary_is_for_machine_learning_as_a_whole(vocabulary: tuple[Tag, ...]) -> None:
    assert 60 <= len(vocabulary) <= 120
    assert all(tag.description.strip() for tag in vocabulary)
    assert len({tag.name.casefold() for tag in vocabulary}) == len(vocabulary)
    assert {"survey", "speech-recognition", "code-generation", "reinforcement-learning", "medicine"} <= {
        tag.slug for tag in vocabulary
    }


FRESH_PAPERS = {
    "Streaming Speech Recognition with Conformer Transducers": (
        "We improve automatic speech recognition of spoken audio, lowering the word error rate on LibriSpeech.",
        {"speech-recognition"},
    ),
    "A Survey of Graph Neural Networks": (
        "We review message passing architectures and their applications to node classification.",
        {"survey", "graph-neural-networks"},
    ),
    "Convolutional Networks for Code Generation": (
        "A CNN over abstract syntax trees generates Python programs from natural language descriptions and is "
        "evaluated on programming problems in 12 languages.",
        {"code-generation"},
    ),
    "Learning Policies from Rewards": (
        "An actor-critic agent learns a policy in the environment with offline reinforcement learning.",
        {"reinforcement-learning"},
    ),
    "Predicting Protein Structure": ("A protein language model folds amino acid sequences.", {"biology"}),
}


def test_a_fresh_catalog_gets_sensible_suggestions_from_the_vocabulary(
    vocabulary: tuple[Tag, ...], fixture_project: Path
) -> None:
    """No paper has curated tags: the suggestions come from the tags' descriptions and rules alone."""
    catalog = load_clean(fixture_project / "data")
    fresh = dataclasses.replace(
        catalog, tags=vocabulary, papers=tuple(dataclasses.replace(paper, tags=()) for paper in catalog.papers)
    )
    suggest = Suggester(fresh)
    for title, (abstract, expected) in FRESH_PAPERS.items():
        suggested = set(suggest(title, abstract))
        assert expected <= suggested, (title, suggested)
        assert not suggested & {"computer-vision", "multilingual"}, (title, suggested)
    assert suggest("Image Classification with Vision Transformers", "ViT on ImageNet.") == ("computer-vision",)
