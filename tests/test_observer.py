"""`pipeline.build`: its stages as an observer hears them (generator/runtime/observer.py), and the same output
whichever executor runs it (generator/runtime/executor.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.pipeline import LOAD_STAGE, MARKDOWN_STAGE, SEARCH_INDEX, Project, build
from generator.runtime.executor import SERIAL, Forking
from generator.runtime.observer import Stopwatch


def test_a_stage_within_another_is_kept_under_it_and_not_counted_twice() -> None:
    heard: list[tuple[str, str | None]] = []
    stopwatch = Stopwatch(lambda name, _seconds, within: heard.append((name, within)))
    with stopwatch.stage("outer"), stopwatch.stage("inner"):
        pass
    with stopwatch.stage("next"):
        pass
    assert list(stopwatch.seconds) == ["outer", "next"]
    assert list(stopwatch.within) == ["outer"] and list(stopwatch.within["outer"]) == ["inner"]
    assert stopwatch.within["outer"]["inner"] <= stopwatch.seconds["outer"]
    assert heard == [("inner", "outer"), ("outer", None), ("next", None)]


def test_a_stage_that_fails_is_still_timed() -> None:
    stopwatch = Stopwatch()
    try:
        with stopwatch.stage("failing"):
            raise OSError("disk full")
    except OSError:
        pass
    assert list(stopwatch.seconds) == ["failing"]


def test_build_names_its_stages_to_the_observer(fixture_project: Path) -> None:
    stopwatch = Stopwatch()
    built = build(Project(fixture_project), markdown_only=True, observer=stopwatch)
    assert built.problems == [] and built.markdown is not None and built.mkdocs_status is None
    assert list(stopwatch.seconds) == [LOAD_STAGE, MARKDOWN_STAGE]
    assert list(stopwatch.within[MARKDOWN_STAGE]) == [SEARCH_INDEX]


def test_a_build_with_problems_stops_after_checking(fixture_project: Path) -> None:
    (fixture_project / "data" / "tags.yml").write_text("- slug: [\n", encoding="utf-8")
    stopwatch = Stopwatch()
    built = build(Project(fixture_project), observer=stopwatch)
    assert built.problems and built.markdown is None
    assert list(stopwatch.seconds) == [LOAD_STAGE]


def markdown_tree(root: Path) -> dict[str, bytes]:
    docs = root / "docs"
    return {path.relative_to(docs).as_posix(): path.read_bytes() for path in sorted(docs.rglob("*")) if path.is_file()}


def test_the_serial_and_the_forking_executor_build_the_same_markdown(fixture_project: Path, tmp_path: Path) -> None:
    forked = tmp_path / "forked"
    shutil.copytree(fixture_project, forked, symlinks=True)
    alone = build(Project(fixture_project), markdown_only=True, executor=SERIAL)
    shared = build(Project(forked), markdown_only=True, executor=Forking(2))
    assert alone.markdown is not None and shared.markdown is not None
    assert alone.markdown.written == shared.markdown.written
    assert markdown_tree(fixture_project) == markdown_tree(forked) != {}
