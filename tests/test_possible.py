"""Possible duplicates by abstract and by one title with two abstracts; `distinct_from` silences a pair."""

from __future__ import annotations

import datetime
from pathlib import Path

from generator.catalog.check import check_catalog
from generator.catalog.possible import possible_duplicates
from generator.catalog.store import load_catalog
from generator.listings.importer import import_listings
from generator.runtime.executor import SERIAL
from tests.test_abstracts import ABSTRACT, OTHER, RELISTED
from tests.test_importer import read_paper

ADDED = datetime.date(2026, 11, 22)
TITLE = "Neural Machine Translation for Low Resource Languages"
SLUG = "neural-machine-translation-for-low-resource-languages"
NEW = "adapters-distilled-for-translation"


def paper_file(slug: str, title: str, abstract: str, extra: str = "") -> str:
    return f"slug: {slug}\ntitle: {title}\ntags: [speech]\nabstract: {abstract}\nadded: 2024-03-17\n{extra}"


def write_paper(project: Path, slug: str, title: str, abstract: str, extra: str = "") -> None:
    path = project / "data" / "papers" / f"{slug}.yml"
    path.write_text(paper_file(slug, title, abstract, extra), encoding="utf-8")


def write_listing(project: Path, name: str, title: str, abstract: str) -> Path:
    path = project / name
    path.write_text(f"Mar 20\n\n{title}\n\n{abstract}\n", encoding="utf-8")
    return path


def checked(project: Path) -> tuple[list[str], list[str]]:
    """The problems of the project's catalog, and its possible duplicates, as printed."""
    loaded, problems = load_catalog(project / "data", project)
    assert problems == []
    found = [str(problem) for problem in check_catalog(loaded, executor=SERIAL)]
    notices = possible_duplicates(loaded.catalog.papers, loaded.paper_locations)
    return found, [str(notice) for notice in notices]


def test_one_title_with_another_abstract_is_imported_as_a_separate_paper(fixture_project: Path) -> None:
    write_paper(fixture_project, SLUG, TITLE, ABSTRACT)
    entries = write_listing(fixture_project, "new.txt", TITLE.replace("Low Resource", "Low-resource"), OTHER)
    report, problems = import_listings([entries], fixture_project, ADDED)
    assert problems == [] and (report.added, report.merged) == ([f"{SLUG}-2"], [])
    assert [str(notice) for notice in report.notices] == [
        f"new.txt:3: same title as '{SLUG}' but a different abstract (score 45): imported as a separate paper; "
        f"if they are different papers, add distinct_from: [{SLUG}] to data/papers/{SLUG}-2.yml"
    ]
    assert read_paper(fixture_project, SLUG)["abstract"] == ABSTRACT
    assert read_paper(fixture_project, f"{SLUG}-2")["abstract"] == OTHER
    assert checked(fixture_project) == (
        [],
        [
            f"data/papers/{SLUG}.yml:2: same title as '{SLUG}-2' but a different abstract (score 45); kept as two "
            f"papers; if they are different papers, add distinct_from: [{SLUG}-2] to data/papers/{SLUG}.yml"
        ],
    )
    # Imported again (new.txt) and listed again (old.txt), each abstract finds its own paper.
    again, problems = import_listings(
        [entries, write_listing(fixture_project, "old.txt", TITLE, RELISTED)], fixture_project, ADDED
    )
    assert problems == [] and (again.added, again.merged, again.notices) == ([], [SLUG], [])
    assert f"{SLUG}-2" in again.unchanged


def test_one_title_with_short_or_alike_abstracts_is_one_paper(fixture_project: Path) -> None:
    write_paper(fixture_project, SLUG, TITLE, ABSTRACT)
    report, problems = import_listings(
        [write_listing(fixture_project, "a.txt", TITLE, RELISTED)], fixture_project, ADDED
    )
    assert problems == [] and (report.added, report.merged, report.notices) == ([], [SLUG], [])
    entries = write_listing(fixture_project, "b.txt", "Plain Papers without Links", "We study speech.")
    report, problems = import_listings([entries], fixture_project, ADDED)
    assert problems == [] and (report.added, report.merged) == ([], ["plain-paper-without-links"])


def imported_beside_the_paper(project: Path, title: str, abstract: str) -> tuple[list[str], list[str], list[str]]:
    """The catalog's paper (TITLE, ABSTRACT) and one imported from a listing (`title`, `abstract`): the papers
    the import added, the notices it printed, and the possible duplicates `check` lists after it."""
    write_paper(project, SLUG, TITLE, ABSTRACT)
    report, problems = import_listings([write_listing(project, "new.txt", title, abstract)], project, ADDED)
    assert problems == []
    found, notices = checked(project)
    assert found == []
    return report.added, [str(notice) for notice in report.notices], notices


def test_a_near_identical_abstract_under_another_title_is_a_notice(fixture_project: Path) -> None:
    added, imported, listed = imported_beside_the_paper(fixture_project, "Adapters Distilled for Translation", RELISTED)
    assert added == [NEW]
    assert imported == [
        f"new.txt:3: possible duplicate of '{SLUG}' (abstract score 95); merge by hand if it is the same paper; "
        f"if they are different papers, add distinct_from: [{SLUG}] to data/papers/{NEW}.yml"
    ]
    assert listed == [
        f"data/papers/{NEW}.yml:7: possible duplicate of '{SLUG}' (abstract score 95); "
        f"merge by hand if it is the same paper; if they are different papers, add distinct_from: [{SLUG}] to "
        f"data/papers/{NEW}.yml"
    ]


def test_distinct_from_in_either_paper_silences_the_pair(fixture_project: Path) -> None:
    write_paper(fixture_project, SLUG, TITLE, ABSTRACT, f"distinct_from: [{SLUG}-2, relisted]\n")
    write_paper(fixture_project, f"{SLUG}-2", TITLE, OTHER)
    write_paper(fixture_project, "relisted", "Adapters Distilled for Translation", RELISTED)
    write_paper(
        fixture_project,
        "typo",
        "Plain Paper withut Links",
        "We study speech.",
        "distinct_from: [plain-paper-without-links]\n",
    )
    assert checked(fixture_project) == ([], [])
    # A listing of that title merges into the paper of its abstract, never into the other.
    entries = write_listing(fixture_project, "new.txt", TITLE, OTHER)
    report, problems = import_listings([entries], fixture_project, ADDED)
    assert problems == [] and (report.added, report.merged, report.notices) == ([], [f"{SLUG}-2"], [])


def test_one_title_with_short_abstracts_stays_a_duplicate(fixture_project: Path) -> None:
    write_paper(fixture_project, "plural", "Plain Papers Without Link", OTHER)
    found, _ = checked(fixture_project)
    assert found == [
        "data/papers/plain-paper-without-links.yml:2: duplicate title 'Plain Paper without Links', also in "
        "data/papers/plural.yml; merge the papers or change one",
        "data/papers/plural.yml:2: duplicate title 'Plain Papers Without Link', also in "
        "data/papers/plain-paper-without-links.yml; merge the papers or change one",
    ]


SURVEY = f"{TITLE}: A Survey"  # title score 92 against TITLE


def test_a_near_title_with_a_clearly_different_abstract_is_another_paper(fixture_project: Path) -> None:
    assert imported_beside_the_paper(fixture_project, SURVEY, OTHER) == ([f"{SLUG}-a-survey"], [], [])


def test_a_near_title_with_an_alike_abstract_is_still_a_possible_duplicate(fixture_project: Path) -> None:
    added, imported, listed = imported_beside_the_paper(fixture_project, SURVEY, RELISTED)
    assert added == [f"{SLUG}-a-survey"]
    assert imported == [
        f"new.txt:3: possible duplicate of '{SLUG}' (title score 92); merge by hand if it is the same paper; "
        f"if they are different papers, add distinct_from: [{SLUG}] to data/papers/{SLUG}-a-survey.yml"
    ]
    assert listed == [
        f"data/papers/{SLUG}.yml:2: possible duplicate of '{SLUG}-a-survey' (title score 92); merge by hand "
        f"if it is the same paper; if they are different papers, add distinct_from: [{SLUG}-a-survey] to "
        f"data/papers/{SLUG}.yml"
    ]
