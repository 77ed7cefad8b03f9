"""Find the printers this computer sees: Zebras on USB (with their status) and the system's print queues.

Blocking (USB status questions wait up to a second and a half per printer, lpstat may take a moment): the
settings dialog runs it on a worker thread, `packstation printers` runs it directly.
"""

from __future__ import annotations

import logging
from typing import Any

from packstation.domain.printers import PRINT_QUEUE, USB_PRINTER, FoundPrinter, PrinterSearch

log = logging.getLogger(__name__)


def find_usb_zebras(backend: Any | None = None) -> PrinterSearch:
    """Return the Zebras on USB with their status; a missing libusb or permission is a problem, not an error."""
    try:
        from packstation.printing import usb as zebra_usb

        found = zebra_usb.discover(backend)
    except Exception as exc:  # no libusb, no permission, no pyusb backend: still list the system queues
        log.info("USB printers cannot be listed: %s", exc)
        return PrinterSearch(problems=(f"USB not available: {exc}",))
    printers = []
    for info in found:
        transport = zebra_usb.UsbTransport(info.serial, backend=backend)
        try:
            status = transport.query_status()
        finally:
            transport.close()
        printers.append(
            FoundPrinter(
                kind=USB_PRINTER,
                address=info.serial,
                name=info.product,
                ready=status.ready,
                conditions=tuple(status.conditions),  # in words at the edge: i18n.printer_state
            )
        )
    return PrinterSearch(printers=tuple(printers))


def find_print_queues(lpstat: str | None = None) -> PrinterSearch:
    """Return the system's print queues (CUPS through lpstat, Windows through win32print)."""
    from packstation.printing import spooler

    queues = spooler.list_cups_queues(lpstat) + spooler.list_windows_printers()
    return PrinterSearch(
        printers=tuple(
            FoundPrinter(
                kind=PRINT_QUEUE,
                address=q.name,
                name=q.name,
                ready=q.state != "disabled",
                status=q.state,
                device=q.device,
            )
            for q in queues
        )
    )


def find_printers(usb_backend: Any | None = None, lpstat: str | None = None) -> PrinterSearch:
    """Return every Zebra on USB and every system print queue, and what could not be searched."""
    usb = find_usb_zebras(usb_backend)
    queues = find_print_queues(lpstat)
    return PrinterSearch(printers=usb.printers + queues.printers, problems=usb.problems + queues.problems)
