"""Work split into runs of a sequence, done on every core: helper processes forked from this one take runs
from the front while this process takes them from the back, and the results come back in order; or, when this
process has other work to go on with (`map_runs_ahead`), it asks for each result only when it needs it, and
makes runs from the back itself while it waits.

The helpers are forked once the work is defined, so they inherit what it reads rather than receive a copy;
only the bounds of each run go to them, and only the results come back (pickled).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

Result = TypeVar("Result")
Work = Callable[[int, int], Any]  # the result for the items [start, end) of the sequence

PARTS_PER_WORKER = 8  # runs per worker: enough to keep every worker busy to the end on a noisy machine
# Runs per helper when this process waits for them in order (`map_runs_ahead`): short, so that it waits little
# for the first.
AHEAD_PARTS_PER_WORKER = 32
PART_MAX = 2000  # items in one run at most, so that no result to send back is large

# The work of this process, when it is a helper: inherited from the parent, which defined it.
_work: Work | None = None


@contextmanager
def collection_paused() -> Iterator[None]:
    """No garbage collection while a catalog is read, checked or rendered, here and in helpers forked
    meanwhile. These steps make next to no cyclic garbage (none for loading, checking and paper pages; about
    1,200 objects for the feeds of 10,000 papers), but each of the collector's passes walks every object made
    so far: for 100,000 papers they took a quarter of the loading time and a tenth of the rendering time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def objects_frozen() -> Iterator[None]:
    """The objects made so far left out of the collector's passes while helpers are forked and run: a helper's
    collector would otherwise write to every object it inherited, copying the parent's memory into it."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _adopt(work: Work) -> None:
    global _work  # one piece of work per helper process, handed over at the fork
    _work = work


def _run(start: int, end: int) -> Any:
    if _work is None:
        raise RuntimeError("not in a helper process")
    return _work(start, end)


def worker_count() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


# Below this many papers (or files) loading, checking or rendering takes a second or two at most: forking helper
# processes is not worth it.
PARALLEL_FROM = 2000


def workers_for(items: int) -> int:
    """How many processes to share work on `items` papers or files among: one per core, or one for few items."""
    return worker_count() if items >= PARALLEL_FROM else 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def runs_of(total: int, workers: int, parts: int = PARTS_PER_WORKER) -> list[tuple[int, int]]:
    """Consecutive runs [start, end) that cover range(total): `parts` for each of `workers` processes, of
    `PART_MAX` items at most."""
    size = max(1, min(PART_MAX, -(-total // (max(1, workers) * parts))))
    return [(start, min(start + size, total)) for start in range(0, total, size)]


def map_runs(work: Callable[[int, int], Result], total: int, workers: int) -> list[Result]:
    """`work(start, end)` for consecutive runs that cover range(total), in order, on `workers` processes (this
    one included); in this process alone where processes cannot be forked (Windows)."""
    return map_runs_alongside(work, total, workers)[0]


def map_runs_alongside(
    work: Callable[[int, int], Result],
    total: int,
    workers: int,
    meanwhile: Sequence[Callable[[], Any]] = (),
    done: Callable[[int, int], None] | None = None,
) -> tuple[list[Result], list[Any]]:
    """`map_runs`, and the results of the `meanwhile` tasks, which this process does while the helpers start on
    the runs, before it takes runs too; in this process alone where processes cannot be forked (Windows).
    `done(start, end)` hears of each run finished, in this process."""
    runs = runs_of(total, workers)
    if workers < 2 or len(runs) < 2 or not can_fork():
        extra = [task() for task in meanwhile]
        return [_done(work(start, end), start, end, done) for start, end in runs], extra
    context = multiprocessing.get_context("fork")
    # A helper's collector would write to every object it inherited, copying the parent's memory into it;
    # frozen, the inherited objects are left alone and stay shared as long as they are not used.
    with (
        objects_frozen(),
        ProcessPoolExecutor(workers - 1, mp_context=context, initializer=_adopt, initargs=(work,)) as pool,
    ):
        return _map_with(pool, workers - 1, work, runs, meanwhile, done)


def map_runs_ahead(work: Callable[[int, int], Result], total: int, workers: int) -> Iterator[Result]:
    """The results of `work(start, end)` for consecutive runs that cover range(total), in order, made while
    this process goes on with other work: helpers (`workers` processes, this one included), started now, take
    runs from the front, and whenever this process asks for a result that is not ready yet it makes a run from
    the back meanwhile. In this process alone, each run when asked for, where `workers` is 1 or processes
    cannot be forked. Closing the iterator (`close()`) stops the helpers."""
    runs = runs_of(total, workers, AHEAD_PARTS_PER_WORKER)
    if workers < 2 or len(runs) < 2 or not can_fork():
        return (work(start, end) for start, end in runs)
    context = multiprocessing.get_context("fork")
    with objects_frozen():  # while the helpers are forked, which happens when the first run is sent
        pool = ProcessPoolExecutor(workers - 1, mp_context=context, initializer=_adopt, initargs=(work,))
        return _Coming(pool, work, runs)


class _Coming(Iterator[Result]):
    """Results in order, from helpers and from this process; closed, or run out, the helpers stop."""

    def __init__(self, pool: ProcessPoolExecutor, work: Work, runs: list[tuple[int, int]]) -> None:
        self.pool, self.work, self.runs = pool, work, runs
        # Every run is sent at once, so that the helpers never wait for this process; it takes back, from the
        # end, the runs no helper has started.
        self.sent: dict[int, Future[Result]] = {index: pool.submit(_run, *run) for index, run in enumerate(runs)}
        self.made: dict[int, Result] = {}
        self.asked = 0
        self.last = len(runs)  # the runs from here on are made by this process, or started by a helper

    def __next__(self) -> Result:
        if self.asked == len(self.runs):
            self.close()
            raise StopIteration
        index, self.asked = self.asked, self.asked + 1
        try:
            return self._result(index)
        except BaseException:
            self.close()
            raise

    def _result(self, index: int) -> Result:
        if index in self.made:
            return self.made.pop(index)
        future = self.sent.pop(index)
        while not future.done() and self.last > index + 1 and self.sent[self.last - 1].cancel():
            self.last -= 1
            self.made[self.last] = self.work(*self.runs[self.last])
            del self.sent[self.last]
        return future.result()

    def close(self) -> None:
        for future in self.sent.values():
            future.cancel()
        self.sent.clear()
        self.made.clear()
        self.pool.shutdown(cancel_futures=True)


def _done(result: Result, start: int, end: int, done: Callable[[int, int], None] | None) -> Result:
    if done is not None:
        done(start, end)
    return result


def _map_with(
    pool: ProcessPoolExecutor,
    helpers: int,
    work: Callable[[int, int], Result],
    runs: list[tuple[int, int]],
    meanwhile: Sequence[Callable[[], Any]],
    done: Callable[[int, int], None] | None,
) -> tuple[list[Result], list[Any]]:
    waiting = deque(range(len(runs)))  # helpers take runs from the left, this process from the right
    sent: dict[int, Future[Result]] = {}
    results: dict[int, Result] = {}

    def keep_helpers_busy(queued: int) -> None:
        for index, future in list(sent.items()):
            if future.done():
                results[index] = _done(future.result(), *runs[index], done)
                del sent[index]
        while waiting and len(sent) < queued:
            index = waiting.popleft()
            sent[index] = pool.submit(_run, *runs[index])

    # While this process does its own tasks, some of which take many seconds, every run is queued for helpers;
    # then the runs no helper has started come back, for this process to share.
    keep_helpers_busy(len(runs) if meanwhile else 2 * helpers)
    extra = []
    for task in meanwhile:
        extra.append(task())
        keep_helpers_busy(len(runs))
    for index in sorted(sent, reverse=True):
        if sent[index].cancel():
            del sent[index]
            waiting.appendleft(index)
    while waiting:
        index = waiting.pop()
        results[index] = _done(work(*runs[index]), *runs[index], done)
        keep_helpers_busy(2 * helpers)  # one run each to work on, one queued
    for index, future in sent.items():
        results[index] = _done(future.result(), *runs[index], done)
    return [results[index] for index in range(len(runs))], extra
