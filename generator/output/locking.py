"""One writing command at a time per checkout: `build`, `serve` (while it writes the Markdown), `import` and
`add` hold a lock on `.papershelf.lock` in the project root, and a second one stops with a clear message
rather than mixing its files with the first one's.

The lock is `flock` on an open file: the system releases it when the process ends, however it ends, so a
killed run never leaves a lock behind (only the file, which means nothing unlocked and is taken over by the
next run). A run removes the file when it is done. On Windows, which has no `flock`, runs are not serialised.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = ".papershelf.lock"


class ProjectBusyError(Exception):
    """Another run holds the project's lock."""


if sys.platform == "win32":

    def _try_lock(handle: int) -> bool:
        return True

else:
    import fcntl

    def _try_lock(handle: int) -> bool:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


@contextmanager
def project_lock(root: Path, command: str) -> Iterator[None]:
    """Hold the lock of the project at `root` while `command` runs; ProjectBusyError if another run holds it.

    The descriptor is not inherited by programs this process runs or becomes (`serve` becomes MkDocs' server):
    the lock ends with the writing."""
    path = root / LOCK_FILE
    handle = _locked(path)
    try:
        os.ftruncate(handle, 0)
        os.pwrite(handle, f"process {os.getpid()}: {command}\n".encode(), 0)
        yield
    finally:
        Path(path).unlink(missing_ok=True)  # still holding it: whoever opened this file finds it gone, see _locked
        os.close(handle)


def _locked(path: Path) -> int:
    """A descriptor of the lock file at `path`, locked by this process.

    The file is removed when the lock is released, so a run may lock a file that was removed meanwhile: it is
    the lock only if it is still the file at `path`, and otherwise the new file is tried."""
    while True:
        handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            if not _try_lock(handle):
                holder = os.pread(handle, 200, 0).decode("utf-8", "replace").strip() or "another process"
                raise ProjectBusyError(
                    f"{LOCK_FILE}:0: another build, serve, import or add is writing in this checkout ({holder}); "
                    "run this one again when it has finished"
                )
            if _same_file(handle, path):
                return handle
        except BaseException:
            os.close(handle)
            raise
        os.close(handle)


def _same_file(handle: int, path: Path) -> bool:
    try:
        on_disk = path.stat()
    except FileNotFoundError:
        return False
    opened = os.fstat(handle)
    return (opened.st_dev, opened.st_ino) == (on_disk.st_dev, on_disk.st_ino)
