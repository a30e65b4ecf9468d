"""BibTeX entries and plain citations: keys, escaping checked by a small BibTeX-like parser, exact output."""

from __future__ import annotations

import dataclasses
import datetime
import re

import pytest

from generator.catalog.model import Catalog, Listing, Paper
from generator.site.citation import (
    BIBTEX_ESCAPES,
    bibliography,
    bibtex_entry,
    bibtex_key,
    bibtex_url,
    escape_bibtex,
    listing_note,
    plain_citation,
)

BASE = "https://example.org/papershelf/papers/"
SPECIALS = "\\{}%&$#_^~"


def url_of(paper: Paper) -> str:
    return f"{BASE}{paper.slug}/"


def make_paper(**changes: object) -> Paper:
    paper = Paper(
        slug="a-paper",
        title="A Paper",
        abstract="Abstract.",
        tags=("speech",),
        links=(),
        listings=(Listing(date="Mar 17", source="hf-daily-papers-mar-17.txt"),),
        added=datetime.date(2026, 11, 22),
    )
    return dataclasses.replace(paper, **changes)  # type: ignore[arg-type]


def parse_entry(entry: str) -> tuple[str, str, dict[str, str]]:
    """(type, key, fields) of one entry, reading braces the way BibTeX does: every brace counts,
    a backslash before it or not. Fails on unbalanced braces or anything it does not expect."""
    head = re.match(r"@(\w+)\{([^,\s{}]+),\n", entry)
    assert head is not None, entry
    fields: dict[str, str] = {}
    position = head.end()
    while not entry.startswith("}\n", position):
        name_match = re.compile(r"  (\w+) = \{").match(entry, position)
        assert name_match is not None, entry[position:]
        depth, start, position = 1, name_match.end(), name_match.end()
        while depth:
            assert position < len(entry), "unbalanced braces"
            depth += {"{": 1, "}": -1}.get(entry[position], 0)
            position += 1
        fields[name_match.group(1)] = entry[start : position - 1]
        if entry.startswith(",\n", position):
            position += 2
        else:
            assert entry.startswith("\n", position), entry[position:]
            position += 1
    assert position + 2 == len(entry), "text after the entry"
    return head.group(1), head.group(2), fields


UNESCAPE = re.compile("|".join(re.escape(escaped) for escaped in BIBTEX_ESCAPES.values()))
CHARACTER_OF = {escaped: character for character, escaped in BIBTEX_ESCAPES.items()}


def unescape_bibtex(text: str) -> str:
    return UNESCAPE.sub(lambda match: CHARACTER_OF[match.group(0)], text)


def test_keys_are_ascii_unique_and_stable_across_the_bundled_catalog(bundled: Catalog) -> None:
    keys = [bibtex_key(paper) for paper in bundled.papers]
    assert len(keys) == 111
    assert len(set(keys)) == len(keys)
    assert all(re.fullmatch(r"[a-z0-9]+[0-9a-f]{6}", key) for key in keys)
    assert keys == [bibtex_key(dataclasses.replace(paper)) for paper in bundled.papers]


def test_keys_of_the_fixture_papers_are_fixed(fixture_catalog: Catalog) -> None:
    """Keys are cited from other documents: a change of the scheme must be deliberate."""
    assert [bibtex_key(paper) for paper in fixture_catalog.papers] == ["benchmarka0b9d9", "masked2f035f", "plain315081"]


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"authors": ("José García-Núñez", "Ada Lovelace"), "year": 2023}, "garcianunez2023"),
        ({"authors": ("Lovelace, Ada",)}, "lovelace"),
        ({"authors": ("Martin Luther King Jr.",), "year": 1999}, "king1999"),
        ({"authors": ("Søren Kierkegaard",)}, "kierkegaard"),
        ({"authors": ("张伟",), "title": "γ-MoD: Mixture of Depth"}, "mod"),
        ({"title": "The Synergy of Data"}, "synergy"),
        ({"title": "A* Search: {%&}"}, "search"),
        ({"title": "On the"}, "on"),
        ({"title": "??? ---"}, "paper"),
        ({"year": 2024}, "paper2024"),
    ],
)
def test_key_stems(changes: dict[str, object], key: str) -> None:
    generated = bibtex_key(make_paper(**changes))
    assert re.fullmatch(r"[A-Za-z0-9]+", generated)
    assert generated[:-6] == key


def test_key_disambiguator_comes_from_the_slug() -> None:
    assert bibtex_key(make_paper(slug="one")) != bibtex_key(make_paper(slug="two"))
    assert bibtex_key(make_paper(slug="one")) == bibtex_key(make_paper(slug="one", abstract="x", tags=()))
    assert bibtex_key(make_paper(slug="one"))[-6:] == bibtex_key(make_paper(slug="one", title="Other"))[-6:]


@pytest.mark.parametrize(
    ("character", "escaped"),
    [
        ("\\", r"\textbackslash{}"),
        ("{", r"\textbraceleft{}"),
        ("}", r"\textbraceright{}"),
        ("%", r"\%"),
        ("&", r"\&"),
        ("$", r"\$"),
        ("#", r"\#"),
        ("_", r"\_"),
        ("^", r"\textasciicircum{}"),
        ("~", r"\textasciitilde{}"),
    ],
)
def test_escape_each_special_character(character: str, escaped: str) -> None:
    assert escape_bibtex(f"a{character}b") == f"a{escaped}b"


def test_escape_keeps_unicode_and_ordinary_punctuation() -> None:
    text = "γ-MoD: “Fréchet” [MASK] <b> A* 50'\"@"
    assert escape_bibtex(text) == text


@pytest.mark.parametrize(
    "title",
    [SPECIALS, "{}%&$#_\\", "}{", "{{{", "\\}", "\\\\{", "a~b^c_d", "x {\\bf y} z", "100% & $5 #1 A_i^2 ~ \\n"],
)
def test_hostile_titles_give_balanced_fields_that_unescape_to_the_title(title: str) -> None:
    entry = bibtex_entry(make_paper(title=title, authors=(title, "B"), arxiv=title), "https://x.org/{}\\ %")
    kind, key, fields = parse_entry(entry)
    assert kind == "misc"
    assert re.fullmatch(r"[A-Za-z0-9]+", key)
    assert fields["title"].startswith("{") and fields["title"].endswith("}")
    assert unescape_bibtex(fields["title"][1:-1]) == title
    assert unescape_bibtex(fields["eprint"]) == title
    assert unescape_bibtex(fields["author"]) == f"{title} and B"
    assert fields["url"] == bibtex_url("https://arxiv.org/abs/" + title)
    assert not set(fields["url"]) & set("{}\\ ")
    _, _, fields = parse_entry(bibtex_entry(make_paper(title=title), "https://x.org/{}\\ %"))
    assert fields["url"] == "https://x.org/%7B%7D%5C%20%"


def test_escape_round_trips_every_special_character_in_every_position() -> None:
    for character in SPECIALS:
        for text in (character, character * 3, f"x{character}", f"{character}x", f"{character}{{}}{character}"):
            escaped = escape_bibtex(text)
            assert escaped.count("{") == escaped.count("}")
            assert unescape_bibtex(escaped) == text


def test_exact_entry_of_a_fixture_paper(fixture_catalog: Catalog) -> None:
    paper = next(p for p in fixture_catalog.papers if p.slug == "masked-speech-with-a-star-search")
    assert bibtex_entry(paper, url_of(paper)) == (
        "@misc{masked2f035f,\n"
        "  title = {{Masked Speech with A* Search: [MASK] tokens \\& <brackets>}},\n"
        "  url = {https://example.org/papershelf/papers/masked-speech-with-a-star-search/},\n"
        "  note = {Listed in Hugging Face Daily Papers, Mar 17 and Mar 11}\n"
        "}\n"
    )


def test_exact_entry_with_authors_year_and_arxiv() -> None:
    paper = make_paper(
        title="Scaling  Things\nUp",
        authors=("Ada Lovelace", "Charles Babbage", "Research and Development Team"),
        year=2023,
        arxiv="2401.01234",
        category="cs.CL",
    )
    assert bibtex_entry(paper, "https://example.org/p/") == (
        "@misc{lovelace2023dd06c4,\n"
        "  author = {Ada Lovelace and Charles Babbage and {Research and Development Team}},\n"
        "  title = {{Scaling Things Up}},\n"
        "  year = {2023},\n"
        "  eprint = {2401.01234},\n"
        "  archivePrefix = {arXiv},\n"
        "  primaryClass = {cs.CL},\n"
        "  url = {https://arxiv.org/abs/2401.01234}\n"
        "}\n"
    )


def test_exact_arxiv_entry_with_hostile_authors_and_only_a_publication_day() -> None:
    paper = make_paper(
        title='A "Quoted" {Title}',
        authors=("<script>alert(1)</script>", 'Brace } and "Quote"', "C. D. Person"),
        published=datetime.date(2024, 5, 6),
        arxiv="2405.01234",
    )
    assert bibtex_entry(paper, "https://example.org/p/") == (
        "@misc{scriptalert1script2024dd06c4,\n"
        '  author = {<script>alert(1)</script> and {Brace \\textbraceright{} and "Quote"} and C. D. Person},\n'
        '  title = {{A "Quoted" \\textbraceleft{}Title\\textbraceright{}}},\n'
        "  year = {2024},\n"
        "  eprint = {2405.01234},\n"
        "  archivePrefix = {arXiv},\n"
        "  url = {https://arxiv.org/abs/2405.01234}\n"
        "}\n"
    )
    _, _, fields = parse_entry(bibtex_entry(paper, "https://example.org/p/"))
    assert unescape_bibtex(fields["author"]) == '<script>alert(1)</script> and {Brace } and "Quote"} and C. D. Person'
    assert plain_citation(paper, "https://example.org/p/") == (
        '<script>alert(1)</script>, Brace } and "Quote" and C. D. Person (2024). A "Quoted" {Title}. '
        "arXiv:2405.01234. https://example.org/p/"
    )


def test_entry_without_data_leaves_fields_out() -> None:
    _, _, fields = parse_entry(bibtex_entry(make_paper(listings=()), "https://example.org/p/"))
    assert list(fields) == ["title", "url"]


def test_one_word_abstract_paper() -> None:
    paper = make_paper(abstract="Word", title="Word")
    kind, key, fields = parse_entry(bibtex_entry(paper, "https://example.org/p/"))
    assert (kind, key[:-6], fields["title"]) == ("misc", "word", "{Word}")
    assert "abstract" not in fields
    assert plain_citation(paper, "https://example.org/p/") == (
        "Word. Listed in Hugging Face Daily Papers, Mar 17. https://example.org/p/"
    )


def test_listing_note_never_invents_a_year() -> None:
    listings = (
        Listing("Mar 17", "hf-daily-papers-mar-17.txt"),
        Listing("Mar 11", "hf-daily-papers-mar-11.txt"),
        Listing("Mar 17", "hf-daily-papers-mar-17-again.txt"),
        Listing("Apr 2", "other-list.txt"),
    )
    note = listing_note(make_paper(listings=listings))
    assert note == "Listed in Hugging Face Daily Papers, Mar 17 and Mar 11; daily paper listings, Apr 2"
    assert listing_note(make_paper(listings=())) is None
    assert not re.search(r"\d{4}", note)


@pytest.mark.parametrize(
    ("changes", "citation"),
    [
        ({"authors": ("Ada Lovelace",), "year": 1991}, "Ada Lovelace (1991). A Paper. URL"),
        ({"authors": ("A B", "C D"), "year": 2020}, "A B and C D (2020). A Paper. URL"),
        ({"authors": ("A", "B", "C"), "year": 2020}, "A, B and C (2020). A Paper. URL"),
        ({"authors": ("A", "B", "C", "D"), "year": 2020}, "A et al. (2020). A Paper. URL"),
        ({"authors": ("A",)}, "A. A Paper. Listed in Hugging Face Daily Papers, Mar 17. URL"),
        ({"year": 2021}, "A Paper (2021). URL"),
        ({}, "A Paper. Listed in Hugging Face Daily Papers, Mar 17. URL"),
        ({"listings": ()}, "A Paper. URL"),
        ({"title": "Why Not?", "authors": ("A",), "year": 2020}, "A (2020). Why Not? URL"),
        ({"title": "Done.", "listings": ()}, "Done. URL"),
        ({"year": 2020, "arxiv": "2401.01234"}, "A Paper (2020). arXiv:2401.01234. URL"),
        ({"title": "{%} & $\\", "year": 2020}, "{%} & $\\ (2020). URL"),
    ],
)
def test_plain_citation_degrades_gracefully(changes: dict[str, object], citation: str) -> None:
    assert plain_citation(make_paper(**changes), "URL") == citation


def test_plain_citation_of_the_bundled_catalog_is_one_line(bundled: Catalog) -> None:
    for paper in bundled.papers:
        citation = plain_citation(paper, url_of(paper))
        assert "\n" not in citation
        assert citation.startswith(paper.title) and citation.endswith(url_of(paper))


def test_bibliography_of_the_bundled_catalog(bundled: Catalog) -> None:
    text = bibliography(bundled.papers, url_of)
    chunks = text.split("\n\n")
    assert len(chunks) == 111
    assert text.endswith("}\n") and not text.endswith("\n\n")
    keys = [parse_entry(chunk if chunk.endswith("\n") else chunk + "\n")[1] for chunk in chunks]
    assert keys == [bibtex_key(paper) for paper in bundled.papers]
    assert bibliography([], url_of) == ""
