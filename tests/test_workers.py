"""Work split into runs done on several processes comes back whole and in order."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from generator.runtime import workers
from generator.runtime.workers import map_runs, map_runs_ahead


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


@pytest.mark.parametrize("count", [1, 2, 3])
@pytest.mark.parametrize("total", [0, 1, 5, 100, 2001])
def test_runs_made_ahead_cover_the_sequence_in_order(count: int, total: int) -> None:
    runs = list(map_runs_ahead(numbers, total, count))
    assert [number for run in runs for number in run] == list(range(total))
    assert all(runs)


def test_runs_made_ahead_are_made_by_a_helper_while_this_process_goes_on(tmp_path: Path) -> None:
    """Every run is made before the first result is asked for, by the helper alone, while this process does
    something else."""
    started = tmp_path / "started"
    started.mkdir()

    def mark(start: int, end: int) -> int:
        (started / str(start)).touch()
        return os.getpid()

    runs = map_runs_ahead(mark, 100, 2)
    expected = {str(start) for start, _ in workers.runs_of(100, 2, workers.AHEAD_PARTS_PER_WORKER)}
    waited = 0.0
    while {path.name for path in started.iterdir()} != expected and waited < 30:
        time.sleep(0.05)  # this process's other work: here, waiting
        waited += 0.05
    assert {path.name for path in started.iterdir()} == expected
    processes = list(runs)
    assert len(processes) == len(expected)
    assert len(set(processes)) == 1
    assert os.getpid() not in processes


def test_this_process_makes_runs_from_the_back_while_it_waits_for_the_front() -> None:
    def slow(start: int, end: int) -> tuple[int, int]:
        time.sleep(0.02)
        return start, os.getpid()

    made = list(map_runs_ahead(slow, 100, 2))
    assert [start for start, _ in made] == [
        start for start, _ in workers.runs_of(100, 2, workers.AHEAD_PARTS_PER_WORKER)
    ]
    by_this = [start for start, process in made if process == os.getpid()]
    assert by_this, "this process made no run"
    assert by_this == [start for start, _ in made[-len(by_this) :]]  # the last runs
    assert len({process for _, process in made}) == 2


def test_closing_runs_made_ahead_stops_the_helpers() -> None:
    runs = map_runs_ahead(lambda start, end: os.getpid(), 100, 2)
    helper = next(runs)
    runs.close()  # type: ignore[attr-defined]
    with pytest.raises(ProcessLookupError):  # the helper was stopped and waited for
        os.kill(helper, 0)


def test_an_error_in_a_helper_reaches_the_caller_when_it_asks_for_the_run() -> None:
    caller = os.getpid()

    def fail_in_helpers(start: int, end: int) -> int:
        if os.getpid() != caller:
            raise ValueError(f"run {start}-{end} failed")
        return start

    runs = map_runs_ahead(fail_in_helpers, 100, 2)  # the first runs are always a helper's
    with pytest.raises(ValueError, match="run 0-"):
        next(runs)


def test_without_helpers_each_run_made_ahead_is_made_when_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[int] = []

    def make(start: int, end: int) -> int:
        made.append(start)
        return start

    monkeypatch.setattr(workers, "can_fork", lambda: False)
    runs = map_runs_ahead(make, 100, 2)
    assert made == []
    assert next(runs) == 0
    assert made == [0]
    assert list(runs) == made[1:]
