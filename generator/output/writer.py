"""The one place generated files reach the disk: atomic, only when changed, stale files removed."""

from __future__ import annotations

import errno
import os
import re
import secrets
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from generator.runtime.progress import progress

NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
# What a generated file holds: text, written as UTF-8, or bytes written as they are (gzip-compressed exports).
FileContent = str | bytes


# A new file's content waiting beside it, in the temporary file named for it, to replace it: (temporary, path).
Staged = list[tuple[str, str]]
# The names `_temporary_beside` gives: `.NAME.PID.tmp`, or `.NAME.` and 12 hexadecimal digits `.tmp`.
TEMPORARY_NAME = re.compile(r"\..+\.(?:[0-9]+|[0-9a-f]{12})\.tmp")


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    # The written files whose content still waits to replace them (see `write_changed`), once sent back.
    staged: Staged = field(default_factory=list, compare=False, repr=False)


def write_atomically(path: Path | str, content: bytes, durable: bool = True) -> None:
    """Replace `path` in one step, so a killed run leaves either the old file or the new one.

    `durable` also waits for the disk, so that a power cut cannot lose it: for data curators wrote,
    not for pages the next build makes again.
    """
    path = os.fspath(path)
    commit([(stage(path, content, durable), path)])


def stage(path: str, content: bytes, durable: bool = True) -> str:
    """A temporary file beside `path` holding `content` whole, to replace `path` with (see `commit`).

    When writing fails (a full disk, a folder that cannot be written), nothing is left behind and the OSError
    names `path`, whatever the system call it came from named."""
    try:
        try:
            handle, temporary = _temporary_beside(path)
        except (FileNotFoundError, NotADirectoryError):  # a new folder: made then, rather than checked for each file
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = _temporary_beside(path)
    except OSError as error:
        raise _naming(error, path) from error
    try:
        with os.fdopen(handle, "wb") as stream:
            _fill(stream, content, durable)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _naming(error, path) from error
        raise
    return temporary


def _fill(stream: BinaryIO, content: bytes, durable: bool) -> None:
    stream.write(content)
    if durable:
        stream.flush()
        os.fsync(stream.fileno())


def commit(staged: Staged) -> None:
    """Replace each file with its staged content; if one cannot be, the staged files left are removed."""
    for index, (temporary, path) in enumerate(staged):
        try:
            os.replace(temporary, path)
        except BaseException as error:
            discard(staged[index:])
            if isinstance(error, OSError):
                raise _naming(error, path) from error
            raise


def discard(staged: Staged) -> None:
    for temporary, _ in staged:
        Path(temporary).unlink(missing_ok=True)


def _naming(error: OSError, path: str) -> OSError:
    """`error` as an OSError of its kind (PermissionError, say) about `path`."""
    if error.filename == path:
        return error
    return OSError(error.errno, error.strerror or str(error), path)


def remove_temporaries(folder: Path | str, recursive: bool = False) -> list[str]:
    """Remove the temporary files `_temporary_beside` names that a killed run left in `folder` (and in the
    folders under it, if `recursive`); the paths removed. Only one run may write at a time for this to be
    safe: see `generator.output.locking`."""
    removed: list[str] = []
    for base, _folders, names in os.walk(folder) if recursive else [(os.fspath(folder), [], _names(folder))]:
        for name in names:
            path = os.path.join(base, name)
            if TEMPORARY_NAME.fullmatch(name) and os.path.isfile(path) and not os.path.islink(path):
                os.unlink(path)
                removed.append(path)
    return removed


def _names(folder: Path | str) -> list[str]:
    try:
        return sorted(os.listdir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return []


def _temporary_beside(path: str) -> tuple[int, str]:
    """A new file in the folder of `path`, open to write its next content, with the permissions a plain
    `open()` gives (0666 less the umask), not mkstemp's 0600: the pages and data files are not secrets.

    Named after this process, which writes one file at a time, rather than at random: for 100,000 small pages
    the random names cost half as much as the writing. A name left by a killed run whose process number came
    back is not reused: a random one is taken then."""
    folder, name = os.path.split(path)
    temporary = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    while True:
        try:
            return os.open(temporary, NEW_FILE, 0o666), temporary
        except FileExistsError:
            temporary = os.path.join(folder, f".{name}.{secrets.token_hex(6)}.tmp")


def write_files(
    root: Path, files: Mapping[str, FileContent], owned: Iterable[str] = (), durable: bool = True
) -> WriteReport:
    """Write `files` (relative path to text or bytes) under `root`.

    Paths in `owned` (folders or files, relative to `root`) belong to the generator: whatever is
    there and not in `files` is removed, so a paper that left the catalog leaves no page behind.
    """
    report = write_changed(root, files, durable)
    report.removed = remove_stale(root, owned, files)
    return report


def write_changed(
    root: Path,
    files: Mapping[str, FileContent],
    durable: bool = True,
    label: str | None = "Writing files",
    replace: bool = True,
) -> WriteReport:
    """Write those of `files` that differ from what is on disk under `root`, showing progress under `label`
    if one is given; remove nothing.

    Every new content is written whole beside its file first, and the files are replaced only once all are
    written: when one cannot be written (a full disk), none is replaced. Unless `replace`, the report's
    `staged` holds them still, for the caller to `commit` with others (or `discard`)."""
    report = WriteReport()
    try:
        _stage_changed(root, files, durable, label, report)
        if replace:
            commit(report.staged)
            report.staged = []
    except BaseException:
        discard(report.staged)
        raise
    return report


def _stage_changed(
    root: Path, files: Mapping[str, FileContent], durable: bool, label: str | None, report: WriteReport
) -> None:
    # Plain strings and os calls rather than a Path per file: for 100,000 files pathlib costs seconds.
    base = os.fspath(root)
    items = sorted(files.items())
    for relative, value in progress(items, label) if label else items:
        if not inside(relative):
            # Unreachable from checked data (slugs and aliases are slugs): a last guard for the generator's own bugs.
            raise ValueError(f"refusing to write {relative!r}, which is not a path inside {base}")
        content = encoded(value)
        if _holds(os.path.join(base, relative), content):
            report.unchanged.append(relative)
            continue
        path = os.path.join(base, relative)
        report.staged.append((stage(path, content, durable), path))
        report.written.append(relative)


def inside(relative: str) -> bool:
    """Whether `relative` names a file below the folder it is relative to: not absolute, no `..`, no empty part."""
    return (
        bool(relative)
        and not relative.startswith("/")
        and all(part not in ("", ".", "..") for part in relative.split("/"))
        and "\\" not in relative
        and "\x00" not in relative
    )


def remove_stale(root: Path, owned: Iterable[str], keep: Container[str]) -> list[str]:
    """Remove the files under the paths in `owned` (relative to `root`) that are not in `keep`."""
    removed: list[str] = []
    for relative in owned:
        removed += _remove_stale(os.fspath(root), relative, keep)
    return removed


def merged(reports: Iterable[WriteReport]) -> WriteReport:
    """One report of files written in parts (by several processes, say), in the order `write_files` gives."""
    report = WriteReport()
    for part in reports:
        report.written += part.written
        report.unchanged += part.unchanged
        report.removed += part.removed
        report.staged += part.staged
    report.written.sort()
    report.unchanged.sort()
    return report


def encoded(content: FileContent) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


# Why a path holds no file, as Path.is_file() tells it: nothing there, a folder, or a loop of links.
NOT_A_FILE = frozenset({errno.ENOENT, errno.ENOTDIR, errno.EISDIR, errno.ELOOP, errno.EBADF})


def _holds(path: str, content: bytes) -> bool:
    """Whether `path` is a file holding exactly `content`; a file of another size is not read."""
    try:
        with open(path, "rb") as stream:
            return os.fstat(stream.fileno()).st_size == len(content) and stream.read() == content
    except OSError as error:
        if error.errno in NOT_A_FILE:
            return False
        raise


def _remove_stale(base: str, owned: str, keep: Container[str]) -> list[str]:
    """Remove the files under `owned` (relative to `base`, a folder or a file) that are not in `keep`."""
    top = os.path.join(base, owned)
    if os.path.isdir(top):
        candidates = [
            os.path.relpath(os.path.join(folder, name), base)
            for folder, folders, names in os.walk(top)
            for name in folders + names
        ]
    else:
        candidates = [owned] if os.path.lexists(top) else []
    removed: list[str] = []
    # In the order of Path objects, part by part, as before: "tags/a/x" comes before "tags/a-b/x".
    for relative in sorted((candidate.replace(os.sep, "/") for candidate in candidates), key=_parts):
        path = os.path.join(base, relative)
        if relative not in keep and os.path.isfile(path):
            os.unlink(path)
            removed.append(relative)
    return removed


def _parts(relative: str) -> list[str]:
    return relative.split("/")
