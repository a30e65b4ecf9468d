"""The Hugging Face Hub's daily-papers list of one day, with the retries of every web API; failures are problems.

huggingface_hub's `HfApi.list_daily_papers` is not used: its `PaperInfo` reads `githubRepo` and `projectPage`
from the item, while the endpoint nests them under `paper`, so every code and project link would be lost; and
it reads HF_ENDPOINT once, when the package is imported. requests is asked directly instead.
"""

from __future__ import annotations

import datetime
import json
import os
from dataclasses import dataclass
from typing import Any

import requests

from generator.errors import Problem
from generator.sources.http import api_session

DEFAULT_ENDPOINT = "https://huggingface.co"
TIMEOUT = (5.0, 30.0)  # seconds to connect, and to wait for the list


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


def fetch_day(
    day: datetime.date, endpoint: str | None = None, session: requests.Session | None = None
) -> tuple[DailyList | None, Problem | None]:
    """The daily list of `day`, or the one problem that kept it from being read. A 429 or a 5xx is asked again
    as every web API here is (generator/sources/http.py), so what is left to say is what the last answer was."""
    base = endpoint or hub_endpoint()
    where = source_name(day)
    try:
        response = (session or api_session()).get(
            f"{base}/api/daily_papers", params={"date": day.isoformat()}, timeout=TIMEOUT
        )
    except requests.exceptions.ReadTimeout:
        return None, Problem(where, 0, f"{base} did not answer within {TIMEOUT[1]:g} s; try again later")
    except requests.RequestException as error:
        reason = type(error).__name__
        message = f"could not reach {base} ({reason}); check the network connection or HF_ENDPOINT"
        return None, Problem(where, 0, message)
    status = response.status_code
    if status == 429:
        return None, Problem(where, 0, f"{base} refused more requests (429 Too Many Requests); try again later")
    if status >= 500:
        return None, Problem(where, 0, f"{base} failed (HTTP {status}), also when asked again; try again later")
    if status == 404:
        return None, Problem(where, 0, f"the Hub has no daily papers list for {day.isoformat()} (HTTP 404)")
    if status != 200:
        return None, Problem(where, 0, f"{base} answered HTTP {status} for the list of {day.isoformat()}")
    return decoded(day, response.content)


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
