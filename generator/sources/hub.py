"""The Hugging Face Hub's daily-papers list of one day, fetched with bounded retries; failures are problems.

huggingface_hub's `HfApi.list_daily_papers` is not used: its `PaperInfo` reads `githubRepo` and `projectPage`
from the item, while the endpoint nests them under `paper`, so every code and project link would be lost; and
it reads HF_ENDPOINT once, when the package is imported. requests is asked directly instead.
"""

from __future__ import annotations

import datetime
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import requests

from generator.errors import Problem

DEFAULT_ENDPOINT = "https://huggingface.co"
ATTEMPTS = 4  # one request and three retries, for a 429 or a 5xx
BACKOFF_SECONDS = 1.0  # doubled after each failed attempt
MAX_WAIT_SECONDS = 60.0  # the most a Retry-After is waited for
TIMEOUT_SECONDS = 30.0


@dataclass(frozen=True)
class DailyList:
    """The items of one day's list as the Hub returned them, decoded from JSON but not yet checked."""

    day: datetime.date
    items: list[Any]


def source_name(day: datetime.date) -> str:
    """The listing source recorded for the papers of `day`; it starts as listing files of the Hub's page do."""
    return f"hf-daily-papers-{day.isoformat()}"


def hub_endpoint() -> str:
    return (os.environ.get("HF_ENDPOINT") or DEFAULT_ENDPOINT).rstrip("/")


def backoff(attempt: int) -> float:
    return BACKOFF_SECONDS * float(2**attempt)


def retry_delay(response: requests.Response, attempt: int) -> float:
    """How long to wait before the next attempt: the Retry-After seconds when given, else the backoff."""
    waited = backoff(attempt)
    header = str(response.headers.get("Retry-After", ""))
    seconds = float(header) if header.strip().isdigit() else waited
    return min(max(seconds, waited), MAX_WAIT_SECONDS)


def fetch_day(
    day: datetime.date,
    endpoint: str | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> tuple[DailyList | None, Problem | None]:
    """The daily list of `day`, or the one problem that kept it from being read."""
    base = endpoint or hub_endpoint()
    url = f"{base}/api/daily_papers"
    where = source_name(day)
    for attempt in range(ATTEMPTS):
        try:
            response = requests.get(url, params={"date": day.isoformat()}, timeout=TIMEOUT_SECONDS)
        except requests.Timeout:
            if attempt + 1 < ATTEMPTS:
                sleep(backoff(attempt))
                continue
            message = f"{base} did not answer within {TIMEOUT_SECONDS:g} s, {ATTEMPTS} times; try again later"
            return None, Problem(where, 0, message)
        except requests.RequestException as error:
            reason = type(error).__name__
            message = f"could not reach {base} ({reason}); check the network connection or HF_ENDPOINT"
            return None, Problem(where, 0, message)
        status = response.status_code
        if status == 429 or status >= 500:
            if attempt + 1 < ATTEMPTS:
                sleep(retry_delay(response, attempt))
                continue
            what = "refused more requests (429 Too Many Requests)" if status == 429 else f"failed (HTTP {status})"
            return None, Problem(where, 0, f"{base} {what} {ATTEMPTS} times; try again later")
        if status == 404:
            return None, Problem(where, 0, f"the Hub has no daily papers list for {day.isoformat()} (HTTP 404)")
        if status != 200:
            return None, Problem(where, 0, f"{base} answered HTTP {status} for the list of {day.isoformat()}")
        return decoded(day, response.content)
    raise AssertionError("unreachable: the last attempt always returns")


def decoded(day: datetime.date, content: bytes) -> tuple[DailyList | None, Problem | None]:
    where = source_name(day)
    try:
        data = json.loads(content)
    except (ValueError, RecursionError):
        return None, Problem(where, 0, "the Hub's answer is not JSON; try again later")
    if not isinstance(data, list):
        return None, Problem(where, 0, "the Hub's answer is not a JSON list of papers")
    if not data:
        return None, Problem(where, 0, f"no papers listed on {day.isoformat()}")
    return DailyList(day, data), None
