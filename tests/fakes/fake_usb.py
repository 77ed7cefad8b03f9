"""A pyusb backend with a Zebra printer in it, so the real pyusb code runs in tests without hardware."""

from __future__ import annotations

import errno
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import usb.backend
import usb.core

ZEBRA = 0x0A5F


def _host_status(paper_out: bool, paused: bool, head_open: bool) -> bytes:
    line1 = f"030,{int(paper_out)},{int(paused)},1218,000,0,0,0,000,0,0,0"
    line2 = f"001,0,{int(head_open)},0,0,2,4,0,00000000,1,000"
    return b"".join(b"\x02" + line.encode() + b"\x03\r\n" for line in (line1, line2, "1234,0"))


@dataclass
class FakeUsbDevice:
    """One device on the fake bus; flags change what it does."""

    vendor: int = ZEBRA
    product: int = 0x0166
    serial: str = "D4J123456789"
    product_name: str = "ZTC ZD421-203dpi ZPL"
    interface_class: int = 7
    bus: int = 1
    address: int = 5
    kernel_driver: bool = True  # usblp holds it until detached
    paper_out: bool = False  # a real Zebra stays silent to ~HS then
    head_open: bool = False
    paused: bool = False
    unplug_after_bytes: int | None = None  # vanish once this many bytes were written
    stale_input: bytes = b""  # left in the IN buffer from an earlier question
    written: bytearray = field(default_factory=bytearray)
    writes: list[int] = field(default_factory=list)  # size of every bulk write
    detached: bool = False
    claimed: bool = False
    unplugged: bool = False
    pending: bytearray = field(default_factory=bytearray)


def _gone() -> usb.core.USBError:
    return usb.core.USBError("No such device (it may have been disconnected)", error_code=-4, errno=errno.ENODEV)


class FakeUsbBackend(usb.backend.IBackend):
    """Implements the parts of usb.backend.IBackend pyusb uses to find, open, write to and read from a printer."""

    def __init__(self, *devices: FakeUsbDevice) -> None:
        super().__init__()
        self.devices = list(devices)

    # --- descriptors ---------------------------------------------------------------------------

    def enumerate_devices(self) -> Any:
        return [d for d in self.devices if not d.unplugged]

    def get_device_descriptor(self, dev: FakeUsbDevice) -> Any:
        return SimpleNamespace(
            bLength=18,
            bDescriptorType=1,
            bcdUSB=0x0200,
            bDeviceClass=0,
            bDeviceSubClass=0,
            bDeviceProtocol=0,
            bMaxPacketSize0=64,
            idVendor=dev.vendor,
            idProduct=dev.product,
            bcdDevice=0x0100,
            iManufacturer=1,
            iProduct=2,
            iSerialNumber=3,
            bNumConfigurations=1,
            address=dev.address,
            bus=dev.bus,
            port_number=1,
            port_numbers=(1,),
            speed=3,
        )

    def get_configuration_descriptor(self, dev: FakeUsbDevice, config: int) -> Any:
        if config != 0:
            raise IndexError(config)
        return SimpleNamespace(
            bLength=9,
            bDescriptorType=2,
            wTotalLength=32,
            bNumInterfaces=1,
            bConfigurationValue=1,
            iConfiguration=0,
            bmAttributes=0xC0,
            bMaxPower=1,
            extra_descriptors=[],
        )

    def get_interface_descriptor(self, dev: FakeUsbDevice, intf: int, alt: int, config: int) -> Any:
        if intf != 0 or alt != 0:
            raise IndexError(intf)
        return SimpleNamespace(
            bLength=9,
            bDescriptorType=4,
            bInterfaceNumber=0,
            bAlternateSetting=0,
            bNumEndpoints=2,
            bInterfaceClass=dev.interface_class,
            bInterfaceSubClass=1,
            bInterfaceProtocol=2,
            iInterface=0,
            extra_descriptors=[],
        )

    def get_endpoint_descriptor(self, dev: FakeUsbDevice, ep: int, intf: int, alt: int, config: int) -> Any:
        if ep not in (0, 1):
            raise IndexError(ep)
        return SimpleNamespace(
            bLength=7,
            bDescriptorType=5,
            bEndpointAddress=0x01 if ep == 0 else 0x81,
            bmAttributes=0x02,  # bulk
            wMaxPacketSize=64,
            bInterval=0,
            bRefresh=0,
            bSynchAddress=0,
            extra_descriptors=[],
        )

    # --- handles -------------------------------------------------------------------------------

    def open_device(self, dev: FakeUsbDevice) -> FakeUsbDevice:
        if dev.unplugged:
            raise _gone()
        return dev

    def close_device(self, dev_handle: FakeUsbDevice) -> None:
        dev_handle.claimed = False

    def set_configuration(self, dev_handle: FakeUsbDevice, config_value: int) -> None:
        return None

    def get_configuration(self, dev_handle: FakeUsbDevice) -> int:
        return 1

    def set_interface_altsetting(self, dev_handle: FakeUsbDevice, intf: int, altsetting: int) -> None:
        return None

    def is_kernel_driver_active(self, dev_handle: FakeUsbDevice, intf: int) -> bool:
        return dev_handle.kernel_driver and not dev_handle.detached

    def detach_kernel_driver(self, dev_handle: FakeUsbDevice, intf: int) -> None:
        dev_handle.detached = True

    def attach_kernel_driver(self, dev_handle: FakeUsbDevice, intf: int) -> None:
        dev_handle.detached = False

    def claim_interface(self, dev_handle: FakeUsbDevice, intf: int) -> None:
        if dev_handle.kernel_driver and not dev_handle.detached:
            raise usb.core.USBError("Resource busy", error_code=-6, errno=errno.EBUSY)
        dev_handle.claimed = True

    def release_interface(self, dev_handle: FakeUsbDevice, intf: int) -> None:
        dev_handle.claimed = False

    def ctrl_transfer(
        self,
        dev_handle: FakeUsbDevice,
        bmRequestType: int,
        bRequest: int,
        wValue: int,
        wIndex: int,
        data: Any,
        timeout: int,
    ) -> int:
        # GET_DESCRIPTOR(STRING): index 0 = language ids, 1-3 = manufacturer, product, serial.
        if bRequest == 6 and wValue >> 8 == 3:
            index = wValue & 0xFF
            if index == 0:
                payload = bytes([4, 3, 0x09, 0x04])
            else:
                text = {1: "Zebra Technologies", 2: dev_handle.product_name, 3: dev_handle.serial}[index]
                encoded = text.encode("utf-16-le")
                payload = bytes([2 + len(encoded), 3]) + encoded
            n = min(len(payload), len(data))
            data[:n] = type(data)(data.typecode, payload[:n])
            return n
        return 0

    # --- transfers -----------------------------------------------------------------------------

    def bulk_write(self, dev_handle: FakeUsbDevice, ep: int, intf: int, data: Any, timeout: int) -> int:
        if dev_handle.unplugged:
            raise _gone()
        if not dev_handle.claimed:
            raise usb.core.USBError("Interface not claimed", error_code=-6, errno=errno.EBUSY)
        chunk = bytes(data)
        limit = dev_handle.unplug_after_bytes
        if limit is not None and len(dev_handle.written) + len(chunk) > limit:
            dev_handle.written += chunk[: max(limit - len(dev_handle.written), 0)]
            dev_handle.unplugged = True
            raise _gone()
        dev_handle.written += chunk
        dev_handle.writes.append(len(chunk))
        if b"~HS" in chunk and not (dev_handle.paper_out or dev_handle.head_open):
            dev_handle.pending += _host_status(False, dev_handle.paused, False)
        return len(chunk)

    def bulk_read(self, dev_handle: FakeUsbDevice, ep: int, intf: int, buff: Any, timeout: int) -> int:
        if dev_handle.unplugged:
            raise _gone()
        if dev_handle.stale_input:
            dev_handle.pending[:0] = dev_handle.stale_input
            dev_handle.stale_input = b""
        if not dev_handle.pending:
            raise usb.core.USBTimeoutError("Operation timed out", error_code=-7, errno=errno.ETIMEDOUT)
        n = min(len(buff), len(dev_handle.pending))
        for i in range(n):
            buff[i] = dev_handle.pending[i]
        del dev_handle.pending[:n]
        return n

    def clear_halt(self, dev_handle: FakeUsbDevice, ep: int) -> None:
        return None

    def reset_device(self, dev_handle: FakeUsbDevice) -> None:
        return None
