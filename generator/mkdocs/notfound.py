"""The papers the 404 page offers (overrides/404.html): the newest entries of the site's feed, which the
generator writes into docs/ before MkDocs runs. MkDocs renders the 404 page as a template of the theme's,
without a page of the catalog's to hold them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

ATOM = "{http://www.w3.org/2005/Atom}"
OFFERED = 5


@dataclass(frozen=True)
class OfferedPaper:
    title: str
    path: str  # relative to the site's root, for MkDocs' `url` filter


def offered_papers(feed: Path, site_url: str, limit: int = OFFERED) -> list[OfferedPaper]:
    """The `limit` newest papers of `feed`, an Atom feed of this site; none when there is no feed to read."""
    root = site_url if site_url.endswith("/") else f"{site_url}/"
    try:
        # The feed this build wrote with ElementTree a moment before, not outside data.
        entries = ElementTree.parse(feed).getroot().iter(f"{ATOM}entry")  # noqa: S314
    except (OSError, ElementTree.ParseError):
        return []
    offered: list[OfferedPaper] = []
    for entry in entries:
        link = entry.find(f"{ATOM}link[@rel='alternate']")
        href = link.get("href", "") if link is not None else ""
        title = entry.findtext(f"{ATOM}title", "").strip()
        if title and href.startswith(root):
            offered.append(OfferedPaper(title, href.removeprefix(root)))
        if len(offered) == limit:
            break
    return offered
