"""The rate limiter serves a packer's request before queued list pages, on a clock that moves only when told."""

from __future__ import annotations

import asyncio

import pytest

from packstation.clients.http import Priority, RateLimiter


class ManualClock:
    """Time that moves only on advance(); sleepers wake when their deadline has passed."""

    def __init__(self) -> None:
        self.now = 0.0
        self._sleepers: list[tuple[float, asyncio.Future[None]]] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._sleepers.append((self.now + seconds, future))
        await future

    async def advance(self, seconds: float) -> None:
        self.now += seconds
        for deadline, future in list(self._sleepers):
            if deadline <= self.now and not future.done():
                future.set_result(None)
        self._sleepers = [(d, f) for d, f in self._sleepers if not f.done()]
        await settle()


async def settle() -> None:
    for _ in range(20):  # let every task woken so far run up to its next wait
        await asyncio.sleep(0)


def take(limiter: RateLimiter, name: str, priority: Priority, served: list[str]) -> asyncio.Task[None]:
    async def request() -> None:
        await limiter.acquire(priority)
        served.append(name)

    return asyncio.ensure_future(request())


async def test_a_scan_goes_before_list_pages_that_queued_first() -> None:
    clock = ManualClock()
    limiter = RateLimiter(5, 60.0, clock=clock, sleep=clock.sleep, background_share=1.0)
    served: list[str] = []
    for _ in range(5):
        await limiter.acquire(Priority.BACKGROUND)  # the window is full of list pages
    pages = [take(limiter, f"page{i}", Priority.BACKGROUND, served) for i in range(3)]
    await settle()
    await clock.advance(10.0)
    scan = take(limiter, "scan", Priority.FOREGROUND, served)
    await settle()
    assert served == []  # nothing fits before the window slides
    await clock.advance(50.0)  # the first five calls leave the window: five slots free
    assert served == ["scan", "page0", "page1", "page2"]
    await asyncio.gather(scan, *pages)


async def test_list_pages_leave_the_reserve_to_the_packer() -> None:
    clock = ManualClock()
    limiter = RateLimiter(10, 60.0, clock=clock, sleep=clock.sleep, background_share=0.8)
    served: list[str] = []
    pages = [take(limiter, f"page{i}", Priority.BACKGROUND, served) for i in range(12)]
    await settle()
    assert len(served) == 8  # a refresh stops at 8 of 10 requests in the window
    scans = [take(limiter, f"scan{i}", Priority.FOREGROUND, served) for i in range(2)]
    await settle()
    assert served[-2:] == ["scan0", "scan1"]  # served at once, without waiting for the window
    assert clock.now == 0.0
    await clock.advance(60.0)
    assert served[10:] == ["page8", "page9", "page10", "page11"]
    await asyncio.gather(*pages, *scans)


async def test_background_pauses_when_the_account_is_nearly_used_up_by_other_stations() -> None:
    clock = ManualClock()
    limiter = RateLimiter(500, 60.0, clock=clock, sleep=clock.sleep, random=lambda: 0.5)
    assert limiter.background_reserve == 100
    limiter.observe_remaining(90)  # other stations used the rest of the account's minute
    served: list[str] = []
    page = take(limiter, "page", Priority.BACKGROUND, served)
    scan = take(limiter, "scan", Priority.FOREGROUND, served)
    await settle()
    assert served == ["scan"]
    await clock.advance(4.0)
    assert served == ["scan"]
    await clock.advance(1.0)  # a twelfth of the minute later one page looks again
    assert served == ["scan", "page"]
    await asyncio.gather(page, scan)


async def test_a_cancelled_waiter_does_not_block_the_line() -> None:
    clock = ManualClock()
    limiter = RateLimiter(1, 60.0, clock=clock, sleep=clock.sleep)
    await limiter.acquire()
    served: list[str] = []
    first = take(limiter, "first", Priority.FOREGROUND, served)
    second = take(limiter, "second", Priority.FOREGROUND, served)
    await settle()
    first.cancel()
    await settle()
    await clock.advance(60.0)
    assert served == ["second"]
    with pytest.raises(asyncio.CancelledError):
        await first
    await second


async def test_hold_stops_foreground_and_background_alike() -> None:
    clock = ManualClock()
    limiter = RateLimiter(10, 60.0, clock=clock, sleep=clock.sleep)
    limiter.hold(20.0)  # a 429: the server ignores everyone for a while
    served: list[str] = []
    tasks = [take(limiter, "page", Priority.BACKGROUND, served), take(limiter, "scan", Priority.FOREGROUND, served)]
    await settle()
    await clock.advance(19.0)
    assert served == []
    await clock.advance(1.0)
    assert served == ["scan", "page"]
    await asyncio.gather(*tasks)


async def test_the_servers_own_limit_sets_the_reserve_it_is_compared_with() -> None:
    clock = ManualClock()
    limiter = RateLimiter(500, 60.0, clock=clock, sleep=clock.sleep, random=lambda: 0.5)
    limiter.observe_remaining(90, limit=200)  # Picqer lowered the limit under load: 90 left is above its 20%
    served: list[str] = []
    await asyncio.wait_for(take(limiter, "page", Priority.BACKGROUND, served), 1.0)
    assert served == ["page"]
    limiter.observe_remaining(150, limit=1000)  # raised: 150 left is below its 20%
    task = take(limiter, "page2", Priority.BACKGROUND, served)
    await settle()
    assert served == ["page"]
    await clock.advance(5.0)
    assert served == ["page", "page2"]
    await task


async def test_the_pause_doubles_while_the_account_stays_short_and_resets_when_it_recovers() -> None:
    clock = ManualClock()
    limiter = RateLimiter(500, 60.0, clock=clock, sleep=clock.sleep, random=lambda: 0.5)
    served: list[str] = []
    limiter.observe_remaining(50)
    limiter.observe_remaining(40)  # still short when the next page looked: wait twice as long
    task = take(limiter, "page", Priority.BACKGROUND, served)
    await settle()
    await clock.advance(9.0)
    assert served == []
    await clock.advance(1.0)
    assert served == ["page"]
    await task
    limiter.observe_remaining(300)  # the account recovered
    limiter.observe_remaining(50)
    task = take(limiter, "page2", Priority.BACKGROUND, served)
    await settle()
    await clock.advance(5.0)
    assert served == ["page", "page2"]
    await task
