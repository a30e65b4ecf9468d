from __future__ import annotations

import io

import pytest

from generator.runtime.progress import Progress, progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Terminal:
    monkeypatch.delenv("CI", raising=False)
    return Terminal()


def test_a_terminal_sees_progress(terminal: Terminal) -> None:
    assert list(progress(range(1200), "Pages", terminal)) == list(range(1200))
    assert terminal.getvalue() == "\rPages: 500/1,200\x1b[K\rPages: 1,000/1,200\x1b[K\rPages: 1,200/1,200\x1b[K\n"


def test_ci_logs_stay_quiet(terminal: Terminal, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    assert len(list(progress(range(1200), "Pages", terminal))) == 1200
    assert terminal.getvalue() == ""


def test_a_pipe_stays_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    pipe = io.StringIO()
    monkeypatch.delenv("CI", raising=False)
    assert len(list(progress(range(1200), "Pages", pipe))) == 1200
    assert pipe.getvalue() == ""


def test_short_runs_stay_quiet(terminal: Terminal) -> None:
    assert len(list(progress(range(100), "Pages", terminal))) == 100
    assert terminal.getvalue() == ""


def test_work_done_in_parts_is_counted_as_it_comes(terminal: Terminal) -> None:
    shown = Progress(1200, "Pages", terminal)
    for part in (300, 300, 400, 200):
        shown.advance(part)
    assert terminal.getvalue() == "\rPages: 600/1,200\x1b[K\rPages: 1,000/1,200\x1b[K\rPages: 1,200/1,200\x1b[K\n"


def test_operations_running_at_the_same_time_share_the_line(terminal: Terminal) -> None:
    pages = Progress(1000, "Pages", terminal)
    search = Progress(600, "Search", terminal)
    pages.advance(500)
    search.advance(600)
    search.close()  # done: it stays on the line
    pages.advance(500)
    assert terminal.getvalue() == (
        "\rPages: 500/1,000 | Search: 0/600\x1b[K"
        "\rPages: 500/1,000 | Search: 600/600\x1b[K"
        "\rPages: 1,000/1,000 | Search: 600/600\x1b[K\n"
    )
    # The line is free again for what comes next.
    assert list(progress(range(501), "Feeds", terminal))
    assert terminal.getvalue().endswith("\n\rFeeds: 500/501\x1b[K\rFeeds: 501/501\x1b[K\n")


def test_an_operation_that_stops_early_leaves_the_line(terminal: Terminal) -> None:
    for number in progress(range(1200), "Pages", terminal):
        if number == 600:
            break
    assert terminal.getvalue() == "\rPages: 500/1,200\x1b[K\n"
    assert list(progress(range(501), "Feeds", terminal))
    assert terminal.getvalue().endswith("\n\rFeeds: 500/501\x1b[K\rFeeds: 501/501\x1b[K\n")


def test_the_line_ends_when_the_last_unfinished_one_stops_early(terminal: Terminal) -> None:
    pages = Progress(1000, "Pages", terminal)
    search = Progress(600, "Search", terminal)
    search.advance(600)
    pages.close()
    assert terminal.getvalue() == "\rPages: 0/1,000 | Search: 600/600\x1b[K\rSearch: 600/600\x1b[K\n"
