"""Each field of a paper declared once: how it is read, in what order it is saved, how it is exported and
what it means. The schema, the YAML writer, the JSON export and the data page's table derive from it."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.catalog.fields import Field
from generator.catalog.model import FIRST_YEAR, LAST_YEAR, Link, Listing


def link_data(link: Link) -> dict[str, Any]:
    """A link as its YAML and JSON mapping: the original URL only when it differs."""
    return {"kind": link.kind, "url": link.url} | ({"original": link.original} if link.original else {})


def listing_data(listing: Listing) -> dict[str, Any]:
    """A listing as its YAML (and JSON) mapping: the year and position only when known."""
    data: dict[str, Any] = {"date": listing.date, "source": listing.source}
    known = {"year": listing.year, "position": listing.position}
    return data | {key: value for key, value in known.items() if value is not None}


def as_is(value: Any) -> Any:
    return value


def as_list(values: tuple[Any, ...]) -> list[Any]:
    return list(values)


def as_tuple(values: list[Any] | None) -> tuple[Any, ...]:
    return tuple(values or ())


def as_iso_date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


@dataclass(frozen=True)
class Row:
    """A line of the data page's table: a JSON field, its type and what it means."""

    name: str
    type: str
    meaning: str


@dataclass(frozen=True)
class PaperField:
    """One field of a paper: its schema (`field`), its place in the YAML file, and how it is written.

    A field is left out of the YAML (or the JSON) when empty, unless it is written even then."""

    field: Field
    yaml_order: int
    json_type: str
    meaning: str
    from_yaml: Callable[[Any], Any] = as_is
    to_yaml: Callable[[Any], Any] = as_is
    to_json: Callable[[Any], Any] = as_is
    yaml_when_empty: bool = False
    json_when_empty: bool = False
    item_rows: tuple[Row, ...] = ()  # the fields of each item, for the data page

    @property
    def name(self) -> str:
        return self.field.name

    @property
    def rows(self) -> tuple[Row, ...]:
        optional = "" if self.json_when_empty else ", optional"
        return (Row(self.name, self.json_type + optional, self.meaning), *self.item_rows)


def _links(links: tuple[Link, ...]) -> list[dict[str, Any]]:
    return [link_data(link) for link in links]


def _listings(listings: tuple[Listing, ...]) -> list[dict[str, Any]]:
    return [listing_data(listing) for listing in listings]


LINK_ROWS = (
    Row("links[].kind", "string", "One of `code`, `dataset`, `model`, `project`."),
    Row("links[].url", "string", "The link, normalised (a GitHub link points at the repository)."),
    Row("links[].original", "string, optional", "The URL as first seen, when it differs from `url`."),
)
LISTING_ROWS = (
    Row("listings[].date", "string", "The date as the listing prints it, such as `Mar 17`; listings give no year."),
    Row(
        "listings[].year",
        "integer, optional",
        "The year of that date (from `--year`, the file name or the import date).",
    ),
    Row("listings[].position", "integer, optional", "The paper's place in that listing, 1 for its first paper."),
    Row(
        "listings[].source",
        "string",
        "Where the paper was listed: the listing file imported (such as `hf-daily-papers-2025-03-17.txt`), or "
        "`hf-daily-papers-2025-03-17` for a day read from the Hugging Face daily-papers API.",
    ),
)
STRINGS = "array of strings"

# In the order of the data page; `yaml_order` is the order of a paper's file.
PAPER_DECLARATION = (
    PaperField(
        Field("slug", str),
        0,
        "string",
        "The paper's stable name, used in its file name and page address.",
        yaml_when_empty=True,
        json_when_empty=True,
    ),
    PaperField(
        Field("title", str),
        1,
        "string",
        "The title, as plain text.",
        yaml_when_empty=True,
        json_when_empty=True,
    ),
    PaperField(
        Field("abstract", str),
        4,
        "string",
        "The abstract, as plain text on one line.",
        yaml_when_empty=True,
        json_when_empty=True,
    ),
    PaperField(
        Field("tags", list, required=False, item_kind=str),
        2,
        STRINGS,
        "The `slug`s of the tags curators gave the paper, in their order; may be empty.",
        as_tuple,
        as_list,
        as_list,
        yaml_when_empty=True,
        json_when_empty=True,
    ),
    PaperField(
        Field("suggested_tags", list, required=False, item_kind=str),
        3,
        STRINGS,
        "Tags the tooling suggests that no curator has confirmed yet.",
        as_tuple,
        as_list,
        as_list,
    ),
    PaperField(
        Field("links", list, required=False, item_kind=dict),
        5,
        "array of objects",
        "Code, data, model and project links found for the paper; may be empty.",
        as_tuple,
        _links,
        _links,
        json_when_empty=True,
        item_rows=LINK_ROWS,
    ),
    PaperField(
        Field("listings", list, required=False, item_kind=dict),
        6,
        "array of objects",
        "Each daily-papers listing the paper appeared in.",
        as_tuple,
        _listings,
        _listings,
        yaml_when_empty=True,
        json_when_empty=True,
        item_rows=LISTING_ROWS,
    ),
    PaperField(
        Field("added", datetime.date),
        7,
        "string",
        "The day the paper joined the catalog, `YYYY-MM-DD`.",
        to_json=as_iso_date,
        yaml_when_empty=True,
        json_when_empty=True,
    ),
    PaperField(
        Field("aliases", list, required=False, item_kind=str),
        8,
        STRINGS,
        "Former slugs; their old addresses redirect to the paper.",
        as_tuple,
        as_list,
        as_list,
    ),
    PaperField(
        Field("authors", list, required=False, item_kind=str),
        9,
        STRINGS,
        "The authors, in the order of the paper.",
        as_tuple,
        as_list,
        as_list,
    ),
    PaperField(
        Field("year", int, required=False, minimum=FIRST_YEAR, maximum=LAST_YEAR),
        10,
        "integer",
        "The year of publication.",
    ),
    PaperField(
        Field("published", datetime.date, required=False),
        11,
        "string",
        "The day the paper was first made public (its first arXiv version), `YYYY-MM-DD`.",
        to_json=as_iso_date,
    ),
    PaperField(
        Field("arxiv", str, required=False),
        12,
        "string",
        "The arXiv identifier, such as `2401.01234`.",
    ),
    PaperField(
        Field("category", str, required=False),
        13,
        "string",
        "arXiv's primary category, such as `cs.CL`: the BibTeX entry's `primaryClass`.",
    ),
    PaperField(
        Field("distinct_from", list, required=False, item_kind=str),
        14,
        STRINGS,
        "Papers (`slug`s) curators confirmed are not this one.",
        as_tuple,
        as_list,
        as_list,
    ),
)
IN_FILE_ORDER = tuple(sorted(PAPER_DECLARATION, key=lambda declared: declared.yaml_order))
# The schema a paper file is read with, in the order its fields are listed in messages.
PAPER_FIELDS = tuple(declared.field for declared in IN_FILE_ORDER)


def paper_to_yaml(paper: object) -> dict[str, Any]:
    """The YAML mapping of a paper, in the order a curator reads it; empty optional fields left out."""
    data: dict[str, Any] = {}
    for declared in IN_FILE_ORDER:
        value = getattr(paper, declared.name)
        if value or declared.yaml_when_empty:
            data[declared.name] = declared.to_yaml(value)
    return data


def paper_to_json(paper: object) -> dict[str, Any]:
    """A paper as JSON values; the optional fields only when the paper has them, as in its YAML file."""
    data: dict[str, Any] = {}
    for declared in PAPER_DECLARATION:
        value = getattr(paper, declared.name)
        if value or declared.json_when_empty:
            data[declared.name] = declared.to_json(value)
    return data
