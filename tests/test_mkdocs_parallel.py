"""Markdown converted in helper processes during `mkdocs build` (generator/mkdocs/convert.py): the real MkDocs
build of the bundled catalog, in this process, with conversion forced onto two processes from two pages."""

from __future__ import annotations

import gc
import logging
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import generator.mkdocs.convert as mkdocs_parallel
from generator.mkdocs.convert import EMPTY, Conversions, Converted, Record, digest
from tests.conftest import REPOSITORY, built_site, copy_project, snapshot


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled catalog's project, with its Markdown written and built once by `generator build`."""
    project = copy_project(tmp_path_factory.mktemp("parallel") / "project", REPOSITORY / "data")
    built_site(project)
    return project


def build_site(project: Path, site: Path) -> None:
    """`mkdocs build --strict` as the command runs it, in this process."""
    config = load_config(config_file=str(project / "mkdocs.yml"), strict=True, site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)


@pytest.fixture
def two_processes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Conversion on two processes from two pages; the file each converting process writes its id to."""
    monkeypatch.setattr("generator.runtime.workers.PARALLEL_FROM", 2)
    monkeypatch.setattr("generator.runtime.workers.worker_count", lambda: 2)
    converters = tmp_path / "converters"
    convert = mkdocs_parallel.convert

    def recorded(file: File, *arguments: object) -> Converted:
        with converters.open("a") as out:
            out.write(f"{os.getpid()} {gc.isenabled()}\n")
        return convert(file, *arguments)  # type: ignore[arg-type]

    monkeypatch.setattr(mkdocs_parallel, "convert", recorded)
    return converters


def test_pages_converted_by_two_processes_make_the_same_site(project: Path, two_processes: Path) -> None:
    build_site(project, project / "site-parallel")
    converters = [line.split() for line in two_processes.read_text().splitlines()]
    assert len({pid for pid, _ in converters}) == 2
    assert len(converters) == len(list((project / "docs").rglob("*.md")))
    # Python-Markdown leaves cycles with every page: paused, the collector let 100,000 pages take 7.8 GB.
    assert {collecting for _, collecting in converters} == {"True"}
    assert snapshot(project / "site-parallel") == snapshot(project / "site")


def test_broken_links_found_by_both_processes_fail_the_strict_build_each_once(
    project: Path, two_processes: Path, caplog: pytest.LogCaptureFixture
) -> None:
    papers = sorted((project / "docs" / "papers").glob("*.md"))
    for page in papers:  # pages at both ends of the run of pages, so both processes meet some
        page.write_text(page.read_text() + "\n[Gone](missing.md)\n")
    caplog.set_level(logging.WARNING, logger="mkdocs")
    logging.getLogger("mkdocs").propagate = True  # for caplog, which listens at the root
    with pytest.raises(Abort, match=f"Aborted with {len(papers)} warnings in strict mode"):
        build_site(project, project / "site-broken")
    warnings = [record.getMessage() for record in caplog.records if record.levelno == logging.WARNING]
    assert sorted(warnings) == [
        f"Doc file 'papers/{page.name}' contains a link 'missing.md', but the target 'papers/missing.md' is not "
        "found among documentation files."
        for page in papers
    ]
    assert len({line.split()[0] for line in two_processes.read_text().splitlines()}) == 2


def test_a_page_that_fails_to_convert_is_reported_by_mkdocs_as_usual(
    project: Path, two_processes: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def failing(page: Page, config: object, files: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(Page, "render", failing)
    caplog.set_level(logging.ERROR, logger="mkdocs")
    logging.getLogger("mkdocs").propagate = True
    with pytest.raises(RuntimeError, match="boom"):
        build_site(project, project / "site-failing")
    # Not an error from the hook: MkDocs' own loop converted the first page again, and named it.
    errors = [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]
    assert len(errors) == 1 and re.fullmatch(r"Error reading page '[^']+\.md': boom", errors[0]), errors
    assert len({line.split()[0] for line in two_processes.read_text().splitlines()}) == 2


class Fake:
    """Stands for a page: its file's src_uri, and the attributes converting it sets."""

    def __init__(self) -> None:
        self.file = type("FakeFile", (), {"src_uri": "papers/a.md"})()
        self.markdown: str | None = None
        self.toc: object = []
        self.title: str | None = "A"
        self.present_anchor_ids: set[str] | None = set()
        self.links_to_anchors: object = None


def conversions(markdown: str) -> Conversions:
    logged = (Record("mkdocs.structure.pages", logging.WARNING, "a broken link"),)
    converted = Converted(digest(markdown), "<h1>Title</h1>", ["toc"], "Title", {"title"}, None, logged)
    return Conversions(ready={"papers/a.md": converted})


def test_a_page_converted_ahead_gives_python_markdown_nothing_and_mkdocs_its_html_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="mkdocs")
    logging.getLogger("mkdocs").propagate = True
    fake = Fake()
    page = cast(Page, fake)
    ahead = conversions("# Title")
    assert ahead.markdown_for("# Title", page) == EMPTY
    page.markdown = EMPTY  # as MkDocs sets it from on_page_markdown
    assert ahead.content_for("", page, cast(Files, None)) == "<h1>Title</h1>"
    assert (fake.markdown, fake.toc, fake.title, fake.present_anchor_ids) == ("# Title", ["toc"], "Title", {"title"})
    assert ahead.ready == {} and ahead.taking == {}
    assert [(record.name, record.getMessage()) for record in caplog.records] == [
        ("mkdocs.structure.pages", "a broken link")
    ]
    # Built again (`mkdocs serve`), the page is converted by MkDocs.
    assert ahead.markdown_for("# Title", page) == "# Title"
    assert ahead.content_for("<p>MkDocs</p>", page, cast(Files, None)) == "<p>MkDocs</p>"


def test_a_page_whose_markdown_a_plugin_changed_is_converted_by_mkdocs() -> None:
    page = cast(Page, Fake())
    ahead = conversions("# Title")
    assert ahead.markdown_for("# Title, changed by a plugin", page) == "# Title, changed by a plugin"
    assert ahead.content_for("<p>MkDocs</p>", page, cast(Files, None)) == "<p>MkDocs</p>"
    assert page.title == "A"


def test_a_page_waits_for_its_own_conversion_and_no_later_one() -> None:
    """MkDocs reaches pages in order; a page takes the conversions up to its own from the helpers, no more."""
    made: list[str] = []

    def runs() -> Iterator[list[Converted | None]]:
        for uri in ("papers/a.md", "papers/b.md", "papers/c.md"):
            made.append(uri)
            yield [Converted(digest(uri), f"<p>{uri}</p>", [], None, set(), None, ())]

    files = [type("FakeFile", (), {"src_uri": uri})() for uri in ("papers/a.md", "papers/b.md", "papers/c.md")]
    ahead = Conversions(runs=runs())
    ahead.coming = zip(cast(list[File], files), (each for run in ahead.runs for each in run), strict=True)
    ahead.position = {"papers/a.md": 0, "papers/b.md": 1, "papers/c.md": 2}
    page = Fake()
    page.file = files[1]
    assert ahead.markdown_for("papers/b.md", cast(Page, page)) == EMPTY
    assert made == ["papers/a.md", "papers/b.md"]
    assert list(ahead.ready) == ["papers/a.md"]  # for its page, when MkDocs reaches it


def test_conversions_cleared_stop_the_helpers_still_converting() -> None:
    closed: list[bool] = []

    def runs() -> Iterator[list[Converted | None]]:
        try:
            yield []
            yield []
        finally:
            closed.append(True)

    ahead = Conversions(runs=runs())
    next(ahead.runs)
    ahead.clear()  # on_post_build, or on_build_error when MkDocs stopped before every page was reached
    assert closed == [True]
