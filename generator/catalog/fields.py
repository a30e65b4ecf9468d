"""Reading the fields of one YAML mapping: types and ranges checked, unknown fields rejected, lines kept."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from generator.catalog.model import Location
from generator.catalog.yamlfile import InvalidDate, LocatedDict, LocatedList
from generator.errors import Problem

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
    if isinstance(value, datetime.datetime):
        return "a date and time"
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
    minimum: int | None = None  # for whole numbers
    maximum: int | None = None


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
        if isinstance(value, datetime.datetime):
            self.problems.append(
                Problem(
                    self.path,
                    mapping.line_of(field.name),
                    f"'{field.name}' must be a date without a time; write the date only: {value.date().isoformat()}",
                )
            )
            return None
        if isinstance(value, int) and not self._in_range(field, value):
            return None
        if isinstance(value, str) and not value.strip():
            self.problems.append(
                Problem(self.path, mapping.line_of(field.name), f"'{field.name}' is empty; write it out")
            )
            return None
        if field.item_kind is not None and isinstance(value, list):
            return self._read_items(field, value, mapping.line_of(field.name))
        return value

    def _in_range(self, field: Field, value: int) -> bool:
        if field.minimum is not None and value < field.minimum:
            bound = f"at least {field.minimum}"
        elif field.maximum is not None and value > field.maximum:
            bound = f"at most {field.maximum}"
        else:
            return True
        line = self.mapping.line_of(field.name)
        self.problems.append(Problem(self.path, line, f"'{field.name}' must be {bound}, found {value}"))
        return False

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

    def location(self, item_lines: dict[str, list[int]] | None = None) -> Location:
        """Where the mapping was read, with the lines of its list items (those in `item_lines` replaced)."""
        items = {key: list(value.item_lines) for key, value in self.mapping.items() if isinstance(value, LocatedList)}
        items.update(item_lines or {})
        return Location(self.path, self.mapping.line, dict(self.mapping.key_lines), items)


def read_mapping(
    path: str, data: Any, what: str, fields: tuple[Field, ...], line: int = 1
) -> tuple[Reader | None, list[Problem]]:
    """A Reader over `data`; `line` is where `data` stands, for a value that does not know its own line."""
    if not isinstance(data, LocatedDict):
        line = getattr(data, "line", line)
        return None, [Problem(path, line, f"{what} must be a YAML mapping of field: value, found {describe(data)}")]
    reader = Reader(path, data, what, fields)
    return reader, reader.problems
