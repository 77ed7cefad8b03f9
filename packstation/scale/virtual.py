"""A scale without hardware for demo mode: the packer puts weights on it with keys, it can be "unplugged".

Call its methods on the event loop's thread (the Qt thread under qasync): it keeps no lock.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from packstation.domain.errors import ScaleDisconnected, ScaleNotFound
from packstation.domain.weighing import ScaleReading, ScaleStatus, ZeroMethod


class VirtualScale:
    """Readings change only when told to; `place()` shows a moment of motion first, as a real scale does."""

    SETTLE_SECONDS = 0.4

    def __init__(self, grams: float = 0.0, *, name: str = "Virtual scale", settle_seconds: float | None = None) -> None:
        self._name = name
        self._gross = float(grams)
        self._tare = 0.0
        self._motion = False
        self._plugged = True
        self._open = False
        self._changed = asyncio.Event()
        self._settle = self.SETTLE_SECONDS if settle_seconds is None else settle_seconds
        self._settling: asyncio.TimerHandle | None = None

    @property
    def name(self) -> str:
        return self._name

    @property
    def connected(self) -> bool:
        return self._open and self._plugged

    @property
    def reading(self) -> ScaleReading:
        grams = round(self._gross - self._tare, 3)
        if self._motion:
            return ScaleReading(grams, False, ScaleStatus.MOTION)
        if grams == 0:
            return ScaleReading.of(0.0, ScaleStatus.ZERO)
        return ScaleReading.of(grams, ScaleStatus.STABLE if grams > 0 else ScaleStatus.UNDER_ZERO)

    # --- what the demo keys do --------------------------------------------------------------------

    def set_weight(self, grams: float, *, stable: bool = True) -> None:
        """Show `grams` at once, stable or in motion (stays in motion until set again)."""
        self._cancel_settling()
        self._gross = float(grams) + self._tare
        self._motion = not stable
        self._changed.set()

    def place(self, grams: float) -> None:
        """Put a parcel of `grams` on the scale: in motion first, stable after a moment."""
        self.set_weight(grams, stable=False)
        self._settling = asyncio.get_running_loop().call_later(self._settle, self._settled)

    def add(self, grams: float) -> None:
        """Add (or take off, negative) some grams, as a packer adding an item does."""
        self.place(self._gross - self._tare + grams)

    def clear(self) -> None:
        """Take everything off the scale."""
        self.set_weight(0.0)

    def unplug(self) -> None:
        self._plugged = False
        self._changed.set()

    def plug_in(self) -> None:
        self._plugged = True
        self._changed.set()

    def _settled(self) -> None:
        self._settling = None
        self._motion = False
        self._changed.set()

    def _cancel_settling(self) -> None:
        if self._settling is not None:
            self._settling.cancel()
            self._settling = None

    # --- the Scale port ---------------------------------------------------------------------------

    async def open(self) -> None:
        if not self._plugged:
            raise ScaleNotFound(self._name, "the virtual scale is unplugged")
        self._open = True

    async def readings(self) -> AsyncIterator[ScaleReading]:
        """Yield the current reading, then one for every change; raise ScaleDisconnected when unplugged."""
        await self.open()
        while self._open:
            if not self._plugged:
                self._open = False
                raise ScaleDisconnected(self._name, "the virtual scale was unplugged")
            self._changed.clear()
            yield self.reading
            await self._changed.wait()

    async def zero(self) -> ZeroMethod:
        if not self.connected:
            raise ScaleNotFound(self._name, "no scale is connected")
        self._tare = self._gross
        self._changed.set()
        return ZeroMethod.SCALE

    async def close(self) -> None:
        self._cancel_settling()
        self._open = False
        self._changed.set()
