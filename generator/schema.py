"""Turning located YAML data into models: types checked, unknown fields rejected, lines kept."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.errors import Problem
from generator.model import LINK_KINDS, Link, Listing, Location, Paper, Tag, TagRule
from generator.urls import arxiv_problem, url_problem
from generator.yamlfile import InvalidDate, LocatedDict, LocatedList

TYPE_NAMES = {
    str: "text",
    int: "a whole number",
    list: "a list",
    dict: "a mapping",
    datetime.date: "a date (YYYY-MM-DD)",
}


def describe(value: Any) -> str:
    if isinstance(value, InvalidDate):
        return f"'{value}', which is not a date"
    if isinstance(value, bytes):
        return "binary data"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    for kind, name in TYPE_NAMES.items():
        if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
            return name
    return type(value).__name__


@dataclass(frozen=True)
class Field:
    name: str
    kind: type
    required: bool = True
    item_kind: type | None = None


_MISSING = object()  # a field not in the mapping at all (None is a field written empty)


class Reader:
    """Reads the fields of one mapping, collecting a problem for each thing wrong."""

    def __init__(self, path: str, mapping: LocatedDict, what: str, fields: tuple[Field, ...]) -> None:
        self.path = path
        self.mapping = mapping
        self.problems: list[Problem] = []
        known = {field.name: field for field in fields}
        for key, line in mapping.duplicate_keys:
            self.problems.append(Problem(path, line, f"the field '{key}' is given twice; keep one"))
        for key in mapping:
            if key not in known:
                self.problems.append(
                    Problem(
                        path,
                        mapping.line_of(key),
                        f"unknown field '{key}' in {what}; known fields are: {', '.join(known)}",
                    )
                )
        self.values: dict[str, Any] = {}
        for field in fields:
            self.values[field.name] = self._read(field, what)

    def _read(self, field: Field, what: str) -> Any:
        mapping = self.mapping
        value: Any = mapping.get(field.name, _MISSING)
        if value is _MISSING:
            if field.required:
                self.problems.append(Problem(self.path, mapping.line, f"{what} has no '{field.name}'; add it"))
            return None
        if value is None:
            if field.required:
                line = mapping.line_of(field.name)
                self.problems.append(Problem(self.path, line, f"'{field.name}' is empty; write it out"))
            return None
        if not isinstance(value, field.kind) or (field.kind is int and isinstance(value, bool)):
            expected = TYPE_NAMES.get(field.kind, field.kind.__name__)
            self.problems.append(
                Problem(
                    self.path,
                    mapping.line_of(field.name),
                    f"'{field.name}' must be {expected}, found {describe(value)}",
                )
            )
            return None
        if isinstance(value, str) and not value.strip():
            self.problems.append(
                Problem(self.path, mapping.line_of(field.name), f"'{field.name}' is empty; write it out")
            )
            return None
        if field.item_kind is not None and isinstance(value, list):
            return self._read_items(field, value, mapping.line_of(field.name))
        return value

    def _read_items(self, field: Field, items: list[Any], line: int) -> list[Any] | None:
        """The items, or None if one is of the wrong kind; for lists of mappings, the good (index, item) pairs."""
        expected = TYPE_NAMES.get(field.item_kind or str, "text")
        item_lines = getattr(items, "item_lines", [line] * len(items))
        bad = [
            (item, item_line)
            for item, item_line in zip(items, item_lines, strict=True)
            if not isinstance(item, field.item_kind or str)
        ]
        for item, item_line in bad:
            self.problems.append(
                Problem(
                    self.path, item_line, f"each entry of '{field.name}' must be {expected}, found {describe(item)}"
                )
            )
        if field.item_kind is dict:
            # Mappings (links, listings) are read one by one later: keep the good ones, with their places.
            return [(index, item) for index, item in enumerate(items) if isinstance(item, dict)]
        return None if bad else list(items)

    def line_of(self, name: str) -> int:
        return self.mapping.line_of(name)

    def location(
        self, item_lines: dict[str, list[int]] | None = None, invalid: frozenset[str] = frozenset()
    ) -> Location:
        """Where the mapping was read, with the lines of its list items (those in `item_lines` replaced)."""
        items = {key: list(value.item_lines) for key, value in self.mapping.items() if isinstance(value, LocatedList)}
        items.update(item_lines or {})
        return Location(self.path, self.mapping.line, dict(self.mapping.key_lines), items, invalid)


def read_mapping(
    path: str, data: Any, what: str, fields: tuple[Field, ...], line: int = 1
) -> tuple[Reader | None, list[Problem]]:
    """A Reader over `data`; `line` is where `data` stands, for a value that does not know its own line."""
    if not isinstance(data, LocatedDict):
        line = getattr(data, "line", line)
        return None, [Problem(path, line, f"{what} must be a YAML mapping of field: value, found {describe(data)}")]
    reader = Reader(path, data, what, fields)
    return reader, reader.problems


PAPER_FIELDS = (
    Field("slug", str),
    Field("title", str),
    Field("tags", list, item_kind=str),
    Field("abstract", str),
    Field("links", list, required=False, item_kind=dict),
    Field("listings", list, required=False, item_kind=dict),
    Field("added", datetime.date),
    Field("aliases", list, required=False, item_kind=str),
    Field("authors", list, required=False, item_kind=str),
    Field("year", int, required=False),
    Field("arxiv", str, required=False),
)
LINK_FIELDS = (Field("kind", str), Field("url", str), Field("original", str, required=False))
LISTING_FIELDS = (Field("date", str), Field("source", str))


def _read_entries(
    path: str,
    items: list[tuple[int, Any]] | None,
    what: str,
    fields: tuple[Field, ...],
    build: Callable[[dict[str, Any]], Any],
) -> tuple[list[tuple[int, Any]], list[Problem]]:
    """The entries of a list field that read without problems, each with its index in the list."""
    entries: list[tuple[int, Any]] = []
    problems: list[Problem] = []
    for index, item in items or []:
        reader, found = read_mapping(path, item, what, fields)
        problems += found
        if reader is not None and not found:
            entries.append((index, build(reader.values)))
    return entries, problems


def _link(values: dict[str, Any]) -> Link:
    return Link(kind=values["kind"], url=values["url"], original=values["original"])


def parse_paper(path: str, data: Any) -> tuple[tuple[Paper, Location] | None, list[Problem]]:
    """A Paper from one data file's YAML and every problem in it.

    With problems, the paper holds what could be read (a bad field left empty, named in its location's
    `invalid`), so the checks can still report the rest of the file all at once; it is never built.
    """
    reader, problems = read_mapping(path, data, "a paper file", PAPER_FIELDS)
    if reader is None:
        return None, problems
    values = reader.values
    invalid = {field.name for field in PAPER_FIELDS if values[field.name] is None and field.name in reader.mapping}
    item_lines = _item_lines(reader.mapping.get("links"))
    links, link_problems = _read_entries(path, values["links"], "a link", LINK_FIELDS, _link)
    listings, listing_problems = _read_entries(
        path, values["listings"], "a listing", LISTING_FIELDS, lambda v: Listing(**v)
    )
    for index, link in links:
        line = item_lines[index] if index < len(item_lines) else reader.line_of("links")
        if link.kind not in LINK_KINDS:
            link_problems.append(Problem(path, line, f"link kind '{link.kind}' is not one of: {', '.join(LINK_KINDS)}"))
        link_problems += link_url_problems(path, line, link)
    invalid |= {"links"} if link_problems else set()
    invalid |= {"listings"} if listing_problems else set()
    problems += link_problems + listing_problems
    paper = Paper(
        slug=values["slug"] or "",
        title=values["title"] or "",
        abstract=values["abstract"] or "",
        tags=tuple(values["tags"] or ()),
        links=tuple(link for _, link in links),
        listings=tuple(listing for _, listing in listings),
        added=values["added"] or datetime.date.min,
        aliases=tuple(values["aliases"] or ()),
        authors=tuple(values["authors"] or ()),
        year=values["year"],
        arxiv=values["arxiv"],
    )
    if values["arxiv"] is not None and (wrong := arxiv_problem(values["arxiv"])) is not None:
        problems.append(Problem(path, reader.line_of("arxiv"), f"arxiv {values['arxiv']!r} {wrong}"))
        invalid.add("arxiv")
    missing = {field.name for field in PAPER_FIELDS if field.required and values[field.name] is None}
    kept_lines = [item_lines[index] for index, _ in links if index < len(item_lines)]
    return (paper, reader.location({"links": kept_lines}, frozenset(invalid | missing))), problems


# The URL the site links to is https; `original` records what the listing said, http or https.
LINK_URL_SCHEMES = {"url": ("https",), "original": ("http", "https")}


def link_url_problems(path: str, line: int, link: Link) -> list[Problem]:
    """The problems of a link's URLs: each must be a URL of the schemes its field allows, and nothing else."""
    problems: list[Problem] = []
    for name, schemes in LINK_URL_SCHEMES.items():
        value = getattr(link, name)
        if value is not None and (wrong := url_problem(value, schemes)) is not None:
            problems.append(Problem(path, line, f"link {name} {value!r} {wrong}"))
    return problems


def _item_lines(items: Any) -> list[int]:
    return list(getattr(items, "item_lines", []))


TAG_FIELDS = (
    Field("slug", str),
    Field("name", str),
    Field("description", str, required=False),
    Field("match", dict, required=False),
    Field("aliases", list, required=False, item_kind=str),
)
RULE_FIELDS = (
    Field("title", list, required=False, item_kind=str),
    Field("abstract", list, required=False, item_kind=str),
    Field("min_hits", int, required=False),
)


def _compile(path: str, line: int, patterns: list[str] | None) -> tuple[tuple[re.Pattern[str], ...], list[Problem]]:
    compiled: list[re.Pattern[str]] = []
    problems: list[Problem] = []
    for pattern in patterns or []:
        try:
            compiled.append(re.compile(pattern, re.IGNORECASE))
        except re.error as error:
            problems.append(Problem(path, line, f"the pattern {pattern!r} is not a valid regular expression: {error}"))
    return tuple(compiled), problems


def parse_tags(path: str, data: Any) -> tuple[tuple[tuple[Tag, Location], ...], list[Problem]]:
    """The tag vocabulary from tags.yml: a list of tags, each with its match rules."""
    if not isinstance(data, LocatedList):
        return (), [
            Problem(
                path,
                getattr(data, "line", 1),
                f"the tag vocabulary must be a YAML list of tags, found {describe(data)}",
            )
        ]
    tags: list[tuple[Tag, Location]] = []
    problems: list[Problem] = []
    for item, line in zip(data, data.item_lines, strict=True):
        reader, found = read_mapping(path, item, "a tag", TAG_FIELDS, line)
        problems += found
        if reader is None or found:
            continue
        rule, rule_problems = _parse_rule(path, reader)
        problems += rule_problems
        values = reader.values
        tag = Tag(
            slug=values["slug"],
            name=values["name"],
            description=values["description"] or "",
            rule=rule,
            aliases=tuple(values["aliases"] or ()),
        )
        tags.append((tag, reader.location()))
    return tuple(tags), problems


def _parse_rule(path: str, tag: Reader) -> tuple[TagRule, list[Problem]]:
    if tag.values["match"] is None:
        return TagRule(), []
    reader, problems = read_mapping(path, tag.values["match"], "a tag's match rules", RULE_FIELDS)
    if reader is None or problems:
        return TagRule(), problems
    title, title_problems = _compile(path, reader.line_of("title"), reader.values["title"])
    abstract, abstract_problems = _compile(path, reader.line_of("abstract"), reader.values["abstract"])
    min_hits = reader.values["min_hits"] if reader.values["min_hits"] is not None else 2
    return TagRule(title=title, abstract=abstract, min_hits=min_hits), title_problems + abstract_problems
