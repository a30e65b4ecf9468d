"""MkDocs hooks (mkdocs.yml `hooks:`): edit actions that open a page's data file; sitemaps in parts."""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

from generator.render import source_of_page
from generator.sitemap import split_sitemap


def on_files(files: Any, config: Any) -> Any:
    """Point each page's `edit_uri` at its data file, relative to docs_dir, as MkDocs joins it to edit_uri."""
    root = Path(config.config_file_path).parent
    to_root = posixpath.relpath(root.as_posix(), Path(config.docs_dir).as_posix())
    for file in files.documentation_pages():
        source = source_of_page(file.src_uri)
        file.edit_uri = posixpath.join(to_root, source) if source is not None else None
    return files


def on_post_build(config: Any) -> None:
    """A sitemap over the protocol's limit of URLs becomes an index of parts."""
    split_sitemap(Path(config.site_dir), str(config.site_url or "/"))
