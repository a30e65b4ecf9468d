"""URL-like values from data, validated where they are loaded: only the schemes a field allows, a host, and
nothing that could end an attribute, a Markdown link or a line."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

# Characters that would end a URL in HTML, in a Markdown link or in an autolink; RFC 3986 allows none of them.
MARKUP_CHARACTERS = frozenset('<>"`\\')
# White space and invisible characters (controls, format characters such as U+200B, line and paragraph
# separators): a URL holds none, and each can hide what a link really points at.
INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"})
# New-style arXiv identifiers (2401.01234, with a version) and old-style ones (cs/0112017, math.GT/0309136).
# An archive, then a subject class for archives that have them: cs.CL, stat.ML, hep-th, cond-mat.mes-hall.
CATEGORY_PATTERN = re.compile(r"[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]+(?:-[a-z]+)?)?")
ARXIV_PATTERN = re.compile(r"(?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?")
URL_MAX_LENGTH = 2000
# The same rules for an ASCII URL, as almost every URL is: one search instead of a look-up per character.
ASCII_UNSAFE = re.compile(r'[\x00-\x20\x7f<>"`\\]')


def url_problem(url: str, schemes: tuple[str, ...]) -> str | None:
    """What keeps `url` from being linked to safely, or None; `schemes` are those the field allows."""
    if len(url) > URL_MAX_LENGTH:
        return f"is {len(url):,} characters long; {URL_MAX_LENGTH:,} at most"
    if url.isascii():
        unsafe = ASCII_UNSAFE.search(url)
        markup = unsafe is not None and unsafe.group(0) in MARKUP_CHARACTERS
        invisible = unsafe is not None and not markup
    else:
        markup = any(character in MARKUP_CHARACTERS for character in url)
        invisible = any(unicodedata.category(character) in INVISIBLE_CATEGORIES for character in url)
    if markup:
        return 'holds a character no URL may hold (< > " ` or a backslash); percent-encode it'
    if invisible:
        return "holds white space or an invisible character; remove it or percent-encode it"
    try:
        parts = urlsplit(url)
        _ = parts.port
    except ValueError:
        return "is not a URL that parses (check its host and port)"
    allowed = " or ".join(f"{scheme}://" for scheme in schemes)
    if parts.scheme.lower() not in schemes or not url.lower().startswith(tuple(f"{s}://" for s in schemes)):
        return f"is not an {allowed} URL; write it as {schemes[-1]}://host/path"
    if not parts.hostname:
        return f"has no host; write it as {schemes[-1]}://host/path"
    return None


def category_problem(category: str) -> str | None:
    """What is wrong with an arXiv category, or None."""
    if CATEGORY_PATTERN.fullmatch(category):
        return None
    return "is not an arXiv category such as cs.CL or hep-th"


def arxiv_problem(identifier: str) -> str | None:
    """What is wrong with an arXiv identifier, or None."""
    if ARXIV_PATTERN.fullmatch(identifier):
        return None
    return "is not an arXiv identifier such as 2401.01234 or cs/0112017"
