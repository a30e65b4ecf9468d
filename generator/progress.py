"""Progress of long operations: shown on a terminal, silent in CI logs and pipes."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO, TypeVar

T = TypeVar("T")
STEP = 500  # items between two updates: often enough to see, rarely enough to cost nothing


def progress(items: Sequence[T], label: str, stream: TextIO | None = None) -> Iterator[T]:
    """Yield `items`, showing `label: n/total` on the terminal's stderr line as they go."""
    out = stream or sys.stderr
    total = len(items)
    show = out.isatty() and not os.environ.get("CI") and total > STEP
    for number, item in enumerate(items, start=1):
        if show and (number % STEP == 0 or number == total):
            out.write(f"\r{label}: {number:,}/{total:,}" + ("\n" if number == total else ""))
            out.flush()
        yield item
