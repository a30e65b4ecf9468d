"""What the generator writes, listed once: the build owns these paths, `.gitignore` ignores them, `make clean`
removes them (`python -m generator.output.outputs` prints them), and a test holds `.gitignore` to the list.

Free of imports beyond the standard library, so that `make clean` runs before anything is installed.
"""

from __future__ import annotations

import sys

DOCS = "docs"
# Under docs/: everything else there is written by hand.
DOCS_FOLDERS = ("papers", "tags", "search")
DOCS_FILES = ("index.md", "contributing.md", "data.md", "feed.xml", "papers.json.gz", "papers.bib.gz")
# Published uncompressed by earlier builds: owned still, so that a build removes them from docs/.
RETIRED = ("papers.json", "papers.bib")
GENERATED = (*DOCS_FILES, *DOCS_FOLDERS, *RETIRED)
SITE = "site"
LOCK_FILE = ".papershelf.lock"
# What the tooling keeps between runs to be faster (the trained tagger): safe to remove at any time.
CACHE = ".cache"


def ignored() -> list[str]:
    """The lines of `.gitignore` for what the generator writes (the retired exports are written no more)."""
    return [
        f"/{SITE}/",
        *(f"{DOCS}/{name}" for name in DOCS_FILES),
        *(f"{DOCS}/{name}/" for name in DOCS_FOLDERS),
        LOCK_FILE,
        f"/{CACHE}/",
    ]


def removable() -> list[str]:
    """Every path, relative to the project, that `make clean` removes."""
    return [SITE, *(f"{DOCS}/{name}" for name in GENERATED), LOCK_FILE, CACHE]


if __name__ == "__main__":
    sys.stdout.write("".join(f"{path}\n" for path in removable()))
