"""Plain text written as Markdown that renders as exactly that text: escaped, and with its URLs as links."""

from __future__ import annotations

import re

from generator.listings.links import URL_PATTERN, is_usable, trim_url
from generator.listings.text import CONTROL_CHARACTERS, normalize_space

MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#])")
# At the start of a block, these begin a list, a quote or a heading.
BLOCK_START = re.compile(r"^(\d+(?=\.\s)|[-+>])")


def _escape(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def escape_markdown(text: str) -> str:
    """Markdown source, on one line, that renders as exactly `text` with its white space folded.

    Control characters are dropped: they are not text, and STX and ETX are Python-Markdown's own markers.
    """
    return _escape_block_start(_escape(normalize_space(CONTROL_CHARACTERS.sub("", text))))


def _escape_block_start(markdown: str) -> str:
    match = BLOCK_START.match(markdown)
    if match is None:
        return markdown
    if match.group(1)[0].isdigit():
        return markdown[: match.end()] + "\\" + markdown[match.end() :]
    return "\\" + markdown


def markdown_with_links(text: str) -> str:
    """Like `escape_markdown`, but every usable http(s) URL becomes a link that reads as the URL.

    An explicit link, `[escaped URL](<URL>)`, not an autolink: Python-Markdown would decode an entity
    inside an autolink, and match `[x](y)` inside a URL as a link of its own.
    """
    text = normalize_space(CONTROL_CHARACTERS.sub("", text))
    pieces: list[str] = []
    position = 0
    for match in URL_PATTERN.finditer(text):
        url = trim_url(match.group(0))
        if not is_usable(url):
            continue
        before = _escape(text[position : match.start()])
        # A "!" just before the link would make it an image.
        pieces.append(before[:-1] + "\\!" if before.endswith("!") else before)
        # The serialiser keeps entities in attributes as they are, so `&` is written as one: `&amp;`.
        pieces.append(f"[{_escape(url)}](<{url.replace('&', '&amp;')}>)")
        position = match.start() + len(url)
    pieces.append(_escape(text[position:]))
    return _escape_block_start("".join(pieces))
