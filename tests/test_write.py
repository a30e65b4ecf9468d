"""Writing generated files: atomically, only when changed, stale files removed from owned paths only."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

import pytest

from generator.output import writer as write
from generator.output.writer import WriteReport, write_atomically, write_files

OLD = 1_000_000_000


def tree(root: Path) -> dict[str, str]:
    return {path.relative_to(root).as_posix(): path.read_text("utf-8") for path in root.rglob("*") if path.is_file()}


def test_write_files_writes_new_files(tmp_path: Path) -> None:
    report = write_files(tmp_path, {"index.md": "# Home\n", "papers/a.md": "café\n"})
    assert report == WriteReport(written=["index.md", "papers/a.md"])
    assert tree(tmp_path) == {"index.md": "# Home\n", "papers/a.md": "café\n"}
    assert (tmp_path / "papers" / "a.md").read_bytes() == "café\n".encode()


def test_write_files_skips_unchanged_files(tmp_path: Path) -> None:
    write_files(tmp_path, {"a.md": "same\n", "b.md": "old\n"})
    for name in ("a.md", "b.md"):
        os.utime(tmp_path / name, (OLD, OLD))
    report = write_files(tmp_path, {"a.md": "same\n", "b.md": "new\n"})
    assert report == WriteReport(written=["b.md"], unchanged=["a.md"])
    assert (tmp_path / "a.md").stat().st_mtime == OLD
    assert (tmp_path / "b.md").stat().st_mtime != OLD
    assert tree(tmp_path) == {"a.md": "same\n", "b.md": "new\n"}


def test_write_files_removes_stale_files_under_owned_paths_only(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "papers/kept.md": "k\n",
            "papers/gone.md": "g\n",
            "papers/deep/gone.md": "g\n",
            "tags/gone.md": "g\n",
            "about.md": "mine\n",
            "stylesheets/site.css": "css\n",
        },
    )
    report = write_files(tmp_path, {"papers/kept.md": "k\n"}, owned=["papers", "tags/gone.md", "missing"])
    assert report == WriteReport(
        unchanged=["papers/kept.md"], removed=["papers/deep/gone.md", "papers/gone.md", "tags/gone.md"]
    )
    assert tree(tmp_path) == {"papers/kept.md": "k\n", "about.md": "mine\n", "stylesheets/site.css": "css\n"}


def test_write_files_writes_bytes_as_they_are_and_only_when_changed(tmp_path: Path) -> None:
    binary = b"\x1f\x8b\x08\x00\xff\xfe"  # not UTF-8: written untouched
    report = write_files(tmp_path, {"papers.json.gz": binary, "data.md": "text\n"})
    assert report == WriteReport(written=["data.md", "papers.json.gz"])
    assert (tmp_path / "papers.json.gz").read_bytes() == binary
    os.utime(tmp_path / "papers.json.gz", (OLD, OLD))
    report = write_files(tmp_path, {"papers.json.gz": binary, "data.md": "text\n"})
    assert report == WriteReport(unchanged=["data.md", "papers.json.gz"])
    assert (tmp_path / "papers.json.gz").stat().st_mtime == OLD
    report = write_files(tmp_path, {"papers.json.gz": binary + b"\x00"})
    assert report == WriteReport(written=["papers.json.gz"])
    assert (tmp_path / "papers.json.gz").read_bytes() == binary + b"\x00"


def test_write_files_removes_stale_files_beside_bytes(tmp_path: Path) -> None:
    write_files(tmp_path, {"tags/a/papers.bib": "old\n", "tags/a/papers.bib.gz": b"\x1f\x8b"})
    report = write_files(tmp_path, {"tags/a/papers.bib.gz": b"\x1f\x8b"}, owned=["tags"])
    assert report == WriteReport(unchanged=["tags/a/papers.bib.gz"], removed=["tags/a/papers.bib"])
    assert sorted(path.name for path in (tmp_path / "tags" / "a").iterdir()) == ["papers.bib.gz"]


def test_write_atomically_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "page.md"
    write_atomically(target, b"one")
    write_atomically(target, b"two")
    assert target.read_bytes() == b"two"
    assert sorted(path.name for path in target.parent.iterdir()) == ["page.md"]


def test_write_atomically_keeps_the_old_file_when_replacing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "page.md"
    target.write_bytes(b"old")

    def fail(source: str, target: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["page.md"]


def test_write_atomically_leaves_a_temporary_file_of_a_killed_run_alone(tmp_path: Path) -> None:
    target = tmp_path / "page.md"
    left = tmp_path / f".page.md.{os.getpid()}.tmp"  # as a killed run whose process number came back left it
    left.write_bytes(b"half")
    write_atomically(target, b"whole")
    assert target.read_bytes() == b"whole"
    assert left.read_bytes() == b"half"
    assert len(list(tmp_path.iterdir())) == 2


def test_written_files_get_the_permissions_open_gives(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        write_atomically(tmp_path / "page.md", b"whole")
        (tmp_path / f".again.md.{os.getpid()}.tmp").write_bytes(b"half")  # the fallback name too
        write_atomically(tmp_path / "again.md", b"whole")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "page.md").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "again.md").stat().st_mode) == 0o644


def test_stale_files_are_removed_in_path_order(tmp_path: Path) -> None:
    stale = {"tags/a-b/feed.xml": "x", "tags/a/feed.xml": "x", "tags/a.md": "x", "tags/a/b/c.bib": "x"}
    write_files(tmp_path, stale)
    report = write_files(tmp_path, {}, owned=["tags"])
    assert report.removed == [str(path) for path in sorted(Path(relative) for relative in stale)]
    assert report.removed == ["tags/a/b/c.bib", "tags/a/feed.xml", "tags/a-b/feed.xml", "tags/a.md"]


def test_a_file_of_the_same_size_is_compared_byte_for_byte(tmp_path: Path) -> None:
    write_files(tmp_path, {"a.md": "one\n"})
    assert write_files(tmp_path, {"a.md": "two\n"}).written == ["a.md"]
    assert (tmp_path / "a.md").read_text() == "two\n"


def test_a_full_disk_replaces_no_file_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_files(tmp_path, {"a.md": "old a\n", "b.md": "old b\n", "c.md": "old c\n"})
    real_fill = write._fill

    def fill(stream: BinaryIO, content: bytes, durable: bool) -> None:
        if content.startswith(b"new c"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fill(stream, content, durable)

    monkeypatch.setattr(write, "_fill", fill)
    with pytest.raises(OSError, match="No space left on device") as raised:
        write_files(tmp_path, {"a.md": "new a\n", "b.md": "new b\n", "c.md": "new c\n", "d/e.md": "new e\n"})
    assert raised.value.errno == errno.ENOSPC
    assert raised.value.filename == os.path.join(tmp_path, "c.md")  # the file, not its temporary name
    assert tree(tmp_path) == {"a.md": "old a\n", "b.md": "old b\n", "c.md": "old c\n"}


def test_remove_temporaries_removes_only_names_the_writer_gives(tmp_path: Path) -> None:
    names = [".a.md.123.tmp", ".a.md.0123456789ab.tmp", "a.md", ".a.md", "a.md.123.tmp", ".a.md.xyz.tmp"]
    for folder in (tmp_path, tmp_path / "deep"):
        folder.mkdir(exist_ok=True)
        for name in names:
            (folder / name).write_text("x", encoding="utf-8")
    (tmp_path / ".folder.1.tmp").mkdir()
    assert write.remove_temporaries(tmp_path) == [os.path.join(tmp_path, name) for name in sorted(names[:2])]
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([*names[2:], "deep", ".folder.1.tmp"])
    assert write.remove_temporaries(tmp_path, recursive=True) == [
        os.path.join(tmp_path, "deep", name) for name in sorted(names[:2])
    ]


@pytest.mark.parametrize("relative", ["../x/index.html", "/etc/x", "papers/../../x", "a//b", "./a", "a\\..\\b", ""])
def test_nothing_is_written_outside_the_folder(tmp_path: Path, relative: str) -> None:
    with pytest.raises(ValueError, match="which is not a path inside"):
        write_files(tmp_path / "docs", {relative: "x"})
    assert not (tmp_path / "x").exists()
