"""`python -m generator.mkdocs.command ARGUMENTS`: MkDocs' command line, with a failure of the system (a full disk, a
folder that cannot be written) told in one line, `path:0: why`, rather than as MkDocs' traceback."""

from __future__ import annotations

import os
import re
import sys

from mkdocs.__main__ import cli

# The exit status for such a failure, which has been told in full: the caller need not add to it.
SYSTEM_FAILURE = 3
# The folder `generator.pipeline.run_mkdocs` builds the site in, `.NAME.PID.tmp` beside the site NAME.
STAGED = re.compile(r"(^|/)\.([^/]+)\.[0-9]+\.tmp(?=/|$)")


def shown(path: str) -> str:
    """`path` relative to the current folder when inside it, with the site folder that is being built named as
    the site it becomes."""
    relative = os.path.relpath(path)
    return STAGED.sub(r"\1\2", path if relative.startswith("..") else relative)


def main() -> int:
    try:
        cli(prog_name="mkdocs")
    except OSError as error:
        target = error.filename2 if error.filename2 is not None else error.filename
        where = f"{shown(os.fsdecode(target))}:0: " if target is not None else ""
        print(f"{where}{error.strerror or error}; MkDocs stopped, and the site was left as it was", file=sys.stderr)
        return SYSTEM_FAILURE
    return 0


if __name__ == "__main__":
    sys.exit(main())
