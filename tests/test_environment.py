"""The environment, not the data: symbolic links, folders where files belong, unwritable folders, a full disk, two
runs at once and what a killed run left. Each gets one `path:line: message` line and exit status 1, no traceback,
and data/ and docs/ are left as they were.

The tests run as root, whom chmod does not stop: a folder that cannot be written or a file that cannot be read
is simulated in-process instead, by making `os.open` refuse it as the system would, and a full disk by making
the writer's `_fill` raise ENOSPC.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.__main__ import main
from generator.output import writer as write
from generator.output.locking import LOCK_FILE
from tests.conftest import FIXTURES, REPOSITORY, run_cli, snapshot

PAPERS = Path("data/papers")
PLAIN = "plain-paper-without-links"


def watched(project: Path) -> dict[str, bytes]:
    """Every file of data/, docs/ and site/ (those that exist)."""
    return {
        f"{name}/{path}": data for name in ("data", "docs", "site") for path, data in snapshot(project / name).items()
    }


def refuse_opening(monkeypatch: pytest.MonkeyPatch, refused: Callable[[str, int], bool], code: int) -> None:
    """Make `os.open` fail with `code` for the paths and flags `refused` picks, as a read-only folder would."""
    real_open = os.open

    def opening(path: Any, flags: int, *arguments: Any, **options: Any) -> int:
        if refused(os.fspath(path), flags):
            raise OSError(code, os.strerror(code), os.fspath(path))
        return real_open(path, flags, *arguments, **options)

    monkeypatch.setattr(os, "open", opening)


def run_main(capsys: pytest.CaptureFixture[str], project: Path, *arguments: str) -> tuple[int, str]:
    """`python -m generator --root PROJECT ARGUMENTS` in this process: its status and its stderr."""
    status = main(["--root", str(project), *arguments])
    return status, capsys.readouterr().err.replace(str(project), "PROJECT")


def test_symbolic_links_in_data_are_refused_wherever_they_point(fixture_project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yml"
    outside.write_bytes((fixture_project / PAPERS / f"{PLAIN}.yml").read_bytes().replace(b"Plain", b"Outer"))
    papers = fixture_project / PAPERS
    (papers / "outer.yml").symlink_to(outside)
    (papers / "dangling.yml").symlink_to(papers / "nothing.yml")
    (papers / "inner.yml").symlink_to(f"{PLAIN}.yml")
    before = watched(fixture_project)
    result = run_cli(fixture_project, "build")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "data/papers/dangling.yml:1: a symbolic link to nothing; symbolic links are not allowed in data/: remove it\n"
        "data/papers/inner.yml:1: a symbolic link; symbolic links are not allowed in data/: put the file itself "
        "here (a second URL is an alias)\n"
        "data/papers/outer.yml:1: a symbolic link out of the repository; symbolic links are not allowed in data/: "
        "put the file itself here\n"
        "3 problems found; nothing was written.\n"
    )
    assert watched(fixture_project) == before


def test_a_tag_vocabulary_that_is_a_link_or_a_folder(fixture_project: Path, tmp_path: Path) -> None:
    tags = fixture_project / "data" / "tags.yml"
    tags.rename(tmp_path / "tags.yml")
    tags.symlink_to(tmp_path / "tags.yml")
    result = run_cli(fixture_project, "check")
    assert (result.returncode, result.stderr) == (
        1,
        "data/tags.yml:1: a symbolic link out of the repository; symbolic links are not allowed in data/: "
        "put the file itself here\n1 problem found; nothing was written.\n",
    )
    tags.unlink()
    tags.mkdir()
    before = watched(fixture_project)
    result = run_cli(fixture_project, "build")
    assert (result.returncode, result.stderr) == (
        1,
        "data/tags.yml:0: a folder where the tag vocabulary file is expected; remove it\n"
        "1 problem found; nothing was written.\n",
    )
    assert watched(fixture_project) == before


def test_a_title_nested_thirty_thousand_levels_deep_is_refused_without_a_crash(fixture_project: Path) -> None:
    deep = "slug: deep\ntitle: " + "[" * 30_000 + "]" * 30_000 + "\n"
    (fixture_project / PAPERS / "deep.yml").write_text(deep, encoding="utf-8")
    result = run_cli(fixture_project, "check")  # a crash of libyaml's composer was a segmentation fault
    assert (result.returncode, result.stderr) == (
        1,
        "data/papers/deep.yml:2: invalid YAML: lists and mappings are nested too deeply here (more than 50 levels)\n"
        "1 problem found; nothing was written.\n",
    )


@pytest.mark.parametrize(
    ("folder", "arguments"),
    [("data", ("build",)), ("docs", ("build", "--markdown-only")), ("", ("build",)), ("data/papers", ("add",))],
    ids=["data", "docs", "site", "papers"],
)
def test_a_folder_that_cannot_be_written_stops_the_command_before_anything(
    fixture_project: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    folder: str,
    arguments: tuple[str, ...],
) -> None:
    assert run_main(capsys, fixture_project, "build", "--markdown-only")[0] == 0
    before = watched(fixture_project)
    refused = os.path.normpath(fixture_project / folder)

    def in_refused(path: str, flags: int) -> bool:  # the lock file in the project root is let be
        return os.path.dirname(path) == refused and bool(flags & os.O_CREAT) and not path.endswith(LOCK_FILE)

    refuse_opening(monkeypatch, in_refused, errno.EROFS)
    extra = ("--title", "A New Paper", "--abstract", "Its abstract.") if arguments == ("add",) else ()
    status, stderr = run_main(capsys, fixture_project, *arguments, *extra)
    shown = {"": "site"}.get(folder, folder)
    assert (status, stderr) == (
        1,
        f"{shown}:0: cannot be written (Read-only file system); make it writable, then run this again\n"
        "1 problem found; nothing was written.\n",
    )
    assert watched(fixture_project) == before
    assert not (fixture_project / "site").exists()


def full_disk_after(monkeypatch: pytest.MonkeyPatch, files: int) -> None:
    """The disk fills up while the file after the first `files` ones is written."""
    real_fill = write._fill
    count = [0]

    def fill(stream: Any, content: bytes, durable: bool) -> None:
        count[0] += 1
        if count[0] > files:
            stream.write(content[: len(content) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fill(stream, content, durable)

    monkeypatch.setattr(write, "_fill", fill)


def temporaries(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.name.endswith(".tmp")]


def test_a_full_disk_while_writing_the_markdown_leaves_docs_as_it_was(
    fixture_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run_main(capsys, fixture_project, "build", "--markdown-only")[0] == 0
    paper = fixture_project / PAPERS / f"{PLAIN}.yml"
    paper.write_text(paper.read_text(encoding="utf-8").replace("A short abstract.", "A new abstract."), "utf-8")
    before = watched(fixture_project)
    full_disk_after(monkeypatch, 3)
    status, stderr = run_main(capsys, fixture_project, "build", "--markdown-only")
    assert status == 1
    assert stderr.count("\n") == 1
    assert stderr.startswith("docs/") and stderr.endswith(":0: No space left on device; the command stopped\n")
    assert watched(fixture_project) == before
    assert temporaries(fixture_project) == []


def test_a_full_disk_while_importing_leaves_data_as_it_was(
    fixture_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    listing = fixture_project / "new.txt"
    blocks = [f"A Study of Topic {number}\n\nWe study topic {number} in speech.\n" for number in range(5)]
    listing.write_text("Mar 18\n\n" + "\n".join(blocks), encoding="utf-8")
    before = watched(fixture_project)
    full_disk_after(monkeypatch, 2)
    status, stderr = run_main(capsys, fixture_project, "import", str(listing))
    assert (status, stderr) == (
        1,
        "data/papers/a-study-of-topic-2.yml:0: No space left on device; the command stopped\n",
    )
    assert watched(fixture_project) == before
    assert temporaries(fixture_project) == []


def test_a_paper_file_that_cannot_be_read(
    fixture_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    paper = os.fspath(fixture_project / PAPERS / f"{PLAIN}.yml")
    refuse_opening(monkeypatch, lambda path, flags: path == paper, errno.EACCES)
    before = watched(fixture_project)
    assert run_main(capsys, fixture_project, "build", "--markdown-only") == (
        1,
        f"data/papers/{PLAIN}.yml:0: cannot be read (Permission denied); check the file's permissions\n"
        "1 problem found; nothing was written.\n",
    )
    assert watched(fixture_project) == before


def test_a_site_folder_that_mkdocs_cannot_make(fixture_project: Path) -> None:
    (fixture_project / "in-the-way").write_text("a file\n", encoding="utf-8")
    before = watched(fixture_project)
    result = run_cli(fixture_project, "build", "--site-dir", str(fixture_project / "in-the-way" / "site"))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "in-the-way/site:0: cannot be written: in-the-way is a file, where a folder is needed\n"
        "1 problem found; nothing was written.\n"
    )
    assert watched(fixture_project) == before


HOLD_LOCK = """
import sys
from pathlib import Path
from generator.output.locking import project_lock
with project_lock(Path(sys.argv[1]), "build"):
    print("locked", flush=True)
    sys.stdin.read()
"""


def test_a_second_run_stops_while_another_one_writes(fixture_project: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(fixture_project)],
        cwd=REPOSITORY,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        before = watched(fixture_project)
        for command in (("build",), ("import", str(FIXTURES / "listings" / "crlf-listing.txt")), ("serve",)):
            result = run_cli(fixture_project, *command)
            assert (result.returncode, result.stdout) == (1, "")
            assert result.stderr == (
                f"{LOCK_FILE}:0: another build, serve, import or add is writing in this checkout "
                f"(process {holder.pid}: build); run this one again when it has finished\n"
            )
        assert watched(fixture_project) == before
        assert run_cli(fixture_project, "check").returncode == 0  # reading needs no lock
    finally:
        holder.communicate("")
    assert holder.returncode == 0
    assert not (fixture_project / LOCK_FILE).exists()
    assert run_cli(fixture_project, "build", "--markdown-only").returncode == 0


def test_two_builds_at_once_never_both_write(fixture_project: Path) -> None:
    """Whichever starts first builds; the other either stops with the message or runs once the first is done."""
    command = [sys.executable, "-m", "generator", "--root", str(fixture_project), "build"]
    runs = [subprocess.Popen(command, cwd=REPOSITORY, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)]
    runs.append(subprocess.Popen(command, cwd=REPOSITORY, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    results = [(run.wait(timeout=300), *run.communicate()) for run in runs]
    assert sorted(status for status, _, _ in results)[0] == 0, results
    for status, _, stderr in results:
        assert "Traceback" not in stderr
        if status:
            assert stderr.startswith(f"{LOCK_FILE}:0: another build, serve, import or add is writing"), stderr
            assert stderr.count("\n") == 1
    built = snapshot(fixture_project / "site")
    assert run_cli(fixture_project, "build").returncode == 0
    assert snapshot(fixture_project / "site").keys() == built.keys()
    assert [path for path in fixture_project.iterdir() if path.name.startswith(".")] == []


def test_the_next_run_removes_what_a_killed_run_left(fixture_project: Path) -> None:
    assert run_cli(fixture_project, "build", "--markdown-only").returncode == 0
    left = [
        PAPERS / f".{PLAIN}.yml.4242.tmp",
        PAPERS / ".a-new-paper.yml.0123456789ab.tmp",
        Path("data/.published-urls.txt.4242.tmp"),
        Path("docs/.index.md.4242.tmp"),
        Path(f"docs/papers/{PLAIN}/.index.md.4242.tmp"),
        Path("docs/search/.entry.json.4242.tmp"),
        Path("data/.papershelf-probe.4242.tmp"),
    ]
    kept = [PAPERS / "notes.tmp", Path("docs/.keep.tmp"), Path("docs/stylesheets/.x.css.4242.tmp")]
    for path in left + kept:
        (fixture_project / path).parent.mkdir(parents=True, exist_ok=True)
        (fixture_project / path).write_text("half", encoding="utf-8")
    (fixture_project / ".site.4242.tmp" / "papers").mkdir(parents=True)
    (fixture_project / ".site.old.4242.tmp").mkdir()
    listing = fixture_project / "one.txt"
    listing.write_text("Mar 18\n\nA New Paper\n\nIts abstract.\n", encoding="utf-8")
    result = run_cli(fixture_project, "import", str(listing))
    assert result.returncode == 0, result.stderr
    assert [path for path in left if (fixture_project / path).exists()] == []
    assert [path for path in kept if not (fixture_project / path).exists()] == []
    assert not (fixture_project / ".site.4242.tmp").exists()
    assert not (fixture_project / ".site.old.4242.tmp").exists()
