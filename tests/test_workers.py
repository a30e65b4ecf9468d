"""Work split into runs done on several processes comes back whole and in order."""

from __future__ import annotations

import os

import pytest

from generator.runtime import workers
from generator.runtime.workers import map_runs


def numbers(start: int, end: int) -> list[int]:
    return list(range(start, end))


@pytest.mark.parametrize("count", [1, 2, 3])
@pytest.mark.parametrize("total", [0, 1, 5, 100, 2001])
def test_runs_cover_the_sequence_in_order(count: int, total: int) -> None:
    runs = map_runs(numbers, total, count)
    assert [number for run in runs for number in run] == list(range(total))
    assert all(runs)


def test_helper_processes_do_some_of_the_work(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "PART_MAX", 3)
    processes = map_runs(lambda start, end: os.getpid(), 40, 2)
    assert len(set(processes)) == 2
    assert os.getpid() in processes


def test_an_error_in_a_helper_reaches_the_caller() -> None:
    caller = os.getpid()

    def fail_in_helpers(start: int, end: int) -> None:
        if os.getpid() != caller:
            raise ValueError(f"run {start}-{end} failed")

    with pytest.raises(ValueError, match="run 0-"):
        map_runs(fail_in_helpers, 100, 2)


def test_without_fork_the_work_is_done_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*arguments: object, **keywords: object) -> None:
        raise AssertionError("started helpers without fork")

    monkeypatch.setattr(workers, "can_fork", lambda: False)
    monkeypatch.setattr(workers, "ProcessPoolExecutor", no_pool)
    processes = map_runs(lambda start, end: os.getpid(), 100, 2)
    assert len(processes) > 1
    assert set(processes) == {os.getpid()}


def test_few_items_are_worked_on_in_this_process_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "worker_count", lambda: 2)
    assert workers.workers_for(workers.PARALLEL_FROM - 1) == 1
    assert workers.workers_for(workers.PARALLEL_FROM) == 2
