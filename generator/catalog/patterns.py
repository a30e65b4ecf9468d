"""The regular expressions of tag rules, matched by RE2: in time linear in the text, whatever the pattern.

Python's `re` backtracks: a pattern such as `^(a+)+$` takes exponential time on a title of a few dozen
letters. RE2 never backtracks; the price is what it cannot match that way, lookaround and
backreferences, which a pattern is refused for, with what to write instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import re2

# Far longer than any rule in the vocabulary (the longest is about 130 characters).
MAX_PATTERN_LENGTH = 500
# RE2's work per character of text grows with the size of the compiled program (repetitions such as
# {0,1000} are counted out): the vocabulary's largest is 884 steps; at 2,000, a pattern takes at most some
# tens of milliseconds over the longest abstract.
MAX_PROGRAM_SIZE = 2_000

_OPTIONS = re2.Options()
_OPTIONS.case_sensitive = False
_OPTIONS.log_errors = False  # RE2 would print every refused pattern on stderr
_OPTIONS.never_capture = True  # only whether and how often a pattern matches counts, and groups cost time

# What RE2 refuses that Python's `re` accepts, by the start of RE2's message, and what to do instead.
LOOKAROUND = (
    "{}, which cannot be matched in bounded time; match the text itself, and leave out what it must"
    " not be with the rule's 'ignore' patterns"
)
BACKREFERENCE = "a backreference {}, which cannot be matched in bounded time; write the text out"
UNSUPPORTED = (
    ("invalid perl operator: (?<=", LOOKAROUND.format("a lookbehind (?<=...)")),
    ("invalid perl operator: (?<!", LOOKAROUND.format("a lookbehind (?<!...)")),
    ("invalid perl operator: (?=", LOOKAROUND.format("a lookahead (?=...)")),
    ("invalid perl operator: (?!", LOOKAROUND.format("a lookahead (?!...)")),
    ("invalid perl operator: (?>", "an atomic group (?>...), which RE2 does not have; write a plain group (?:...)"),
)


@dataclass(frozen=True)
class Pattern:
    """A compiled rule pattern, compared by its source: case-insensitive, as the vocabulary writes them."""

    source: str
    regexp: Any = field(compare=False, repr=False)

    def search(self, text: str) -> bool:
        return self.regexp.search(text) is not None

    def count(self, text: str) -> int:
        """How many times the pattern matches, without overlaps."""
        return sum(1 for _ in self.regexp.finditer(text))

    def blank(self, text: str) -> str:
        """`text` with every match replaced by a space."""
        result: str = self.regexp.sub(" ", text)
        return result


def compile_pattern(source: str) -> tuple[Pattern | None, str | None]:
    """The pattern, or None and why it cannot be used (to follow "the pattern '...' ")."""
    if len(source) > MAX_PATTERN_LENGTH:
        return None, f"is {len(source):,} characters long; {MAX_PATTERN_LENGTH} at most: split it into shorter patterns"
    try:
        regexp = re2.compile(source, _OPTIONS)
    except re2.error as error:
        return None, _reason(source, error)
    if regexp.programsize > MAX_PROGRAM_SIZE:
        return None, (
            f"is too large to match quickly ({regexp.programsize:,} steps once compiled, {MAX_PROGRAM_SIZE:,} at"
            " most); use smaller repetition counts or split it"
        )
    if regexp.fullmatch("") is not None:
        return None, "matches empty text, so it would match every paper; make it match at least one character"
    return Pattern(source, regexp), None


def _reason(source: str, error: Exception) -> str:
    raw = error.args[0] if error.args else ""
    message = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    for start, reason in UNSUPPORTED:
        if message.startswith(start):
            return f"uses {reason}"
    escape = "invalid escape sequence: \\"
    if message.startswith(escape) and message[len(escape) :].isdigit():
        return f"uses {BACKREFERENCE.format(message[len(escape) - 1 :])}"
    if message == "invalid perl operator: (?P" and "(?P=" in source:
        return f"uses {BACKREFERENCE.format('(?P=name)')}"
    if message == "pattern too large - compile failed":
        return f"is too large to match quickly (more than {MAX_PROGRAM_SIZE:,} steps once compiled); make it smaller"
    # RE2 ends its message with the part of the pattern it is about: the whole pattern says nothing more.
    return f"is not a valid regular expression: {message.removesuffix(': ' + source)}"
