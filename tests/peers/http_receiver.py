"""An HTTP server on loopback that records every request and answers as told.

::

    with HTTPReceiver(statuses=[503, 200]) as receiver:
        ...  # something POSTs to receiver.url("/hooks/revalidate")
        first, second = receiver.wait_for(2)
        first.status, second.json()

Answers come from ``statuses`` in order; after the list runs out, every request gets the
last one. ``delay`` holds each answer back that many seconds (to provoke client timeouts).
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class ReceivedRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    status: int
    received_at: float

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    def json(self):
        return json.loads(self.body)


class HTTPReceiver:
    def __init__(self, *, statuses: list[int] | None = None, delay: float = 0.0):
        self._statuses = list(statuses or [204])
        self._delay = delay
        self._requests: list[ReceivedRequest] = []
        self._arrived = threading.Condition()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._make_handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self) -> HTTPReceiver:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def requests(self) -> list[ReceivedRequest]:
        with self._arrived:
            return list(self._requests)

    def wait_for(self, count: int, *, timeout: float = 10) -> list[ReceivedRequest]:
        """Wait until at least ``count`` requests arrived; fails the test after ``timeout``."""
        deadline = time.monotonic() + timeout
        with self._arrived:
            while len(self._requests) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"expected {count} requests, the receiver got {len(self._requests)} "
                        f"within {timeout} s"
                    )
                self._arrived.wait(remaining)
            return list(self._requests)

    def _next_status(self) -> int:
        with self._arrived:
            index = min(len(self._requests), len(self._statuses) - 1)
            return self._statuses[index]

    def _record(self, request: ReceivedRequest) -> None:
        with self._arrived:
            self._requests.append(request)
            self._arrived.notify_all()

    def _make_handler(self):
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                received_at = time.time()
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                status = receiver._next_status()
                if receiver._delay:
                    time.sleep(receiver._delay)
                receiver._record(
                    ReceivedRequest(
                        method=self.command,
                        path=self.path,
                        headers={k.lower(): v for k, v in self.headers.items()},
                        body=body,
                        status=status,
                        received_at=received_at,
                    )
                )
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_PUT = do_PURGE = do_POST

            def log_message(self, format, *args):
                pass

        return Handler
