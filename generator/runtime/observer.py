"""Watching the build's stages from outside: `build` names each stage to an observer, which the command line
leaves unobserved and the benchmark times. The stages themselves keep no clocks."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol


class Observer(Protocol):
    def stage(self, name: str) -> AbstractContextManager[None]:
        """A context that the stage `name` runs in."""
        ...


class Unobserved:
    """No one watches: every stage just runs."""

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        yield


UNOBSERVED = Unobserved()


class Stopwatch:
    """The seconds of each stage, in the order they ended. A stage run inside another (the search index, made
    while helpers render pages) is kept under the stage it ran within, so that no second is counted twice."""

    def __init__(self, told: Callable[[str, float, str | None], None] | None = None) -> None:
        """`told(stage, seconds, within)` hears of each stage as it ends."""
        self.seconds: dict[str, float] = {}
        self.within: dict[str, dict[str, float]] = {}
        self.told = told
        self.running: list[str] = []

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        outer = self.running[-1] if self.running else None
        self.running.append(name)
        started = time.perf_counter()
        try:
            yield
        finally:
            self.running.pop()
            seconds = time.perf_counter() - started
            if outer is None:
                self.seconds[name] = seconds
            else:
                self.within.setdefault(outer, {})[name] = seconds
            if self.told is not None:
                self.told(name, seconds, outer)
