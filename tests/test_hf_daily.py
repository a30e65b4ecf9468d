"""`import --hf-daily`: the Hugging Face daily papers, from a local server that answers as the Hub does
(tests/hub_server.py, which says where the fixtures' shape comes from)."""

from __future__ import annotations

import datetime
import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from generator.sources.daily import import_daily, listing_date
from generator.sources.hub import fetch_day
from tests.api_standin import Answer
from tests.conftest import run_cli, snapshot
from tests.hub_server import DAILY, FakeHub, no_wait, running_hub

NOV_3 = datetime.date(2026, 11, 3)
NOV_4 = datetime.date(2026, 11, 4)
ADDED = datetime.date(2026, 11, 5)


@pytest.fixture
def fake_hub(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeHub]:
    with running_hub() as fake:
        monkeypatch.setenv("HF_ENDPOINT", fake.url)
        yield fake


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


def test_failed_days_write_nothing_and_are_all_reported(fixture_project: Path, fake_hub: FakeHub) -> None:
    fake_hub.answer("2026-11-03", Answer(200, b"[]"))
    report, problems = import_daily(
        [NOV_3, NOV_4], fixture_project, ADDED, lambda day: fetch_day(day, session=no_wait([]))
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
