"""The task helper: what it keeps, replaces, reports and closes is what the window relies on."""

from __future__ import annotations

import asyncio

from packstation.ui.tasks import Tasks


async def test_a_keyed_start_cancels_the_task_it_replaces() -> None:
    tasks = Tasks()
    first = tasks.start(asyncio.sleep(10), key="poll")
    second = tasks.start(asyncio.sleep(10), key="poll")
    await asyncio.sleep(0)
    assert first.cancelled()
    assert tasks.current("poll") is second
    await tasks.close()


async def test_a_failure_reaches_the_crash_handler_and_a_cancellation_does_not() -> None:
    seen: list[BaseException] = []
    tasks = Tasks(on_crash=lambda _type, exc, _tb: seen.append(exc))

    async def broken() -> None:
        raise ValueError("printer vanished")

    tasks.start(broken())
    tasks.start(asyncio.sleep(10), key="x")
    tasks.cancel("x")
    for _ in range(3):
        await asyncio.sleep(0)
    assert [str(exc) for exc in seen] == ["printer vanished"]


async def test_close_cancels_and_waits_for_what_still_runs() -> None:
    ended: list[str] = []
    tasks = Tasks()

    async def slow() -> None:
        try:
            await asyncio.sleep(10)
        finally:
            ended.append("cleaned up")

    tasks.start(slow())
    await asyncio.sleep(0)
    assert tasks.busy
    await tasks.close()
    assert ended == ["cleaned up"]
    assert not tasks.busy


async def test_an_adopted_slot_task_is_replaced_by_the_next_one_under_its_key() -> None:
    tasks = Tasks()
    started = asyncio.Event()

    async def lookup() -> None:
        tasks.adopt(key="lookup")
        started.set()
        await asyncio.sleep(10)

    first = asyncio.ensure_future(lookup())
    await started.wait()
    started.clear()
    second = asyncio.ensure_future(lookup())
    await started.wait()
    await asyncio.sleep(0)
    assert first.cancelled()
    assert tasks.current("lookup") is second
    await tasks.close()
    assert second.cancelled()
