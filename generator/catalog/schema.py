"""Turning located YAML data into models: types checked, unknown fields rejected, lines kept."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from generator.catalog.declaration import IN_FILE_ORDER, PAPER_FIELDS
from generator.catalog.fields import Field, Reader, describe, read_mapping
from generator.catalog.model import (
    FIRST_YEAR,
    LAST_YEAR,
    LINK_KINDS,
    BrokenPaper,
    InvalidPaperError,
    Link,
    Listing,
    Location,
    Paper,
    Tag,
    TagRule,
)
from generator.catalog.patterns import Pattern, compile_pattern
from generator.catalog.urls import arxiv_problem, category_problem, url_problem
from generator.catalog.yamlfile import LocatedList
from generator.errors import Problem
from generator.listings.dating import date_problem, listing_day

LINK_FIELDS = (Field("kind", str), Field("url", str), Field("original", str, required=False))
LISTING_FIELDS = (
    Field("date", str),
    Field("source", str),
    Field("year", int, required=False, minimum=FIRST_YEAR, maximum=LAST_YEAR),
    Field("position", int, required=False, minimum=1, maximum=100_000),
)


def _read_entries(
    path: str,
    items: list[tuple[int, Any]] | None,
    what: str,
    fields: tuple[Field, ...],
    build: Callable[[dict[str, Any]], Any],
    validate: Callable[[Reader], list[Problem]] | None = None,
) -> tuple[list[tuple[int, Any]], list[Problem]]:
    """The entries of a list field that read without problems, each with its index in the list."""
    entries: list[tuple[int, Any]] = []
    problems: list[Problem] = []
    for index, item in items or []:
        reader, found = read_mapping(path, item, what, fields)
        if reader is not None and not found and validate is not None:
            found = validate(reader)
        problems += found
        if reader is not None and not found:
            entries.append((index, build(reader.values)))
    return entries, problems


def _listing_date(reader: Reader) -> list[Problem]:
    date, year = reader.values["date"], reader.values["year"]
    problem = date_problem(date)
    if problem is None and year is not None and listing_day(date, year) is None:
        problem = f"the listing date {date!r} is not a day of {year}"
    return [] if problem is None else [Problem(reader.path, reader.line_of("date"), problem)]


def _link(values: dict[str, Any]) -> Link:
    return Link(kind=values["kind"], url=values["url"], original=values["original"])


def parse_paper(path: str, data: Any) -> tuple[tuple[Paper | BrokenPaper, Location] | None, list[Problem]]:
    """A Paper from one data file's YAML, or every problem in it.

    A Paper comes only without problems. With problems, what could still be read comes as a BrokenPaper (a bad
    field left None or empty), so the checks of one file can report the rest of it all at once; None when
    the file is no mapping at all.
    """
    reader, problems = read_mapping(path, data, "a paper file", PAPER_FIELDS)
    if reader is None:
        return None, problems
    values = reader.values
    item_lines = _item_lines(reader.mapping.get("links"))
    links, link_problems = _read_entries(path, values["links"], "a link", LINK_FIELDS, _link)
    listings, listing_problems = _read_entries(
        path, values["listings"], "a listing", LISTING_FIELDS, lambda v: Listing(**v), _listing_date
    )
    for index, link in links:
        line = item_lines[index] if index < len(item_lines) else reader.line_of("links")
        if link.kind not in LINK_KINDS:
            link_problems.append(Problem(path, line, f"link kind '{link.kind}' is not one of: {', '.join(LINK_KINDS)}"))
        link_problems += link_url_problems(path, line, link)
    problems += link_problems + listing_problems
    if values["arxiv"] is not None and (wrong := arxiv_problem(values["arxiv"])) is not None:
        problems.append(Problem(path, reader.line_of("arxiv"), f"arxiv {values['arxiv']!r} {wrong}"))
    if values["category"] is not None and (wrong := category_problem(values["category"])) is not None:
        problems.append(Problem(path, reader.line_of("category"), f"category {values['category']!r} {wrong}"))
    kept_lines = [item_lines[index] for index, _ in links if index < len(item_lines)]
    location = reader.location({"links": kept_lines})
    read = {declared.name: declared.from_yaml(values[declared.name]) for declared in IN_FILE_ORDER}
    if not problems:
        read |= {"links": tuple(link for _, link in links), "listings": tuple(listing for _, listing in listings)}
        try:
            return (Paper(**read), location), []
        except InvalidPaperError as error:  # a value the schema let through and the model does not
            problems.append(Problem(path, reader.line_of(error.field), str(error)))
    remains = BrokenPaper(**{field.name: read[field.name] for field in dataclasses.fields(BrokenPaper)})
    return (remains, location), problems


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
    Field("min_hits", int, required=False, minimum=1),
    Field("ignore", list, required=False, item_kind=str),
)


def _compile(path: str, reader: Reader, name: str) -> tuple[tuple[Pattern, ...], list[Problem]]:
    """The patterns of the rule field `name`, each refused at its own line with the reason."""
    sources = reader.values[name] or []
    lines = getattr(reader.mapping.get(name), "item_lines", [reader.line_of(name)] * len(sources))
    compiled: list[Pattern] = []
    problems: list[Problem] = []
    for source, line in zip(sources, lines, strict=True):
        pattern, reason = compile_pattern(source)
        if pattern is None:
            problems.append(Problem(path, line, f"the pattern {_shown(source)} {reason}"))
        else:
            compiled.append(pattern)
    return tuple(compiled), problems


def _shown(source: str) -> str:
    """The pattern as a message quotes it: in full, or its start when it is long."""
    return repr(source) if len(source) <= 80 else f"{source[:60]!r}..."


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
    problems = []
    compiled: dict[str, tuple[Pattern, ...]] = {}
    for name in ("title", "abstract", "ignore"):
        compiled[name], found = _compile(path, reader, name)
        problems += found
    min_hits = reader.values["min_hits"] if reader.values["min_hits"] is not None else 2
    rule = TagRule(title=compiled["title"], abstract=compiled["abstract"], min_hits=min_hits, ignore=compiled["ignore"])
    return rule, problems
