"""Plain text: LaTeX and pasted markup cleaned up to plain Unicode (URLs kept), white space folded, first sentences."""

from __future__ import annotations

import html
import re

from generator.listings.latex import latex_to_text
from generator.listings.links import URL_PATTERN, trim_url

# C0 control characters other than white space: invisible, and some are Python-Markdown's placeholders.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Each URL stands in the LaTeX as one character of Supplementary Private Use Area-B, which the parser passes
# through, so that `\url{...}` and `\footnote{... URL}` are parsed whole and the URL comes out as it was typed.
# The area is no text's (dropped from the input), and it has room for 65,534 URLs; the rest are left unprotected.
URL_MARKS = re.compile("[\U00100000-\U0010fffd]")
FIRST_URL_MARK = 0x100000
LAST_URL_MARK = 0x10FFFD
# Markdown links pasted into abstracts: `[text](URL)`, the URL without white space (balanced brackets allowed).
MARKDOWN_LINK = re.compile(r"!?\[([^\[\]]*)\]\((https?://(?:[^\s()]|\([^\s()]*\))+)\)")
# HTML pasted with the text: a link keeps its address, other markup of running text goes; `<text, audio>` stays.
HTML_LINK = re.compile(
    r"<a\s[^<>]*?href\s*=\s*(?:\"([^\"]*)\"|'([^']*)')[^<>]*>(.*?)</a\s*>", re.IGNORECASE | re.DOTALL
)
# Markup that breaks a line becomes a space; markup within a line (`x<sup>2</sup>`, `<b>`) goes.
HTML_BREAK = re.compile(r"</?(?:br|p|div|hr|li|ul|ol)(?:\s[^<>]*)?/?>", re.IGNORECASE)
HTML_TAG = re.compile(
    r"</?(?:a|b|i|u|s|em|strong|sup|sub|span|code|tt|small|big|font|mark|del|ins|abbr)(?:\s[^<>]*)?/?>", re.IGNORECASE
)
# Only entities closed by ";": `html.unescape` alone would read "&not" in "this&nothing" as "¬".
HTML_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _link_as_text(text: str, url: str) -> str:
    """A link as prose: its URL alone when the text only repeats it, and otherwise the text with the URL after it."""
    label = normalize_space(text)
    if not url.lower().startswith(("http://", "https://")):
        return label  # only http(s) addresses are worth keeping; the checks refuse any other
    bare = url.split("://", 1)[1].rstrip("/")
    if label.removeprefix("<").removesuffix(">").rstrip("/") in ("", url.rstrip("/"), bare):
        return url
    return f"{label} ({url})"


def _html_link(match: re.Match[str]) -> str:
    url = html.unescape(match.group(1) if match.group(1) is not None else match.group(2)).strip()
    return _link_as_text(HTML_TAG.sub("", HTML_BREAK.sub(" ", match.group(3))), url)


def _markdown_and_html(text: str) -> str:
    """Markdown links and HTML markup pasted with an abstract, as the text and URLs they show."""
    if "<" in text:
        text = HTML_TAG.sub("", HTML_BREAK.sub(" ", HTML_LINK.sub(_html_link, text)))
    if "](" in text:
        text = MARKDOWN_LINK.sub(lambda match: _link_as_text(match.group(1), match.group(2)), text)
    return text


def _up_to_closing_brace(url: str) -> str:
    depth = 0
    for position, character in enumerate(url):
        depth += {"{": 1, "}": -1}.get(character, 0)
        if depth < 0:
            return url[:position]
    return url


def clean_latex(text: str) -> str:
    """Turn LaTeX, pasted Markdown links and HTML into the text they show, leaving URLs exactly as they are."""
    text = _markdown_and_html(CONTROL_CHARACTERS.sub("", URL_MARKS.sub("", text)))
    urls: list[str] = []

    def mark(match: re.Match[str]) -> str:
        url = match.group(0)
        if text[: match.start()].rstrip().endswith("{"):
            url = _up_to_closing_brace(url)  # `\href{URL}{text}`: the URL ends where its argument does
        url = trim_url(url)
        if FIRST_URL_MARK + len(urls) > LAST_URL_MARK:
            return match.group(0)
        urls.append(url)
        return chr(FIRST_URL_MARK + len(urls) - 1) + match.group(0)[len(url) :]

    plain = latex_to_text(URL_PATTERN.sub(mark, text))
    # Entities are read last, so that what they stand for (`&#92;` is a backslash) is text, never LaTeX.
    if "&" in plain:
        plain = HTML_ENTITY.sub(lambda match: html.unescape(match.group(0)), plain)
    return normalize_space(URL_MARKS.sub(lambda match: urls[ord(match.group(0)) - FIRST_URL_MARK], plain))


def normalize_space(text: str) -> str:
    return " ".join(text.split())


# Characters with a meaning anywhere in a line of Python-Markdown (with the extensions in mkdocs.yml)
# get a backslash; `<` and `&` become entities because a backslash does not stop HTML or entities.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\[“])")
ABBREVIATIONS = ("e.g.", "i.e.", "et al.", "etc.", "vs.", "cf.", "Fig.", "Eq.", "approx.", "resp.")


def first_sentence(text: str, limit: int = 300) -> str:
    """The abstract's first sentence, cut at a word boundary with an ellipsis if longer than `limit`."""
    # Folding the white space of a whole abstract costs more than the rest, and the answer only needs its start.
    # A window of the text, folded, is the start of the whole text folded: a sentence end found in it is the
    # first one, and a window longer than `limit` without one is cut exactly as the whole text would be.
    window = 2 * limit + 200
    if len(text) > window:
        head = normalize_space(text[:window])
        sentence = _leading_sentence(head)
        if sentence is not None or len(head) > limit:
            return _shorten(sentence or head, limit)
    text = normalize_space(text)
    return _shorten(_leading_sentence(text) or text, limit)


def _leading_sentence(text: str) -> str | None:
    """The text up to the first sentence end that is not an abbreviation; None if there is none."""
    for match in SENTENCE_END.finditer(text):
        candidate = text[: match.start()]
        if not candidate.endswith(ABBREVIATIONS):
            return candidate
    return None


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit] if text[limit] == " " else text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
