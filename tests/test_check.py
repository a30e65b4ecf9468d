"""Validation across files: tags, slugs, titles and links, each problem at its file and line."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from generator.catalog.check import check_catalog
from generator.catalog.model import BrokenPaper, Catalog, Location, Paper, Tag
from generator.catalog.store import LoadedCatalog, load_catalog
from generator.listings.links import classify_url

TAGS = """\
- slug: language-models
  name: Language models
  description: Models of text.
- slug: vision
  name: Vision
  description: Models of images.
"""


def paper_yaml(slug: str, title: str, tags: str = "[vision]", extra: str = "") -> str:
    return f"slug: {slug}\ntitle: {title}\ntags: {tags}\nabstract: An abstract.\nadded: 2024-03-17\n{extra}"


def check(tmp_path: Path, papers: dict[str, str], tags: str = TAGS) -> list[str]:
    data = tmp_path / "data"
    (data / "papers").mkdir(parents=True)
    (data / "tags.yml").write_text(tags, encoding="utf-8")
    for name, text in papers.items():
        (data / "papers" / name).write_text(text, encoding="utf-8")
    loaded, problems = load_catalog(data, tmp_path)
    assert problems == []
    return [str(problem) for problem in check_catalog(loaded)]


def test_valid_catalog(tmp_path: Path) -> None:
    assert check(tmp_path, {"a.yml": paper_yaml("a", "Paper A"), "b.yml": paper_yaml("b", "Paper B")}) == []


def test_unknown_tag_with_a_suggestion(tmp_path: Path) -> None:
    source = paper_yaml("a", "Paper A", tags="\n  - vision\n  - language-model\n  - visoin\n")
    assert check(tmp_path, {"a.yml": source}) == [
        "data/papers/a.yml:5: unknown tag 'language-model'; did you mean 'language-models'?",
        "data/papers/a.yml:6: unknown tag 'visoin'; did you mean 'vision'?",
    ]


def test_unknown_tag_without_a_suggestion(tmp_path: Path) -> None:
    assert check(tmp_path, {"a.yml": paper_yaml("a", "Paper A", tags="[vision, quantum]")}) == [
        "data/papers/a.yml:3: unknown tag 'quantum'; add it to data/tags.yml or pick a known tag"
    ]


def test_tag_listed_twice(tmp_path: Path) -> None:
    assert check(tmp_path, {"a.yml": paper_yaml("a", "Paper A", tags="\n  - vision\n  - vision\n")}) == [
        "data/papers/a.yml:5: tag 'vision' is listed twice; keep one"
    ]


def test_paper_without_tags_is_valid(tmp_path: Path) -> None:
    assert check(tmp_path, {"a.yml": paper_yaml("a", "Paper A", tags="[]")}) == []
    no_field = "slug: b\ntitle: Paper B\nabstract: An abstract.\nadded: 2024-03-17\n"
    assert check(tmp_path / "b", {"b.yml": no_field}) == []


def test_suggested_tags_are_checked_like_tags(tmp_path: Path) -> None:
    suggested = "suggested_tags: [vision, visoin, language-models, language-models]\n"
    assert check(tmp_path, {"a.yml": paper_yaml("a", "Paper A", extra=suggested)}) == [
        "data/papers/a.yml:6: tag 'language-models' is listed twice; keep one",
        "data/papers/a.yml:6: tag 'vision' is both in tags and in suggested_tags; a confirmed tag stays in tags only",
        "data/papers/a.yml:6: unknown tag 'visoin'; did you mean 'vision'?",
    ]


def test_file_name_not_matching_slug(tmp_path: Path) -> None:
    assert check(tmp_path, {"b.yml": paper_yaml("a", "Paper A")}) == [
        "data/papers/b.yml:1: the file name does not match the slug 'a'; rename the file to a.yml"
    ]


def test_slug_that_is_not_lowercase(tmp_path: Path) -> None:
    assert check(tmp_path, {"Paper-A.yml": paper_yaml("Paper-A", "Paper A")}) == [
        "data/papers/Paper-A.yml:1: slug 'Paper-A' must be lowercase letters, digits and single hyphens"
    ]


def test_duplicate_slug_through_an_alias(tmp_path: Path) -> None:
    papers = {"a.yml": paper_yaml("a", "Paper A"), "b.yml": paper_yaml("b", "Paper B", extra="aliases: [a]\n")}
    assert check(tmp_path, papers) == [
        "data/papers/a.yml:1: duplicate slug 'a', also in data/papers/b.yml; merge the papers or change one",
        "data/papers/b.yml:6: duplicate slug 'a', also in data/papers/a.yml; merge the papers or change one",
    ]


def test_duplicate_title_ignores_case_and_punctuation(tmp_path: Path) -> None:
    papers = {"a.yml": paper_yaml("a", "Paper A"), "b.yml": paper_yaml("b", "paper a!")}
    assert check(tmp_path, papers) == [
        "data/papers/a.yml:2: duplicate title 'Paper A', also in data/papers/b.yml; merge the papers or change one",
        "data/papers/b.yml:2: duplicate title 'paper a!', also in data/papers/a.yml; merge the papers or change one",
    ]


def test_alias_rules(tmp_path: Path) -> None:
    aliases = "aliases: ['../../x', '', a, old, old, index, b]\n"
    papers = {"a.yml": paper_yaml("a", "Paper A", extra=aliases), "b.yml": paper_yaml("b", "Paper B")}
    assert check(tmp_path, papers) == [
        "data/papers/a.yml:6: alias '' is empty",
        "data/papers/a.yml:6: alias '../../x' must be lowercase letters, digits and single hyphens",
        "data/papers/a.yml:6: alias 'a' is the slug itself; remove it",
        "data/papers/a.yml:6: alias 'index' is a name the site uses for its own pages; choose another",
        "data/papers/a.yml:6: alias 'old' is listed twice; keep one",
        "data/papers/a.yml:6: duplicate slug 'b', also in data/papers/b.yml; merge the papers or change one",
        "data/papers/b.yml:1: duplicate slug 'b', also in data/papers/a.yml; merge the papers or change one",
    ]


def test_two_papers_with_one_alias(tmp_path: Path) -> None:
    papers = {"a.yml": paper_yaml("a", "Paper A", extra="aliases: [old]\n")}
    papers["b.yml"] = paper_yaml("b", "Paper B", extra="aliases: [old]\n")
    assert check(tmp_path, papers) == [
        "data/papers/a.yml:6: duplicate slug 'old', also in data/papers/b.yml; merge the papers or change one",
        "data/papers/b.yml:6: duplicate slug 'old', also in data/papers/a.yml; merge the papers or change one",
    ]


@pytest.mark.parametrize("slug", ["index", "page", "papers", "tags", "search", "assets", "feed"])
def test_reserved_paper_slug(tmp_path: Path, slug: str) -> None:
    assert check(tmp_path, {f"{slug}.yml": paper_yaml(slug, "Paper A")}) == [
        f"data/papers/{slug}.yml:1: slug '{slug}' is a name the site uses for its own pages; choose another"
    ]


def test_tag_alias_rules(tmp_path: Path) -> None:
    tags = TAGS.replace("  name: Vision\n", "  name: Vision\n  aliases: [vision, language-models, sight, page]\n")
    tags += "- slug: audio\n  name: Audio\n  description: Sound.\n  aliases: [sight]\n"
    assert check(tmp_path, {"a.yml": paper_yaml("a", "Paper A")}, tags=tags) == [
        "data/tags.yml:6: alias 'language-models' also names the tag 'language-models'; an old URL can lead to one"
        " tag only",
        "data/tags.yml:6: alias 'page' is a name the site uses for its own pages; choose another",
        "data/tags.yml:6: alias 'sight' also names the tag 'audio'; an old URL can lead to one tag only",
        "data/tags.yml:6: alias 'vision' is the slug itself; remove it",
        "data/tags.yml:11: alias 'sight' also names the tag 'vision'; an old URL can lead to one tag only",
    ]


def test_tag_without_description(tmp_path: Path) -> None:
    tags = TAGS + "- slug: audio\n  name: Audio\n"
    assert check(tmp_path, {"a.yml": paper_yaml("a", "Paper A")}, tags=tags) == [
        "data/tags.yml:7: tag 'audio' has no description; add one sentence saying what its papers are about"
    ]


def test_tag_defined_twice(tmp_path: Path) -> None:
    tags = TAGS + "- slug: vision\n  name: Vision again\n  description: Again.\n"
    assert check(tmp_path, {"a.yml": paper_yaml("a", "Paper A")}, tags=tags) == [
        "data/tags.yml:7: tag 'vision' is defined twice; keep one"
    ]


def test_tag_defined_twice_reports_the_first_at_its_own_line(tmp_path: Path) -> None:
    tags = TAGS + "- slug: audio\n  name: Audio\n- slug: audio\n  name: Audio again\n  description: Again.\n"
    assert check(tmp_path, {"a.yml": paper_yaml("a", "Paper A")}, tags=tags) == [
        "data/tags.yml:7: tag 'audio' has no description; add one sentence saying what its papers are about",
        "data/tags.yml:9: tag 'audio' is defined twice; keep one",
    ]


def loaded_with(paper: Paper) -> LoadedCatalog:
    vision = Tag("vision", "Vision", "Models of images.")
    return LoadedCatalog(
        catalog=Catalog(papers=(paper,), tags=(vision,)),
        paper_locations=(Location(f"data/papers/{paper.slug}.yml", 1, {"links": 6}, {"links": [7]}),),
        tag_locations=(Location("data/tags.yml", 1),),
    )


def make_paper(link_url: str) -> Paper:
    return Paper(
        slug="a",
        title="Paper A",
        abstract=f"Code at {link_url}.",
        tags=("vision",),
        links=(classify_url(link_url),),
        listings=(),
        added=datetime.date(2024, 3, 17),
    )


def test_imported_https_link_passes() -> None:
    assert check_catalog(loaded_with(make_paper("https://github.com/o/r/tree/main"))) == []


def test_imported_http_link_passes() -> None:
    assert check_catalog(loaded_with(make_paper("http://github.com/o/r"))) == []


def test_several_papers_may_share_a_repository(tmp_path: Path) -> None:
    links = "links:\n- kind: dataset\n  url: https://huggingface.co/datasets/o/d\n- kind: code\n  url: https://github.com/o/r\n"
    papers = {"a.yml": paper_yaml("a", "WizardLM", extra=links), "b.yml": paper_yaml("b", "WizardCoder", extra=links)}
    assert check(tmp_path, papers) == []


def test_a_broken_file_gives_its_problems_and_no_paper_and_the_others_are_still_checked(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "papers").mkdir(parents=True)
    (data / "tags.yml").write_text(TAGS, encoding="utf-8")
    broken = "slug: b\ntitle: Paper A\ntags: [visoin]\nabstract: An abstract.\nadded: 2024-13-45\n"
    (data / "papers" / "b.yml").write_text(broken, encoding="utf-8")
    (data / "papers" / "a.yml").write_text(paper_yaml("a", "Paper A", tags="[quantum]"), encoding="utf-8")
    loaded, problems = load_catalog(data, tmp_path)
    assert [str(problem) for problem in problems] == [
        "data/papers/b.yml:5: 'added' must be a date (YYYY-MM-DD), found '2024-13-45', which is not a date"
    ]
    assert [paper.slug for paper in loaded.catalog.papers] == ["a"]
    assert [(paper, location.path) for paper, location in loaded.broken] == [
        (BrokenPaper("b", "Paper A", "An abstract.", tags=("visoin",)), "data/papers/b.yml")
    ]
    # The broken file's own problems are still found; the duplicate title compares built papers only.
    assert [str(problem) for problem in check_catalog(loaded)] == [
        "data/papers/a.yml:3: unknown tag 'quantum'; add it to data/tags.yml or pick a known tag",
        "data/papers/b.yml:3: unknown tag 'visoin'; did you mean 'vision'?",
    ]
