"""The catalog as one JSON document for other programs, and the Markdown that documents it. Strings out."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from generator.catalog.declaration import PAPER_DECLARATION, Row, paper_to_json
from generator.catalog.model import Catalog, Paper, Tag
from generator.site.templating import template_environment

SCHEMA_VERSION = 1


def paper_data(paper: Paper, url: str) -> dict[str, Any]:
    """A paper as JSON values, with the address of its page."""
    return paper_to_json(paper) | {"url": url}


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


PAPERS_JSON_SCHEMA_PROSE = """\
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

{papers_table}Each object of `tags`:

| Field | Type | Meaning |
| --- | --- | --- |
| `slug` | string | The tag's stable name, as used in `papers[].tags`. |
| `name` | string | The tag's display name. |
| `description` | string | One sentence on what the tag covers. |
| `url` | string, optional | The address of the tag's page on this site. |
"""

# The rows of the table of a paper's fields, in the order of the declaration, with the page's address.
PAPER_ROWS = (
    *PAPER_DECLARATION[0].rows,
    Row("url", "string", "The address of the paper's page on this site."),
    *(row for declared in PAPER_DECLARATION[1:] for row in declared.rows),
)
PAPERS_JSON_SCHEMA_DOC = PAPERS_JSON_SCHEMA_PROSE.replace(
    "{papers_table}", template_environment().get_template("paper_fields.md.j2").render(rows=PAPER_ROWS)
)
