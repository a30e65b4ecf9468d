"""Reading YAML safely, with the line of every key and item, and a located problem when it fails."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.yamlfile import LocatedDict, LocatedList, dump_yaml, read_yaml

PATH = "data/papers/x.yml"


def read_ok(data: bytes) -> Any:
    value, problems = read_yaml(PATH, data)
    assert problems == []
    return value


def read_problem(data: bytes) -> str:
    value, problems = read_yaml(PATH, data)
    assert value is None
    assert len(problems) == 1
    return str(problems[0])


def test_key_and_item_lines() -> None:
    data = read_ok(b"a: 1\nb:\n  - x\n  - y\nc: {d: 2}\n")
    assert data == {"a": 1, "b": ["x", "y"], "c": {"d": 2}}
    assert isinstance(data, LocatedDict)
    assert data.line == 1
    assert data.key_lines == {"a": 1, "b": 2, "c": 5}
    assert data.line_of("c") == 5
    assert data.line_of("missing") == 1
    assert isinstance(data["b"], LocatedList)
    assert data["b"].item_lines == [3, 4]
    assert data["c"].line == 5


def test_nested_mapping_in_a_list() -> None:
    data = read_ok(b"links:\n\n  - kind: code\n    url: u\n")
    item = data["links"][0]
    assert isinstance(item, LocatedDict)
    assert item.line == 3
    assert item.key_lines == {"kind": 3, "url": 4}


def test_duplicate_keys_are_recorded() -> None:
    data = read_ok(b"a: 1\nb: 2\na: 3\n")
    assert data.duplicate_keys == [("a", 3)]


def test_a_mapping_key_must_be_plain_text() -> None:
    assert read_problem(b"? [a, b]\n: 1\n") == f"{PATH}:1: invalid YAML: a mapping key must be plain text"


@pytest.mark.parametrize(
    ("source", "tag"),
    [
        (b"a: 1\nb: !!python/object:os.system x\n", "!!python/object:os.system"),
        (b"a: 1\nb: !!python/object/apply:os.system [ls]\n", "!!python/object/apply:os.system"),
        (b"a: 1\nb: !custom 1\n", "!custom"),
    ],
)
def test_unsafe_tags_are_refused(source: bytes, tag: str) -> None:
    assert read_problem(source) == f"{PATH}:2: invalid YAML: the YAML tag {tag} is not allowed; write plain values"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            b"a: 1\nb: [1, 2\nc: 3\n",
            "2: invalid YAML: the list opened with '[' on this line is never closed; end it with ']'",
        ),
        (b"a: 1\n  b: 2\n", "2: invalid YAML: mapping values are not allowed here"),
        (b"a: 1\n---\nb: 2\n", "2: invalid YAML: but found another document"),
    ],
)
def test_broken_yaml_gives_its_line(source: bytes, message: str) -> None:
    assert read_problem(source) == f"{PATH}:{message}"


@pytest.mark.parametrize("source", [b"", b"  \n\n"])
def test_empty_file(source: bytes) -> None:
    assert read_problem(source) == f"{PATH}:1: the file is empty; it must hold a YAML mapping"


def test_non_utf8_gives_the_line_of_the_bad_byte() -> None:
    assert read_problem(b"a: 1\nb: caf\xe9\n") == f"{PATH}:2: the file is not UTF-8 text; save it as UTF-8"


def test_utf8_bom_is_accepted() -> None:
    assert read_ok("\ufeffa: café\n".encode()) == {"a": "café"}


shared_list = ["the same list", "twice"]
yaml_values = st.recursive(
    st.one_of(
        st.text(),
        st.integers(),
        st.booleans(),
        st.none(),
        st.dates(),
        st.sampled_from(["yes", "null", "1.5", "2026-01-01", "- item", "a: b", "#", "", " x ", "'", "line\nbreak"]),
        st.just(shared_list),  # an alias
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.lists(children, max_size=3).map(tuple),
        st.dictionaries(st.text(max_size=8), children, max_size=4),
    ),
    max_leaves=12,
)


@settings(deadline=None, derandomize=True, database=None)  # as in test_properties: reproducible
@given(yaml_values)
def test_dump_yaml_writes_what_the_safe_dumper_writes(data: Any) -> None:
    dumper = yaml.CSafeDumper if yaml.__with_libyaml__ else yaml.SafeDumper
    expected = yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    assert dump_yaml(data) == expected


def test_dump_yaml_writes_dates_as_dates() -> None:
    assert dump_yaml({"added": datetime.date(2026, 3, 17)}) == "added: 2026-03-17\n"
