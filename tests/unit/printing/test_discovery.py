"""Printer discovery: Zebras on USB with their status and the system's print queues, in one search."""

from __future__ import annotations

import stat
from pathlib import Path

from packstation.domain.printers import PRINT_QUEUE, USB_PRINTER
from packstation.printing.discovery import find_printers
from tests.fakes.fake_usb import FakeUsbBackend, FakeUsbDevice


def fake_lpstat(tmp_path: Path) -> str:
    """An lpstat that knows two queues, one of them switched off."""
    script = tmp_path / "lpstat"
    script.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = "-p" ]; then\n'
        "  echo 'printer Zebra_ZD421 is idle.  enabled since Fri 04 Dec 2026'\n"
        "  echo 'printer Brother_HL disabled since Fri 04 Dec 2026 -'\n"
        "else\n"
        "  echo 'device for Zebra_ZD421: usb://Zebra%20Technologies/ZTC%20ZD421'\n"
        "  echo 'device for Brother_HL: ipp://192.168.1.50/ipp'\n"
        "fi\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


def test_finds_usb_zebras_with_their_status_and_the_print_queues(tmp_path):
    backend = FakeUsbBackend(
        FakeUsbDevice(serial="D4J111", address=5),
        FakeUsbDevice(serial="D4J222", address=6, paper_out=True),
        FakeUsbDevice(vendor=0x04B8, serial="EPSON"),
    )
    search = find_printers(backend, fake_lpstat(tmp_path))
    usb = [p for p in search.printers if p.kind == USB_PRINTER]
    assert [(p.address, p.name, p.ready) for p in usb] == [
        ("D4J111", "ZTC ZD421-203dpi ZPL", True),
        ("D4J222", "ZTC ZD421-203dpi ZPL", False),
    ]
    queues = [p for p in search.printers if p.kind == PRINT_QUEUE]
    assert [(q.address, q.ready, q.device) for q in queues] == [
        ("Zebra_ZD421", True, "usb://Zebra%20Technologies/ZTC%20ZD421"),
        ("Brother_HL", False, "ipp://192.168.1.50/ipp"),
    ]
    assert search.problems == ()


def test_no_usb_access_is_a_problem_named_and_the_queues_are_still_listed(tmp_path):
    class NoLibusb(FakeUsbBackend):
        def enumerate_devices(self):
            raise OSError("libusb not found")

    search = find_printers(NoLibusb(), fake_lpstat(tmp_path))
    assert [p.address for p in search.printers] == ["Zebra_ZD421", "Brother_HL"]
    assert search.problems == ("USB not available: libusb not found",)
