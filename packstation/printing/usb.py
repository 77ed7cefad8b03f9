"""Zebra printers on USB through pyusb (libusb from the libusb-package wheel).

Linux needs a udev rule so the packer's account may open the printer, e.g. in
/etc/udev/rules.d/60-zebra.rules:
    SUBSYSTEM=="usb", ATTRS{idVendor}=="0a5f", MODE="0660", TAG+="uaccess"
On Windows the Zebra driver owns the device: use the spooler transport (RAW) there instead.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

import usb.core
import usb.util

from packstation.domain.errors import PrinterDisconnected, PrinterNotFound
from packstation.printing.transport import (
    ETX,
    HOST_STATUS_QUERY,
    NO_ANSWER,
    OFFLINE,
    PrinterStatus,
    not_ready,
    parse_host_status,
)

log = logging.getLogger(__name__)

ZEBRA_VENDOR_ID = 0x0A5F
PRINTER_CLASS = 7
_GONE_ERRNOS = {errno.ENODEV, errno.EIO, errno.ENOENT, errno.EPIPE}
_LIBUSB_NO_DEVICE = -4
_LIBUSB_IO = -1


def default_backend() -> Any:
    """Return pyusb's libusb1 backend on the libusb shipped by libusb-package."""
    import libusb_package

    return libusb_package.get_libusb1_backend()


@dataclass(frozen=True)
class UsbPrinterInfo:
    """A Zebra printer found on USB."""

    serial: str
    product: str
    bus: int | None
    address: int | None
    product_id: int


def _printer_interface(device: Any) -> Any | None:
    for config in device:
        for interface in config:
            if interface.bInterfaceClass == PRINTER_CLASS:
                return interface
    return None


def _string(device: Any, attribute: str) -> str:
    try:
        return str(getattr(device, attribute) or "")
    except (usb.core.USBError, ValueError, NotImplementedError):
        # No permission (udev rule missing) or no string descriptor: the printer is still usable.
        return ""


def _is_gone(exc: usb.core.USBError) -> bool:
    return exc.errno in _GONE_ERRNOS or getattr(exc, "backend_error_code", None) in (_LIBUSB_NO_DEVICE, _LIBUSB_IO)


def find_zebras(backend: Any | None = None) -> list[Any]:
    """Return the pyusb devices of Zebra vendor with a printer-class interface."""
    backend = backend if backend is not None else default_backend()
    devices = usb.core.find(
        find_all=True,
        idVendor=ZEBRA_VENDOR_ID,
        backend=backend,
        custom_match=lambda d: _printer_interface(d) is not None,
    )
    return list(devices or [])


def discover(backend: Any | None = None) -> list[UsbPrinterInfo]:
    """Return every Zebra printer on USB."""
    return [
        UsbPrinterInfo(
            serial=_string(d, "serial_number"),
            product=_string(d, "product") or f"Zebra {d.idProduct:04x}",
            bus=d.bus,
            address=d.address,
            product_id=d.idProduct,
        )
        for d in find_zebras(backend)
    ]


class UsbTransport:
    """One Zebra on USB, chosen by serial number (or the only one connected)."""

    def __init__(
        self,
        serial: str = "",
        *,
        name: str = "",
        backend: Any | None = None,
        chunk_size: int = 16384,
        write_timeout_ms: int = 10_000,
        status_timeout_ms: int = 1500,
    ) -> None:
        self.serial = serial
        self._name = name or (f"Zebra USB {serial}" if serial else "Zebra USB")
        self._backend = backend
        self.chunk_size = chunk_size
        self.write_timeout_ms = write_timeout_ms
        self.status_timeout_ms = status_timeout_ms
        self._device: Any | None = None
        self._interface: Any | None = None
        self._ep_out: Any | None = None
        self._ep_in: Any | None = None
        # pyusb handles are not safe to share between threads; to_thread may use any worker.
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return self._name

    # --- opening -------------------------------------------------------------------------------

    def _find_device(self) -> Any:
        """Return the Zebra to use: the first connected, or the one with the set serial number."""
        try:
            devices = find_zebras(self._backend_or_default())
        except usb.core.NoBackendError as exc:
            raise PrinterNotFound(self.name, "USB is not available on this computer (no libusb).") from exc
        if self.serial:
            devices = [d for d in devices if _string(d, "serial_number") == self.serial]
        if not devices:
            which = f"with serial number {self.serial} " if self.serial else ""
            raise PrinterNotFound(
                self.name, f"No Zebra printer {which}is connected by USB. Check the cable and that it is switched on."
            )
        return devices[0]

    def _claim(self, device: Any, number: int) -> None:
        """Claim the printer's interface from the operating system; say why when it cannot be had."""
        try:
            try:
                if device.is_kernel_driver_active(number):
                    # Linux's usblp holds the printer; libusb cannot claim it until it lets go.
                    device.detach_kernel_driver(number)
            except NotImplementedError:
                pass  # macOS/Windows backends have no kernel-driver calls
            try:
                device.get_active_configuration()
            except usb.core.USBError:
                device.set_configuration()
            usb.util.claim_interface(device, number)
        except usb.core.USBError as exc:
            usb.util.dispose_resources(device)
            if exc.errno in (errno.EACCES, errno.EPERM):
                raise PrinterNotFound(
                    self.name,
                    "No permission to use the USB printer. On Linux add the udev rule from the manual and replug it.",
                ) from exc
            if exc.errno == errno.EBUSY:
                raise PrinterNotFound(self.name, "Another program is using the USB printer.") from exc
            raise PrinterNotFound(self.name, f"The USB printer cannot be opened ({exc}).") from exc

    def _backend_or_default(self) -> Any:
        if self._backend is None:
            self._backend = default_backend()
        return self._backend

    def _open(self) -> None:
        if self._device is not None:
            return
        device = self._find_device()
        interface = _printer_interface(device)
        assert interface is not None  # find_zebras only returns devices with one
        self._claim(device, interface.bInterfaceNumber)
        ep_out = _bulk_endpoint(interface, usb.util.ENDPOINT_OUT)
        ep_in = _bulk_endpoint(interface, usb.util.ENDPOINT_IN)
        if ep_out is None:
            usb.util.dispose_resources(device)
            raise PrinterNotFound(self.name, "The USB printer has no bulk OUT endpoint to send labels to.")
        self._device, self._interface, self._ep_out, self._ep_in = device, interface, ep_out, ep_in

    def _forget(self) -> None:
        if self._device is not None:
            try:
                usb.util.dispose_resources(self._device)
            except usb.core.USBError:
                log.debug("USB resources of a gone printer could not be released", exc_info=True)
        self._device = self._interface = self._ep_out = self._ep_in = None

    def close(self) -> None:
        """Release the printer."""
        with self._lock:
            self._forget()

    # --- sending -------------------------------------------------------------------------------

    def _write_all(self, data: bytes) -> None:
        with self._lock:
            self._open()
            assert self._device is not None and self._ep_out is not None
            sent = 0
            try:
                while sent < len(data):
                    chunk = data[sent : sent + self.chunk_size]
                    sent += self._device.write(self._ep_out.bEndpointAddress, chunk, self.write_timeout_ms)
            except usb.core.USBTimeoutError as exc:
                self._forget()
                log.warning("%s stopped taking data after %d of %d bytes", self.name, sent, len(data))
                raise not_ready(self.name, (NO_ANSWER,)) from exc
            except usb.core.USBError as exc:
                self._forget()
                if _is_gone(exc):
                    raise PrinterDisconnected(
                        self.name,
                        f"The USB printer was disconnected during printing ({sent} of {len(data)} bytes sent). "
                        "The label is kept: reconnect the printer and reprint.",
                    ) from exc
                raise PrinterDisconnected(self.name, f"USB error during printing: {exc}. Reprint the label.") from exc

    async def send(self, data: bytes, job_name: str) -> None:
        """Write the job to the printer's bulk OUT endpoint in chunks."""
        log.info("USB %s: sending %s (%d bytes)", self.name, job_name, len(data))
        await asyncio.to_thread(self._write_all, data)

    # --- status --------------------------------------------------------------------------------

    def _read_once(self, timeout_ms: int) -> bytes:
        assert self._device is not None and self._ep_in is not None
        size = max(int(self._ep_in.wMaxPacketSize), 64)
        return bytes(self._device.read(self._ep_in.bEndpointAddress, size, timeout_ms))

    def _drain(self) -> None:
        # Old answers left in the printer's IN buffer would be taken for the answer to this question.
        for _ in range(64):
            try:
                if not self._read_once(20):
                    return
            except usb.core.USBTimeoutError:
                return

    def query_status(self) -> PrinterStatus:
        """Ask ~HS and return the parsed answer, blocking up to the status timeout (call on a worker thread)."""
        with self._lock:
            try:
                self._open()
            except PrinterNotFound as exc:
                return PrinterStatus(ready=False, conditions=(OFFLINE,), detail=exc.message)
            assert self._device is not None and self._ep_out is not None
            if self._ep_in is None:
                return PrinterStatus(ready=True, detail="this printer cannot report its status")
            try:
                self._drain()
                self._device.write(self._ep_out.bEndpointAddress, HOST_STATUS_QUERY, self.status_timeout_ms)
                answer = b""
                deadline = time.monotonic() + self.status_timeout_ms / 1000
                while answer.count(bytes([ETX])) < 3:
                    left_ms = int((deadline - time.monotonic()) * 1000)
                    if left_ms <= 0:
                        break
                    answer += self._read_once(left_ms)
            except usb.core.USBTimeoutError:
                pass  # silence is an answer: see parse_host_status
            except usb.core.USBError as exc:
                self._forget()
                return PrinterStatus(ready=False, conditions=(OFFLINE,), detail=str(exc))
            return parse_host_status(answer)

    async def status(self) -> PrinterStatus:
        """Ask ~HS and return the parsed answer; no answer in time means not ready."""
        return await asyncio.to_thread(self.query_status)


def _bulk_endpoint(interface: Any, direction: int) -> Any:
    """Return the interface's bulk endpoint in `direction` (usb.util.ENDPOINT_OUT or _IN), or None."""
    return usb.util.find_descriptor(
        interface,
        custom_match=lambda e: (
            usb.util.endpoint_direction(e.bEndpointAddress) == direction
            and usb.util.endpoint_type(e.bmAttributes) == usb.util.ENDPOINT_TYPE_BULK
        ),
    )
