"""Printers this computer sees (`packstation printers`, the settings dialog's printer lists)."""

from __future__ import annotations

from dataclasses import dataclass

USB_PRINTER = "usb"  # a Zebra on USB: its address in the settings is the serial number
PRINT_QUEUE = "queue"  # a print queue of the operating system (CUPS, Windows): its address is the queue name


@dataclass(frozen=True)
class FoundPrinter:
    """One printer found: a Zebra on USB or a system print queue."""

    kind: str  # USB_PRINTER or PRINT_QUEUE
    address: str  # what a printer's address setting takes: the USB serial ("" = unreadable) or the queue name
    name: str  # the product ("ZTC ZD421-203dpi ZPL") or the queue name
    ready: bool = True
    conditions: tuple[str, ...] = ()  # why a Zebra is not ready (printing.transport condition names)
    status: str = ""  # a print queue's state as the system names it (a Zebra's is its ready and conditions)
    device: str = ""  # a queue's device URI, when the system names it


@dataclass(frozen=True)
class PrinterSearch:
    """What one search found, and what kept it from looking everywhere (e.g. no USB access)."""

    printers: tuple[FoundPrinter, ...] = ()
    problems: tuple[str, ...] = ()
