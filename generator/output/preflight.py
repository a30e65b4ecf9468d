"""What a writing command checks before its expensive work: that every folder it will write in can be written,
by writing a file there and removing it (permissions alone would not tell of a read-only disk)."""

from __future__ import annotations

import os
from pathlib import Path

from generator.catalog.store import PAPERS_DIR, display_path
from generator.errors import Problem
from generator.output.writer import NEW_FILE

# Named as `generator.output.writer` names its temporary files, so that one left by a killed run is removed by the next.
PROBE = ".papershelf-probe.{pid}.tmp"


def unwritable(folder: Path, root: Path, beside: bool = False) -> Problem | None:
    """Why files cannot be written in `folder` (made when missing, as writing does), or beside it if `beside`,
    if they cannot."""
    shown = display_path(folder, root)
    existing = folder.parent if beside else folder
    while not os.path.lexists(existing) and existing.parent != existing:
        existing = existing.parent
    if not existing.is_dir():
        in_the_way = display_path(existing, root)
        return Problem(shown, 0, f"cannot be written: {in_the_way} is a file, where a folder is needed")
    probe = existing / PROBE.format(pid=os.getpid())
    try:
        os.close(os.open(probe, NEW_FILE, 0o666))
        probe.unlink()
    except OSError as error:
        reason = error.strerror or str(error)
        return Problem(shown, 0, f"cannot be written ({reason}); make it writable, then run this again")
    return None


def folders_written(root: Path, command: str, site_dir: Path | None, markdown_only: bool) -> list[tuple[Path, bool]]:
    """The folders `command` writes in: its pages, its data files (the manifest of published URLs for a build),
    and the site, which MkDocs builds beside it (True: written beside)."""
    if command in ("import", "add", "retag", "enrich"):
        return [(root / "data" / PAPERS_DIR, False)]
    if command == "stars":
        return [(root / "data", False)]
    if command == "serve" or markdown_only:
        return [(root / "docs", False)]
    return [(root / "docs", False), (root / "data", False), (site_dir or root / "site", True)]


def unwritable_folders(root: Path, command: str, site_dir: Path | None, markdown_only: bool) -> list[Problem]:
    written = folders_written(root, command, site_dir, markdown_only)
    found = (unwritable(folder, root, beside) for folder, beside in written)
    return [problem for problem in found if problem is not None]
