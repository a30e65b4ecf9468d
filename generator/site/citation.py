"""Citations of catalog papers: BibTeX entries and one-line plain-text references. Strings out, no I/O."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Sequence
from urllib.parse import quote

from generator.catalog.model import Listing, Paper
from generator.listings.text import normalize_space

# What each listing file is a listing of, by the start of its file name.
SOURCE_NAMES = {"hf-daily-papers": "Hugging Face Daily Papers"}
UNKNOWN_SOURCE = "daily paper listings"

# Characters BibTeX or LaTeX give a meaning to, as text that prints them. Braces become
# `\textbraceleft{}`/`\textbraceright{}` rather than `\{`/`\}`: BibTeX counts every brace, escaped or not,
# so a lone `\{` would leave the field unbalanced.
BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
BIBTEX_SPECIAL = re.compile("[" + re.escape("".join(BIBTEX_ESCAPES)) + "]")

# Letters that Unicode decomposition does not reduce to ASCII.
TRANSLITERATIONS = str.maketrans(
    {
        "ß": "ss",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "þ": "th",
        "Þ": "Th",
        "ı": "i",
    }
)
KEY_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "by",
        "do",
        "does",
        "for",
        "from",
        "how",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "the",
        "to",
        "towards",
        "via",
        "what",
        "when",
        "why",
        "with",
    ]
)
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
KEY_HASH_LENGTH = 6
# A URL inside `url = {...}`, which styles typeset with `\url{}`: nothing that could close either early.
URL_SAFE = ":/?#@!$&'*+,;=%~-._()[]"
# Authors shown in a plain citation before "et al." takes over.
PLAIN_AUTHORS_MAX = 3


NOT_ALPHANUMERIC = re.compile(r"[^A-Za-z0-9]")
TITLE_WORD_BREAK = re.compile(r"[\s\-/:]+")


def ascii_word(text: str) -> str:
    """`text` folded to ASCII letters and digits: accents dropped, other characters left out."""
    decomposed = unicodedata.normalize("NFKD", text.translate(TRANSLITERATIONS))
    return NOT_ALPHANUMERIC.sub("", decomposed.encode("ascii", "ignore").decode("ascii"))


def surname(name: str) -> str:
    """The family name of an author written `First Last` or `Last, First`, without suffixes such as Jr."""
    if "," in name:
        return name.split(",", 1)[0]
    words = [word for word in name.split() if ascii_word(word).lower() not in NAME_SUFFIXES]
    return words[-1] if words else name


def title_word(title: str) -> str:
    """The first word of a title that is not a stop word, in ASCII; the first word at all if none is."""
    first = None
    for word in TITLE_WORD_BREAK.split(title):
        folded = ascii_word(word)  # the first few words only: folding every word of every title shows in a build
        if folded and folded.lower() not in KEY_STOP_WORDS:
            return folded
        first = first or folded
    return first or "paper"


def bibtex_key(paper: Paper) -> str:
    """A stable citation key: surname or title word, the year when known, and 6 hex digits of the slug's hash."""
    stem = ascii_word(surname(paper.authors[0])) if paper.authors else ""
    stem = (stem or title_word(paper.title)).lower()
    known = publication_year(paper)
    year = str(known) if known is not None else ""
    digest = hashlib.sha256(paper.slug.encode("utf-8")).hexdigest()[:KEY_HASH_LENGTH]
    return f"{stem}{year}{digest}"


def escape_bibtex(text: str) -> str:
    """Text safe inside a braced BibTeX field, printing as `text`; non-ASCII characters are kept as they are."""
    return BIBTEX_SPECIAL.sub(lambda match: BIBTEX_ESCAPES[match.group(0)], text)


def bibtex_url(url: str) -> str:
    """A URL that cannot end a BibTeX field or a `\\url{}` early: braces, backslashes and spaces percent-encoded."""
    return quote(normalize_space(url), safe=URL_SAFE)


def source_name(listing: Listing) -> str:
    for prefix, name in SOURCE_NAMES.items():
        if listing.source.startswith(prefix):
            return name
    return UNKNOWN_SOURCE


def join_words(items: Sequence[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def listing_note(paper: Paper) -> str | None:
    """`Listed in Hugging Face Daily Papers, Mar 17 and Mar 11`, dates in the data's order and without a
    year (the listings print none); None for a paper without listings."""
    dates_by_source: dict[str, list[str]] = {}
    for listing in paper.listings:
        dates = dates_by_source.setdefault(source_name(listing), [])
        date = normalize_space(listing.date)
        if date not in dates:
            dates.append(date)
    if not dates_by_source:
        return None
    return "Listed in " + "; ".join(f"{source}, {join_words(dates)}" for source, dates in dates_by_source.items())


def bibtex_author(name: str) -> str:
    """One name of an `author` field; a name holding the word "and" is braced so it is not split there."""
    escaped = escape_bibtex(normalize_space(name))
    return f"{{{escaped}}}" if re.search(r"\band\b", escaped, re.IGNORECASE) else escaped


def publication_year(paper: Paper) -> int | None:
    """The year the paper came out: its own `year`, else the year of `published`."""
    if paper.year is not None:
        return paper.year
    return paper.published.year if paper.published is not None else None


def arxiv_abstract_url(identifier: str) -> str:
    return f"https://arxiv.org/abs/{identifier}"


def arxiv_pdf_url(identifier: str) -> str:
    return f"https://arxiv.org/pdf/{identifier}"


def bibtex_entry(paper: Paper, url: str) -> str:
    """A BibTeX entry: arXiv's own `@misc` eprint form when the arXiv id is known, else a `@misc` with the
    page's URL and the listings it came from. Fields without data are left out."""
    fields: list[tuple[str, str]] = []
    if paper.authors:
        fields.append(("author", " and ".join(bibtex_author(name) for name in paper.authors)))
    fields.append(("title", f"{{{escape_bibtex(normalize_space(paper.title))}}}"))
    year = publication_year(paper)
    if year is not None:
        fields.append(("year", str(year)))
    if paper.arxiv:
        arxiv = normalize_space(paper.arxiv)
        fields += [("eprint", escape_bibtex(arxiv)), ("archivePrefix", "arXiv")]
        if paper.category:
            fields.append(("primaryClass", escape_bibtex(normalize_space(paper.category))))
        fields.append(("url", bibtex_url(arxiv_abstract_url(arxiv))))
    else:
        # `url` only: BibLaTeX, natbib's styles and reference managers read it; a `howpublished` copy for
        # plain.bst doubled every URL (printed twice by plainnat) and a third of every .bib file's bytes.
        fields.append(("url", bibtex_url(url)))
        note = listing_note(paper)
        if note:
            fields.append(("note", escape_bibtex(note)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{bibtex_key(paper)},\n{body}\n}}\n"


def sentence(text: str) -> str:
    """`text` ending with a full stop, unless it already ends with punctuation that closes a sentence."""
    return text if text.endswith((".", "?", "!")) else text + "."


def plain_authors(authors: Sequence[str]) -> str:
    names = [normalize_space(name) for name in authors]
    return join_words(names) if len(names) <= PLAIN_AUTHORS_MAX else names[0] + " et al."


def plain_citation(paper: Paper, url: str) -> str:
    """One line, `Authors (Year). Title. URL`; without a year the listing dates stand in for it."""
    title = sentence(normalize_space(paper.title))
    known = publication_year(paper)
    year = f" ({known})" if known is not None else ""
    if paper.authors:
        parts = [sentence(plain_authors(paper.authors) + year), title]
    else:
        parts = [sentence(normalize_space(paper.title) + year)]
    if paper.arxiv:
        parts.append(f"arXiv:{normalize_space(paper.arxiv)}.")
    note = listing_note(paper)
    if known is None and note:
        parts.append(note + ".")
    return " ".join([*parts, normalize_space(url)])


def bibliography(papers: Sequence[Paper], url_of: Callable[[Paper], str]) -> str:
    """The BibTeX entries of `papers`, in the order given, separated by a blank line."""
    return "\n".join(bibtex_entry(paper, url_of(paper)) for paper in papers)
