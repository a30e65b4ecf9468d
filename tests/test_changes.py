"""`diff BASE`: what the working tree changes in the catalog, as Markdown."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import run_cli


def git(project: Path, *arguments: str) -> None:
    subprocess.run(["git", *arguments], cwd=project, check=True, capture_output=True)


def committed(project: Path) -> Path:
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "data")
    git(project, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "catalog")
    return project


def diff(project: Path, base: str = "main") -> subprocess.CompletedProcess[str]:
    return run_cli(project, "diff", base)


def test_no_change(fixture_project: Path) -> None:
    result = diff(committed(fixture_project))
    assert (result.returncode, result.stdout) == (0, "## Catalog changes against main\n\nNo paper or tag changes.\n")


def test_every_kind_of_change(fixture_project: Path) -> None:
    project = committed(fixture_project)
    papers = project / "data" / "papers"
    (papers / "plain-paper-without-links.yml").unlink()
    speech = papers / "masked-speech-with-a-star-search.yml"
    speech.write_text(
        speech.read_text(encoding="utf-8")
        .replace("- speech\n", "- benchmarks\n")
        .replace("title: 'Masked Speech", "title: 'Better Masked Speech"),
        encoding="utf-8",
    )
    (papers / "a-new-paper.yml").write_text(
        "slug: a-new-paper\ntitle: A *New* Paper\ntags: [speech]\nabstract: New.\nadded: 2026-11-23\n", encoding="utf-8"
    )
    tags = project / "data" / "tags.yml"
    tags.write_text(
        tags.read_text(encoding="utf-8") + "- slug: privacy\n  name: Privacy\n  description: Keeping data private.\n",
        encoding="utf-8",
    )
    result = diff(project)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "## Catalog changes against main\n\n"
        "### Papers added (1)\n\n"
        "- A \\*New\\* Paper (`a-new-paper`): speech\n\n"
        "### Papers removed (1)\n\n"
        "- Plain Paper without Links (`plain-paper-without-links`)\n\n"
        "### Papers retitled (1)\n\n"
        "- `masked-speech-with-a-star-search`: Masked Speech with A\\* Search: \\[MASK\\] tokens &amp; &lt;brackets> → "
        "Better Masked Speech with A\\* Search: \\[MASK\\] tokens &amp; &lt;brackets>\n\n"
        "### Tags changed on papers (1)\n\n"
        "- Better Masked Speech with A\\* Search: \\[MASK\\] tokens &amp; &lt;brackets> "
        "(`masked-speech-with-a-star-search`): +benchmarks −speech\n\n"
        "### Tag vocabulary\n\n"
        "- Tags added: privacy\n\n"
    )


def test_a_merged_paper_is_reported_as_moved(fixture_project: Path) -> None:
    project = committed(fixture_project)
    papers = project / "data" / "papers"
    (papers / "plain-paper-without-links.yml").unlink()
    kept = papers / "a-benchmark-with-data-and-models.yml"
    kept.write_text(kept.read_text(encoding="utf-8") + "aliases:\n- plain-paper-without-links\n", encoding="utf-8")
    result = diff(project)
    assert result.stdout == (
        "## Catalog changes against main\n\n"
        "### Papers moved or merged (1)\n\n"
        "- `plain-paper-without-links` now redirects to A Benchmark with Data and Models "
        "(`a-benchmark-with-data-and-models`)\n\n"
    )


def test_an_unknown_revision(fixture_project: Path) -> None:
    result = diff(committed(fixture_project), "no-such-branch")
    assert result.returncode == 1
    assert result.stderr.startswith("no-such-branch:0: 'no-such-branch' is not a git revision of ")


def test_papers_that_need_tags_are_counted(fixture_project: Path) -> None:
    project = committed(fixture_project)
    papers = project / "data" / "papers"
    (papers / "untagged.yml").write_text(
        "slug: untagged\ntitle: Untagged\ntags: []\nsuggested_tags: [speech]\nabstract: New.\nadded: 2026-11-23\n",
        encoding="utf-8",
    )
    result = diff(project)
    assert (result.returncode, result.stdout) == (
        0,
        "## Catalog changes against main\n\n### Papers added (1)\n\n"
        "- Untagged (`untagged`): no tags yet (suggested: speech)\n\n"
        "Papers that need tags (no curated tag yet): 1 (was 0).\n",
    )
