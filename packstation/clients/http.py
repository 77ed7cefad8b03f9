"""What both API clients share: configuration, the AsyncClient, retries, the rate limiter and error mapping."""

from __future__ import annotations

import asyncio
import bisect
import collections
import contextlib
import contextvars
import importlib
import ipaddress
import logging
import random
import ssl
import threading
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

from packstation import __version__
from packstation.clients.errors import (
    ApiError,
    ApiMessage,
    BadResponse,
    ConnectionFailed,
    MissingApiKey,
    RateLimited,
    RequestTimeout,
    ServerError,
    status_error,
)
from packstation.domain.errors import WaitStopped
from packstation.domain.waits import Wait, WaitListener, WaitReason

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

USER_AGENT = f"packstation/{__version__} (+https://github.com/packstation)"
# A JSON answer larger than this is not something either API sends; label PDFs have their own limit.
MAX_RESPONSE_BYTES = 32 * 1024 * 1024

Sleep = Callable[[float], Awaitable[None]]
Clock = Callable[[], float]
ErrorParser = Callable[[bytes], tuple[ApiMessage, ...]]
_Found = TypeVar("_Found")


@dataclass(frozen=True)
class HttpConfig:
    """Where one API lives and how long to wait for it."""

    base_url: str
    api_key: str = field(repr=False)
    # The environment variable that can supply the key, named in the error when the key is missing.
    api_key_variable: str = ""
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    write_timeout: float = 30.0
    pool_timeout: float = 10.0
    user_agent: str = USER_AGENT
    max_response_bytes: int = MAX_RESPONSE_BYTES
    # The runtime's shared contexts (app.runtime.Runtime.tls); a config built without one (tests) gets its own.
    tls: TlsContexts = field(default_factory=lambda: TlsContexts(), repr=False, compare=False)

    @property
    def timeout(self) -> httpx.Timeout:
        import httpx

        return httpx.Timeout(
            connect=self.connect_timeout, read=self.read_timeout, write=self.write_timeout, pool=self.pool_timeout
        )


def is_loopback_host(host: str) -> bool:
    """Return whether a host name is this machine (127.0.0.0/8, ::1, localhost)."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_base_url(service: str, url: str) -> str:
    """Return the URL if it may carry an API key: https, or plain http only to a loopback host."""
    if not url:
        raise ApiError(service, "no API address is configured")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ApiError(service, f"not a web address: {url!r}")
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        raise ApiError(service, f"refusing plain http to {parts.hostname}: the API key would travel unencrypted")
    return url


# httpx and what its first request loads (httpcore, h11, anyio's asyncio backend) cost ~150 ms to import, as
# much as the rest of start-up. Nothing here imports them at module level: a session loads them on a worker
# thread the first time it sends (see `load_http_stack`), so the window shows without waiting for them and the
# event loop never stalls on their import.
HTTP_STACK: tuple[str, ...] = (
    "httpx",
    "httpcore._async.connection_pool",
    "httpcore._backends.anyio",
    "h11",
    "anyio._backends._asyncio",
)
_stack_loaded = False


def load_http_stack(base_url: str = "", tls: TlsContexts | None = None) -> None:
    """Import the HTTP stack and build the TLS context `base_url` needs; blocking, safe from any thread."""
    global _stack_loaded  # a fact about this process's imported modules, not a resource: nothing to close
    if not _stack_loaded:
        # The import system locks per module, so two threads importing at once each get the finished module.
        for name in HTTP_STACK:
            importlib.import_module(name)
        _stack_loaded = True
    if base_url and tls is not None:
        tls.for_url(base_url)


def http_stack_ready(base_url: str, tls: TlsContexts) -> bool:
    """Tell whether a client for `base_url` can be built now without importing or reading a CA bundle."""
    if not _stack_loaded:
        return False
    return _loopback_http(base_url) or tls.loaded


def _loopback_http(base_url: str) -> bool:
    parts = urlsplit(base_url)
    return parts.scheme == "http" and bool(parts.hostname) and is_loopback_host(parts.hostname or "")


class TlsContexts:
    """The TLS contexts of the clients of one runtime (app.runtime.Runtime.tls): the verifying one built once.

    Loading the CA bundle takes ~30 ms; every client of the runtime shares one context instead of each loading
    its own. Owned by the runtime, not the module, so a test or a second runtime starts from nothing.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()  # clients build their context on worker threads (load_http_stack)
        self._verifying: ssl.SSLContext | None = None

    @property
    def loaded(self) -> bool:
        """True once the verifying context is built (a client for an https address needs no CA bundle read)."""
        return self._verifying is not None

    def verifying(self) -> ssl.SSLContext:
        """Return the verifying TLS context (httpx's default: certifi, or SSL_CERT_FILE/DIR), built once."""
        with self._lock:
            if self._verifying is None:
                import httpx

                self._verifying = httpx.create_ssl_context(verify=True)
            return self._verifying

    def for_url(self, base_url: str) -> ssl.SSLContext:
        """Return the TLS context for a client of this API address."""
        if _loopback_http(base_url):
            # A plain-http loopback API (demo mode, tests) never needs TLS; failing closed instead of loading the
            # CA bundle keeps start-up short without letting this client reach any https host unverified.
            return trust_nothing_tls_context()
        return self.verifying()


def trust_nothing_tls_context() -> ssl.SSLContext:
    """Return a TLS context that verifies certificates but trusts no authority: every https connection fails."""
    return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # check_hostname and CERT_REQUIRED are its defaults


def build_async_client(
    config: HttpConfig,
    headers: Mapping[str, str],
    *,
    auth: httpx.Auth | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> httpx.AsyncClient:
    """Build the one AsyncClient of an API (TLS verification always on, no redirects)."""
    import httpx

    # Redirects are not followed: a redirect to another host must never receive the Authorization header.
    return httpx.AsyncClient(
        base_url=config.base_url,
        headers={"User-Agent": config.user_agent, **headers},
        auth=auth,
        timeout=config.timeout,
        # A transport handed in (tests) brings its own connections: no TLS context to build at all.
        verify=True if transport is not None else config.tls.for_url(config.base_url),
        follow_redirects=False,
        transport=transport,
    )


async def _asyncio_sleep(seconds: float) -> None:
    await asyncio.sleep(seconds)


class WaitWatch:
    """The retry waits of one job: who hears of them, and a switch that ends the one in progress.

    Reached through a context variable (see `RetryWaits.watching`), so only the requests of the task that set
    it up (and the tasks it starts) report here; a background refresh sharing the session does not.
    """

    def __init__(self, listener: WaitListener) -> None:
        self._listener = listener
        self._waiting: set[asyncio.Future[None]] = set()

    @property
    def waiting(self) -> bool:
        """True while a request of this job is waiting before its next try."""
        return bool(self._waiting)

    def stop(self) -> bool:
        """End the wait in progress with WaitStopped; False (and nothing changes) when none is in progress."""
        stopped = False
        for switch in list(self._waiting):
            if not switch.done():
                switch.set_result(None)
                stopped = True
        return stopped

    async def wait(self, wait: Wait, sleep: Sleep) -> None:
        """Tell the listener, then sleep; raise WaitStopped when `stop` ends the sleep early."""
        try:
            self._listener(wait)
        except Exception:  # a listener's bug must not fail the shipment it only reports on
            log.exception("wait listener failed")
        switch: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        sleeper = asyncio.ensure_future(sleep(wait.seconds))
        self._waiting.add(switch)
        try:
            await asyncio.wait((sleeper, switch), return_when=asyncio.FIRST_COMPLETED)
        finally:
            self._waiting.discard(switch)
            if not sleeper.done():
                sleeper.cancel()
        if switch.done() and not sleeper.done():
            raise WaitStopped(wait.service)
        sleeper.result()  # a failing sleep (never expected) surfaces here


_current_watch: contextvars.ContextVar[WaitWatch | None] = contextvars.ContextVar("packstation_wait", default=None)


class RetryWaits:
    """Makes the retry layer's waits visible to a job (implements services.ports.WaitReports)."""

    @contextlib.contextmanager
    def watching(self, listener: WaitListener) -> Iterator[WaitWatch]:
        """Report every wait of the requests made inside this block (this task and tasks it starts) to `listener`."""
        watch = WaitWatch(listener)
        token = _current_watch.set(watch)
        try:
            yield watch
        finally:
            _current_watch.reset(token)


async def wait_before_retry(wait: Wait, sleep: Sleep) -> None:
    """Sleep `wait.seconds`, telling the job that is watching (if any), which may end the wait early."""
    watch = _current_watch.get()
    if watch is None:
        await sleep(wait.seconds)
    else:
        await watch.wait(wait, sleep)


@dataclass(frozen=True)
class RetryPolicy:
    """When and how long to wait before trying a request again.

    `rate_limit_wait`/`rate_limit_cap` of None use the API's documented default (see each client).
    `attempts` bounds the tries after failures (5xx, timeouts, lost connections). A 429 is not a failure:
    the API refused the request untouched, often because other stations share the key, so it is tried again
    until `rate_limit_budget` seconds of waiting for the limit are used up, however many 429s that takes.
    """

    attempts: int = 5
    base_delay: float = 0.5
    max_delay: float = 30.0
    jitter: float = 1.0
    max_retry_after: float = 300.0
    rate_limit_budget: float = 300.0
    rate_limit_wait: float | None = None
    rate_limit_cap: float | None = None
    low_remaining: int = 5  # X-RateLimit-Remaining at or below this pauses the key's limiter
    sleep: Sleep = _asyncio_sleep
    random: Callable[[], float] = random.random

    def backoff(self, attempt: int) -> float:
        """Return the wait after failed attempt number `attempt` (1-based): capped exponential plus jitter."""
        return min(self.max_delay, self.base_delay * 2 ** max(0, attempt - 1)) + self.random() * self.jitter

    def rate_limit_delay(
        self, attempt: int, retry_after: float | None, default_wait: float, default_cap: float
    ) -> float:
        """Return the wait after a 429: the server's Retry-After, else a growing wait from the API's default.

        Jitter is added to Retry-After too: stations sharing a key all hear the same Retry-After, and would
        otherwise all come back in the same instant and mostly be refused again.
        """
        if retry_after is not None:
            return min(max(0.0, retry_after), self.max_retry_after) + self.random() * self.jitter
        first = self.rate_limit_wait if self.rate_limit_wait is not None else default_wait
        cap = self.rate_limit_cap if self.rate_limit_cap is not None else default_cap
        return min(cap, first * 2 ** max(0, attempt - 1)) + self.random() * self.jitter


class Priority(IntEnum):
    """Who waits for a request: the limiter serves every waiting FOREGROUND request before any BACKGROUND one."""

    FOREGROUND = 0  # a packer waits for it: a scan, a shipment, its write-back
    BACKGROUND = 1  # nobody waits for it: paging through the picklists list


@dataclass(eq=False)
class _Ticket:
    priority: Priority
    seq: int


class RateLimiter:
    """Client-side sliding window: at most `max_calls` requests per `period` seconds for one API key.

    Share one instance between everything that uses the same key. `hold()` pauses every user of the key
    (after a 429 or when the server says few requests remain).

    Requests wait in line by priority: a FOREGROUND request (a scan, a shipment) goes before every waiting
    BACKGROUND one (list paging), and background requests may fill the window only up to `background_share` of
    `max_calls`, so a refresh of 50,000 picklists never leaves a scan waiting for the window to slide. Several
    stations share one Picqer account but each has its own limiter: background requests also stop for a while
    whenever the server says the account has no more than the foreground's share left (`observe_remaining`).
    """

    def __init__(
        self,
        max_calls: int,
        period: float = 60.0,
        *,
        clock: Clock = time.monotonic,
        sleep: Sleep = _asyncio_sleep,
        background_share: float = 0.8,
        random: Callable[[], float] = random.random,
    ) -> None:
        if max_calls < 1 or period <= 0:
            raise ValueError("a rate limit needs at least one call in a positive period")
        if not 0.0 < background_share <= 1.0:
            raise ValueError("the background share is a fraction of the window above 0")
        self.max_calls = max_calls
        self.period = period
        self.background_share = background_share
        self.background_limit = max(1, int(max_calls * background_share))
        self._clock = clock
        self._sleep = sleep
        self._calls: collections.deque[float] = collections.deque()
        self._held_until = 0.0
        self._background_held_until = 0.0
        self._background_backoff = 0  # how many times in a row the server said the account is short
        self._random = random
        self._waiting: list[_Ticket] = []  # foreground first, then background; first come first within each
        self._seq = 0
        self._changed: asyncio.Event | None = None  # set (and replaced) whenever a waiter should look again

    @classmethod
    def for_picqer(cls, **kwargs: Any) -> RateLimiter:
        """Picqer: 500 requests per minute per key (Picqer API, "Rate limiting"; api-notes §1)."""
        return cls(500, 60.0, **kwargs)

    @classmethod
    def for_myparcel(cls, **kwargs: Any) -> RateLimiter:
        """MyParcel: 100 requests per minute (MyParcel.nl API §1.D; within per-endpoint limits too, api-notes §7)."""
        return cls(100, 60.0, **kwargs)

    @property
    def background_reserve(self) -> int:
        """How many requests of a window only foreground requests may use."""
        return self.max_calls - self.background_limit

    def _prune(self, now: float) -> None:
        while self._calls and self._calls[0] <= now - self.period:
            self._calls.popleft()

    async def acquire(self, priority: Priority = Priority.FOREGROUND) -> None:
        """Wait until one more request fits in the window and it is this request's turn, and count it."""
        self._seq += 1
        ticket = _Ticket(priority, self._seq)
        bisect.insort(self._waiting, ticket, key=lambda t: (t.priority, t.seq))
        if ticket is not self._waiting[-1]:
            self._notify()  # it went ahead of someone: a background request asleep at the head must step back
        try:
            while True:
                now = self._clock()
                wait = self._wait_for(ticket, now)
                if wait is not None and wait <= 0:
                    self._calls.append(now)
                    return
                await self._pause(wait)
        finally:
            self._waiting.remove(ticket)
            self._notify()

    def _wait_for(self, ticket: _Ticket, now: float) -> float | None:
        """Return how long `ticket` must still wait (0: go now), or None while others are ahead of it."""
        if self._waiting[0] is not ticket:
            return None
        if self._held_until > now:
            return self._held_until - now
        self._prune(now)
        limit = self.max_calls
        if ticket.priority is Priority.BACKGROUND:
            if self._background_held_until > now:
                return self._background_held_until - now
            limit = self.background_limit
        if len(self._calls) < limit:
            return 0.0
        return self._calls[len(self._calls) - limit] + self.period - now

    async def _pause(self, seconds: float | None) -> None:
        """Sleep `seconds` (None: indefinitely), waking early when the line or the holds change."""
        if self._changed is None:
            self._changed = asyncio.Event()
        changed = self._changed.wait()
        if seconds is None:
            await changed
            return
        waker = asyncio.ensure_future(changed)
        sleeper = asyncio.ensure_future(self._sleep(seconds))
        try:
            await asyncio.wait((waker, sleeper), return_when=asyncio.FIRST_COMPLETED)
        finally:
            waker.cancel()
            sleeper.cancel()

    def _notify(self) -> None:
        if self._changed is not None:
            self._changed.set()
            self._changed = None

    def hold(self, seconds: float) -> None:
        """Let no request through for `seconds` from now."""
        self._held_until = max(self._held_until, self._clock() + max(0.0, seconds))
        self._notify()

    def hold_until_slot_frees(self) -> float:
        """Hold until the oldest request of our window expires (the whole period if none); return the wait."""
        now = self._clock()
        self._prune(now)
        wait = (self._calls[0] + self.period - now) if self._calls else self.period
        self.hold(wait)
        return wait

    def held_for(self) -> float:
        """Seconds until a hold (after a 429, or few requests left) lets requests through again; 0 when none."""
        return max(0.0, self._held_until - self._clock())

    def observe_remaining(self, remaining: int, limit: int | None = None) -> None:
        """Take the server's count of requests left for the key (all stations together) into account.

        At or below the foreground's share of the server's `limit` (X-RateLimit-Limit, which Picqer may lower under
        load; this limiter's own size without it), background requests pause and then one of them looks again:
        what is left belongs to the packers of every station. The pause starts at a twelfth of the period (5 s for
        Picqer's minute) and doubles while the account stays short, up to half the period, with +-25% jitter: twenty
        stations looking again in step every 5 s would use up the reserve by themselves.
        """
        if limit is not None and limit > 0:
            reserve = limit - max(1, int(limit * self.background_share))
        else:
            reserve = self.background_reserve
        if remaining > reserve:
            self._background_backoff = 0
            return
        pause = min(self.period / 2, self.period / 12 * 2**self._background_backoff)
        self._background_backoff = min(self._background_backoff + 1, 8)
        pause *= 0.75 + 0.5 * self._random()
        self._background_held_until = max(self._background_held_until, self._clock() + pause)
        self._notify()

    @property
    def in_window(self) -> int:
        """How many requests the current window holds."""
        self._prune(self._clock())
        return len(self._calls)


# Methods that may be sent twice with the same effect (RFC 9110 §9.2.2): retried after 5xx, timeouts and lost replies.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})


@dataclass
class _Call:
    """Where one request stands across its attempts."""

    method: str
    url: str
    idempotent: bool
    attempts: int
    attempt: int = 1  # the try being made; only failures move it on, a 429 does not
    throttled: int = 0  # 429s so far
    waited_for_limit: float = 0.0


@dataclass(frozen=True)
class _Failure:
    """One attempt that failed: the error, whether another attempt is safe, and why the packer waits."""

    error: ApiError
    retryable: bool
    reason: WaitReason


class ApiSession:
    """One API's AsyncClient with its limiter, retry policy and error mapping.

    The AsyncClient is built on the first request, after `load_http_stack` ran on a worker thread: building
    the session (at start-up) imports nothing and opens nothing. Requests sent before that finished wait for it.
    """

    def __init__(
        self,
        service: str,
        config: HttpConfig,
        limiter: RateLimiter,
        retry: RetryPolicy,
        *,
        headers: Mapping[str, str],
        error_parser: ErrorParser,
        rate_limit_wait: float,
        rate_limit_cap: float,
        auth: httpx.Auth | None = None,
        basic_auth: tuple[str, str] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        """`basic_auth` is (user, password) for HTTP Basic, built with the client so httpx need not be loaded."""
        self.service = service
        self.config = config
        self.limiter = limiter
        self.retry = retry
        self._parser = error_parser
        self._rate_limit_wait = rate_limit_wait
        self._rate_limit_cap = rate_limit_cap
        self._config_error: ApiError | None = None
        try:
            check_base_url(service, config.base_url)
        except ApiError as exc:
            # Reported on the first request, so a mistyped address shows up as a clear error, not a crash.
            self._config_error = exc
        self._headers = dict(headers)
        self._auth = auth
        self._basic_auth = basic_auth
        self._transport = transport
        self._client: httpx.AsyncClient | None = None
        self._closed = False

    @property
    def client(self) -> httpx.AsyncClient | None:
        """The AsyncClient, or None until the first request built it."""
        return self._client

    async def _ready_client(self) -> httpx.AsyncClient:
        """Return the AsyncClient, loading the HTTP stack on a worker thread first if this process has not yet."""
        if self._client is None and not http_stack_ready(self.config.base_url, self.config.tls):
            await asyncio.to_thread(load_http_stack, self.config.base_url, self.config.tls)
        if self._closed:
            raise RuntimeError(f"the {self.service} session is closed")
        if self._client is None:  # a request that waited alongside may have built it already
            auth = self._auth
            if auth is None and self._basic_auth is not None:
                import httpx

                auth = httpx.BasicAuth(*self._basic_auth)
            self._client = build_async_client(self.config, self._headers, auth=auth, transport=self._transport)
        return self._client

    def _address(self, url: str) -> str:
        """Return the address a request went to, without its query, for errors the admin reads."""
        if "://" in url:
            return url.split("?", 1)[0]
        return f"{self.config.base_url.rstrip('/')}/{url.lstrip('/')}".split("?", 1)[0]

    async def aclose(self) -> None:
        """Close the connection pool (if a request ever opened one)."""
        self._closed = True
        if self._client is not None:
            await self._client.aclose()

    async def request(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        idempotent: bool | None = None,
        retry_rate_limited: bool = True,
        max_bytes: int | None = None,
        priority: Priority = Priority.FOREGROUND,
    ) -> httpx.Response:
        """Send a request, retrying what is safe to retry, and return the successful response.

        Args:
            idempotent: retry 5xx, timeouts and dropped connections (default: True for GET/HEAD/PUT/DELETE).
            retry_rate_limited: retry after a 429 (the API ignored the request, so this is safe for any method),
                until the policy's `rate_limit_budget` of waiting is used up.
            max_bytes: refuse a larger body (default: the config's limit).
            priority: BACKGROUND waits behind every FOREGROUND request for the same key (see RateLimiter).
        """
        self._check_configured()
        client = await self._ready_client()
        if idempotent is None:
            idempotent = method.upper() in IDEMPOTENT_METHODS
        limit = max_bytes if max_bytes is not None else self.config.max_response_bytes
        call = _Call(method, url, idempotent, max(1, self.retry.attempts))
        while True:
            await self._take_turn(priority, call.attempt)
            outcome = await self._attempt(client, call, params=params, json=json, content=content, headers=headers)
            if not isinstance(outcome, _Failure):
                return self._checked_size(outcome, limit)
            if isinstance(outcome.error, RateLimited):
                await self._wait_out_rate_limit(outcome.error, call, retry_rate_limited)
            else:
                await self._back_off_or_raise(outcome, call)

    def _check_configured(self) -> None:
        """Raise what keeps any request from being sent: a bad base address or no API key."""
        if self._config_error is not None:
            raise self._config_error
        if not self.config.api_key:
            # Said before anything is sent: an empty key would only come back as "refused the API key".
            raise MissingApiKey(self.service, self.config.api_key_variable)

    async def _take_turn(self, priority: Priority, attempt: int) -> None:
        """Wait for this key's pause (if any) to end, then for the limiter to let one more request out."""
        held = self.limiter.held_for()
        if held > 0:
            # The key is paused (a 429 here or on another request, or few requests left): wait in plain
            # sight, where the packer sees why and can stop, rather than silently inside the limiter.
            await wait_before_retry(Wait(self.service, WaitReason.RATE_LIMITED, held, attempt), self.retry.sleep)
        await self.limiter.acquire(priority)

    async def _attempt(self, client: httpx.AsyncClient, call: _Call, **send: Any) -> httpx.Response | _Failure:
        """Send the request once: the successful response, or what went wrong and whether a retry is safe.

        Raises what no retry can mend (a refusal, an unexpected redirect) at once.
        """
        import httpx

        try:
            response = await client.request(call.method, call.url, **send)
        except httpx.TransportError as exc:
            return self._transport_failure(exc, call)
        log.debug("%s %s %s -> %s", self.service, call.method, call.url, response.status_code)
        self._observe_remaining(response)
        if response.is_success:
            return response
        return self._status_failure(response, call)

    def _transport_failure(self, exc: httpx.TransportError, call: _Call) -> _Failure:
        """Map a failure of the connection itself to its typed error."""
        import httpx

        name = type(exc).__name__
        # Raised before a single byte of the request left this machine: retrying cannot duplicate anything.
        if isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)):
            target = self._address(call.url)
            error: ApiError = ConnectionFailed(self.service, f"cannot reach {target} ({name})", url=target)
            return _Failure(error, True, WaitReason.UNREACHABLE)
        if isinstance(exc, httpx.TimeoutException):
            error = RequestTimeout(self.service, f"no answer in time ({name})")
            return _Failure(error, call.idempotent, WaitReason.NO_ANSWER)
        target = self._address(call.url)
        error = ConnectionFailed(self.service, f"connection to {target} lost ({name})", url=target)
        return _Failure(error, call.idempotent, WaitReason.NO_ANSWER)

    def _status_failure(self, response: httpx.Response, call: _Call) -> _Failure:
        """Map an error status to a failure worth waiting out (429, 5xx), or raise it."""
        error = status_error(self.service, response.status_code, response.headers, response.content, self._parser)
        if isinstance(error, RateLimited):
            return _Failure(error, True, WaitReason.RATE_LIMITED)
        if isinstance(error, ServerError):
            return _Failure(error, call.idempotent, WaitReason.SERVER_ERROR)
        if 300 <= response.status_code < 400:
            raise BadResponse(
                self.service, f"unexpected redirect (HTTP {response.status_code}) for {call.method} {call.url}"
            ) from None
        raise error

    async def _wait_out_rate_limit(self, error: RateLimited, call: _Call, allowed: bool) -> None:
        """Pause every user of this key after a 429 and wait before trying again, or raise once the budget is spent.

        A 429 does not use up one of the attempts: the API ignored the request.
        """
        policy = self.retry
        call.throttled += 1
        delay = policy.rate_limit_delay(call.throttled, error.retry_after, self._rate_limit_wait, self._rate_limit_cap)
        # Every user of this key waits, not only this request (which waits in plain sight below).
        self.limiter.hold(delay)
        if not allowed or call.waited_for_limit + delay > policy.rate_limit_budget:
            error.waited = call.waited_for_limit
            raise error
        call.waited_for_limit += delay
        log.info("%s %s %s: rate limited; trying again in %.1f s", self.service, call.method, call.url, delay)
        await wait_before_retry(Wait(self.service, WaitReason.RATE_LIMITED, delay, call.attempt), policy.sleep)

    async def _back_off_or_raise(self, failure: _Failure, call: _Call) -> None:
        """Wait before the next attempt, or raise the error when it is not safe to retry or no attempts are left."""
        if not failure.retryable or call.attempt >= call.attempts:
            raise failure.error
        message = failure.error.message
        log.info(
            "%s %s %s: %s; retry %d of %d",
            self.service,
            call.method,
            call.url,
            message,
            call.attempt,
            call.attempts - 1,
        )
        call.attempt += 1
        wait = Wait(self.service, failure.reason, self.retry.backoff(call.attempt - 1), call.attempt, call.attempts)
        await wait_before_retry(wait, self.retry.sleep)

    async def watch(
        self,
        look: Callable[[], Awaitable[_Found | None]],
        window: float,
        interval: float,
        attempt: int = 1,
        attempts: int | None = None,
    ) -> _Found | None:
        """Look every `interval` seconds, for `window` seconds, whether a write whose reply was lost happened after
        all; return what `look` found, or None when it never did. What `look` raises ends the watch.

        The wait reported is the whole watch's time left, so the packer sees one countdown, not a wait per look;
        `attempt` of `attempts` is the try that follows the watch, if it comes to that.
        """

        async def one_interval(_seconds: float) -> None:
            await self.retry.sleep(interval)

        waited = 0.0
        while True:
            found = await look()
            if found is not None or waited >= window:
                return found
            wait = Wait(self.service, WaitReason.CONFIRMING, window - waited, attempt, attempts)
            await wait_before_retry(wait, one_interval)
            waited += interval

    def _observe_remaining(self, response: httpx.Response) -> None:
        remaining = response.headers.get("X-RateLimit-Remaining")
        if remaining is None:
            return
        try:
            left = int(remaining.strip())
        except ValueError:
            return
        try:
            limit: int | None = int(response.headers.get("X-RateLimit-Limit", "").strip())
        except ValueError:
            limit = None
        self.limiter.observe_remaining(left, limit)
        if left <= self.retry.low_remaining:
            wait = self.limiter.hold_until_slot_frees()
            log.info("%s: %d requests left in this minute; pausing %.1f s", self.service, left, wait)

    def _checked_size(self, response: httpx.Response, limit: int) -> httpx.Response:
        if len(response.content) > limit:
            raise BadResponse(self.service, f"the answer is too large ({len(response.content)} bytes)")
        return response

    def json(self, response: httpx.Response, what: str) -> Any:
        """Return the JSON body of a successful response, or raise BadResponse."""
        content_type = response.headers.get("Content-Type", "")
        if not response.content:
            raise BadResponse(self.service, f"{what}: the answer is empty")
        try:
            return response.json()
        except ValueError:
            hint = (
                "an HTML page"
                if "html" in content_type.lower() or response.content.lstrip()[:1] == b"<"
                else ("broken JSON")
            )
            raise BadResponse(self.service, f"{what}: the answer is {hint}, not JSON") from None
