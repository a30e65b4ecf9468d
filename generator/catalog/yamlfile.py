"""Reading YAML files safely while keeping the line of every mapping key and list item."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import yaml

from generator.errors import Problem


class LocatedDict(dict[Any, Any]):
    """A mapping that knows its own line and the line of each key."""

    __slots__ = ("duplicate_keys", "key_lines", "line")
    line: int
    key_lines: dict[Any, int]
    duplicate_keys: list[tuple[Any, int]]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class LocatedList(list[Any]):
    """A list that knows its own line and the line of each item."""

    __slots__ = ("item_lines", "line")
    line: int
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


STR_TAG = "tag:yaml.org,2002:str"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"


# libyaml's parser, where PyYAML has it, reads a catalog several times faster; its error messages are
# worded differently, so a file it rejects is read again by the pure-Python loader for the message.
class FastLoader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):  # type: ignore[misc]
    """The same constructors on libyaml's parser, with text, mappings and lists built directly.

    A catalog is almost all text, mappings and lists: built here, without the constructor's generic
    dispatch, they are built about twice as fast, with the values and lines the registered constructors
    give. Everything else goes to those constructors. It refuses what they refuse, so a file refused here
    is refused again by the pure-Python loader, which words the error (see `read_yaml`).
    """

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        """The tag of a node written without one, as the resolver finds it: libyaml asks for every scalar,
        and most are text that no implicit resolver matches, found here with a single look-up."""
        if kind is not yaml.ScalarNode or self.yaml_path_resolvers:
            tag: str = super().resolve(kind, value, implicit)
            return tag
        if implicit[0]:
            for tag, pattern in _IMPLICIT_RESOLVERS.get(value[:1], _ANY_FIRST_CHARACTER):
                if pattern.match(value):
                    return tag
        return STR_TAG

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node.tag == STR_TAG and type(node) is yaml.ScalarNode:
            return node.value
        if node in self.constructed_objects:
            return self.constructed_objects[node]
        if node.tag == MAP_TAG and type(node) is yaml.MappingNode:
            return self._build(node, deep, LocatedDict(), self._fill_mapping)
        if node.tag == SEQ_TAG and type(node) is yaml.SequenceNode:
            return self._build(node, deep, LocatedList(), self._fill_sequence)
        return super().construct_object(node, deep=deep)

    def _build(self, node: yaml.Node, deep: bool, data: Any, fill: Callable[[Any, Any], None]) -> Any:
        """`data` filled from `node`, and remembered for aliases to the node.

        As in PyYAML, an alias to a node inside the node itself is an error when it is built deep (inside
        another mapping or list), and is the node itself when it is not (the document itself): PyYAML then
        fills it only once it is remembered.
        """
        if node in self.recursive_objects:
            raise yaml.constructor.ConstructorError(None, None, "found unconstructable recursive node", node.start_mark)
        data.line = node.start_mark.line + 1
        if deep or self.deep_construct:
            self.recursive_objects[node] = None
            fill(node, data)
            del self.recursive_objects[node]
            self.constructed_objects[node] = data
        else:
            self.constructed_objects[node] = data
            fill(node, data)
        return data

    def _fill_mapping(self, node: yaml.MappingNode, data: LocatedDict) -> None:
        key_lines: dict[Any, int] = {}
        data.key_lines = key_lines
        data.duplicate_keys = []
        self.flatten_mapping(node)
        construct = self.construct_object  # deep: a mapping's values are built with it, as the constructors do
        for key_node, value_node in node.value:
            if key_node.tag == STR_TAG and type(key_node) is yaml.ScalarNode:
                key = key_node.value
            else:
                key = construct(key_node, True)
                if not isinstance(key, (str, int, float, bool)) and key is not None:
                    raise yaml.constructor.ConstructorError(
                        None, None, "a mapping key must be plain text", key_node.start_mark
                    )
            line = key_node.start_mark.line + 1
            if key in data:
                data.duplicate_keys.append((key, line))
            key_lines[key] = line
            if value_node.tag == STR_TAG and type(value_node) is yaml.ScalarNode:
                data[key] = value_node.value
            else:
                data[key] = construct(value_node, True)

    def _fill_sequence(self, node: yaml.SequenceNode, data: LocatedList) -> None:
        data.item_lines = [item.start_mark.line + 1 for item in node.value]
        construct = self.construct_object
        data.extend(
            item.value if item.tag == STR_TAG and type(item) is yaml.ScalarNode else construct(item, True)
            for item in node.value
        )


# The implicit resolvers `resolve` tries for a plain scalar, by its first character ('' for an empty one).
_ANY_FIRST_CHARACTER = tuple(FastLoader.yaml_implicit_resolvers.get(None, ()))
_IMPLICIT_RESOLVERS = {
    first: tuple(found) + _ANY_FIRST_CHARACTER
    for first, found in FastLoader.yaml_implicit_resolvers.items()
    if first is not None
}

# Only the parser's events are read with it: they come without recursion, in libyaml as in PyYAML.
EventLoader = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader

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


# Lists and mappings nested deeper than this are refused before the document is built: building it is recursive
# (200 levels raised RecursionError, and 30,000 crashed libyaml's composer). A paper needs 3 levels, tags 4.
MAX_DEPTH = 50
# A document with at most FLOW_SCREEN brackets, no anchor and no line whose content starts after INDENT_SCREEN
# columns or more cannot be nested deeper than MAX_DEPTH: each level of block nesting takes a column at least.
FLOW_SCREEN = MAX_DEPTH // 2
INDENT_SCREEN = MAX_DEPTH - FLOW_SCREEN - 1
PREFIX = " \t?:-"  # what may come before a line's content
DEEP_LINE = re.compile(rf"\n[{PREFIX}]{{{INDENT_SCREEN}}}")
COLLECTION_STARTS = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
COLLECTION_ENDS = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def too_deep(text: str) -> int | None:
    """The line where lists and mappings are nested more than MAX_DEPTH deep (aliases included), if they are.

    A bound found by counting comes first: a document with few brackets, no anchors and little indentation
    cannot be that deep, and most are like that. Otherwise the parser's events, which come without recursion,
    are followed: the nodes the document would build are never built."""
    if (
        "&" not in text
        and text.count("[") + text.count("{") <= FLOW_SCREEN
        and DEEP_LINE.search(text) is None
        and text[:INDENT_SCREEN].strip(PREFIX)
    ):
        return None
    heights: dict[str, int] = {}  # the height of each anchored node: what an alias to it adds
    open_nodes: list[list[Any]] = []  # [anchor, height of the highest child so far] of each open collection
    try:
        for event in yaml.parse(text, Loader=EventLoader):
            depth = len(open_nodes)  # of the deepest collection this event opens or brings in
            if isinstance(event, COLLECTION_STARTS):
                open_nodes.append([event.anchor, 0])
                depth += 1
            elif isinstance(event, yaml.AliasEvent):
                height = heights.get(event.anchor or "", 0)
                depth += height
                if open_nodes:
                    open_nodes[-1][1] = max(open_nodes[-1][1], height)
            elif isinstance(event, yaml.ScalarEvent) and event.anchor:
                heights[event.anchor] = 0
            elif isinstance(event, COLLECTION_ENDS):
                anchor, height = open_nodes.pop()
                if anchor:
                    heights[anchor] = height + 1
                if open_nodes:
                    open_nodes[-1][1] = max(open_nodes[-1][1], height + 1)
            if depth > MAX_DEPTH:
                return event.start_mark.line + 1 if event.start_mark else 1
    except yaml.YAMLError:  # reported by the loader, which stops there too, before it is this deep
        return None
    return None


def read_yaml(path: str, data: bytes, expected: str = "a YAML mapping") -> tuple[Any, list[Problem]]:
    """The document in `data`, or None and a problem naming the line where reading failed."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [Problem(path, line, "the file is not UTF-8 text; save it as UTF-8")]
    if not text.strip():
        return None, [Problem(path, 1, f"the file is empty; it must hold {expected}")]
    deep = too_deep(text)
    if deep is not None:
        message = f"invalid YAML: lists and mappings are nested too deeply here (more than {MAX_DEPTH} levels)"
        return None, [Problem(path, deep, message)]
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
