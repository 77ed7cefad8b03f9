"""Transports: USB through the real pyusb code on a fake backend, TCP 9100 on loopback, lp, virtual folder."""

from __future__ import annotations

import asyncio
import os
import socket
import stat
import sys
import threading
from pathlib import Path

import pytest

from packstation import i18n
from packstation.domain.errors import PrinterDisconnected, PrinterNotFound, PrinterNotReady
from packstation.printing import transport as tr
from packstation.printing import usb as zebra_usb
from packstation.printing.network import NetworkTransport, parse_address
from packstation.printing.spooler import SpoolerTransport
from packstation.printing.virtual import VirtualPrinter
from tests.fakes.fake_usb import FakeUsbBackend, FakeUsbDevice

# --- ~HS parsing -------------------------------------------------------------------------------


def test_host_status_parsing():
    assert tr.parse_host_status(tr.host_status_answer()).ready
    status = tr.parse_host_status(tr.host_status_answer(paper_out=True, head_open=True, formats_waiting=2))
    assert not status.ready
    assert status.conditions == (tr.PAPER_OUT, tr.HEAD_OPEN)
    assert status.labels_waiting == 2
    assert i18n.printer_state(status.ready, status.conditions) == "paper out, print head open"
    assert i18n.printer_state(status.ready, status.conditions, "nl") == "papier op, printkop open"
    assert tr.parse_host_status(b"").conditions == (tr.NO_ANSWER,)


# --- USB -----------------------------------------------------------------------------------------


def test_discovery_matches_vendor_and_printer_class_only():
    backend = FakeUsbBackend(
        FakeUsbDevice(serial="ZEBRA1"),
        FakeUsbDevice(vendor=0x04B8, serial="EPSON"),
        FakeUsbDevice(interface_class=3, serial="ZEBRA-HID"),
    )
    found = zebra_usb.discover(backend)
    assert [p.serial for p in found] == ["ZEBRA1"]
    assert found[0].product == "ZTC ZD421-203dpi ZPL"


async def test_usb_detaches_kernel_driver_and_writes_in_chunks():
    device = FakeUsbDevice()
    transport = zebra_usb.UsbTransport(backend=FakeUsbBackend(device), chunk_size=4096)
    payload = b"^XA" + b"F" * 10_000 + b"^XZ"
    await transport.send(payload, "P1")
    assert device.detached and device.claimed
    assert bytes(device.written) == payload
    assert max(device.writes) <= 4096 and len(device.writes) == 3


async def test_usb_status_drains_stale_answers_first():
    device = FakeUsbDevice(stale_input=tr.host_status_answer(paper_out=True))
    transport = zebra_usb.UsbTransport(backend=FakeUsbBackend(device))
    status = await transport.status()
    assert status.ready, status


async def test_usb_paper_out_silence_is_not_ready():
    device = FakeUsbDevice(paper_out=True)
    transport = zebra_usb.UsbTransport(backend=FakeUsbBackend(device), status_timeout_ms=200)
    status = await transport.status()
    assert not status.ready and status.conditions == (tr.NO_ANSWER,)


async def test_usb_paused_printer_reports_paused():
    transport = zebra_usb.UsbTransport(backend=FakeUsbBackend(FakeUsbDevice(paused=True)))
    status = await transport.status()
    assert status.conditions == (tr.PAUSED,)


async def test_usb_unplug_mid_write_is_a_clear_disconnect():
    device = FakeUsbDevice(unplug_after_bytes=5000)
    transport = zebra_usb.UsbTransport(backend=FakeUsbBackend(device), chunk_size=4096)
    with pytest.raises(PrinterDisconnected, match=r"disconnected during printing \(4096 of 12000 bytes sent\)"):
        await transport.send(b"x" * 12_000, "P1")
    assert not (await transport.status()).ready


async def test_usb_serial_selects_the_printer_and_missing_one_is_not_found():
    backend = FakeUsbBackend(FakeUsbDevice(serial="A", address=5), FakeUsbDevice(serial="B", address=6))
    await zebra_usb.UsbTransport("B", backend=backend).send(b"^XA^XZ", "j")
    assert bytes(backend.devices[1].written) == b"^XA^XZ" and not backend.devices[0].written
    with pytest.raises(PrinterNotFound, match="serial number C"):
        await zebra_usb.UsbTransport("C", backend=backend).send(b"^XA^XZ", "j")


# --- TCP 9100 -----------------------------------------------------------------------------------


class FakeNetworkPrinter:
    """A loopback server that stores jobs and answers ~HS (or stays silent when paper is out)."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.received = bytearray()
        self.paper_out = False
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            with conn:
                while True:
                    data = conn.recv(65536)
                    if not data:
                        break
                    if data.startswith(b"~HS"):
                        if not self.paper_out:
                            conn.sendall(tr.host_status_answer())
                        continue
                    self.received += data

    def close(self) -> None:
        self.server.close()


@pytest.fixture
def network_printer():
    printer = FakeNetworkPrinter()
    yield printer
    printer.close()


async def test_network_send_and_status(network_printer):
    transport = NetworkTransport(f"127.0.0.1:{network_printer.port}", status_timeout=0.3)
    payload = b"^XA" + b"A" * 200_000 + b"^XZ"
    await transport.send(payload, "P1")
    for _ in range(50):
        if len(network_printer.received) == len(payload):
            break
        await asyncio.sleep(0.02)
    assert bytes(network_printer.received) == payload
    assert (await transport.status()).ready
    network_printer.paper_out = True
    assert (await transport.status()).conditions == (tr.NO_ANSWER,)


async def test_network_unreachable_is_not_found():
    with socket.create_server(("127.0.0.1", 0)) as s:
        port = s.getsockname()[1]
    transport = NetworkTransport(f"127.0.0.1:{port}", connect_timeout=0.5)
    with pytest.raises(PrinterNotFound, match="Cannot reach"):
        await transport.send(b"^XA^XZ", "j")
    assert (await transport.status()).conditions == (tr.OFFLINE,)


def test_parse_address():
    assert parse_address("zebra.local") == ("zebra.local", 9100)
    assert parse_address("10.0.0.5:6101") == ("10.0.0.5", 6101)
    assert parse_address("[fe80::1]:9100") == ("fe80::1", 9100)


# --- spooler (lp) ---------------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="lp is the CUPS path")
async def test_lp_gets_an_argument_list_and_the_bytes_unchanged(tmp_path: Path):
    log = tmp_path / "args"
    out = tmp_path / "job.bin"
    fake_lp = tmp_path / "lp"
    fake_lp.write_text(
        f"#!{sys.executable}\nimport sys\nopen({str(log)!r}, 'w').write(repr(sys.argv[1:]))\n"
        f"open({str(out)!r}, 'wb').write(sys.stdin.buffer.read())\nprint('request id is Q-1 (1 file(s))')\n"
    )
    fake_lp.chmod(fake_lp.stat().st_mode | stat.S_IEXEC)
    queue = "Zebra; rm -rf ~ $(reboot) `id`"
    payload = bytes(range(256)) * 4
    await SpoolerTransport(queue, lp=str(fake_lp)).send(payload, "P2024-0001 & more")
    assert out.read_bytes() == payload
    assert eval(log.read_text()) == ["-d", queue, "-o", "raw", "-t", "P2024-0001 & more"]


@pytest.mark.skipif(sys.platform == "win32", reason="lp is the CUPS path")
async def test_lp_refusal_is_reported(tmp_path: Path):
    fake_lp = tmp_path / "lp"
    fake_lp.write_text("#!/bin/sh\necho 'lp: The printer or class does not exist.' >&2\nexit 1\n")
    fake_lp.chmod(0o755)
    with pytest.raises(PrinterNotFound, match="does not exist"):
        await SpoolerTransport("NOPE", lp=str(fake_lp)).send(b"^XA^XZ", "j")


@pytest.mark.cups
@pytest.mark.skipif(not os.environ.get("PACKSTATION_CUPS_RAW_QUEUE"), reason="needs PACKSTATION_CUPS_RAW_QUEUE")
async def test_cups_raw_queue_passes_zpl_byte_for_byte():
    queue = os.environ["PACKSTATION_CUPS_RAW_QUEUE"]
    device_file = Path(os.environ.get("PACKSTATION_CUPS_RAW_FILE", "/var/spool/packstation-raw/zplraw.out"))
    payload = b"^XA^FO0,0^GFA,2,2,1,:Z64:eJxjYGAAAAAEAAE=:0000^FS^XZ\n" + os.urandom(16).hex().encode()
    transport = SpoolerTransport(queue)
    assert (await transport.status()).ready
    await transport.send(payload, "cups-test")
    for _ in range(100):
        if device_file.exists() and payload in device_file.read_bytes():
            break
        await asyncio.sleep(0.1)
    assert payload in device_file.read_bytes()


# --- virtual ---------------------------------------------------------------------------------------


async def test_virtual_printer_numbers_jobs_and_simulates_paper_out(tmp_path: Path):
    printer = VirtualPrinter(tmp_path / "prints")
    await printer.send(b"^XA^XZ", "P2024/0001")
    await printer.send(b"%PDF-1.4 ...", "P2")
    assert [p.name for p in printer.jobs()] == ["0001-P2024_0001.zpl", "0002-P2.pdf"]
    printer.simulate(tr.PAPER_OUT)
    assert (await printer.status()).conditions == (tr.PAPER_OUT,)
    with pytest.raises(PrinterNotReady) as refused:
        await printer.send(b"^XA^XZ", "P3")
    assert refused.value.conditions == (tr.PAPER_OUT,)
    assert len(printer.jobs()) == 2
