"""Turning located YAML into papers and tags: round trips, and exact messages for what is wrong."""

from __future__ import annotations

import datetime

import pytest

from generator.catalog.model import Link, Listing, Location, Paper, Tag, TagRule
from generator.catalog.schema import parse_paper, parse_tags
from generator.catalog.store import dump_paper, paper_to_data
from generator.catalog.yamlfile import dump_yaml, read_yaml
from tests.conftest import patterns

NEXT_YEAR = datetime.date.today().year + 1
PATH = "data/papers/s.yml"
TAGS_PATH = "data/tags.yml"
VALID = "slug: s\ntitle: T\ntags: [t]\nabstract: A.\nadded: 2024-03-17\n"


def paper_problems(source: str) -> list[str]:
    data, problems = read_yaml(PATH, source.encode())
    assert problems == []
    parsed, problems = parse_paper(PATH, data)
    # A Paper comes without problems only; with problems, what could still be read, for the other checks.
    assert (parsed is not None and isinstance(parsed[0], Paper)) == (problems == [])
    return [str(problem) for problem in problems]


def accepted(source: str) -> bool:
    data, _ = read_yaml(PATH, source.encode())
    parsed, problems = parse_paper(PATH, data)
    return parsed is not None and isinstance(parsed[0], Paper) and problems == []


def tag_problems(source: str) -> list[str]:
    data, problems = read_yaml(TAGS_PATH, source.encode())
    assert problems == []
    _, problems = parse_tags(TAGS_PATH, data)
    return [str(problem) for problem in problems]


PAPER = Paper(
    slug="layer-masking",
    title="Towards Improved Input Masking: “CNNs” — yes",
    abstract="We propose: masking. " * 20 + "Code at https://github.com/o/r.",
    tags=("vision", "interpretability"),
    links=(
        Link("code", "https://github.com/o/r", original="http://github.com/o/r/"),
        Link("model", "https://huggingface.co/o/m"),
    ),
    listings=(Listing("Mar 17", "hf-daily-papers-mar-17.txt"), Listing("Mar 11", "hf-daily-papers-mar-11.txt")),
    added=datetime.date(2024, 3, 17),
    aliases=("old-slug",),
    authors=("Ada Lovelace", "Émile Borel"),
    year=2023,
    arxiv="2303.10000",
    distinct_from=("layer-masking-revisited",),
)


@pytest.mark.parametrize(
    "paper",
    [
        PAPER,
        Paper(
            slug="no",
            title="No",
            abstract="null",
            tags=(),
            links=(),
            listings=(),
            added=datetime.date(2024, 1, 1),
        ),
    ],
)
def test_paper_round_trips(paper: Paper) -> None:
    text = dump_paper(paper)
    assert text == dump_yaml(paper_to_data(paper))
    data, problems = read_yaml(PATH, text.encode())
    assert problems == []
    parsed, problems = parse_paper(PATH, data)
    assert problems == []
    assert parsed is not None
    assert parsed[0] == paper


def test_paper_location_has_field_and_item_lines() -> None:
    data, _ = read_yaml(PATH, (VALID + "links:\n  - kind: code\n    url: https://github.com/o/r\n").encode())
    parsed, _ = parse_paper(PATH, data)
    assert parsed is not None
    location = parsed[1]
    assert location.path == PATH
    assert location.of("title") == 2
    assert location.of("tags", 0) == 3
    assert location.of("links", 0) == 7
    assert location.of("links", 5) == 6
    assert location.of("aliases") == 1


def test_unknown_field_lists_the_known_fields() -> None:
    assert paper_problems(VALID + "colour: red\n") == [
        f"{PATH}:6: unknown field 'colour' in a paper file; known fields are: "
        "slug, title, tags, suggested_tags, abstract, links, listings, added, aliases, authors, year, published, "
        "arxiv, category, distinct_from"
    ]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("title: T", "title: [a]", "2: 'title' must be text, found a list"),
        ("title: T", "title: '  '", "2: 'title' is empty; write it out"),
        ("added: 2024-03-17", "added: 17 March", "5: 'added' must be a date (YYYY-MM-DD), found text"),
        ("tags: [t]", "tags:\n  - t\n  - 3", "5: each entry of 'tags' must be text, found a whole number"),
        ("tags: [t]", "tags: t", "3: 'tags' must be a list, found text"),
    ],
)
def test_wrong_type(old: str, new: str, message: str) -> None:
    assert paper_problems(VALID.replace(old, new)) == [f"{PATH}:{message}"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("year: true\n", "6: 'year' must be a whole number, found true/false"),
        ("year: '2023'\n", "6: 'year' must be a whole number, found text"),
        ("arxiv: 2303.1\n", "6: 'arxiv' must be text, found float"),
        ("title: U\n", "6: the field 'title' is given twice; keep one"),
    ],
)
def test_wrong_optional_field(extra: str, message: str) -> None:
    assert paper_problems(VALID + extra) == [f"{PATH}:{message}"]


def test_missing_title_and_abstract() -> None:
    source = VALID.replace("title: T\n", "").replace("abstract: A.\n", "")
    assert paper_problems(source) == [
        f"{PATH}:1: a paper file has no 'title'; add it",
        f"{PATH}:1: a paper file has no 'abstract'; add it",
    ]


def test_a_list_where_the_paper_mapping_belongs() -> None:
    assert paper_problems("- a\n- b\n") == [
        f"{PATH}:1: a paper file must be a YAML mapping of field: value, found a list"
    ]


def test_a_mapping_where_the_links_list_belongs() -> None:
    assert paper_problems(VALID + "links:\n  kind: code\n") == [f"{PATH}:6: 'links' must be a list, found a mapping"]


def test_a_link_that_is_not_a_mapping() -> None:
    assert paper_problems(VALID + "links:\n  - https://github.com/o/r\n") == [
        f"{PATH}:7: each entry of 'links' must be a mapping, found text"
    ]


def test_link_with_unknown_kind() -> None:
    source = (
        VALID + "links:\n  - kind: code\n    url: https://github.com/o/r\n  - kind: video\n    url: https://y.org\n"
    )
    assert paper_problems(source) == [f"{PATH}:9: link kind 'video' is not one of: code, dataset, model, project"]


def test_link_without_url() -> None:
    assert paper_problems(VALID + "links:\n  - kind: code\n") == [f"{PATH}:7: a link has no 'url'; add it"]


def test_listing_with_unknown_field() -> None:
    source = VALID + "listings:\n  - date: Mar 17\n    source: x.txt\n    extra: 1\n"
    assert paper_problems(source) == [
        f"{PATH}:9: unknown field 'extra' in a listing; known fields are: date, source, year, position"
    ]


TAGS = """\
- slug: nlp
  name: Language
  description: Models of text.
  match:
    title: ['\\blanguage models?\\b']
    abstract: [token, text]
    min_hits: 3
- slug: vision
  name: Vision
"""


def test_valid_vocabulary() -> None:
    data, _ = read_yaml(TAGS_PATH, TAGS.encode())
    tags, problems = parse_tags(TAGS_PATH, data)
    assert problems == []
    assert tags == (
        (
            Tag(
                "nlp",
                "Language",
                "Models of text.",
                TagRule(
                    title=patterns(r"\blanguage models?\b"),
                    abstract=patterns("token", "text"),
                    min_hits=3,
                ),
            ),
            Location(TAGS_PATH, 1, {"slug": 1, "name": 2, "description": 3, "match": 4}),
        ),
        (Tag("vision", "Vision", ""), Location(TAGS_PATH, 8, {"slug": 8, "name": 9})),
    )


def test_bad_regular_expression() -> None:
    assert tag_problems("- slug: x\n  name: X\n  match:\n    title: ['(unclosed']\n") == [
        f"{TAGS_PATH}:4: the pattern '(unclosed' is not a valid regular expression: missing )"
    ]


def test_patterns_that_cannot_be_bounded_are_refused_at_their_lines() -> None:
    source = (
        "- slug: x\n  name: X\n  match:\n    title:\n      - '(?<!not )here'\n      - '(a)\\1'\n"
        "    abstract: ['a(?=b)']\n    ignore: ['" + "a" * 501 + "']\n"
    )
    ignore = "the rule's 'ignore' patterns"
    assert tag_problems(source) == [
        f"{TAGS_PATH}:5: the pattern '(?<!not )here' uses a lookbehind (?<!...), which cannot be matched in bounded"
        f" time; match the text itself, and leave out what it must not be with {ignore}",
        f"{TAGS_PATH}:6: the pattern '(a)\\\\1' uses a backreference \\1, which cannot be matched in bounded time;"
        " write the text out",
        f"{TAGS_PATH}:7: the pattern 'a(?=b)' uses a lookahead (?=...), which cannot be matched in bounded time;"
        f" match the text itself, and leave out what it must not be with {ignore}",
        f"{TAGS_PATH}:8: the pattern {'a' * 60!r}... is 501 characters long; 500 at most: split it into shorter"
        " patterns",
    ]


def test_patterns_too_large_or_matching_nothing_are_refused() -> None:
    source = "- slug: x\n  name: X\n  match:\n    title: ['[ab]{0,1000}c', 'a*']\n"
    assert tag_problems(source) == [
        f"{TAGS_PATH}:4: the pattern '[ab]{{0,1000}}c' is too large to match quickly (2,005 steps once compiled, 2,000"
        " at most); use smaller repetition counts or split it",
        f"{TAGS_PATH}:4: the pattern 'a*' matches empty text, so it would match every paper; make it match at least"
        " one character",
    ]


@pytest.mark.parametrize("min_hits", ["0", "-1"])
def test_min_hits_is_at_least_one(min_hits: str) -> None:
    source = f"- slug: x\n  name: X\n  match:\n    abstract: [a]\n    min_hits: {min_hits}\n"
    assert tag_problems(source) == [f"{TAGS_PATH}:5: 'min_hits' must be at least 1, found {min_hits}"]


def test_ignore_patterns_are_read() -> None:
    data, _ = read_yaml(TAGS_PATH, b"- slug: x\n  name: X\n  match:\n    title: [here]\n    ignore: [not here]\n")
    tags, problems = parse_tags(TAGS_PATH, data)
    assert problems == []
    rule = tags[0][0].rule
    assert rule == TagRule(title=patterns("here"), ignore=patterns("not here"))
    assert rule.matches("Here we are", "") and not rule.matches("Not here", "")


@pytest.mark.parametrize(("year", "valid"), [(1900, True), (NEXT_YEAR, True), (1899, False), (NEXT_YEAR + 1, False)])
def test_year_range(year: int, valid: bool) -> None:
    source = VALID + f"year: {year}\n"
    bound = "at least 1900" if year < 1900 else f"at most {NEXT_YEAR}"
    message = f"{PATH}:6: 'year' must be {bound}, found {year}"
    assert accepted(source) if valid else paper_problems(source) == [message]


@pytest.mark.parametrize("added", ["2026-11-29 23:59:59+05:00", "2026-11-29T23:59:59", "2026-11-29 10:00:00.5"])
def test_added_is_a_date_without_a_time(added: str) -> None:
    source = VALID.replace("added: 2024-03-17", f"added: {added}")
    assert paper_problems(source) == [
        f"{PATH}:5: 'added' must be a date without a time; write the date only: 2026-11-29"
    ]


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("Feb 29", None),
        ("March 17", None),
        ("Feb 30", "the listing date 'Feb 30' is not a day of the calendar; February has days 1 to 29"),
        ("Apr 31", "the listing date 'Apr 31' is not a day of the calendar; April has days 1 to 30"),
        ("Mar 99", "the listing date 'Mar 99' is not a day of the calendar; March has days 1 to 31"),
        ("Marchy 3", "the listing date 'Marchy 3' does not name a month; write it as 'Mar' or 'March'"),
        ("yesterday", "the listing date 'yesterday' is not written as listings print it, such as 'Mar 17'"),
    ],
)
def test_listing_dates_are_days_of_the_calendar(date: str, message: str | None) -> None:
    source = VALID + f"listings:\n  - source: s.txt\n    date: {date}\n"
    assert accepted(source) if message is None else paper_problems(source) == [f"{PATH}:8: {message}"]


def test_vocabulary_that_is_not_a_list() -> None:
    assert tag_problems("slug: x\nname: X\n") == [
        f"{TAGS_PATH}:1: the tag vocabulary must be a YAML list of tags, found a mapping"
    ]


def test_match_that_is_not_a_mapping() -> None:
    assert tag_problems("- slug: x\n  name: X\n  match: [a]\n") == [
        f"{TAGS_PATH}:3: 'match' must be a mapping, found a list"
    ]


def test_unknown_match_rule() -> None:
    assert tag_problems("- slug: x\n  name: X\n  match:\n    titles: [a]\n") == [
        f"{TAGS_PATH}:4: unknown field 'titles' in a tag's match rules; known fields are: title, abstract, min_hits,"
        " ignore"
    ]


def test_tag_without_name() -> None:
    assert tag_problems("- slug: x\n  name: X\n- slug: y\n") == [f"{TAGS_PATH}:3: a tag has no 'name'; add it"]


def test_tag_that_is_not_a_mapping_gives_its_line() -> None:
    assert tag_problems("- slug: x\n  name: X\n- just text\n") == [
        f"{TAGS_PATH}:3: a tag must be a YAML mapping of field: value, found text"
    ]


LINK = "links:\n  - kind: project\n    url: {url}\n"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://x.org/p", "is not an https:// URL; write it as https://host/path"),
        ("javascript:alert(1)", "is not an https:// URL; write it as https://host/path"),
        (
            "'https://x.org/<img src=x>'",
            'holds a character no URL may hold (< > " ` or a backslash); percent-encode it',
        ),
        ('"https://x.org/a\\tb"', "holds white space or an invisible character; remove it or percent-encode it"),
        ("https:///path", "has no host; write it as https://host/path"),
        ("https://x.org:99999/", "is not a URL that parses (check its host and port)"),
    ],
)
def test_link_url_is_validated_where_it_is_loaded(url: str, message: str) -> None:
    shown = repr(read_yaml(PATH, f"u: {url}".encode())[0]["u"])
    assert paper_problems(VALID + LINK.format(url=url)) == [f"{PATH}:7: link url {shown} {message}"]


def test_link_original_may_be_http_but_nothing_else() -> None:
    good = VALID + LINK.format(url="https://x.org/p") + "    original: http://x.org/p\n"
    assert parse_paper(PATH, read_yaml(PATH, good.encode())[0])[1] == []
    bad = VALID + LINK.format(url="https://x.org/p") + "    original: svg/onload=alert&#40;1&#41;\n"
    assert paper_problems(bad) == [
        f"{PATH}:7: link original 'svg/onload=alert&#40;1&#41;' is not an http:// or https:// URL; write it as"
        " https://host/path"
    ]


@pytest.mark.parametrize("arxiv", ["2401.01234", "2401.01234v2", "1912.1234", "cs/0112017", "math.GT/0309136v1"])
def test_arxiv_identifiers(arxiv: str) -> None:
    source = VALID + f"arxiv: '{arxiv}'\n"
    assert parse_paper(PATH, read_yaml(PATH, source.encode())[0])[1] == []


@pytest.mark.parametrize("arxiv", ["2401.01234/../x", "'2401.01234\"><script>'", "abs", "'2401.012'"])
def test_bad_arxiv_identifier(arxiv: str) -> None:
    shown = repr(read_yaml(PATH, f"a: {arxiv}".encode())[0]["a"])
    assert paper_problems(VALID + f"arxiv: {arxiv}\n") == [
        f"{PATH}:6: arxiv {shown} is not an arXiv identifier such as 2401.01234 or cs/0112017"
    ]


@pytest.mark.parametrize("category", ["cs.CL", "stat.ML", "hep-th", "cond-mat.mes-hall", "q-bio.NC"])
def test_arxiv_categories(category: str) -> None:
    parsed, problems = parse_paper(PATH, read_yaml(PATH, (VALID + f"category: {category}\n").encode())[0])
    assert problems == [] and parsed is not None and isinstance(parsed[0], Paper)
    assert parsed[0].category == category


@pytest.mark.parametrize("category", ["cs CL", "'cs.CL}'", "CS.cl", "'<b>'"])
def test_bad_arxiv_category(category: str) -> None:
    shown = repr(read_yaml(PATH, f"c: {category}".encode())[0]["c"])
    assert paper_problems(VALID + f"category: {category}\n") == [
        f"{PATH}:6: category {shown} is not an arXiv category such as cs.CL or hep-th"
    ]


def test_distinct_from_is_a_list_of_slugs() -> None:
    data, _ = read_yaml(PATH, (VALID + "distinct_from: [other-paper]\n").encode())
    parsed, problems = parse_paper(PATH, data)
    assert problems == [] and parsed is not None and parsed[0].distinct_from == ("other-paper",)
    assert paper_problems(VALID + "distinct_from: other-paper\n") == [
        f"{PATH}:6: 'distinct_from' must be a list, found text"
    ]
