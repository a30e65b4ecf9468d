"""Broken inputs, one folder per case under tests/fixtures/broken/, run through the command line.

Each case folder holds:

- `case.yml`: `command` (the arguments after `python -m generator --root PROJECT`; listing paths are
  relative to the case's `files/` and are looked up in the project), `exit` (the expected status),
  a one-line `why`, and optionally `generate` (files too big or too binary to commit, made by the test),
  `creates` (the data files an accepted import or add must create, and no others) and `xfail` (the
  reason a case documents a known bug: its `expected.txt` holds the correct output);
- `files/`: files laid over a copy of the fixture project (tests/fixtures/catalog); `NAME.delete`
  deletes `NAME` instead;
- `expected.txt`: the exact stderr (exit 1) or stdout (exit 0), with the project folder written
  as `PROJECT`.

`REFRESH_BROKEN=1 pytest tests/test_broken_inputs.py` rewrites every `expected.txt` (except those of
xfail cases, which hold the correct output by hand) from the current output: review the diff.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import FIXTURES, REPOSITORY, copy_project, snapshot

CASES = FIXTURES / "broken"
REFRESH = os.environ.get("REFRESH_BROKEN") == "1"
# Commands that write when they succeed: when they fail, data/, docs/ and site/ must be left as they were.
WRITING_COMMANDS = frozenset({"build", "import", "add"})
WATCHED = ("data", "docs", "site")
# Options that take a value, and the ones whose value is a listing file.
VALUE_OPTIONS = frozenset({"--added", "--title", "--abstract", "--link", "--tag", "--listing", "--since", "--site-dir"})
LISTING_OPTIONS = frozenset({"--listing"})
CASE_KEYS = frozenset({"command", "exit", "why", "generate", "creates", "xfail"})
GENERATE_KEYS = frozenset({"path", "text", "filler_megabytes", "encoding"})
FILLER_WORDS = "lorem ipsum dolor sit amet "
DELETE_SUFFIX = ".delete"


class WrongOutputError(AssertionError):
    """The command's status, output or created files differ from the case's expectation."""


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise WrongOutputError(message)


@dataclass(frozen=True)
class Case:
    folder: Path
    command: tuple[str, ...]
    exit: int
    why: str
    generate: tuple[dict[str, Any], ...] = ()
    creates: tuple[str, ...] | None = None
    xfail: str | None = None

    @property
    def expected_file(self) -> Path:
        return self.folder / "expected.txt"


def load_case(folder: Path) -> Case:
    data = yaml.safe_load((folder / "case.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{folder.name}/case.yml must be a mapping"
    unknown = set(data) - CASE_KEYS
    assert not unknown, f"{folder.name}/case.yml: unknown keys {sorted(unknown)}"
    assert isinstance(data["command"], list) and data["command"], f"{folder.name}: command must be a list"
    assert data["exit"] in (0, 1), f"{folder.name}: exit must be 0 or 1"
    assert isinstance(data["why"], str) and data["why"].strip(), f"{folder.name}: why is required"
    generate = tuple(data.get("generate") or ())
    for entry in generate:
        assert set(entry) <= GENERATE_KEYS and {"path", "text"} <= set(entry), f"{folder.name}: bad generate entry"
    creates = data.get("creates")
    return Case(
        folder=folder,
        command=tuple(str(argument) for argument in data["command"]),
        exit=data["exit"],
        why=data["why"],
        generate=generate,
        creates=tuple(creates) if creates is not None else None,
        xfail=data.get("xfail"),
    )


def discover() -> list[Any]:
    parameters: list[Any] = []
    for folder in sorted(path for path in CASES.iterdir() if path.is_dir()):
        case = load_case(folder)
        # Only a wrong output is the known bug: a traceback-free run that writes despite an error still fails.
        marks = [pytest.mark.xfail(strict=True, reason=case.xfail, raises=WrongOutputError)] if case.xfail else []
        parameters.append(pytest.param(case, id=folder.name, marks=marks))
    return parameters


def filler(megabytes: float) -> str:
    """Prose of exactly `megabytes` MiB (ASCII, so characters and bytes agree), ending in a full stop."""
    size = int(megabytes * 1024 * 1024)
    text = FILLER_WORDS * (size // len(FILLER_WORDS) + 1)
    return text[: size - 1] + "."


def lay_out(case: Case, project: Path) -> None:
    """Overlay the case's files onto the project, deleting `NAME` for each `NAME.delete`."""
    files = case.folder / "files"
    for source in sorted(files.rglob("*")) if files.is_dir() else []:
        if source.is_dir():
            continue
        relative = source.relative_to(files)
        target = project / relative
        if source.name.endswith(DELETE_SUFFIX):
            doomed = target.with_name(source.name.removesuffix(DELETE_SUFFIX))
            assert doomed.exists(), f"{case.folder.name}: {relative} deletes nothing"
            if doomed.is_dir():
                shutil.rmtree(doomed)
            else:
                doomed.unlink()
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    for entry in case.generate:
        text = str(entry["text"])
        if "filler_megabytes" in entry:
            text = text.replace("{filler}", filler(float(entry["filler_megabytes"])))
        target = project / str(entry["path"])
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode(str(entry.get("encoding", "utf-8"))))


def arguments(command: tuple[str, ...], project: Path) -> list[str]:
    """The command with its listing paths made absolute inside the project."""
    resolved: list[str] = []
    previous: str | None = None
    for index, argument in enumerate(command):
        if previous in VALUE_OPTIONS:
            is_listing = previous in LISTING_OPTIONS
            previous = None
        else:
            is_listing = index > 0 and command[0] == "import" and not argument.startswith("--")
            previous = argument
        resolved.append(str(project / argument) if is_listing else argument)
    return resolved


def watched(project: Path) -> dict[str, bytes]:
    return {
        f"{name}/{path}": data
        for name in WATCHED
        if (project / name).is_dir()
        for path, data in snapshot(project / name).items()
    }


@pytest.mark.parametrize("case", discover())
def test_broken_input(case: Case, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", FIXTURES / "catalog" / "data")
    lay_out(case, project)
    before = watched(project)
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project), *arguments(case.command, project)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=REPOSITORY,
        timeout=300,
    )
    after = watched(project)
    stdout = result.stdout.replace(str(project), "PROJECT")
    stderr = result.stderr.replace(str(project), "PROJECT")
    output = stderr if case.exit else stdout
    if REFRESH and not case.xfail:
        case.expected_file.write_text(output, encoding="utf-8", newline="\n")

    # Safety first, and outside any xfail: a failed command that writes is never an expected failure.
    if case.exit and case.command[0] in WRITING_COMMANDS:
        assert after == before, "a failed command wrote or removed files"
    expect("Traceback" not in result.stdout + result.stderr, f"a traceback:\n{result.stderr}")
    expect(result.returncode == case.exit, f"exit status {result.returncode}:\n{result.stdout}{result.stderr}")
    expected = case.expected_file.read_text(encoding="utf-8")
    expect(output == expected, f"output differs:\n--- expected\n{expected}--- actual\n{output}")
    expect((stdout if case.exit else stderr) == "", f"unexpected output:\n{stdout if case.exit else stderr}")
    if case.creates is not None:
        created = sorted(set(after) - set(before))
        expect(created == sorted(case.creates), f"created {created}, expected {sorted(case.creates)}")
        for path in case.creates:
            expect(yaml.safe_load(after[path])["slug"] == Path(path).stem, f"{path} does not hold its own slug")


def test_there_are_enough_cases() -> None:
    folders = [path for path in CASES.iterdir() if path.is_dir()]
    assert len(folders) >= 40
    for folder in folders:
        assert (folder / "case.yml").is_file(), folder.name
        assert (folder / "expected.txt").is_file(), folder.name
