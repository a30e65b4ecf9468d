"""`retag`: suggestions made again for every paper; curated tags never change."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli, snapshot

UNTAGGED = "slug: {slug}\ntitle: {title}\ntags: []\nabstract: {abstract}\nadded: 2026-11-25\n"


def add_untagged(project: Path, slug: str, title: str, abstract: str) -> Path:
    path = project / "data" / "papers" / f"{slug}.yml"
    path.write_text(UNTAGGED.format(slug=slug, title=title, abstract=abstract), encoding="utf-8")
    return path


def curated_tags(project: Path) -> dict[str, str]:
    """Each paper file's `tags` lines, which retag must leave alone."""
    tags: dict[str, str] = {}
    for path in sorted((project / "data" / "papers").glob("*.yml")):
        lines = path.read_text(encoding="utf-8").split("suggested_tags:")[0].split("abstract:")[0]
        tags[path.name] = lines.split("tags:", 1)[1]
    return tags


def test_retag_suggests_again_and_leaves_curated_tags_alone(fixture_project: Path) -> None:
    paper = add_untagged(fixture_project, "speech-without-labels", "Speech Without Labels", "We study speech.")
    before = curated_tags(fixture_project)
    result = run_cli(fixture_project, "retag")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        # Three curated papers are all the tagger learns from: the one on masked speech brings its other tag.
        "data/papers/speech-without-labels.yml: +masked-modelling +speech\n"
        "Suggestions changed on 1 paper: 2 added, 0 removed.\n"
    )
    assert "suggested_tags:\n- masked-modelling\n- speech\n" in paper.read_text(encoding="utf-8")
    assert curated_tags(fixture_project) == before
    again = run_cli(fixture_project, "retag")
    assert again.stdout == "Suggestions changed on 0 papers: 0 added, 0 removed.\n"


def test_retag_one_tag_shows_which_papers_a_new_tag_reaches(fixture_project: Path) -> None:
    add_untagged(fixture_project, "a-dance-paper", "Learning to Dance", "We learn dance from video.")
    stale = add_untagged(fixture_project, "old-guess", "Old Guess", "Nothing about sound.")
    stale.write_text(stale.read_text(encoding="utf-8").replace("tags: []\n", "tags: []\nsuggested_tags: [speech]\n"))
    tags = fixture_project / "data" / "tags.yml"
    rule = "- slug: dance\n  name: Dance\n  description: Dancing.\n  match:\n    title: ['\\bdanc']\n"
    tags.write_text(tags.read_text(encoding="utf-8") + rule, encoding="utf-8")
    data = snapshot(fixture_project / "data")
    dry = run_cli(fixture_project, "retag", "--tag", "dance", "--dry-run")
    assert (
        dry.stdout
        == "data/papers/a-dance-paper.yml: +dance\nSuggestions would change on 1 paper: 1 added, 0 removed.\n"
    )
    assert snapshot(fixture_project / "data") == data
    result = run_cli(fixture_project, "retag", "--tag", "dance")
    assert (
        result.stdout == "data/papers/a-dance-paper.yml: +dance\nSuggestions changed on 1 paper: 1 added, 0 removed.\n"
    )
    # Limited to one tag, the stale suggestion of another stays; a whole retag removes it.
    assert "suggested_tags: [speech]\n" in stale.read_text(encoding="utf-8")
    whole = run_cli(fixture_project, "retag")
    assert whole.stdout == "data/papers/old-guess.yml: −speech\nSuggestions changed on 1 paper: 0 added, 1 removed.\n"
    assert "suggested_tags" not in stale.read_text(encoding="utf-8")


def test_retag_an_unknown_tag_writes_nothing(fixture_project: Path) -> None:
    data = snapshot(fixture_project / "data")
    result = run_cli(fixture_project, "retag", "--tag", "nope")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "data/tags.yml:0: there is no tag 'nope' to retag; add it to the vocabulary first\n"
        "1 problem found; nothing was written.\n"
    )
    assert snapshot(fixture_project / "data") == data


def test_retag_all_suggests_beside_curated_tags_too(fixture_project: Path) -> None:
    before = curated_tags(fixture_project)
    result = run_cli(fixture_project, "retag", "--all", "--dry-run")
    assert result.returncode == 0
    assert result.stdout.endswith(" removed.\n") and "would change" in result.stdout
    assert curated_tags(fixture_project) == before
