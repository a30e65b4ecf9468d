"""`import --hf-daily`: the Hugging Face daily papers, from a local server that answers as the Hub does.

The fixtures in tests/fixtures/hf_daily/ are shaped as the Hub's `GET /api/daily_papers?date=YYYY-MM-DD`
answers: a JSON list of items, each with the paper's own fields nested under `paper` (`id`, `authors` as
`{"_id", "name", "hidden"}`, `publishedAt`, `summary`, `githubRepo`, `projectPage`, `githubStars`) beside the
item's `title`, `publishedAt` (the day it was listed) and `numComments`. The shape comes from huggingface_hub
2.4.0's src/huggingface_hub/hf_api.py (`HfApi.list_daily_papers`, `PaperInfo.__init__`, which pops those keys
from `paper` and from the item) and the Hub's public API documentation (https://huggingface.co/docs/hub/api).
"""

from __future__ import annotations

import datetime
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from generator.sources import hub
from generator.sources.daily import import_daily, listing_date
from generator.sources.hub import fetch_day
from tests.conftest import FIXTURES, run_cli, snapshot

DAILY = FIXTURES / "hf_daily"
NOV_3 = datetime.date(2026, 11, 3)
NOV_4 = datetime.date(2026, 11, 4)
ADDED = datetime.date(2026, 11, 5)


@dataclass
class Answer:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class FakeHub:
    """What the server answers for each date, in turn (the last answer repeats), and the dates asked for."""

    url: str = ""
    answers: dict[str, list[Answer]] = field(default_factory=dict)
    asked: list[str] = field(default_factory=list)

    def answer(self, date: str, *answers: Answer) -> None:
        self.answers[date] = list(answers)

    def serve_fixture(self, date: str) -> None:
        self.answer(date, Answer(200, (DAILY / f"{date}.json").read_bytes()))


def handler_for(fake: FakeHub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            date = parse_qs(parts.query).get("date", [""])[0]
            fake.asked.append(date)
            queue = fake.answers.get(date) if parts.path == "/api/daily_papers" else None
            missing = Answer(404, b'{"error":"Not Found"}')
            found = missing if not queue else queue.pop(0) if len(queue) > 1 else queue[0]
            time.sleep(found.delay)
            self.send_response(found.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(found.body)))
            for name, value in found.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(found.body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def fake_hub(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeHub]:
    fake = FakeHub()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(fake))
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("HF_ENDPOINT", fake.url)
    yield fake
    server.shutdown()
    server.server_close()


def no_wait(waits: list[float]) -> Callable[[float], None]:
    """A sleep that records how long it was asked to wait, and returns at once."""
    return waits.append


def read_paper(project: Path, slug: str) -> dict[str, object]:
    data = yaml.safe_load((project / "data" / "papers" / f"{slug}.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_listing_dates_are_printed_as_listings_print_them() -> None:
    assert listing_date(NOV_3) == "Nov 3"
    assert listing_date(datetime.date(2026, 9, 30)) == "Sep 30"


def test_a_day_imports_each_paper_with_its_arxiv_id_authors_date_and_links(
    fixture_project: Path, fake_hub: FakeHub
) -> None:
    fake_hub.serve_fixture("2026-11-03")
    result = run_cli(fixture_project, "import", "--hf-daily", "2026-11-03", "--added", "2026-11-05")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        "hf-daily-papers-2026-11-03: 3 papers listed on 2026-11-03 (Nov 3)",
        "2 papers added, 1 merged, 2 unchanged.",
    ]
    assert fake_hub.asked == ["2026-11-03"]
    sparse = read_paper(fixture_project, "sparse-mixture-routing-for-long-context-transformers")
    assert sparse["arxiv"] == "2611.01234"
    assert sparse["authors"] == ["Ada Lovelace", "Alan Turing"]
    assert sparse["published"] == datetime.date(2026, 11, 2)
    assert sparse["links"] == [
        {"kind": "code", "url": "https://github.com/example/sparse-routing"},
        {"kind": "project", "url": "https://example.org/sparse-routing/"},
    ]
    assert sparse["listings"] == [
        {"date": "Nov 3", "source": "hf-daily-papers-2026-11-03", "year": 2026, "position": 1}
    ]
    assert sparse["added"] == ADDED
    assert sparse["tags"] == []


def test_a_paper_without_authors_is_imported_without_authors(fixture_project: Path, fake_hub: FakeHub) -> None:
    fake_hub.serve_fixture("2026-11-03")
    result = run_cli(fixture_project, "import", "--hf-daily", "2026-11-03")
    assert result.returncode == 0, result.stderr
    silence = read_paper(fixture_project, "speech-tokens-learned-from-silence")
    assert "authors" not in silence
    assert "links" not in silence or silence["links"] == []  # the Hub's empty projectPage is no link
    assert silence["arxiv"] == "2611.03456"


def test_a_paper_already_in_the_catalog_is_merged_and_keeps_what_a_curator_wrote(
    fixture_project: Path, fake_hub: FakeHub
) -> None:
    before = read_paper(fixture_project, "plain-paper-without-links")
    fake_hub.serve_fixture("2026-11-03")
    assert run_cli(fixture_project, "import", "--hf-daily", "2026-11-03").returncode == 0
    plain = read_paper(fixture_project, "plain-paper-without-links")
    assert {key: plain[key] for key in ("title", "abstract", "tags", "added")} == {
        key: before[key] for key in ("title", "abstract", "tags", "added")
    }
    assert plain["links"] == [{"kind": "code", "url": "https://github.com/example/plain-paper"}]
    assert plain["listings"] == [
        *before["listings"],  # type: ignore[misc]
        {"date": "Nov 3", "source": "hf-daily-papers-2026-11-03", "year": 2026, "position": 2},
    ]


def test_a_range_of_days_merges_a_paper_listed_twice_by_its_arxiv_id_and_passes_check(
    fixture_project: Path, fake_hub: FakeHub
) -> None:
    fake_hub.serve_fixture("2026-11-03")
    fake_hub.serve_fixture("2026-11-04")
    fake_hub.answer("2026-11-05", Answer(200, b"[]"))
    arguments = ("import", "--hf-daily", "2026-11-03..2026-11-04")
    result = run_cli(fixture_project, *arguments)
    assert result.returncode == 0, result.stderr
    assert sorted(fake_hub.asked) == ["2026-11-03", "2026-11-04"]
    sparse = read_paper(fixture_project, "sparse-mixture-routing-for-long-context-transformers")
    assert [listing["date"] for listing in sparse["listings"]] == ["Nov 3", "Nov 4"]  # type: ignore[attr-defined]
    assert [link["url"] for link in sparse["links"]] == [  # type: ignore[attr-defined]
        "https://github.com/example/sparse-routing",
        "https://example.org/sparse-routing/",
        "https://github.com/example/sparse-routing-v2",
    ]
    plain = read_paper(fixture_project, "plain-paper-without-links")  # merged by title, then by its arXiv id
    assert [listing["source"] for listing in plain["listings"]][-2:] == [  # type: ignore[attr-defined]
        "hf-daily-papers-2026-11-03",
        "hf-daily-papers-2026-11-04",
    ]
    after = snapshot(fixture_project / "data")
    again = run_cli(fixture_project, *arguments)
    assert again.returncode == 0, again.stderr
    assert "0 papers added, 0 merged, 5 unchanged." in again.stdout
    assert snapshot(fixture_project / "data") == after
    checked = run_cli(fixture_project, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def failed_import(project: Path, *days: str) -> tuple[int, list[str]]:
    """The exit status and error lines of an import that must write nothing."""
    before = snapshot(project / "data")
    arguments = [argument for day in days for argument in ("--hf-daily", day)]
    result = run_cli(project, "import", *arguments)
    assert snapshot(project / "data") == before
    assert "Traceback" not in result.stderr
    return result.returncode, result.stderr.splitlines()


def test_a_day_without_a_list_is_one_line(fixture_project: Path, fake_hub: FakeHub) -> None:
    fake_hub.serve_fixture("2026-11-03")
    assert failed_import(fixture_project, "2026-11-03", "2026-11-08") == (
        1,
        [
            "hf-daily-papers-2026-11-08:0: the Hub has no daily papers list for 2026-11-08 (HTTP 404)",
            "1 problem found; nothing was written.",
        ],
    )


def test_an_empty_day_is_one_line(fixture_project: Path, fake_hub: FakeHub) -> None:
    fake_hub.answer("2026-11-03", Answer(200, b"[]"))
    assert failed_import(fixture_project, "2026-11-03") == (
        1,
        ["hf-daily-papers-2026-11-03:0: no papers listed on 2026-11-03", "1 problem found; nothing was written."],
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b'[{"paper": {"id": "2611.0', "the Hub's answer is not JSON; try again later"),
        (b'{"error": "Invalid date"}', "the Hub's answer is not a JSON list of papers"),
    ],
)
def test_an_answer_that_is_not_a_list_of_papers_is_one_line(
    fixture_project: Path, fake_hub: FakeHub, body: bytes, message: str
) -> None:
    fake_hub.answer("2026-11-03", Answer(200, body))
    assert failed_import(fixture_project, "2026-11-03") == (
        1,
        [f"hf-daily-papers-2026-11-03:0: {message}", "1 problem found; nothing was written."],
    )


def test_an_item_without_its_paper_is_reported_at_its_place(fixture_project: Path, fake_hub: FakeHub) -> None:
    items = json.loads((DAILY / "2026-11-03.json").read_bytes())
    items[1] = {"title": "No paper", "numComments": 0}
    del items[2]["paper"]["summary"]
    fake_hub.answer("2026-11-03", Answer(200, json.dumps(items).encode()))
    assert failed_import(fixture_project, "2026-11-03") == (
        1,
        [
            "hf-daily-papers-2026-11-03:2: the item has no 'paper' object",
            "hf-daily-papers-2026-11-03:3: the paper has no summary",
            "2 problems found; nothing was written.",
        ],
    )


def test_no_network_is_one_line(fixture_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{port}")
    assert failed_import(fixture_project, "2026-11-03") == (
        1,
        [
            f"hf-daily-papers-2026-11-03:0: could not reach http://127.0.0.1:{port} (ConnectionError); "
            "check the network connection or HF_ENDPOINT",
            "1 problem found; nothing was written.",
        ],
    )


def test_too_many_requests_waits_as_retry_after_says_then_imports(fake_hub: FakeHub) -> None:
    limited = Answer(429, b'{"error":"rate limited"}', {"Retry-After": "7"})
    fake_hub.answer("2026-11-03", limited, limited, Answer(200, (DAILY / "2026-11-03.json").read_bytes()))
    waits: list[float] = []
    daily, problem = fetch_day(NOV_3, sleep=no_wait(waits))
    assert problem is None and daily is not None and len(daily.items) == 3
    assert waits == [7.0, 7.0]
    assert fake_hub.asked == ["2026-11-03"] * 3


def test_too_many_requests_for_long_is_one_line_after_a_bounded_number_of_tries(fake_hub: FakeHub) -> None:
    fake_hub.answer("2026-11-03", Answer(429, b"", {"Retry-After": "3600"}))
    waits: list[float] = []
    daily, problem = fetch_day(NOV_3, sleep=no_wait(waits))
    assert daily is None
    assert str(problem) == (
        f"hf-daily-papers-2026-11-03:0: {fake_hub.url} refused more requests (429 Too Many Requests) 4 times; "
        "try again later"
    )
    assert waits == [hub.MAX_WAIT_SECONDS] * 3
    assert len(fake_hub.asked) == hub.ATTEMPTS


def test_a_server_error_is_retried_with_backoff_then_reported(fake_hub: FakeHub) -> None:
    fake_hub.answer("2026-11-03", Answer(500, b"Internal Server Error"))
    waits: list[float] = []
    daily, problem = fetch_day(NOV_3, sleep=no_wait(waits))
    assert daily is None
    assert str(problem) == f"hf-daily-papers-2026-11-03:0: {fake_hub.url} failed (HTTP 500) 4 times; try again later"
    assert waits == [1.0, 2.0, 4.0]


def test_a_server_error_that_passes_is_retried(fake_hub: FakeHub) -> None:
    fake_hub.answer("2026-11-03", Answer(503, b""), Answer(200, (DAILY / "2026-11-03.json").read_bytes()))
    daily, problem = fetch_day(NOV_3, sleep=no_wait([]))
    assert problem is None and daily is not None


def test_a_hub_that_does_not_answer_in_time_is_one_line(fake_hub: FakeHub, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hub, "TIMEOUT_SECONDS", 0.2)
    fake_hub.answer("2026-11-03", Answer(200, b"[]", delay=0.5))
    waits: list[float] = []
    daily, problem = fetch_day(NOV_3, sleep=no_wait(waits))
    assert daily is None
    assert (
        str(problem)
        == f"hf-daily-papers-2026-11-03:0: {fake_hub.url} did not answer within 0.2 s, 4 times; try again later"
    )
    assert len(waits) == 3


def test_failed_days_write_nothing_and_are_all_reported(fixture_project: Path, fake_hub: FakeHub) -> None:
    fake_hub.answer("2026-11-03", Answer(200, b"[]"))
    report, problems = import_daily(
        [NOV_3, NOV_4], fixture_project, ADDED, lambda day: fetch_day(day, sleep=no_wait([]))
    )
    assert [str(problem) for problem in problems] == [
        "hf-daily-papers-2026-11-03:0: no papers listed on 2026-11-03",
        "hf-daily-papers-2026-11-04:0: the Hub has no daily papers list for 2026-11-04 (HTTP 404)",
    ]
    assert report.added == []


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--hf-daily", "2026-11-07..2026-11-01"), "'2026-11-07..2026-11-01' ends before it starts"),
        (("--hf-daily", "2026-13-01"), "'2026-13-01' is not a date like 2026-03-17"),
        ((), "import needs listing files, or --hf-daily DATE instead"),
        (("--hf-daily", "2026-11-03", "--year", "2025"), "--year is for listing files"),
    ],
)
def test_days_that_cannot_be_read_are_refused_before_any_request(
    fixture_project: Path, fake_hub: FakeHub, arguments: tuple[str, ...], message: str
) -> None:
    result = run_cli(fixture_project, "import", *arguments)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert fake_hub.asked == []


def test_unsafe_links_and_ids_are_left_out_and_said_and_lines_are_joined(
    fixture_project: Path, fake_hub: FakeHub
) -> None:
    items = json.loads((DAILY / "2026-11-03.json").read_bytes())
    paper = items[0]["paper"]
    paper["title"] = "Sparse Mixture Routing\n  for Long Context Transformers"
    paper["summary"] = paper["summary"].replace(" so that ", "\nso that ")
    paper["githubRepo"] = "javascript:alert(1)"
    paper["projectPage"] = 'https://example.org/"onmouseover="x'
    paper["id"] = "../../etc/passwd"
    fake_hub.answer("2026-11-03", Answer(200, json.dumps(items).encode()))
    result = run_cli(fixture_project, "import", "--hf-daily", "2026-11-03")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:4] == [
        "hf-daily-papers-2026-11-03:1: the paper id '../../etc/passwd' is not an arXiv identifier such as "
        "2401.01234 or cs/0112017; it was left out",
        "hf-daily-papers-2026-11-03:1: the repository URL 'javascript:alert(1)' is not an http:// or https:// "
        "URL; write it as https://host/path; it was left out",
        "hf-daily-papers-2026-11-03:1: the project URL 'https://example.org/\"onmouseover=\"x' holds a character "
        'no URL may hold (< > " ` or a backslash); percent-encode it; it was left out',
    ]
    sparse = read_paper(fixture_project, "sparse-mixture-routing-for-long-context-transformers")
    assert sparse["title"] == "Sparse Mixture Routing for Long Context Transformers"
    assert "\n" not in str(sparse["abstract"])
    assert "links" not in sparse and "arxiv" not in sparse
    checked = run_cli(fixture_project, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
