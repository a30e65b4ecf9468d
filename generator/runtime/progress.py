"""Progress of long operations: shown on a terminal, silent in CI logs and pipes."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO, TypeVar

T = TypeVar("T")
STEP = 500  # items between two updates: often enough to see, rarely enough to cost nothing
CLEAR_TO_END = "\x1b[K"  # a shorter line must not leave the end of a longer one behind


class Progress:
    """`label: done/total` on the terminal's stderr line, updated every `STEP` items and at the end.

    Operations that run at the same time (paper pages rendered by helpers while this process makes the search
    index) share the line, each as `label: done/total`; it ends once all of them are done."""

    def __init__(self, total: int, label: str, stream: TextIO | None = None, step: int = STEP) -> None:
        self.out = stream or sys.stderr
        self.total = total
        self.label = label
        self.done = 0
        self.step = step
        self.on_screen = self.out.isatty() and not os.environ.get("CI") and total > step
        if self.on_screen:
            _sharing(self.out).append(self)

    def advance(self, count: int = 1) -> None:
        """Count `count` more items done (a part of the work done elsewhere, say)."""
        before, self.done = self.done, self.done + count
        if self.on_screen and (self.done // self.step > before // self.step or self.done == self.total):
            _show(self.out)

    def close(self) -> None:
        """Leave the line if not done: an operation that stopped early must not hold it. (One that is done
        stays on it until the others sharing it are done too.)"""
        sharing = _lines.get(self.out, [])
        if self.finished or self not in sharing:
            return
        sharing.remove(self)
        if not sharing:
            del _lines[self.out]
            self.out.write("\n")
            self.out.flush()
        elif all(progress.finished for progress in sharing):
            _show(self.out)

    @property
    def finished(self) -> bool:
        return self.done >= self.total

    def __str__(self) -> str:
        return f"{self.label}: {self.done:,}/{self.total:,}"


# The operations shown on each stream's line, until all of them are done.
_lines: dict[TextIO, list[Progress]] = {}


def _sharing(stream: TextIO) -> list[Progress]:
    return _lines.setdefault(stream, [])


def _show(stream: TextIO) -> None:
    sharing = _sharing(stream)
    stream.write("\r" + " | ".join(map(str, sharing)) + CLEAR_TO_END)
    if all(progress.finished for progress in sharing):
        stream.write("\n")
        del _lines[stream]
    stream.flush()


def progress(items: Sequence[T], label: str, stream: TextIO | None = None, step: int = STEP) -> Iterator[T]:
    """Yield `items`, showing `label: n/total` on the terminal's stderr line as they go (every `step`)."""
    counter = Progress(len(items), label, stream, step)
    try:
        for item in items:
            counter.advance()
            yield item
    finally:
        counter.close()
