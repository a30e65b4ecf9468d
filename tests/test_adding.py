"""`add`: one new paper from the command line or a listing; a paper already in the catalog is refused."""

from __future__ import annotations

import subprocess
from pathlib import Path

import yaml

from tests.conftest import run_cli, snapshot


def add(project: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return run_cli(project, "add", "--added", "2026-11-23", *arguments)


def test_add_from_the_command_line_with_suggested_tags(fixture_project: Path) -> None:
    result = add(
        fixture_project,
        "--title",
        "Masked Prediction for Speech Benchmarks",
        "--abstract",
        "We mask speech frames. Code at https://github.com/o/r/tree/main.",
        "--link",
        "https://huggingface.co/datasets/o/d",
    )
    assert (result.returncode, result.stderr) == (0, "")
    added = "Added data/papers/masked-prediction-for-speech-benchmarks.yml"
    assert result.stdout == f"{added} with suggested tags: masked-modelling, speech, benchmarks\n"
    path = fixture_project / "data" / "papers" / "masked-prediction-for-speech-benchmarks.yml"
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["links"] == [
        {"kind": "code", "url": "https://github.com/o/r", "original": "https://github.com/o/r/tree/main"},
        {"kind": "dataset", "url": "https://huggingface.co/datasets/o/d"},
    ]
    check = run_cli(fixture_project, "check")
    assert check.returncode == 0, check.stderr


def test_add_with_chosen_tags(fixture_project: Path) -> None:
    result = add(fixture_project, "--title", "Another Paper", "--abstract", "Plain.", "--tag", "benchmarks")
    assert result.stdout == "Added data/papers/another-paper.yml with tags: benchmarks\n"


def test_add_refuses_a_paper_already_in_the_catalog(fixture_project: Path) -> None:
    before = snapshot(fixture_project / "data")
    result = add(fixture_project, "--title", "PLAIN paper, without links!", "--abstract", "Again.")
    assert result.returncode == 1
    assert result.stderr == (
        "command line:0: 'PLAIN paper, without links!' is already in the catalog as "
        "data/papers/plain-paper-without-links.yml; edit that file instead\n"
        "1 problem found; nothing was written.\n"
    )
    assert snapshot(fixture_project / "data") == before


def test_add_reports_an_unknown_tag_and_an_http_link(fixture_project: Path) -> None:
    result = add(
        fixture_project, "--title", "New", "--abstract", "Text.", "--tag", "speach", "--link", "ftp://example.org/x"
    )
    assert result.returncode == 1
    assert result.stderr == (
        "command line:0: unknown tag 'speach'; did you mean 'speech'?\n"
        "command line:0: link url 'ftp://example.org/x' is not an https:// URL; write it as https://host/path\n"
        "2 problems found; nothing was written.\n"
    )


def test_add_from_a_listing_refuses_its_known_papers(fixture_project: Path) -> None:
    listing = fixture_project / "listing.txt"
    listing.write_text(
        "Mar 20\n\nA Brand New Speech Paper\n\nAbout speech.\n\nPlain Paper without Links\n\nAgain.\n", encoding="utf-8"
    )
    result = add(fixture_project, "--listing", str(listing))
    assert result.returncode == 1
    assert result.stderr == (
        "listing.txt:7: 'Plain Paper without Links' is already in the catalog as "
        "data/papers/plain-paper-without-links.yml; edit that file instead\n"
        "1 problem found; nothing was written.\n"
    )
    listing.write_text("Mar 20\n\nA Brand New Speech Paper\n\nAbout speech.\n", encoding="utf-8")
    result = add(fixture_project, "--listing", str(listing))
    assert result.stdout == "Added data/papers/a-brand-new-speech-paper.yml with suggested tags: speech\n"
    added = yaml.safe_load((fixture_project / "data" / "papers" / "a-brand-new-speech-paper.yml").read_text())
    assert added["listings"] == [{"date": "Mar 20", "source": "listing.txt", "year": 2026, "position": 1}]


def test_add_needs_a_title_and_an_abstract(fixture_project: Path) -> None:
    result = add(fixture_project, "--title", "Only a title")
    assert (result.returncode, result.stderr) == (2, "add needs --title and --abstract, or --listing FILE\n")
