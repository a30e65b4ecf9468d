"""MkDocs hooks (mkdocs.yml `hooks:`): edit actions that open a page's data file, and the search index."""

from __future__ import annotations

import os
import posixpath
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from generator.render import source_of_page
from generator.search_index import index_site


def on_files(files: Any, config: Any) -> Any:
    """Point each page's `edit_uri` at its data file, relative to docs_dir, as MkDocs joins it to edit_uri."""
    root = Path(config.config_file_path).parent
    to_root = posixpath.relpath(root.as_posix(), Path(config.docs_dir).as_posix())
    for file in files.documentation_pages():
        source = source_of_page(file.src_uri)
        file.edit_uri = posixpath.join(to_root, source) if source is not None else None
    return files


def on_post_build(config: Any) -> None:
    """Index the built paper pages, for `build` and `serve` alike (the benchmark times it on its own)."""
    if os.environ.get("PAPERSHELF_SKIP_SEARCH_INDEX") == "1":
        return
    result = index_site(Path(config.site_dir))
    if result.returncode != 0:
        raise PluginError(f"the Pagefind search index could not be built:\n{result.stdout}{result.stderr}")
