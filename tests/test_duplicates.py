"""Duplicates, never silent: the same paper (arXiv id, normalised title) is merged; a near match is a notice."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from generator.catalog.duplicates import NearIndex, american, same_title_key, singular
from generator.listings.importer import import_listings
from tests.conftest import run_cli
from tests.test_importer import read_paper

ADDED = datetime.date(2026, 11, 22)
TITLE = "Scaling Pretraining of Language Models for Modelling Behaviour in Case Studies"
SLUG = "scaling-pretraining-of-language-models-for-modelling-behaviour-in-case-studies"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Pre-training", "Pretraining"),
        ("pre training", "Pre-Training"),
        ("Language Models", "language model"),
        ("Case Studies", "case study"),
        ("Approaches and Caches", "approach and cache"),
        ("Classes of Losses", "class of loss"),
        ("Biases", "bias"),
        ("Modelling", "Modeling"),
        ("Labelled Signalling", "labeled signaling"),
        ("Optimise, optimised, optimisations", "optimize optimized optimization"),
        ("Behaviour and Colour", "behavior and color"),
        ("Analysing Centres", "analyzing center"),
        ("GPT-4: A Study", "GPT 4 — a study!"),
        ("Pâper", "paper"),
        ("The Model's Mind", "the models mind"),
    ],
)
def test_same_title_key_folds_spelling(first: str, second: str) -> None:
    assert same_title_key(first) == same_title_key(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Attention Is Not Explanation", "Attention Is Not Not Explanation"),
        ("Filling", "Filing"),
        ("Bias", "Base"),
        ("Analysis", "Analyst"),
        ("GPT-4 Technical Report", "Phi-4 Technical Report"),
    ],
)
def test_same_title_key_keeps_different_titles_apart(first: str, second: str) -> None:
    assert same_title_key(first) != same_title_key(second)


def test_singular_and_american_rules() -> None:
    assert [singular(word) for word in ("models", "studies", "bias", "analysis", "gas", "corpus", "loss")] == [
        "model",
        "study",
        "bias",
        "analysis",
        "gas",
        "corpus",
        "loss",
    ]
    assert [singular(word) for word in ("series", "physics", "matrices", "biases", "data")] == [
        "series",
        "physics",
        "matrix",
        "bias",
        "data",
    ]
    assert [american(word) for word in ("modelling", "called", "optimisation", "centre", "neighbourhood")] == [
        "modeling",
        "called",
        "optimization",
        "center",
        "neighborhood",
    ]


def test_a_title_without_letters_is_its_own_key() -> None:
    assert same_title_key("\U0001f680 \U0001f680") == "\U0001f680 \U0001f680"
    assert same_title_key("\U0001f680") != same_title_key("\U0001f525")


def test_near_index_finds_a_typo_and_not_a_different_paper() -> None:
    index = NearIndex([("a", TITLE), ("b", "GPT-4 Technical Report"), ("c", "Attention Is Not Explanation")])
    match = index.best(TITLE.replace("Pretraining", "Pretraning"))
    assert match is not None and (match.slug, match.score) == ("a", 99)
    assert index.best("A Survey of Speech Recognition") is None
    assert index.pairs() == []


def listing(project: Path, name: str, *titles: str, abstract: str = "We study scaling.") -> Path:
    path = project / name
    path.write_text("Mar 20\n\n" + "".join(f"{title}\n\n{abstract}\n\n" for title in titles), encoding="utf-8")
    return path


def test_relistings_with_folded_titles_are_merged_and_a_typo_is_a_notice(fixture_project: Path) -> None:
    report, problems = import_listings([listing(fixture_project, "first.txt", TITLE)], fixture_project, ADDED)
    assert problems == [] and report.added == [SLUG]
    variants = (
        TITLE.replace("Pretraining", "Pre-training"),
        TITLE.replace("Models", "Model"),
        TITLE.replace("Modelling Behaviour", "Modeling Behavior"),
        TITLE.replace("Case Studies", "Case Study"),
        TITLE.replace("Pretraining", "Pretraning"),
    )
    result = run_cli(
        fixture_project, "import", "--added", "2026-11-23", str(listing(fixture_project, "again.txt", *variants))
    )
    assert result.returncode == 0, result.stderr
    notice = (
        "again.txt:19: possible duplicate of 'scaling-pretraining-of-language-models-for-modelling-behaviour-in-case-"
        "studies' (title score 99); merge by hand if it is the same paper; if they are different papers, add "
        f"distinct_from: [{SLUG}] to data/papers/scaling-pretraning-of-language-models-for-modelling-behaviour-in-case-"
        "studies.yml"
    )
    year = "again.txt: 'Mar 20' read as Mar 20 2026 (the import date's year; --year sets another)"
    assert result.stdout.splitlines()[:3] == [year, notice, "1 paper added, 1 merged, 3 unchanged."]
    merged = read_paper(fixture_project, SLUG)
    assert merged["title"] == TITLE
    assert merged["listings"] == [
        {"date": "Mar 20", "source": "first.txt", "year": 2026, "position": 1},
        {"date": "Mar 20", "source": "again.txt", "year": 2026, "position": 1},
    ]
    typo = read_paper(fixture_project, "scaling-pretraning-of-language-models-for-modelling-behaviour-in-case-studies")
    assert typo["title"] == variants[-1]


def test_long_titles_sharing_their_slug_are_two_papers_with_both_abstracts(fixture_project: Path) -> None:
    start = "A Very Long Title About Scaling Retrieval Augmented Generation for Question Answering over Tables"
    first, second = f"{start}: Methods", f"{start} and Charts in Scientific Documents"
    entries = fixture_project / "long.txt"
    entries.write_text(
        f"Mar 20\n\n{first}\n\nThe first abstract.\n\n{second}\n\nThe second abstract.\n", encoding="utf-8"
    )
    report, problems = import_listings([entries], fixture_project, ADDED)
    assert problems == []
    # Both make the 80-character slug below; the second is given another (slugify fits words in 78).
    slug = "a-very-long-title-about-scaling-retrieval-augmented-generation-for-question-over"
    other = "a-very-long-title-about-scaling-retrieval-augmented-generation-for-question-in-2"
    assert sorted(report.added) == [other, slug]
    assert read_paper(fixture_project, slug)["abstract"] == "The first abstract."
    assert read_paper(fixture_project, other)["abstract"] == "The second abstract."
    assert report.notices == []  # their titles score 86: different papers


def test_the_same_arxiv_id_is_the_same_paper(fixture_project: Path) -> None:
    path = fixture_project / "data" / "papers" / "plain-paper-without-links.yml"
    path.write_text(path.read_text(encoding="utf-8") + "arxiv: '2401.01234'\n", encoding="utf-8")
    abstract = "A retitled version. Paper: https://arxiv.org/abs/2401.01234v2."
    entries = listing(fixture_project, "arxiv.txt", "An Entirely New Title", abstract=abstract)
    report, problems = import_listings([entries], fixture_project, ADDED)
    assert problems == [] and (report.added, report.merged) == ([], ["plain-paper-without-links"])
    assert read_paper(fixture_project, "plain-paper-without-links")["title"] == "Plain Paper without Links"


def test_add_refuses_a_folded_title_and_notices_a_near_one(fixture_project: Path) -> None:
    refused = run_cli(fixture_project, "add", "--title", "Plain Papers Without Link", "--abstract", "We study speech.")
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[0] == (
        "command line:0: 'Plain Papers Without Link' is already in the catalog as "
        "data/papers/plain-paper-without-links.yml; edit that file instead"
    )
    near = run_cli(fixture_project, "add", "--title", "Plain Paper withut Links", "--abstract", "We study speech.")
    assert near.returncode == 0, near.stderr
    assert near.stdout.splitlines()[0] == (
        "command line:0: possible duplicate of 'plain-paper-without-links' (title score 97); "
        "merge by hand if it is the same paper; if they are different papers, add distinct_from: "
        "[plain-paper-without-links] to data/papers/plain-paper-withut-links.yml"
    )


def paper_file(slug: str, title: str, extra: str = "") -> str:
    return f"slug: {slug}\ntitle: {title}\ntags: [speech]\nabstract: An abstract.\nadded: 2024-03-17\n{extra}"


def write_papers(project: Path, papers: dict[str, str]) -> None:
    for slug, text in papers.items():
        (project / "data" / "papers" / f"{slug}.yml").write_text(text, encoding="utf-8")


def test_check_reports_near_duplicates_after_its_verdict(fixture_project: Path) -> None:
    write_papers(
        fixture_project,
        {"typo": paper_file("typo", "Plain Paper withut Links"), "other": paper_file("other", "Something Else")},
    )
    result = run_cli(fixture_project, "check")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "The catalog is valid.\n"
        "Every paper has curated tags.\n"
        "data/papers/plain-paper-without-links.yml:2: possible duplicate of 'typo' (title score 97); "
        "merge by hand if it is the same paper; if they are different papers, add distinct_from: [typo] to "
        "data/papers/plain-paper-without-links.yml\n"
        "1 pair of papers may be one paper (above): not a problem, but merge them by hand if so, or add "
        "distinct_from.\n"
    )


def test_check_refuses_titles_that_normalise_the_same_and_a_shared_arxiv_id(fixture_project: Path) -> None:
    write_papers(
        fixture_project,
        {
            "plural": paper_file("plural", "Plain Papers Without Link", "arxiv: '2401.01234'\n"),
            "other": paper_file("other", "Something Else", "arxiv: '2401.01234'\n"),
        },
    )
    result = run_cli(fixture_project, "check")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "data/papers/other.yml:6: duplicate arXiv id '2401.01234', also in data/papers/plural.yml; "
        "merge the papers or change one",
        "data/papers/plain-paper-without-links.yml:2: duplicate title 'Plain Paper without Links', also in "
        "data/papers/plural.yml; merge the papers or change one",
        "data/papers/plural.yml:2: duplicate title 'Plain Papers Without Link', also in "
        "data/papers/plain-paper-without-links.yml; merge the papers or change one",
        "data/papers/plural.yml:6: duplicate arXiv id '2401.01234', also in data/papers/other.yml; "
        "merge the papers or change one",
        "4 problems found; nothing was written.",
    ]
