"""The HTTP sessions every client of a web API uses: the same retries, waits and timeouts for each service.

urllib3's `Retry` asks again after a 429 or a 5xx with a growing backoff, waits as `Retry-After` says (up to
a minute: a longer wait means a spent limit, which the client reports), asks a refused connection once more
(so that no network is said at once), and never repeats a read that timed out (that request is reported).
"""

from __future__ import annotations

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

TIMEOUT = (5, 30)  # seconds to connect, and to wait for an answer
RETRIES = Retry(
    total=4,
    connect=1,
    read=False,
    backoff_factor=1.0,
    status_forcelist=(429, 500, 502, 503, 504),
    allowed_methods=frozenset({"GET"}),
    respect_retry_after_header=True,
    raise_on_status=False,
    retry_after_max=60,
)
USER_AGENT = "PaperShelf (https://github.com/papershelf/papershelf)"


class ServiceError(Exception):
    """A service could not answer; `reason` is one line for the curator, `unreachable` when there is no network."""

    def __init__(self, reason: str, unreachable: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.unreachable = unreachable


def api_session(headers: dict[str, str] | None = None, retries: Retry = RETRIES) -> requests.Session:
    """A session with the retries above and `headers` on every request."""
    session = requests.Session()
    session.mount("http://", HTTPAdapter(max_retries=retries))
    session.mount("https://", HTTPAdapter(max_retries=retries))
    session.headers.update({"User-Agent": USER_AGENT} | (headers or {}))
    return session


def get_answer(
    session: requests.Session, service: str, url: str, params: dict[str, str], timeout: tuple[float, float]
) -> requests.Response:
    """`service`'s 200 answer to GET `url`; anything else is a ServiceError naming `service` ("arXiv")."""
    try:
        answer = session.get(url, params=params, timeout=timeout)
    except requests.exceptions.ConnectionError as error:
        raise ServiceError(f"{service} cannot be reached at {url} ({type(error).__name__})", True) from error
    except requests.exceptions.RequestException as error:
        raise ServiceError(f"{service} did not answer ({type(error).__name__})") from error
    if answer.status_code != 200:
        raise ServiceError(f"{service} answered HTTP {answer.status_code}")
    return answer
