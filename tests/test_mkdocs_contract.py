"""What generator/mkdocs/convert.py relies on MkDocs for, held to the installed MkDocs: an upgrade that breaks
an assumption fails here, by name, rather than making the site slower or different without a word.

The bundled catalog is built in this process with two hooks of the test's own around the project's: one
before, recording every page event as it happens, and one after, recording the Markdown that reaches
Python-Markdown."""

from __future__ import annotations

import inspect
import json
import logging
from collections import defaultdict
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.pages import Page
from mkdocs.utils import meta

from generator.mkdocs.convert import EMPTY
from tests.conftest import REPOSITORY, built_site, copy_project, snapshot

# MkDocs' events of one page, in the order MkDocs documents them (docs/dev-guide/plugins.md, "Page Events").
PAGE_EVENTS = ["pre_page", "page_read_source", "page_markdown", "page_content", "page_context", "post_page"]

PROJECT_HOOKS = "hooks:\n  - generator/mkdocs/hooks.py\n"

RECORDER = """
import json
from pathlib import Path

OUT = Path(__file__).with_name("events.jsonl")


def record(event, page, **more):
    with OUT.open("a") as out:
        out.write(json.dumps({"event": event, "page": page.file.src_uri, **more}) + "\\n")


def on_pre_page(page, config, files):
    record("pre_page", page)
    return page


def on_page_read_source(page, config):
    record("page_read_source", page)


def on_page_markdown(markdown, page, config, files):
    record("page_markdown", page)
    return markdown


def on_page_content(html, page, config, files):
    record("page_content", page)
    return html


def on_page_context(context, page, config, nav):
    record("page_context", page)
    return context


def on_post_page(output, page, config):
    record("post_page", page)
    return output
"""

HANDED_OVER = """
import json
from pathlib import Path

OUT = Path(__file__).with_name("handed.jsonl")


def on_page_markdown(markdown, page, config, files):
    with OUT.open("a") as out:
        out.write(json.dumps({"page": page.file.src_uri, "empty": markdown == ""}) + "\\n")
    return markdown
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled catalog built once by `generator build` (its Markdown, and a site MkDocs converted alone),
    and a configuration with the recording hooks around the project's."""
    project = copy_project(tmp_path_factory.mktemp("contract") / "project", REPOSITORY / "data")
    built_site(project)
    (project / "recorder.py").write_text(RECORDER)
    (project / "handed.py").write_text(HANDED_OVER)
    assert PROJECT_HOOKS in (project / "mkdocs.yml").read_text()
    return project


@pytest.fixture(scope="module")
def recorded_build(project: Path) -> Path:
    """The site built with conversion ahead on two processes, and the recording hooks."""
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr("generator.runtime.workers.PARALLEL_FROM", 2)
    monkeypatch.setattr("generator.runtime.workers.worker_count", lambda: 2)
    text = (project / "mkdocs.yml").read_text()
    hooks = "hooks:\n  - recorder.py\n  - generator/mkdocs/hooks.py\n  - handed.py\n"
    (project / "mkdocs-recorded.yml").write_text(text.replace(PROJECT_HOOKS, hooks))
    site = project / "site-recorded"
    try:
        config = load_config(config_file=str(project / "mkdocs-recorded.yml"), strict=True, site_dir=str(site))
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
    finally:
        monkeypatch.undo()
        logging.getLogger("mkdocs").propagate = True
    return site


def lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_every_page_event_runs_once_per_page_in_mkdocs_order(project: Path, recorded_build: Path) -> None:
    events: dict[object, list[object]] = defaultdict(list)
    for record in lines(project / "events.jsonl"):
        events[record["page"]].append(record["event"])
    pages = {path.relative_to(project / "docs").as_posix() for path in (project / "docs").rglob("*.md")}
    assert set(events) == pages
    assert {page: order for page, order in events.items() if order != PAGE_EVENTS} == {}


def test_every_page_is_converted_ahead_and_python_markdown_gets_nothing_to_convert(
    project: Path, recorded_build: Path
) -> None:
    handed = lines(project / "handed.jsonl")
    assert len(handed) == len(list((project / "docs").rglob("*.md")))
    # A page converted by MkDocs after all means what a helper read is not what MkDocs reads: see convert.py.
    assert [record["page"] for record in handed if not record["empty"]] == []


def test_the_site_converted_ahead_is_the_site_mkdocs_converts_alone(project: Path, recorded_build: Path) -> None:
    assert snapshot(recorded_build) == snapshot(project / "site")


def test_a_page_reads_its_source_as_the_helpers_read_it(project: Path) -> None:
    """Page.read_source is meta.get_data over the file's content_string, when no plugin gives the source."""
    source = inspect.getsource(Page.read_source)
    assert "self.file.content_string" in source
    assert "meta.get_data(source)" in source
    assert meta.get_data("---\ntitle: T\n---\n\n# Body\n") == ("# Body\n", {"title": "T"})


def test_page_render_sets_the_attributes_the_hook_hands_back() -> None:
    """What converting a page sets is what `on_page_content` sets on a page converted ahead; a new attribute
    would be left as MkDocs set it for the empty page."""
    source = inspect.getsource(Page.render)
    assigned = {line.split("=")[0].strip() for line in source.splitlines() if line.strip().startswith("self.")}
    assert assigned == {
        "self.content",
        "self.toc",
        "self._title_from_render",
        "self.present_anchor_ids",
        "self.links_to_anchors",
    }
    assert EMPTY == ""
