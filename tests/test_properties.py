"""Property-based tests: the listing parser, the link extractor, the LaTeX clean-up, slugs and Markdown escaping.

Every property runs under one deterministic settings profile (`derandomize=True`, no deadline, no example
database), so a run tests the same examples each time. The minimal inputs of bugs these properties found
(and that were fixed) stay as explicit `@example`s.
"""

from __future__ import annotations

import re
import string
import unicodedata
from urllib.parse import urlsplit

import markdown  # type: ignore[import-untyped]
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.catalog.slugs import SLUG_MAX_LENGTH, make_slug, title_key
from generator.errors import Problem
from generator.listings.escaping import escape_markdown, markdown_with_links
from generator.listings.links import URL_PATTERN, classify_url, find_urls, trim_url
from generator.listings.parsing import SENTENCE_ENDS, ListingEntry, ParsedListing, decode_listing, parse_listing
from generator.listings.text import CONTROL_CHARACTERS, clean_latex, first_sentence
from generator.text import tokens

settings.register_profile(
    "papershelf-properties",
    derandomize=True,
    deadline=None,
    database=None,
    max_examples=300,
    suppress_health_check=[HealthCheck.too_slow],
)
PROPERTIES = settings.get_profile("papershelf-properties")

PATH = "data/sources/listing.txt"

# ---------------------------------------------------------------------------------------------------------------
# Strategies
# ---------------------------------------------------------------------------------------------------------------

# Characters that `str.splitlines` treats as line ends; a title or abstract line must contain none of them.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
any_text = st.text(st.characters(codec=None, exclude_categories=["Cs"]))
line_text = st.text(st.characters(exclude_categories=["Cs"], exclude_characters=LINE_BREAKS))


def joined(tokens: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Text made of interesting tokens mixed with arbitrary short text."""
    return st.lists(st.one_of(tokens, st.text(max_size=4)), max_size=12).map("".join)


LISTING_LINES = st.one_of(
    st.sampled_from(["", "  ", "\t", "Mar 17", "Dec 1", "new", "SUBSCRIBE", "\ufeffMar 17", "A Title", "An abstract."]),
    line_text,
    st.integers(0, 5000).map(lambda n: "word " * n),
    st.integers(0, 400).map(lambda n: "x" * n + "."),
)
listing_text = st.one_of(
    any_text,
    st.tuples(st.lists(LISTING_LINES, max_size=14), st.sampled_from(["\n", "\r\n", "\r", "\x0c", "\u2028"])).map(
        lambda parts: parts[1].join(parts[0])
    ),
)

URL_TOKENS = st.sampled_from(
    [
        "http://",
        "https://",
        "HTTP://",
        "www.",
        "github.com/",
        "huggingface.co/",
        "datasets/",
        "x.org",
        "/",
        ".",
        ",",
        ";",
        ":",
        "!",
        "?",
        "*",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        "<",
        ">",
        '"',
        "'",
        "`",
        "\\",
        " ",
        "\n",
        "@",
        "#",
        "%",
        "&",
        "~",
        "=",
        ":80",
        ":8o",
        ":99999",
        ".git",
    ]
)
url_text = st.one_of(any_text, joined(URL_TOKENS))

LATEX_TOKENS = st.sampled_from(
    [
        "\\",
        "\\\\",
        "{",
        "}",
        "$",
        "`",
        "``",
        "'",
        "''",
        "~",
        "-",
        "--",
        "---",
        " ",
        "\n",
        "\t",
        "%",
        "\\%",
        "\\&",
        "\\_",
        "\\'",
        '\\"',
        "\\~",
        "\\c ",
        "\\H{o}",
        "\\emph{",
        "\\textbf{",
        "\\url{",
        "\\alpha",
        "\\sim",
        "\\textasciitilde",
        "\\ldots",
        "e",
        "x",
        "https://x.org/a~b_c",
        "http://",
        ").",
    ]
)
latex_text = st.one_of(any_text, joined(LATEX_TOKENS))

MARKDOWN_TOKENS = st.sampled_from(
    [
        "&amp;",
        "&#x41;",
        "&#65;",
        "&copy",
        "&",
        "<!-- -->",
        "<b>",
        "</b>",
        "<div>",
        "<",
        ">",
        "***",
        "**",
        "*",
        "_",
        "__",
        "- ",
        "+ ",
        "* ",
        "1. ",
        "2023. ",
        "1) ",
        "#",
        "# ",
        "[x]: http://y",
        "[x]",
        "[^1]",
        "![i](http://y)",
        "    indented",
        "\tcode",
        "| a | b |",
        "{: .x}",
        "{#id}",
        "\\",
        "`",
        "```",
        "~~~",
        "---",
        "===",
        ":emoji:",
        "$x$",
        "[TOC]",
        "  \n",
        "\n\n",
        "\n",
        " ",
        "> ",
        "http://x.org/a_b*c*",
        "https://y.org/?a=1&b=2",
        "(",
        ")",
        "!",
        ".",
        "a",
    ]
)
markdown_text = st.one_of(any_text, joined(MARKDOWN_TOKENS))


def folded(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------------------------------------------------------
# 1. Listing parser
# ---------------------------------------------------------------------------------------------------------------


@PROPERTIES
@given(listing_text)
@example("")
@example("\ufeffMar 17\n\nA Title\n\nAn abstract.\n")
@example("Mar 17\r\n\r\nA Title\r\n\r\nAn abstract.")
@example("Mar 17\n\n" + "x" * 100_000)
def test_parse_listing_returns_a_listing_or_problems(text: str) -> None:
    parsed, problems = parse_listing(PATH, text)
    line_count = len(text.splitlines())
    if parsed is None:
        assert problems
    else:
        assert problems == []
        assert parsed.entries
        for entry in parsed.entries:
            assert 1 <= entry.line < entry.abstract_line <= line_count
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.path == PATH
        assert 0 <= problem.line <= line_count + 1


@PROPERTIES
@given(st.one_of(st.binary(), any_text.map(lambda text: text.encode("utf-8", "surrogatepass"))))
@example(b"\xef\xbb\xbf")
@example(b"\xef\xbb")
@example(b"a\nb\n\xff")
def test_decode_listing_returns_text_or_a_problem(data: bytes) -> None:
    text, problems = decode_listing(PATH, data)
    if text is None:
        assert len(problems) == 1
        assert problems[0].path == PATH
        assert 1 <= problems[0].line <= data.count(b"\n") + 1
    else:
        assert problems == []
        assert text.encode("utf-8") == data.removeprefix(b"\xef\xbb\xbf")


def single_line(text: str) -> bool:
    return bool(text) and text == text.strip() and len(text.splitlines()) == 1


titles = line_text.map(str.strip).filter(lambda t: single_line(t) and not t.endswith(SENTENCE_ENDS))
abstract_lines = line_text.map(str.strip).filter(single_line)
abstracts = st.tuples(st.lists(abstract_lines, max_size=3), abstract_lines).map(
    lambda parts: [*parts[0], parts[1].rstrip(".").strip() + "."] if parts[1].rstrip(".").strip() else [*parts[0], "."]
)


@st.composite
def listings(draw: st.DrawFn) -> tuple[str, ParsedListing]:
    """A listing file made of random titles and abstracts, and what it must parse to."""
    papers = draw(st.lists(st.tuples(titles, abstracts), min_size=1, max_size=6))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    trailing = st.sampled_from(["", " ", "  ", "\t", " \t "])
    lines: list[str] = []

    def add(line: str) -> int:
        lines.append(line + draw(trailing))
        return len(lines)

    def blank() -> None:
        for _ in range(draw(st.integers(1, 3))):
            add("")

    for header in draw(st.lists(st.sampled_from(["new", "Subscribe", "Get trending papers in your email inbox!"]))):
        add(header)
        blank()
    month = draw(st.sampled_from(["Jan", "Feb", "Mar", "March", "Sep", "Dec"]))
    date = f"{month} {draw(st.integers(1, {'Feb': 29, 'Sep': 30}.get(month, 31)))}"
    add(date)
    entries: list[ListingEntry] = []
    for title, abstract in papers:
        blank()
        title_line = add(title)
        blank()
        abstract_line = add(abstract[0])
        for line in abstract[1:]:
            add(line)
        entries.append(ListingEntry(title, " ".join(abstract), title_line, abstract_line))
    text = newline.join(lines) + draw(st.sampled_from(["", newline, newline * 2]))
    return text, ParsedListing(date, tuple(entries))


@PROPERTIES
@given(listings())
def test_generated_listings_parse_back(listing: tuple[str, ParsedListing]) -> None:
    text, expected = listing
    assert parse_listing(PATH, text) == (expected, [])
    assert decode_listing(PATH, text.encode("utf-8")) == (text, [])
    assert decode_listing(PATH, b"\xef\xbb\xbf" + text.encode("utf-8")) == (text, [])


# ---------------------------------------------------------------------------------------------------------------
# 2. Link extractor
# ---------------------------------------------------------------------------------------------------------------


def raw_urls(text: str) -> list[str]:
    return [trim_url(match.group(0)) for match in URL_PATTERN.finditer(text)]


@PROPERTIES
@given(url_text)
@example("see http://[x for code")
def test_find_urls_never_raises(text: str) -> None:
    find_urls(text)


def check_found_urls(text: str, urls: list[str]) -> None:
    assert len(urls) == len(set(urls))
    for url in urls:
        assert url in text
        assert url.startswith(("http://", "https://"))
        assert not url.endswith(tuple(".,;:!?"))
        assert urlsplit(url).hostname
        for closing, opening in ((")", "("), ("]", "["), ("}", "{")):
            if url.endswith(closing):
                assert url.count(closing) <= url.count(opening)


@PROPERTIES
@given(url_text)
@example("(see https://en.wikipedia.org/wiki/Mercury_(planet)).")
@example("https://x.org/a)b) and http://y.org/]")
def test_find_urls_are_in_the_text_and_trimmed(text: str) -> None:
    check_found_urls(text, find_urls(text))


@PROPERTIES
@given(url_text)
@example("see http://x.org:abc/ now")
@example("see http://x.org:99999/ now")
def test_classify_url_never_raises_on_found_urls(text: str) -> None:
    for url in find_urls(text):
        classify_url(url)


def check_link(url: str) -> None:
    link = classify_url(url)
    assert link.url.startswith("https://")
    assert (link.original is None) == (link.url == url)
    if link.original is not None:
        assert link.original == url
    assert classify_url(link.url).url == link.url


@PROPERTIES
@given(url_text)
@example("https://www.www.x.org")
@example("http://[::1]/a")
@example("http://WWW.GitHub.com:8080/o/r/blob/x?y#z")
@example("http://huggingface.co/datasets/a")
def test_classify_url_is_https_and_idempotent(text: str) -> None:
    for url in find_urls(text):
        check_link(url)


label = st.text(string.ascii_letters + string.digits, min_size=1, max_size=8)
safe_part = st.text(string.ascii_letters + string.digits + "-_~%.", min_size=0, max_size=8).map(lambda s: s + "z")


@st.composite
def sentences_with_a_url(draw: st.DrawFn) -> tuple[str, str]:
    scheme = draw(st.sampled_from(["http", "https"]))
    host = ".".join(draw(st.lists(label, min_size=1, max_size=3))) + draw(st.sampled_from([".org", ".com", ".io"]))
    path = "".join("/" + part for part in draw(st.lists(safe_part, max_size=4)))
    if draw(st.booleans()):
        path += "/"
    query = draw(st.sampled_from(["", "?a=1", "?a=1&b=x_y", "#frag"]))
    url = f"{scheme}://{host}{path}{query}"
    before = draw(st.text(string.ascii_letters + " ,;", max_size=20))
    after = draw(st.text(string.ascii_letters + " ,;", max_size=20))
    punctuation = draw(st.sampled_from(["", ".", ",", ";", ":", "!", "?", ").", ")", "]", "*", "...", ")!"]))
    opening = "(" if punctuation.startswith(")") else ""
    return f"{before} {opening}{url}{punctuation} {after}", url


@PROPERTIES
@given(sentences_with_a_url())
def test_a_url_in_a_sentence_is_found_exactly(case: tuple[str, str]) -> None:
    sentence, url = case
    assert find_urls(sentence) == [url]


# ---------------------------------------------------------------------------------------------------------------
# 3. LaTeX clean-up
# ---------------------------------------------------------------------------------------------------------------


def outside_urls(text: str) -> str:
    return URL_PATTERN.sub(" ", text)


@PROPERTIES
@given(latex_text)
@example("see https://x.org/~u/a_b~c, then~it")
@example("\\url{https://x.org/~u}")
def test_clean_latex_keeps_urls_and_folds_white_space(text: str) -> None:
    cleaned = clean_latex(text)
    assert cleaned == folded(cleaned)
    for url in raw_urls(text):
        assert url in cleaned
    # A tie (`a~b`) is a space; a "~" after a space or an opening bracket is "about" (`(~30x)`) and stays.
    if "\\textasciitilde" not in text and "\\~" not in text and not re.search(r"(?<![^\s(\[])~", outside_urls(text)):
        assert "~" not in outside_urls(cleaned)


@PROPERTIES
@given(latex_text)
@example("\\\\%")
def test_clean_latex_leaves_no_escaped_percent(text: str) -> None:
    assert "\\%" not in clean_latex(text)


# Symbol macros of abstracts and what pylatexenc writes for them.
SYMBOLS = {
    "alpha": "α",
    "Delta": "Δ",
    "times": "×",
    "approx": "≈",
    "sim": "∼",
    "leq": "≤",
    "geq": "≥",
    "pm": "±",
    "cdot": "·",
    "infty": "∞",
    "rightarrow": "→",
    "to": "→",
    "ldots": "…",
    "ss": "ß",
    "o": "ø",
    "ae": "æ",
    "l": "ł",
    "textasciitilde": "~",
}


@PROPERTIES
@given(st.sampled_from(sorted(SYMBOLS)))
def test_clean_latex_symbol_macros_give_their_symbol(name: str) -> None:
    assert clean_latex(f"a \\{name} b") == f"a {SYMBOLS[name]} b"


@PROPERTIES
@given(st.sampled_from(sorted(set(SYMBOLS) - {"textasciitilde"})), st.sampled_from(["{}", " x"]), st.booleans())
def test_clean_latex_other_symbol_macros_give_their_symbol(name: str, after: str, math: bool) -> None:
    macro = f"$\\{name}{after}$" if math else f"\\{name}{after}"
    assert clean_latex(f"a {macro} b") == folded(f"a {SYMBOLS[name]}{after.removeprefix('{}')} b")


@PROPERTIES
@given(st.sampled_from(["url", "emph", "textbf", "texttt"]), sentences_with_a_url())
@example("url", ("x https://x.org/a y", "https://x.org/a"))
def test_clean_latex_unwraps_a_macro_around_a_url(macro: str, case: tuple[str, str]) -> None:
    _, url = case
    assert clean_latex(f"Code: \\{macro}{{{url}}}") == f"Code: {url}"


# Where the clean-up is idempotent: text that has no LaTeX left in it after one pass. Backslashes, braces, `$`,
# backticks and apostrophes can all make a second pass change what the first produced (`\\\\%` -> `\\%` -> `%`),
# so they are left out; tildes, dashes and any white space stay in.
plain_text = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\\{}$`'")),
    joined(st.sampled_from(["-", "--", "---", " ", "\n", "\t", "~", "a", "b", "x -- y", "https://x.org/a--b"])).map(
        lambda text: re.sub(r"[\\{}$`']", "", text)
    ),
)


@PROPERTIES
@given(plain_text)
@example("a\n-- b")
@example("a -- -- b")
def test_clean_latex_is_idempotent_on_plain_text(text: str) -> None:
    once = clean_latex(text)
    assert clean_latex(once) == once


# ---------------------------------------------------------------------------------------------------------------
# 4. Slugs
# ---------------------------------------------------------------------------------------------------------------

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
slug_titles = st.one_of(
    any_text,
    st.text(string.ascii_letters + string.digits + string.punctuation + " "),
    st.lists(st.text(string.ascii_lowercase, min_size=1, max_size=30), max_size=20).map(" ".join),
    st.sampled_from(["", "🙂", "---", "Attention Is All You Need", "a" * 200, "Fréchet", "注意力"]),
)


@st.composite
def titles_and_taken(draw: st.DrawFn) -> tuple[str, set[str]]:
    title = draw(slug_titles)
    base = make_slug(title, set())
    numbers = draw(st.sets(st.integers(2, 12), max_size=11))
    taken = {base} if draw(st.booleans()) else set()
    taken |= {f"{base}-{number}" for number in numbers}
    taken |= draw(st.sets(st.sampled_from(["paper", "paper-2", "a", "a-2"]), max_size=4))
    return title, taken


@PROPERTIES
@given(titles_and_taken())
def test_make_slug_is_a_new_url_safe_slug(case: tuple[str, set[str]]) -> None:
    title, taken = case
    before = set(taken)
    slug = make_slug(title, taken)
    assert SLUG.fullmatch(slug)
    assert len(slug) <= SLUG_MAX_LENGTH
    assert slug not in taken
    assert taken == before
    assert make_slug(title, taken) == slug


ascii_titles = st.text(string.ascii_letters + string.digits + string.punctuation + " ", max_size=60)


@PROPERTIES
@given(slug_titles, ascii_titles)
def test_title_key_is_deterministic_and_ignores_case_and_punctuation(title: str, ascii_title: str) -> None:
    assert title_key(title) == title_key(str(title))
    assert title_key(ascii_title) == title_key(ascii_title.upper()) == title_key(ascii_title.lower())
    if any(character.isalnum() for character in ascii_title):
        # A title with no letter or digit is its own key (see title_key), so only these ignore punctuation.
        assert title_key(ascii_title) == title_key(f"  {ascii_title}!? ")


# ---------------------------------------------------------------------------------------------------------------
# 5. Markdown escaping, checked with the real Python-Markdown
# ---------------------------------------------------------------------------------------------------------------


def render(source: str) -> BeautifulSoup:
    html: str = markdown.markdown(source, extensions=["attr_list", "md_in_html", "toc"])
    return BeautifulSoup(html, "html.parser")


def readable(text: str) -> str:
    """What a reader sees of `text`: white space folded, control characters (not text) dropped."""
    return folded(CONTROL_CHARACTERS.sub("", text))


def check_escaped(text: str) -> None:
    soup = render(escape_markdown(text))
    assert soup.get_text() == readable(text)
    assert [tag.name for tag in soup.find_all(True)] == (["p"] if readable(text) else [])


# Python-Markdown deletes STX and ETX (its placeholder markers) from its input before it does anything else.
MARKDOWN_PLACEHOLDERS = "\x02\x03"


@PROPERTIES
@given(markdown_text)
@example("a\x02b")
@example("&amp; &#x41; <!-- --> <b>")
@example("[x]: http://y")
@example("    indented")
@example("1. x")
@example("a\\")
@example("[TOC]")
def test_escape_markdown_renders_as_the_text(text: str) -> None:
    check_escaped(text)


def check_linked(text: str) -> None:
    soup = render(markdown_with_links(text))
    assert soup.get_text() == readable(text)
    assert [tag.name for tag in soup.find_all(True) if tag.name != "a"] == (["p"] if readable(text) else [])
    urls = find_urls(CONTROL_CHARACTERS.sub("", text))
    for link in soup.find_all("a"):
        assert link.get("href") in urls
        assert link.get_text() == link.get("href")


@PROPERTIES
@given(markdown_text)
@example("see https://x.org/?a=1&lt;2 now")
@example("see https://x.org/a[b](c) now")
@example("see http://? now")
@example("[link](http://x) and `https://z.org/p`")
@example("1. https://x.org/a_b~c?d=1&e=2")
@example("(see https://x.org/a*b*) and <https://y.org/>")
def test_markdown_with_links_renders_as_the_text(text: str) -> None:
    check_linked(text)


# ---------------------------------------------------------------------------------------------------------------
# first_sentence
# ---------------------------------------------------------------------------------------------------------------

prose = st.one_of(
    any_text,
    joined(st.sampled_from([" ", ". ", "! ", "? ", "e.g. ", "et al. ", "A", "x", ",", ";", ":", "Word", "\n"])),
)


@PROPERTIES
@given(prose, st.integers(1, 120))
@example("One two three four five six", 12)
@example("alpha, beta gamma", 6)
@example("a, b", 2)
def test_first_sentence_is_a_prefix_within_the_limit(text: str, limit: int) -> None:
    text_folded = folded(text)
    sentence = first_sentence(text, limit=limit)
    assert len(sentence) <= limit + 1
    if sentence.endswith("…") and not text_folded.startswith(sentence):
        head = sentence.removesuffix("…")
        assert text_folded.startswith(head)
        assert len(text_folded) > limit
    else:
        assert text_folded.startswith(sentence)
        assert sentence == text_folded or text_folded[len(sentence)] == " "


def first_sentence_of_whole_text(text: str, limit: int) -> str:
    """first_sentence as first written: the whole text folded before looking for the sentence end."""
    text = folded(text)
    for match in re.finditer(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\[“])", text):
        candidate = text[: match.start()]
        if not candidate.endswith(("e.g.", "i.e.", "et al.", "etc.", "vs.", "cf.", "Fig.", "Eq.", "approx.", "resp.")):
            text = candidate
            break
    if len(text) <= limit:
        return text
    cut = text[:limit] if text[limit] == " " else text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


long_prose = st.lists(
    # Long runs of white space make the folded text much shorter than the text: the window must allow for that.
    st.sampled_from([" ", " " * 300, "\n\t", ". ", ".  ", "! ", "e.g. ", "et al. ", "A", "x", "Word", ",", "…"]),
    min_size=100,
    max_size=600,
).map("".join)


@PROPERTIES
@given(long_prose, st.integers(1, 400))
def test_first_sentence_of_a_long_text_reads_only_its_start(text: str, limit: int) -> None:
    assert first_sentence(text, limit=limit) == first_sentence_of_whole_text(text, limit)


@PROPERTIES
@given(st.one_of(any_text, st.text(st.characters(max_codepoint=127))))
def test_words_of_ascii_text_are_found_as_in_any_text(text: str) -> None:
    normalised = unicodedata.normalize("NFKC", text)
    assert tokens.runs(text) == tokens.RUN.findall(normalised)
    if text.isascii():
        assert tokens.words(text) == tokens.RUN.findall(text.lower())
    # Folded words are folded for good: a query typed as the index wrote a word finds the same word.
    found = tokens.words(text)
    assert tokens.words(" ".join(found)) == found
    assert not any(tokens.ACCENT.search(word) for word in found)
