"""Tag rules: a title pattern matches, or abstract patterns hit at least min_hits times."""

from __future__ import annotations

import pytest

from generator.model import Tag, TagRule
from generator.tagging import suggest_tags
from tests.conftest import patterns

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
