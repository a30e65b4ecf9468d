"""Permalinks that never break: the manifest of published URLs, and redirects from old slugs (aliases)."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path

from generator.catalog.model import Catalog
from generator.catalog.slugs import slug_problem
from generator.errors import Problem
from generator.site.templating import template_environment

MANIFEST = "data/published-urls.txt"
MANIFEST_HEADER = """\
# Every paper and tag URL the site has published, relative to the site's root. `build` adds new ones;
# `check` fails if one would disappear. When a paper's slug changes or two papers are merged, keep the
# old slug in the `aliases` list of the paper it became: its URL then redirects there.
"""
URL_PATTERN = re.compile(r"(papers|tags)/[a-z0-9]+(?:-[a-z0-9]+)*/")


@dataclass(frozen=True)
class ManifestEntry:
    """A published URL and where it is recorded: a line of the manifest, or a page of a git revision."""

    url: str
    line: int
    source: str = MANIFEST


def page_urls(catalog: Catalog) -> set[str]:
    """The URL of every paper and tag page, relative to the site's root."""
    return {f"papers/{paper.slug}/" for paper in catalog.papers} | {f"tags/{tag.slug}/" for tag in catalog.tags}


def redirects(catalog: Catalog) -> dict[str, str]:
    """Old URL to current URL, for every alias of a paper or a tag.

    `check` refuses an alias or slug that is not a slug of its own; one that reaches here all the same is
    left out, so that a redirect is only ever written at `papers/<slug>/` or `tags/<slug>/` inside docs/."""
    moved = {
        f"papers/{alias}/": f"papers/{paper.slug}/"
        for paper in catalog.papers
        for alias in paper.aliases
        if _is_slug(alias) and _is_slug(paper.slug)
    }
    return moved | {
        f"tags/{alias}/": f"tags/{tag.slug}/"
        for tag in catalog.tags
        for alias in tag.aliases
        if _is_slug(alias) and _is_slug(tag.slug)
    }


def _is_slug(name: str) -> bool:
    return slug_problem(name) is None


def read_manifest(root: Path) -> tuple[list[ManifestEntry], list[Problem]]:
    path = root / MANIFEST
    if not path.exists():
        return [], []
    entries: list[ManifestEntry] = []
    problems: list[Problem] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        if URL_PATTERN.fullmatch(url):
            entries.append(ManifestEntry(url, number))
        else:
            problems.append(Problem(MANIFEST, number, f"{url!r} is not a published URL such as papers/<slug>/"))
    return entries, problems


def check_manifest(
    entries: list[ManifestEntry], catalog: Catalog, unreadable: AbstractSet[str] = frozenset()
) -> list[Problem]:
    """A problem for every published URL that is neither a page nor a redirect any more.

    `unreadable` holds the URLs of files that exist but could not be loaded: their own problems say
    what to fix, and repeating them as disappearing URLs would only bury those messages.
    """
    alive = page_urls(catalog) | set(redirects(catalog)) | unreadable
    problems: list[Problem] = []
    for entry in entries:
        if entry.url not in alive:
            kind, slug = entry.url.rstrip("/").split("/")
            owner = "paper" if kind == "papers" else "tag"
            problems.append(
                Problem(
                    entry.source,
                    entry.line,
                    f"the published URL {entry.url} would disappear; add '{slug}' to the `aliases` of the {owner} "
                    f"it became, or restore the {owner}",
                )
            )
    return problems


def published_at(revision: str, catalog: Catalog) -> list[ManifestEntry]:
    """The pages of the catalog at a revision (say, the deployed branch) as published URLs."""
    sources = {f"papers/{paper.slug}/": f"data/papers/{paper.slug}.yml" for paper in catalog.papers}
    sources |= {f"tags/{tag.slug}/": "data/tags.yml" for tag in catalog.tags}
    return [ManifestEntry(url, 0, f"{revision}:{path}") for url, path in sorted(sources.items())]


def render_manifest(entries: list[ManifestEntry], catalog: Catalog) -> str:
    """The manifest with every current page added; published URLs are never dropped."""
    urls = sorted({entry.url for entry in entries if entry.source == MANIFEST} | page_urls(catalog))
    return MANIFEST_HEADER + "".join(f"{url}\n" for url in urls)


def render_redirects(catalog: Catalog) -> dict[str, str]:
    """A redirect page under docs/ for every alias: `papers/<alias>/index.html`, pointing at the current page."""
    template = template_environment(html=True).get_template("redirect.html.j2")
    return {
        f"{old}index.html": template.render(target=f"../../{new}") for old, new in sorted(redirects(catalog).items())
    }
