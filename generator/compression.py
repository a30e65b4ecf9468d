"""The exports as published: gzip-compressed, and reproducibly so (the same text always gives the same bytes)."""

from __future__ import annotations

import gzip
from collections.abc import Mapping

SUFFIX = ".gz"


def gzip_text(text: str) -> bytes:
    """`text` as UTF-8, gzip-compressed with neither a timestamp nor a file name in its header."""
    return gzip.compress(text.encode("utf-8"), mtime=0)


def gzipped(files: Mapping[str, str]) -> dict[str, bytes]:
    """Each file compressed, under its path with `.gz` added."""
    return {path + SUFFIX: gzip_text(text) for path, text in files.items()}
