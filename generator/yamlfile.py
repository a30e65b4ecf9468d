"""Reading YAML files safely while keeping the line of every mapping key and list item."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml

from generator.errors import Problem


class LocatedDict(dict[Any, Any]):
    """A mapping that knows its own line and the line of each key."""

    line: int = 0
    key_lines: dict[Any, int]
    duplicate_keys: list[tuple[Any, int]]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class LocatedList(list[Any]):
    """A list that knows its own line and the line of each item."""

    line: int = 0
    item_lines: list[int]


class LocatedLoader(yaml.SafeLoader):
    """PyYAML's safe loader, building LocatedDict and LocatedList instead of dict and list."""


def _construct_mapping(loader: LocatedLoader, node: yaml.MappingNode) -> Iterator[LocatedDict]:
    data = LocatedDict()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    data.duplicate_keys = []
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise yaml.constructor.ConstructorError(None, None, "a mapping key must be plain text", key_node.start_mark)
        line = key_node.start_mark.line + 1
        if key in data:
            data.duplicate_keys.append((key, line))
        data.key_lines[key] = line
        data[key] = loader.construct_object(value_node, deep=True)


def _construct_sequence(loader: LocatedLoader, node: yaml.SequenceNode) -> Iterator[LocatedList]:
    data = LocatedList()
    data.line = node.start_mark.line + 1
    data.item_lines = [item.start_mark.line + 1 for item in node.value]
    yield data
    data.extend(loader.construct_object(item, deep=True) for item in node.value)


class InvalidDate(str):
    """A value that YAML reads as a date but that is no date (2026-13-45): kept as text for the schema to report."""


def _construct_timestamp(loader: LocatedLoader, node: yaml.ScalarNode) -> object:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return InvalidDate(node.value)


# libyaml's parser, where PyYAML has it, reads a catalog several times faster; its error messages are
# worded differently, so a file it rejects is read again by the pure-Python loader for the message.
class FastLoader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):  # type: ignore[misc]
    """The same constructors on libyaml's parser."""


for _loader in (LocatedLoader, FastLoader):
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
    _loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
    _loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


# Errors about something opened and never closed are reported where it was opened, with what to do.
UNCLOSED = {
    "while parsing a flow sequence": "the list opened with '[' on this line is never closed; end it with ']'",
    "while parsing a flow mapping": "the mapping opened with '{' on this line is never closed; end it with '}'",
    "while scanning a quoted scalar": "the quoted text that starts on this line is never closed; add the closing quote",
}


def describe_yaml_error(error: yaml.MarkedYAMLError) -> tuple[int, str]:
    """The line to point at and what to say, for an error PyYAML raised."""
    if error.context in UNCLOSED and error.context_mark is not None:
        return error.context_mark.line + 1, UNCLOSED[error.context]
    mark = error.problem_mark or error.context_mark
    reason = error.problem or "the YAML cannot be read"
    if "could not determine a constructor" in reason:
        tag = reason.split()[-1].strip("'").replace("tag:yaml.org,2002:", "!!")
        reason = f"the YAML tag {tag} is not allowed; write plain values"
    return (mark.line + 1 if mark else 1), reason


def read_yaml(path: str, data: bytes, expected: str = "a YAML mapping") -> tuple[Any, list[Problem]]:
    """The document in `data`, or None and a problem naming the line where reading failed."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [Problem(path, line, "the file is not UTF-8 text; save it as UTF-8")]
    if not text.strip():
        return None, [Problem(path, 1, f"the file is empty; it must hold {expected}")]
    try:
        return yaml.load(text, Loader=FastLoader), []  # noqa: S506 - a SafeLoader (libyaml's, where available)
    except yaml.YAMLError:
        pass
    try:
        return yaml.load(text, Loader=LocatedLoader), []  # noqa: S506 - LocatedLoader is a SafeLoader
    except yaml.MarkedYAMLError as error:
        line, reason = describe_yaml_error(error)
        return None, [Problem(path, line, f"invalid YAML: {reason}")]
    except yaml.YAMLError as error:
        return None, [Problem(path, 1, f"invalid YAML: {error}")]


class FastDumper(yaml.CSafeDumper if yaml.__with_libyaml__ else yaml.SafeDumper):  # type: ignore[misc]
    """The safe dumper (libyaml's emitter where PyYAML has it: same output, faster), with plain text, most of
    what is dumped, represented directly rather than through the representer's generic dispatch."""

    def represent_data(self, data: Any) -> yaml.Node:
        if type(data) is str:
            return yaml.ScalarNode("tag:yaml.org,2002:str", data, style=self.default_style)
        node: yaml.Node = super().represent_data(data)
        return node


def dump_yaml(data: Any) -> str:
    """YAML as curators read it: keys in the given order, Unicode kept, long lines folded."""
    return yaml.dump(data, Dumper=FastDumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
