"""An Atom 1.0 feed of the most recently added papers, built with ElementTree. Strings out, no I/O."""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence

from generator.catalog.model import Paper, newest_first
from generator.listings.text import normalize_space

ATOM_NAMESPACE = "http://www.w3.org/2005/Atom"
FEED_AUTHOR = "PaperShelf"
# The `updated` of a feed without entries: fixed, so that building twice gives the same bytes.
EMPTY_FEED_UPDATED = "1970-01-01T00:00:00Z"
# Everything outside XML 1.0's Char production: C0 controls except tab and line breaks, lone surrogates, U+FFFE/F.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold (ElementTree would write them as they are)."""
    return XML_ILLEGAL.sub("", text)


def plain(text: str) -> str:
    """One line of text for a title or summary: illegal characters dropped, white space folded."""
    return normalize_space(xml_text(text))


def rfc3339(date: datetime.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def sub_element(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {name: xml_text(value) for name, value in attributes.items()})
    if text is not None:
        element.text = text
    return element


def add_author(parent: ET.Element, name: str) -> None:
    sub_element(sub_element(parent, "author"), "name", plain(name))


def add_entry(feed: ET.Element, paper: Paper, url: str) -> None:
    entry = sub_element(feed, "entry")
    sub_element(entry, "id", xml_text(url))
    sub_element(entry, "title", plain(paper.title), type="text")
    sub_element(entry, "link", rel="alternate", type="text/html", href=url)
    sub_element(entry, "published", rfc3339(paper.added))
    sub_element(entry, "updated", rfc3339(paper.added))
    for name in paper.authors:
        add_author(entry, name)
    for tag in paper.all_tags:
        sub_element(entry, "category", term=tag)
    sub_element(entry, "summary", plain(paper.abstract), type="text")


def atom_feed(
    papers: Sequence[Paper],
    *,
    title: str,
    feed_url: str,
    page_url: str,
    url_of: Callable[[Paper], str],
    limit: int = 50,
) -> str:
    """An Atom 1.0 document of the `limit` most recently added papers (see `newest_first`); `updated` is the newest
    `added` date."""
    if limit < 0:
        raise ValueError(f"limit must not be negative, not {limit}")
    ordered = newest_first(papers)
    feed = ET.Element("feed", xmlns=ATOM_NAMESPACE)
    sub_element(feed, "id", xml_text(feed_url))
    sub_element(feed, "title", plain(title), type="text")
    sub_element(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    sub_element(feed, "link", rel="alternate", type="text/html", href=page_url)
    sub_element(feed, "updated", rfc3339(ordered[0].added) if ordered else EMPTY_FEED_UPDATED)
    add_author(feed, FEED_AUTHOR)
    for paper in ordered[:limit]:
        add_entry(feed, paper, url_of(paper))
    ET.indent(feed, space="  ")
    # Bytes, so the declaration names UTF-8 (with encoding="unicode" it would name the locale's encoding).
    document: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return document.decode("utf-8") + "\n"
