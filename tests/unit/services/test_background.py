"""BackgroundTasks: what a service runs beside its callers ends with the service."""

from __future__ import annotations

import asyncio
import logging

import pytest

from packstation.services.background import BackgroundTasks


async def test_close_cancels_what_still_runs_and_waits_for_its_end() -> None:
    tasks = BackgroundTasks()
    unwound: list[str] = []

    async def forever(name: str) -> None:
        try:
            await asyncio.Event().wait()
        finally:
            await asyncio.sleep(0.01)  # cleaning up takes a moment: close waits for it
            unwound.append(name)

    started = [tasks.start(forever("a")), tasks.start(forever("b"))]
    await asyncio.sleep(0)
    await tasks.close()
    assert sorted(unwound) == ["a", "b"] and all(t.cancelled() for t in started)


async def test_a_task_started_while_another_unwinds_is_closed_too() -> None:
    tasks = BackgroundTasks()
    follow_ups: list[asyncio.Future[None]] = []

    async def gives_back_when_cut_off() -> None:
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            follow_ups.append(tasks.start(asyncio.Event().wait()))  # type: ignore[arg-type]
            raise

    tasks.start(gives_back_when_cut_off())
    await asyncio.sleep(0)
    await tasks.close()
    assert follow_ups and follow_ups[0].cancelled()


async def test_close_gives_up_on_a_task_that_will_not_end(caplog: pytest.LogCaptureFixture) -> None:
    """A task that swallows its cancellation is logged and left: closing (the app's exit) does not hang on it."""
    tasks = BackgroundTasks()
    release = asyncio.Event()

    async def stubborn() -> None:
        while not release.is_set():
            try:
                await release.wait()
            except asyncio.CancelledError:
                continue

    task = tasks.start(stubborn())
    await asyncio.sleep(0)
    with caplog.at_level(logging.WARNING):
        await asyncio.wait_for(tasks.close(grace=0.1), 1)
    assert "did not end" in caplog.text and not task.done()
    release.set()
    await task
