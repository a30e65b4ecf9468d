"""The snapshot of GitHub stars: data/stars.json read and checked, the `stars` command against a stand-in for
GitHub, and the count on the paper page as text."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

from generator.catalog.model import StarCount
from generator.catalog.stars import dump_stars, parse_stars
from generator.catalog.store import load_catalog
from tests.api_standin import Answer, stand_in
from tests.conftest import built_site, run_cli

SHOWN = "data/stars.json"
DAY = datetime.date(2026, 12, 1)


def test_the_snapshot_reads_back_what_it_wrote() -> None:
    counts = (StarCount("example/tools", 1234, DAY, 'W/"abc"'), StarCount("a/b", 0, DAY))
    text = dump_stars(counts)
    assert parse_stars(text, SHOWN) == (tuple(sorted(counts, key=lambda count: count.repository)), [])
    assert text.splitlines()[:3] == ["{", '  "repositories": {', '    "a/b": {']


def test_each_wrong_entry_is_reported_at_its_line() -> None:
    text = """{"repositories": {
  "example/tools": {"checked": "2026-12-01", "stars": 5},
  "not a name": {"checked": "2026-12-01", "stars": 5},
  "a/many": {"checked": "2026-12-01", "stars": -1},
  "a/when": {"checked": "yesterday", "stars": 1},
  "a/extra": {"checked": "2026-12-01", "stars": 1, "forks": 2}
}}
"""
    counts, problems = parse_stars(text, SHOWN)
    assert counts == (StarCount("example/tools", 5, DAY),)
    assert [str(problem) for problem in problems] == [
        "data/stars.json:3: 'not a name' is not a GitHub repository name (owner/name)",
        "data/stars.json:4: a/many: 'stars' must be a whole number of 0 or more, found -1",
        "data/stars.json:5: a/when: 'checked' must be a date (YYYY-MM-DD), found 'yesterday'",
        "data/stars.json:6: a/extra: must hold 'stars' and 'checked', and 'etag' if known, nothing else",
    ]
    assert [str(problem) for problem in parse_stars('{"repositories": [', SHOWN)[1]] == [
        "data/stars.json:1: is not valid JSON: Expecting value"
    ]
    assert [str(problem) for problem in parse_stars("[]", SHOWN)[1]] == [
        'data/stars.json:1: must be a JSON object {"repositories": {"owner/name": {...}}}'
    ]


def test_a_bad_snapshot_stops_the_check_with_its_place(fixture_project: Path) -> None:
    (fixture_project / "data" / "stars.json").write_text('{"repositories": {"x": 1}}\n', encoding="utf-8")
    result = run_cli(fixture_project, "check")
    assert result.returncode == 1
    assert "data/stars.json:1: 'x' is not a GitHub repository name (owner/name)" in result.stderr


def github(stars: int) -> Answer:
    return Answer(200, {"full_name": "example/tools", "stargazers_count": stars}, {"ETag": f'"{stars}"'})


def test_the_command_snapshots_the_stars_and_the_page_shows_them_as_text(fixture_project: Path) -> None:
    answers = {"/repos/example/tools": [github(1234)], "/repos/example/masked-speech": [github(1)]}
    with stand_in(answers) as server:
        environment = os.environ | {"GITHUB_API_URL": server.url, "GITHUB_TOKEN": "t0ken"}
        result = run_cli(fixture_project, "stars", env=environment)
        assert server.asked("/repos/example/tools")[0]["authorization"] == "Bearer t0ken"
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Stars of 2 repositories: 2 changed, 0 unchanged, 0 not found, 0 not answered.\n"
    loaded, problems = load_catalog(fixture_project / "data", fixture_project)
    today = datetime.date.today()
    assert problems == [] and loaded.catalog.stars == (
        StarCount("example/masked-speech", 1, today, '"1"'),
        StarCount("example/tools", 1234, today, '"1234"'),
    )
    page = (built_site(fixture_project) / "papers" / "a-benchmark-with-data-and-models" / "index.html").read_text()
    assert f"1,234 stars as of {today.isoformat()}" in page
    assert "shields.io" not in page and "<img" not in page


def test_with_no_network_the_command_says_so_and_writes_nothing(fixture_project: Path) -> None:
    environment = os.environ | {"GITHUB_API_URL": "http://127.0.0.1:9"}
    result = run_cli(fixture_project, "stars", env=environment)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == (
        "GitHub cannot be reached at http://127.0.0.1:9 (ConnectionError); data/stars.json was not changed\n"
    )
    assert not (fixture_project / "data" / "stars.json").exists()
    built_site(fixture_project)  # and the build still passes, with no count
