"""Reading daily-paper listings: header lines, a date line, then title and abstract paragraphs."""

from __future__ import annotations

from dataclasses import dataclass

from generator.errors import Problem
from generator.listings.dating import DATE_LINE, date_problem

HEADER_LINES = frozenset(
    {"new", "get trending papers in your email inbox!", "subscribe", "byak and the research community"}
)
# A title is a short line that does not end like a sentence; an abstract is prose that does.
TITLE_MAX_LENGTH = 300


@dataclass(frozen=True)
class ListingEntry:
    """A title and its abstract as printed in a listing, with the line the title is on."""

    title: str
    abstract: str
    line: int
    abstract_line: int


@dataclass(frozen=True)
class ParsedListing:
    date: str
    entries: tuple[ListingEntry, ...]


@dataclass(frozen=True)
class Paragraph:
    text: str
    line: int


# Full stops in Latin, CJK and fullwidth scripts; "?" and "!" end titles too, so they do not count.
SENTENCE_ENDS = (".", "\u3002", "\uff0e")


def looks_like_title(text: str) -> bool:
    return len(text) <= TITLE_MAX_LENGTH and not text.endswith(SENTENCE_ENDS)


def split_paragraphs(lines: list[str], first_line: int) -> list[Paragraph]:
    """Runs of non-blank lines, joined with spaces, each with the number of its first line."""
    paragraphs: list[Paragraph] = []
    current: list[str] = []
    start = first_line
    for number, line in enumerate(lines, start=first_line):
        if line:
            if not current:
                start = number
            current.append(line)
        elif current:
            paragraphs.append(Paragraph(" ".join(current), start))
            current = []
    if current:
        paragraphs.append(Paragraph(" ".join(current), start))
    return paragraphs


def decode_listing(path: str, data: bytes) -> tuple[str | None, list[Problem]]:
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [Problem(path, line, "the listing is not UTF-8 text; save it as UTF-8 and import it again")]


def parse_listing(path: str, text: str) -> tuple[ParsedListing | None, list[Problem]]:
    """Parse one listing; on failure return every problem found, each with its line."""
    lines = [line.strip() for line in text.splitlines()]
    date_index = None
    for index, line in enumerate(lines):
        if not line or line.lower() in HEADER_LINES:
            continue
        if DATE_LINE.fullmatch(line):
            date_index = index
            problem = date_problem(line)
            if problem is not None:
                return None, [Problem(path, index + 1, problem)]
            break
        return None, [Problem(path, index + 1, f"expected a listing date line such as 'Mar 17', found {line[:60]!r}")]
    if date_index is None:
        return None, [
            Problem(
                path, max(len(lines), 1), "expected a listing date line such as 'Mar 17', found the end of the file"
            )
        ]

    paragraphs = split_paragraphs(lines[date_index + 1 :], first_line=date_index + 2)
    entries: list[ListingEntry] = []
    problems: list[Problem] = []
    index = 0
    while index < len(paragraphs):
        title = paragraphs[index]
        if not looks_like_title(title.text):
            problems.append(
                Problem(
                    path,
                    title.line,
                    "expected a paper title (one short line with no final full stop), found a paragraph",
                )
            )
            index += 1
            continue
        abstract = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        if abstract is None or looks_like_title(abstract.text):
            found = "the end of the file" if abstract is None else f"another title on line {abstract.line}"
            problems.append(
                Problem(path, title.line, f"expected an abstract after the title {title.text[:60]!r}, found {found}")
            )
            index += 1
            continue
        entries.append(ListingEntry(title.text, abstract.text, title.line, abstract.line))
        index += 2
    if not entries and not problems:
        problems.append(
            Problem(
                path,
                date_index + 1,
                "expected papers (a title line, a blank line, an abstract) after the date line, found none",
            )
        )
    return (None if problems else ParsedListing(lines[date_index], tuple(entries))), problems
