"""Retry policy, rate limiter and error mapping of the shared HTTP core, on httpx.MockTransport."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import httpx
import pytest

from packstation.clients.errors import (
    ApiError,
    ConnectionFailed,
    NotFound,
    PaymentRequired,
    RateLimited,
    Rejected,
    RequestTimeout,
    ServerError,
    Unauthorized,
    parse_myparcel_error,
    parse_retry_after,
)
from packstation.clients.http import (
    USER_AGENT,
    ApiSession,
    HttpConfig,
    RateLimiter,
    RetryPolicy,
    RetryWaits,
    is_loopback_host,
)
from packstation.domain.errors import WaitStopped
from packstation.domain.waits import Wait, WaitReason

from .conftest import FakeClock

KEY = "secret-key-1234"


def session(
    handler: Callable[[httpx.Request], httpx.Response],
    limiter: RateLimiter,
    retry: RetryPolicy,
    base_url: str = "https://api.example.test",
) -> ApiSession:
    return ApiSession(
        "Test",
        HttpConfig(base_url=base_url, api_key=KEY),
        limiter,
        retry,
        headers={"Authorization": f"basic {KEY}"},
        error_parser=parse_myparcel_error,
        rate_limit_wait=20.0,
        rate_limit_cap=60.0,
        transport=httpx.MockTransport(handler),
    )


class Script:
    """Answers requests from a list, one per call (a callable entry may raise)."""

    def __init__(self, *answers: httpx.Response | Exception) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


async def test_get_is_retried_after_5xx_with_capped_exponential_backoff(limiter, retry, clock: FakeClock) -> None:
    script = Script(httpx.Response(503), httpx.Response(502, text="<html>"), httpx.Response(200, json={"ok": 1}))
    s = session(script, limiter, retry)
    response = await s.request("GET", "/things")
    assert response.json() == {"ok": 1}
    assert clock.sleeps == [0.5, 1.0]
    assert len(script.requests) == 3


async def test_5xx_after_all_attempts_is_a_server_error(limiter, clock: FakeClock) -> None:
    retry = RetryPolicy(attempts=3, sleep=clock.sleep, random=lambda: 0.0)
    s = session(Script(*[httpx.Response(500)] * 3), limiter, retry)
    with pytest.raises(ServerError) as info:
        await s.request("GET", "/things")
    assert info.value.status == 500


def test_backoff_is_capped_and_jittered() -> None:
    policy = RetryPolicy(base_delay=1.0, max_delay=8.0, jitter=2.0, random=lambda: 0.5)
    assert [policy.backoff(n) for n in (1, 2, 3, 4, 5, 9)] == [2.0, 3.0, 5.0, 9.0, 9.0, 9.0]


async def test_429_waits_the_retry_after_and_pauses_the_whole_key(limiter, retry, clock: FakeClock) -> None:
    script = Script(httpx.Response(429, headers={"Retry-After": "7"}), httpx.Response(200, json=[]))
    s = session(script, limiter, retry)
    start = clock.now
    await s.request("POST", "/comments", json={"body": "x"})
    assert clock.now - start == pytest.approx(7.0)
    assert len(script.requests) == 2  # a 429'd request had no effect, so even a POST is sent again


async def test_429_without_retry_after_waits_the_api_default_growing_to_its_cap(limiter, retry, clock) -> None:
    script = Script(*[httpx.Response(429)] * 4, httpx.Response(200, json=[]))
    await session(script, limiter, retry).request("GET", "/x")
    assert clock.sleeps == [20.0, 40.0, 60.0, 60.0]


async def test_429s_are_retried_past_the_attempts_while_the_limit_is_shared(limiter, clock: FakeClock) -> None:
    # Twenty stations on one key: many 429s in a row are the limit doing its job, not a failure.
    retry = RetryPolicy(attempts=2, sleep=clock.sleep, random=lambda: 0.0)
    script = Script(*[httpx.Response(429, headers={"Retry-After": "3"})] * 6, httpx.Response(200, json={"id": 7}))
    response = await session(script, limiter, retry).request("POST", "/shipments", idempotent=False)
    assert response.json() == {"id": 7}
    assert clock.sleeps == [3.0] * 6 and len(script.requests) == 7


async def test_429_gives_up_once_the_rate_limit_budget_is_used(limiter, clock: FakeClock) -> None:
    retry = RetryPolicy(rate_limit_budget=10.0, sleep=clock.sleep, random=lambda: 0.0)
    script = Script(*[httpx.Response(429, headers={"Retry-After": "3"})] * 4)
    with pytest.raises(RateLimited) as info:
        await session(script, limiter, retry).request("GET", "/x")
    # 3 + 3 + 3 waited; a fourth wait would pass the 10 s budget, so the fourth 429 is the answer.
    assert info.value.retry_after == 3.0 and info.value.waited == 9.0
    assert clock.sleeps == [3.0, 3.0, 3.0] and len(script.requests) == 4


async def test_retry_after_gets_jitter_so_stations_sharing_a_key_do_not_return_together(limiter, clock) -> None:
    retry = RetryPolicy(jitter=1.0, sleep=clock.sleep, random=lambda: 0.25)
    script = Script(httpx.Response(429, headers={"Retry-After": "5"}), httpx.Response(200, json=[]))
    await session(script, limiter, retry).request("GET", "/x")
    assert clock.sleeps == [5.25]


async def test_a_watching_job_hears_each_wait_with_its_seconds_and_reason(limiter, retry, clock) -> None:
    script = Script(
        httpx.Response(429, headers={"Retry-After": "5"}),
        httpx.Response(503),
        httpx.ReadTimeout("slow"),
        httpx.Response(200, json=[]),
    )
    heard: list[Wait] = []
    with RetryWaits().watching(heard.append):
        await session(script, limiter, retry).request("GET", "/x")
    assert heard == [
        Wait("Test", WaitReason.RATE_LIMITED, 5.0, attempt=1, attempts=None),
        Wait("Test", WaitReason.SERVER_ERROR, 0.5, attempt=2, attempts=5),
        Wait("Test", WaitReason.NO_ANSWER, 1.0, attempt=3, attempts=5),
    ]
    assert clock.sleeps == [5.0, 0.5, 1.0]


async def test_only_the_watching_task_hears_its_waits(limiter, retry) -> None:
    # The picklist refresh shares the Picqer session with the shipment: its waits are not the packer's.
    heard: list[Wait] = []
    watched = session(Script(httpx.Response(503), httpx.Response(200, json=[])), limiter, retry)
    other = session(
        Script(httpx.Response(429, headers={"Retry-After": "9"}), httpx.Response(200, json=[])), limiter, retry
    )

    async def shipment() -> None:
        with RetryWaits().watching(heard.append):
            await watched.request("GET", "/a")

    await asyncio.gather(shipment(), other.request("GET", "/b"))
    assert [w.reason for w in heard] == [WaitReason.SERVER_ERROR]


async def test_a_paused_key_is_waited_out_in_plain_sight(limiter, retry, clock: FakeClock) -> None:
    # Another request of this station got a 429 (or few requests were left): the key is paused for everyone.
    s = session(Script(httpx.Response(200, json=[])), limiter, retry)
    limiter.hold(12.0)
    heard: list[Wait] = []
    with RetryWaits().watching(heard.append):
        await s.request("GET", "/x")
    assert heard == [Wait("Test", WaitReason.RATE_LIMITED, 12.0, attempt=1)]
    assert clock.sleeps == [12.0]


async def test_stop_ends_the_wait_in_progress_without_sending_again(limiter) -> None:
    never = asyncio.Event()

    async def long_sleep(_seconds: float) -> None:
        await never.wait()  # a wait only the packer can end

    retry = RetryPolicy(sleep=long_sleep, random=lambda: 0.0)
    script = Script(httpx.Response(429, headers={"Retry-After": "60"}), httpx.Response(200, json=[]))
    with RetryWaits().watching(lambda _wait: None) as watch:
        assert not watch.stop()  # nothing to stop yet: no effect on a later wait
        task = asyncio.ensure_future(session(script, limiter, retry).request("GET", "/x"))
        while not watch.waiting:
            await asyncio.sleep(0)
        assert watch.stop()
        with pytest.raises(WaitStopped):
            await task
    assert len(script.requests) == 1 and not watch.waiting


async def test_429_is_not_retried_when_the_caller_forbids_it(limiter, retry) -> None:
    script = Script(httpx.Response(429))
    with pytest.raises(RateLimited):
        await session(script, limiter, retry).request("POST", "/shipments", retry_rate_limited=False)
    assert len(script.requests) == 1


async def test_low_rate_limit_remaining_pauses_the_next_request(limiter, retry, clock: FakeClock) -> None:
    script = Script(
        httpx.Response(200, json=[], headers={"X-RateLimit-Remaining": "3"}),
        httpx.Response(200, json=[], headers={"X-RateLimit-Remaining": "400"}),
    )
    s = session(script, limiter, retry)
    await s.request("GET", "/a")
    start = clock.now
    await s.request("GET", "/b")
    # The first request of our window expires one period after it was sent.
    assert clock.now - start == pytest.approx(60.0)


async def test_read_timeout_is_retried_for_get_but_not_for_post(limiter, retry) -> None:
    get_script = Script(httpx.ReadTimeout("slow"), httpx.Response(200, json={}))
    await session(get_script, limiter, retry).request("GET", "/x")
    assert len(get_script.requests) == 2

    post_script = Script(httpx.ReadTimeout("slow"), httpx.Response(200, json={}))
    with pytest.raises(RequestTimeout):
        await session(post_script, limiter, retry).request("POST", "/x")
    assert len(post_script.requests) == 1


async def test_connection_reset_after_sending_a_post_is_not_retried(limiter, retry) -> None:
    script = Script(httpx.RemoteProtocolError("reset"), httpx.Response(200, json={}))
    with pytest.raises(ConnectionFailed):
        await session(script, limiter, retry).request("POST", "/x")
    assert len(script.requests) == 1


async def test_refused_connection_is_retried_even_for_post(limiter, retry) -> None:
    script = Script(httpx.ConnectError("refused"), httpx.Response(201, json={}))
    response = await session(script, limiter, retry).request("POST", "/x")
    assert response.status_code == 201


@pytest.mark.parametrize(
    ("status", "error"),
    [(400, Rejected), (401, Unauthorized), (403, Unauthorized), (404, NotFound), (422, Rejected)],
)
async def test_client_errors_map_to_typed_errors_without_retry(limiter, retry, status, error) -> None:
    body = {"message": "no", "errors": [{"code": 3505, "message": "bad postal code"}]}
    script = Script(httpx.Response(status, json=body))
    with pytest.raises(error) as info:
        await session(script, limiter, retry).request("GET", "/x")
    assert info.value.codes == (3505,)
    assert "bad postal code" in str(info.value)
    assert len(script.requests) == 1


async def test_402_carries_the_payment_url(limiter, retry) -> None:
    body = {"data": {"payment_instructions": [{"payment_url": "https://pay.example/1", "paid": 0}]}}
    with pytest.raises(PaymentRequired) as info:
        await session(Script(httpx.Response(402, json=body)), limiter, retry).request("GET", "/labels")
    assert info.value.payment_url == "https://pay.example/1"


async def test_plain_http_is_refused_except_to_loopback(limiter, retry) -> None:
    script = Script(httpx.Response(200, json={}))
    with pytest.raises(ApiError, match="plain http"):
        await session(script, limiter, retry, base_url="http://api.example.test").request("GET", "/x")
    assert script.requests == []
    for url in ("http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9"):
        script = Script(httpx.Response(200, json={}))
        await session(script, limiter, retry, base_url=url).request("GET", "/x")
    assert is_loopback_host("127.8.9.1")
    assert not is_loopback_host("localhost.evil.com")


async def test_headers_carry_the_user_agent_and_the_key_never_reaches_the_log(limiter, retry, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    script = Script(httpx.Response(500), httpx.Response(200, json={}))
    await session(script, limiter, retry).request("GET", "/x")
    assert script.requests[0].headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("packstation/")
    assert KEY not in caplog.text
    assert KEY not in repr(HttpConfig(base_url="https://x", api_key=KEY))


async def test_broken_json_and_html_are_bad_responses(limiter, retry) -> None:
    from packstation.clients.errors import BadResponse

    s = session(Script(httpx.Response(200, text="{broken")), limiter, retry)
    with pytest.raises(BadResponse, match="broken JSON"):
        s.json(await s.request("GET", "/x"), "things")
    s = session(Script(httpx.Response(200, html="<html>login</html>")), limiter, retry)
    with pytest.raises(BadResponse, match="HTML page"):
        s.json(await s.request("GET", "/x"), "things")
    s = session(Script(httpx.Response(200)), limiter, retry)
    with pytest.raises(BadResponse, match="empty"):
        s.json(await s.request("GET", "/x"), "things")


async def test_limiter_lets_max_calls_through_per_sliding_window(clock: FakeClock) -> None:
    limiter = RateLimiter(3, 10.0, clock=clock, sleep=clock.sleep)
    times = []
    for _ in range(7):
        await limiter.acquire()
        times.append(clock.now - 1000.0)
        clock.now += 1.0
    # 3 at t=0,1,2; the 4th waits until the first leaves the window (t=10), and so on.
    assert times == [0.0, 1.0, 2.0, 10.0, 11.0, 12.0, 20.0]
    assert limiter.in_window == 2  # at t=21 only the calls of t=12 and t=20 are inside the window


async def test_limiter_hold_delays_every_user(clock: FakeClock) -> None:
    limiter = RateLimiter.for_myparcel(clock=clock, sleep=clock.sleep)
    assert limiter.max_calls == 100 and RateLimiter.for_picqer().max_calls == 500
    limiter.hold(12.5)
    await limiter.acquire()
    assert clock.now == pytest.approx(1012.5)


def test_retry_after_parsing() -> None:
    assert parse_retry_after("5") == 5.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def test_clients_of_one_runtime_share_one_verifying_tls_context(limiter, retry, monkeypatch) -> None:
    import ssl

    from packstation.clients import http

    built: list[ssl.SSLContext] = []
    real = httpx.create_ssl_context

    def counting(*args, **kwargs) -> ssl.SSLContext:
        built.append(real(*args, **kwargs))
        return built[-1]

    monkeypatch.setattr(httpx, "create_ssl_context", counting)
    tls = http.TlsContexts()
    for url in ("https://demo.picqer.com/api/v1", "https://api.myparcel.nl", "https://api.sendmyparcel.be"):
        assert tls.for_url(url) is tls.verifying()
    ApiSession(
        "Picqer",
        HttpConfig(base_url="https://demo.picqer.com/api/v1", api_key=KEY, tls=tls),
        limiter,
        retry,
        headers={},
        error_parser=parse_myparcel_error,
        rate_limit_wait=1.0,
        rate_limit_cap=2.0,
    )
    assert len(built) == 1  # the CA bundle was loaded once, not once per client
    context = built[0]
    assert context.verify_mode is ssl.CERT_REQUIRED and context.check_hostname and context.get_ca_certs()
    # Owned by the runtime, not the module: another runtime (or a test) starts without it.
    assert not http.TlsContexts().loaded and http.TlsContexts().verifying() is not context


def test_plain_http_loopback_clients_trust_no_certificate_at_all() -> None:
    import ssl

    from packstation.clients import http

    tls = http.TlsContexts()
    for url in ("http://127.0.0.1:8080", "http://localhost:1/api/v1", "http://[::1]:9"):
        context = tls.for_url(url)
        # Never less checking: any https host this client might reach fails verification instead.
        assert context.verify_mode is ssl.CERT_REQUIRED and context.check_hostname
        assert context.get_ca_certs() == [] and not tls.loaded
    assert tls.for_url("https://127.0.0.1:8443") is tls.verifying()
