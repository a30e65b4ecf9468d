"""The Hub's daily list of a day: retries on 429 and 5xx, bounded, and a timeout, each one problem."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest

from generator.sources import hub
from generator.sources.http import RETRIES
from generator.sources.hub import fetch_day
from tests.api_standin import Answer
from tests.hub_server import DAILY, FakeHub, no_wait, running_hub

NOV_3 = datetime.date(2026, 11, 3)


@pytest.fixture
def fake_hub(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeHub]:
    with running_hub() as fake:
        monkeypatch.setenv("HF_ENDPOINT", fake.url)
        yield fake


def test_too_many_requests_waits_as_retry_after_says_then_imports(fake_hub: FakeHub) -> None:
    limited = Answer(429, b'{"error":"rate limited"}', {"Retry-After": "7"})
    fake_hub.answer("2026-11-03", limited, limited, Answer(200, (DAILY / "2026-11-03.json").read_bytes()))
    waits: list[float] = []
    daily, problem = fetch_day(NOV_3, session=no_wait(waits))
    assert problem is None and daily is not None and len(daily.items) == 3
    assert waits == [7.0, 7.0]
    assert fake_hub.asked == ["2026-11-03"] * 3


def test_too_many_requests_for_long_is_one_line_after_a_bounded_number_of_tries(fake_hub: FakeHub) -> None:
    fake_hub.answer("2026-11-03", Answer(429, b"", {"Retry-After": "3600"}))
    waits: list[float] = []
    daily, problem = fetch_day(NOV_3, session=no_wait(waits))
    assert daily is None
    assert str(problem) == (
        f"hf-daily-papers-2026-11-03:0: {fake_hub.url} refused more requests (429 Too Many Requests); try again later"
    )
    assert waits == [RETRIES.retry_after_max] * 4  # RETRIES.total
    assert len(fake_hub.asked) == 5


def test_a_server_error_is_retried_with_backoff_then_reported(fake_hub: FakeHub) -> None:
    fake_hub.answer("2026-11-03", Answer(500, b"Internal Server Error"))
    waits: list[float] = []
    daily, problem = fetch_day(NOV_3, session=no_wait(waits))
    assert daily is None
    assert str(problem) == (
        f"hf-daily-papers-2026-11-03:0: {fake_hub.url} failed (HTTP 500), also when asked again; try again later"
    )
    assert waits == [0.0, 2.0, 4.0, 8.0]  # urllib3's backoff: none before the first retry, then doubling


def test_a_server_error_that_passes_is_retried(fake_hub: FakeHub) -> None:
    fake_hub.answer("2026-11-03", Answer(503, b""), Answer(200, (DAILY / "2026-11-03.json").read_bytes()))
    daily, problem = fetch_day(NOV_3, session=no_wait([]))
    assert problem is None and daily is not None


def test_a_hub_that_does_not_answer_in_time_is_one_line(fake_hub: FakeHub, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hub, "TIMEOUT", (1.0, 0.2))
    fake_hub.answer("2026-11-03", Answer(200, b"[]", delay=0.5))
    waits: list[float] = []
    daily, problem = fetch_day(NOV_3, session=no_wait(waits))
    assert daily is None
    assert str(problem) == f"hf-daily-papers-2026-11-03:0: {fake_hub.url} did not answer within 0.2 s; try again later"
    assert waits == []  # a read that timed out is not repeated (generator/sources/http.py)
