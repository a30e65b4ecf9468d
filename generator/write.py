"""The one place generated files reach the disk: atomic, only when changed, stale files removed."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.progress import progress

# What a generated file holds: text, written as UTF-8, or bytes written as they are (gzip-compressed exports).
FileContent = str | bytes


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def write_atomically(path: Path, content: bytes, durable: bool = True) -> None:
    """Replace `path` in one step, so a killed run leaves either the old file or the new one.

    `durable` also waits for the disk, so that a power cut cannot lose it: for data curators wrote,
    not for pages the next build makes again.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_files(
    root: Path, files: Mapping[str, FileContent], owned: Iterable[str] = (), durable: bool = True
) -> WriteReport:
    """Write `files` (relative path to text or bytes) under `root`.

    Paths in `owned` (folders or files, relative to `root`) belong to the generator: whatever is
    there and not in `files` is removed, so a paper that left the catalog leaves no page behind.
    """
    report = WriteReport()
    for relative, value in progress(sorted(files.items()), "Writing files"):
        path = root / relative
        content = encoded(value)
        if path.is_file() and path.read_bytes() == content:
            report.unchanged.append(relative)
            continue
        write_atomically(path, content, durable)
        report.written.append(relative)
    for relative in owned:
        report.removed += _remove_stale(root, root / relative, files)
    return report


def encoded(content: FileContent) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def _remove_stale(root: Path, owned: Path, keep: Mapping[str, FileContent]) -> list[str]:
    candidates = sorted(owned.rglob("*")) if owned.is_dir() else [owned] if owned.exists() else []
    removed: list[str] = []
    for path in candidates:
        relative = path.relative_to(root).as_posix()
        if path.is_file() and relative not in keep:
            path.unlink()
            removed.append(relative)
    return removed
