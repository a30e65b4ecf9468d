"""Finding URLs in abstracts, trimming the sentence punctuation around them, and classifying them."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from generator.catalog.model import Link, LinkKind
from generator.catalog.urls import url_problem

URL_PATTERN = re.compile(r"https?://[^\s<>\"'`\\\x00-\x1f\x7f]+")
TRAILING_PUNCTUATION = ".,;:!?*"
BRACKETS = {")": "(", "]": "[", "}": "{"}
CODE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "codeberg.org")
# First path segments of github.com and its peers that are site sections, not `owner/repository`.
GITHUB_SECTIONS = frozenset(
    {
        "orgs",
        "features",
        "topics",
        "sponsors",
        "marketplace",
        "collections",
        "settings",
        "about",
        "explore",
        "users",
        "groups",
        "search",
        "apps",
        "enterprise",
        "pricing",
        "login",
        "trending",
        "site",
    }
)
# First path segments of huggingface.co that are site sections, not `owner/model`.
HUGGING_FACE_SECTIONS = frozenset(
    {
        "papers",
        "docs",
        "blog",
        "learn",
        "spaces",
        "datasets",
        "models",
        "collections",
        "login",
        "join",
        "pricing",
        "organizations",
        "settings",
        "tasks",
        "chat",
        "posts",
        "api",
    }
)


def trim_url(url: str) -> str:
    """Drop sentence punctuation and unbalanced closing brackets that follow a URL in prose."""
    while url:
        last = url[-1]
        if last in TRAILING_PUNCTUATION or (last in BRACKETS and url.count(last) > url.count(BRACKETS[last])):
            url = url[:-1]
        else:
            break
    return url


def is_usable(url: str) -> bool:
    """Whether `url` is an http(s) URL a paper may keep and the site may link to (see `urls.url_problem`):
    `http://[`, `http://x.org:99999/` or a URL with a zero-width space are not."""
    return url_problem(url, ("http", "https")) is None


def find_urls(text: str) -> list[str]:
    """Every usable http(s) URL in `text`, in order, trimmed, without repeats."""
    urls: list[str] = []
    for match in URL_PATTERN.finditer(text):
        url = trim_url(match.group(0))
        if url not in urls and is_usable(url):
            urls.append(url)
    return urls


def classify_url(url: str) -> Link:
    """A Link for `url`: its kind, and its normalised form (an https repository or hub URL)."""
    parts = urlsplit(url)
    # Only the hosts matched below lose "www."; any other keeps its name, so normalising is idempotent.
    host = (parts.hostname or "").lower().removeprefix("www.")
    segments = [segment for segment in parts.path.split("/") if segment]
    kind: LinkKind = "project"
    # http is upgraded; any other scheme is kept, for the check to reject it.
    scheme = "https" if parts.scheme.lower() in ("http", "https") else parts.scheme
    normalized = parts._replace(scheme=scheme, netloc=parts.netloc.lower()).geturl()
    if host in CODE_HOSTS and len(segments) >= 2 and segments[0].lower() not in GITHUB_SECTIONS:
        kind = "code"
        repository = segments[1].removesuffix(".git")
        normalized = f"https://{host}/{segments[0]}/{repository}"
    elif host == "huggingface.co" and len(segments) >= 3 and segments[0] == "datasets":
        kind = "dataset"
        normalized = f"https://huggingface.co/datasets/{segments[1]}/{segments[2]}"
    elif host == "huggingface.co" and len(segments) >= 2 and segments[0] not in HUGGING_FACE_SECTIONS:
        kind = "model"
        normalized = f"https://huggingface.co/{segments[0]}/{segments[1]}"
    return Link(kind=kind, url=normalized, original=url if url != normalized else None)


def extract_links(text: str) -> tuple[Link, ...]:
    """The classified links of an abstract, one per normalised URL, in order of appearance."""
    links: dict[str, Link] = {}
    for url in find_urls(text):
        link = classify_url(url)
        links.setdefault(link.url, link)
    return tuple(links.values())
