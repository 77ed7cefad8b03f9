"""The one place the window starts asyncio tasks: kept alive, replaced per key, failures reported, closed on exit."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Coroutine, Hashable
from typing import Any

# Where an unexpected failure goes: the app's crash handler is installed as sys.excepthook.
CrashHandler = Callable[[type[BaseException], BaseException, Any], object]


class Tasks:
    """Own the background tasks of one window part.

    asyncio keeps only weak references to tasks, so a task nobody holds can vanish mid-run; a failure nobody
    awaits is lost in a "Task exception was never retrieved" line. This keeps each task until it ends, cancels
    the one a keyed start replaces (a newer scan, a newer poll), hands failures to the crash handler and
    cancels and awaits whatever still runs on close().
    """

    def __init__(self, on_crash: CrashHandler | None = None) -> None:
        self._on_crash = on_crash
        self._running: set[asyncio.Task[Any]] = set()
        self._keyed: dict[Hashable, asyncio.Task[Any]] = {}

    def start(self, coro: Coroutine[Any, Any, Any], *, key: Hashable | None = None) -> asyncio.Task[Any]:
        """Run coro on the running loop; with a key, cancel the task started earlier under the same key."""
        task = asyncio.ensure_future(coro)
        if key is not None:
            self.cancel(key)
            self._keyed[key] = task
        self._keep(task, key)
        return task

    def adopt(self, *, key: Hashable | None = None) -> asyncio.Task[Any]:
        """Keep the task running this code (an async slot) like a started one; with a key, it replaces too."""
        task = asyncio.current_task()
        if task is None:
            raise RuntimeError("Tasks.adopt() must be called from a running task")
        if key is not None:
            old = self._keyed.get(key)
            if old is not None and old is not task and not old.done():
                old.cancel()
            self._keyed[key] = task
        if task not in self._running:
            self._running.add(task)
            # Forgotten once done: a finished task keeps its exception and traceback, and through them the
            # window's objects, alive (freed later by the collector, maybe on another thread).
            task.add_done_callback(self._forget)
        return task

    def _forget(self, task: asyncio.Task[Any]) -> None:
        self._running.discard(task)
        for key in [key for key, kept in self._keyed.items() if kept is task]:
            del self._keyed[key]

    def current(self, key: Hashable) -> asyncio.Task[Any] | None:
        """The task started (or adopted) last under key, while it runs."""
        task = self._keyed.get(key)
        return task if task is not None and not task.done() else None

    def cancel(self, key: Hashable) -> None:
        task = self._keyed.pop(key, None)
        if task is not None and not task.done():
            task.cancel()

    @property
    def busy(self) -> bool:
        """True while any task runs."""
        return any(not task.done() for task in self._running)

    async def close(self) -> None:
        """Cancel every task and wait until they have ended (on exit: nothing runs against a closed client)."""
        tasks = [task for task in self._running if not task.done() and task is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        self._keyed.clear()

    def _keep(self, task: asyncio.Task[Any], key: Hashable | None) -> None:
        self._running.add(task)
        task.add_done_callback(lambda done: self._ended(done, key))

    def _ended(self, task: asyncio.Task[Any], key: Hashable | None) -> None:
        self._running.discard(task)
        if key is not None and self._keyed.get(key) is task:
            del self._keyed[key]
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            handler = self._on_crash or sys.excepthook
            handler(type(exc), exc, exc.__traceback__)
