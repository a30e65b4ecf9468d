"""The Hugging Face Hub's paper search (GET /api/papers/search?q=...), for `enrich`.

Each result is shaped as a daily-papers item: the paper's own fields nested under `paper` (`id`, `title`,
`authors` as objects with a `name`, `publishedAt`, `summary`), as huggingface_hub's `HfApi.list_papers` and
`PaperInfo` read them (hf_api.py, huggingface_hub 2.4); a result with the fields at the top is read too.
`HF_ENDPOINT` points it elsewhere, as the Hub's own clients do.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

import requests

from generator.sources.http import TIMEOUT, ServiceError, api_session, get_answer
from generator.sources.hub import hub_endpoint
from generator.sources.matching import Candidate

RESULTS = 10


@dataclass
class HubPaperSearch:
    name: str = "Hugging Face"
    session: requests.Session = field(default_factory=api_session)
    timeout: tuple[float, float] = TIMEOUT

    def search_title(self, title: str) -> list[Candidate]:
        url = f"{hub_endpoint()}/api/papers/search"
        answer = get_answer(self.session, "the Hub", url, {"q": title, "limit": str(RESULTS)}, self.timeout)
        try:
            results = answer.json()
        except ValueError as error:
            raise ServiceError("the Hub's answer is not JSON") from error
        if not isinstance(results, list):
            raise ServiceError("the Hub's answer is not a list of papers")
        return [candidate for result in results if (candidate := candidate_of(result)) is not None]


def candidate_of(result: Any) -> Candidate | None:
    """A search result as a candidate; None for one without an id or a title."""
    if not isinstance(result, dict):
        return None
    nested = result.get("paper")
    paper: dict[str, Any] = nested if isinstance(nested, dict) else result
    arxiv, title = paper.get("id"), paper.get("title") or result.get("title")
    if not isinstance(arxiv, str) or not isinstance(title, str) or not arxiv or not title.strip():
        return None
    listed = paper.get("authors")
    authors: list[Any] = listed if isinstance(listed, list) else []
    names = (author.get("name") for author in authors if isinstance(author, dict))
    summary = paper.get("summary")
    return Candidate(
        arxiv=arxiv,
        title=" ".join(title.split()),
        abstract=" ".join(summary.split()) if isinstance(summary, str) else "",
        authors=tuple(" ".join(name.split()) for name in names if isinstance(name, str) and name.strip()),
        published=_day(paper.get("publishedAt")),
    )


def _day(value: Any) -> datetime.date | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None
