"""The snapshot of GitHub stars, `data/stars.json`: read and checked when the catalog loads, written by the
`stars` command. JSON with sorted keys, one repository a few lines, so that its diffs read in a pull request.

    {"repositories": {"owner/name": {"checked": "2026-12-01", "etag": "W/\\"...\\"", "stars": 1234}}}
"""

from __future__ import annotations

import datetime
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from generator.catalog.datafiles import read_file
from generator.catalog.model import StarCount
from generator.errors import Problem

STARS_FILE = "stars.json"
REPOSITORY = re.compile(r"[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}")
ENTRY_KEYS = {"checked", "etag", "stars"}


def read_stars(path: Path, shown: str, root: Path) -> tuple[tuple[StarCount, ...], list[Problem]]:
    """The counts of the snapshot at `path` (none if there is no file), and what is wrong with it; read as every
    data file is (a plain file, never through a link)."""
    if not path.exists() and not path.is_symlink():
        return (), []
    source = read_file(os.fspath(path), shown, root)
    if isinstance(source, Problem):
        return (), [source]
    try:
        text = source.data.decode("utf-8")
    except UnicodeDecodeError:
        return (), [Problem(shown, 0, "is not UTF-8 text; remove it and run 'python -m generator stars'")]
    return parse_stars(text, shown)


def parse_stars(text: str, shown: str) -> tuple[tuple[StarCount, ...], list[Problem]]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        return (), [Problem(shown, error.lineno, f"is not valid JSON: {error.msg}")]
    repositories = document.get("repositories") if isinstance(document, dict) else None
    if not isinstance(repositories, dict) or set(document) != {"repositories"}:
        return (), [Problem(shown, 1, 'must be a JSON object {"repositories": {"owner/name": {...}}}')]
    counts: list[StarCount] = []
    problems: list[Problem] = []
    for repository, entry in repositories.items():
        count, problem = _count(repository, entry)
        if problem is not None:
            problems.append(Problem(shown, _line_of(text, repository), problem))
        elif count is not None:
            counts.append(count)
    return tuple(counts), problems


def _count(repository: str, entry: Any) -> tuple[StarCount | None, str | None]:
    """The count of one entry, or why it is wrong."""
    if not REPOSITORY.fullmatch(repository):
        return None, f"{repository!r} is not a GitHub repository name (owner/name)"
    if not isinstance(entry, dict) or not {"checked", "stars"} <= set(entry) <= ENTRY_KEYS:
        return None, f"{repository}: must hold 'stars' and 'checked', and 'etag' if known, nothing else"
    stars, checked, etag = entry["stars"], entry["checked"], entry.get("etag")
    if not isinstance(stars, int) or isinstance(stars, bool) or stars < 0:
        return None, f"{repository}: 'stars' must be a whole number of 0 or more, found {stars!r}"
    try:
        day = datetime.date.fromisoformat(checked) if isinstance(checked, str) else None
    except ValueError:
        day = None
    if day is None:
        return None, f"{repository}: 'checked' must be a date (YYYY-MM-DD), found {checked!r}"
    if etag is not None and not isinstance(etag, str):
        return None, f"{repository}: 'etag' must be text, found {etag!r}"
    return StarCount(repository, stars, day, etag), None


def _line_of(text: str, key: str) -> int:
    """The line of the JSON text where `key` is first written as a key (1 if it cannot be found)."""
    at = text.find(json.dumps(key) + ":")
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def dump_stars(counts: Iterable[StarCount]) -> str:
    """The snapshot's JSON, by the serialiser: sorted keys, one field a line."""
    repositories = {
        count.repository: {"checked": count.checked.isoformat(), "stars": count.stars}
        | ({"etag": count.etag} if count.etag else {})
        for count in counts
    }
    return json.dumps({"repositories": repositories}, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
