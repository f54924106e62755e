"""A fake Nominatim on 127.0.0.1, so online geocoding is tested without the network.

>>> with FakeNominatim() as fake:
...     fake.domain.startswith("127.0.0.1:")
True
"""

from __future__ import annotations

import json
import threading
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

#: Answers in Nominatim's ``format=json&addressdetails=1`` shape, by lower-cased query.
PLACES: dict[str, list[dict[str, Any]]] = {
    "tbilisi": [{
        "place_id": 1, "lat": "41.6934591", "lon": "44.8014495", "name": "Tbilisi", "class": "place",
        "type": "city", "addresstype": "city", "display_name": "Tbilisi, Georgia",
        "boundingbox": ["41.5869", "41.8440", "44.5979", "45.0118"],
        "address": {"city": "Tbilisi", "country": "Georgia", "country_code": "ge"},
    }],
    "gori": [
        {"place_id": 2, "lat": "41.9842", "lon": "44.1158", "class": "place", "type": "town", "addresstype": "town",
         "display_name": "Gori, Shida Kartli, Georgia",
         "address": {"town": "Gori", "state": "Shida Kartli", "country": "Georgia", "country_code": "ge"}},
        {"place_id": 3, "lat": "35.2000", "lon": "33.4000", "class": "place", "type": "village",
         "addresstype": "village", "display_name": "Gori, Cyprus",
         "address": {"village": "Gori", "country": "Cyprus", "country_code": "cy"}},
    ],
    "georgia": [{
        "place_id": 4, "lat": "41.6809707", "lon": "44.0287382", "class": "boundary", "type": "administrative",
        "addresstype": "country", "display_name": "Georgia", "address": {"country": "Georgia", "country_code": "ge"},
    }],
    "shida kartli": [{
        "place_id": 5, "lat": "42.08", "lon": "43.95", "class": "boundary", "type": "administrative",
        "addresstype": "state", "display_name": "Shida Kartli, Georgia",
        "address": {"state": "Shida Kartli", "country": "Georgia", "country_code": "ge"},
    }],
    "roki tunnel": [{
        "place_id": 6, "lat": "42.5556", "lon": "44.1176", "class": "man_made", "type": "tunnel",
        "addresstype": "man_made", "display_name": "Roki Tunnel, Georgia",
        "address": {"man_made": "Roki Tunnel", "country": "Georgia", "country_code": "ge"},
    }],
}

#: What the server does with a request: answer, or misbehave in one of these ways.
MODES = ("ok", "slow", "rate-limited", "error", "garbage", "unauthorized", "forbidden")


class FakeNominatim:
    """A Nominatim-compatible ``/search`` on 127.0.0.1 whose behaviour each test controls.

    ``then(*modes)`` queues how the next requests are answered (one mode each), after which
    ``mode`` applies. ``requests`` holds the query string of every request received.

    >>> with FakeNominatim() as fake:
    ...     fake.then("rate-limited", "ok")
    ...     fake.requests
    []
    """

    def __init__(self, *, slow_seconds: float = 2.0) -> None:
        self.mode = "ok"
        self.retry_after: str | None = None  # Retry-After header of "rate-limited" answers
        self.slow_seconds = slow_seconds  # how long "slow" answers take (cut short when the server stops)
        self.requests: list[dict[str, list[str]]] = []
        self._queue: deque[str] = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    @property
    def domain(self) -> str:
        """``host:port`` to give geopy as ``domain`` (with ``scheme="http"``)."""
        port = self._server.server_address[1]
        return f"127.0.0.1:{port}"

    @property
    def count(self) -> int:
        """How many requests the server received."""
        with self._lock:
            return len(self.requests)

    def then(self, *modes: str) -> None:
        """Answer the next requests with ``modes``, one each, then with ``self.mode`` again."""
        unknown = set(modes) - set(MODES)
        if unknown:
            raise ValueError(f"unknown modes {sorted(unknown)}; choose from {MODES}")
        with self._lock:
            self._queue.extend(modes)

    def start(self) -> FakeNominatim:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # wakes "slow" handlers
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FakeNominatim:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _next_mode(self, query: dict[str, list[str]]) -> str:
        with self._lock:
            self.requests.append(query)
            return self._queue.popleft() if self._queue else self.mode

    def _answer(self, query: dict[str, list[str]]) -> list[dict[str, Any]]:
        places = PLACES.get(" ".join(query.get("q", [""])[0].lower().split()), [])
        codes = {c.strip().lower() for c in query.get("countrycodes", [""])[0].split(",") if c.strip()}
        return [p for p in places if not codes or p["address"]["country_code"] in codes]


def _handler(fake: FakeNominatim) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlsplit(self.path)
            if url.path != "/search":
                self._send(404, b"not found", "text/plain")
                return
            query = parse_qs(url.query)
            mode = fake._next_mode(query)
            if mode == "slow":
                fake._stopping.wait(fake.slow_seconds)
            if mode in ("ok", "slow"):
                self._send(200, json.dumps(fake._answer(query)).encode(), "application/json")
            elif mode == "rate-limited":
                headers = {"Retry-After": fake.retry_after} if fake.retry_after is not None else {}
                self._send(429, b"Too Many Requests", "text/plain", headers)
            elif mode == "error":
                self._send(500, b"Internal Server Error", "text/plain")
            elif mode == "garbage":
                self._send(200, b"<html>definitely not json", "application/json")
            else:
                self._send(401 if mode == "unauthorized" else 403, b"Access denied", "text/plain")

        def _send(self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timed out) first

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: tests read ``fake.requests`` instead of a log."""

    return Handler
