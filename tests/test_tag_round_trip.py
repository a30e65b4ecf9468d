from pathlib import Path

import pytest

from generator.catalog.model import Tag, TagRule
from generator.catalog.patterns import Pattern, compile_pattern
from generator.catalog.schema import parse_tags
from generator.catalog.store import dump_tags, tag_to_data
from generator.catalog.yamlfile import read_yaml

PATH = "data/tags.yml"
BUNDLED = Path(__file__).resolve().parent.parent / "data" / "tags.yml"


def pattern(source: str) -> Pattern:
    compiled, reason = compile_pattern(source)
    assert compiled is not None, reason
    return compiled


def parsed(text: str) -> tuple[Tag, ...]:
    data, problems = read_yaml(PATH, text.encode(), expected="a YAML list of tags")
    assert problems == []
    tags, problems = parse_tags(PATH, data)
    assert problems == []
    return tuple(tag for tag, _ in tags)


@pytest.mark.parametrize(
    "tag",
    [
        Tag(slug="plain", name="Plain", description=""),
        Tag(slug="speech", name="Speech & Audio", description="Papers on 'speech'.", aliases=("audio",)),
        Tag(
            slug="survey",
            name="Survey",
            description="Surveys.",
            rule=TagRule(
                title=(pattern(r"\bsurvey\b"),),
                abstract=(pattern(r"\bwe review\b"), pattern("'quoted'")),
                min_hits=3,
                ignore=(pattern(r"\bnot a survey\b"),),
            ),
        ),
        Tag(slug="titles", name="Titles", description="Only titles.", rule=TagRule(title=(pattern("x"),))),
    ],
)
def test_tag_round_trips(tag: Tag) -> None:
    assert parsed(dump_tags([tag])) == (tag,)


def test_the_bundled_vocabulary_round_trips() -> None:
    tags = parsed(BUNDLED.read_text(encoding="utf-8"))
    assert parsed(dump_tags(tags)) == tags


def test_a_tag_without_rules_or_aliases_writes_only_its_names() -> None:
    assert tag_to_data(Tag(slug="a", name="A", description="D.")) == {"slug": "a", "name": "A", "description": "D."}
