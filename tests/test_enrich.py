"""`python -m generator enrich` against stand-ins answering as the Hub's paper search and arXiv's API answer
(shapes: huggingface_hub 2.4 `HfApi.list_papers` and `PaperInfo`; tests/fixtures/apis/arxiv-query.xml)."""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from urllib.parse import urlencode

import yaml

from tests.api_standin import Answer, stand_in
from tests.conftest import FIXTURES, copy_project, run_cli, snapshot

BENCHMARK = "A Benchmark with Data and Models"
SPEECH = "Masked Speech with A* Search: [MASK] tokens & <brackets>"
PLAIN = "Plain Paper without Links"
SPEECH_ABSTRACT = (
    "We predict [MASK] tokens with A* search and x^2 < y_1 costs, using `code` and *stars* (up to 11.6% better)."
)


def hub_search(title: str) -> str:
    return "/api/papers/search?" + urlencode({"q": title, "limit": "10"})


def arxiv_search(query: str) -> str:
    return "/arxiv?" + urlencode({"search_query": query, "max_results": "5"})


def hub_result(arxiv: str, title: str, authors: list[str], published: str, summary: str = "") -> dict[str, object]:
    """A result as the Hub gives it: the paper's fields under `paper`, the item's own beside them."""
    paper = {"id": arxiv, "title": title, "publishedAt": published, "summary": summary, "upvotes": 3}
    paper["authors"] = [{"_id": f"a{n}", "name": name, "hidden": False} for n, name in enumerate(authors)]
    return {"paper": paper, "title": title, "publishedAt": "2026-03-11T00:00:00.000Z", "numComments": 0}


ARXIV_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom"><title>ArXiv Query</title>
<id>http://arxiv.org/api/x</id>
<entry><id>http://arxiv.org/abs/2503.01234v2</id><published>2025-03-02T10:00:00Z</published>
<title>Masked Speech with A-Star Search: MASK Tokens and Brackets</title>
<summary>We predict masked tokens with A* search and costs, using code and stars (up to 11.6% better).</summary>
<author><name>Ada Lovelace</name></author><author><name>Alan Turing</name></author>
<arxiv:primary_category term="eess.AS" scheme="http://arxiv.org/schemas/atom"/></entry></feed>"""


def answers() -> dict[str, list[Answer]]:
    speech_query = "ti:brackets AND ti:masked AND ti:speech AND ti:search AND ti:tokens AND ti:with AND ti:mask"
    plain_query = "ti:without AND ti:plain AND ti:paper AND ti:links"
    benchmark = hub_result("2503.00001", "A benchmark with data and models", ["Grace Hopper"], "2025-03-10T17:59:01Z")
    same_titles = [hub_result("2501.1", PLAIN, ["A"], "2025-01-01"), hub_result("2502.2", PLAIN, ["B"], "2025-02-02")]
    return {
        hub_search(BENCHMARK): [Answer(200, [benchmark])],
        hub_search(SPEECH): [Answer(200, [])],
        arxiv_search(speech_query): [Answer(200, ARXIV_FEED, {"Content-Type": "application/atom+xml"})],
        hub_search(PLAIN): [Answer(200, same_titles)],
        arxiv_search(plain_query): [
            Answer(200, '<feed xmlns="http://www.w3.org/2005/Atom"><title>none</title></feed>')
        ],
    }


def project_with_year(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project", FIXTURES / "catalog" / "data")
    path = project / "data" / "papers" / "a-benchmark-with-data-and-models.yml"
    path.write_text(path.read_text(encoding="utf-8") + "year: 2024\n", encoding="utf-8")
    return project


def environment(url: str) -> dict[str, str]:
    return os.environ | {"HF_ENDPOINT": url, "ARXIV_API_URL": f"{url}/arxiv", "CI": "true"}


def paper_data(project: Path, slug: str) -> dict[str, object]:
    data = yaml.safe_load((project / "data" / "papers" / f"{slug}.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_enrich_fills_what_an_unambiguous_match_brings_and_nothing_a_curator_wrote(tmp_path: Path) -> None:
    project = project_with_year(tmp_path)
    with stand_in(answers()) as server:
        result = run_cli(project, "enrich", env=environment(server.url))
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "3 papers without an arXiv id looked up: 2 filled (1 from the Hub, 1 from arXiv), 1 left as they are.\n"
    )
    assert result.stderr == (
        "data/papers/plain-paper-without-links.yml: ambiguous on Hugging Face: 2501.1, 2502.2 could each be it; "
        "add 'arxiv' by hand\n"
    )
    benchmark = paper_data(project, "a-benchmark-with-data-and-models")
    assert (benchmark["arxiv"], benchmark["authors"], benchmark["published"], benchmark["year"]) == (
        "2503.00001",
        ["Grace Hopper"],
        datetime.date(2025, 3, 10),
        2024,  # the curator's year stays
    )
    speech = paper_data(project, "masked-speech-with-a-star-search")
    assert (speech["arxiv"], speech["authors"], speech["published"], speech["year"], speech["category"]) == (
        "2503.01234",
        ["Ada Lovelace", "Alan Turing"],
        datetime.date(2025, 3, 2),
        2025,
        "eess.AS",
    )
    assert "category" not in benchmark  # the Hub's search gives none
    assert "arxiv" not in paper_data(project, "plain-paper-without-links")
    assert run_cli(project, "check").returncode == 0


def test_a_second_run_asks_nothing(tmp_path: Path) -> None:
    project = project_with_year(tmp_path)
    with stand_in(answers()) as server:
        first = run_cli(project, "enrich", "--dry-run", env=environment(server.url))
        asked = len(server.requests)
        second = run_cli(project, "enrich", env=environment(server.url))
        assert (asked, len(server.requests)) == (5, 5)  # the second run's answers all came from the cache
    assert first.returncode == second.returncode == 0
    assert second.stdout.startswith("3 papers without an arXiv id looked up: 2 filled")
    assert paper_data(project, "a-benchmark-with-data-and-models")["arxiv"] == "2503.00001"


def test_dry_run_writes_no_paper(tmp_path: Path) -> None:
    project = project_with_year(tmp_path)
    before = snapshot(project / "data")
    with stand_in(answers()) as server:
        result = run_cli(project, "enrich", "--dry-run", "--limit", "1", env=environment(server.url))
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "1 paper without an arXiv id looked up: 1 would be filled (0 from the Hub, 1 from arXiv), 0 left as they are.\n"
    )
    assert snapshot(project / "data") == before


def test_with_no_network_enrich_says_so_and_writes_nothing(tmp_path: Path) -> None:
    project = project_with_year(tmp_path)
    before = snapshot(project)
    result = run_cli(project, "enrich", env=environment("http://127.0.0.1:9"))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == (
        "the Hub cannot be reached at http://127.0.0.1:9/api/papers/search (ConnectionError); nothing was written\n"
    )
    assert snapshot(project) == before


def test_a_failing_service_is_reported_and_the_next_one_asked(tmp_path: Path) -> None:
    project = project_with_year(tmp_path)
    failing = answers() | {hub_search(SPEECH): [Answer(500, "busy")], hub_search(BENCHMARK): [Answer(200, "{oops")]}
    with stand_in(failing) as server:
        result = run_cli(project, "enrich", "--limit", "2", env=environment(server.url))
    assert result.returncode == 0, result.stderr
    assert paper_data(project, "masked-speech-with-a-star-search")["arxiv"] == "2503.01234"  # arXiv answered
    assert (
        "data/papers/a-benchmark-with-data-and-models.yml: no unambiguous match on the Hub or arXiv "
        "(the Hub's answer is not JSON; arXiv answered HTTP 404)\n"
    ) in result.stderr
