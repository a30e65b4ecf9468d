"""MkDocs hooks (mkdocs.yml `hooks:`): edit actions that open a page's data file; Markdown converted on every
core for `mkdocs build` (see convert.py); the papers the 404 page offers; sitemaps in parts."""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

from generator.mkdocs.convert import Conversions
from generator.mkdocs.notfound import offered_papers
from generator.site.render import source_of_page
from generator.site.sitemap import split_sitemap

# The command MkDocs runs. Only `build` converts pages in helper processes: `serve` rebuilds in a process that
# also runs a web server's threads, and forking a process with threads may copy a lock some thread holds.
_command: list[str] = []
_conversions = Conversions()


def on_startup(command: str, dirty: bool) -> None:
    _command[:] = [command]


def on_files(files: Any, config: Any) -> Any:
    """Point each page's `edit_uri` at its data file, relative to docs_dir, as MkDocs joins it to edit_uri."""
    root = Path(config.config_file_path).parent
    to_root = posixpath.relpath(root.as_posix(), Path(config.docs_dir).as_posix())
    for file in files.documentation_pages():
        source = source_of_page(file.src_uri)
        file.edit_uri = posixpath.join(to_root, source) if source is not None else None
    return files


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    if _command == ["build"]:
        _conversions.convert_pages(config, files)
    return nav


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    return _conversions.markdown_for(markdown, page)


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    return _conversions.content_for(html, page, files)


def on_template_context(context: Any, template_name: str, config: Any) -> Any:
    if template_name == "404.html":
        context["offered_papers"] = offered_papers(Path(config.docs_dir) / "feed.xml", str(config.site_url or "/"))
    return context


def on_build_error(error: Exception) -> None:
    _conversions.clear()


def on_post_build(config: Any) -> None:
    """A sitemap over the protocol's limit of URLs becomes an index of parts."""
    _conversions.clear()
    split_sitemap(Path(config.site_dir), str(config.site_url or "/"))
