"""arXiv's API (https://info.arxiv.org/help/api/user-manual.html), for papers the Hub does not know: a title
search answered as an Atom feed, read with feedparser as the manual's own examples read it.

The `arxiv` package is not used: it sends its requests without a timeout, so a stalled answer would hang
the command. Requests are spaced by `DELAY_SECONDS`, as arXiv's terms of use ask, and `ARXIV_API_URL`
points the client at another address (a mirror, or the tests' stand-in).
"""

from __future__ import annotations

import datetime
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import feedparser  # type: ignore[import-untyped]
import requests

from generator.catalog.urls import category_problem
from generator.sources.http import TIMEOUT, ServiceError, api_session, get_answer
from generator.sources.matching import Candidate

API_URL = "https://export.arxiv.org/api/query"
DELAY_SECONDS = 3.0  # "make no more than one request every three seconds"
MAX_RESULTS = 5
QUERY_WORDS = 10  # the longest title words searched for: enough to find a title, short enough to be a URL
ABSTRACT_ID = re.compile(r"arxiv\.org/abs/(.+?)(?:v\d+)?$")
WORD = re.compile(r"[^\W_]{2,}")


def api_url() -> str:
    return os.environ.get("ARXIV_API_URL") or API_URL


def title_query(title: str) -> str:
    """arXiv's search for a title: its longest words, each required in the title (`ti:`)."""
    words = sorted(dict.fromkeys(word.casefold() for word in WORD.findall(title)), key=len, reverse=True)
    return " AND ".join(f"ti:{word}" for word in words[:QUERY_WORDS])


@dataclass
class ArxivClient:
    name: str = "arXiv"
    session: requests.Session = field(default_factory=api_session)
    delay: float = DELAY_SECONDS
    timeout: tuple[float, float] = TIMEOUT
    clock: Callable[[], float] = time.monotonic
    last_request: float | None = None

    def search_title(self, title: str) -> list[Candidate]:
        """The papers arXiv finds for `title`, best first."""
        params = {"search_query": title_query(title), "max_results": str(MAX_RESULTS)}
        if self.last_request is not None:
            time.sleep(max(0.0, self.last_request + self.delay - self.clock()))
        try:
            answer = get_answer(self.session, "arXiv", api_url(), params, self.timeout)
        finally:
            self.last_request = self.clock()
        return candidates_in_feed(answer.content)


def candidates_in_feed(content: bytes) -> list[Candidate]:
    """The papers of an arXiv API feed; an answer that is no feed is a ServiceError."""
    feed = feedparser.parse(content)
    if not feed.get("version"):  # feedparser names the format of a feed it recognised, such as atom10
        raise ServiceError("arXiv's answer is not an Atom feed")
    candidates = []
    for entry in feed.entries:
        found = ABSTRACT_ID.search(str(entry.get("id", "")))
        title = " ".join(str(entry.get("title", "")).split())
        if found is None or not title:
            continue  # arXiv reports a bad query as an entry whose id is its errors page
        names = (" ".join(str(author.get("name", "")).split()) for author in entry.get("authors", []))
        authors = tuple(name for name in names if name)
        published = entry.get("published_parsed")
        day = datetime.date(published.tm_year, published.tm_mon, published.tm_mday) if published else None
        summary = " ".join(str(entry.get("summary", "")).split())
        primary = entry.get("arxiv_primary_category") or {}  # <arxiv:primary_category term="cs.CL"/>
        term = str(primary.get("term", "")).strip()
        category = term if term and category_problem(term) is None else None
        candidates.append(Candidate(found.group(1), title, summary, authors, day, category))
    return candidates
