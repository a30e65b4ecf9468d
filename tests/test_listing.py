"""Reading daily-paper listings: the real ones, line endings, and every problem with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import Problem
from generator.listings.parsing import (
    ListingEntry,
    Paragraph,
    ParsedListing,
    decode_listing,
    parse_listing,
    split_paragraphs,
)

SOURCES = Path(__file__).resolve().parents[1] / "data" / "sources"
PATH = "data/sources/listing.txt"
HEADER = "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nbyAK and the research community\n\n"


def parse_bytes(data: bytes) -> tuple[ParsedListing | None, list[Problem]]:
    text, problems = decode_listing(PATH, data)
    if text is None:
        return None, problems
    return parse_listing(PATH, text)


def parse_ok(text: str) -> ParsedListing:
    parsed, problems = parse_listing(PATH, text)
    assert problems == []
    assert parsed is not None
    return parsed


def only_problem(text: str) -> str:
    parsed, problems = parse_listing(PATH, text)
    assert parsed is None
    assert len(problems) == 1
    return str(problems[0])


@pytest.mark.parametrize(
    ("name", "date", "count"),
    [("hf-daily-papers-mar-17.txt", "Mar 17", 60), ("hf-daily-papers-mar-11.txt", "Mar 11", 61)],
)
def test_real_listings_parse(name: str, date: str, count: int) -> None:
    parsed, problems = parse_bytes((SOURCES / name).read_bytes())
    assert problems == []
    assert parsed is not None
    assert parsed.date == date
    assert len(parsed.entries) == count
    assert len({entry.title for entry in parsed.entries}) == count


def test_first_entry_of_real_listing() -> None:
    parsed, _ = parse_bytes((SOURCES / "hf-daily-papers-mar-17.txt").read_bytes())
    assert parsed is not None
    first = parsed.entries[0]
    assert first.title == "Towards Improved Input Masking for Convolutional Neural Networks"
    assert first.line == 11
    assert first.abstract.startswith("The ability to remove features from the input")
    assert first.abstract.endswith("https://github.com/SriramB-98/layer_masking")


def test_header_lines_are_skipped() -> None:
    parsed = parse_ok(HEADER + "Mar 17\n\nA Title\n\nAn abstract.\n")
    assert parsed == ParsedListing("Mar 17", (ListingEntry("A Title", "An abstract.", 11, 13),))


def test_header_lines_in_any_case() -> None:
    parsed = parse_ok("NEW\n\nSUBSCRIBE\n\nMar 17\n\nA Title\n\nAn abstract.\n")
    assert parsed.date == "Mar 17"


def test_crlf_gives_the_same_result_as_lf() -> None:
    data = (SOURCES / "hf-daily-papers-mar-11.txt").read_bytes()
    assert b"\r" not in data
    assert parse_bytes(data.replace(b"\n", b"\r\n")) == parse_bytes(data)


def test_trailing_spaces_are_ignored() -> None:
    data = (SOURCES / "hf-daily-papers-mar-17.txt").read_bytes()
    spaced = b"\n".join(line + b"  \t" for line in data.split(b"\n"))
    assert parse_bytes(spaced) == parse_bytes(data)


def test_multi_line_paragraphs_are_joined_with_spaces() -> None:
    parsed = parse_ok("Mar 17\n\nA long\ntitle\n\nFirst line\nsecond line.\n")
    assert parsed.entries == (ListingEntry("A long title", "First line second line.", 3, 6),)


def test_no_trailing_newline() -> None:
    parsed = parse_ok("Mar 17\n\nA Title\n\nAn abstract.")
    assert parsed.entries == (ListingEntry("A Title", "An abstract.", 3, 5),)


def test_utf8_bom_is_dropped() -> None:
    parsed, problems = parse_bytes("\ufeffMar 17\n\nA Title\n\nAn abstract.\n".encode())
    assert problems == []
    assert parsed == ParsedListing("Mar 17", (ListingEntry("A Title", "An abstract.", 3, 5),))


def test_title_without_abstract_followed_by_another_title() -> None:
    text = "Mar 17\n\nLonely Title\n\nSecond Title\n\nAn abstract.\n"
    assert only_problem(text) == (
        f"{PATH}:3: expected an abstract after the title 'Lonely Title', found another title on line 5"
    )


def test_title_without_abstract_at_the_end() -> None:
    text = "Mar 17\n\nA Title\n\nAn abstract.\n\nLast Title\n"
    assert (
        only_problem(text) == f"{PATH}:7: expected an abstract after the title 'Last Title', found the end of the file"
    )


def test_long_title_is_cut_in_the_message() -> None:
    title = "Word " * 20
    problem = only_problem(f"Mar 17\n\n{title}\n")
    assert problem == (
        f"{PATH}:3: expected an abstract after the title {title.strip()[:60]!r}, found the end of the file"
    )


def test_paragraph_where_a_title_belongs() -> None:
    text = "Mar 17\n\nA Title\n\nAn abstract.\n\nA stray sentence.\n"
    assert only_problem(text) == (
        f"{PATH}:7: expected a paper title (one short line with no final full stop), found a paragraph"
    )


def test_every_problem_is_reported() -> None:
    text = "Mar 17\n\nFirst Title\n\nSecond Title\n\nAn abstract.\n\nThird Title\n"
    parsed, problems = parse_listing(PATH, text)
    assert parsed is None
    assert [problem.line for problem in problems] == [3, 9]


def test_no_date_line_before_a_paper() -> None:
    text = "new\n\nA Title\n\nAn abstract.\n"
    assert only_problem(text) == f"{PATH}:3: expected a listing date line such as 'Mar 17', found 'A Title'"


def test_no_date_line_only_header_lines() -> None:
    text = "new\n\nSubscribe\n"
    assert only_problem(text) == f"{PATH}:3: expected a listing date line such as 'Mar 17', found the end of the file"


def test_empty_file() -> None:
    assert only_problem("") == f"{PATH}:1: expected a listing date line such as 'Mar 17', found the end of the file"


def test_nothing_after_the_date_line() -> None:
    text = HEADER + "Mar 17\n\n\n"
    assert only_problem(text) == (
        f"{PATH}:9: expected papers (a title line, a blank line, an abstract) after the date line, found none"
    )


def test_non_utf8_bytes_give_the_line_of_the_bad_byte() -> None:
    text, problems = decode_listing(PATH, b"Mar 17\n\nCaf\xe9 Title\n\nAn abstract.\n")
    assert text is None
    assert [str(problem) for problem in problems] == [
        f"{PATH}:3: the listing is not UTF-8 text; save it as UTF-8 and import it again"
    ]


def test_non_utf8_bytes_after_a_bom_give_the_line_of_the_bad_byte() -> None:
    _, problems = decode_listing(PATH, b"\xef\xbb\xbfMar 17\n\n\xe9t\xe9 Title\n")
    assert [problem.line for problem in problems] == [3]


def test_split_paragraphs_numbers_lines_from_first_line() -> None:
    lines = ["a", "b", "", "", "c", ""]
    assert split_paragraphs(lines, first_line=5) == [Paragraph("a b", 5), Paragraph("c", 9)]


def test_split_paragraphs_of_blank_lines() -> None:
    assert split_paragraphs(["", ""], first_line=1) == []
