"""Reading a JSONL catalog of {title, abstract, tags} records (the format of ../shared/catalogs/)."""

from __future__ import annotations

import json
from pathlib import Path

from generator.catalog.model import Tag
from generator.errors import Problem
from generator.tagger.model import Example


def read_record(path: str, line: int, text: str) -> tuple[Example | None, list[Problem]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return None, [Problem(path, line, f"not a JSON object: {error.msg}")]
    if not isinstance(data, dict):
        return None, [Problem(path, line, "expected a JSON object with title, abstract and tags")]
    problems = [
        Problem(path, line, f"'{name}' must be a string")
        for name in ("title", "abstract")
        if not isinstance(data.get(name), str)
    ]
    tags = data.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        problems.append(Problem(path, line, "'tags' must be a list of strings"))
    if problems:
        return None, problems
    return Example(data["title"], data["abstract"], tuple(dict.fromkeys(tags))), []


def read_records(file: Path, shown: str) -> tuple[tuple[Example, ...], tuple[Tag, ...], list[Problem]]:
    """The records in file order and a vocabulary of their tags sorted by name (names are slugs here)."""
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
        return (), (), [Problem(shown, 0, f"cannot read it: {reason}")]
    examples: list[Example] = []
    problems: list[Problem] = []
    for number, text in enumerate(lines, start=1):
        if text.strip():
            example, found = read_record(shown, number, text)
            problems += found
            if example is not None:
                examples.append(example)
    if not examples and not problems:
        problems.append(Problem(shown, 0, "no records: expected one JSON object a line"))
    names = sorted({tag for example in examples for tag in example.tags})
    return tuple(examples), tuple(Tag(name, name, "") for name in names), problems
