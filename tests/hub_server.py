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

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from tests.api_standin import NOT_FOUND, Answer, stand_in
from tests.conftest import FIXTURES

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


def no_wait(waits: list[float]) -> Callable[[float], None]:
    """A sleep that records how long it was asked to wait, and returns at once."""
    return waits.append
