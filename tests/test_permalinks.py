"""Published URLs stay alive: the manifest, aliases and the redirect pages they become."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

from generator.catalog.model import Catalog
from generator.site.permalinks import page_urls
from tests.conftest import REPOSITORY, run_cli

MANIFEST = "data/published-urls.txt"


def run(project: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return run_cli(project, *arguments)


def built(project: Path) -> Path:
    result = run(project, "build")
    assert result.returncode == 0, result.stderr
    return project


def rename_paper(project: Path, old: str, new: str, alias: bool) -> None:
    papers = project / "data" / "papers"
    text = (papers / f"{old}.yml").read_text(encoding="utf-8").replace(f"slug: {old}", f"slug: {new}")
    if alias:
        text += f"aliases:\n- {old}\n"
    (papers / f"{old}.yml").unlink()
    (papers / f"{new}.yml").write_text(text, encoding="utf-8")


def test_build_records_every_page_url(fixture_project: Path) -> None:
    built(fixture_project)
    lines = (fixture_project / MANIFEST).read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if not line.startswith("#")] == [
        "papers/a-benchmark-with-data-and-models/",
        "papers/masked-speech-with-a-star-search/",
        "papers/plain-paper-without-links/",
        "tags/benchmarks/",
        "tags/masked-modelling/",
        "tags/speech/",
    ]


def test_a_new_title_keeps_the_url(fixture_project: Path) -> None:
    built(fixture_project)
    before = (fixture_project / MANIFEST).read_bytes()
    paper = fixture_project / "data" / "papers" / "plain-paper-without-links.yml"
    paper.write_text(paper.read_text(encoding="utf-8").replace("Plain Paper without Links", "A New Title"))
    built(fixture_project)
    page = fixture_project / "site" / "papers" / "plain-paper-without-links" / "index.html"
    assert "A New Title" in page.read_text(encoding="utf-8")
    assert (fixture_project / MANIFEST).read_bytes() == before


def test_a_url_that_would_disappear_fails_the_check(fixture_project: Path) -> None:
    built(fixture_project)
    rename_paper(fixture_project, "plain-paper-without-links", "plain-paper", alias=False)
    result = run(fixture_project, "check")
    assert result.returncode == 1
    assert result.stderr == (
        "data/published-urls.txt:6: the published URL papers/plain-paper-without-links/ would disappear; "
        "add 'plain-paper-without-links' to the `aliases` of the paper it became, or restore the paper\n"
        "1 problem found; nothing was written.\n"
    )
    assert run(fixture_project, "build").returncode == 1


def test_a_renamed_paper_redirects_from_its_old_url(fixture_project: Path) -> None:
    built(fixture_project)
    rename_paper(fixture_project, "plain-paper-without-links", "plain-paper", alias=True)
    built(fixture_project)
    redirect = (fixture_project / "site" / "papers" / "plain-paper-without-links" / "index.html").read_text()
    assert '<meta http-equiv="refresh" content="0; url=../../papers/plain-paper/">' in redirect
    assert (fixture_project / "site" / "papers" / "plain-paper" / "index.html").is_file()
    manifest = (fixture_project / MANIFEST).read_text(encoding="utf-8")
    assert "papers/plain-paper-without-links/\n" in manifest
    assert "papers/plain-paper/\n" in manifest


def test_two_merged_papers_keep_both_urls(fixture_project: Path) -> None:
    built(fixture_project)
    papers = fixture_project / "data" / "papers"
    (papers / "plain-paper-without-links.yml").unlink()
    kept = papers / "a-benchmark-with-data-and-models.yml"
    kept.write_text(kept.read_text(encoding="utf-8") + "aliases:\n- plain-paper-without-links\n")
    built(fixture_project)
    redirect = (fixture_project / "site" / "papers" / "plain-paper-without-links" / "index.html").read_text()
    assert "url=../../papers/a-benchmark-with-data-and-models/" in redirect


def test_a_renamed_tag_redirects_from_its_old_url(fixture_project: Path) -> None:
    built(fixture_project)
    tags = fixture_project / "data" / "tags.yml"
    tags.write_text(
        tags.read_text(encoding="utf-8").replace("- slug: speech\n", "- slug: audio\n  aliases: [speech]\n")
    )
    for paper in (fixture_project / "data" / "papers").glob("*.yml"):
        paper.write_text(paper.read_text(encoding="utf-8").replace("- speech\n", "- audio\n"))
    built(fixture_project)
    redirect = (fixture_project / "site" / "tags" / "speech" / "index.html").read_text()
    assert "url=../../tags/audio/" in redirect


def test_the_bundled_manifest_lists_every_published_page(bundled: Catalog) -> None:
    """The committed manifest holds every page of the bundled catalog: a build before committing would add none."""
    result = run(REPOSITORY, "check")
    assert result.returncode == 0, result.stderr
    lines = (REPOSITORY / MANIFEST).read_text(encoding="utf-8").splitlines()
    assert {line for line in lines if line and not line.startswith("#")} == page_urls(bundled)
    assert len(page_urls(bundled)) == 111 + 94


def test_a_broken_paper_file_is_not_also_reported_as_a_lost_url(fixture_project: Path) -> None:
    built(fixture_project)
    paper = fixture_project / "data" / "papers" / "plain-paper-without-links.yml"
    paper.write_text(paper.read_text(encoding="utf-8") + "venue: arXiv\n", encoding="utf-8")
    result = run(fixture_project, "check")
    assert result.returncode == 1
    assert "would disappear" not in result.stderr
    assert result.stderr.startswith("data/papers/plain-paper-without-links.yml:10: unknown field 'venue'")


def test_pages_of_the_base_branch_count_as_published(fixture_project: Path) -> None:
    for arguments in (["init", "-q", "-b", "main"], ["add", "data"], ["commit", "-q", "-m", "catalog"]):
        command = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *arguments]
        subprocess.run(command, cwd=fixture_project, check=True, capture_output=True)
    rename_paper(fixture_project, "plain-paper-without-links", "plain-paper", alias=False)
    assert run(fixture_project, "check").returncode == 0  # the manifest was never written here
    result = run(fixture_project, "check", "--since", "main")
    assert result.returncode == 1
    assert result.stderr == (
        "main:data/papers/plain-paper-without-links.yml:0: the published URL papers/plain-paper-without-links/ "
        "would disappear; add 'plain-paper-without-links' to the `aliases` of the paper it became, "
        "or restore the paper\n"
        "1 problem found; nothing was written.\n"
    )


def test_redirects_are_only_ever_written_under_papers_and_tags() -> None:
    from generator.catalog.model import Catalog, Paper, Tag
    from generator.site.permalinks import render_redirects

    hostile = ("../../../../x", "../javascripts/search.js", "", "index", "a/b", "ok-alias")
    paper = Paper("paper", "A title", "An abstract.", (), (), (), datetime.date(2025, 1, 2), aliases=hostile)
    tag = Tag("topic", "Topic", "A topic.", aliases=hostile)
    pages = render_redirects(Catalog(papers=(paper,), tags=(tag,)))
    assert sorted(pages) == ["papers/ok-alias/index.html", "tags/ok-alias/index.html"]
