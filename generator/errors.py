"""Problems found in user input: values that carry where they were found."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters that would start a new line (a forged problem line, or a GitHub Actions workflow command such
# as "::error::") or hide or reorder text in a terminal: C0 and C1 controls, line and paragraph separators,
# zero-width and bidirectional formatting characters, the byte-order mark.
UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")
SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """`text` on one line, every control or invisible character written as an escape such as \\n or \\u202e."""
    return UNPRINTABLE.sub(lambda match: SHORT_ESCAPES.get(match.group(0), f"\\u{ord(match.group(0)):04x}"), text)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file, at a 1-based line (0 when the file has no lines)."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return printable(f"{self.path}:{self.line}: {self.message}")
