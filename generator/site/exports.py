"""The catalog as one JSON document for other programs, and the Markdown that documents it. Strings out."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from generator.catalog.model import Catalog, Link, Paper, Tag
from generator.catalog.store import listing_data

SCHEMA_VERSION = 1


def link_data(link: Link) -> dict[str, Any]:
    return {"kind": link.kind, "url": link.url} | ({"original": link.original} if link.original else {})


def paper_data(paper: Paper, url: str) -> dict[str, Any]:
    """A paper as JSON values; the optional fields only when the paper has them, as in its YAML file."""
    data: dict[str, Any] = {
        "slug": paper.slug,
        "url": url,
        "title": paper.title,
        "abstract": paper.abstract,
        "tags": list(paper.tags),
        "links": [link_data(link) for link in paper.links],
        "listings": [listing_data(listing) for listing in paper.listings],
        "added": paper.added.isoformat(),
    }
    optional: dict[str, Any] = {
        "suggested_tags": list(paper.suggested_tags),
        "aliases": list(paper.aliases),
        "authors": list(paper.authors),
        "year": paper.year,
        "published": paper.published.isoformat() if paper.published else None,
        "arxiv": paper.arxiv,
        "distinct_from": list(paper.distinct_from),
    }
    return data | {key: value for key, value in optional.items() if value}


def tag_data(tag: Tag, url: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {"slug": tag.slug, "name": tag.name, "description": tag.description}
    return data | ({"url": url} if url is not None else {})


def papers_json(
    catalog: Catalog,
    url_of: Callable[[Paper], str],
    *,
    tag_url_of: Callable[[Tag], str] | None = None,
) -> str:
    """Every paper (by slug) and tag (in vocabulary order) as JSON: sorted keys, no timestamps, so builds repeat.

    Compact, one paper or tag a line: indentation was a tenth of the file, and at 100,000 papers the file
    weighs hundreds of MB; a line per record still lets `grep`, `head` and diffs work on it."""
    papers = [paper_data(paper, url_of(paper)) for paper in sorted(catalog.papers, key=lambda p: p.slug)]
    tags = [tag_data(tag, tag_url_of(tag) if tag_url_of else None) for tag in catalog.tags]
    records = [compact_json(record) for record in [*papers, *tags]]
    # The serialiser writes the document with each record as its index, which indent=0 puts on a line of its
    # own; each index is then replaced by its record, serialised compact, so a record keeps to its line.
    document = {
        "papers": [str(index) for index in range(len(papers))],
        "schema_version": SCHEMA_VERSION,
        "tags": [str(index) for index in range(len(papers), len(records))],
    }
    envelope = json.dumps(document, sort_keys=True, indent=0, separators=(",", ":"))
    return RECORD_INDEX.sub(lambda index: records[int(index[1])], envelope) + "\n"


# Only the document's own values are strings of digits: every value from the data is in a record.
RECORD_INDEX = re.compile(r'"([0-9]+)"')


def compact_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


PAPERS_JSON_SCHEMA_DOC = """\
## The catalog as JSON

`papers.json.gz` holds the whole catalog in one file for scripts and other tools: `papers.json`,
gzip-compressed. It is rebuilt with the site, holds no timestamps (the same catalog always gives the same
bytes, compressed or not) and is UTF-8 encoded. Keys are sorted; fields marked *optional* are left out when
the paper has no value for them. The JSON is compact, without indentation, to keep it small with a large
catalog, but each paper and each tag is on a line of its own, so line tools work on it as it is unpacked
(`zcat papers.json.gz | head`, `zgrep`); `zcat papers.json.gz | python -m json.tool` prints it indented.

| Field | Type | Meaning |
| --- | --- | --- |
| `schema_version` | integer | The format's version, `1`; it changes only when a field changes meaning or goes away. |
| `papers` | array of objects | Every paper, sorted by `slug`. |
| `tags` | array of objects | The tag vocabulary, in the order of the site's tag index. |

Each object of `papers`:

| Field | Type | Meaning |
| --- | --- | --- |
| `slug` | string | The paper's stable name, used in its file name and page address. |
| `url` | string | The address of the paper's page on this site. |
| `title` | string | The title, as plain text. |
| `abstract` | string | The abstract, as plain text on one line. |
| `tags` | array of strings | The `slug`s of the tags curators gave the paper, in their order; may be empty. |
| `suggested_tags` | array of strings, optional | Tags the tooling suggests that no curator has confirmed yet. |
| `links` | array of objects | Code, data, model and project links found for the paper; may be empty. |
| `links[].kind` | string | One of `code`, `dataset`, `model`, `project`. |
| `links[].url` | string | The link, normalised (a GitHub link points at the repository). |
| `links[].original` | string, optional | The URL as first seen, when it differs from `url`. |
| `listings` | array of objects | Each daily-papers listing the paper appeared in. |
| `listings[].date` | string | The date as the listing prints it, such as `Mar 17`; listings give no year. |
| `listings[].year` | integer, optional | The year of that date (from `--year`, the file name or the import date). |
| `listings[].position` | integer, optional | The paper's place in that listing, 1 for its first paper. |
| `listings[].source` | string | The listing file under `data/sources/`. |
| `added` | string | The day the paper joined the catalog, `YYYY-MM-DD`. |
| `aliases` | array of strings, optional | Former slugs; their old addresses redirect to the paper. |
| `authors` | array of strings, optional | The authors, in the order of the paper. |
| `year` | integer, optional | The year of publication. |
| `published` | string, optional | The day the paper was first made public (its first arXiv version), `YYYY-MM-DD`. |
| `arxiv` | string, optional | The arXiv identifier, such as `2401.01234`. |
| `distinct_from` | array of strings, optional | Papers (`slug`s) curators confirmed are not this one. |

Each object of `tags`:

| Field | Type | Meaning |
| --- | --- | --- |
| `slug` | string | The tag's stable name, as used in `papers[].tags`. |
| `name` | string | The tag's display name. |
| `description` | string | One sentence on what the tag covers. |
| `url` | string, optional | The address of the tag's page on this site. |
"""
