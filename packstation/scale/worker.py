"""What the USB and serial scale drivers share: their blocking device calls run on one worker thread of their own,
one at a time, and close() ends the polling and lets go of the device on that thread."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

log = logging.getLogger(__name__)

_T = TypeVar("_T")


class BlockingDevice:
    """Base of a scale driver whose device calls block (hidapi reads, serial replies)."""

    def __init__(self, thread_name: str) -> None:
        # Its own worker thread: a read waiting on the device never holds up the default executor the label
        # conversion and barcode checks use.
        self._worker = ThreadPoolExecutor(1, thread_name_prefix=thread_name)
        self._lock = threading.Lock()  # one device call at a time on the handle (reads, the zero command, close)
        self._closing = False

    @property
    def connected(self) -> bool:
        raise NotImplementedError

    async def open(self) -> None:
        """Find and open the scale; raise ScaleNotFound when it is not there or cannot be opened."""
        if self.connected:
            return
        self._closing = False
        await self._run(self._open_blocking)

    def _open_blocking(self) -> None:
        """Open the device handle (the driver's own), on the worker thread."""
        raise NotImplementedError

    async def _run(self, function: Callable[..., _T], *args: Any) -> _T:
        return await asyncio.get_running_loop().run_in_executor(self._worker, function, *args)

    async def close(self) -> None:
        self._closing = True
        await self._run(self._close_blocking)

    def _close_blocking(self) -> None:
        with self._lock:
            self._drop()

    def _drop(self) -> None:
        """Let go of the device handle (the driver's own)."""
        raise NotImplementedError


def close_quietly(handle: Any | None, what: str) -> None:
    """Close a device handle that may already be gone: a failure to close it changes nothing for the packer."""
    if handle is not None:
        try:
            handle.close()
        except (OSError, ValueError):
            log.debug("closing %s", what, exc_info=True)
