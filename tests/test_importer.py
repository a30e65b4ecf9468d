from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import yaml

from generator.listings.importer import import_listings
from tests.conftest import FIXTURES, REPOSITORY, run_cli, snapshot

ADDED = datetime.date(2026, 11, 22)
SOURCES = sorted((REPOSITORY / "data" / "sources").glob("*.txt"))


def empty_catalog(project: Path) -> Path:
    shutil.rmtree(project / "data" / "papers")
    (project / "data" / "papers").mkdir()
    return project


def read_paper(project: Path, slug: str) -> dict[str, object]:
    data = yaml.safe_load((project / "data" / "papers" / f"{slug}.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_import_creates_one_file_per_paper(fixture_project: Path) -> None:
    project = empty_catalog(fixture_project)
    report, problems = import_listings([FIXTURES / "listings" / "crlf-listing.txt"], project, ADDED)
    assert problems == []
    assert report.added == ["a-fresh-speech-paper", "masked-speech-with-a-search-mask-tokens-brackets"]
    paper = read_paper(project, "masked-speech-with-a-search-mask-tokens-brackets")
    assert paper == {
        "slug": "masked-speech-with-a-search-mask-tokens-brackets",
        "title": "Masked Speech with A* Search: [MASK] tokens & <brackets>",
        "tags": [],
        "suggested_tags": ["masked-modelling", "speech"],
        "abstract": "We predict [MASK] tokens with A* search and x^2 < y_1 costs, using `code` and *stars* "
        "(up to 11.6% better). Code: https://github.com/example/masked-speech.",
        "links": [{"kind": "code", "url": "https://github.com/example/masked-speech"}],
        "listings": [{"date": "Mar 17", "source": "crlf-listing.txt", "year": 2026, "position": 1}],
        "added": ADDED,
    }
    fresh = read_paper(project, "a-fresh-speech-paper")
    assert fresh["links"] == [{"kind": "project", "url": "https://fresh.example.org/page"}]


def test_importing_the_bundled_listings_twice_changes_no_byte(fixture_project: Path) -> None:
    project = empty_catalog(fixture_project)
    first, problems = import_listings(SOURCES, project, ADDED)
    assert problems == []
    assert len(first.added) == 111
    before = snapshot(project / "data")
    second, problems = import_listings(SOURCES, project, datetime.date(2030, 1, 1))
    assert problems == []
    assert (second.added, second.merged, len(second.unchanged)) == ([], [], 111)
    assert snapshot(project / "data") == before


def test_a_paper_in_two_listings_is_one_file_with_both_listings(fixture_project: Path) -> None:
    project = empty_catalog(fixture_project)
    import_listings(SOURCES, project, ADDED)
    paper = read_paper(project, "do-language-models-know-when-they-re-hallucinating-references")
    assert paper["listings"] == [
        {"date": "Mar 11", "source": "hf-daily-papers-mar-11.txt", "year": 2026, "position": 38},
        {"date": "Mar 17", "source": "hf-daily-papers-mar-17.txt", "year": 2026, "position": 4},
    ]
    assert paper["links"] == [{"kind": "code", "url": "https://github.com/microsoft/hallucinated-references"}]


def test_merging_keeps_what_a_curator_wrote(fixture_project: Path) -> None:
    project = empty_catalog(fixture_project)
    import_listings([FIXTURES / "listings" / "crlf-listing.txt"], project, ADDED)
    slug = "masked-speech-with-a-search-mask-tokens-brackets"
    path = project / "data" / "papers" / f"{slug}.yml"
    suggested = "tags: []\nsuggested_tags:\n- masked-modelling\n- speech\n"
    curated = path.read_text(encoding="utf-8").replace(suggested, "tags:\n- masked-modelling\n- benchmarks\n")
    curated = curated.replace("title: 'Masked Speech", "title: 'Curated Title. Masked Speech")
    curated = curated.replace("We predict", "Curated: we predict")
    path.write_text(curated, encoding="utf-8")
    listing = project / "new-listing.txt"
    listing.write_text(
        "Mar 20\n\nMasked Speech with A* Search: [MASK] tokens & <brackets>\n\n"
        "A different abstract text. Demo: https://huggingface.co/spaces/example/demo.\n",
        encoding="utf-8",
    )
    report, problems = import_listings([listing], project, datetime.date(2030, 1, 1))
    assert problems == []
    assert report.merged == [slug]
    paper = read_paper(project, slug)
    assert paper["title"] == "Curated Title. Masked Speech with A* Search: [MASK] tokens & <brackets>"
    assert paper["tags"] == ["masked-modelling", "benchmarks"]
    assert str(paper["abstract"]).startswith("Curated: we predict [MASK] tokens")
    assert paper["links"] == [
        {"kind": "code", "url": "https://github.com/example/masked-speech"},
        {"kind": "project", "url": "https://huggingface.co/spaces/example/demo"},
    ]
    assert paper["listings"] == [
        {"date": "Mar 17", "source": "crlf-listing.txt", "year": 2026, "position": 1},
        {"date": "Mar 20", "source": "new-listing.txt", "year": 2029, "position": 1},
    ]
    assert paper["added"] == ADDED


def test_a_broken_listing_writes_nothing(fixture_project: Path) -> None:
    good = FIXTURES / "listings" / "crlf-listing.txt"
    broken = fixture_project / "broken.txt"
    broken.write_text("Mar 20\n\nA Title Without Abstract\n\nAnother Title\n\nIts abstract.\n", encoding="utf-8")
    before = snapshot(fixture_project / "data")
    report, problems = import_listings([good, broken], fixture_project, ADDED)
    assert [str(problem) for problem in problems] == [
        "broken.txt:3: expected an abstract after the title 'A Title Without Abstract', found another title on line 5"
    ]
    assert report.added == []
    assert snapshot(fixture_project / "data") == before


def test_what_import_writes_passes_check(fixture_project: Path, tmp_path: Path) -> None:
    """A leap-day listing, a LaTeX-heavy title and a tag pattern that backtracks under Python's re: the
    catalog import leaves is one `check` accepts."""
    tags = fixture_project / "data" / "tags.yml"
    rule = "- slug: letters\n  name: Letters\n  description: One letter.\n  match:\n    title: ['^(a+)+$', '^a+!$']\n"
    tags.write_text(tags.read_text(encoding="utf-8") + rule, encoding="utf-8")
    listing = tmp_path / "leap.txt"
    titles = ("a" * 34 + "!", "\\emph{Speech}~on a Leap Day", "a" * 40)
    listing.write_text("Feb 29\n\n" + "".join(f"{title}\n\nWe study speech.\n\n" for title in titles), encoding="utf-8")
    report, problems = import_listings([listing], fixture_project, ADDED)
    assert problems == [] and len(report.added) == 3
    # The rule of the backtracking pattern ran, in linear time: its tag is among the suggestions.
    suggested = read_paper(fixture_project, "a" * 40)["suggested_tags"]
    assert isinstance(suggested, list) and "letters" in suggested
    result = run_cli(fixture_project, "check")
    assert result.stderr == "" and result.returncode == 0
    assert result.stdout == (
        "The catalog is valid.\n"
        "3 papers have no curated tag yet: the site lists them on its Needs tags page (tags/needs-tags/).\n"
    )
