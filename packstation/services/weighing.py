"""Keeps the scale read: the latest stable weight, and "unplugged" / "reconnected" when it goes and comes back.

A scale pulled mid-shift never stops the packer: the service tells its listeners, the weight field goes back
to typing, and the service looks for the scale again with a growing pause until it is back.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from packstation.domain.errors import ScaleError, ScaleNotFound
from packstation.domain.weighing import ScaleReading, StableWeight, ZeroMethod
from packstation.services.ports import Scale

log = logging.getLogger(__name__)

# Pauses between attempts to find the scale again (seconds); the last one repeats.
RECONNECT_BACKOFF = (0.5, 1.0, 2.0, 5.0)


class WeighingEventKind(StrEnum):
    READING = "reading"  # every reading, stable or not (the UI shows motion and faults too)
    STABLE = "stable"  # the stable weight changed: a weight settled (reading stable), or it is gone (motion, fault)
    UNPLUGGED = "unplugged"  # the scale went away, or was not there at the start
    RECONNECTED = "reconnected"  # it is back after being unplugged (or found after a start without it)


@dataclass(frozen=True)
class WeighingEvent:
    kind: WeighingEventKind
    reading: ScaleReading | None = None
    reason: str = ""  # why it is unplugged, in English (the ScaleError's message)


class Weighing:
    """Reads one scale on the event loop (the scale adapters do their blocking I/O on worker threads)."""

    def __init__(
        self,
        scale: Scale,
        *,
        backoff: Sequence[float] = RECONNECT_BACKOFF,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.scale = scale
        self._backoff = tuple(backoff)
        self._sleep = sleep
        self._clock = clock
        self._listeners: list[Callable[[WeighingEvent], None]] = []
        self._task: asyncio.Task[None] | None = None
        self._latest: ScaleReading | None = None
        self._stable: StableWeight | None = None  # None while the reading is not stable
        self._settled: StableWeight | None = None  # the last stable weight, kept through motion
        self._unplugged = False
        self._reason = ""

    # --- what the UI reads ------------------------------------------------------------------------

    @property
    def connected(self) -> bool:
        return self.scale.connected and not self._unplugged

    @property
    def latest(self) -> ScaleReading | None:
        """The last reading, stable or not; None while unplugged."""
        return self._latest

    @property
    def stable(self) -> StableWeight | None:
        """The stable weight on the scale now, in whole grams, and when it settled; None while the reading is in
        motion, faulty or over capacity (domain.weighing.choose_weight takes it)."""
        return self._stable

    @property
    def stable_grams(self) -> int | None:
        return self._stable.grams if self._stable else None

    @property
    def problem(self) -> str:
        """Why the scale is not connected, or ""."""
        return self._reason if self._unplugged else ""

    def subscribe(self, listener: Callable[[WeighingEvent], None]) -> None:
        """Call `listener` on the loop for every event; an exception in it is logged, never stops the reading."""
        self._listeners.append(listener)

    # --- running ----------------------------------------------------------------------------------

    def start(self) -> None:
        """Start reading on the running loop (no-op when already started)."""
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._run(), name=f"scale {self.scale.name}")

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        with contextlib.suppress(ScaleError, OSError):
            await self.scale.close()

    async def zero(self) -> ZeroMethod:
        """Zero the scale; raise ScaleError (ScaleNotFound when unplugged) when it cannot be done now."""
        if not self.connected:
            raise ScaleNotFound(self.scale.name, self._reason or "no scale is connected")
        return await self.scale.zero()

    async def _run(self) -> None:
        attempt = 0
        while True:
            try:
                await self.scale.open()
                if self._unplugged:
                    self._unplugged = False
                    self._reason = ""
                    self._emit(WeighingEvent(WeighingEventKind.RECONNECTED))
                attempt = 0
                async for reading in self.scale.readings():
                    self._take(reading)
                raise ScaleNotFound(self.scale.name, "the scale stopped sending readings")
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # any failure of a device is an unplugged scale, never a crash
                reason = exc.message if isinstance(exc, ScaleError) else str(exc) or type(exc).__name__
                if not isinstance(exc, ScaleError):
                    log.warning("Scale %s failed", self.scale.name, exc_info=True)
                self._went_away(reason)
                # Drop whatever handle is left, so the next open() looks for the device afresh.
                with contextlib.suppress(Exception):
                    await self.scale.close()
            pause = self._backoff[min(attempt, len(self._backoff) - 1)]
            attempt += 1
            await self._sleep(pause)

    def _take(self, reading: ScaleReading) -> None:
        self._latest = reading
        self._emit(WeighingEvent(WeighingEventKind.READING, reading))
        if not reading.stable:
            # In motion, over capacity, a fault: what the scale weighed before is no longer on it.
            if self._stable is not None:
                self._stable = None
                self._emit(WeighingEvent(WeighingEventKind.STABLE, reading))
            return
        grams = reading.whole_grams
        if self._stable is not None and self._stable.grams == grams:
            return
        if self._settled is None or self._settled.grams != grams:
            self._settled = StableWeight(grams, self._clock())
        # The same weight settling again after a wobble keeps the moment it first settled: a weight typed since
        # then still wins (domain.weighing.choose_weight).
        self._stable = self._settled
        self._emit(WeighingEvent(WeighingEventKind.STABLE, reading))

    def _went_away(self, reason: str) -> None:
        first = not self._unplugged
        self._unplugged = True
        self._reason = reason
        self._latest = None
        self._stable = None
        self._settled = None
        if first:
            log.info("Scale %s unplugged: %s", self.scale.name, reason)
            self._emit(WeighingEvent(WeighingEventKind.UNPLUGGED, reason=reason))

    def _emit(self, event: WeighingEvent) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:
                log.exception("A scale listener failed on %s", event.kind)
