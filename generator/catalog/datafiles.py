"""What data/ holds on disk, read as the repository holds it: plain files only.

A symbolic link in data/ is refused, wherever it points: one out of the repository would publish (and, in CI,
read) a file the repository does not hold, a dangling one names nothing, and one inside the repository gives
a second URL to a paper, which `aliases` does properly. Folders, other special files and paper files named
`.yaml` or `.YML` (which a build would otherwise skip without a word) are refused too, each as
`path:line: message`; a file that cannot be read is reported the same way, never as a traceback.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Problem

PAPER_SUFFIX = ".yml"
# Names a curator may have meant as paper files: reported, with the name to give them.
PAPER_LIKE_SUFFIXES = (".yml", ".yaml")
LINKS_REFUSED = "symbolic links are not allowed in data/"
# Opening a data file never follows a link that appeared after the folder was listed.
READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


@dataclass(frozen=True)
class SourceFile:
    """The bytes of one data file and its path as curators see it (relative to the project root)."""

    path: str
    data: bytes


def link_problem(path: str, shown: str, root: Path) -> Problem:
    """Why the symbolic link at `path` (shown as `shown`) is refused: where it points, and what to do."""
    target = Path(os.path.realpath(path))
    if not target.exists():
        return Problem(shown, 1, f"a symbolic link to nothing; {LINKS_REFUSED}: remove it")
    if not target.is_relative_to(root):
        return Problem(shown, 1, f"a symbolic link out of the repository; {LINKS_REFUSED}: put the file itself here")
    return Problem(shown, 1, f"a symbolic link; {LINKS_REFUSED}: put the file itself here (a second URL is an alias)")


def unreadable(shown: str, error: OSError) -> Problem:
    return Problem(shown, 0, f"cannot be read ({error.strerror or error}); check the file's permissions")


def read_file(path: str, shown: str, root: Path) -> SourceFile | Problem:
    """The bytes of the plain file at `path`, or the problem that keeps it from being read."""
    try:
        handle = os.open(path, READ_FLAGS)
    except OSError as error:
        if Path(path).is_symlink():  # ELOOP: a link that appeared since the folder was listed
            return link_problem(path, shown, root)
        return unreadable(shown, error)
    try:
        with os.fdopen(handle, "rb") as stream:
            return SourceFile(shown, stream.read())
    except IsADirectoryError:
        return Problem(shown, 0, "a folder where a file is expected; remove it or give it another name")
    except OSError as error:
        return unreadable(shown, error)


def folder_problem(path: Path, shown: str, root: Path) -> Problem | None:
    """Why the folder `path` of data files cannot be used, if it cannot: a link, a file, or unreadable."""
    if path.is_symlink():
        return link_problem(os.fspath(path), shown, root)
    if path.exists() and not path.is_dir():
        return Problem(shown, 0, "a file where a folder is expected; move it away")
    return None


def misnamed(name: str) -> bool:
    return name.lower().endswith(PAPER_LIKE_SUFFIXES) and not name.endswith(PAPER_SUFFIX)


def scan_papers(folder: Path, shown: str, root: Path) -> tuple[list[str], list[Problem]]:
    """The sorted names of the paper files in `folder` to read, and a problem for each entry that looks like a
    paper file and is not one. Only the folder is listed: no file is looked at on its own (for a catalog of
    100,000 files, what the listing tells is enough)."""
    refused = folder_problem(folder, shown, root)
    if refused is not None:
        return [], [refused]
    try:
        with os.scandir(folder) as scanned:
            entries = sorted(
                (entry for entry in scanned if entry.name.lower().endswith(PAPER_LIKE_SUFFIXES)),
                key=lambda entry: entry.name,
            )
    except FileNotFoundError:
        return [], []
    except OSError as error:
        return [], [unreadable(shown, error)]
    names: list[str] = []
    problems: list[Problem] = []
    for entry in entries:
        where = f"{shown}/{entry.name}"
        if entry.is_symlink():
            problems.append(link_problem(entry.path, where, root))
        elif misnamed(entry.name):
            stem = entry.name[: entry.name.rfind(".")]
            problems.append(Problem(where, 1, f"paper files end in .yml; rename it to {stem}{PAPER_SUFFIX}"))
        elif entry.is_dir(follow_symlinks=False):
            problems.append(Problem(where, 0, "a folder where a paper file is expected; remove it or rename it"))
        elif not entry.is_file(follow_symlinks=False):
            problems.append(Problem(where, 0, "not a plain file; a paper is a plain text file"))
        else:
            names.append(entry.name)
    return names, problems


def read_tags_file(path: Path, shown: str, root: Path) -> SourceFile | Problem | None:
    """The tag vocabulary's file, None when there is none, or the problem that keeps it from being read."""
    if path.is_symlink():
        return link_problem(os.fspath(path), shown, root)
    if not path.exists():
        return None
    if path.is_dir():
        return Problem(shown, 0, "a folder where the tag vocabulary file is expected; remove it")
    return read_file(os.fspath(path), shown, root)
