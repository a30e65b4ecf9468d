"""Loading and checking a catalog on several processes gives what one process does: the same papers in the
same order, the same problems at the same lines."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.catalog.check import check_catalog
from generator.catalog.datafiles import SourceFile
from generator.catalog.store import load_catalog, parse_catalog
from generator.runtime import workers
from generator.runtime.executor import SERIAL, Forking
from tests.conftest import FIXTURES, REPOSITORY


@pytest.fixture
def mixed_data(tmp_path: Path) -> Path:
    """The bundled papers and vocabulary, with every broken paper file of the broken-input cases."""
    data = tmp_path / "data"
    shutil.copytree(REPOSITORY / "data", data)
    for case in sorted((FIXTURES / "broken").iterdir()):
        for source in sorted((case / "files" / "data" / "papers").glob("*.yml")):
            target = data / "papers" / f"{case.name[:2]}-{source.name}"
            shutil.copytree(source, target) if source.is_dir() else shutil.copy(source, target)
    return data


@pytest.mark.parametrize("count", [2, 3])
def test_workers_load_a_catalog_with_problems_as_one_process_does(
    mixed_data: Path, count: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "PART_MAX", 7)  # many runs, finished in any order
    loaded, problems = load_catalog(mixed_data, mixed_data.parent, executor=SERIAL)
    assert len(problems) > 20
    assert loaded.broken
    assert len(loaded.paper_files) > len(loaded.catalog.papers) + len(loaded.broken)
    assert load_catalog(mixed_data, mixed_data.parent, executor=Forking(count)) == (loaded, problems)


def test_workers_parse_files_read_elsewhere_as_one_process_does(
    mixed_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "PART_MAX", 7)
    tags = SourceFile("data/tags.yml", (mixed_data / "tags.yml").read_bytes())
    papers = [
        SourceFile(f"data/papers/{path.name}", path.read_bytes())
        for path in sorted(mixed_data.glob("papers/*.yml"))
        if path.is_file()
    ]
    assert parse_catalog(tags, papers, executor=Forking(2)) == parse_catalog(tags, papers, executor=SERIAL)


def test_a_small_catalog_loads_in_this_process(mixed_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*arguments: object, **keywords: object) -> None:
        raise AssertionError("a small catalog started workers")

    assert len(list(mixed_data.glob("papers/*.yml"))) < workers.PARALLEL_FROM
    monkeypatch.setattr(workers, "ProcessPoolExecutor", no_pool)
    assert load_catalog(mixed_data, mixed_data.parent) == load_catalog(mixed_data, mixed_data.parent, executor=SERIAL)


@pytest.mark.parametrize("count", [2, 3])
def test_workers_check_a_catalog_as_one_process_does(
    mixed_data: Path, count: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "PART_MAX", 7)
    loaded, _ = load_catalog(mixed_data, mixed_data.parent)
    expected = check_catalog(loaded, executor=SERIAL)
    assert any("duplicate title" in problem.message for problem in expected)
    assert check_catalog(loaded, executor=Forking(count)) == expected
