"""GitHub's REST API, for the stars of the catalog's repositories: one GET /repos/{owner}/{name} each, asked
with the ETag of the last answer so that an unchanged count costs nothing (GitHub answers 304, which does not
count against the rate limit), with `GITHUB_TOKEN` when it is set, and at `GITHUB_API_URL` when that is set
(as GitHub Actions and GitHub Enterprise set it; the tests answer there).

Answers as documented at https://docs.github.com/en/rest/repos/repos#get-a-repository (`stargazers_count`),
https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api (conditional requests)
and .../rate-limits-for-the-rest-api (403 or 429 with `x-ratelimit-remaining: 0` or `retry-after`).
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import requests
from urllib3.util.retry import Retry

from generator.catalog.model import StarCount
from generator.sources.http import RETRIES, TIMEOUT, api_session

API_URL = "https://api.github.com"


@dataclass
class StarsFetched:
    """What asking GitHub gave: the new snapshot, what went wrong with single repositories, and why it stopped
    early if it did (no network, the rate limit spent)."""

    counts: dict[str, StarCount] = field(default_factory=dict)
    changed: int = 0
    unchanged: int = 0
    missing: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    stopped: str | None = None


def api_url() -> str:
    return (os.environ.get("GITHUB_API_URL") or API_URL).rstrip("/")


def github_session(token: str | None = None, retries: Retry = RETRIES) -> requests.Session:
    """A session that retries what GitHub asks to be retried, waiting as `Retry-After` says."""
    headers = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"}
    return api_session(headers | ({"Authorization": f"Bearer {token}"} if token else {}), retries)


def fetch_stars(
    repositories: Iterable[str],
    known: Mapping[str, StarCount],
    today: datetime.date,
    session: requests.Session,
    timeout: tuple[float, float] = TIMEOUT,
) -> StarsFetched:
    """The stars of `repositories` (owner/name) today; `known` (by lowercased name) gives the ETags to ask with
    and the counts kept when GitHub cannot be asked. Counts of repositories no longer listed are dropped."""
    fetched = StarsFetched()
    base = api_url()
    for repository in sorted(set(repositories), key=str.lower):
        previous = known.get(repository.lower())
        if fetched.stopped is not None:
            if previous is not None:
                fetched.counts[repository] = previous
            continue
        headers = {"If-None-Match": previous.etag} if previous is not None and previous.etag else {}
        try:
            answer = session.get(f"{base}/repos/{repository}", headers=headers, timeout=timeout)
        except requests.exceptions.ConnectionError as error:
            fetched.stopped = f"GitHub cannot be reached at {base} ({type(error).__name__})"
        except requests.exceptions.RequestException as error:
            fetched.failures.append(f"{repository}: no answer ({type(error).__name__})")
        else:
            _take(fetched, repository, previous, answer, today)
        if repository not in fetched.counts and previous is not None and repository not in fetched.missing:
            fetched.counts[repository] = previous
    return fetched


def _take(
    fetched: StarsFetched, repository: str, previous: StarCount | None, answer: requests.Response, today: datetime.date
) -> None:
    """Record GitHub's answer about one repository."""
    etag = answer.headers.get("ETag")
    if answer.status_code == 304 and previous is not None:
        fetched.counts[repository] = StarCount(repository, previous.stars, today, previous.etag)
        fetched.unchanged += 1
    elif answer.status_code == 200:
        stars = _stars_in(answer)
        if stars is None:
            fetched.failures.append(f"{repository}: GitHub's answer holds no star count")
            return
        fetched.counts[repository] = StarCount(repository, stars, today, etag)
        fetched.changed += previous is None or previous.stars != stars
        fetched.unchanged += previous is not None and previous.stars == stars
    elif answer.status_code in (404, 451):
        fetched.missing.append(repository)
    elif answer.status_code in (403, 429) and _rate_limited(answer):
        fetched.stopped = f"GitHub's rate limit is spent (HTTP {answer.status_code}); set GITHUB_TOKEN or run later"
    else:
        fetched.failures.append(f"{repository}: GitHub answered HTTP {answer.status_code}")


def _stars_in(answer: requests.Response) -> int | None:
    try:
        data = answer.json()
    except ValueError:
        return None
    stars = data.get("stargazers_count") if isinstance(data, dict) else None
    return stars if isinstance(stars, int) and not isinstance(stars, bool) and stars >= 0 else None


def _rate_limited(answer: requests.Response) -> bool:
    return answer.headers.get("x-ratelimit-remaining") == "0" or "retry-after" in answer.headers
