"""Progress of long operations: shown on a terminal, silent in CI logs and pipes."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO, TypeVar

T = TypeVar("T")
STEP = 500  # items between two updates: often enough to see, rarely enough to cost nothing


class Progress:
    """`label: done/total` on the terminal's stderr line, updated every `STEP` items and at the end."""

    def __init__(self, total: int, label: str, stream: TextIO | None = None) -> None:
        self.out = stream or sys.stderr
        self.total = total
        self.label = label
        self.done = 0
        self.shown = self.out.isatty() and not os.environ.get("CI") and total > STEP

    def advance(self, count: int = 1) -> None:
        """Count `count` more items done (a part of the work done elsewhere, say)."""
        before, self.done = self.done, self.done + count
        if self.shown and (self.done // STEP > before // STEP or self.done == self.total):
            self.out.write(f"\r{self.label}: {self.done:,}/{self.total:,}" + ("\n" if self.done == self.total else ""))
            self.out.flush()


def progress(items: Sequence[T], label: str, stream: TextIO | None = None) -> Iterator[T]:
    """Yield `items`, showing `label: n/total` on the terminal's stderr line as they go."""
    shown = Progress(len(items), label, stream)
    for item in items:
        shown.advance()
        yield item
