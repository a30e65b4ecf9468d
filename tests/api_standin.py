"""A local HTTP server that answers as a web API answers, for tests that must not reach the internet.

Each path is given the answers it gives in turn (the last one repeats), or a function picks the answer to
each request; every request is recorded with its headers, so a test can assert what a client asked (an ETag,
a token) as well as what it made of the answers.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Answer:
    status: int = 200
    body: bytes | str | Any = b""  # bytes and text as they are; anything else as JSON
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering, for timeouts

    def payload(self) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode("utf-8")
        return json.dumps(self.body).encode("utf-8")


@dataclass
class StandIn:
    url: str
    answers: dict[str, list[Answer]]
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def asked(self, path: str) -> list[dict[str, str]]:
        """The headers of each request for `path` (with its query)."""
        return [headers for asked, headers in self.requests if asked == path]


NOT_FOUND = Answer(404, {"error": "Not Found"})


def in_turn(answers: dict[str, list[Answer]]) -> Callable[[str], Answer]:
    """Answers by path (query included), each path's in turn, the last one repeating; 404 for any other path."""
    shown: dict[str, int] = {}

    def answer(path: str) -> Answer:
        given = answers.get(path, [NOT_FOUND])
        turn = shown[path] = shown.get(path, -1) + 1
        return given[min(turn, len(given) - 1)]

    return answer


@contextmanager
def stand_in(answers: dict[str, list[Answer]] | Callable[[str], Answer]) -> Iterator[StandIn]:
    """A server on 127.0.0.1 answering `answers` (see `in_turn`), or what the function `answers` gives a path."""
    served = StandIn("", answers if isinstance(answers, dict) else {})
    pick = in_turn(answers) if isinstance(answers, dict) else answers
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            with lock:
                served.requests.append((self.path, {key.lower(): value for key, value in self.headers.items()}))
                answer = pick(self.path)
            if answer.delay:
                threading.Event().wait(answer.delay)
            payload = answer.payload()
            try:
                self.send_response(answer.status)
                headers = {"Content-Type": "application/json"} | answer.headers
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if answer.status != 304:
                    self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass  # a client that timed out has closed the connection: what it is tested for

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    served.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield served
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
