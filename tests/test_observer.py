"""The build's stages as an observer hears them (generator/runtime/observer.py, `pipeline.build`)."""

from __future__ import annotations

from pathlib import Path

from generator.pipeline import LOAD_STAGE, MARKDOWN_STAGE, SEARCH_INDEX, Project, build
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
