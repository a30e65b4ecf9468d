"""`serve` (behind `make serve`): the preview has the search index, under the site's path."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.conftest import REPOSITORY


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def fetch(url: str, seconds: float = 60) -> bytes:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body: bytes = response.read()
                return body
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def test_serve_previews_the_site_with_its_search_index(fixture_project: Path) -> None:
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "generator",
        "--root",
        str(fixture_project),
        "serve",
        "--dev-addr",
        f"127.0.0.1:{port}",
    ]
    server = subprocess.Popen(command, cwd=REPOSITORY, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}/papershelf/"
        page = fetch(base + "papers/masked-speech-with-a-star-search/")
        assert b"Masked Speech with A* Search" in page
        entry = json.loads(fetch(base + "search/index.json"))
        assert fetch(base + f"search/{entry['root']}d/0.json").startswith(b'[["')
        assert not (fixture_project / ".papershelf.lock").exists()  # released once the Markdown was written
    finally:
        server.terminate()
        server.wait(timeout=30)
