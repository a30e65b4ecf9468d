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

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from tests.conftest import FIXTURES

DAILY = FIXTURES / "hf_daily"


@dataclass
class Answer:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


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


def handler_for(fake: FakeHub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            date = parse_qs(parts.query).get("date", [""])[0]
            fake.asked.append(date)
            queue = fake.answers.get(date) if parts.path == "/api/daily_papers" else None
            missing = Answer(404, b'{"error":"Not Found"}')
            found = missing if not queue else queue.pop(0) if len(queue) > 1 else queue[0]
            time.sleep(found.delay)
            try:
                self.send_response(found.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(found.body)))
                for name, value in found.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(found.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # a client that timed out has closed the connection: what it is tested for

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def running_hub() -> Iterator[FakeHub]:
    """A FakeHub served on a free local port while the block runs."""
    fake = FakeHub()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(fake))
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()


def no_wait(waits: list[float]) -> Callable[[float], None]:
    """A sleep that records how long it was asked to wait, and returns at once."""
    return waits.append
