"""The trained tagger kept between runs (generator/tagger/saved.py): loaded when nothing it learned from
changed, trained afresh otherwise, and never trusted beyond its arrays."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from generator.tagger import Example, Tagger
from generator.tagger import saved as saved_module
from generator.tagger.saved import PREFIX, fingerprint, train_or_load
from tests.conftest import run_cli
from tests.test_tagger import VOCABULARY, catalog

NEW = [Example("Segmentation of photos", "Pixels of images."), Example("Spoken audio", "Acoustic speech of speakers.")]


def saved_files(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def refuse_training(*_: object, **__: object) -> Tagger:
    raise AssertionError("trained again")


def test_a_second_run_loads_the_tagger_the_first_trained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = train_or_load(catalog(), VOCABULARY, tmp_path)
    assert saved_files(tmp_path) == [f"{PREFIX}{fingerprint(catalog(), VOCABULARY, first.settings)[:32]}.npz"]
    monkeypatch.setattr(saved_module, "train", refuse_training)
    again = train_or_load(catalog(), VOCABULARY, tmp_path)
    assert np.array_equal(again.scores(NEW), first.scores(NEW))
    assert again.suggest_many(NEW) == first.suggest_many(NEW) == [("vision",), ("speech",)]


def test_a_changed_curated_tag_trains_afresh_and_replaces_the_saved_tagger(tmp_path: Path) -> None:
    train_or_load(catalog(), VOCABULARY, tmp_path)
    before = saved_files(tmp_path)
    changed = catalog()
    changed[0] = dataclasses.replace(changed[0], tags=("vision", "speech"))
    train_or_load(changed, VOCABULARY, tmp_path)
    after = saved_files(tmp_path)
    assert len(after) == 1 and after != before


def test_what_changes_the_tagger_changes_the_fingerprint() -> None:
    base = fingerprint(catalog(), VOCABULARY, train_or_load(catalog(), VOCABULARY, None).settings)
    settings = train_or_load(catalog(), VOCABULARY, None).settings
    assert fingerprint(catalog(), VOCABULARY, settings) == base
    assert fingerprint(catalog(), VOCABULARY, dataclasses.replace(settings, threshold=0.5)) != base
    renamed = (dataclasses.replace(VOCABULARY[0], description="Pictures."), *VOCABULARY[1:])
    assert fingerprint(catalog(), renamed, settings) != base
    # Papers without curated tags are not learned from: adding one changes nothing.
    assert fingerprint([*catalog(), Example("Untagged", "No tags yet.")], VOCABULARY, settings) == base


@pytest.mark.parametrize("content", [b"", b"not a zip file", b"PK\x03\x04 broken"])
def test_an_unreadable_saved_tagger_is_trained_over(tmp_path: Path, content: bytes) -> None:
    settings = train_or_load(catalog(), VOCABULARY, None).settings
    path = tmp_path / f"{PREFIX}{fingerprint(catalog(), VOCABULARY, settings)[:32]}.npz"
    path.write_bytes(content)
    assert train_or_load(catalog(), VOCABULARY, tmp_path).suggest_many(NEW) == [("vision",), ("speech",)]
    assert path.read_bytes() != content


def test_a_planted_file_with_pickled_objects_is_never_unpickled(tmp_path: Path) -> None:
    settings = train_or_load(catalog(), VOCABULARY, None).settings
    path = tmp_path / f"{PREFIX}{fingerprint(catalog(), VOCABULARY, settings)[:32]}.npz"
    with path.open("wb") as file:
        np.savez(file, terms=np.array([object()], dtype=object), idf=np.zeros(1))
    assert saved_module.load(path, VOCABULARY, settings) is None


def test_without_a_folder_nothing_is_kept(tmp_path: Path) -> None:
    train_or_load(catalog(), VOCABULARY, None)
    assert list(tmp_path.iterdir()) == []


def test_import_keeps_the_trained_tagger_in_the_cache_folder(fixture_project: Path, tmp_path: Path) -> None:
    listing = tmp_path / "hf-daily-papers-2026-03-18.txt"
    listing.write_text("new\n\nMar 18\n\nA New Speech Paper\n\nWe study speech recognition.\n", encoding="utf-8")
    result = run_cli(fixture_project, "import", str(listing))
    assert result.returncode == 0, result.stderr
    assert [path.name.startswith(PREFIX) for path in (fixture_project / ".cache").iterdir()] == [True]
