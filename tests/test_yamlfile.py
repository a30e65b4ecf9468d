"""Reading YAML safely, with the line of every key and item, and a located problem when it fails."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.catalog.yamlfile import FastLoader, LocatedDict, LocatedList, LocatedLoader, dump_yaml, read_yaml
from generator.errors import Problem

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


def located(value: Any, inside: frozenset[int] = frozenset()) -> Any:
    """`value` with the lines it carries and the type of each part, to compare two readings exactly; a part
    that holds itself (YAML aliases can say so) is shown as such."""
    if id(value) in inside:
        return "itself"
    inside |= {id(value)}
    if isinstance(value, LocatedDict):
        items = [(located(key, inside), located(item, inside)) for key, item in value.items()]
        return ("dict", value.line, value.key_lines, value.duplicate_keys, items)
    if isinstance(value, LocatedList):
        return ("list", value.line, value.item_lines, [located(item, inside) for item in value])
    if isinstance(value, (list, tuple, set)):
        return (type(value).__name__, [located(item, inside) for item in value])
    return (type(value).__name__, value)


def load_with(loader: type[yaml.SafeLoader], text: str) -> Any:
    try:
        return located(yaml.load(text, Loader=loader))
    except yaml.YAMLError:
        return "refused"


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb:\n  - x\n  - {c: d, e: [f, 2026-01-01]}\nc: 'quoted'\n",
        "base: &b {x: 1, y: two}\nmerged:\n  <<: *b\n  y: three\nlisted:\n  <<: [*b, {z: 3}]\n",
        "list: &l [a, b]\nagain: *l\nmap: &m {k: v}\nsame: *m\n",
        "1: a\ntrue: b\n~: c\n3.5: d\n=: e\nyes: f\n!!str 7: g\n",
        "a: 1\nb: 2\na: 3\n",
        "added: 2026-13-45\nwhen: 2026-01-01 10:00:00\nday: 2026-02-03\n",
        "set: !!set {a, b}\nomap: !!omap [a: 1, b: 2]\npairs: !!pairs [a: 1]\nbin: !!binary aGk=\n",
        "f: !!float 1\ni: !!int '7'\nn: .inf\nhex: 0x1F\nstr: !!str 12\nnull: null\n",
        "- a\n- - b\n  - {c: [d]}\n- !!str x\n",
        "? [a, b]\n: 1\n",
        "? {a: 1}\n: 1\n",
        "a: &a [*a]\n",
        "&a {b: *a, c: [*a]}\n",
        "&a [a, *a]\n",
        "!!omap [a: &x {b: [*x]}]\n",
        "a: &a {b: *a}\n",
        "&a !!omap [b: *a]\n",
        "a: !!str [x]\n",
        "a: !!map {b: 1}\nc: !!seq [d]\n",
        "a: !custom 1\n",
        "m: {<<: [1, 2]}\n",
        "- [yes, No, ON, ~, '', null, Null, 0o17, 0x_1F, 1_000, 190:20:30, .5, -.inf, +12e+03, 0b101]\n"
        "- [2026-01-01, 2026-1-1 1:02:03, ==, <<x, t, y, n, '1', \"true\", 1e3, -1, +, .]\n",
        "plain text\n",
        "'quoted text'\n",
        "2026-01-01\n",
    ],
)
def test_the_fast_loader_reads_what_the_pure_python_loader_reads(text: str) -> None:
    assert load_with(FastLoader, text) == load_with(LocatedLoader, text)


@settings(deadline=None, derandomize=True, database=None)
@given(yaml_values, st.sampled_from([None, True]))
def test_the_fast_loader_reads_any_dumped_value_as_the_pure_python_loader_does(data: Any, flow: bool | None) -> None:
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True)
    assert load_with(FastLoader, text) == load_with(LocatedLoader, text)


DEEP = "invalid YAML: lists and mappings are nested too deeply here (more than 50 levels)"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("title: " + "[" * 50 + "]" * 50 + "\n", 1),  # 51 levels with the mapping
        ("a:\n" + "".join(" " * (level + 1) + f"k{level}:\n" for level in range(60)) + " " * 62 + "v\n", 51),
        ("- " * 60 + "x\n", 1),  # compact lists, on one line
        ("a0: &a0 [x]\n" + "".join(f"a{n}: &a{n}\n  - *a{n - 1}\n" for n in range(1, 60)), 99),  # through aliases
        ("title: " + "{a: " * 100_000, 1),  # never closed, and deep first
    ],
    ids=["brackets", "indentation", "compact", "aliases", "unclosed"],
)
def test_yaml_nested_too_deeply_is_refused_before_it_is_built(text: str, line: int) -> None:
    assert read_yaml(PATH, text.encode()) == (None, [Problem(PATH, line, DEEP)])


def test_yaml_nested_fifty_levels_deep_is_read() -> None:
    value, problems = read_yaml(PATH, ("title: " + "[" * 49 + "x" + "]" * 49 + "\n").encode())
    assert problems == []
    for _ in range(49):
        value = value[0] if isinstance(value, list) else value["title"]
    assert value == ["x"]
    anchored = "a: &x [1]\nb: *x\nc: {d: *x}\n"
    assert read_yaml(PATH, anchored.encode()) == ({"a": [1], "b": [1], "c": {"d": [1]}}, [])
