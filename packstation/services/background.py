"""The background tasks a service starts and owns: kept alive while they run, cancelled and awaited on close."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

# How long close() waits for cancelled tasks to end. A task that does not end by then (it swallowed its
# cancellation) is logged and left: the station exits rather than hang on it.
CLOSE_GRACE = 2.0


class BackgroundTasks:
    """Own the tasks a service runs beside its callers (a claim at a scan, a claim given back, a label converting).

    asyncio keeps only weak references to tasks, so a task nobody holds can vanish mid-run; one nobody cancels
    outlives the service and runs against the HTTP clients the app closes after it, or hangs the loop's
    shutdown. Failures are left to whoever awaits the task (retrieved here, so one nobody awaits is not
    reported as "never retrieved").
    """

    def __init__(self) -> None:
        self._running: set[asyncio.Future[Any]] = set()

    def start(self, coroutine: Awaitable[T]) -> asyncio.Future[T]:
        """Run coroutine on the running loop until it ends or close() cancels it; return its task."""
        task: asyncio.Future[T] = asyncio.ensure_future(coroutine)
        self._running.add(task)
        task.add_done_callback(self._ended)
        return task

    def _ended(self, task: asyncio.Future[Any]) -> None:
        self._running.discard(task)
        if not task.cancelled():
            task.exception()  # retrieved: the owner awaits it, or does without its result

    async def close(self, grace: float = CLOSE_GRACE) -> None:
        """Cancel every task still running and wait until they have ended (at most `grace` seconds)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + grace
        # Again while any are left: a task may start another as it unwinds (a cut-off open gives its claim back).
        while pending := [task for task in self._running if not task.done() and task is not asyncio.current_task()]:
            for task in pending:
                task.cancel()
            _, still = await asyncio.wait(pending, timeout=max(0.0, deadline - loop.time()))
            if still:
                log.warning("%d background task(s) did not end within %.1f s of being cancelled", len(still), grace)
                return
