"""Fakes shared by the client tests: a clock whose sleep only moves time forward."""

from __future__ import annotations

import pytest

from packstation.clients.http import RateLimiter, RetryPolicy


class FakeClock:
    """Monotonic time that advances only when something sleeps; records every sleep."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def retry(clock: FakeClock) -> RetryPolicy:
    return RetryPolicy(sleep=clock.sleep, random=lambda: 0.0)


@pytest.fixture
def limiter(clock: FakeClock) -> RateLimiter:
    return RateLimiter(100, 60.0, clock=clock, sleep=clock.sleep)
