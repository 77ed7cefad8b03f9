"""Shared plumbing of the demo servers: threaded loopback server, fault switch, rate limiter, replies."""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, NamedTuple
from urllib.parse import parse_qs, urlsplit

FAULT_KINDS = frozenset(
    {"429", "500", "502", "503", "html500", "slow", "drop", "lose_reply", "bad_json", "empty", "402", "locked"}
)


class Timed(NamedTuple):
    """One answered request with when it arrived and when its reply was written (time.perf_counter)."""

    method: str
    path: str  # with the query
    status: int
    received: float
    answered: float


@dataclass
class Reply:
    """One HTTP answer, built by a route before it is written (so faults can drop it after the work)."""

    status: int
    body: bytes = b""
    content_type: str = "application/json; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


def json_reply(status: int, payload: Any, headers: dict[str, str] | None = None) -> Reply:
    """Build a JSON reply."""
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    return Reply(status, body, "application/json; charset=utf-8", dict(headers or {}))


@dataclass
class Request:
    """A parsed incoming request as the routes see it."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: Any
    body: bytes

    def arg(self, name: str) -> str | None:
        """Return the first value of a query parameter."""
        values = self.query.get(name)
        return values[0] if values else None

    def json(self) -> Any:
        """Decode the body as JSON (raises ValueError when it is not)."""
        if not self.body:
            return None
        return json.loads(self.body.decode("utf-8"))


class Fired(NamedTuple):
    """A fault that actually fired."""

    kind: str
    method: str
    path: str


@dataclass
class _Armed:
    kind: str
    method: str | None
    pattern: re.Pattern[str] | None
    times: int
    seconds: float


class FaultSwitch:
    """Thread-safe switch that makes the next matching requests misbehave in a chosen way."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._armed: list[_Armed] = []
        self.injected: list[Fired] = []

    def inject(
        self,
        kind: str,
        *,
        method: str | None = None,
        path: str | None = None,
        times: int = 1,
        seconds: float = 0.0,
    ) -> None:
        """Arm a fault for the next `times` requests matching method and path regex."""
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; known: {sorted(FAULT_KINDS)}")
        if times < 1:
            raise ValueError("times must be at least 1")
        pattern = re.compile(path) if path is not None else None
        with self._lock:
            self._armed.append(_Armed(kind, method.upper() if method else None, pattern, times, seconds))

    def clear(self) -> None:
        """Disarm all faults and forget what fired."""
        with self._lock:
            self._armed.clear()
            self.injected.clear()

    def take(self, method: str, path: str) -> _Armed | None:
        """Consume and return the first armed fault matching this request."""
        with self._lock:
            for armed in self._armed:
                if armed.method is not None and armed.method != method:
                    continue
                if armed.pattern is not None and not armed.pattern.search(path):
                    continue
                armed.times -= 1
                if armed.times <= 0:
                    self._armed.remove(armed)
                self.injected.append(Fired(armed.kind, method, path))
                return armed
        return None


class RateLimiter:
    """Sliding-window request counter (one window of `window` seconds)."""

    def __init__(self, limit: int, window: float = 60.0, enabled: bool = True) -> None:
        self.limit = limit
        self.window = window
        self.enabled = enabled
        self._lock = threading.Lock()
        self._stamps: deque[float] = deque()

    def _prune(self, now: float) -> None:
        while self._stamps and now - self._stamps[0] >= self.window:
            self._stamps.popleft()

    def acquire(self) -> tuple[bool, int, float]:
        """Count one request; return (allowed, remaining, seconds until a slot frees)."""
        now = time.monotonic()
        with self._lock:
            self._prune(now)
            if self.enabled and len(self._stamps) >= self.limit:
                retry = self.window - (now - self._stamps[0])
                return False, 0, max(retry, 0.0)
            self._stamps.append(now)
            return True, max(self.limit - len(self._stamps), 0), 0.0

    def reset(self) -> None:
        """Forget all counted requests."""
        with self._lock:
            self._stamps.clear()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a client's open keep-alive connection must not hold up stop()
    allow_reuse_address = True
    app: DemoApp


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in two writes; without NODELAY, Nagle + delayed ACK add ~40 ms per reply.
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: the state's request log is the record."""

    def _handle(self) -> None:
        self.server.app.handle(self)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _handle


class DemoApp(ABC):
    """Base of one demo server: routing hook, faults, rate limit, latency and the request log."""

    server_name = "demo"

    def __init__(self, *, rate_limit: int, rate_window: float, rate_limits: bool, latency: float) -> None:
        self.faults = FaultSwitch()
        self.limiter = RateLimiter(rate_limit, rate_window, rate_limits)
        self.latency = latency
        # Extra seconds for some routes on top of `latency`, e.g. the time MyParcel takes to render a label.
        self.route_latency: list[tuple[str, re.Pattern[str], float]] = []
        self.lock = threading.RLock()
        self.requests: list[tuple[str, str, int]] = []
        self.timeline: list[Timed] = []  # the same requests, timed: which ones a client waited on in turn
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------------

    def start(self, port: int = 0) -> int:
        """Bind 127.0.0.1:port (0 = any free port), serve in a daemon thread and return the port."""
        httpd = _Server(("127.0.0.1", port), _Handler)
        httpd.app = self
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever, args=(0.02,), name=f"{self.server_name}-server", daemon=True
        )
        self._thread.start()
        return int(httpd.server_address[1])

    @property
    def port(self) -> int:
        """The port being served (0 when stopped), for links the server hands out to itself."""
        return int(self._httpd.server_address[1]) if self._httpd is not None else 0

    def stop(self) -> None:
        """Stop serving and release the port."""
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def reset_requests(self) -> None:
        """Forget the request log."""
        with self.lock:
            self.requests.clear()
            self.timeline.clear()

    def add_route_latency(self, method: str, path_pattern: str, seconds: float) -> None:
        """Answer requests whose path matches `path_pattern` (whole path, no query) `seconds` later still."""
        self.route_latency.append((method, re.compile(path_pattern), seconds))

    # -- to be provided by subclasses ----------------------------------------------------------------

    @abstractmethod
    def route(self, request: Request) -> Reply:
        """Answer one authenticated, rate-limited request."""

    def check_headers(self, request: Request) -> Reply | None:
        """Return an error reply when auth or required headers are wrong."""
        return None

    def error_reply(self, status: int, message: str, *, code: int | None = None) -> Reply:
        """Build this server's error body."""
        return json_reply(status, {"message": message})

    def rate_limited_reply(self, retry_after: float) -> Reply:
        """Build this server's 429 reply."""
        return self.error_reply(429, "Too Many Requests")

    def rate_headers(self, remaining: int) -> dict[str, str]:
        """Headers added to every reply about the rate limit."""
        return {}

    def fault_reply(self, kind: str, seconds: float) -> Reply | None:
        """Build the reply of a server-specific fault kind (None when the kind is not special here)."""
        return None

    # -- request pipeline --------------------------------------------------------------------------

    def handle(self, handler: _Handler) -> None:
        """Read, fault, check, route and answer one request."""
        method = handler.command
        split = urlsplit(handler.path)
        path = split.path
        path_with_query = path + (f"?{split.query}" if split.query else "")
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        request = Request(method, path, parse_qs(split.query, keep_blank_values=True), handler.headers, body)
        received = time.perf_counter()

        delay = self.latency + sum(s for m, pattern, s in self.route_latency if m == method and pattern.fullmatch(path))
        if delay:
            time.sleep(delay)

        fault = self.faults.take(method, path)
        if fault is not None and fault.kind == "slow":
            time.sleep(fault.seconds)
            fault = None
        if fault is not None and fault.kind == "drop":
            self._log(method, path_with_query, 0)
            handler.close_connection = True
            return

        reply = self.check_headers(request)
        remaining = self.limiter.limit
        if reply is None:
            allowed, remaining, retry = self.limiter.acquire()
            if not allowed:
                reply = self.rate_limited_reply(retry)
        if reply is None and fault is not None and fault.kind != "lose_reply":
            reply = self._fault(fault)
        if reply is None:
            try:
                reply = self.route(request)
            except Exception as exc:  # a bug in a route must show as a 500, not hang the client
                reply = self.error_reply(500, f"demo server error: {exc!r}")
        if fault is not None and fault.kind == "lose_reply":
            self._log(method, path_with_query, 0)
            handler.close_connection = True
            return

        self._log(method, path_with_query, reply.status)
        headers = {**self.rate_headers(remaining), **reply.headers}
        handler.send_response(reply.status)
        handler.send_header("Content-Type", reply.content_type)
        handler.send_header("Content-Length", str(len(reply.body)))
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.end_headers()
        if method != "HEAD":
            handler.wfile.write(reply.body)
        handler.wfile.flush()
        with self.lock:
            self.timeline.append(Timed(method, path_with_query, reply.status, received, time.perf_counter()))

    def _log(self, method: str, path_with_query: str, status: int) -> None:
        with self.lock:
            self.requests.append((method, path_with_query, status))

    def _fault(self, fault: _Armed) -> Reply:
        special = self.fault_reply(fault.kind, fault.seconds)
        if special is not None:
            return special
        if fault.kind == "429":
            reply = self.rate_limited_reply(fault.seconds or 1)
            reply.headers["Retry-After"] = str(max(1, round(fault.seconds or 1)))
            return reply
        if fault.kind in {"500", "502", "503"}:
            return self.error_reply(int(fault.kind), f"Injected {fault.kind}")
        if fault.kind == "html500":
            page = (
                b"<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head>"
                b"<body><h1>Whoops, something went wrong</h1></body></html>"
            )
            return Reply(500, page, "text/html; charset=utf-8")
        if fault.kind == "bad_json":
            return Reply(200, b'{"data": {"ids": [{"id": 1, "reference', "application/json; charset=utf-8")
        if fault.kind == "empty":
            return Reply(200, b"", "application/json; charset=utf-8")
        return self.error_reply(400, f"fault kind {fault.kind} does not apply to this server")


RouteFn = Callable[..., Reply]


def match_route(
    routes: list[tuple[str, re.Pattern[str], RouteFn]], request: Request
) -> tuple[RouteFn, dict[str, str]] | str | None:
    """Find the route for a request: (fn, params), "method" when only the method is wrong, or None."""
    path_matched = False
    for method, pattern, fn in routes:
        found = pattern.fullmatch(request.path)
        if found is None:
            continue
        path_matched = True
        if method == request.method:
            return fn, found.groupdict()
    return "method" if path_matched else None
