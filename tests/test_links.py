"""Finding URLs in prose, trimming the punctuation around them, and classifying them."""

from __future__ import annotations

import pytest

from generator.catalog.model import Link
from generator.listings.links import classify_url, extract_links, find_urls, trim_url


@pytest.mark.parametrize(
    ("url", "trimmed"),
    [
        ("https://github.com/o/r.", "https://github.com/o/r"),
        ("https://x.org/a,", "https://x.org/a"),
        ("https://x.org/a;", "https://x.org/a"),
        ("https://x.org/a:", "https://x.org/a"),
        ("https://x.org/a).", "https://x.org/a"),
        ("https://x.org/a)", "https://x.org/a"),
        ("https://en.wikipedia.org/wiki/Mercury_(planet)", "https://en.wikipedia.org/wiki/Mercury_(planet)"),
        ("https://en.wikipedia.org/wiki/Mercury_(planet))", "https://en.wikipedia.org/wiki/Mercury_(planet)"),
        ("https://en.wikipedia.org/wiki/Mercury_(planet).", "https://en.wikipedia.org/wiki/Mercury_(planet)"),
        ("https://x.org/a]", "https://x.org/a"),
        ("https://x.org/a/", "https://x.org/a/"),
        ("https://x.org/a", "https://x.org/a"),
    ],
)
def test_trim_url(url: str, trimmed: str) -> None:
    assert trim_url(url) == trimmed


def test_find_urls_in_order_without_repeats() -> None:
    text = (
        "Code at https://a.org/x. Data (see https://b.org/y), and https://a.org/x again; "
        "no URL in http:// alone, finally https://c.org/z."
    )
    assert find_urls(text) == ["https://a.org/x", "https://b.org/y", "https://c.org/z"]


def test_find_urls_stops_at_quotes_and_angle_brackets() -> None:
    assert find_urls('"https://a.org/x" and <https://b.org/y>') == ["https://a.org/x", "https://b.org/y"]


def test_find_urls_of_plain_text() -> None:
    assert find_urls("no links here") == []


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://github.com/owner/repo", Link("code", "https://github.com/owner/repo")),
        (
            "https://github.com/owner/repo/",
            Link("code", "https://github.com/owner/repo", original="https://github.com/owner/repo/"),
        ),
        (
            "https://github.com/owner/repo/blob/main/docs/x.md",
            Link("code", "https://github.com/owner/repo", original="https://github.com/owner/repo/blob/main/docs/x.md"),
        ),
        (
            "https://github.com/owner/repo.git",
            Link("code", "https://github.com/owner/repo", original="https://github.com/owner/repo.git"),
        ),
        (
            "https://www.github.com/owner/repo",
            Link("code", "https://github.com/owner/repo", original="https://www.github.com/owner/repo"),
        ),
        ("https://github.com/owner", Link("project", "https://github.com/owner")),
        ("https://gitlab.com/group/project", Link("code", "https://gitlab.com/group/project")),
        ("https://huggingface.co/datasets/o/d", Link("dataset", "https://huggingface.co/datasets/o/d")),
        (
            "https://huggingface.co/datasets/o/d/viewer",
            Link(
                "dataset", "https://huggingface.co/datasets/o/d", original="https://huggingface.co/datasets/o/d/viewer"
            ),
        ),
        ("https://huggingface.co/o/m", Link("model", "https://huggingface.co/o/m")),
        (
            "https://huggingface.co/o/m/tree/main",
            Link("model", "https://huggingface.co/o/m", original="https://huggingface.co/o/m/tree/main"),
        ),
        ("https://huggingface.co/spaces/o/s", Link("project", "https://huggingface.co/spaces/o/s")),
        ("https://huggingface.co/papers/2303.08774", Link("project", "https://huggingface.co/papers/2303.08774")),
        ("https://huggingface.co/o", Link("project", "https://huggingface.co/o")),
        ("http://github.com/o/r", Link("code", "https://github.com/o/r", original="http://github.com/o/r")),
        ("http://example.org/p", Link("project", "https://example.org/p", original="http://example.org/p")),
        ("https://example.org/p?q=1#top", Link("project", "https://example.org/p?q=1#top")),
    ],
)
def test_classify_url(url: str, link: Link) -> None:
    assert classify_url(url) == link


def test_classify_url_keeps_the_port() -> None:
    assert classify_url("https://example.org:8080/demo").url == "https://example.org:8080/demo"


def test_github_repository_with_trailing_full_stop_in_prose() -> None:
    assert extract_links("Code: https://github.com/owner/repo.") == (Link("code", "https://github.com/owner/repo"),)


def test_extract_links_dedups_by_normalised_url() -> None:
    text = (
        "Code at https://github.com/o/r, also http://github.com/o/r/tree/main, "
        "weights at https://huggingface.co/o/m and https://github.com/o/r.git."
    )
    assert extract_links(text) == (
        Link("code", "https://github.com/o/r"),
        Link("model", "https://huggingface.co/o/m"),
    )


def test_extract_links_keeps_the_first_original() -> None:
    text = "See http://github.com/o/r and https://github.com/o/r."
    assert extract_links(text) == (Link("code", "https://github.com/o/r", original="http://github.com/o/r"),)


@pytest.mark.parametrize(
    ("link", "repository"),
    [
        (Link("code", "https://github.com/owner/repo"), "owner/repo"),
        (Link("code", "https://gitlab.com/owner/repo"), None),
        (Link("project", "https://github.com/owner"), None),
        (Link("model", "https://huggingface.co/o/m"), None),
    ],
)
def test_github_repository(link: Link, repository: str | None) -> None:
    assert link.github_repository == repository


@pytest.mark.parametrize(
    ("url", "label"),
    [
        ("https://github.com/owner/repo", "owner/repo"),
        ("https://huggingface.co/datasets/o/d", "o/d"),
        ("https://huggingface.co/spaces/o/s", "o/s"),
        ("https://huggingface.co/o/m", "o/m"),
        ("https://huggingface.co/papers/2303.08774", "papers/2303.08774"),
        ("https://example.org/datasets/x", "datasets/x"),
        ("https://example.org/", "example.org"),
        ("https://example.org", "example.org"),
        ("https://example.org/a/b/", "a/b"),
    ],
)
def test_label(url: str, label: str) -> None:
    assert Link("project", url).label == label
