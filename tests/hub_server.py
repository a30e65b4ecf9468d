"""A local server that answers as the Hugging Face Hub's daily-papers API does, for the tests of
generator/sources/.

The fixtures in tests/fixtures/hf_daily/ are shaped as the Hub's `GET /api/daily_papers?date=YYYY-MM-DD`
answers: a JSON list of items, each with the paper's own fields nested under `paper` (`id`, `authors` as
`{"_id", "name", "hidden"}`, `publishedAt`, `summary`, `githubRepo`, `projectPage`, `githubStars`) beside the
item's `title`, `publishedAt` (the day it was listed) and `numComments`. The shape comes from huggingface_hub
2.4.0's src/huggingface_hub/hf_api.py (`HfApi.list_daily_papers`, `PaperInfo.__init__`, which pops those keys
from `paper` and from the item) and the Hub's public API documentation (https://huggingface.co/docs/hub/api).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import requests
from urllib3 import BaseHTTPResponse
from urllib3.util.retry import Retry

from generator.sources.http import RETRIES, api_session
from tests.api_standin import NOT_FOUND, Answer, stand_in
from tests.conftest import FIXTURES

RETRY_SETTINGS = (
    "total", "connect", "read", "backoff_factor", "status_forcelist", "allowed_methods",
    "respect_retry_after_header", "raise_on_status", "retry_after_max",
)  # fmt: skip

DAILY = FIXTURES / "hf_daily"


@dataclass
class FakeHub:
    """What the server answers for each date, in turn (the last answer repeats), and the dates asked for."""

    url: str = ""
    answers: dict[str, list[Answer]] = field(default_factory=dict)
    asked: list[str] = field(default_factory=list)

    def answer(self, date: str, *answers: Answer) -> None:
        self.answers[date] = list(answers)

    def serve_fixture(self, date: str) -> None:
        self.answer(date, Answer(200, (DAILY / f"{date}.json").read_bytes()))

    def respond(self, path: str) -> Answer:
        """The answer to GET `path`: the next of its date's answers for the daily list, else 404."""
        parts = urlsplit(path)
        date = parse_qs(parts.query).get("date", [""])[0]
        self.asked.append(date)
        queue = self.answers.get(date) if parts.path == "/api/daily_papers" else None
        return NOT_FOUND if not queue else queue.pop(0) if len(queue) > 1 else queue[0]


@contextmanager
def running_hub() -> Iterator[FakeHub]:
    """A FakeHub served on a free local port while the block runs."""
    fake = FakeHub()
    with stand_in(fake.respond) as server:
        fake.url = server.url
        yield fake


def no_wait(waits: list[float]) -> requests.Session:
    """A session with the retries of every web API (generator/sources/http.py), except that each wait between
    two tries is recorded in `waits` rather than slept."""

    class RecordedRetry(Retry):
        def sleep(self, response: BaseHTTPResponse | None = None) -> None:
            after = self.get_retry_after(response) if response is not None else None
            waits.append(after if after is not None else self.get_backoff_time())

    return api_session(retries=RecordedRetry(**{name: getattr(RETRIES, name) for name in RETRY_SETTINGS}))
