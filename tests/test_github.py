"""generator/sources/github.py against a stand-in for GitHub's REST API (answers shaped as
https://docs.github.com/en/rest/repos/repos#get-a-repository documents them)."""

from __future__ import annotations

import datetime

import pytest
from urllib3.util.retry import Retry

from generator.catalog.model import StarCount
from generator.sources.github import fetch_stars, github_session
from generator.sources.http import RETRIES
from tests.api_standin import Answer, stand_in

TODAY = datetime.date(2026, 12, 2)
BEFORE = datetime.date(2026, 11, 1)
FAST = RETRIES.new(backoff_factor=0.01, retry_after_max=1)


def repository(stars: int, name: str = "example/tools") -> dict[str, object]:
    return {"full_name": name, "stargazers_count": stars, "forks_count": 3, "private": False}


def test_counts_are_read_and_etags_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = {"/repos/example/tools": [Answer(200, repository(1234), {"ETag": 'W/"abc"'})]}
    with stand_in(answers) as server:
        monkeypatch.setenv("GITHUB_API_URL", server.url)
        fetched = fetch_stars(["example/tools"], {}, TODAY, github_session("secret", FAST))
        headers = server.asked("/repos/example/tools")[0]
    assert fetched.counts == {"example/tools": StarCount("example/tools", 1234, TODAY, 'W/"abc"')}
    assert (fetched.changed, fetched.unchanged, fetched.stopped) == (1, 0, None)
    assert headers["authorization"] == "Bearer secret"
    assert headers["accept"] == "application/vnd.github+json"
    assert "if-none-match" not in headers


def test_an_unchanged_count_is_asked_with_its_etag_and_kept_on_304(monkeypatch: pytest.MonkeyPatch) -> None:
    known = {"example/tools": StarCount("example/tools", 99, BEFORE, 'W/"abc"')}
    with stand_in({"/repos/example/tools": [Answer(304, b"", {"ETag": 'W/"abc"'})]}) as server:
        monkeypatch.setenv("GITHUB_API_URL", server.url)
        fetched = fetch_stars(["example/tools"], known, TODAY, github_session(None, FAST))
        headers = server.asked("/repos/example/tools")[0]
    assert headers["if-none-match"] == 'W/"abc"' and "authorization" not in headers
    assert fetched.counts == {"example/tools": StarCount("example/tools", 99, TODAY, 'W/"abc"')}
    assert (fetched.changed, fetched.unchanged) == (0, 1)


def test_429_is_retried_after_the_time_github_asks(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = {
        "/repos/example/tools": [
            Answer(429, {"message": "slow down"}, {"Retry-After": "1"}),
            Answer(200, repository(7)),
        ]
    }
    with stand_in(answers) as server:
        monkeypatch.setenv("GITHUB_API_URL", server.url)
        fetched = fetch_stars(["example/tools"], {}, TODAY, github_session(None, FAST))
        asked = len(server.asked("/repos/example/tools"))
    assert asked == 2 and fetched.counts["example/tools"].stars == 7


def test_a_spent_rate_limit_stops_and_keeps_every_count_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    known = {name: StarCount(name, 5, BEFORE) for name in ("a/one", "b/two")}
    limited = Answer(403, {"message": "API rate limit exceeded"}, {"x-ratelimit-remaining": "0"})
    with stand_in({"/repos/a/one": [limited], "/repos/b/two": [Answer(200, repository(9))]}) as server:
        monkeypatch.setenv("GITHUB_API_URL", server.url)
        fetched = fetch_stars(["b/two", "a/one"], known, TODAY, github_session(None, FAST))
        assert server.asked("/repos/b/two") == []  # nothing more is asked once the limit is spent
    assert fetched.stopped == "GitHub's rate limit is spent (HTTP 403); set GITHUB_TOKEN or run later"
    assert fetched.counts == known


def test_errors_of_one_repository_are_reported_and_the_others_read(monkeypatch: pytest.MonkeyPatch) -> None:
    known = {"a/gone": StarCount("a/gone", 5, BEFORE), "a/broken": StarCount("a/broken", 8, BEFORE)}
    answers = {
        "/repos/a/gone": [Answer(404, {"message": "Not Found"})],
        "/repos/a/broken": [Answer(500, "oops")],
        "/repos/a/garbled": [Answer(200, "{not json")],
        "/repos/a/slow": [Answer(200, repository(1), delay=3)],
        "/repos/a/fine": [Answer(200, repository(2))],
    }
    retries = Retry(total=1, read=False, backoff_factor=0.01, status_forcelist=(500,), raise_on_status=False)
    with stand_in(answers) as server:
        monkeypatch.setenv("GITHUB_API_URL", server.url)
        names = ["a/gone", "a/broken", "a/garbled", "a/slow", "a/fine"]
        fetched = fetch_stars(names, known, TODAY, github_session(None, retries), (1, 0.5))
        assert len(server.asked("/repos/a/broken")) == 2  # retried once
    assert fetched.missing == ["a/gone"]
    assert fetched.failures == [
        "a/broken: GitHub answered HTTP 500",
        "a/garbled: GitHub's answer holds no star count",
        "a/slow: no answer (ReadTimeout)",
    ]
    assert fetched.counts == {"a/broken": known["a/broken"], "a/fine": StarCount("a/fine", 2, TODAY)}


def test_no_network_stops_at_once_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_API_URL", "http://127.0.0.1:9")  # the discard port: nothing listens
    known = {"a/one": StarCount("a/one", 5, BEFORE)}
    fetched = fetch_stars(["a/one", "b/two"], known, TODAY, github_session(None, Retry(0)))
    assert fetched.stopped == "GitHub cannot be reached at http://127.0.0.1:9 (ConnectionError)"
    assert fetched.counts == known
