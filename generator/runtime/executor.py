"""How work runs: the one seam between the domain code and the machine. Loading, checking and the related-papers
index hand their work to an executor as runs of a sequence, `work(start, end)`; the executor decides whether
those run here one after another or also in helper processes forked from this one, and whether the garbage
collector pauses meanwhile. The domain code takes an executor, never a number of processes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from generator.runtime.workers import collection_paused, map_runs_ahead, map_runs_alongside, workers_for

Result = TypeVar("Result")


class Executor(Protocol):
    def map_runs(self, work: Callable[[int, int], Result], total: int) -> list[Result]:
        """`work(start, end)` for consecutive runs that cover range(total), the results in order."""
        ...

    def map_runs_alongside(
        self,
        work: Callable[[int, int], Result],
        total: int,
        meanwhile: Sequence[Callable[[], Any]],
        done: Callable[[int, int], None] | None = None,
    ) -> tuple[list[Result], list[Any]]:
        """`map_runs`, and the results of the `meanwhile` tasks, which this process may do while helpers do
        runs; `done(start, end)` hears of each run finished, in this process."""
        ...

    def map_runs_ahead(self, work: Callable[[int, int], Result], total: int) -> Iterator[Result]:
        """The results of `map_runs`, in order, made while this process goes on with other work (by helpers on
        every core, where the executor has them): each is waited for when it is asked for."""
        ...

    def running(self) -> AbstractContextManager[None]:
        """A context for a stage's whole work (the executor may pause the collector while it lasts)."""
        ...

    def processes(self, total: int) -> int:
        """How many processes, this one included, share work on `total` items (the site's renderer asks)."""
        ...


@dataclass(frozen=True)
class Serial:
    """Everything in this process, one run after another, the collector left alone: what tests compare with."""

    def map_runs(self, work: Callable[[int, int], Result], total: int) -> list[Result]:
        return self.map_runs_alongside(work, total, ())[0]

    def map_runs_alongside(
        self,
        work: Callable[[int, int], Result],
        total: int,
        meanwhile: Sequence[Callable[[], Any]],
        done: Callable[[int, int], None] | None = None,
    ) -> tuple[list[Result], list[Any]]:
        return map_runs_alongside(work, total, 1, meanwhile, done)

    def map_runs_ahead(self, work: Callable[[int, int], Result], total: int) -> Iterator[Result]:
        return map_runs_ahead(work, total, 1)

    @contextmanager
    def running(self) -> Iterator[None]:
        yield

    def processes(self, total: int) -> int:
        return 1


@dataclass(frozen=True)
class Forking:
    """One process per core for work large enough to be worth it (`workers_for`), `workers` if given, helpers
    forked from this one; no garbage collection while a stage runs (see `collection_paused` for why)."""

    workers: int | None = None

    def map_runs(self, work: Callable[[int, int], Result], total: int) -> list[Result]:
        return self.map_runs_alongside(work, total, ())[0]

    def map_runs_alongside(
        self,
        work: Callable[[int, int], Result],
        total: int,
        meanwhile: Sequence[Callable[[], Any]],
        done: Callable[[int, int], None] | None = None,
    ) -> tuple[list[Result], list[Any]]:
        return map_runs_alongside(work, total, self.processes(total), meanwhile, done)

    def map_runs_ahead(self, work: Callable[[int, int], Result], total: int) -> Iterator[Result]:
        return map_runs_ahead(work, total, self.processes(total))

    def running(self) -> AbstractContextManager[None]:
        return collection_paused()

    def processes(self, total: int) -> int:
        return self.workers if self.workers is not None else workers_for(total)


SERIAL = Serial()
# What the commands use: the machine's cores, where the work is large enough.
AUTOMATIC = Forking()
