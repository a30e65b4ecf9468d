"""URL-like values from data: only the schemes a field allows, a host, and nothing that could become markup."""

from __future__ import annotations

import pytest

from generator.catalog.urls import arxiv_problem, url_problem

MARKUP = 'holds a character no URL may hold (< > " ` or a backslash); percent-encode it'
INVISIBLE = "holds white space or an invisible character; remove it or percent-encode it"
NOT_HTTPS = "is not an https:// URL; write it as https://host/path"


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://github.com/o/r", None),
        ("HTTPS://example.org/a?b=c&d=e#f", None),
        ("https://例え.jp/パス", None),
        ("https://example.org/%3Cscript%3E", None),
        ("http://example.org/", NOT_HTTPS),
        ("javascript:alert(1)", NOT_HTTPS),
        ("data:text/html;base64,PHNjcmlwdD4=", NOT_HTTPS),
        ("svg/onload=alert&#40;1&#41;", NOT_HTTPS),
        ("//evil.example/x", NOT_HTTPS),
        ("https:evil.example", NOT_HTTPS),
        ("https://example.org/<svg/onload=x>", MARKUP),
        ('https://example.org/"onmouseover="x', MARKUP),
        ("https://example.org/`x`", MARKUP),
        ("https://example.org\\@evil.example", MARKUP),
        ("https://example.org/a b", INVISIBLE),
        ("https://example.org/\n::error::x", INVISIBLE),
        ("https://example.org/\u200bx", INVISIBLE),
        ("https://example.org/\u202ex", INVISIBLE),
        ("https://example.org/\u3000x", INVISIBLE),
        ("https:///path", "has no host; write it as https://host/path"),
        ("https://[::1/", "is not a URL that parses (check its host and port)"),
        ("https://example.org:99999/", "is not a URL that parses (check its host and port)"),
        ("https://example.org/" + "a" * 2000, "is 2,020 characters long; 2,000 at most"),
    ],
)
def test_url_problem(url: str, problem: str | None) -> None:
    assert url_problem(url, ("https",)) == problem


def test_a_field_may_allow_http_too() -> None:
    assert url_problem("http://example.org/", ("http", "https")) is None
    assert url_problem("ftp://example.org/", ("http", "https")) == (
        "is not an http:// or https:// URL; write it as https://host/path"
    )


@pytest.mark.parametrize("identifier", ["2401.01234", "2401.01234v3", "0704.0001", "hep-th/9901001", "math.GT/0309136"])
def test_arxiv_identifiers(identifier: str) -> None:
    assert arxiv_problem(identifier) is None


@pytest.mark.parametrize("identifier", ["", "2401.1", "2401.01234/../../x", "2401.01234 ", "abs/2401.01234", 'x"><'])
def test_not_arxiv_identifiers(identifier: str) -> None:
    assert arxiv_problem(identifier) == "is not an arXiv identifier such as 2401.01234 or cs/0112017"
