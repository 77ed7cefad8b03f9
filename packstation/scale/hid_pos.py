"""USB scales that speak HID point of sale (usage page 0x8D), read through hidapi on the OS's own HID stack.

DYMO M10/M25, Mettler Toledo PS60, Stamps.com and other postal scales are plain HID devices: no driver is
installed or replaced. hidapi's wheels carry the library: on Windows and macOS the `hid` module talks to the
OS HID stack (hid.dll, IOHIDManager); on Linux the wheel's `hidraw` module reads /dev/hidraw* through the
kernel's usbhid driver (its `hid` module would detach that driver through libusb, so it is only a fallback).

Linux needs read/write access to /dev/hidraw*, e.g. /etc/udev/rules.d/60-scale.rules:
    KERNEL=="hidraw*", ATTRS{idVendor}=="0922", MODE="0660", TAG+="uaccess"

The scale data report (USB HID Point of Sale Usage Tables 1.02, Weighing Devices page 0x8D; the same layout
as erjiang/usbscale reads): report id (3), Scale Status, Weight Unit, Data Scaling (a signed power of ten),
Data Weight (16 bits, little endian).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from packstation.domain.errors import ScaleDisconnected, ScaleError, ScaleNotFound
from packstation.domain.weighing import ScaleReading, ScaleStatus, ZeroMethod
from packstation.scale.worker import BlockingDevice, close_quietly

log = logging.getLogger(__name__)

POS_SCALE_USAGE_PAGE = 0x8D
# Scales that may not report their usage page (hidapi's libusb backend on old versions): DYMO (M5/M10/M25),
# Mettler Toledo (PS60), Stamps.com. Vendor ids as in the public udev rules of erjiang/usbscale.
KNOWN_SCALE_VENDORS = {0x0922: "DYMO", 0x0EB8: "Mettler Toledo", 0x1446: "Stamps.com"}

SCALE_DATA_REPORT = 3
# Some scales send the data layout under report id 4 (erjiang/usbscale accepts both).
DATA_REPORT_IDS = frozenset({3, 4})
SCALE_CONTROL_REPORT = 2
# Scale Control report bits: 0 Enforced Zero Return, 1 Zero Scale.
ZERO_SCALE = 0x02
REPORT_SIZE = 6

_STATUS = {
    1: ScaleStatus.FAULT,
    2: ScaleStatus.ZERO,
    3: ScaleStatus.MOTION,
    4: ScaleStatus.STABLE,
    5: ScaleStatus.UNDER_ZERO,
    6: ScaleStatus.OVER_WEIGHT,
    7: ScaleStatus.NEEDS_CALIBRATION,
    8: ScaleStatus.NEEDS_ZEROING,
}

# Weight Unit selector values (HID POS 1.02) -> grams per unit. Taels (5) differ by region: not used.
UNIT_GRAMS: dict[int, float] = {
    1: 0.001,  # milligram
    2: 1.0,  # gram
    3: 1000.0,  # kilogram
    4: 0.2,  # carat
    6: 0.06479891,  # grain
    7: 1.55517384,  # pennyweight
    8: 1_000_000.0,  # metric ton
    9: 907_184.74,  # avoirdupois ton
    10: 31.1034768,  # troy ounce
    11: 28.349523125,  # ounce
    12: 453.59237,  # pound
}
UNIT_NAMES = {
    1: "mg",
    2: "g",
    3: "kg",
    4: "ct",
    5: "tael",
    6: "gr",
    7: "dwt",
    8: "t",
    9: "ton",
    10: "ozt",
    11: "oz",
    12: "lb",
}


def parse_scale_report(data: bytes | bytearray | list[int]) -> ScaleReading | None:
    """Return the reading of one scale data report, or None for a report of another kind (or too short).

    An unknown status or unit gives an UNKNOWN reading (never stable). Under zero the scale sends the size of
    the weight; the reading is negative then.
    """
    raw = bytes(data)
    if len(raw) < REPORT_SIZE or raw[0] not in DATA_REPORT_IDS:
        return None
    status = _STATUS.get(raw[1], ScaleStatus.UNKNOWN)
    factor = UNIT_GRAMS.get(raw[2])
    exponent = int.from_bytes(raw[3:4], "little", signed=True)
    value = int.from_bytes(raw[4:6], "little", signed=False)
    if factor is None:
        # An unknown unit cannot be turned into grams: keep what the scale says, never use it as a weight.
        return ScaleReading(float(value), False, ScaleStatus.UNKNOWN)
    grams = value * (10.0**exponent) * factor
    if status is ScaleStatus.UNDER_ZERO:
        grams = -grams
    if status is ScaleStatus.ZERO:
        grams = 0.0
    # Round away float noise (0.1 * 28.35...): a scale never resolves better than a milligram.
    return ScaleReading.of(round(grams, 3), status)


@dataclass(frozen=True)
class HidScaleInfo:
    """A HID POS scale as hidapi enumerates it."""

    path: bytes
    vendor_id: int
    product_id: int
    manufacturer: str
    product: str
    serial: str

    @property
    def name(self) -> str:
        maker = self.manufacturer or KNOWN_SCALE_VENDORS.get(self.vendor_id, "")
        return " ".join(part for part in (maker, self.product) if part) or f"{self.vendor_id:04x}:{self.product_id:04x}"

    @property
    def address(self) -> str:
        """What `scale.device` in the settings may say to choose this scale: VID:PID (the path changes per port)."""
        return f"{self.vendor_id:04x}:{self.product_id:04x}"


def default_hid_module() -> Any:
    """Return hidapi's module on the OS HID stack: `hidraw` on Linux (keeps usbhid), `hid` elsewhere."""
    if sys.platform.startswith("linux"):
        try:
            import hidraw

            return hidraw
        except ImportError:  # hidapi built from source without hidraw
            pass
    import hid

    return hid


def _is_scale(entry: dict[str, Any]) -> bool:
    if entry.get("usage_page") == POS_SCALE_USAGE_PAGE:
        return True
    # A known vendor whose interface reports no usage page at all (0): some backends cannot read it.
    return entry.get("vendor_id") in KNOWN_SCALE_VENDORS and not entry.get("usage_page")


def find_scales(hid_module: Any | None = None) -> list[HidScaleInfo]:
    """Return the HID POS scales connected now (one entry per device, even when it has several interfaces)."""
    hid_module = hid_module or default_hid_module()
    found: dict[bytes, HidScaleInfo] = {}
    for entry in hid_module.enumerate(0, 0):
        if not _is_scale(entry):
            continue
        path = entry["path"]
        found.setdefault(
            path,
            HidScaleInfo(
                path=path,
                vendor_id=int(entry.get("vendor_id") or 0),
                product_id=int(entry.get("product_id") or 0),
                manufacturer=str(entry.get("manufacturer_string") or ""),
                product=str(entry.get("product_string") or ""),
                serial=str(entry.get("serial_number") or ""),
            ),
        )
    return list(found.values())


def _matches(info: HidScaleInfo, device: str) -> bool:
    """Tell whether `device` from the settings names this scale: "" (any), VID:PID, serial number or path."""
    if not device:
        return True
    wanted = device.strip().lower()
    return wanted in (info.address, info.serial.lower(), info.path.decode(errors="replace").lower())


class HidPosScale(BlockingDevice):
    """One HID POS scale, read on worker threads (hidapi's reads block), so the event loop never waits on USB.

    `device` chooses the scale: "" for the first one found, VID:PID, its serial number or its hidapi path.
    `hid_module` is hidapi's module, or a fake with the same `enumerate`/`device` API in tests.
    """

    READ_TIMEOUT_MS = 250  # a read returns at least this often, so close() never waits long

    def __init__(self, device: str = "", *, hid_module: Any | None = None) -> None:
        super().__init__("hid scale")
        self._wanted = device
        self._hid = hid_module
        self._device: Any | None = None
        self._info: HidScaleInfo | None = None
        self._tare_grams = 0.0  # the software zero, when the scale cannot be zeroed remotely
        self._last_raw: ScaleReading | None = None

    @property
    def name(self) -> str:
        return self._info.name if self._info else (self._wanted or "USB scale")

    @property
    def connected(self) -> bool:
        return self._device is not None

    def _open_blocking(self) -> None:
        hid_module = self._hid or default_hid_module()
        self._hid = hid_module
        try:
            candidates = [info for info in find_scales(hid_module) if _matches(info, self._wanted)]
        except OSError as exc:
            raise ScaleNotFound(self.name, f"the USB devices cannot be listed: {exc}") from exc
        if not candidates:
            which = f" {self._wanted}" if self._wanted else ""
            raise ScaleNotFound(self.name, f"no USB scale{which} is connected")
        info = candidates[0]
        handle = hid_module.device()
        try:
            handle.open_path(info.path)
        except OSError as exc:
            # Usually permissions (Linux without the udev rule) or another program holding the scale.
            raise ScaleNotFound(
                info.name, f"the scale cannot be opened ({exc}); see the udev rule in the docs"
            ) from exc
        self._info = info
        self._device = handle
        self._tare_grams = 0.0
        self._last_raw = None
        log.info("Scale %s opened (%s)", info.name, info.address)

    async def readings(self) -> AsyncIterator[ScaleReading]:
        """Yield every reading the scale sends; raise ScaleDisconnected when it goes away."""
        if self._device is None:
            await self.open()
        while not self._closing:
            report = await self._run(self._read_blocking)
            if report is None:
                continue
            reading = parse_scale_report(report)
            if reading is None:
                continue
            self._last_raw = reading
            yield self._tared(reading)

    def _read_blocking(self) -> bytes | None:
        with self._lock:
            handle = self._device
            if handle is None:
                raise ScaleDisconnected(self.name, "the scale is closed")
            try:
                data = handle.read(64, self.READ_TIMEOUT_MS)
            except (OSError, ValueError) as exc:
                # hidapi raises OSError ("read error") once the device is gone; ValueError on a closed handle.
                self._drop()
                raise ScaleDisconnected(self.name, f"the scale was disconnected ({exc})") from exc
        return bytes(data) if data else None

    def _tared(self, reading: ScaleReading) -> ScaleReading:
        if not self._tare_grams or reading.status not in (ScaleStatus.STABLE, ScaleStatus.MOTION, ScaleStatus.ZERO):
            return reading
        grams = round(reading.grams - self._tare_grams, 3)
        if reading.status is ScaleStatus.MOTION:
            return ScaleReading(grams, False, ScaleStatus.MOTION)
        if abs(grams) < 0.5:
            return ScaleReading.of(0.0, ScaleStatus.ZERO)
        return ScaleReading.of(grams, ScaleStatus.STABLE if grams > 0 else ScaleStatus.UNDER_ZERO)

    async def zero(self) -> ZeroMethod:
        """Zero the scale with the HID POS Zero Scale control; where it refuses, zero in software instead."""
        if self._device is None:
            raise ScaleNotFound(self.name, "no scale is connected")
        if await self._run(self._send_zero):
            self._tare_grams = 0.0
            return ZeroMethod.SCALE
        last = self._last_raw
        if last is None or not last.stable:
            raise ScaleError(self.name, "the weight is not stable: wait until it settles, then zero again")
        # Software tare: subtract what the scale weighs now from every later reading (said so by ZeroMethod).
        self._tare_grams = last.grams
        return ZeroMethod.SOFTWARE

    def _send_zero(self) -> bool:
        with self._lock:
            handle = self._device
            if handle is None:
                raise ScaleDisconnected(self.name, "the scale is closed")
            try:
                written = handle.write([SCALE_CONTROL_REPORT, ZERO_SCALE])
            except (OSError, ValueError) as exc:
                log.info("Scale %s takes no Zero Scale report (%s): zeroing in software", self.name, exc)
                return False
        return isinstance(written, int) and written > 0

    def _drop(self) -> None:
        handle, self._device = self._device, None
        close_quietly(handle, "a scale that is gone")
