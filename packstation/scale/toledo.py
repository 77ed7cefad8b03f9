"""Bench scales on a serial port that speak the Toledo 8213/8217 demand protocol (pyserial, optional extra).

Host: one ASCII letter, 'W' for the weight, 'Z' to zero. Scale: <STX> weight <CR> when the weight is valid,
else <STX> '?' <status byte> <CR> (in motion, over capacity, under zero), the same status record after 'Z'.
Status byte bits: 0 motion, 1 out of range (over capacity), 2 under zero, 3 outside the zero capture range,
4 centre of zero, 5 and 6 always 1, 7 parity. The weight carries no unit: it is in the unit the scale is set
to (`scale.serial_unit`). Usual line settings: 9600 baud, 7 data bits, even parity, 1 stop bit.

`port` is a pyserial port name or URL: COM3, /dev/ttyUSB0, or socket://host:port for a serial-to-network
converter (the tests use that URL against an emulated scale on loopback).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from typing import Any

from packstation.domain.errors import ScaleDisconnected, ScaleError, ScaleNotFound
from packstation.domain.weighing import ScaleReading, ScaleStatus, ZeroMethod
from packstation.scale.worker import BlockingDevice, close_quietly

log = logging.getLogger(__name__)

STX = 0x02
CR = 0x0D
WEIGH = b"W"
ZERO = b"Z"

MOTION = 0x01
OUT_OF_RANGE = 0x02
UNDER_ZERO = 0x04
OUTSIDE_ZERO_CAPTURE = 0x08
CENTER_OF_ZERO = 0x10

UNIT_GRAMS = {"g": 1.0, "kg": 1000.0, "lb": 453.59237, "oz": 28.349523125}
UNITS = tuple(UNIT_GRAMS)


def status_of(byte: int) -> ScaleStatus:
    """Return the status a Toledo status byte reports (the parity bit is ignored)."""
    if byte & OUT_OF_RANGE:
        return ScaleStatus.OVER_WEIGHT
    if byte & UNDER_ZERO:
        return ScaleStatus.UNDER_ZERO
    if byte & MOTION:
        return ScaleStatus.MOTION
    if byte & CENTER_OF_ZERO:
        return ScaleStatus.ZERO
    if byte & OUTSIDE_ZERO_CAPTURE:
        return ScaleStatus.NEEDS_ZEROING
    return ScaleStatus.UNKNOWN


def parse_frame(frame: bytes, unit: str) -> ScaleReading:
    """Return the reading of one reply (<STX> ... <CR>, either ends may be missing); raise ValueError if garbled."""
    body = bytes(b & 0x7F for b in frame).strip(b"\x02\r\n")  # 7-bit data: drop a parity bit left in by 8N1
    if not body:
        raise ValueError("empty reply")
    if body[:1] == b"?":
        if len(body) < 2:
            raise ValueError(f"status record without a status byte: {frame!r}")
        status = status_of(body[1])
        return ScaleReading(0.0, status is ScaleStatus.ZERO, status)
    text = body.decode("ascii", errors="strict").strip()
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"not a weight: {frame!r}") from None
    grams = round(value * UNIT_GRAMS[unit], 3)
    return ScaleReading.of(grams, ScaleStatus.ZERO if grams == 0 else ScaleStatus.STABLE)


def default_serial_for_url(url: str, **kwargs: Any) -> Any:
    try:
        import serial
    except ImportError as exc:
        raise ScaleNotFound(url, "serial scales need pyserial: pip install 'packstation[scale-serial]'") from exc
    return serial.serial_for_url(url, **kwargs)


class ToledoScale(BlockingDevice):
    """A Toledo 8217 scale asked for its weight a few times a second; blocking serial I/O runs on threads."""

    REPLY_TIMEOUT = 1.0  # seconds: a scale answers within ~100 ms; silence this long means it is off or unplugged
    POLL_SECONDS = 0.2

    def __init__(
        self,
        port: str,
        *,
        unit: str = "kg",
        baudrate: int = 9600,
        serial_for_url: Any | None = None,
        poll_seconds: float | None = None,
    ) -> None:
        if unit not in UNIT_GRAMS:
            raise ValueError(f"unit {unit!r} is not one of {', '.join(UNITS)}")
        super().__init__("serial scale")
        self._port_name = port
        self._unit = unit
        self._baudrate = baudrate
        self._serial_for_url = serial_for_url or default_serial_for_url
        self._poll = self.POLL_SECONDS if poll_seconds is None else poll_seconds
        self._port: Any | None = None

    @property
    def name(self) -> str:
        return f"Toledo scale on {self._port_name}"

    @property
    def connected(self) -> bool:
        return self._port is not None

    def _open_blocking(self) -> None:
        if not self._port_name:
            raise ScaleNotFound(self.name, "no serial port is set (scale.serial_port)")
        try:
            self._port = self._serial_for_url(
                self._port_name,
                baudrate=self._baudrate,
                bytesize=7,
                parity="E",
                stopbits=1,
                timeout=self.REPLY_TIMEOUT,
                write_timeout=self.REPLY_TIMEOUT,
            )
        except (OSError, ValueError) as exc:  # serial.SerialException is an OSError
            raise ScaleNotFound(self.name, f"the port cannot be opened ({exc})") from exc

    def _ask(self, command: bytes) -> ScaleReading:
        with self._lock:
            port = self._port
            if port is None:
                raise ScaleDisconnected(self.name, "the port is closed")
            try:
                port.reset_input_buffer()  # a late reply to an earlier question must not answer this one
                port.write(command)
                frame = port.read_until(b"\r")
            except (OSError, ValueError) as exc:
                self._drop()
                raise ScaleDisconnected(self.name, f"the serial port failed ({exc})") from exc
        if not frame.endswith(b"\r"):
            self._drop()
            raise ScaleDisconnected(self.name, "the scale does not answer (switched off or cable pulled)")
        try:
            return parse_frame(frame, self._unit)
        except ValueError as exc:
            log.warning("%s: %s", self.name, exc)
            return ScaleReading(0.0, False, ScaleStatus.UNKNOWN)

    async def readings(self) -> AsyncIterator[ScaleReading]:
        """Ask for the weight every POLL_SECONDS and yield each answer; raise ScaleDisconnected when it stops."""
        if self._port is None:
            await self.open()
        while not self._closing:
            yield await self._run(self._ask, WEIGH)
            await asyncio.sleep(self._poll)

    async def zero(self) -> ZeroMethod:
        """Send 'Z'; raise ScaleError when the scale refuses (in motion, over capacity, outside zero range)."""
        if self._port is None:
            raise ScaleNotFound(self.name, "no scale is connected")
        reply = await self._run(self._ask, ZERO)
        if reply.status is not ScaleStatus.ZERO:
            raise ScaleError(self.name, f"the scale did not zero ({reply.status.value}): empty it, let it settle")
        return ZeroMethod.SCALE

    def _drop(self) -> None:
        port, self._port = self._port, None
        close_quietly(port, "a serial port that failed")
