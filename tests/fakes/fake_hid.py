"""A fake of hidapi's module (`hid` / `hidraw`): the same `enumerate()` and `device` API, with scales in it.

The scale adapter takes the module as `hid_module`, so its finding, opening, reading, zeroing and
disconnect handling run unchanged; only the USB underneath is made up. Behaviour copied from cython-hidapi:
`enumerate(vid, pid)` returns dicts, `open_path` raises OSError("open failed"), `read(n, timeout_ms)` returns a
list of ints (empty on timeout) and raises OSError("read error") once the device is gone, `write` returns the
byte count or raises OSError("write error").
"""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

DYMO = 0x0922
DYMO_M10 = 0x8003


def data_report(status: int, unit: int, exponent: int, value: int, report_id: int = 3) -> bytes:
    """A HID POS scale data report: id, status, unit, signed exponent, 16-bit little-endian weight."""
    return bytes([report_id, status, unit, exponent & 0xFF]) + value.to_bytes(2, "little")


@dataclass
class FakeHidScale:
    """One scale on the fake bus. Queue reports with `send()`; `unplug()` and `plug_in()` it mid-read."""

    vendor_id: int = DYMO
    product_id: int = DYMO_M10
    path: bytes = b"/dev/hidraw3"
    product: str = "M10 10 kg Digital Postal Scale"
    manufacturer: str = "DYMO"
    serial: str = "0071234567890"
    usage_page: int = 0x8D
    accepts_zero: bool = True  # False: the write of the Zero Scale report fails, as on scales without it
    opens: bool = True  # False: no permission (Linux without the udev rule)
    repeat_last: bool = True  # a real DYMO repeats its last report continuously; False: only queued ones
    plugged: bool = True
    written: list[bytes] = field(default_factory=list)
    pending: deque[bytes] = field(default_factory=deque)
    last: bytes = b""
    opened: int = 0
    _changed: threading.Condition = field(default_factory=threading.Condition)

    def send(self, *reports: bytes) -> None:
        with self._changed:
            self.pending.extend(reports)
            self._changed.notify_all()

    def unplug(self) -> None:
        with self._changed:
            self.plugged = False
            self._changed.notify_all()

    def plug_in(self) -> None:
        with self._changed:
            self.plugged = True
            self._changed.notify_all()

    def take(self, timeout_ms: int) -> bytes | None:
        """The next report within the timeout, or None; raises OSError once unplugged."""
        deadline = time.monotonic() + timeout_ms / 1000
        with self._changed:
            while True:
                if not self.plugged:
                    raise OSError("read error")
                if self.pending:
                    self.last = self.pending.popleft()
                    return self.last
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return self.last if (self.repeat_last and self.last) else None
                self._changed.wait(remaining)

    def entry(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "vendor_id": self.vendor_id,
            "product_id": self.product_id,
            "serial_number": self.serial,
            "release_number": 0x0100,
            "manufacturer_string": self.manufacturer,
            "product_string": self.product,
            "usage_page": self.usage_page,
            "usage": 0x20,
            "interface_number": 0,
        }


class FakeHidModule:
    """Stands in for `import hid`: `FakeHidModule(scale).enumerate()` and `.device()`."""

    def __init__(self, *devices: FakeHidScale) -> None:
        self.devices = list(devices)
        module = self

        class device:  # named as hidapi names it
            def __init__(self) -> None:
                self._scale: FakeHidScale | None = None

            def open_path(self, path: bytes) -> None:
                for candidate in module.devices:
                    if candidate.path == path and candidate.plugged:
                        if not candidate.opens:
                            raise OSError("open failed")
                        candidate.opened += 1
                        self._scale = candidate
                        return
                raise OSError("open failed")

            def read(self, max_length: int, timeout_ms: int = 0) -> list[int]:
                if self._scale is None:
                    raise ValueError("not open")
                report = self._scale.take(timeout_ms)
                return list(report[:max_length]) if report else []

            def write(self, buffer: list[int] | bytes) -> int:
                if self._scale is None:
                    raise ValueError("not open")
                if not self._scale.plugged or not self._scale.accepts_zero:
                    raise OSError("write error")
                self._scale.written.append(bytes(buffer))
                return len(buffer)

            def close(self) -> None:
                self._scale = None

        self.device = device

    def enumerate(self, vendor_id: int = 0, product_id: int = 0) -> list[dict[str, Any]]:
        return [
            d.entry()
            for d in self.devices
            if d.plugged and vendor_id in (0, d.vendor_id) and product_id in (0, d.product_id)
        ]
