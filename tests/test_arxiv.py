"""generator/sources/arxiv.py against a stand-in answering as arXiv's API does (tests/fixtures/apis)."""

from __future__ import annotations

import datetime

import pytest
from urllib3.util.retry import Retry

from generator.sources.arxiv import ArxivClient, title_query
from generator.sources.http import RETRIES, ServiceError, api_session
from generator.sources.matching import Candidate
from tests.api_standin import Answer, stand_in
from tests.conftest import FIXTURES

FEED = (FIXTURES / "apis" / "arxiv-query.xml").read_bytes()
QUERY = "/?search_query=ti%3Aalignment+AND+ti%3Alima+AND+ti%3Aless+AND+ti%3Amore+AND+ti%3Afor+AND+ti%3Ais&max_results=5"
FAST = RETRIES.new(backoff_factor=0.01, retry_after_max=1)


def client(url: str, retries: Retry = FAST) -> ArxivClient:
    return ArxivClient(session=api_session(retries=retries), delay=0.0, timeout=(1, 0.5))


def test_a_title_is_searched_by_its_words_and_the_feed_read(monkeypatch: pytest.MonkeyPatch) -> None:
    assert title_query("LIMA: Less Is More for Alignment") == (
        "ti:alignment AND ti:lima AND ti:less AND ti:more AND ti:for AND ti:is"
    )
    with stand_in({QUERY: [Answer(200, FEED, {"Content-Type": "application/atom+xml"})]}) as server:
        monkeypatch.setenv("ARXIV_API_URL", server.url + "/")
        found = client(server.url).search_title("LIMA: Less Is More for Alignment")
    assert found == [
        Candidate(
            "2305.11206",
            "LIMA: Less Is More for Alignment",
            "Large language models are trained in two stages: (1) unsupervised pretraining from raw text, and (2) "
            "large scale instruction tuning and reinforcement learning.",
            ("Chunting Zhou", "Pengfei Liu"),
            datetime.date(2023, 5, 18),
            "cs.CL",
        ),
        Candidate("cs/0112017", "An Old Paper", "An abstract.", (), datetime.date(2001, 12, 12)),
    ]


@pytest.mark.parametrize(
    ("answers", "reason"),
    [
        ([Answer(500, "oops")], "arXiv answered HTTP 500"),
        ([Answer(429, "", {"Retry-After": "0"})], "arXiv answered HTTP 429"),
        ([Answer(200, "<html>down</html>", {"Content-Type": "text/html"})], "arXiv's answer is not an Atom feed"),
        ([Answer(200, FEED, delay=2)], "arXiv did not answer (ReadTimeout)"),
    ],
)
def test_failures_are_one_line(monkeypatch: pytest.MonkeyPatch, answers: list[Answer], reason: str) -> None:
    with stand_in({QUERY: answers}) as server:
        monkeypatch.setenv("ARXIV_API_URL", server.url + "/")
        with pytest.raises(ServiceError) as raised:
            client(server.url).search_title("LIMA: Less Is More for Alignment")
        assert len(server.requests) == (5 if answers[0].status in (429, 500) else 1)  # retried four times
    assert raised.value.reason == reason and not raised.value.unreachable


def test_no_network_is_said_as_such(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARXIV_API_URL", "http://127.0.0.1:9/")
    with pytest.raises(ServiceError) as raised:
        client("", Retry(0)).search_title("Anything")
    assert raised.value.unreachable
    assert raised.value.reason == "arXiv cannot be reached at http://127.0.0.1:9/ (ConnectionError)"
